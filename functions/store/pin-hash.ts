// PIN hashes: keyed. A 6-digit PIN has only a million values, so no hash cost makes a leaked
// table safe (the whole space is a day of one core even at 110 ms a guess); what does is a key
// that is not in the table. The stored value is
//
//   hmac1$<keyId>$<base64url(HMAC-SHA256(pinKeys[keyId], "jinlin-pin-v1" 0 customerId 0 pin))>
//
// under a PIN key from the secrets (secrets.ts `pinKeys`, `pinKeyId`). The customer id in the
// input makes equal PINs of two customers hash differently; the key id lets keys rotate: a hash
// verifies under the key its id names, new hashes use the key in force, and a correct PIN under
// an older key (or an old scrypt hash) is answered with the hash to store instead. One check is
// one HMAC — microseconds, not the ~110 ms of the scrypt it replaces.
import { createHmac, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { secrets } from '../secrets.js';

const SCHEME = 'hmac1';
const DOMAIN = 'jinlin-pin-v1';

/** The PIN keys: raw key bytes by id, and the id new hashes use. */
export interface PinKeyring {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

let keyringCache: { from: unknown; keyring: PinKeyring } | undefined;

/** The keyring from the secrets (decoded once per secrets value). */
export async function pinKeyring(): Promise<PinKeyring> {
  const s = await secrets();
  if (keyringCache?.from !== s.pinKeys) {
    const keys = new Map(Object.entries(s.pinKeys).map(([id, b64]) => [id, Buffer.from(b64, 'base64')]));
    keyringCache = { from: s.pinKeys, keyring: { currentId: s.pinKeyId, keys } };
  }
  return keyringCache.keyring;
}

function digest(key: Buffer, customerId: string, pin: string): Buffer {
  return createHmac('sha256', key).update(`${DOMAIN}\0${customerId}\0${pin}`).digest();
}

/** The keyed hash of `pin` for `customerId` under the current key. */
export function keyedPinHash(keyring: PinKeyring, customerId: string, pin: string): string {
  const key = keyring.keys.get(keyring.currentId);
  if (!key) throw new Error(`PIN key ${keyring.currentId} (the one in force) is not among the PIN keys`);
  return `${SCHEME}$${keyring.currentId}$${digest(key, customerId, pin).toString('base64url')}`;
}

export type PinCheck =
  /** Right PIN; `rehash`, when present, is the value to store in place of the old one. */
  | { matches: true; rehash?: string }
  | { matches: false };

/** Checks a keyed (`hmac1$`) hash; synchronous, constant-time in the comparison. */
export function checkKeyedPin(keyring: PinKeyring, customerId: string, pin: string, stored: string): PinCheck {
  const [scheme, keyId, mac, extra] = stored.split('$');
  if (scheme !== SCHEME || !keyId || !mac || extra !== undefined) throw new Error('unknown PIN hash format');
  const key = keyring.keys.get(keyId);
  // A stored hash whose key was retired too early: an operations error, not a wrong PIN.
  if (!key) throw new Error(`PIN key ${keyId} is not among the PIN keys`);
  const expected = Buffer.from(mac, 'base64url');
  const actual = digest(key, customerId, pin);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { matches: false };
  return keyId === keyring.currentId ? { matches: true } : { matches: true, rehash: keyedPinHash(keyring, customerId, pin) };
}

export async function hashPin(customerId: string, pin: string): Promise<string> {
  return keyedPinHash(await pinKeyring(), customerId, pin);
}

/** Checks `pin` against the stored hash, keyed or legacy scrypt. A right PIN whose hash is not
 *  under the key in force (legacy scrypt, or an older key id) comes back with `rehash`. */
export async function checkPin(customerId: string, pin: string, stored: string): Promise<PinCheck> {
  const keyring = await pinKeyring();
  if (stored.startsWith('scrypt$')) {
    if (!(await legacyScryptMatches(pin, stored))) return { matches: false };
    return { matches: true, rehash: keyedPinHash(keyring, customerId, pin) };
  }
  return checkKeyedPin(keyring, customerId, pin, stored);
}

// Legacy: scrypt with a random salt (`scrypt$N$salt$hash`), as stored before keyed hashes. Still
// verified, once: the next right PIN rewrites it (services/customer-guards.ts requirePin).
const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const LEGACY_KEY_BYTES = 32;

async function legacyScryptMatches(pin: string, stored: string): Promise<boolean> {
  const [, n, salt, hash] = stored.split('$');
  if (!n || !salt || !hash) throw new Error('unknown PIN hash format');
  const N = Number(n);
  const derived = await scryptAsync(pin, Buffer.from(salt, 'base64'), LEGACY_KEY_BYTES, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 });
  const expected = Buffer.from(hash, 'base64');
  return expected.length === derived.length && timingSafeEqual(derived, expected);
}

