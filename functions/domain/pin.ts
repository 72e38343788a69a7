// Payment PIN rules: which PINs are too weak, and the lockout after wrong attempts.
import { refuse } from './errors.js';

const ASCENDING = '01234567890';
const DESCENDING = '09876543210';

/** Refuses PINs that are trivially guessed: repeated digits, runs, or the holder's birthday. */
export function assertPinStrongEnough(pin: string, birthDate: string | null): void {
  if (!/^\d{6}$/.test(pin)) refuse('invalid', 'PIN_FORMAT', '支付密码须为 6 位数字');
  if (/^(\d)\1{5}$/.test(pin)) refuse('invalid', 'PIN_TOO_WEAK', '支付密码不能是相同数字');
  if (ASCENDING.includes(pin) || DESCENDING.includes(pin)) {
    refuse('invalid', 'PIN_TOO_WEAK', '支付密码不能是连续数字');
  }
  if (/^(\d\d)\1\1$/.test(pin) || /^(\d\d\d)\1$/.test(pin)) {
    refuse('invalid', 'PIN_TOO_WEAK', '支付密码过于简单');
  }
  if (birthDate) {
    const [yyyy, mm, dd] = birthDate.split('-') as [string, string, string];
    const yy = yyyy.slice(2);
    const birthdayForms = [yy + mm + dd, mm + dd + yy, dd + mm + yy];
    if (birthdayForms.includes(pin)) refuse('invalid', 'PIN_TOO_WEAK', '支付密码不能使用生日');
  }
}

export interface PinAttemptState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface PinPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

export function isPinLocked(state: PinAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil) > now;
}

/** The state after a wrong PIN: counts the attempt and locks once the budget is spent. */
export function afterWrongPin(state: PinAttemptState, policy: PinPolicy, now: Date): PinAttemptState {
  const failedAttempts = Math.min(state.failedAttempts + 1, policy.maxAttempts);
  const lockedUntil =
    failedAttempts >= policy.maxAttempts
      ? new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString()
      : null;
  return { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil };
}
