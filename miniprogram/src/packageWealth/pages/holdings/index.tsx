import { Button, Text, View } from '@tarojs/components';
import type { WealthHoldingView } from '@contract/wealth-schemas';
import { InfoRow } from '@/components/InfoRow';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getWealthHoldings } from '../../api';
import { AssetBreakdown, Figure, ValueFigures } from '../../components/Bits';
import '../../wealth.css';

function Holding({ holding }: { holding: WealthHoldingView }) {
  const id = holding.productId;
  return (
    <View id={`holding-${id}`} className='card holding'>
      <View className='card__head'>
        <Text className='card__title'>{holding.productName}</Text>
        <Text className='badge badge--risk'>{holding.riskLevel}</Text>
      </View>
      <ValueFigures
        label='市值'
        valueFen={holding.marketValueFen}
        figures={holding}
        ids={{ value: `holding-value-${id}`, yesterday: `holding-yesterday-${id}`, total: `holding-total-${id}` }}
      >
        <Figure label='持有份额'>
          <Text id={`holding-units-${id}`} className='figures__value'>
            {holding.unitsDisplay}
          </Text>
        </Figure>
      </ValueFigures>
      <InfoRow label='最新净值' value={`${holding.navDisplay}${holding.navDate ? `（${holding.navDate}）` : ''}`} />
      {holding.frozenUnitsCenti > 0 && <InfoRow label='赎回中份额' value={`${holding.frozenUnitsDisplay}（约 ${formatFen(holding.pendingRedemptionFen)}）`} />}
      {holding.pendingPurchaseFen > 0 && <InfoRow label='确认中金额' value={formatFen(holding.pendingPurchaseFen)} id={`holding-pending-${id}`} />}
      {holding.maturityDate && <InfoRow label='到期日' value={`${holding.maturityDate}（到期自动赎回）`} />}
      <View className='buttons'>
        {holding.redeemable && (
          <Button id={`holding-redeem-${id}`} className='btn btn--primary btn--small' onClick={() => goTo(PAGES.wealthRedeem, { productId: id })}>
            赎回
          </Button>
        )}
        <Button className='btn btn--ghost btn--small' onClick={() => goTo(PAGES.wealthProduct, { productId: id })}>
          产品详情
        </Button>
      </View>
    </View>
  );
}

export default function HoldingsPage() {
  const { remote, reload } = useRemote(getWealthHoldings);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { items, totals, businessDate } = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <ValueFigures
          label='总资产'
          valueFen={totals.totalAssetsFen}
          figures={totals}
          ids={{ value: 'holdings-total-value', yesterday: 'holdings-yesterday', total: 'holdings-total-earnings' }}
        />
        <AssetBreakdown totals={totals} />
        <Text className='hint'>营业日 {businessDate}。收益于每日日终更新。</Text>
      </View>
      {items.length === 0 ? (
        <View className='card'>
          <Text className='empty'>暂无持仓</Text>
        </View>
      ) : (
        items.map((holding) => <Holding key={holding.productId} holding={holding} />)
      )}
    </View>
  );
}
