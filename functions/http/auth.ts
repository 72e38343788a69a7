// Sign-in with WeChat, token refresh and sign-out.
import { wechat } from '../adapters/wechat.js';
import { config } from '../config.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { refuse } from '../domain/errors.js';
import { recordCustomerEvent } from '../services/customer-events.js';
import { findOrCreateByOpenid, getCustomer } from '../store/customers.js';
import * as sessions from '../store/sessions.js';
import { linkDeviceAtSignIn } from './rm-attribution.js';
import { defineRoute, lambda } from './route.js';
import { issueAccessToken } from './tokens.js';
import { meView } from './views.js';
import type { CustomerRecord } from '../store/customers.js';
import type { IssuedRefreshToken } from '../store/sessions.js';

async function signedIn(customer: CustomerRecord, refresh: IssuedRefreshToken, now: Date) {
  const access = await issueAccessToken(customer.customerId, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.refreshToken,
    refreshTokenExpiresAt: refresh.expiresAt,
    me: await meView(customer, now),
  };
}

const signIn = defineRoute('signIn', routes.signIn, async ({ body, now }) => {
  const session = await wechat().code2Session(body.code);
  if (!session) return refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
  const { customer, created } = await findOrCreateByOpenid(session.openid, now);
  if (created) await recordCustomerEvent({ customerId: customer.customerId, kind: 'SIGNED_UP', at: customer.createdAt, ref: customer.customerId });
  // Share-link visits made on this device before sign-in: first touch may bind a manager.
  if (body.deviceId) await linkDeviceAtSignIn(body.deviceId, customer.customerId, now);
  return signedIn(customer, await sessions.startFamily(customer.customerId, now, config().REFRESH_TOKEN_DAYS), now);
});

const refresh = defineRoute('refresh', routes.refresh, async ({ body, now }) => {
  const rotated = await sessions.rotate(body.refreshToken, now, config().REFRESH_TOKEN_DAYS);
  if (!rotated) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  const customer = await getCustomer(rotated.customerId);
  if (!customer) return refuse('unauthenticated', 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');
  return signedIn(customer, rotated.issued, now);
});

const signOut = defineRoute('signOut', routes.signOut, async ({ body }) => {
  await sessions.revokeByToken(body.refreshToken);
  return { ok: true as const };
});

export const handler = lambda([signIn, refresh, signOut]);
