import { Button, Text, View } from '@tarojs/components';
import type { AccountSummary } from '@contract/schemas';
import { useState } from 'react';
import { getMe, openAccount } from '@/api/bank';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';

const CARD_NUMBER_PATTERN = /^\d{16,19}$/;

/** Opened already (Back to this page after opening, a stale link): what is open, not the form
 *  again. */
function AccountOpen({ account }: { account: AccountSummary }) {
  return (
    <View className='page'>
      <Intro title='电子账户已开通' text='您已开通 II 类电子账户，无需重复办理。' />
      <View id='account-open' className='card'>
        <InfoRow label='账号' value={account.accountNumberMasked} />
        <InfoRow label='绑定卡' value={`${account.boundCard.bankName} ${account.boundCard.cardNumberMasked}`} />
        <InfoRow label='开通时间' value={formatDateTime(account.openedAt)} />
      </View>
      <View className='actions'>
        <Button id='open-account-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

export default function OpenAccountPage() {
  const { remote, reload } = useRemote(getMe);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.account) return <AccountOpen account={remote.data.account} />;
  return <OpenAccountForm />;
}

function OpenAccountForm() {
  const [cardNumber, setCardNumber] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    if (!CARD_NUMBER_PATTERN.test(cardNumber)) {
      setError('请输入 16–19 位借记卡卡号');
      return;
    }
    const account = await run(() => openAccount({ cardNumber }));
    if (account) goHome();
  }

  return (
    <View className='page'>
      <Intro title='开通 II 类电子账户' text='绑定一张本人名下的一类借记卡，开通后即可充值、提现与转账。' />
      <View className='card'>
        <Field
          id='card-number'
          label='借记卡号'
          kind='digits'
          value={cardNumber}
          onChange={setCardNumber}
          maxlength={19}
          placeholder='请输入本人借记卡卡号'
        />
      </View>
      <View className='card'>
        <Text className='card__title'>账户说明</Text>
        <Text className='hint'>· 与绑定卡之间充值、提现不限额。</Text>
        <Text className='hint'>· 与非绑定账户之间的转入、转出按 II 类户规定限额，可在转账页查看剩余额度。</Text>
        <Text className='hint'>· 电子账户不提供实体卡，不支持现金存取。</Text>
      </View>
      <SubmitActions id='open-account-submit' busy={busy} error={error} onClick={handleSubmit}>
        同意并开通
      </SubmitActions>
    </View>
  );
}
