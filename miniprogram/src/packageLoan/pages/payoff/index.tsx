import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PayoffQuoteView } from '@contract/loan-schemas';
import { useState } from 'react';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { formatDateTime } from '@/lib/time';
import { getLoan, getPayoffQuote, payOffLoan } from '../../api';
import { PaidOff } from '../../components/PaidOff';
import { PIN_PATTERN } from '../../form';
import { showRepaymentResult } from '../../repayment';
import '../../loan.css';

function expired(quote: PayoffQuoteView): boolean {
  return new Date(quote.validUntil).getTime() <= Date.now();
}

function PayoffForm({ quote, onRequote }: { quote: PayoffQuoteView; onRequote: () => void }) {
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    if (expired(quote)) {
      setError('报价已过期，请重新获取报价');
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const result = await run((idempotencyKey) => payOffLoan(quote.loanId, pin, idempotencyKey));
    if (result) showRepaymentResult('PAYOFF', result);
    else setPin('');
  }

  return (
    <View className='page'>
      <View className='card'>
        <View className='figure'>
          <Text className='figure__label'>今日结清应还</Text>
          <Text id='payoff-total' className='figure__amount'>
            {formatFen(quote.totalFen)}
          </Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>剩余本金</Text>
          <Text className='info-row__value'>{formatFen(quote.principalFen)}</Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>利息（计至今日，{quote.accruedInterestDays} 天）</Text>
          <Text className='info-row__value'>{formatFen(quote.interestFen)}</Text>
        </View>
        {quote.penaltyFen > 0 && (
          <View className='info-row'>
            <Text className='info-row__label'>罚息</Text>
            <Text className='info-row__value'>{formatFen(quote.penaltyFen)}</Text>
          </View>
        )}
        <View className='info-row'>
          <Text className='info-row__label'>报价日期</Text>
          <Text className='info-row__value'>{quote.asOf}</Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>报价有效至</Text>
          <Text id='payoff-valid-until' className='info-row__value'>
            {formatDateTime(quote.validUntil)}
          </Text>
        </View>
        {quote.coolingOff && <Text className='hint'>借款仍在冷静期内，提前结清免收利息。</Text>}
      </View>

      <View className='card'>
        <Field
          id='pin-input'
          label='支付密码'
          kind='pin'
          value={pin}
          onChange={setPin}
          placeholder='6 位数字'
        />
      </View>
      <Text className='hint'>报价过期后请重新获取报价。</Text>
      <View className='actions'>
        <SubmitButton id='payoff-submit' busy={busy} onClick={handleSubmit}>
          确认结清
        </SubmitButton>
        <Button id='payoff-requote' className='btn btn--ghost' onClick={onRequote}>
          重新报价
        </Button>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

/** Early payoff: a quote valid for minutes, then the payment at that quote with the PIN. */
export default function PayoffPage() {
  const { params } = useRouter();
  const loanId = params.loanId ?? '';
  const { remote, reload } = useRemote(async () => {
    const loan = await getLoan(loanId);
    return loan.status === 'ACTIVE' ? getPayoffQuote(loanId) : null;
  });
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  if (remote.data === null) return <PaidOff />;
  return <PayoffForm key={remote.data.validUntil} quote={remote.data} onRequote={reload} />;
}
