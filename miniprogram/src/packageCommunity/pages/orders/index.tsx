import { Text, View } from '@tarojs/components';
import { LoadMore } from '@/components/LoadMore';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getPaidOrders, type PaidOrder } from '../../api';
import '../../community.css';

function OrderRow({ order }: { order: PaidOrder }) {
  return (
    <View id={`community-order-${order.orderId}`} className='list-row community-order' onClick={() => goTo(PAGES.communityOrder, { orderId: order.orderId })}>
      <View className='list-row__main'>
        <Text className='list-row__title order-row__title'>{order.merchantShortName}</Text>
        <Text className='meta'>{order.description}</Text>
        <Text className='meta'>{formatDateTime(order.paidAt)}</Text>
      </View>
      <View className='list-row__side'>
        <Text className='list-row__amount'>-{formatFen(order.amountFen)}</Text>
        {order.refundedFen > 0 && <Text className='meta'>{order.refundedFen === order.amountFen ? '已全额退款' : `已退款 ${formatFen(order.refundedFen)}`}</Text>}
      </View>
    </View>
  );
}

/** 社区订单: the community merchants' orders the customer paid, newest first. */
export default function CommunityOrdersPage() {
  const list = usePagedRemote(getPaidOrders);
  if (list.remote.status !== 'ready') return <RemoteStatus remote={list.remote} onRetry={list.reload} />;
  return (
    <View className='page'>
      <View className='card'>
        {list.items.length === 0 ? (
          <Text id='orders-empty' className='empty'>
            暂无社区订单
          </Text>
        ) : (
          list.items.map((order) => <OrderRow key={order.orderId} order={order} />)
        )}
        {list.cursor && <LoadMore id='orders-more' loading={list.loadingMore} onClick={list.loadMore} />}
      </View>
      <ErrorText message={list.error} />
    </View>
  );
}
