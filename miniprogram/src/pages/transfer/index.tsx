import { Button, Text, View } from '@tarojs/components';
import type { AccountDetail, Payee } from '@contract/schemas';
import { useState } from 'react';
import { findPayee, getAccount, transfer } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { showResult } from '@/lib/result';
import './index.css';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;
const PIN_PATTERN = /^\d{6}$/;
const MEMO_MAX_LENGTH = 20;

interface ConfirmedPayee extends Payee {
  phone: string;
}

function TransferForm({ account }: { account: AccountDetail }) {
  const [phone, setPhone] = useState('');
  const [payee, setPayee] = useState<ConfirmedPayee | null>(null);
  const [lookingUp, setLookingUp] = useState(false);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();
  const todayLimit = account.limits.nonBoundOutToday;

  function changePhone(value: string) {
    setPhone(value);
    setPayee(null);
    resetKey();
  }

  function changeAmount(value: string) {
    setAmount(value);
    resetKey();
  }

  async function handleLookup() {
    if (!PHONE_PATTERN.test(phone)) {
      setError('请输入收款人 11 位手机号');
      return;
    }
    setError('');
    setLookingUp(true);
    try {
      const found = await findPayee(phone);
      setPayee({ ...found, phone });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLookingUp(false);
    }
  }

  async function handleSubmit() {
    if (!payee) return;
    const parsed = parseYuanToFen(amount);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = {
      toPhone: payee.phone,
      amountFen: parsed.amountFen,
      pin,
      ...(memo.trim() ? { memo: memo.trim() } : {}),
    };
    const result = await run((idempotencyKey) => transfer(body, idempotencyKey));
    if (result) showResult(result, payee.nameMasked);
    else setPin('');
  }

  return (
    <View className='page'>
      <View className='card'>
        <Field
          id='transfer-phone'
          label='收款人手机'
          kind='digits'
          value={phone}
          onChange={changePhone}
          maxlength={11}
          placeholder='对方在近邻银行的手机号'
          disabled={busy}
          extra={
            payee ? null : (
              <Button
                id='transfer-lookup'
                className={`btn btn--ghost btn--small${lookingUp ? ' btn--disabled' : ''}`}
                disabled={lookingUp}
                onClick={lookingUp ? undefined : handleLookup}
              >
                {lookingUp ? '查询中…' : '下一步'}
              </Button>
            )
          }
        />
        {payee && (
          <View className='payee'>
            <View className='payee__avatar'>
              <Text>{payee.nameMasked.slice(0, 1)}</Text>
            </View>
            <View className='payee__body'>
              <Text id='payee-name' className='payee__name'>
                {payee.nameMasked}
              </Text>
              <Text className='payee__phone'>{payee.phoneMasked}</Text>
            </View>
            <Text className='payee__hint'>请核对收款人</Text>
          </View>
        )}
      </View>

      {payee && (
        <View>
          <View className='card'>
            <Field
              id='amount-input'
              label='转账金额'
              kind='amount'
              value={amount}
              onChange={changeAmount}
              maxlength={13}
              placeholder='0.00'
            />
            <Field
              id='transfer-memo'
              label='附言'
              value={memo}
              onChange={setMemo}
              maxlength={MEMO_MAX_LENGTH}
              placeholder='选填，最多 20 字'
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
          <View className='card transfer__limits'>
            <View className='info-row'>
              <Text className='info-row__label'>可用余额</Text>
              <Text className='info-row__value'>{formatFen(account.balanceFen)}</Text>
            </View>
            <View className='info-row'>
              <Text className='info-row__label'>今日剩余转出额度</Text>
              <Text className='info-row__value'>{formatFen(todayLimit.remainingFen)}</Text>
            </View>
          </View>
          <Text className='hint'>
            转账实时到账，无法撤回，请确认收款人姓名后再付款。II 类户向非绑定账户转出每日限额{' '}
            {formatFen(todayLimit.limitFen)}。
          </Text>
          <View className='actions'>
            <SubmitButton id='submit' busy={busy} onClick={handleSubmit}>
              确认转账
            </SubmitButton>
          </View>
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}

export default function TransferPage() {
  const { remote, reload } = useRemote(getAccount);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  return <TransferForm account={remote.data} />;
}
