import { Text, View } from '@tarojs/components';
import type { PaymentAuthorization } from '@contract/second-factor-schemas';
import { useEffect, useRef, useState } from 'react';
import { getMe, SET_PIN_PATH, setPin } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { authorizePayment } from '@/api/payments';
import { Intro } from '@/components/Intro';
import { PinInput } from '@/components/PinInput';
import { ForgotPin, PinLockedHelp } from '@/components/PinSheet';
import { RemoteStatus } from '@/components/Status';
import { secondFactorOutcome } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';
import { type EnteredPin, pinCipherFor } from '@/lib/pin-cipher';

/** The current PIN (when changing), the new one, and the new one again. */
type Step = 'current' | 'new' | 'confirm';

const PROMPTS: Record<Step, string> = {
  current: '请输入原支付密码，验证身份',
  new: '请设置 6 位数字支付密码',
  confirm: '请再次输入，确认支付密码',
};

/**
 * Setting or changing the PIN on the keypad, every entry encrypted at once with the challenge of a
 * nonce asked for `POST /v1/me/pin`: the new PIN as `newPinCipher`, the current one as the second
 * factor. Only the first entry of the new PIN is kept, until the second is compared with it (the
 * H5 keypad; WeChat's safe keyboard never shows our code digits to compare, so it asks once).
 */
function PinForm({ changing }: { changing: boolean }) {
  const firstStep: Step = changing ? 'current' : 'new';
  const [authorization, setAuthorization] = useState<PaymentAuthorization | null>(null);
  const [step, setStep] = useState<Step>(firstStep);
  const [entry, setEntry] = useState(0);
  const [message, setMessage] = useState('');
  const [locked, setLocked] = useState('');
  const currentCipher = useRef('');
  const firstNewPin = useRef('');
  const { busy, run } = useSubmit();

  /** From the first step again, under a new nonce: every cipher made so far carried the old one. */
  async function startOver(reason: string) {
    setAuthorization(null);
    setStep(firstStep);
    setEntry((count) => count + 1);
    setMessage(reason);
    currentCipher.current = '';
    firstNewPin.current = '';
    try {
      setAuthorization(await authorizePayment({ method: 'POST', path: SET_PIN_PATH, body: {} }));
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  }

  useEffect(() => {
    void startOver('');
  }, []);

  function next(to: Step, reason = '') {
    setStep(to);
    setEntry((count) => count + 1);
    setMessage(reason);
  }

  async function send(paid: PaymentAuthorization, newPinCipher: string) {
    let failure: unknown;
    const newPin = { nonce: paid.nonce, pinCipher: newPinCipher };
    const body = changing ? { newPin, secondFactor: { nonce: paid.nonce, pinCipher: currentCipher.current } } : { newPin };
    const me = await run(async () => {
      try {
        return await setPin(body);
      } catch (thrown) {
        failure = thrown;
        throw thrown;
      }
    });
    if (me) return goHome();
    if (secondFactorOutcome(failure) === 'locked') return setLocked(errorMessage(failure));
    await startOver(errorMessage(failure));
  }

  function entered(pin: EnteredPin) {
    if (!authorization) return;
    if (step === 'current') {
      currentCipher.current = pinCipherFor(pin, authorization);
      return next('new');
    }
    if (step === 'new' && 'digits' in pin) {
      firstNewPin.current = pin.digits;
      return next('confirm');
    }
    if (step === 'confirm' && 'digits' in pin && pin.digits !== firstNewPin.current) {
      firstNewPin.current = '';
      return next('new', '两次输入的支付密码不一致，请重新设置');
    }
    firstNewPin.current = '';
    void send(authorization, pinCipherFor(pin, authorization));
  }

  if (locked) {
    return (
      <View className='card'>
        <PinLockedHelp message={locked} />
      </View>
    );
  }
  return (
    <View>
      <View className='card pin-entry'>
        <Text id='pin-prompt' className='pin-entry__prompt'>
          {PROMPTS[step]}
        </Text>
        <PinInput key={entry} challenge={authorization?.challenge ?? null} disabled={busy} onEntered={entered}>
          <View className='pin-sheet__under'>
            {message && (
              <Text id='pin-message' className='pin-sheet__message'>
                {message}
              </Text>
            )}
            {(busy || !authorization) && (
              <Text id='pin-status' className='pin-sheet__status'>
                {busy ? '正在保存…' : '正在准备…'}
              </Text>
            )}
            {step === 'current' && <ForgotPin />}
          </View>
        </PinInput>
      </View>
      <Text className='hint'>
        请勿使用相同或连续的数字、生日等易被猜到的组合。支付密码用于充值、提现、转账等资金交易。
      </Text>
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
