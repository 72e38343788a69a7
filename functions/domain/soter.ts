// SOTER (WeChat's biometric authentication) as a second factor: what the device's TEE answers,
// and the rules around an enrolment. The signature itself is WeChat's to verify (adapters/wechat).
import { refuse } from './errors.js';

/** resultJSON of wx.startSoterAuthentication, assembled by the device's TEE around the challenge. */
export interface SoterResultJson {
  /** The challenge the caller passed: ours is the nonce's id. */
  raw: string;
  /** Android only: which enrolled finger. */
  fid?: string;
  /** Anti-replay counter of the device key. */
  counter?: number;
  /** TEE name and version. */
  tee_n?: string;
  tee_v?: string;
  /** Fingerprint module vendor and version. */
  fp_n?: string;
  fp_v?: string;
  cpu_id?: string;
  /** The app's uid, as Android defines it. */
  uid?: string;
}

const TEXT_FIELDS = ['fid', 'tee_n', 'tee_v', 'fp_n', 'fp_v', 'cpu_id', 'uid'] as const;

/** The result's fields, or undefined when the text is not a resultJSON at all. WeChat's field
 *  types are taken as documented; one of another type is no resultJSON. */
export function parseSoterResult(resultJson: string): SoterResultJson | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(resultJson);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.raw !== 'string') return undefined;
  if (fields.counter !== undefined && typeof fields.counter !== 'number') return undefined;
  if (TEXT_FIELDS.some((name) => fields[name] !== undefined && typeof fields[name] !== 'string')) return undefined;
  return fields as unknown as SoterResultJson;
}

/** Failed SOTER checks (a result for another challenge, a signature WeChat does not vouch for)
 *  that revoke an enrolment: the one that reaches this count turns SOTER off, and the customer
 *  pays with the PIN until they enrol again. None of them spends a PIN attempt. */
export const SOTER_MAX_FAILED_CHECKS = 5;

export const SOTER_REFUSALS = {
  NOT_ENROLLED: ['SOTER_NOT_ENROLLED', '未开启指纹/面容支付，请使用支付密码'],
  CHALLENGE_MISMATCH: ['SOTER_CHALLENGE_MISMATCH', '指纹/面容验证与本次支付不符，请重新验证或使用支付密码'],
  SIGNATURE_INVALID: ['SOTER_SIGNATURE_INVALID', '指纹/面容验证未通过，请使用支付密码'],
} as const;

export function refuseSoter(which: keyof typeof SOTER_REFUSALS): never {
  const [code, message] = SOTER_REFUSALS[which];
  return refuse('forbidden', code, message);
}
