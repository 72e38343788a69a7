// The identity check (本人身份核验) that 忘记支付密码 and 挂失 share: the real name, ID number and
// bound card as verified at onboarding, then a code sent to the bound phone. The shapes the API
// accepts; whether the answers are right only the server knows.
import { normalizePersonName, personNameProblem } from './person-name';

const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
const CARD_PATTERN = /^\d{16,19}$/;
export const CODE_PATTERN = /^\d{6}$/;

export interface Identity {
  realName: string;
  idNumber: string;
  cardNumber: string;
}

export const NO_IDENTITY: Identity = { realName: '', idNumber: '', cardNumber: '' };

/** The answers as sent (the name normalized), or what is wrong with their shape. */
export function checkedIdentity(identity: Identity): { identity: Identity } | { problem: string } {
  const realName = normalizePersonName(identity.realName);
  const problem = personNameProblem(realName);
  if (problem) return { problem };
  if (!ID_NUMBER_PATTERN.test(identity.idNumber)) return { problem: '请输入 18 位居民身份证号码' };
  if (!CARD_PATTERN.test(identity.cardNumber)) return { problem: '请输入 16–19 位银行卡号' };
  return { identity: { ...identity, realName } };
}
