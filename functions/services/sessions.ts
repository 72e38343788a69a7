// 登录设备管理 (domain/sessions.ts): the customer's live sessions, signing one or all others out,
// the code to the bound phone that trusts a new device's session with money, and the code that
// steps up a movement the anti-fraud rules ask more of (加强验证, domain/risk-rules.ts STEP_UP).
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { sessionRevoked } from '../domain/loss-report.js';
import { deviceLabel, MAX_LISTED_SESSIONS, refuseAlreadyVerified, refuseDeviceUnverified, refuseSessionNotFound, staleSignOuts } from '../domain/sessions.js';
import type { CustomerRecord } from '../store/customers.js';
import * as store from '../store/sessions.js';
import { transactWrite } from '../store/transact.js';
import { loadSignedInCustomer } from './customer-guards.js';
import { checkCodes, type CodeSent, codeSent, sendIdentityCode } from './identity-check.js';
import { postMessage } from './messages.js';
import { issueAccessToken } from './tokens.js';

/** The access token a request came with. */
export interface RequestToken {
  issuedAtMs: number;
  sessionId: string | undefined;
  deviceVerified: boolean;
  /** What the token says of the device (tokens.ts `dfs`); null when it does not say. */
  deviceFirstSeenAtMs: number | null;
}

export interface SessionSummary {
  sessionId: string;
  deviceLabel: string;
  platform: string | null;
  place: string;
  signedInAt: string;
  lastUsedAt: string;
  current: boolean;
  deviceVerified: boolean;
}

const signedInCustomer = (customerId: string, token: RequestToken) => loadSignedInCustomer(customerId, token.issuedAtMs, token.sessionId);

/** 登录设备: the current session first, then the others by last use. */
export async function listSessions(customerId: string, token: RequestToken, now: Date): Promise<SessionSummary[]> {
  const customer = await signedInCustomer(customerId, token);
  const live = await store.liveSessions(customer, now);
  const current = (session: store.SessionRecord) => session.sessionId === token.sessionId;
  live.sort((a, b) => Number(current(b)) - Number(current(a)) || b.lastUsedAt.localeCompare(a.lastUsedAt));
  return live.slice(0, MAX_LISTED_SESSIONS).map((session) => ({
    sessionId: session.sessionId,
    deviceLabel: deviceLabel(session),
    platform: session.platform ?? null,
    place: session.place,
    signedInAt: new Date(session.startedAt).toISOString(),
    lastUsedAt: session.lastUsedAt,
    current: current(session),
    deviceVerified: session.deviceVerified,
  }));
}

async function revoke(customer: CustomerRecord, sessionIds: string[], now: Date): Promise<void> {
  const stale = staleSignOuts(customer.signedOutSessions, now.getTime(), config().ACCESS_TOKEN_MINUTES);
  await store.revokeSessions(customer.customerId, sessionIds, stale, customer.signedOutSessions !== undefined, now.getTime());
}

/** 退出 one session (the current one too: that is signing out here). */
export async function signOutSession(customerId: string, token: RequestToken, sessionId: string, now: Date): Promise<number> {
  const customer = await signedInCustomer(customerId, token);
  const session = await store.getSession(customerId, sessionId);
  const live = session && !session.revoked && session.expiresAtEpoch > now.getTime() / 1000 && !sessionRevoked(session.startedAt, customer.sessionsRevokedAt);
  if (!live) return refuseSessionNotFound();
  await revoke(customer, [sessionId], now);
  await postMessage({ customerId, kind: 'DEVICE_SIGNED_OUT', ref: sessionId, at: now, detail: `${deviceLabel(session)} · ${session.place}` });
  return 1;
}

/** 退出其他设备: every live session but this one. */
export async function signOutOthers(customerId: string, token: RequestToken, now: Date): Promise<number> {
  const customer = await signedInCustomer(customerId, token);
  const others = (await store.liveSessions(customer, now)).filter((session) => session.sessionId !== token.sessionId).map((session) => session.sessionId);
  if (others.length === 0) return 0;
  await revoke(customer, others, now);
  await postMessage({ customerId, kind: 'DEVICE_SIGNED_OUT', ref: `others-${now.getTime()}`, at: now, detail: `其他 ${others.length} 台设备` });
  return others.length;
}

/** The session a code would verify: one on a device not yet trusted, of a customer with a PIN
 *  (before the first PIN nothing asks for it, payment-authorization.ts). */
function unverifiedSession(customer: CustomerRecord, token: RequestToken): string {
  if (token.deviceVerified || !token.sessionId || !customer.pinHash) return refuseAlreadyVerified();
  return token.sessionId;
}


/** 获取验证码: a code to the bound phone (the identity check's codes, limits and lockout). */
export async function sendDeviceCode(customerId: string, token: RequestToken, now: Date): Promise<CodeSent> {
  const customer = await signedInCustomer(customerId, token);
  unverifiedSession(customer, token);
  const sent = await sendIdentityCode(customer, 'DEVICE_VERIFY', now);
  return codeSent(sent);
}

/** The code: a wrong one is counted (three spend the code, five lock the identity check for a
 *  day); a right one marks the session verified and its device known in one transaction with the
 *  code's use, and answers a fresh access token that says so. */
export async function verifyDevice(customerId: string, token: RequestToken, smsCode: string, now: Date): Promise<{ accessToken: string; accessTokenExpiresAt: string }> {
  const customer = await signedInCustomer(customerId, token);
  const session = await store.getSession(customerId, unverifiedSession(customer, token));
  const signedOut = () => refuse('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
  if (!session || session.revoked) return signedOut();
  const answer = { slot: 'BOUND_PHONE' as const, purpose: 'DEVICE_VERIFY' as const, code: smsCode, name: '验证码' };
  await checkCodes(customer, [answer], true, now, async (usedUp) => {
    const refusedAt = await transactWrite([...usedUp, ...store.verifySessionItems(session, now)]);
    // Signed out meanwhile: the code stays unused.
    if (refusedAt === usedUp.length) signedOut();
    return refusedAt;
  });
  const access = await issueAccessToken(customerId, now, { sessionId: session.sessionId, deviceVerified: true, deviceFirstSeenAtMs: store.firstSeen(session.deviceFirstSeenAt).deviceFirstSeenAtMs ?? now.getTime() });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
}

/** The session a step-up code would serve: one already trusted with money (a device never
 *  verified is verified first, which asks the same code). */
function trustedSession(token: RequestToken): string {
  if (!token.deviceVerified || !token.sessionId) return refuseDeviceUnverified();
  return token.sessionId;
}

/** 加强验证: a code to the bound phone for a movement the rules stepped up (the identity check's
 *  codes, limits and lockout). */
export async function sendStepUpCode(customerId: string, token: RequestToken, now: Date): Promise<CodeSent> {
  const customer = await signedInCustomer(customerId, token);
  trustedSession(token);
  const sent = await sendIdentityCode(customer, 'STEP_UP', now);
  return codeSent(sent);
}

/** The step-up code: counted and limited like every identity code; a right one is used up and
 *  answered with a fresh access token of this session stamped with the time (`su`), which a
 *  stepped-up movement asked within STEP_UP_VALID_MS accepts. */
export async function stepUp(customerId: string, token: RequestToken, smsCode: string, now: Date): Promise<{ accessToken: string; accessTokenExpiresAt: string }> {
  const customer = await signedInCustomer(customerId, token);
  const sessionId = trustedSession(token);
  await checkCodes(customer, [{ slot: 'BOUND_PHONE', purpose: 'STEP_UP', code: smsCode, name: '验证码' }], true, now, (usedUp) => transactWrite(usedUp));
  const access = await issueAccessToken(customerId, now, {
    sessionId,
    deviceVerified: true,
    ...(token.deviceFirstSeenAtMs === null ? {} : { deviceFirstSeenAtMs: token.deviceFirstSeenAtMs }),
    steppedUpAtMs: now.getTime(),
  });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
}
