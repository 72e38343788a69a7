import { Button, View } from '@tarojs/components';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { useState } from 'react';
import { bindPhone, simulatedPhoneCode } from '@/api/bank';
import { Field } from '@/components/Field';
import { Intro } from '@/components/Intro';
import { PrivacySheet } from '@/components/PrivacySheet';
import { ErrorText } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** H5: the number is typed, and the local simulator plays WeChat's getPhoneNumber. */
function SimulatedPhoneForm() {
  const [phone, setPhone] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    if (!PHONE_PATTERN.test(phone)) {
      setError('请输入 11 位手机号');
      return;
    }
    const me = await run(async () => bindPhone(await simulatedPhoneCode(phone)));
    if (me) goHome();
  }

  return (
    <View>
      <View className='card'>
        <Field
          id='phone-input'
          label='手机号'
          kind='digits'
          value={phone}
          onChange={setPhone}
          maxlength={11}
          placeholder='请输入本人手机号'
        />
      </View>
      <SubmitActions id='phone-submit' busy={busy} error={error} onClick={handleSubmit}>
        绑定手机号
      </SubmitActions>
    </View>
  );
}

/** Mini-program: WeChat hands out a one-time code for the number the customer approves. */
function WechatPhoneButton() {
  const { busy, error, setError, run } = useSubmit();

  async function handlePhoneNumber(event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) {
    const { code } = event.detail;
    if (!code) {
      setError('需要授权手机号才能继续开户');
      return;
    }
    const me = await run(() => bindPhone(code));
    if (me) goHome();
  }

  return (
    <View>
      <View className='actions'>
        <Button
          id='phone-submit'
          className={busy ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
          openType='getPhoneNumber'
          disabled={busy}
          onGetPhoneNumber={handlePhoneNumber}
        >
          {busy ? '处理中…' : '微信手机号快捷绑定'}
        </Button>
      </View>
      <ErrorText message={error} />
      {/* The phone-number button is a personal-information component: WeChat holds it for consent. */}
      <PrivacySheet />
    </View>
  );
}

export default function BindPhonePage() {
  return (
    <View className='page'>
      <Intro title='绑定手机号' text='手机号用于接收交易通知，也是他人向您转账时的收款账号。' />
      {process.env.TARO_ENV === 'h5' ? <SimulatedPhoneForm /> : <WechatPhoneButton />}
    </View>
  );
}
