import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AccountDetail } from '@contract/schemas';
import type { LoanView, PrepaymentQuoteView } from '@contract/loan-schemas';
import { useState } from 'react';
import { getAccount } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { InfoRow } from '@/components/InfoRow';
import { Options } from '@/components/Options';
import { PaymentActions } from '@/components/PaymentSheets';
import { KeyFigure } from '@/components/KeyFigure';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { getLoan } from '../../api';
import { LoanMissing } from '../../components/LoanMissing';
import { PaidOff } from '../../components/PaidOff';
import { Rates } from '../../components/Rates';
import { InstallmentSchedule } from '../../components/Schedule';
import { DAY_COUNT_LABELS, keysOf, PREPAYMENT_ADJUSTMENT_LABELS } from '../../labels';
import { usePrepayForm } from './usePrepayForm';
import { useRepayForm } from './useRepayForm';
import '../../loan.css';

/** What the loan owes, as the server reports it. */
function Owed({ loan }: { loan: LoanView }) {
  const overdueFen = loan.overdue.overdueTotalFen;
  return (
    <View className='card'>
      <Text className='card__title'>{loan.productName}</Text>
      <Text className='card__subtitle'>合同编号 {loan.contractNo}</Text>
      <InfoRow label='待还本金' value={formatFen(loan.outstandingPrincipalFen)} />
      {overdueFen > 0 && (
        <View className='info-row'>
          <Text className='info-row__label'>逾期应还（{loan.overdue.daysPastDue} 天）</Text>
          <Text className='info-row__value amount-in'>{formatFen(overdueFen)}</Text>
        </View>
      )}
      {loan.nextDue && (
        <InfoRow label={`本期应还（${loan.nextDue.dueDate}）`} value={formatFen(loan.nextDue.amountFen)} id='repay-next-due' />
      )}
    </View>
  );
}

/** What is due today: all of it, or an amount of the customer's choosing. */
function DueForm({ loan, account }: { loan: LoanView; account: AccountDetail }) {
  const form = useRepayForm(loan);
  const current = [{ value: 'current', label: loan.overdue.overdueTotalFen > 0 ? '还逾期及本期应还' : '还本期应还' }];
  return (
    <View>
      <View className='card'>
        <Options
          idPrefix='repay'
          label='还款金额'
          options={current}
          selected={form.mode}
          onSelect={form.chooseCurrent}
        />
        <AmountInput id='repay-amount' label='其他金额' value={form.amount} onChange={form.changeAmount} />
      </View>
      <Text className='hint'>
        从电子账户 {account.accountNumberMasked} 扣款，可用余额 {formatFen(account.balanceFen)}
        。其他金额按罚息、利息、本金的顺序归还已到期款项；到期日前归还本金请选择「提前还款」，全部还清请使用「提前结清」。
      </Text>
      <PaymentActions id='repay-submit' payment={form.payment} title='还款' onClick={form.submit}>
        确认还款
      </PaymentActions>
    </View>
  );
}

const ADJUSTMENT_OPTIONS = keysOf(PREPAYMENT_ADJUSTMENT_LABELS).map((adjustment) => ({
  value: adjustment,
  label: PREPAYMENT_ADJUSTMENT_LABELS[adjustment],
}));

/** The server's quote of a prepayment: what it costs and the schedule it leaves. */
function PrepaymentQuote({ quote }: { quote: PrepaymentQuoteView }) {
  const interestLabel = quote.coolingOff ? '利息（冷静期内免息）' : `利息（${quote.interestDays} 天，按${DAY_COUNT_LABELS[quote.dayCountBasis]}计）`;
  return (
    <View>
      <View className='card'>
        <KeyFigure label='本次提前还款' value={formatFen(quote.totalFen)} id='prepay-total' />
        <InfoRow label='归还本金' value={formatFen(quote.principalFen)} />
        <InfoRow label={interestLabel} value={formatFen(quote.interestFen)} id='prepay-interest' />
        <InfoRow label='剩余本金' value={formatFen(quote.outstandingAfterFen)} />
      </View>
      <View className='card'>
        <Text className='card__title'>{quote.adjustmentLabel}后</Text>
        <Rates id='prepay-annualized-rate' rates={quote} />
        <InfoRow label='每期还款' value={formatFen(quote.nextPaymentFen)} id='prepay-next-payment' />
        <InfoRow label='剩余期数' value={`${quote.remainingPeriods} 期`} id='prepay-periods' />
        <InfoRow label='新的到期日' value={quote.newMaturityDate} id='prepay-maturity' />
        <InfoRow label='剩余利息' value={formatFen(quote.remainingInterestFen)} />
      </View>
      <InstallmentSchedule installments={quote.installments} title='提前还款后的还款计划' />
    </View>
  );
}

/** Principal before its due date: interest only for the days elapsed, free in the cooling-off
 *  days; 减少月供 or 缩短期限, seen before confirming. */
function PrepayForm({ loan, account }: { loan: LoanView; account: AccountDetail }) {
  const form = usePrepayForm(loan);
  const { quote, quoting } = form;
  return (
    <View>
      <View className='card'>
        <AmountInput id='prepay-principal' label='提前还款本金' value={form.principal} onChange={form.changePrincipal} />
        <Options
          idPrefix='prepay-adjustment'
          label='提前还款后'
          options={ADJUSTMENT_OPTIONS}
          selected={form.adjustment}
          onSelect={form.chooseAdjustment}
        />
      </View>
      <Text className='hint'>
        减少月供：期限不变，每期还款减少；缩短期限：每期还款不变，期数减少。提前归还的本金按本期已过天数计息，冷静期内免息。从电子账户{' '}
        {account.accountNumberMasked} 扣款，可用余额 {formatFen(account.balanceFen)}。
      </Text>
      {quote ? (
        <View>
          <PrepaymentQuote quote={quote} />
          <PaymentActions id='prepay-submit' payment={form.payment} title='提前还款' onClick={form.submit}>
            确认提前还款
          </PaymentActions>
        </View>
      ) : (
        <View>
          <View className='actions'>
            <Button
              id='prepay-quote'
              className={quoting ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
              disabled={quoting}
              onClick={quoting ? undefined : form.showQuote}
            >
              {quoting ? '计算中…' : '查看新的还款计划'}
            </Button>
          </View>
          <ErrorText message={form.payment.error} />
        </View>
      )}
    </View>
  );
}

type RepayKind = 'due' | 'prepay';
const KIND_OPTIONS: { value: RepayKind; label: string }[] = [
  { value: 'due', label: '还到期应还' },
  { value: 'prepay', label: '提前还款' },
];

function RepayForm({ loan, account }: { loan: LoanView; account: AccountDetail }) {
  // Before anything falls due the only way to repay is early (the server says what is due now).
  const [kind, setKind] = useState<RepayKind>(loan.dueNowFen > 0 ? 'due' : 'prepay');
  return (
    <View className='page'>
      <Owed loan={loan} />
      {loan.dueNowFen > 0 ? (
        <View className='card'>
          <Options idPrefix='repay-kind' label='还款方式' options={KIND_OPTIONS} selected={kind} onSelect={setKind} />
        </View>
      ) : (
        <Text className='hint' id='repay-nothing-due'>
          当前没有到期应还款项，到期日前还款按提前还款办理。
        </Text>
      )}
      {kind === 'due' ? <DueForm loan={loan} account={account} /> : <PrepayForm loan={loan} account={account} />}
    </View>
  );
}

/** Repay from the e-account: what is due now (all, or an amount of the customer's choosing), or
 *  principal early as a prepayment. */
export default function RepayPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.loanId, async (loanId) => {
    const [loan, account] = await Promise.all([getLoan(loanId), getAccount()]);
    return { loan, account };
  });
  if (remote.status === 'missing') return <LoanMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.loan.status !== 'ACTIVE') return <PaidOff />;
  return <RepayForm loan={remote.data.loan} account={remote.data.account} />;
}
