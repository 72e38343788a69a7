import { Button, Text, View } from '@tarojs/components';
import type { PinResetCodeSent, PinResetResult } from '@contract/pin-reset-schemas';
import type { PaymentAuthorization } from '@contract/second-factor-schemas';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { authorizePayment } from '@/api/payments';
import { PIN_RESET_PATH, resetPin, sendPinResetCode } from '@/api/pin-reset';
import { CodeStep, IdentityStep, LockedCheck } from '@/components/IdentityCheck';
import { CODE_PATTERN, type Identity } from '@/lib/identity';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { PinInput } from '@/components/PinInput';
import { ResultCard } from '@/components/ResultPage';
import { ServicePhone } from '@/components/ServicePhone';
import { type IdentityCheckStep, useIdentityCheck } from '@/hooks/useIdentityCheck';
import { goHome } from '@/lib/nav';
import { type EnteredPin, pinCipherFor } from '@/lib/pin-cipher';
import './index.css';

/** 1 identity, 2 the SMS code, 3 the new PIN twice, 4 the result; or stopped (locked). */
type Step = IdentityCheckStep | 'pin' | 'done';

const STEPS: { step: Step; label: string }[] = [
  { step: 'identity', label: '验证身份' },
  { step: 'code', label: '短信验证' },
  { step: 'pin', label: '设置新密码' },
];

function Progress({ step }: { step: Step }) {
  return (
    <View id='reset-steps' className='reset-steps'>
      {STEPS.map(({ step: each, label }, index) => (
        <Text key={each} className={each === step ? 'reset-steps__step reset-steps__step--current' : 'reset-steps__step'}>
          {`${index + 1} ${label}`}
        </Text>
      ))}
    </View>
  );
}

/** Which step a refused reset sends the customer back to. */
function stepForRefusal(code: string): Step | undefined {
  if (code === 'PIN_RESET_LOCKED') return 'locked';
  if (code === 'IDENTITY_MISMATCH') return 'identity';
  if (code === 'SMS_CODE_INVALID' || code === 'SMS_CODE_EXPIRED') return 'code';
  return undefined;
}

const PROMPTS = { new: '请设置新的 6 位支付密码', confirm: '请再次输入，确认新密码' } as const;

interface PinStepProps {
  identity: Identity;
  code: string;
  /** A refusal that sends the customer back to an earlier step, with the server's words. */
  onRefused: (step: Step, message: string) => void;
  onDone: (result: PinResetResult) => void;
  onBack: () => void;
}

/**
 * The new PIN on the keypad, twice, encrypted at once with the challenge of a nonce asked for this
 * very reset (its answers and code): only the first entry is kept until the second is compared
 * with it. WeChat's safe keyboard never shows our code the digits, so there it is asked once.
 */
function PinStep({ identity, code, onRefused, onDone, onBack }: PinStepProps) {
  const answers = { ...identity, smsCode: code };
  const [authorization, setAuthorization] = useState<PaymentAuthorization | null>(null);
  const [phase, setPhase] = useState<'new' | 'confirm'>('new');
  const [entry, setEntry] = useState(0);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const firstPin = useRef('');

  /** From the first entry again, under a new nonce. */
  async function startOver(reason: string) {
    setAuthorization(null);
    setPhase('new');
    setEntry((count) => count + 1);
    setMessage(reason);
    firstPin.current = '';
    try {
      setAuthorization(await authorizePayment({ method: 'POST', path: PIN_RESET_PATH, body: { ...answers } }));
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  }

  useEffect(() => {
    void startOver('');
  }, []);

  async function send(paid: PaymentAuthorization, pinCipher: string) {
    setSending(true);
    try {
      onDone(await resetPin({ ...answers, newPin: { nonce: paid.nonce, pinCipher } }));
    } catch (failure) {
      setSending(false);
      const back = failure instanceof ApiError ? stepForRefusal(failure.code) : undefined;
      if (back) return onRefused(back, errorMessage(failure));
      await startOver(errorMessage(failure));
    }
  }

  function entered(pin: EnteredPin) {
    if (!authorization) return;
    if (phase === 'new' && 'digits' in pin) {
      firstPin.current = pin.digits;
      setPhase('confirm');
      setEntry((count) => count + 1);
      return setMessage('');
    }
    if (phase === 'confirm' && 'digits' in pin && pin.digits !== firstPin.current) {
      firstPin.current = '';
      setPhase('new');
      setEntry((count) => count + 1);
      return setMessage('两次输入的支付密码不一致，请重新设置');
    }
    firstPin.current = '';
    void send(authorization, pinCipherFor(pin, authorization));
  }

  return (
    <View>
      <View className='card pin-entry'>
        <Text id='pin-prompt' className='pin-entry__prompt'>
          {PROMPTS[phase]}
        </Text>
        <PinInput key={entry} challenge={authorization?.challenge ?? null} disabled={sending} onEntered={entered}>
          <View className='pin-sheet__under'>
            {message && (
              <Text id='pin-message' className='pin-sheet__message'>
                {message}
              </Text>
            )}
            {(sending || !authorization) && (
              <Text id='pin-status' className='pin-sheet__status'>
                {sending ? '正在重置…' : '正在准备…'}
              </Text>
            )}
          </View>
        </PinInput>
      </View>
      <Text className='hint'>请勿使用相同或连续的数字、生日等易被猜到的组合。</Text>
      <View className='actions'>
        <Button id='reset-pin-back' className='btn btn--ghost' disabled={sending} onClick={sending ? undefined : onBack}>
          上一步
        </Button>
      </View>
    </View>
  );
}

function Done({ result }: { result: PinResetResult }) {
  return (
    <View>
      <ResultCard message='支付密码已重置'>
        <InfoRow label='通知短信' value={`已发送至 ${result.phoneMasked}`} id='reset-notice' />
      </ResultCard>
      <Text className='hint'>新密码已生效，支付密码锁定已解除。原指纹、面容支付已关闭，如需使用请重新开启。</Text>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

/**
 * 忘记支付密码: the real name, ID number and bound card as verified at onboarding, a code sent to
 * the bound phone, then a new PIN. The server checks every answer when the reset is sent and says
 * which step to go back to; every screen shows how to reach customer service.
 */
export default function PinResetPage() {
  const [sent, setSent] = useState<PinResetCodeSent | null>(null);
  const [result, setResult] = useState<PinResetResult | null>(null);
  const { step, go, identity, setIdentity, code, setCode, resendAt, sending, error, setError, identityNext, sendCode } = useIdentityCheck<Step>(async () => {
    const answer = await sendPinResetCode();
    setSent(answer);
    return answer;
  });

  function codeNext() {
    if (!sent) return setError('请先获取验证码');
    if (!CODE_PATTERN.test(code)) return setError('请输入 6 位短信验证码');
    go('pin');
  }

  function refused(to: Step, message: string) {
    if (to === 'code') setCode('');
    go(to, message);
  }

  function done(answer: PinResetResult) {
    setResult(answer);
    go('done');
  }

  return (
    <View className='page'>
      <Intro title='找回支付密码' text='核验身份和绑定手机后，即可设置新的支付密码。' />
      {step !== 'done' && step !== 'locked' && <Progress step={step} />}
      {step === 'identity' && <IdentityStep idPrefix='reset' identity={identity} onChange={setIdentity} error={error} onNext={identityNext} />}
      {step === 'code' && (
        <CodeStep
          idPrefix='reset'
          code={code}
          onChange={setCode}
          sentHint={sent && `验证码已发送至 ${sent.phoneMasked}，5 分钟内有效。`}
          resendAt={resendAt}
          sending={sending}
          error={error}
          onSend={() => void sendCode()}
          onNext={codeNext}
          onBack={() => go('identity')}
        />
      )}
      {step === 'pin' && <PinStep identity={identity} code={code} onRefused={refused} onDone={done} onBack={() => go('code')} />}
      {step === 'done' && result && <Done result={result} />}
      {step === 'locked' && <LockedCheck message={error} messageId='reset-locked' />}
      {step !== 'locked' && step !== 'done' && <ServicePhone />}
    </View>
  );
}
