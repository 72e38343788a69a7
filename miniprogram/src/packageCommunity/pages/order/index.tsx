import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ApiError } from '@/api/http';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { MissingTarget } from '@/components/MissingTarget';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { goHome, goTo, PAGES, replaceWith } from '@/lib/nav';
import { rememberLanding } from '@/lib/share-landing';
import { formatDateTime } from '@/lib/time';
import { getMerchantOrder, type MerchantOrderView, orderPaymentPath, payMerchantOrder } from '../../api';
import { merchantMeta } from '../../labels';
import { MerchantHeader, showPaid } from '../../shared';
import '../../community.css';

/** The order the link names. Signed out (no session, or one that can no longer be renewed), the
 *  app goes to sign-in: the order is remembered, so home opens it again once signed in. */
async function loadOrder(orderId: string): Promise<MerchantOrderView> {
  try {
    return await getMerchantOrder(orderId);
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'SIGNED_OUT') rememberLanding({ type: 'MERCHANT_ORDER', id: orderId });
    throw failure;
  }
}

/** Why an order that is not UNPAID takes no payment, in the customer's words. */
function StateNotice({ order }: { order: MerchantOrderView }) {
  switch (order.state) {
    case 'UNPAID':
      return null;
    case 'PAID':
      return (
        <View id='order-state' className='card'>
          <Text className='order-state order-state--paid'>已支付</Text>
          {order.paidAt && <InfoRow id='order-paid-at' label='支付时间' value={formatDateTime(order.paidAt)} />}
          {order.refundedFen > 0 && <InfoRow id='order-refunded' label='已退款' value={formatFen(order.refundedFen)} />}
        </View>
      );
    case 'CLOSED':
      return (
        <View id='order-state' className='notice'>
          <Text className='notice__title'>已关闭</Text>
          <Text>商户已关闭该订单，无需支付。如有疑问请联系商户。</Text>
        </View>
      );
    case 'EXPIRED':
      return (
        <View id='order-state' className='notice'>
          <Text className='notice__title'>已过期：请联系商户重新下单</Text>
          <Text>该订单已超过支付有效期，不能再支付。</Text>
        </View>
      );
  }
}

/** 确认付款: the app's review sheet (the server's amount and payee), then the fingerprint, face or
 *  PIN; the request carries the second factor only, so the amount is the order's on the server. */
function Pay({ order }: { order: MerchantOrderView }) {
  const payment = usePayment();

  function handlePay() {
    void payment.start({
      path: orderPaymentPath(order.orderId),
      body: {},
      send: (body, idempotencyKey) => payMerchantOrder(order.orderId, body, idempotencyKey),
      onPaid: showPaid,
    });
  }

  return (
    <PaymentActions id='order-pay' payment={payment} title='订单支付' onClick={handlePay}>
      确认付款
    </PaymentActions>
  );
}

/** After a state that takes no payment: the orders paid, or home. */
function WaysOn({ order }: { order: MerchantOrderView }) {
  return (
    <View className='actions'>
      {order.state === 'PAID' && (
        <Button id='order-list' className='btn btn--primary' onClick={() => goTo(PAGES.communityOrders)}>
          查看社区订单
        </Button>
      )}
      <Button id='order-home' className={order.state === 'PAID' ? 'btn btn--ghost' : 'btn btn--primary'} onClick={goHome}>
        返回首页
      </Button>
    </View>
  );
}

/** 订单支付: a community merchant's order, as the partner's link or QR opens it. */
export default function CommunityOrderPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.orderId, loadOrder);
  if (remote.status === 'missing') return <MissingTarget message='订单不存在' next={{ label: '查看社区订单', onClick: () => replaceWith(PAGES.communityOrders) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const order = remote.data;
  const unpaid = order.state === 'UNPAID';
  return (
    <View className='page'>
      <View className='card'>
        <MerchantHeader idPrefix='order-merchant' name={order.merchantShortName} meta={merchantMeta(order)} />
        <Text id='order-description' className='order-description'>
          {order.description}
        </Text>
        <KeyFigure label='订单金额' value={formatFen(order.amountFen)} id='order-amount' />
        {/* Paid, closed or expired: the notice below says so instead. */}
        {unpaid && <InfoRow id='order-status' label='订单状态' value={order.stateLabel} />}
        {unpaid && <InfoRow id='order-expires' label='订单有效期至' value={formatDateTime(order.expiresAt)} />}
        <InfoRow label='订单号' value={order.orderId} />
      </View>
      <StateNotice order={order} />
      {unpaid ? (
        <>
          <Text className='hint'>款项将从您的近邻银行电子账户支付给商户，付款前请核对商户与金额。</Text>
          <Pay order={order} />
        </>
      ) : (
        <WaysOn order={order} />
      )}
    </View>
  );
}
