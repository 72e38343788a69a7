// What a customer must have done before each step, and the real-name rules.
import { refuse } from './errors.js';
import { ageOn, parseIdNumber } from './idcard.js';

export const MIN_AGE_YEARS = 18;

export function validateRealName(idNumberRaw: string, today: string): { idNumber: string; birthDate: string } {
  const parsed = parseIdNumber(idNumberRaw);
  if (parsed === 'FORMAT') return refuse('invalid', 'ID_NUMBER_INVALID', '身份证号格式不正确');
  if (parsed === 'CHECKSUM') return refuse('invalid', 'ID_NUMBER_INVALID', '身份证号校验位不正确');
  if (parsed === 'BIRTH_DATE') return refuse('invalid', 'ID_NUMBER_INVALID', '身份证号中的出生日期无效');
  if (parsed.birthDate > today) return refuse('invalid', 'ID_NUMBER_INVALID', '身份证号中的出生日期无效');
  if (ageOn(parsed.birthDate, today) < MIN_AGE_YEARS) {
    return refuse('unprocessable', 'UNDERAGE', '须年满 18 周岁才能开通电子账户');
  }
  return parsed;
}

export interface OnboardingState {
  phoneBound: boolean;
  realNameVerified: boolean;
  pinSet: boolean;
  accountOpen: boolean;
}

/** Phone, then real name, then PIN, then the account: refuses the first step not yet done.
 *  The PIN comes after the real name so a birthday PIN can be recognised and refused. */
export function assertReadyFor(step: 'realName' | 'setPin' | 'openAccount' | 'moveMoney', state: OnboardingState): void {
  if (!state.phoneBound) refuse('unprocessable', 'PHONE_REQUIRED', '请先绑定手机号');
  if (step === 'realName') return;
  if (!state.realNameVerified) refuse('unprocessable', 'REAL_NAME_REQUIRED', '请先完成实名认证');
  if (step === 'setPin') return;
  if (!state.pinSet) refuse('unprocessable', 'PIN_REQUIRED', '请先设置支付密码');
  if (step === 'openAccount') return;
  if (!state.accountOpen) refuse('unprocessable', 'ACCOUNT_REQUIRED', '请先开通电子账户');
}
