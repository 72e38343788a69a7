// PIN hashes: scrypt with a random salt. Slow on purpose: a 6-digit PIN has only a million
// values, so each guess must cost real work even if the table leaks.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(pin, salt, KEY_BYTES, PARAMS);
  return `scrypt$${PARAMS.N}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) throw new Error('unknown PIN hash format');
  const derived = await scryptAsync(pin, Buffer.from(salt, 'base64'), KEY_BYTES, { ...PARAMS, N: Number(n) });
  return timingSafeEqual(derived, Buffer.from(hash, 'base64'));
}
