import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthOrderView } from '@contract/wealth-schemas';
import { InfoRow } from '@/components/InfoRow';
import { PaymentActions } from '@/components/PaymentSheets';
import { MissingTarget } from '@/components/MissingTarget';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { cancelWealthOrder, getWealthOrder, orderCancelPath } from '../../api';
import '../../wealth.css';

/** Cooling-off: the purchase is void and the money comes back in full. */
function Cancel({ order }: { order: WealthOrderView }) {
  const payment = usePayment();

  function handleCancel() {
    void payment.start({
      path: orderCancelPath(order.orderId),
      body: {},
      // The refund comes into the account: the sheets show what arrives, as the server works it out.
      incoming: true,
      send: (body, idempotencyKey) => cancelWealthOrder(order.orderId, body, idempotencyKey),
      onPaid: (result) => {
        const { amountFen } = result.order;
        replaceWith(PAGES.wealthResult, {
          kind: 'CANCEL',
          reference: result.reference,
          productName: result.order.productName,
          balanceFen: result.balanceFen,
          ...(amountFen === null ? {} : { amountFen }),
        });
      },
    });
  }

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>冷静期撤销</Text>
        <Text className='hint'>冷静期内可撤销本次购买，款项全额退回电子账户。</Text>
      </View>
      <PaymentActions id='order-cancel' payment={payment} title='撤销购买' onClick={handleCancel} incoming>
        撤销购买
      </PaymentActions>
    </View>
  );
}

export default function WealthOrderPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.orderId, getWealthOrder);
  if (remote.status === 'missing') return <MissingTarget message='未找到这笔理财订单' next={{ label: '查看理财交易记录', onClick: () => replaceWith(PAGES.wealthOrders) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const order = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>
            {order.kindLabel} · {order.productName}
          </Text>
          <Text id='order-status' className='badge'>
            {order.statusLabel}
          </Text>
        </View>
        <InfoRow label='下单时间' value={formatDateTime(order.placedAt)} />
        {order.amountFen !== null && <InfoRow label='购买金额' value={formatFen(order.amountFen)} />}
        <InfoRow label='确认日' value={order.confirmDate} />
        {order.cancellableUntil !== null && (
          <InfoRow
            id='order-cooling-off'
            label='冷静期'
            value={order.cancellable ? `${formatDateTime(order.cancellableUntil)} 前可撤销` : `已于 ${formatDateTime(order.cancellableUntil)} 结束`}
          />
        )}
        {order.unitsDisplay !== null && <InfoRow label='份额' value={order.unitsDisplay} />}
        {order.navDisplay !== null && <InfoRow label='确认净值' value={`${order.navDisplay}（${order.navDate}）`} />}
        {order.residualFen !== null && order.residualFen > 0 && <InfoRow label='零头退款' value={formatFen(order.residualFen)} />}
        {order.proceedsFen !== null && <InfoRow label='到账金额' value={formatFen(order.proceedsFen)} />}
        {order.riskAcknowledgement && (
          <InfoRow label='风险揭示' value={`已确认（${order.riskAcknowledgement.customerRiskLevel} 购买 ${order.riskAcknowledgement.productRiskLevel}）`} />
        )}
      </View>
      {order.cancellable && <Cancel order={order} />}
    </View>
  );
}
