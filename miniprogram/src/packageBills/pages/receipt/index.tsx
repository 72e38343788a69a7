import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { MissingTarget } from '@/components/MissingTarget';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';
import { getBillPayment } from '../../api';
import '../../bills.css';

/** The receipt (缴费回单) of one payment, as the server keeps it; the balance after it when the
 *  payment was just made (the server's answer travels in the URL). */
export default function BillReceiptPage() {
  const { params } = useRouter();
  const balanceFen = fenParam(params.balanceFen);
  const { remote, reload } = useRemoteTarget(params.paymentId, getBillPayment);
  if (remote.status === 'missing') return <MissingTarget message='未找到这笔缴费' next={{ label: '查看缴费记录', onClick: () => replaceWith(PAGES.billHistory) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const payment = remote.data;
  return (
    <ResultPage
      warn={payment.status !== 'SETTLED'}
      message={payment.statusLabel}
      messageId='receipt-status'
      amountFen={payment.amountFen}
      amountId='receipt-amount'
      reference={payment.reference}
      next={{ id: 'receipt-history', label: '缴费记录', onClick: () => replaceWith(PAGES.billHistory) }}
    >
      {payment.failure && (
        <Text id='receipt-failure' className='hint'>
          {payment.failure.message}
        </Text>
      )}
      <InfoRow label='缴费单位' value={payment.billerName} />
      <InfoRow label='缴费类型' value={`${payment.categoryLabel} · ${payment.cityName}`} />
      <InfoRow label='户号' value={payment.accountNumberMasked} />
      {payment.holderNameMasked && <InfoRow label='户名' value={payment.holderNameMasked} />}
      {payment.period && <InfoRow label='账期' value={payment.period} />}
      {payment.prepaymentFen > 0 && <InfoRow label='其中预存' value={formatFen(payment.prepaymentFen)} />}
      {payment.gatewayReference && <InfoRow label='缴费单位流水号' value={payment.gatewayReference} />}
      <InfoRow label='缴费时间' value={formatDateTime(payment.paidAt)} />
      {payment.autoPay && <InfoRow label='方式' value='自动缴费' />}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
    </ResultPage>
  );
}
