import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { openAccount } from '@/api/bank';
import { Field } from '@/components/Field';
import { Intro } from '@/components/Intro';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';

const CARD_NUMBER_PATTERN = /^\d{16,19}$/;

export default function OpenAccountPage() {
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
