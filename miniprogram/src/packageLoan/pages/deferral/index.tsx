import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DeferralPlanView, LoanView } from '@contract/loan-schemas';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { Options } from '@/components/Options';
import { PaymentActions } from '@/components/PaymentSheets';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { getLoan } from '../../api';
import { LoanMissing } from '../../components/LoanMissing';
import { PaidOff } from '../../components/PaidOff';
import { Rates } from '../../components/Rates';
import { InstallmentSchedule } from '../../components/Schedule';
import { DEFERRAL_REASON_LABELS, keysOf } from '../../labels';
import { useDeferralForm } from './useDeferralForm';
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
        <Rates id='deferral-annualized-rate' rates={plan} />
        <InfoRow label='延期期数' value={`${plan.deferredMonths} 个月`} />
        <InfoRow label='增加利息' value={formatFen(plan.addedInterestFen)} id='deferral-added-interest' />
        <InfoRow label='新的到期日' value={plan.newMaturityDate} />
        <Text className='hint'>延期期间每月只还利息，之后各期顺延，金额不变。</Text>
      </View>
      <InstallmentSchedule installments={plan.installments} title='延期后的还款计划' />
    </View>
  );
}

function DeferralForm({ loan }: { loan: LoanView }) {
  const form = useDeferralForm(loan);
  const { plan, planning } = form;
  return (
    <View className='page'>
      <Intro
        title='申请延期还款'
        text='遇到困难可申请延期 1 至 3 个月，每笔借款限一次，逾期超过 30 天不可申请。确认前展示延期后的还款计划与年化利率。'
      />
      <View className='card'>
        <Options idPrefix='deferral-months' label='延期期数' options={MONTH_OPTIONS} selected={form.months} onSelect={form.chooseMonths} />
        <Options idPrefix='deferral-reason' label='延期原因' options={REASON_OPTIONS} selected={form.reason} onSelect={form.chooseReason} />
      </View>
      {plan ? (
        <View>
          <Plan plan={plan} />
          <PaymentActions id='deferral-submit' payment={form.payment} title='延期还款' confirmLabel='确认延期' onClick={form.submit}>
            确认延期
          </PaymentActions>
        </View>
      ) : (
        <View>
          <View className='actions'>
            <Button
              id='deferral-preview'
              className={planning ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
              disabled={planning}
              onClick={planning ? undefined : form.showPlan}
            >
              {planning ? '计算中…' : '查看延期后的还款计划'}
            </Button>
          </View>
          <ErrorText message={form.payment.error} />
        </View>
      )}
    </View>
  );
}

/** Relief deferral: the new schedule and rates are shown before the customer confirms. */
export default function DeferralPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.loanId, getLoan);
  if (remote.status === 'missing') return <LoanMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.status !== 'ACTIVE') return <PaidOff />;
  return <DeferralForm loan={remote.data} />;
}
