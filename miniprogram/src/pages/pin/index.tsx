import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { getMe, setPin } from '@/api/bank';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';

const PIN_PATTERN = /^\d{6}$/;

function PinForm({ changing }: { changing: boolean }) {
  const [currentPin, setCurrentPin] = useState('');
  const [pin, setPinValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    if (changing && !PIN_PATTERN.test(currentPin)) {
      setError('请输入 6 位原支付密码');
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('支付密码须为 6 位数字');
      return;
    }
    if (pin !== confirmation) {
      setError('两次输入的支付密码不一致');
      return;
    }
    const me = await run(() => setPin(changing ? { pin, currentPin } : { pin }));
    if (me) {
      goHome();
      return;
    }
    setCurrentPin('');
    setPinValue('');
    setConfirmation('');
  }

  return (
    <View>
      <View className='card'>
        {changing && (
          <Field
            id='pin-current'
            label='原密码'
            kind='pin'
            value={currentPin}
            onChange={setCurrentPin}
            placeholder='请输入原支付密码'
          />
        )}
        <Field
          id='pin-input'
          label={changing ? '新密码' : '支付密码'}
          kind='pin'
          value={pin}
          onChange={setPinValue}
          placeholder='6 位数字'
        />
        <Field
          id='pin-confirm'
          label='确认密码'
          kind='pin'
          value={confirmation}
          onChange={setConfirmation}
          placeholder='再次输入'
        />
      </View>
      <Text className='hint'>
        请勿使用相同或连续的数字、生日等易被猜到的组合。支付密码用于充值、提现、转账等资金交易。
      </Text>
      <View className='actions'>
        <SubmitButton id='pin-submit' busy={busy} onClick={handleSubmit}>
          {changing ? '确认修改' : '设置密码'}
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

export default function PinPage() {
  const { remote, reload } = useRemote(getMe);

  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;

  const changing = remote.data.pinSet;
  return (
    <View className='page'>
      <View className='intro'>
        <Text className='intro__title'>{changing ? '修改支付密码' : '设置支付密码'}</Text>
        <Text className='intro__text'>6 位数字密码，每笔资金交易都需验证。</Text>
      </View>
      <PinForm changing={changing} />
    </View>
  );
}
