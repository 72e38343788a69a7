// Sign-in with WeChat, token refresh and sign-out.
import { wechat } from '../adapters/wechat.js';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { refuseSignInWhileReported, sessionRevoked } from '../domain/loss-report.js';
import { type CustomerRecord, findOrCreateByOpenid, getCustomer } from '../store/customers.js';
import * as sessions from '../store/sessions.js';
import { recordCustomerEvent } from './customer-events.js';
import { type CustomerProfile, profileOf } from './customers.js';
import { linkDeviceAtSignIn } from './rm-attribution.js';
import { issueAccessToken } from './tokens.js';

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  profile: CustomerProfile;
}

async function signedIn(customer: CustomerRecord, refresh: sessions.IssuedRefreshToken, now: Date): Promise<SignedIn> {
  const access = await issueAccessToken(customer.customerId, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.refreshToken,
    refreshTokenExpiresAt: refresh.expiresAt,
    profile: await profileOf(customer),
  };
}

export async function signIn(wechatCode: string, deviceId: string | undefined, now: Date): Promise<SignedIn> {
  const session = await wechat().code2Session(wechatCode);
  if (!session) return refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
  const { customer, created } = await findOrCreateByOpenid(session.openid, now);
  if (created) await recordCustomerEvent({ customerId: customer.customerId, kind: 'SIGNED_UP', at: customer.createdAt, ref: customer.customerId });
  refuseSignInWhileReported(customer.lossReport);
  // Share-link visits made on this device before sign-in: first touch may bind a manager.
  if (deviceId) await linkDeviceAtSignIn(deviceId, customer.customerId, now);
  return signedIn(customer, await sessions.startFamily(customer.customerId, now, config().REFRESH_TOKEN_DAYS), now);
}

export async function refresh(refreshToken: string, now: Date): Promise<SignedIn> {
  const rotated = await sessions.rotate(refreshToken, now, config().REFRESH_TOKEN_DAYS);
  if (!rotated) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  const customer = await getCustomer(rotated.customerId);
  // A session begun before a loss report (or its lift) ended with it.
  if (!customer || sessionRevoked(rotated.startedAt, customer.sessionsRevokedAt)) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  return signedIn(customer, rotated.issued, now);
}

export async function signOut(refreshToken: string): Promise<void> {
  await sessions.revokeByToken(refreshToken);
}
