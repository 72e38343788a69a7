import { Button, Text, View } from '@tarojs/components';
import type { AccountDetail } from '@contract/schemas';
import { getAccount } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { PaymentActions } from '@/components/PaymentSheets';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { type ConfirmedPayee, type TransferForm, useTransferForm } from './useTransferForm';
import './index.css';

const MEMO_MAX_LENGTH = 20;

function PayeeCard({ payee }: { payee: ConfirmedPayee }) {
  return (
    <View className='payee'>
      <View className='payee__avatar'>
        {/* The first character, not UTF-16 unit: 𠮷 is two units and half of it shows as □. */}
        <Text>{Array.from(payee.nameMasked)[0]}</Text>
      </View>
      <View className='payee__body'>
        <Text id='payee-name' className='payee__name'>
          {payee.nameMasked}
        </Text>
        <Text className='payee__phone'>{payee.phoneMasked}</Text>
      </View>
      <Text className='payee__hint'>请核对收款人</Text>
    </View>
  );
}

function PayeeSection({ form }: { form: TransferForm }) {
  const lookup = (
    <Button
      id='transfer-lookup'
      className={`btn btn--ghost btn--small${form.lookingUp ? ' btn--disabled' : ''}`}
      disabled={form.lookingUp}
      onClick={form.lookingUp ? undefined : form.lookUp}
    >
      {form.lookingUp ? '查询中…' : '下一步'}
    </Button>
  );
  return (
    <View className='card'>
      <Field
        id='transfer-phone'
        label='收款人手机'
        kind='digits'
        value={form.phone}
        onChange={form.changePhone}
        maxlength={11}
        placeholder='对方在近邻银行的手机号'
        disabled={form.payment.busy}
        extra={form.payee ? null : lookup}
      />
      {form.payee && <PayeeCard payee={form.payee} />}
    </View>
  );
}

/** What the server says may still go out today; nothing is computed here. */
function Limits({ account }: { account: AccountDetail }) {
  const today = account.limits.nonBoundOutToday;
  return (
    <View>
      <View className='card transfer__limits'>
        <InfoRow label='可用余额' value={formatFen(account.balanceFen)} />
        <InfoRow label='今日剩余转出额度' value={formatFen(today.remainingFen)} />
      </View>
      <Text className='hint'>
        转账一般实时到账，到账后无法撤回，请确认收款人姓名后再付款；存在被骗风险的转账将延时到账，到账前可撤销。II 类户向非绑定账户转出每日限额 {formatFen(today.limitFen)}。
      </Text>
    </View>
  );
}

function PaymentSection({ form, account }: { form: TransferForm; account: AccountDetail }) {
  return (
    <View>
      <View className='card'>
        <AmountInput id='amount-input' label='转账金额' value={form.amount} onChange={form.changeAmount} />
        <Field
          id='transfer-memo'
          label='附言'
          value={form.memo}
          onChange={form.setMemo}
          maxlength={MEMO_MAX_LENGTH}
          placeholder='选填，最多 20 字'
        />
      </View>
      <Limits account={account} />
      <PaymentActions id='submit' payment={form.payment} title='转账' onClick={form.submit}>
        确认转账
      </PaymentActions>
    </View>
  );
}

function Transfer({ account }: { account: AccountDetail }) {
  const form = useTransferForm(account.limits.maxSingleAmountFen);
  return (
    <View className='page'>
      <PayeeSection form={form} />
      {form.payee ? <PaymentSection form={form} account={account} /> : <ErrorText message={form.payment.error} />}
    </View>
  );
}

export default function TransferPage() {
  const { remote, reload } = useRemote(getAccount);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <Transfer account={remote.data} />;
}
