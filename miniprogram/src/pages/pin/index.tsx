import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { getMe, setPin } from '@/api/bank';
import { Intro } from '@/components/Intro';
import { isPinShaped, PinField } from '@/components/PinField';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';

function PinForm({ changing }: { changing: boolean }) {
  const [currentPin, setCurrentPin] = useState('');
  const [pin, setPinValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    if (changing && !isPinShaped(currentPin)) return setError('请输入 6 位原支付密码');
    if (!isPinShaped(pin)) return setError('支付密码须为 6 位数字');
    if (pin !== confirmation) return setError('两次输入的支付密码不一致');
    const me = await run(() => setPin(changing ? { pin, currentPin } : { pin }));
    if (me) return goHome();
    setCurrentPin('');
    setPinValue('');
    setConfirmation('');
  }

  return (
    <View>
      <View className='card'>
        {changing && (
          <PinField id='pin-current' label='原密码' value={currentPin} onChange={setCurrentPin} placeholder='请输入原支付密码' />
        )}
        <PinField label={changing ? '新密码' : '支付密码'} value={pin} onChange={setPinValue} />
        <PinField id='pin-confirm' label='确认密码' value={confirmation} onChange={setConfirmation} placeholder='再次输入' />
      </View>
      <Text className='hint'>
        请勿使用相同或连续的数字、生日等易被猜到的组合。支付密码用于充值、提现、转账等资金交易。
      </Text>
      <SubmitActions id='pin-submit' busy={busy} error={error} onClick={handleSubmit}>
        {changing ? '确认修改' : '设置密码'}
      </SubmitActions>
    </View>
  );
}

export default function PinPage() {
  const { remote, reload } = useRemote(getMe);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const changing = remote.data.pinSet;
  return (
    <View className='page'>
      <Intro title={changing ? '修改支付密码' : '设置支付密码'} text='6 位数字密码，每笔资金交易都需验证。' />
      <PinForm changing={changing} />
    </View>
  );
}
