import { Text, View } from '@tarojs/components';
import type { WealthOrderView } from '@contract/wealth-schemas';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getWealthOrders } from '../../api';
import '../../wealth.css';

/** What an order moved: the amount paid, or what a redemption paid out (units while pending). */
function orderFigure(order: WealthOrderView): string {
  if (order.kind === 'PURCHASE') return formatFen(order.amountFen ?? 0);
  return order.proceedsFen !== null ? formatFen(order.proceedsFen) : `${order.unitsDisplay ?? ''} 份`;
}

export default function WealthOrdersPage() {
  const { remote, reload } = useRemote(getWealthOrders);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { items } = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        {items.length === 0 ? (
          <Text className='empty'>暂无交易记录</Text>
        ) : (
          items.map((order) => (
            <View key={order.orderId} className='row-link order-item' onClick={() => goTo(PAGES.wealthOrder, { orderId: order.orderId })}>
              <View className='row-link__main'>
                <Text className='row-link__title'>
                  {order.kindLabel} · {order.productName}
                </Text>
                <Text className='row-link__meta'>{formatDateTime(order.placedAt)}</Text>
              </View>
              <View className='row-link__side'>
                <Text>{orderFigure(order)}</Text>
                <Text className='row-link__meta'>{order.statusLabel}</Text>
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
