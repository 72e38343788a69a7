// Access tokens: short-lived HS256 JWTs naming the customer, or the staff member. The two kinds
// carry different audiences, so a customer token never passes a staff route and a staff token
// never passes a customer route. Refresh tokens (customers only) live in the store.
import { jwtVerify, SignJWT } from 'jose';
import { config } from '../config.js';
import { secrets } from '../secrets.js';

const ISSUER = 'jinlin';
const AUDIENCE = 'jinlin-customer';
const STAFF_AUDIENCE = 'jinlin-staff';

async function key(): Promise<Uint8Array> {
  return new TextEncoder().encode((await secrets()).jwtSecret);
}

async function issue(subject: string, audience: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + config().ACCESS_TOKEN_MINUTES * 60;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(expiresAtSeconds)
    .sign(await key());
  return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
}

/** The subject of a valid token for the audience, or undefined for anything else. */
async function verify(token: string, audience: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, await key(), {
      issuer: ISSUER,
      audience,
      algorithms: ['HS256'],
      // A token without an expiry would never expire.
      requiredClaims: ['sub', 'exp'],
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

export const issueAccessToken = (customerId: string, now: Date) => issue(customerId, AUDIENCE, now);

/** The customer id in a valid customer token, or undefined for anything else. */
export const verifyAccessToken = (token: string) => verify(token, AUDIENCE);

export const issueStaffAccessToken = (staffId: string, now: Date) => issue(staffId, STAFF_AUDIENCE, now);

/** The staff id in a valid staff token, or undefined for anything else. */
export const verifyStaffAccessToken = (token: string) => verify(token, STAFF_AUDIENCE);
