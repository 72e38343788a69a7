import { Text, View } from '@tarojs/components';
import type { AccountDetail } from '@contract/schemas';
import { useState } from 'react';
import { getAccount, TOP_UP_PATH, topUp, WITHDRAW_PATH, withdraw } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { InfoRow } from '@/components/InfoRow';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { formatFen, typedAmount } from '@/lib/money';
import { showResult } from '@/lib/result';

export type CardDirection = 'top-up' | 'withdraw';

const TEXT = {
  'top-up': { title: '充值', from: '从绑定卡转入电子账户', amountLabel: '充值金额', submit: '确认充值' },
  withdraw: { title: '提现', from: '从电子账户转出到绑定卡', amountLabel: '提现金额', submit: '确认提现' },
} as const;

/** The amount of a movement between the bound card and the e-account, and its payment. */
export function useCardMoneyForm(direction: CardDirection) {
  const [amount, setAmount] = useState(() => typedAmount(''));
  const payment = usePayment();

  function submit() {
    if (!amount.parsed.ok) return payment.setError(amount.parsed.message);
    void payment.start({
      path: direction === 'top-up' ? TOP_UP_PATH : WITHDRAW_PATH,
      body: { amountFen: amount.parsed.amountFen },
      send: direction === 'top-up' ? topUp : withdraw,
      onPaid: (result) => showResult(result),
    });
  }

  return { amount, changeAmount: setAmount, payment, submit };
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
      </View>
      <Text className='hint'>
        单笔最高 {formatFen(account.limits.maxSingleAmountFen)}，与绑定卡之间{text.title}不限日累计额度。
      </Text>
      <PaymentActions id='submit' payment={form.payment} title={text.title} onClick={form.submit}>
        {text.submit}
      </PaymentActions>
    </View>
  );
}

/** Top-up from, or withdrawal to, the bound Class I card. */
export function CardMoneyForm({ direction }: { direction: CardDirection }) {
  const { remote, reload } = useRemote(getAccount);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <Form direction={direction} account={remote.data} />;
}
