// Personal data at rest: AES-256-GCM with a random IV per value; lookups by keyed hash (HMAC)
// so an ID or phone number can be found without storing it in the clear.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { secrets } from '../secrets.js';

const FORMAT = 'v1';

async function keysFor() {
  const dataKey = Buffer.from((await secrets()).dataKey, 'base64');
  const lookupKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'jinlin-lookup', 32));
  return { dataKey, lookupKey };
}

export async function encrypt(plain: string): Promise<string> {
  const { dataKey } = await keysFor();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

export async function decrypt(sealed: string): Promise<string> {
  const { dataKey } = await keysFor();
  const [format, iv, tag, body] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || !body) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

export async function lookupHash(kind: string, value: string): Promise<string> {
  const { lookupKey } = await keysFor();
  return createHmac('sha256', lookupKey).update(`${kind}:${value}`).digest('base64url');
}

/** Draws of random bytes before a code gives up: one draw falls short about once in 10^27. */
const MAX_CODE_DRAWS = 3;

/** A random code: `from` turns random bytes into one by rejection sampling and says undefined when
 *  the bytes run out before the code is complete; then fresh bytes are drawn. */
export function randomCode(from: (random: Uint8Array) => string | undefined, randomByteCount: number): string {
  for (let draw = 0; draw < MAX_CODE_DRAWS; draw++) {
    const code = from(randomBytes(randomByteCount));
    if (code !== undefined) return code;
  }
  throw new Error(`no code from ${MAX_CODE_DRAWS} draws of random bytes`);
}
