// Devices and sessions (登录设备管理). A session is one sign-in's refresh-token family
// (store/sessions.ts); it records the device the client named, when it signed in and was last
// used, and roughly where from. The customer lists the live ones and signs any of them out.
//
// A session begun on a device the customer never verified is not trusted with money: before its
// first money movement a one-time code goes to the bound phone (services/sessions.ts). The first
// device a customer ever signs in on (sign-up) is known without one.
import { refuse } from './errors.js';

/** The most sessions a customer's list shows (newest use first); older live ones still end by
 *  "sign out all others". */
export const MAX_LISTED_SESSIONS = 20;

/** What the client says about the device, each bounded (contract/session-schemas.ts). */
export const DEVICE_TEXT_MAX = 40;

export interface DeviceInfo {
  /** The installation's random id (the mini-program keeps it in storage); absent from old
   *  clients, and then the device is never a known one. */
  deviceId?: string;
  /** e.g. "iPhone 15", as the client reports it. */
  model?: string;
  /** e.g. "ios", "android", "windows". */
  platform?: string;
}

/** The place shown for a session: the source address masked — an IPv4 address to its first three
 *  parts (a /24, which names a network, not a subscriber), an IPv6 one to its first three groups.
 *  No geo-IP lookup: a city from a table would be wrong as often as right for mobile carriers. */
export function maskedPlace(sourceIp: string | undefined): string {
  const ip = sourceIp?.trim() ?? '';
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`;
  if (/^[0-9a-f:]+$/i.test(ip) && ip.includes(':')) {
    const groups = ip.split(':').filter((group) => group !== '');
    if (groups.length >= 3) return `${groups.slice(0, 3).join(':')}:*`;
  }
  return '未知';
}

/** The label a session shows: the model the client named, or what is known of it. */
export function deviceLabel(device: { model?: string; platform?: string }): string {
  return device.model ?? (device.platform ? `${device.platform} 设备` : '未知设备');
}

/** Sessions signed out one by one, as the customer record keeps them: session id → when (epoch
 *  ms). Access tokens of a session live ACCESS_TOKEN_MINUTES at most, and none is issued after its
 *  sign-out, so an entry older than that says nothing any more and is dropped at the next write. */
export type SignedOutSessions = Record<string, number>;

/** The entries of `signedOut` no access token can match any more, to drop at the next write. */
export function staleSignOuts(signedOut: SignedOutSessions | undefined, nowMs: number, accessTokenMinutes: number): string[] {
  const cutoff = nowMs - accessTokenMinutes * 60_000;
  return Object.entries(signedOut ?? {})
    .filter(([, at]) => at < cutoff)
    .map(([sessionId]) => sessionId);
}

/** Whether the access token's session was signed out. Tokens issued before sessions were named
 *  carry none, and live only minutes. */
export function sessionSignedOut(sessionId: string | undefined, signedOut: SignedOutSessions | undefined): boolean {
  return sessionId !== undefined && signedOut?.[sessionId] !== undefined;
}

export const refuseDeviceUnverified = (): never =>
  refuse('forbidden', 'DEVICE_VERIFICATION_REQUIRED', '新设备首次交易需验证手机号，请获取短信验证码');

export const refuseSessionNotFound = (): never => refuse('not_found', 'SESSION_NOT_FOUND', '该登录设备不存在或已退出');

export const refuseAlreadyVerified = (): never => refuse('conflict', 'DEVICE_ALREADY_VERIFIED', '本机已验证，无需重复验证');
