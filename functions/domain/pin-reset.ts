// 忘记支付密码: the rules of resetting a forgotten payment PIN. The customer proves who they are
// with four answers — the real name and ID number verified at onboarding, the bound card's number
// and a code sent to the bound phone — and sets a new PIN. Codes are few, short-lived and tried a
// few times only; wrong answers of any kind are counted, and too many stop the reset for a day.
import { refuse } from './errors.js';

export const PIN_RESET_POLICY = {
  codeDigits: 6,
  codeTtlMinutes: 5,
  /** The page's 发送验证码 countdown; the server refuses a send sooner than this. */
  resendAfterSeconds: 60,
  /** Codes sent per China calendar day. */
  maxSendsPerDay: 5,
  /** Wrong codes before the code in force is spent. */
  maxWrongTriesPerCode: 3,
  /** Wrong answers of any kind before the reset is locked. */
  maxWrongTries: 5,
  lockHours: 24,
} as const;

/** What the bank remembers about a customer's PIN resets. */
export interface PinResetState {
  /** Keyed hash of the code in force; null when none was sent, or it was used or spent. */
  codeHash: string | null;
  codeExpiresAt: string | null;
  /** Wrong codes tried against the code in force. */
  codeWrongTries: number;
  /** The China date the sends below were counted on. */
  sendDate: string | null;
  sendsOnDate: number;
  lastSentAt: string | null;
  /** Wrong answers since the last lock or reset. */
  wrongTries: number;
  lockedUntil: string | null;
}

export const NO_PIN_RESET: PinResetState = {
  codeHash: null,
  codeExpiresAt: null,
  codeWrongTries: 0,
  sendDate: null,
  sendsOnDate: 0,
  lastSentAt: null,
  wrongTries: 0,
  lockedUntil: null,
};

/** The four answers, as given and as on file. */
export interface IdentityAnswers {
  realName: string;
  idNumber: string;
  cardNumber: string;
}

const MINUTE_MS = 60_000;

export function isPinResetLocked(state: PinResetState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil) > now;
}

const refuseLocked = (): never => refuse('locked', 'PIN_RESET_LOCKED', '验证失败次数过多，身份核验已暂停 24 小时，请联系客服');

export function refuseIfPinResetLocked(state: PinResetState, now: Date): void {
  if (isPinResetLocked(state, now)) refuseLocked();
}

/** Whether a code may be sent now; refuses with why not. `today` is the China date of `now`. */
export function assertMaySendCode(state: PinResetState, now: Date, today: string): void {
  refuseIfPinResetLocked(state, now);
  if (state.lastSentAt) {
    const waitMs = new Date(state.lastSentAt).getTime() + PIN_RESET_POLICY.resendAfterSeconds * 1000 - now.getTime();
    if (waitMs > 0) refuse('conflict', 'SMS_CODE_TOO_FREQUENT', `验证码已发送，请 ${Math.ceil(waitMs / 1000)} 秒后再试`);
  }
  if (state.sendDate === today && state.sendsOnDate >= PIN_RESET_POLICY.maxSendsPerDay) {
    refuse('unprocessable', 'SMS_SEND_LIMIT', '今日验证码发送次数已达上限，请明天再试');
  }
}

/** The state once a new code (its keyed hash) is sent: it replaces any code before it. */
export function afterCodeSent(state: PinResetState, codeHash: string, now: Date, today: string): PinResetState {
  return {
    ...state,
    codeHash,
    codeExpiresAt: new Date(now.getTime() + PIN_RESET_POLICY.codeTtlMinutes * MINUTE_MS).toISOString(),
    codeWrongTries: 0,
    sendDate: today,
    sendsOnDate: state.sendDate === today ? state.sendsOnDate + 1 : 1,
    lastSentAt: now.toISOString(),
  };
}

/** The keyed hash of the code that can still be answered, or refuses: none sent, expired, used,
 *  or tried too often. Answering no code guesses nothing, so this counts no wrong try. `codeName`
 *  says which code, where a check asks for two (更换手机号: the old phone's and the new one's). */
export function codeInForce(state: PinResetState, now: Date, codeName = '验证码'): string {
  const usable =
    state.codeHash !== null &&
    state.codeExpiresAt !== null &&
    new Date(state.codeExpiresAt) > now &&
    state.codeWrongTries < PIN_RESET_POLICY.maxWrongTriesPerCode;
  return usable ? state.codeHash! : refuse('unprocessable', 'SMS_CODE_EXPIRED', `${codeName}已失效，请重新获取`);
}

export type WrongAnswer = 'SMS_CODE' | 'IDENTITY';

/** The state after a wrong answer — counted against the reset, and a wrong code against its code
 *  too — and the refusal to give once it is stored. The answer that spends the budget locks the
 *  reset (and spends the code) and is answered as locked. */
export function afterWrongAnswer(state: PinResetState, wrong: WrongAnswer, now: Date, codeName = '验证码'): { state: PinResetState; refusal: () => never } {
  const wrongTries = state.wrongTries + 1;
  if (wrongTries >= PIN_RESET_POLICY.maxWrongTries) {
    const lockedUntil = new Date(now.getTime() + PIN_RESET_POLICY.lockHours * 60 * MINUTE_MS).toISOString();
    return { state: { ...state, codeHash: null, codeExpiresAt: null, codeWrongTries: 0, wrongTries: 0, lockedUntil }, refusal: refuseLocked };
  }
  const triesLeft = PIN_RESET_POLICY.maxWrongTries - wrongTries;
  if (wrong === 'IDENTITY') {
    return { state: { ...state, wrongTries }, refusal: () => refuse('unprocessable', 'IDENTITY_MISMATCH', `身份信息不一致，还可尝试 ${triesLeft} 次`) };
  }
  const codeWrongTries = state.codeWrongTries + 1;
  const codeTriesLeft = PIN_RESET_POLICY.maxWrongTriesPerCode - codeWrongTries;
  const message = codeTriesLeft > 0 ? `${codeName}错误，还可尝试 ${Math.min(triesLeft, codeTriesLeft)} 次` : `${codeName}错误，请重新获取验证码`;
  return {
    state: { ...state, wrongTries, codeWrongTries, ...(codeTriesLeft > 0 ? {} : { codeHash: null, codeExpiresAt: null }) },
    refusal: () => refuse('unprocessable', 'SMS_CODE_INVALID', message),
  };
}

/** After a check passed (a reset, a loss report or its lift): the code is used up and the count
 *  starts again. The day's sends still count, but the wait between codes — which keeps one check
 *  from resending — is over: a loss report may be lifted at once. */
export function afterPinReset(state: PinResetState): PinResetState {
  return { ...state, codeHash: null, codeExpiresAt: null, codeWrongTries: 0, wrongTries: 0, lockedUntil: null, lastSentAt: null };
}

/** The answers as the bank keeps them: an ID number's check character X is upper case. */
export function normalizedAnswers(given: IdentityAnswers): IdentityAnswers {
  return { ...given, idNumber: given.idNumber.toUpperCase() };
}
