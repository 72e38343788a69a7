import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { type EnteredPin, PIN_LENGTH } from '@/lib/pin-cipher';
import { PinKeypad } from './PinKeypad';

/** The certificate WeChat issues for the bank's SM2 key (safe keyboard guide), shipped in the
 *  package at this path. */
export const SAFE_PASSWORD_CERT_PATH = '/certs/safe-password.crt';

interface PinInputProps {
  /** The nonce's challenge, which WeChat's cipher carries; null while a nonce is asked for. */
  challenge: string | null;
  /** Nothing can be entered while a request is in flight. */
  disabled: boolean;
  onEntered: (entered: EnteredPin) => void;
  /** Shown under the boxes: a message, 忘记支付密码. */
  children?: ReactNode;
}

interface SafeInputDetail {
  value: string;
  encryptedValue?: string;
}

/** WeChat's safe keyboard: the digits never reach our code, only WeChat's SM2 cipher of them,
 *  handed over when the field loses focus (the keyboard closes after the sixth digit). */
function SafePasswordInput({ challenge, disabled, onEntered, children }: PinInputProps) {
  // Seconds, as WeChat's guide has it; fixed for the field's life so each cipher is stamped once.
  const [timeStamp] = useState(() => Math.floor(Date.now() / 1000));
  return (
    <View className='keypad'>
      <Input
        id='pin-safe-input'
        className='pin-safe-input'
        type='safe-password'
        password
        maxlength={PIN_LENGTH}
        safePasswordCertPath={SAFE_PASSWORD_CERT_PATH}
        safePasswordLength={PIN_LENGTH}
        safePasswordNonce={challenge ?? ''}
        safePasswordTimeStamp={timeStamp}
        disabled={disabled || challenge === null}
        focus={!disabled && challenge !== null}
        placeholder='请输入 6 位支付密码'
        onInput={(event) => {
          if (event.detail.value.length === PIN_LENGTH) void Taro.hideKeyboard();
        }}
        onBlur={(event) => {
          const { value, encryptedValue } = event.detail as SafeInputDetail;
          if (value.length === PIN_LENGTH && encryptedValue) onEntered({ wechatCipher: encryptedValue });
        }}
      />
      {children}
    </View>
  );
}

/** Where the payment PIN is entered: WeChat's safe keyboard in the mini-program, our own keypad in
 *  H5 (a browser has no safe keyboard). */
export function PinInput(props: PinInputProps) {
  if (process.env.TARO_ENV === 'weapp') return <SafePasswordInput {...props} />;
  const { disabled, challenge, onEntered, children } = props;
  return (
    <PinKeypad disabled={disabled || challenge === null} onComplete={(digits) => onEntered({ digits })}>
      {children}
    </PinKeypad>
  );
}
