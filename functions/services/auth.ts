// Sign-in with WeChat, token refresh and sign-out. Each sign-in starts a session that records the
// device (domain/sessions.ts); one on a device the customer never verified is not trusted with
// money until a code to the bound phone says so (services/sessions.ts).
import { wechat } from '../adapters/wechat.js';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { refuseSignInWhileReported, sessionRevoked } from '../domain/loss-report.js';
import { type DeviceInfo, deviceLabel, maskedPlace } from '../domain/sessions.js';
import { type CustomerRecord, findOrCreateByOpenid, getCustomer } from '../store/customers.js';
import * as sessions from '../store/sessions.js';
import { recordCustomerEvent } from './customer-events.js';
import { type CustomerProfile, profileOf } from './customers.js';
import { postMessage } from './messages.js';
import { linkDeviceAtSignIn } from './rm-attribution.js';
import { issueAccessToken, type TokenSession } from './tokens.js';

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  profile: CustomerProfile;
}

async function signedIn(customer: CustomerRecord, refresh: sessions.IssuedRefreshToken, session: TokenSession, now: Date): Promise<SignedIn> {
  const access = await issueAccessToken(customer.customerId, now, session);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.refreshToken,
    refreshTokenExpiresAt: refresh.expiresAt,
    profile: await profileOf(customer),
  };
}

export async function signIn(wechatCode: string, device: DeviceInfo, sourceIp: string | undefined, now: Date): Promise<SignedIn> {
  const session = await wechat().code2Session(wechatCode);
  if (!session) return refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
  const { customer, created } = await findOrCreateByOpenid(session.openid, now);
  if (created) await recordCustomerEvent({ customerId: customer.customerId, kind: 'SIGNED_UP', at: customer.createdAt, ref: customer.customerId });
  refuseSignInWhileReported(customer.lossReport);
  const { customerId } = customer;
  const [knownSince] = await Promise.all([
    // The first sign-in's device is known from now (sign-up, or a customer from before devices were kept).
    customer.firstSignInAt === undefined ? now.toISOString() : device.deviceId === undefined ? undefined : sessions.knownDeviceSince(customerId, device.deviceId),
    // Share-link visits made on this device before sign-in: first touch may bind a manager.
    device.deviceId ? linkDeviceAtSignIn(device.deviceId, customerId, now) : undefined,
  ]);
  const place = maskedPlace(sourceIp);
  const days = config().REFRESH_TOKEN_DAYS;
  const first = customer.firstSignInAt === undefined;
  // Two first sign-ins at once: the one that comes second is on a new device.
  const started =
    (await sessions.startFamily({ customerId, device, place, trust: first ? 'FIRST' : knownSince ? 'KNOWN' : 'NEW', knownSince }, now, days)) ??
    (await sessions.startFamily({ customerId, device, place, trust: 'NEW' }, now, days))!;
  if (!started.deviceVerified) {
    await postMessage({ customerId, kind: 'NEW_DEVICE_SIGN_IN', ref: started.sessionId, at: now, detail: `${deviceLabel(device)} · ${place}` });
  }
  return signedIn(customer, started, started, now);
}

export async function refresh(refreshToken: string, sourceIp: string | undefined, now: Date): Promise<SignedIn> {
  const rotated = await sessions.rotate(refreshToken, now, config().REFRESH_TOKEN_DAYS, maskedPlace(sourceIp));
  if (!rotated) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  const customer = await getCustomer(rotated.customerId);
  // A session begun before a loss report (or its lift) ended with it.
  if (!customer || sessionRevoked(rotated.startedAt, customer.sessionsRevokedAt)) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  return signedIn(customer, rotated.issued, rotated, now);
}

export async function signOut(refreshToken: string): Promise<void> {
  await sessions.revokeByToken(refreshToken);
}
