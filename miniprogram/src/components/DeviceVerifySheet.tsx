import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { sendDeviceCode, sendStepUpCode, stepUp, verifyDevice } from '@/api/devices';
import { errorMessage } from '@/api/http';
import { BottomSheet } from './BottomSheet';
import { CodeStep } from './IdentityCheck';

interface DeviceVerifySheetProps {
  /** The device is verified (or the session stepped up): the payment goes on to its review. */
  onVerified: () => void;
  onCancel: () => void;
  /** A transfer the anti-fraud rules stepped up: the server's reason, shown in place of the
   *  new-device text; the code steps this session up instead of verifying the device. */
  stepUpReason?: string;
}

/**
 * A new device's first money movement (the payment authorization answered
 * DEVICE_VERIFICATION_REQUIRED): a code to the bound phone, typed here — the identity check's code
 * step. Once the bank accepts it, this session is trusted with money and the payment carries on.
 * The same sheet asks for the code of a movement the anti-fraud rules stepped up
 * (STEP_UP_REQUIRED), with the server's reason.
 */
export function DeviceVerifySheet({ onVerified, onCancel, stepUpReason }: DeviceVerifySheetProps) {
  const stepping = stepUpReason !== undefined;
  const [code, setCode] = useState('');
  const [sentHint, setSentHint] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState('');

  async function send() {
    setSending(true);
    setError('');
    try {
      const sent = await (stepping ? sendStepUpCode() : sendDeviceCode());
      setSentHint(`验证码已发送至 ${sent.phoneMasked}，5 分钟内有效。`);
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  }

  async function verify() {
    if (verifying) return;
    if (!/^\d{6}$/.test(code)) return setError(sentHint ? '请输入 6 位验证码' : '请先获取验证码');
    setVerifying(true);
    setError('');
    try {
      await (stepping ? stepUp(code) : verifyDevice(code));
      onVerified();
    } catch (failure) {
      setError(errorMessage(failure));
      setVerifying(false);
    }
  }

  return (
    <BottomSheet id='device-sheet' title={stepping ? '安全验证' : '验证手机号'} back={verifying ? undefined : { id: 'device-cancel', label: '取消', onClick: onCancel }}>
      <View className='device-verify'>
        <Text id='device-why' className='hint'>
          {stepping ? stepUpReason : '为保障资金安全，新设备首次交易需验证绑定的手机号。验证后本机可正常交易。'}
        </Text>
        <CodeStep
          idPrefix='device'
          code={code}
          onChange={setCode}
          sentHint={sentHint}
          resendAt={resendAt}
          sending={sending}
          error={error}
          onSend={() => void send()}
          onNext={() => void verify()}
          nextLabel='验证并继续'
          busy={verifying}
        />
      </View>
    </BottomSheet>
  );
}
