import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AccountDetail } from '@contract/schemas';
import type { LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { getAccount } from '@/api/bank';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { getLoan, repayLoan } from '../../api';
import { PaidOff } from '../../components/PaidOff';
import { PIN_PATTERN } from '../../form';
import { showRepaymentResult } from '../../repayment';
import '../../loan.css';

type Mode = 'current' | 'custom';

function RepayForm({ loan, account }: { loan: LoanView; account: AccountDetail }) {
  const [mode, setMode] = useState<Mode>('current');
  const [amount, setAmount] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();
  const overdueFen = loan.overdue.overdueTotalFen;

  function chooseCurrent() {
    setMode('current');
    setAmount('');
    resetKey();
  }

  function changeAmount(value: string) {
    setAmount(value);
    setMode(value === '' ? 'current' : 'custom');
    resetKey();
  }

  async function handleSubmit() {
    let amountFen: number | undefined;
    if (mode === 'custom') {
      const parsed = parseYuanToFen(amount);
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
      amountFen = parsed.amountFen;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = amountFen === undefined ? { pin } : { amountFen, pin };
    const result = await run((idempotencyKey) => repayLoan(loan.loanId, body, idempotencyKey));
    if (result) showRepaymentResult('REPAY', result);
    else setPin('');
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{loan.productName}</Text>
        <Text className='card__subtitle'>合同编号 {loan.contractNo}</Text>
        <View className='info-row'>
          <Text className='info-row__label'>待还本金</Text>
          <Text className='info-row__value'>{formatFen(loan.outstandingPrincipalFen)}</Text>
        </View>
        {overdueFen > 0 && (
          <View className='info-row'>
            <Text className='info-row__label'>逾期应还（{loan.overdue.daysPastDue} 天）</Text>
            <Text className='info-row__value amount-in'>{formatFen(overdueFen)}</Text>
          </View>
        )}
        {loan.nextDue && (
          <View className='info-row'>
            <Text className='info-row__label'>本期应还（{loan.nextDue.dueDate}）</Text>
            <Text id='repay-next-due' className='info-row__value'>
              {formatFen(loan.nextDue.amountFen)}
            </Text>
          </View>
        )}
      </View>

      <View className='card'>
        <View className='choice'>
          <Text className='choice__label'>还款金额</Text>
          <View className='chips'>
            <View
              id='repay-current'
              className={mode === 'current' ? 'chip chip--selected' : 'chip'}
              onClick={chooseCurrent}
            >
              <Text>{overdueFen > 0 ? '还逾期及本期应还' : '还本期应还'}</Text>
            </View>
          </View>
        </View>
        <Field
          id='repay-amount'
          label='其他金额'
          kind='amount'
          value={amount}
          onChange={changeAmount}
          maxlength={13}
          placeholder='0.00'
        />
        <Field
          id='pin-input'
          label='支付密码'
          kind='pin'
          value={pin}
          onChange={setPin}
          placeholder='6 位数字'
        />
      </View>
      <Text className='hint'>
        从电子账户 {account.accountNumberMasked} 扣款，可用余额 {formatFen(account.balanceFen)}
        。其他金额按罚息、利息、本金的顺序归还逾期及本期款项；提前归还后续各期请使用「提前结清」。
      </Text>
      <View className='actions'>
        <SubmitButton id='repay-submit' busy={busy} onClick={handleSubmit}>
          确认还款
        </SubmitButton>
      </View>
      <ErrorText message={error} />
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
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  if (remote.data.loan.status !== 'ACTIVE') return <PaidOff />;
  return <RepayForm loan={remote.data.loan} account={remote.data.account} />;
}
