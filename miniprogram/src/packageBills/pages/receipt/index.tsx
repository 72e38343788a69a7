import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { getBillPayment } from '@/api/bills';
import { LoadFailed, Loading } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import '../../bills.css';

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text id={id} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}

/** The receipt (缴费回单) of one payment, as the server keeps it; the balance after it when the
 *  payment was just made (the server's answer travels in the URL). */
export default function BillReceiptPage() {
  const { params } = useRouter();
  const paymentId = params.paymentId ?? '';
  const balanceFen = params.balanceFen !== undefined && /^\d+$/.test(params.balanceFen) ? Number(params.balanceFen) : null;
  const { remote, reload } = useRemote(() => getBillPayment(paymentId));
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const payment = remote.data;
  const ok = payment.status === 'SETTLED';
  return (
    <View className='page result'>
      <View className='card result__card'>
        <View className={ok ? 'result__icon' : 'result__icon result__icon--warn'}>
          <Text>{ok ? '✓' : '!'}</Text>
        </View>
        <Text id='receipt-status' className='result__message'>
          {payment.statusLabel}
        </Text>
        <Text id='receipt-amount' className='result__amount'>
          {formatFen(payment.amountFen)}
        </Text>
        {payment.failure && (
          <Text id='receipt-failure' className='hint'>
            {payment.failure.message}
          </Text>
        )}
        <View className='result__details'>
          <Row label='缴费单位' value={payment.billerName} />
          <Row label='缴费类型' value={`${payment.categoryLabel} · ${payment.cityName}`} />
          <Row label='户号' value={payment.accountNumberMasked} />
          {payment.holderNameMasked && <Row label='户名' value={payment.holderNameMasked} />}
          {payment.period && <Row label='账期' value={payment.period} />}
          {payment.prepaymentFen > 0 && <Row label='其中预存' value={formatFen(payment.prepaymentFen)} />}
          <Row label='交易流水号' value={payment.paymentId} id='receipt-reference' />
          {payment.gatewayReference && <Row label='缴费单位流水号' value={payment.gatewayReference} />}
          <Row label='缴费时间' value={formatDateTime(payment.paidAt)} />
          {payment.autoPay && <Row label='方式' value='自动缴费' />}
          {balanceFen !== null && <Row label='账户余额' value={formatFen(balanceFen)} id='result-balance' />}
        </View>
      </View>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
        <Button id='receipt-history' className='btn btn--ghost' onClick={() => replaceWith(PAGES.billHistory)}>
          缴费记录
        </Button>
      </View>
    </View>
  );
}
