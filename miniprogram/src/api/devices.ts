// A new device's first money movement (登录设备管理, functions/contract/session-routes.ts): a code to
// the bound phone, then a fresh access token of this session that the bank trusts with money; and
// the same for a transfer the anti-fraud rules step up (加强验证). In
// the main package: every money form's payment flow (hooks/usePayment.ts) may need it. The device
// list's own calls are in packageSecurity/api.ts.
import Taro from '@tarojs/taro';
import type { DeviceCodeSent, DeviceVerified } from '@contract/session-schemas';
import { customerRequest } from './http';
import { saveAccessToken } from './session';

export function sendDeviceCode(): Promise<DeviceCodeSent> {
  return customerRequest<DeviceCodeSent>({ method: 'POST', path: '/v1/sessions/current/verification-code', body: {} });
}

/** Verifies this device with the code; the new access token replaces the old one at once. */
export async function verifyDevice(smsCode: string): Promise<void> {
  const verified = await customerRequest<DeviceVerified>({ method: 'POST', path: '/v1/sessions/current/verification', body: { smsCode } });
  saveAccessToken(verified.accessToken);
}

/** 加强验证 (a movement the anti-fraud rules stepped up, STEP_UP_REQUIRED): a code to the bound phone. */
export function sendStepUpCode(): Promise<DeviceCodeSent> {
  return customerRequest<DeviceCodeSent>({ method: 'POST', path: '/v1/sessions/current/step-up-code', body: {} });
}

/** Steps this session up with the code: the new access token (stamped with the step-up, good for
 *  five minutes of stepped-up transfers) replaces the old one at once. */
export async function stepUp(smsCode: string): Promise<void> {
  const stepped = await customerRequest<DeviceVerified>({ method: 'POST', path: '/v1/sessions/current/step-up', body: { smsCode } });
  saveAccessToken(stepped.accessToken);
}

/** Printable text the server accepts (≤ 40 characters, no control characters), or nothing — also
 *  for the `unknown` H5's base library answers. */
function deviceText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = [...value.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 40).join('');
  return text === '' || text.toLowerCase() === 'unknown' ? undefined : text;
}

/** What the device list shows for this phone: its model and platform as the base library reports
 *  them (nothing when it cannot say). */
export function deviceDescription(): { deviceModel?: string; devicePlatform?: string } {
  try {
    const info = Taro.getSystemInfoSync();
    // The H5 build names no model: the list says 浏览器.
    const deviceModel = deviceText(info.model) ?? (process.env.TARO_ENV === 'h5' ? '浏览器' : undefined);
    const devicePlatform = deviceText(info.platform);
    return { ...(deviceModel ? { deviceModel } : {}), ...(devicePlatform ? { devicePlatform } : {}) };
  } catch {
    return {};
  }
}
