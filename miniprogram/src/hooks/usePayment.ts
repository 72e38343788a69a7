import type { PaymentAuthorization, PaymentReview, PaymentRisk, SecondFactor, SoterAuthMode } from '@contract/second-factor-schemas';
import { useCallback, useRef, useState } from 'react';
import { getMe } from '@/api/bank';
import { ApiError, errorMessage } from '@/api/http';
import { authorizePayment } from '@/api/payments';
import { type EnteredPin, pinCipherFor } from '@/lib/pin-cipher';
import { labelledAmount } from '@/lib/review';
import { availableSoterModes, soterResultFor } from '@/lib/soter';
import { useSubmit } from './useSubmit';

/** One money request, as the form built it: the exact path and body, without the second factor. */
export interface PaymentRequest<Body extends object, Result> {
  path: string;
  body: Body;
  /**
   * Whether the route takes an Idempotency-Key (the contract's `idempotent`). Every money
   * movement does, and its nonce is bound to the key the request will carry; only a setting sent
   * without one (bill auto-pay) says false. Default true.
   */
  idempotent?: boolean;
  /** Money comes into the account (a redemption): WeChat's prompt names what arrives, not a
   *  payment. Default false. */
  incoming?: boolean;
  /** Confirmed by the PIN only, never a fingerprint or face (a change of the bound card). Default
   *  false. */
  pinOnly?: boolean;
  /** Sends the body with the second factor added; `idempotencyKey` is the body's own. */
  send: (body: NoInfer<Body> & { secondFactor: SecondFactor }, idempotencyKey: string) => Promise<Result>;
  /** The server's answer, once the money moved. */
  onPaid: (result: Result) => void;
}

/** What the second-factor sheets show. */
export type PaymentStep =
  | { step: 'closed' }
  /** A device never verified (DEVICE_VERIFICATION_REQUIRED): a code to the bound phone first, then
   *  the review. */
  | { step: 'device' }
  /** A movement the anti-fraud rules stepped up (STEP_UP_REQUIRED): a code to the bound phone with
   *  the server's reason, then the review again. */
  | { step: 'stepUp'; reason: string }
  /** The nonce and review are being asked for: the review sheet's skeleton. */
  | { step: 'authorizing' }
  /** The review carried an anti-fraud warning not yet acknowledged: its nonce pays nothing here.
   *  Going on asks the review again with `riskAcknowledged: true` in the body. */
  | { step: 'risk'; risk: PaymentRisk }
  | { step: 'review'; authorization: PaymentAuthorization }
  /** 指纹/面容支付 (weapp, SOTER enrolled and usable on this phone): WeChat asks for the finger or
   *  face, then the request is sent; 使用支付密码 switches to the PIN. */
  | { step: 'soter'; review: PaymentReview; authorization: PaymentAuthorization; authMode: SoterAuthMode }
  /** `authorization` is null while a new nonce is asked for; `attempt` counts entries, so the
   *  boxes start empty on each. `message` is the server's word on the last attempt. */
  | { step: 'pin'; review: PaymentReview; authorization: PaymentAuthorization | null; message: string; attempt: number }
  | { step: 'locked'; message: string };

/** Refusals after which the same request is paid again with a new nonce and the PIN re-entered.
 *  A wrong PIN too: whether the server spent the nonce on it is its business, a fresh one is
 *  always good. */
const ENTER_AGAIN: ReadonlySet<string> = new Set([
  'NONCE_EXPIRED',
  'NONCE_USED',
  'NONCE_MISMATCH',
  'NONCE_INVALID',
  'PIN_INCORRECT',
  'PIN_CIPHER_INVALID',
  // SOTER (指纹/面容) refused: the PIN instead, under a new nonce.
  'SOTER_NOT_ENROLLED',
  'SOTER_CHALLENGE_MISMATCH',
  'SOTER_SIGNATURE_INVALID',
]);

/** What a failed money request means for the second factor: enter the PIN again, the PIN is
 *  locked, or neither (the refusal is the form's to show). */
export function secondFactorOutcome(failure: unknown): 'enter-again' | 'locked' | null {
  if (!(failure instanceof ApiError)) return null;
  if (failure.code === 'PIN_LOCKED') return 'locked';
  return ENTER_AGAIN.has(failure.code) ? 'enter-again' : null;
}

type AnyRequest = PaymentRequest<object, unknown>;

/** The anti-fraud warning a review carries that the customer has not confirmed yet (its request
 *  lacks `riskAcknowledged: true`); null when there is none to show. */
function unconfirmedRisk(review: PaymentReview): PaymentRisk | null {
  return review.risk && !review.risk.acknowledged ? review.risk : null;
}

/** After an authorization: its anti-fraud warning when it carries one not yet confirmed, else
 *  `otherwise` — never the PIN under a warned nonce. */
function warnedOr(authorization: PaymentAuthorization, otherwise: PaymentStep): PaymentStep {
  const risk = unconfirmedRisk(authorization.review);
  return risk ? { step: 'risk', risk } : otherwise;
}

/**
 * How this payment may be confirmed besides the PIN: the customer's SOTER enrolment (GET /v1/me),
 * when this phone can use that mode now. Null in H5 (no SOTER there: nothing is asked), and
 * whenever anything is missing or fails — the PIN is always there.
 */
async function soterModeFor(): Promise<SoterAuthMode | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const modes = await availableSoterModes();
    if (modes.length === 0) return null;
    const { soterEnrolled } = await getMe();
    return soterEnrolled && modes.includes(soterEnrolled.authMode) ? soterEnrolled.authMode : null;
  } catch {
    return null;
  }
}

/** What WeChat's SOTER prompt says: 确认付款 and the server's amount; for money coming in, what
 *  arrives (预计到账 where the server's amount is an estimate). */
function soterPrompt(review: PaymentReview, incoming: boolean): string {
  const amount = labelledAmount(review, incoming);
  if (amount === null) return '确认付款';
  return incoming ? amount : `确认付款 ${amount}`;
}

/**
 * Every money movement: the form's request → the review sheet with the server's figures (after
 * its anti-fraud warning, when the server's review carries one) → the fingerprint or face (weapp,
 * when enrolled) or the PIN, encrypted at once → the request with `secondFactor`. The
 * Idempotency-Key follows the body without the second factor and the risk acknowledgement
 * (useSubmit), so neither a new nonce, a PIN nor a confirmed warning makes it a new request;
 * every nonce is asked for under that same key (`idempotencyKey`), so it pays that request only.
 */
export function usePayment() {
  const submit = useSubmit();
  const { run, setError, keyFor } = submit;
  const [sheet, setSheet] = useState<PaymentStep>({ step: 'closed' });
  const request = useRef<AnyRequest | null>(null);
  /** The SOTER mode offered for the request on the sheets; null once it fell back to the PIN. */
  const soterMode = useRef<SoterAuthMode | null>(null);
  /** The money request is on its way (set before React re-renders with `submit.busy`). */
  const sending = useRef(false);
  // The sheets' state as of the last change: taps can arrive before React re-renders.
  const current = useRef<PaymentStep>(sheet);

  const show = useCallback((next: PaymentStep) => {
    current.current = next;
    setSheet(next);
  }, []);

  /** A nonce for `paying`, bound to the Idempotency-Key its request will carry. */
  const authorize = useCallback(
    (paying: AnyRequest): Promise<PaymentAuthorization> =>
      authorizePayment({
        method: 'POST',
        path: paying.path,
        ...(paying.idempotent === false ? {} : { idempotencyKey: keyFor(paying.body) }),
        body: paying.body as Record<string, unknown>,
      }),
    [keyFor],
  );

  const close = useCallback(() => {
    if (submit.busy) return;
    request.current = null;
    show({ step: 'closed' });
  }, [show, submit.busy]);

  /** Asks for the nonce of the request on the sheets and shows the review; on a device not yet
   *  verified, the code to the bound phone first. */
  const review = useCallback(
    async (asked: AnyRequest) => {
      show({ step: 'authorizing' });
      try {
        const [authorization, mode] = await Promise.all([authorize(asked), asked.pinOnly ? null : soterModeFor()]);
        // 取消 while it was asked for: the answer opens nothing.
        if (request.current !== asked) return;
        soterMode.current = mode;
        show(warnedOr(authorization, { step: 'review', authorization }));
      } catch (failure) {
        if (request.current === asked && failure instanceof ApiError && failure.code === 'DEVICE_VERIFICATION_REQUIRED') return show({ step: 'device' });
        if (request.current === asked && failure instanceof ApiError && failure.code === 'STEP_UP_REQUIRED') return show({ step: 'stepUp', reason: failure.message });
        request.current = null;
        show({ step: 'closed' });
        setError(errorMessage(failure));
      }
    },
    [authorize, setError, show],
  );

  /** Starts paying `paying`: asks for its nonce and shows the review. */
  const start = useCallback(
    async <Body extends object, Result>(paying: PaymentRequest<Body, Result>) => {
      if (current.current.step !== 'closed') return;
      const asked = paying as unknown as AnyRequest;
      request.current = asked;
      soterMode.current = null;
      setError('');
      await review(asked);
    },
    [review, setError],
  );

  /** 我已知晓风险，继续 on the anti-fraud warning: the same request with `riskAcknowledged: true`
   *  is the one reviewed and sent from now on (its nonce is bound to that body), under the same
   *  Idempotency-Key. */
  const acknowledgeRisk = useCallback(() => {
    const paying = request.current;
    if (current.current.step !== 'risk' || !paying) return;
    const acknowledged: AnyRequest = { ...paying, body: { ...paying.body, riskAcknowledged: true } };
    request.current = acknowledged;
    void review(acknowledged);
  }, [review]);

  /** The code was accepted (this session has a fresh token trusted with money, or stepped up): the review. */
  const deviceVerified = useCallback(() => {
    const paying = request.current;
    const { step } = current.current;
    if ((step !== 'device' && step !== 'stepUp') || !paying) return;
    void review(paying);
  }, [review]);

  /** 返回 on the PIN sheet: the review again, under the same nonce. */
  const back = useCallback(() => {
    const now = current.current;
    if (now.step !== 'pin' || !now.authorization || submit.busy) return;
    show({ step: 'review', authorization: now.authorization });
  }, [show, submit.busy]);

  /** A new nonce for the request on the sheet, then the PIN again, with the server's `message`. */
  const enterAgain = useCallback(
    async (paying: AnyRequest, review: PaymentReview, message: string, attempt: number) => {
      show({ step: 'pin', review, authorization: null, message, attempt });
      try {
        const authorization = await authorize(paying);
        if (request.current === paying) show(warnedOr(authorization, { step: 'pin', review: authorization.review, authorization, message, attempt }));
      } catch (failure) {
        request.current = null;
        show({ step: 'closed' });
        setError(errorMessage(failure));
      }
    },
    [authorize, setError, show],
  );

  /** The request sent with `secondFactor`, from the PIN or SOTER step `from`: paid, or what the
   *  refusal means — the PIN (again) under a new nonce, the PIN locked, or the form's to show. */
  const send = useCallback(
    async (paying: AnyRequest, from: Extract<PaymentStep, { step: 'pin' | 'soter' }>, secondFactor: SecondFactor) => {
      const body = { ...paying.body, secondFactor };
      let failure: unknown;
      const result = await run(async (idempotencyKey) => {
        sending.current = true;
        try {
          return await paying.send(body, idempotencyKey);
        } catch (thrown) {
          failure = thrown;
          throw thrown;
        } finally {
          sending.current = false;
        }
      }, body);
      // A sixth digit while the request is in flight: useSubmit sent nothing.
      if (failure === undefined && result === undefined) return;
      if (failure === undefined) {
        request.current = null;
        show({ step: 'closed' });
        paying.onPaid(result);
        return;
      }
      const outcome = secondFactorOutcome(failure);
      if (outcome === null) {
        // The form shows the refusal (useSubmit has it) with everything the customer typed.
        request.current = null;
        show({ step: 'closed' });
        return;
      }
      setError('');
      if (outcome === 'locked') return show({ step: 'locked', message: errorMessage(failure) });
      // After a SOTER try, the PIN from now on.
      soterMode.current = null;
      await enterAgain(paying, from.review, errorMessage(failure), from.step === 'pin' ? from.attempt + 1 : 1);
    },
    [enterAgain, run, setError, show],
  );

  /** WeChat asks for the finger or face, signing the nonce's challenge; the result pays. Cancelled
   *  or not recognised (null): the PIN, under a new nonce. */
  const verifyBiometric = useCallback(
    async (paying: AnyRequest, authorization: PaymentAuthorization, authMode: SoterAuthMode) => {
      const step: PaymentStep = { step: 'soter', review: authorization.review, authorization, authMode };
      show(step);
      const result = await soterResultFor(authorization.challenge, authMode, soterPrompt(authorization.review, paying.incoming ?? false));
      // 使用支付密码 was tapped meanwhile: the PIN is on its way instead.
      if (current.current !== step || request.current !== paying) return;
      if (result === null) {
        soterMode.current = null;
        return enterAgain(paying, authorization.review, '', 1);
      }
      await send(paying, step, { nonce: authorization.nonce, soter: result });
    },
    [enterAgain, send, show],
  );

  /** 确认付款 on the review sheet: the fingerprint or face when offered, else the PIN. */
  const confirm = useCallback(() => {
    const now = current.current;
    const paying = request.current;
    if (now.step !== 'review' || !paying) return;
    const mode = soterMode.current;
    if (mode !== null) return void verifyBiometric(paying, now.authorization, mode);
    show({ step: 'pin', review: now.authorization.review, authorization: now.authorization, message: '', attempt: 1 });
  }, [show, verifyBiometric]);

  /** 使用支付密码 on the SOTER step: the PIN instead, under a new nonce. */
  const choosePin = useCallback(() => {
    const now = current.current;
    const paying = request.current;
    if (now.step !== 'soter' || !paying || sending.current) return;
    soterMode.current = null;
    void enterAgain(paying, now.review, '', 1);
  }, [enterAgain]);

  /** The PIN pad's sixth digit (or WeChat's cipher): encrypted here and sent at once. */
  const pay = useCallback(
    async (entered: EnteredPin) => {
      const now = current.current;
      const paying = request.current;
      if (now.step !== 'pin' || !now.authorization || !paying) return;
      const { authorization } = now;
      await send(paying, now, { nonce: authorization.nonce, pinCipher: pinCipherFor(entered, authorization) });
    },
    [send],
  );

  return {
    sheet,
    /** The sheets are open: the form's own button waits until they close. */
    busy: sheet.step !== 'closed',
    /** The money request is in flight. */
    sending: submit.busy,
    /** The last refusal the form shows, in the server's words. */
    error: submit.error,
    setError,
    start,
    deviceVerified,
    acknowledgeRisk,
    confirm,
    back,
    close,
    pay,
    choosePin,
  };
}

export type Payment = ReturnType<typeof usePayment>;
