import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { BillerView, BillView } from '@contract/bill-schemas';
import { useState } from 'react';
import { AmountInput } from '@/components/AmountInput';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { PaymentActions } from '@/components/PaymentSheets';
import { MissingTarget } from '@/components/MissingTarget';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, typedAmount, yuanInputText } from '@/lib/money';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { getBillers, lookUpBill, lookUpPayeeBill } from '../../api';
import { type BillPayment, useBillPayment, useSavePayee } from './useBillPayment';
import '../../bills.css';

type Arrears = NonNullable<NonNullable<BillView['bill']>['arrears']>;

/** Arrears, said before the amount due that includes them. */
function ArrearsFlag({ arrears }: { arrears: Arrears }) {
  return (
    <View id='bill-arrears' className='notice notice--danger'>
      <Text className='notice__title'>已欠费</Text>
      <Text>
        自 {arrears.sinceDate} 起逾期未缴 {formatFen(arrears.overdueFen)}，滞纳金 {formatFen(arrears.lateFeeFen)}，均已计入应缴金额
      </Text>
    </View>
  );
}

/** The bill as the biller's gateway showed it; a prepaid biller has none, only the account. */
function BillSummary({ view }: { view: BillView }) {
  const { bill } = view;
  return (
    <View className='card'>
      <Text className='card__title'>{view.biller.name}</Text>
      <InfoRow label='户名' value={view.holderNameMasked} id='bill-holder' />
      <InfoRow label={view.biller.accountNumberLabel} value={view.accountNumberMasked} />
      {bill && (
        <View>
          <InfoRow label='账期' value={bill.period} id='bill-period' />
          {bill.dueDate && <InfoRow label='缴费截止' value={bill.dueDate} />}
          {bill.arrears && <ArrearsFlag arrears={bill.arrears} />}
          <Text className='info-row__label'>应缴金额</Text>
          <Text id='bill-amount-due' className='bill-due'>
            {formatFen(bill.amountDueFen)}
          </Text>
        </View>
      )}
      {!bill && !view.biller.prepaid && <Text className='hint'>当前没有待缴账单</Text>}
    </View>
  );
}

function AlreadyPaid({ paymentId }: { paymentId: string | null }) {
  return (
    <View id='bill-already-paid' className='notice'>
      <Text>本期账单已缴清，无需重复缴费</Text>
      {paymentId && (
        <Text className='link' onClick={() => goTo(PAGES.billReceipt, { paymentId })}>
          {' '}查看回单 ›
        </Text>
      )}
    </View>
  );
}

type AmountOptions = NonNullable<BillView['amount']>;

/** The amount the biller allows: its presets as chips, then the field with the allowed range. */
function AmountChoice({ options, form, prepaid }: { options: AmountOptions; form: BillPayment; prepaid: boolean }) {
  return (
    <View>
      {options.presetsFen.length > 1 && (
        <View className='chips chips--standalone'>
          {options.presetsFen.map((fen) => (
            <View
              key={fen}
              id={`bill-preset-${fen}`}
              className={form.amount.text === yuanInputText(fen) ? 'chip chip--selected' : 'chip'}
              onClick={() => form.changeAmount(typedAmount(yuanInputText(fen)))}
            >
              <Text>{formatFen(fen)}</Text>
            </View>
          ))}
        </View>
      )}
      <AmountInput id='bill-amount' label={prepaid ? '充值金额' : '缴费金额'} value={form.amount} onChange={form.changeAmount} />
      <Text className='hint'>
        可缴 {formatFen(options.minFen)} – {formatFen(options.maxFen)}
        {options.kind === 'AT_LEAST_BILL' ? '，超出账单的部分作为预存' : ''}
      </Text>
    </View>
  );
}

function PaymentForm({ view, accountNumber, options }: { view: BillView; accountNumber: string; options: AmountOptions }) {
  const form = useBillPayment(view, accountNumber);
  return (
    <View className='card'>
      {options.fixedFen !== null ? (
        <InfoRow label='缴费金额' value={formatFen(options.fixedFen)} id='bill-amount-fixed' />
      ) : (
        <AmountChoice options={options} form={form} prepaid={view.biller.prepaid} />
      )}
      <PaymentActions id='bill-pay-submit' payment={form.payment} title={`缴费 · ${view.biller.name}`} onClick={form.submit}>
        确认缴费
      </PaymentActions>
    </View>
  );
}

function SavePayee({ view, accountNumber }: { view: BillView; accountNumber: string }) {
  const payee = useSavePayee(view, accountNumber);
  if (payee.saved) {
    return (
      <View className='card'>
        <Text id='bill-payee-saved' className='hint'>
          已保存为常用缴费户
        </Text>
      </View>
    );
  }
  return (
    <View className='card'>
      <Field id='bill-payee-nickname' label='备注名' value={payee.nickname} onChange={payee.setNickname} maxlength={20} placeholder='如：家里电费' />
      <Button id='bill-save-payee' className='btn btn--ghost' onClick={payee.save}>
        保存为常用缴费户
      </Button>
      <ErrorText message={payee.error} />
    </View>
  );
}

/** The bill, the payment form when something is payable, and saving the account as a payee. */
function BillCard({ view, accountNumber }: { view: BillView; accountNumber: string }) {
  return (
    <View>
      <BillSummary view={view} />
      {view.alreadyPaid && <AlreadyPaid paymentId={view.alreadyPaid.paymentId} />}
      {view.amount && !view.alreadyPaid && <PaymentForm view={view} accountNumber={accountNumber} options={view.amount} />}
      {!view.payeeId && <SavePayee view={view} accountNumber={accountNumber} />}
    </View>
  );
}

/** The characters the contract takes in an account number (BillLookupRequest); the biller's own
 *  format is the server's to check, in its words. */
const ACCOUNT_NUMBER_CHARACTERS = /^[0-9A-Za-z\- ]+$/;

/** Why the contract would refuse this account number, or '' when it may be looked up. */
function accountNumberProblem(label: string, accountNumber: string): string {
  if (accountNumber.trim() === '') return `请输入${label}`;
  if (!ACCOUNT_NUMBER_CHARACTERS.test(accountNumber)) return `${label}只能包含字母、数字、空格和“-”`;
  return '';
}

function AccountForm({ biller }: { biller: BillerView }) {
  const [accountNumber, setAccountNumber] = useState('');
  const [view, setView] = useState<BillView | null>(null);
  const [queried, setQueried] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleQuery() {
    const problem = accountNumberProblem(biller.accountNumberLabel, accountNumber);
    if (problem) return setError(problem);
    const result = await run(() => lookUpBill(biller.billerId, accountNumber));
    if (result) {
      setView(result);
      setQueried(accountNumber);
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{biller.name}</Text>
        <Text className='card__subtitle'>{biller.accountNumberHint}</Text>
        <Field
          id='bill-account'
          label={biller.accountNumberLabel}
          kind={biller.accountNumberInput.digitsOnly ? 'digits' : 'text'}
          value={accountNumber}
          onChange={(value) => setAccountNumber(value.toUpperCase())}
          maxlength={biller.accountNumberInput.maxLength}
          placeholder={`请输入${biller.accountNumberLabel}`}
        />
        <SubmitActions id='bill-query' busy={busy} error={error} onClick={handleQuery}>
          查询账单
        </SubmitActions>
      </View>
      {view && queried === accountNumber && <BillCard key={`${queried}-${view.bill?.period ?? ''}`} view={view} accountNumber={queried} />}
    </View>
  );
}

/** A biller link without a biller the catalogue has (none named, or one no longer offered). */
const BillerMissing = () => <MissingTarget message='未找到该缴费单位' next={{ label: '查看缴费项目', onClick: () => replaceWith(PAGES.bills) }} />;

function PayeeBill({ payeeId }: { payeeId: string }) {
  const { remote, reload } = useRemoteTarget(payeeId, lookUpPayeeBill);
  if (remote.status === 'missing') return <MissingTarget message='未找到该常用缴费户' next={{ label: '查看常用缴费户', onClick: () => replaceWith(PAGES.billPayees) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return (
    <View className='page'>
      <BillCard view={remote.data} accountNumber='' />
    </View>
  );
}

function BillerForm({ billerId }: { billerId: string }) {
  const { remote, reload } = useRemote(getBillers);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const biller = remote.data.items.find((item) => item.billerId === billerId);
  if (!biller) return <BillerMissing />;
  return <AccountForm biller={biller} />;
}

/** Look a bill up (by account number, or a saved payee in one tap) and pay it with the PIN. */
export default function BillLookupPage() {
  const { params } = useRouter();
  if (params.payeeId) return <PayeeBill payeeId={params.payeeId} />;
  if (!params.billerId) return <BillerMissing />;
  return <BillerForm billerId={params.billerId} />;
}
