// SOTER (WeChat's biometric authentication: fingerprint or face) — the one place that asks the
// device. The mini-program only; a browser (the H5 build) has no SOTER, so there it is always
// unsupported and the PIN is the only second factor.
import Taro from '@tarojs/taro';
import type { SoterAuthMode, SoterResult } from '@contract/second-factor-schemas';

/** In the order the settings page offers them. */
const MODES: readonly SoterAuthMode[] = ['fingerPrint', 'facial'];

export const SOTER_MODE_LABELS: Readonly<Record<SoterAuthMode, string>> = { fingerPrint: '指纹', facial: '面容' };

/** The modes this device can use now: SOTER supports them and the user has set one up (a finger
 *  or a face enrolled in the phone). Empty in H5, on a device without SOTER, or if WeChat fails. */
export async function availableSoterModes(): Promise<SoterAuthMode[]> {
  if (process.env.TARO_ENV !== 'weapp') return [];
  try {
    const { supportMode } = await Taro.checkIsSupportSoterAuthentication();
    const supported = MODES.filter((mode) => supportMode.includes(mode));
    const enrolled = await Promise.all(
      supported.map(async (mode) => (await Taro.checkIsSoterEnrolledInDevice({ checkAuthMode: mode })).isEnrolled),
    );
    return supported.filter((_, index) => enrolled[index]);
  } catch {
    return [];
  }
}

/**
 * Asks for the customer's fingerprint or face for one payment and returns what the server checks —
 * `secondFactor: { nonce, soter: <this> }` — or null when there is nothing to send: cancelled,
 * not recognised, no SOTER here (H5). On null the caller falls back to the PIN. `challenge` is the
 * nonce's (POST /v1/payment-authorizations); the phone's TEE signs it into resultJSON's `raw`.
 */
export async function soterResultFor(challenge: string, authMode: SoterAuthMode, authContent: string): Promise<SoterResult | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const { resultJSON, resultJSONSignature } = await Taro.startSoterAuthentication({ requestAuthModes: [authMode], challenge, authContent });
    return resultJSON && resultJSONSignature ? { resultJson: resultJSON, resultJsonSignature: resultJSONSignature } : null;
  } catch {
    return null;
  }
}
