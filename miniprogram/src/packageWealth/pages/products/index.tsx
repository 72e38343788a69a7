import { Button, Text, View } from '@tarojs/components';
import type { RiskProfile, WealthHoldings } from '@contract/wealth-schemas';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { goTo, PAGES } from '@/lib/nav';
import { getRiskProfile, getWealthHoldings, getWealthProducts } from '../../api';
import { AssetBreakdown, ProductRow, ValueFigures } from '../../components/Bits';
import '../../wealth.css';

function Summary({ holdings }: { holdings: WealthHoldings }) {
  const { totals } = holdings;
  return (
    <View className='card'>
      <ValueFigures
        label='理财总资产'
        valueFen={totals.totalAssetsFen}
        figures={totals}
        ids={{ value: 'wealth-total-value', yesterday: 'wealth-yesterday', total: 'wealth-total-earnings' }}
      />
      <AssetBreakdown totals={totals} />
      <View className='buttons'>
        <Button id='wealth-holdings' className='btn btn--primary btn--small' onClick={() => goTo(PAGES.wealthHoldings)}>
          我的持仓
        </Button>
        <Button id='wealth-orders' className='btn btn--ghost btn--small' onClick={() => goTo(PAGES.wealthOrders)}>
          交易记录
        </Button>
      </View>
    </View>
  );
}

function Risk({ profile }: { profile: RiskProfile }) {
  const { assessment } = profile;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>风险承受能力</Text>
        <Text id='wealth-risk-level' className='badge badge--risk'>
          {assessment ? assessment.levelLabel : '未评估'}
        </Text>
      </View>
      <Text className='hint'>
        {assessment === null
          ? '购买理财产品前，请先完成风险承受能力评估。'
          : assessment.valid
            ? `可购买 ${assessment.maxRiskLevel} 及以下风险等级的产品，评估有效期至 ${assessment.validThrough}。`
            : `评估已于 ${assessment.validThrough} 到期，请重新评估。`}
      </Text>
      <View className='actions'>
        <Button id='wealth-questionnaire' className='btn btn--ghost' onClick={() => goTo(PAGES.wealthQuestionnaire)}>
          {assessment ? '重新评估' : '开始风险评估'}
        </Button>
      </View>
    </View>
  );
}

async function loadWealthHome() {
  const [products, profile, holdings] = await Promise.all([getWealthProducts(), getRiskProfile(), getWealthHoldings()]);
  return { products: products.items, profile, holdings };
}

/** 理财: what I hold, my risk level, and the products on offer. */
export default function WealthHomePage() {
  const { remote, reload } = useRemote(loadWealthHome);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { products, profile, holdings } = remote.data;
  return (
    <View className='page'>
      <Summary holdings={holdings} />
      <Risk profile={profile} />
      <View className='card'>
        <Text className='card__title'>精选理财</Text>
        <Text className='card__subtitle'>理财非存款，产品有风险，投资须谨慎</Text>
        {products.length === 0 ? <Text className='empty'>暂无在售产品</Text> : products.map((product) => <ProductRow key={product.productId} product={product} />)}
      </View>
    </View>
  );
}
