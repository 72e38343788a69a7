// Access tokens: short-lived HS256 JWTs naming the customer. Refresh tokens live in the store.
import { jwtVerify, SignJWT } from 'jose';
import { config } from '../config.js';
import { secrets } from '../secrets.js';

const ISSUER = 'jinlin';
const AUDIENCE = 'jinlin-customer';

async function key(): Promise<Uint8Array> {
  return new TextEncoder().encode((await secrets()).jwtSecret);
}

export async function issueAccessToken(customerId: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + config().ACCESS_TOKEN_MINUTES * 60;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(customerId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(expiresAtSeconds)
    .sign(await key());
  return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
}

/** The customer id in a valid token, or undefined for anything else. */
export async function verifyAccessToken(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, await key(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      // A token without an expiry would never expire.
      requiredClaims: ['sub', 'exp'],
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
