import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AccountDetail } from '@contract/schemas';
import type { LoanView } from '@contract/loan-schemas';
import { getAccount } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { InfoRow } from '@/components/InfoRow';
import { Options } from '@/components/Options';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { getLoan } from '../../api';
import { PaidOff } from '../../components/PaidOff';
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

function RepayForm({ loan, account }: { loan: LoanView; account: AccountDetail }) {
  const form = useRepayForm(loan);
  const current = [{ value: 'current', label: loan.overdue.overdueTotalFen > 0 ? '还逾期及本期应还' : '还本期应还' }];
  return (
    <View className='page'>
      <Owed loan={loan} />
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
        。其他金额按罚息、利息、本金的顺序归还逾期及本期款项；提前归还后续各期请使用「提前结清」。
      </Text>
      <PaymentActions id='repay-submit' payment={form.payment} title='还款' onClick={form.submit}>
        确认还款
      </PaymentActions>
    </View>
  );
}

/** Repay from the e-account: what is payable now, or an amount of the customer's choosing. */
export default function RepayPage() {
  const { params } = useRouter();
  const loanId = params.loanId ?? '';
  const { remote, reload } = useRemote(async () => {
    const [loan, account] = await Promise.all([getLoan(loanId), getAccount()]);
    return { loan, account };
  });
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.loan.status !== 'ACTIVE') return <PaidOff />;
  return <RepayForm loan={remote.data.loan} account={remote.data.account} />;
}
