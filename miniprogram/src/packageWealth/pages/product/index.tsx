import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthHistory, WealthProductView } from '@contract/wealth-schemas';
import { useEffect, useRef, useState } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getWealthHistory, getWealthProduct } from '../../api';
import { ProductBadges } from '../../components/Bits';
import { LineChart } from '../../components/LineChart';
import { ProductMissing } from '../../components/ProductMissing';
import '../../wealth.css';

type Period = WealthHistory['period'];

/** The NAV or 7-day yield over the period chosen by its tab, as the server samples and scales it. */
function Chart({ productId }: { productId: string }) {
  const [period, setPeriod] = useState<Period>('1M');
  const { remote, reload } = useRemote(() => getWealthHistory(productId, period), period);
  // Mounted once the product is on screen, after the page's show that loads a page's data.
  useEffect(() => {
    void reload();
  }, [reload]);
  // The tabs stay while another period loads.
  const tabs = useRef<WealthHistory['periods']>([]);
  if (remote.status === 'ready') tabs.current = remote.data.periods;
  const history = remote.status === 'ready' ? remote.data : null;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{history ? `${history.seriesLabel}走势` : '走势'}</Text>
        {history?.periodReturn && (
          <Text id='chart-period-return' className='badge badge--muted'>
            区间 {history.periodReturn.display}
          </Text>
        )}
      </View>
      <View className='period-tabs' role='tablist'>
        {tabs.current.map((tab) => (
          <View
            key={tab.period}
            id={`chart-period-${tab.period}`}
            role='tab'
            aria-selected={tab.period === period}
            className={tab.period === period ? 'period-tab period-tab--selected' : 'period-tab'}
            onClick={() => setPeriod(tab.period)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      {remote.status !== 'ready' ? (
        <RemoteStatus remote={remote} onRetry={reload} />
      ) : remote.data.points.length === 0 ? (
        <Text className='hint'>暂无历史数据</Text>
      ) : (
        <>
          <LineChart history={remote.data} />
          <InfoRow label='区间最低' value={remote.data.lowDisplay ?? '—'} />
          <InfoRow label='区间最高' value={remote.data.highDisplay ?? '—'} />
        </>
      )}
    </View>
  );
}

function Rules({ product }: { product: WealthProductView }) {
  return (
    <View className='card'>
      <Text className='card__title'>产品规则</Text>
      <InfoRow label='发行机构' value={`${product.issuerName}（${product.issuerLabel}）`} />
      <InfoRow label='风险等级' value={product.riskLabel} />
      <InfoRow label='起购金额' value={product.purchaseRule} />
      <InfoRow label='单笔上限' value={formatFen(product.maxPurchaseFen)} />
      <InfoRow label='募集期' value={`${product.subscriptionOpensOn} 至 ${product.subscriptionClosesOn ?? '长期开放'}`} />
      {product.termDays !== null && <InfoRow label='产品期限' value={`${product.termDays} 天`} />}
      {product.maturityDate !== null && <InfoRow label='到期日' value={product.maturityDate} />}
      <InfoRow label='冷静期' value={product.coolingOffHours > 0 ? `${product.coolingOffHours} 小时` : '无'} />
      {product.type !== 'MONEY_MARKET' && product.navDisplay !== null && <InfoRow label='单位净值' value={`${product.navDisplay}（${product.priceDate}）`} />}
      {product.incomePer10kDisplay !== null && <InfoRow label='万份收益（元）' value={product.incomePer10kDisplay} />}
      <Text className='hint'>赎回：{product.redemptionRule}</Text>
      <Text className='hint'>费用：{product.fees.display}（已在净值或收益率中扣除）</Text>
      {product.description && <Text className='hint'>{product.description}</Text>}
    </View>
  );
}

export default function WealthProductPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.productId, getWealthProduct);
  if (remote.status === 'missing') return <ProductMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const product = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{product.name}</Text>
        <ProductBadges typeLabel={product.typeLabel} risk={product.riskLevel} />
        <KeyFigure
          label={product.headline.date ? `${product.headline.label}（${product.headline.date}）` : product.headline.label}
          value={product.headline.display}
          id='product-headline'
          tone={product.headline.rateBps !== null && product.headline.rateBps < 0 ? 'loss' : 'gain'}
        />
      </View>
      <Chart productId={product.productId} />
      <Rules product={product} />
      <View className='actions'>
        <Button
          id='product-buy'
          className={product.onSale ? 'btn btn--primary' : 'btn btn--primary btn--disabled'}
          disabled={!product.onSale}
          onClick={() => goTo(PAGES.wealthBuy, { productId: product.productId })}
        >
          {product.onSale ? '立即购买' : '暂停申购'}
        </Button>
      </View>
    </View>
  );
}
