import { useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { checkedIdentity, type Identity, NO_IDENTITY } from '@/lib/identity';

/** The steps every identity check has; a page adds its own after them. */
export type IdentityCheckStep = 'identity' | 'code' | 'locked';

/**
 * The state of a page that runs the identity check (忘记支付密码, 挂失): the answers, the code, the
 * step and its error, and the code's sending — `send` asks the server for one and says how long
 * until another. A locked check (PIN_RESET_LOCKED) stops the page at `locked`.
 */
export function useIdentityCheck<Extra extends string>(send: (identity: Identity) => Promise<{ resendAfterSeconds: number }>) {
  const [step, setStep] = useState<IdentityCheckStep | Extra>('identity');
  const [identity, setIdentity] = useState<Identity>(NO_IDENTITY);
  const [code, setCode] = useState('');
  const [resendAt, setResendAt] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  function go(to: IdentityCheckStep | Extra, message = '') {
    setStep(to);
    setError(message);
  }

  function identityNext() {
    const checked = checkedIdentity(identity);
    if ('problem' in checked) return setError(checked.problem);
    setIdentity(checked.identity);
    go('code');
  }

  async function sendCode() {
    setSending(true);
    setError('');
    try {
      const answer = await send(identity);
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'PIN_RESET_LOCKED') return go('locked', failure.message);
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  }

  return { step, go, identity, setIdentity, code, setCode, resendAt, sending, error, setError, identityNext, sendCode };
}
