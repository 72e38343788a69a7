import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DeferralPlanView, LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { confirmDeferral, getLoan, planDeferral } from '../../api';
import { Options } from '../../components/Options';
import { PaidOff } from '../../components/PaidOff';
import { Rates } from '../../components/Rates';
import { InstallmentSchedule } from '../../components/Schedule';
import { PIN_PATTERN } from '../../form';
import { type DeferralReason, DEFERRAL_REASON_LABELS, keysOf } from '../../labels';
import '../../loan.css';

const MONTH_OPTIONS = [1, 2, 3].map((months) => ({ value: months, label: `${months} 个月` }));
const REASON_OPTIONS = keysOf(DEFERRAL_REASON_LABELS).map((reason) => ({
  value: reason,
  label: DEFERRAL_REASON_LABELS[reason],
}));

function Plan({ plan }: { plan: DeferralPlanView }) {
  return (
    <View>
      <View className='card'>
        <Text className='card__title'>延期后</Text>
        <Rates
          id='deferral-annualized-rate'
          annualizedRateDisplay={plan.annualizedRateDisplay}
          annualRateDisplay={plan.annualRateDisplay}
        />
        <View className='info-row'>
          <Text className='info-row__label'>延期期数</Text>
          <Text className='info-row__value'>{plan.deferredMonths} 个月</Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>增加利息</Text>
          <Text id='deferral-added-interest' className='info-row__value'>
            {formatFen(plan.addedInterestFen)}
          </Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>新的到期日</Text>
          <Text className='info-row__value'>{plan.newMaturityDate}</Text>
        </View>
        <Text className='hint'>延期期间每月只还利息，之后各期顺延，金额不变。</Text>
      </View>
      <InstallmentSchedule installments={plan.installments} title='延期后的还款计划' />
    </View>
  );
}

function DeferralForm({ loan }: { loan: LoanView }) {
  const [months, setMonths] = useState<number | null>(null);
  const [reason, setReason] = useState<DeferralReason | null>(null);
  const [plan, setPlan] = useState<DeferralPlanView | null>(null);
  const [planning, setPlanning] = useState(false);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();

  function change<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPlan(null);
      resetKey();
    };
  }

  async function handlePreview() {
    if (months === null || reason === null) {
      setError('请选择延期期数和原因');
      return;
    }
    setError('');
    setPlanning(true);
    try {
      setPlan(await planDeferral(loan.loanId, { months, reason }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPlanning(false);
    }
  }

  async function handleSubmit() {
    if (!plan || months === null || reason === null) return;
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = { months, reason, pin };
    const updated = await run((idempotencyKey) =>
      confirmDeferral(loan.loanId, body, idempotencyKey),
    );
    if (!updated) {
      setPin('');
      return;
    }
    replaceWith(PAGES.loanResult, {
      kind: 'DEFERRAL',
      loanId: updated.loanId,
      months,
      maturityDate: updated.maturityDate,
      annualizedRate: updated.annualizedRateDisplay,
      annualRate: updated.annualRateDisplay,
    });
  }

  return (
    <View className='page'>
      <View className='intro'>
        <Text className='intro__title'>申请延期还款</Text>
        <Text className='intro__text'>
          遇到困难可申请延期 1 至 3 个月，每笔借款限一次，逾期超过 30 天不可申请。确认前展示延期后的还款计划与年化利率。
        </Text>
      </View>
      <View className='card'>
        <Options
          idPrefix='deferral-months'
          label='延期期数'
          options={MONTH_OPTIONS}
          selected={months}
          onSelect={change<number>(setMonths)}
        />
        <Options
          idPrefix='deferral-reason'
          label='延期原因'
          options={REASON_OPTIONS}
          selected={reason}
          onSelect={change<DeferralReason>(setReason)}
        />
      </View>
      {plan ? (
        <View>
          <Plan plan={plan} />
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
          <View className='actions'>
            <SubmitButton id='deferral-submit' busy={busy} onClick={handleSubmit}>
              确认延期
            </SubmitButton>
          </View>
        </View>
      ) : (
        <View className='actions'>
          <Button
            id='deferral-preview'
            className={planning ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
            disabled={planning}
            onClick={planning ? undefined : handlePreview}
          >
            {planning ? '计算中…' : '查看延期后的还款计划'}
          </Button>
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}

/** Relief deferral: the new schedule and rates are shown before the customer confirms. */
export default function DeferralPage() {
  const { params } = useRouter();
  const loanId = params.loanId ?? '';
  const { remote, reload } = useRemote(() => getLoan(loanId));
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  if (remote.data.status !== 'ACTIVE') return <PaidOff />;
  return <DeferralForm loan={remote.data} />;
}
