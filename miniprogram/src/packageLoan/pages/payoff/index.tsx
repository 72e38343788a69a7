import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PayoffQuoteView } from '@contract/loan-schemas';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { formatDateTime } from '@/lib/time';
import { getLoan, getPayoffQuote, payOffLoan, payoffPath } from '../../api';
import { LoanMissing } from '../../components/LoanMissing';
import { PaidOff } from '../../components/PaidOff';
import { DAY_COUNT_LABELS } from '../../labels';
import { showRepaymentResult } from '../../repayment';
import '../../loan.css';

function expired(quote: PayoffQuoteView): boolean {
  return new Date(quote.validUntil).getTime() <= Date.now();
}

/** Paying off at the server's quote while the quote is valid. */
function usePayoffForm(quote: PayoffQuoteView) {
  const payment = usePayment();

  function submit() {
    if (expired(quote)) return payment.setError('报价已过期，请重新获取报价');
    void payment.start({
      path: payoffPath(quote.loanId),
      body: {},
      send: (body, idempotencyKey) => payOffLoan(quote.loanId, body, idempotencyKey),
      onPaid: (result) => showRepaymentResult('PAYOFF', result),
    });
  }

  return { payment, submit };
}

function Quote({ quote }: { quote: PayoffQuoteView }) {
  return (
    <View className='card'>
      <KeyFigure label='今日结清应还' value={formatFen(quote.totalFen)} id='payoff-total' />
      <InfoRow label='剩余本金' value={formatFen(quote.principalFen)} />
      <InfoRow label={`利息（计至今日，${quote.accruedInterestDays} 天，按${DAY_COUNT_LABELS[quote.dayCountBasis]}计）`} value={formatFen(quote.interestFen)} />
      {quote.penaltyFen > 0 && <InfoRow label='罚息' value={formatFen(quote.penaltyFen)} />}
      <InfoRow label='报价日期' value={quote.asOf} />
      <InfoRow label='报价有效至' value={formatDateTime(quote.validUntil)} id='payoff-valid-until' />
      {quote.coolingOff && <Text className='hint'>借款仍在冷静期内，以任何方式还款均免收利息。</Text>}
    </View>
  );
}

function PayoffForm({ quote, onRequote }: { quote: PayoffQuoteView; onRequote: () => void }) {
  const form = usePayoffForm(quote);
  const requote = (
    <Button id='payoff-requote' className='btn btn--ghost' onClick={onRequote}>
      重新报价
    </Button>
  );
  return (
    <View className='page'>
      <Quote quote={quote} />
      <Text className='hint'>报价过期后请重新获取报价。</Text>
      <PaymentActions id='payoff-submit' payment={form.payment} title='提前结清' onClick={form.submit} extra={requote}>
        确认结清
      </PaymentActions>
    </View>
  );
}

/** Early payoff: a quote valid for minutes, then the payment at that quote with the PIN. */
export default function PayoffPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.loanId, async (loanId) => {
    const loan = await getLoan(loanId);
    return loan.status === 'ACTIVE' ? getPayoffQuote(loanId) : null;
  });
  if (remote.status === 'missing') return <LoanMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data === null) return <PaidOff />;
  return <PayoffForm key={remote.data.validUntil} quote={remote.data} onRequote={reload} />;
}
