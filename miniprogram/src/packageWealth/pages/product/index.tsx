import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthHistory, WealthProductView } from '@contract/wealth-schemas';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getWealthHistory, getWealthProduct } from '../../api';
import { ProductBadges } from '../../components/Bits';
import { ProductMissing } from '../../components/ProductMissing';
import '../../wealth.css';

/** The NAV or 7-day yield history as bars; the server scales the heights. */
function Chart({ history }: { history: WealthHistory }) {
  if (history.points.length === 0) return <Text className='hint'>暂无历史数据</Text>;
  const first = history.points[0]!;
  const last = history.points[history.points.length - 1]!;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{history.seriesLabel}走势</Text>
        <Text className='badge badge--muted'>近 {history.points.length} 日</Text>
      </View>
      <View id='product-chart' className='chart'>
        {history.points.map((point) => (
          <View key={point.date} className='chart__bar' style={{ height: `${point.heightPercent}%` }} />
        ))}
      </View>
      <View className='chart__scale'>
        <Text>{first.date}</Text>
        <Text>{last.date}</Text>
      </View>
      <InfoRow label='区间最低' value={history.lowDisplay ?? '—'} />
      <InfoRow label='区间最高' value={history.highDisplay ?? '—'} />
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
      {product.incomePer10kDisplay !== null && <InfoRow label='万份收益（元）' value={product.incomePer10kDisplay} />}
      <Text className='hint'>赎回：{product.redemptionRule}</Text>
      <Text className='hint'>费用：{product.fees.display}（已在净值或收益率中扣除）</Text>
      {product.description && <Text className='hint'>{product.description}</Text>}
    </View>
  );
}

async function loadProduct(productId: string) {
  const [product, history] = await Promise.all([getWealthProduct(productId), getWealthHistory(productId)]);
  return { product, history };
}

export default function WealthProductPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.productId, loadProduct);
  if (remote.status === 'missing') return <ProductMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { product, history } = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{product.name}</Text>
        <ProductBadges typeLabel={product.typeLabel} risk={product.riskLevel} />
        <KeyFigure
          label={product.headline.date ? `${product.headline.label}（${product.headline.date}）` : product.headline.label}
          value={product.headline.display}
          id='product-headline'
          tone='gain'
        />
      </View>
      <Chart history={history} />
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
