// Access tokens: short-lived HS256 JWTs naming the customer, the staff member or the console
// operator. Each kind carries its own audience, so no token passes another kind's routes. Refresh
// tokens (customers only) live in the store; an operator's token names its session, which the
// store holds (services/operators.ts).
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { config } from '../config.js';
import { secrets } from '../secrets.js';

const ISSUER = 'jinlin';
const AUDIENCE = 'jinlin-customer';
const STAFF_AUDIENCE = 'jinlin-staff';
const CONSOLE_AUDIENCE = 'jinlin-console';

async function key(): Promise<Uint8Array> {
  return new TextEncoder().encode((await secrets()).jwtSecret);
}

async function issue(subject: string, audience: string, now: Date, minutes = config().ACCESS_TOKEN_MINUTES, claims: JWTPayload = {}): Promise<{ token: string; expiresAt: string }> {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + minutes * 60;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(expiresAtSeconds)
    .sign(await key());
  return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
}

/** The claims of a valid token for the audience, or undefined for anything else. */
async function verifiedClaims(token: string, audience: string, requiredClaims: string[] = []): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, await key(), {
      issuer: ISSUER,
      audience,
      algorithms: ['HS256'],
      // A token without an expiry would never expire.
      requiredClaims: ['sub', 'exp', ...requiredClaims],
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** The subject of a valid token for the audience, or undefined for anything else. */
async function verify(token: string, audience: string): Promise<string | undefined> {
  const sub = (await verifiedClaims(token, audience))?.sub;
  return typeof sub === 'string' ? sub : undefined;
}

/** The session a customer's token belongs to (`sid`), whether its device is trusted with money
 *  (`dv`), since when the bank knows the device (`dfs`, epoch ms) and when the session last proved
 *  the bound phone for a stepped-up transfer (`su`, epoch ms): the payment authorization and the
 *  anti-fraud rules read them here, so a money movement costs no read for them. */
export interface TokenSession {
  sessionId: string;
  deviceVerified: boolean;
  deviceFirstSeenAtMs?: number;
  steppedUpAtMs?: number;
}

/** A customer's token carries its issue time to the millisecond (`iatMs`): a revocation of every
 *  session (挂失) and a sign-in just after it may fall in the same second. */
export const issueAccessToken = (customerId: string, now: Date, session: TokenSession) =>
  issue(customerId, AUDIENCE, now, undefined, {
    iatMs: now.getTime(),
    sid: session.sessionId,
    dv: session.deviceVerified,
    ...(session.deviceFirstSeenAtMs === undefined ? {} : { dfs: session.deviceFirstSeenAtMs }),
    ...(session.steppedUpAtMs === undefined ? {} : { su: session.steppedUpAtMs }),
  });

/** What the customer's access token says of the device (`dfs`, `su`): what the anti-fraud rules
 *  judge a transfer on, at no read. Null where the token does not say. */
export interface TokenDevice {
  firstSeenAtMs: number | null;
  steppedUpAtMs: number | null;
}

export interface VerifiedCustomerToken {
  customerId: string;
  issuedAtMs: number;
  /** Absent from tokens issued before sessions were named (they live minutes). */
  sessionId?: string;
  deviceVerified: boolean;
  /** Null when the token does not say (issued before it was kept, or a device never verified). */
  deviceFirstSeenAtMs: number | null;
  steppedUpAtMs: number | null;
}

/** The customer a valid customer token names, when it was issued (epoch ms) and its session, or
 *  undefined for anything else. */
export async function verifyAccessToken(token: string): Promise<VerifiedCustomerToken | undefined> {
  const claims = await verifiedClaims(token, AUDIENCE, ['iat']);
  if (typeof claims?.sub !== 'string' || typeof claims.iat !== 'number') return undefined;
  return {
    customerId: claims.sub,
    // A token issued before `iatMs` was added: to the second.
    issuedAtMs: typeof claims.iatMs === 'number' ? claims.iatMs : claims.iat * 1000,
    ...(typeof claims.sid === 'string' ? { sessionId: claims.sid } : {}),
    // A token from before devices were verified was issued to a session trusted then.
    deviceVerified: claims.dv !== false,
    deviceFirstSeenAtMs: typeof claims.dfs === 'number' ? claims.dfs : null,
    steppedUpAtMs: typeof claims.su === 'number' ? claims.su : null,
  };
}

export const issueStaffAccessToken = (staffId: string, now: Date) => issue(staffId, STAFF_AUDIENCE, now);

/** The staff id in a valid staff token, or undefined for anything else. */
export const verifyStaffAccessToken = (token: string) => verify(token, STAFF_AUDIENCE);

/** A console operator's token for one session (`sid`), valid `minutes`. */
export const issueConsoleAccessToken = (operatorId: string, sessionId: string, now: Date, minutes: number) =>
  issue(operatorId, CONSOLE_AUDIENCE, now, minutes, { sid: sessionId });

/** The operator and session a valid console token names, or undefined for anything else (the
 *  session itself is checked by the caller). */
export async function verifyConsoleAccessToken(token: string): Promise<{ operatorId: string; sessionId: string } | undefined> {
  const claims = await verifiedClaims(token, CONSOLE_AUDIENCE, ['sid']);
  if (typeof claims?.sub !== 'string' || typeof claims.sid !== 'string') return undefined;
  return { operatorId: claims.sub, sessionId: claims.sid };
}
