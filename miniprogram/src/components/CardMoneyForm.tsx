import { Text, View } from '@tarojs/components';
import type { AccountDetail } from '@contract/schemas';
import { useState } from 'react';
import { getAccount, topUp, withdraw } from '@/api/bank';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { showResult } from '@/lib/result';

export type CardDirection = 'top-up' | 'withdraw';

const TEXT = {
  'top-up': { title: '充值', from: '从绑定卡转入电子账户', amountLabel: '充值金额', submit: '确认充值' },
  withdraw: { title: '提现', from: '从电子账户转出到绑定卡', amountLabel: '提现金额', submit: '确认提现' },
} as const;

const PIN_PATTERN = /^\d{6}$/;

function Form({ direction, account }: { direction: CardDirection; account: AccountDetail }) {
  const text = TEXT[direction];
  const [amount, setAmount] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();

  function changeAmount(value: string) {
    setAmount(value);
    resetKey();
  }

  async function handleSubmit() {
    const parsed = parseYuanToFen(amount);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = { amountFen: parsed.amountFen, pin };
    const move = direction === 'top-up' ? topUp : withdraw;
    const result = await run((idempotencyKey) => move(body, idempotencyKey));
    if (result) showResult(result);
    else setPin('');
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__subtitle'>{text.from}</Text>
        <View className='info-row'>
          <Text className='info-row__label'>绑定卡</Text>
          <Text className='info-row__value'>
            {account.boundCard.bankName} {account.boundCard.cardNumberMasked}
          </Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>电子账户</Text>
          <Text className='info-row__value'>{account.accountNumberMasked}</Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>可用余额</Text>
          <Text className='info-row__value'>{formatFen(account.balanceFen)}</Text>
        </View>
      </View>

      <View className='card'>
        <Field
          id='amount-input'
          label={text.amountLabel}
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
        单笔最高 {formatFen(account.limits.maxSingleAmountFen)}，与绑定卡之间{text.title}不限日累计额度。
      </Text>

      <View className='actions'>
        <SubmitButton id='submit' busy={busy} onClick={handleSubmit}>
          {text.submit}
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

/** Top-up from, or withdrawal to, the bound Class I card. */
export function CardMoneyForm({ direction }: { direction: CardDirection }) {
  const { remote, reload } = useRemote(getAccount);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  return <Form direction={direction} account={remote.data} />;
}
