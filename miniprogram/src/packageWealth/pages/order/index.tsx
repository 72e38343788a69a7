import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthOrderView } from '@contract/wealth-schemas';
import { useState } from 'react';
import { cancelWealthOrder, getWealthOrder } from '@/api/wealth';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { Row } from '../../components/Bits';
import '../../wealth.css';

const PIN_PATTERN = /^\d{6}$/;

/** Cooling-off: the purchase is void and the money comes back in full. */
function Cancel({ order }: { order: WealthOrderView }) {
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleCancel() {
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const result = await run((idempotencyKey) => cancelWealthOrder(order.orderId, pin, idempotencyKey));
    if (!result) {
      setPin('');
      return;
    }
    replaceWith(PAGES.wealthResult, {
      kind: 'CANCEL',
      productName: result.order.productName,
      amountFen: result.order.amountFen ?? 0,
      balanceFen: result.balanceFen,
    });
  }

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>冷静期撤销</Text>
        <Text className='hint'>{order.coolingOffEndsOn} 前可撤销本次购买，款项全额退回电子账户。</Text>
        <Field id='pin-input' label='支付密码' kind='pin' value={pin} onChange={setPin} placeholder='6 位数字' />
      </View>
      <View className='actions'>
        <SubmitButton id='order-cancel' busy={busy} onClick={handleCancel}>
          撤销购买
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

export default function WealthOrderPage() {
  const { params } = useRouter();
  const orderId = params.orderId ?? '';
  const { remote, reload } = useRemote(() => getWealthOrder(orderId));
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
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
        <Row label='下单时间' value={formatDateTime(order.placedAt)} />
        {order.amountFen !== null && <Row label='购买金额' value={formatFen(order.amountFen)} />}
        <Row label='确认日' value={order.confirmDate} />
        {order.unitsDisplay !== null && <Row label='份额' value={order.unitsDisplay} />}
        {order.navDisplay !== null && <Row label='确认净值' value={`${order.navDisplay}（${order.navDate}）`} />}
        {order.residualFen !== null && order.residualFen > 0 && <Row label='零头退款' value={formatFen(order.residualFen)} />}
        {order.proceedsFen !== null && <Row label='到账金额' value={formatFen(order.proceedsFen)} />}
        {order.riskAcknowledgement && (
          <Row label='风险揭示' value={`已确认（${order.riskAcknowledgement.customerRiskLevel} 购买 ${order.riskAcknowledgement.productRiskLevel}）`} />
        )}
      </View>
      {order.cancellable && <Cancel order={order} />}
    </View>
  );
}
