import { Button, Text, View } from '@tarojs/components';
import type { WealthHoldingView } from '@contract/wealth-schemas';
import { getWealthHoldings } from '@/api/wealth';
import { LoadFailed, Loading } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { Earnings, Figure, Row } from '../../components/Bits';
import '../../wealth.css';

function Holding({ holding }: { holding: WealthHoldingView }) {
  const id = holding.productId;
  return (
    <View id={`holding-${id}`} className='card holding'>
      <View className='card__head'>
        <Text className='card__title'>{holding.productName}</Text>
        <Text className='badge badge--risk'>{holding.riskLevel}</Text>
      </View>
      <View className='figure'>
        <Text className='figure__label'>市值</Text>
        <Text id={`holding-value-${id}`} className='figure__amount'>
          {formatFen(holding.marketValueFen)}
        </Text>
      </View>
      <View className='figures'>
        <Figure label='昨日收益'>
          <Earnings id={`holding-yesterday-${id}`} amountFen={holding.yesterdayEarningsFen} />
        </Figure>
        <Figure label='累计收益'>
          <Earnings id={`holding-total-${id}`} amountFen={holding.totalEarningsFen} />
        </Figure>
        <Figure label='持有份额'>
          <Text id={`holding-units-${id}`} className='figures__value'>
            {holding.unitsDisplay}
          </Text>
        </Figure>
      </View>
      <Row label='最新净值' value={`${holding.navDisplay}${holding.navDate ? `（${holding.navDate}）` : ''}`} />
      {holding.frozenUnitsCenti > 0 && <Row label='赎回中份额' value={holding.frozenUnitsDisplay} />}
      {holding.pendingPurchaseFen > 0 && <Row label='确认中金额' value={formatFen(holding.pendingPurchaseFen)} id={`holding-pending-${id}`} />}
      {holding.maturityDate && <Row label='到期日' value={`${holding.maturityDate}（到期自动赎回）`} />}
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
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const { items, totals, businessDate } = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <View className='figure'>
          <Text className='figure__label'>总市值</Text>
          <Text id='holdings-total-value' className='figure__amount'>
            {formatFen(totals.marketValueFen)}
          </Text>
        </View>
        <View className='figures'>
          <Figure label='昨日收益'>
            <Earnings id='holdings-yesterday' amountFen={totals.yesterdayEarningsFen} />
          </Figure>
          <Figure label='累计收益'>
            <Earnings id='holdings-total-earnings' amountFen={totals.totalEarningsFen} />
          </Figure>
        </View>
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
