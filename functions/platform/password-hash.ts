// Passwords (the operators'), as scrypt hashes in the PHC string format, parameters included so
// they can be raised later without breaking stored hashes:
//
//   $scrypt$ln=15,r=8,p=1$<base64 salt, 16 bytes>$<base64 hash, 32 bytes>
//
// N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt): ~100 ms and 32 MiB per check, paid once a
// sign-in. A stored hash's parameters are bounded before use, so an edited item cannot make a
// check take minutes or gigabytes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const LOG2_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
/** Upper bounds on parameters read from a stored hash. */
const MAX_LOG2_N = 20;
const MAX_BLOCK_SIZE = 16;
const MAX_PARALLELISM = 4;
const MAX_STORED_LENGTH = 200;

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9+/]{16,64}={0,2})\$([A-Za-z0-9+/]{16,128}={0,2})$/;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, keyBytes: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at our
    // parameters, so allow twice as much.
    scrypt(password, salt, keyBytes, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, LOG2_N, BLOCK_SIZE, PARALLELISM, HASH_BYTES);
  return `$scrypt$ln=${LOG2_N},r=${BLOCK_SIZE},p=${PARALLELISM}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `password` is the one `stored` was made from; constant-time in the comparison. A
 *  stored value that is not such a hash (or asks for out-of-bounds work) is an error, not a
 *  wrong password. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const match = stored.length <= MAX_STORED_LENGTH ? FORMAT.exec(stored) : null;
  if (!match) throw new Error('unknown password hash format');
  const [log2N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (log2N < 10 || log2N > MAX_LOG2_N || r < 1 || r > MAX_BLOCK_SIZE || p < 1 || p > MAX_PARALLELISM) throw new Error('password hash parameters out of bounds');
  const expected = Buffer.from(match[5]!, 'base64');
  const actual = await derive(password, Buffer.from(match[4]!, 'base64'), log2N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}
