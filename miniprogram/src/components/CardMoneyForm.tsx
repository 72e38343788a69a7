import { Text, View } from '@tarojs/components';
import type { AccountDetail } from '@contract/schemas';
import { useState } from 'react';
import { getAccount, topUp, withdraw } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { InfoRow } from '@/components/InfoRow';
import { isPinShaped, PIN_MISSING, PinField } from '@/components/PinField';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, typedAmount } from '@/lib/money';
import { showResult } from '@/lib/result';

export type CardDirection = 'top-up' | 'withdraw';

const TEXT = {
  'top-up': { title: '充值', from: '从绑定卡转入电子账户', amountLabel: '充值金额', submit: '确认充值' },
  withdraw: { title: '提现', from: '从电子账户转出到绑定卡', amountLabel: '提现金额', submit: '确认提现' },
} as const;

/** Amount and PIN of a movement between the bound card and the e-account, and its submission. */
export function useCardMoneyForm(direction: CardDirection) {
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function submit() {
    if (!amount.parsed.ok) return setError(amount.parsed.message);
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const body = { amountFen: amount.parsed.amountFen, pin };
    const move = direction === 'top-up' ? topUp : withdraw;
    const result = await run((idempotencyKey) => move(body, idempotencyKey), body);
    if (result) showResult(result);
    else setPin('');
  }

  return { amount, changeAmount: setAmount, pin, setPin, busy, error, submit };
}

function AccountCard({ subtitle, account }: { subtitle: string; account: AccountDetail }) {
  return (
    <View className='card'>
      <Text className='card__subtitle'>{subtitle}</Text>
      <InfoRow label='绑定卡' value={`${account.boundCard.bankName} ${account.boundCard.cardNumberMasked}`} />
      <InfoRow label='电子账户' value={account.accountNumberMasked} />
      <InfoRow label='可用余额' value={formatFen(account.balanceFen)} />
    </View>
  );
}

function Form({ direction, account }: { direction: CardDirection; account: AccountDetail }) {
  const text = TEXT[direction];
  const form = useCardMoneyForm(direction);
  return (
    <View className='page'>
      <AccountCard subtitle={text.from} account={account} />
      <View className='card'>
        <AmountInput id='amount-input' label={text.amountLabel} value={form.amount} onChange={form.changeAmount} />
        <PinField value={form.pin} onChange={form.setPin} />
      </View>
      <Text className='hint'>
        单笔最高 {formatFen(account.limits.maxSingleAmountFen)}，与绑定卡之间{text.title}不限日累计额度。
      </Text>
      <SubmitActions id='submit' busy={form.busy} error={form.error} onClick={form.submit}>
        {text.submit}
      </SubmitActions>
    </View>
  );
}

/** Top-up from, or withdrawal to, the bound Class I card. */
export function CardMoneyForm({ direction }: { direction: CardDirection }) {
  const { remote, reload } = useRemote(getAccount);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <Form direction={direction} account={remote.data} />;
}
