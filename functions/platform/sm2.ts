// SM2 public-key decryption (GB/T 32918.4), C1C3C2 as the keypad's sm-crypto-v2 and WeChat's
// safe-password keyboard produce, on Node's own crypto: its ECDH over the SM2 curve and its SM3.
// Not a library: sm-crypto-v2 and its curve library would add ~76 KB to every money function's
// bundle (docs/BENCHMARKS.md item 4), and Node has the primitives. test/unit/sm2.test.ts checks
// it against sm-crypto-v2 both ways. Node's ECDH gives the shared point's x only; y is one of the
// two square roots, and the SM3 check C3 accepts exactly one.
import { createECDH, createHash, type ECDH, timingSafeEqual } from 'node:crypto';

// The SM2 curve (GB/T 32918.5): y² = x³ + ax + b over p, a = p − 3. p ≡ 3 (mod 4), so a square
// root is a power.
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const COORDINATE_BYTES = 32;
const DIGEST_BYTES = 32;
/** A PIN cipher's message is a few dozen bytes; anything far larger is not one. */
const MAX_MESSAGE_BYTES = 512;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

const toBytes = (value: bigint) => Buffer.from(value.toString(16).padStart(COORDINATE_BYTES * 2, '0'), 'hex');

/** SM3-based key derivation: SM3(Z ‖ counter) blocks until `length` bytes. */
function kdf(z: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 1; blocks.length * DIGEST_BYTES < length; counter++) {
    const ct = Buffer.alloc(4);
    ct.writeUInt32BE(counter);
    blocks.push(createHash('sm3').update(z).update(ct).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** The plaintext of `cipherHex` (C1 without its 04 prefix, as sm-crypto-v2 writes it, or with
 *  it; then C3, then C2) under `privateKeyHex`, or undefined when it is not a cipher to this key. */
export function sm2Decrypt(cipherHex: string, privateKeyHex: string): Buffer | undefined {
  const raw = Buffer.from(cipherHex, 'hex');
  if (cipherHex.length !== raw.length * 2) return undefined;
  // A bare C1 may itself begin with the byte 04: the unprefixed reading is tried first.
  return decryptBare(raw, privateKeyHex) ?? (raw[0] === 0x04 ? decryptBare(raw.subarray(1), privateKeyHex) : undefined);
}

/** Setting a private key computes its public point (a scalar multiplication, ~0.4 ms): done once
 *  per key in a warm container. computeSecret leaves the object as it was. */
const keys = new Map<string, ECDH>();
const MAX_KEYS = 4;

function keyFor(privateKeyHex: string): ECDH {
  let ecdh = keys.get(privateKeyHex);
  if (!ecdh) {
    ecdh = createECDH('SM2');
    ecdh.setPrivateKey(Buffer.from(privateKeyHex, 'hex'));
    // A key rotation adds one; never more than a few are in use.
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(privateKeyHex, ecdh);
  }
  return ecdh;
}

function decryptBare(cipher: Buffer, privateKeyHex: string): Buffer | undefined {
  const c2Length = cipher.length - 2 * COORDINATE_BYTES - DIGEST_BYTES;
  if (c2Length < 1 || c2Length > MAX_MESSAGE_BYTES) return undefined;
  const c1 = Buffer.concat([Buffer.from([0x04]), cipher.subarray(0, 2 * COORDINATE_BYTES)]);
  const c3 = cipher.subarray(2 * COORDINATE_BYTES, 2 * COORDINATE_BYTES + DIGEST_BYTES);
  const c2 = cipher.subarray(2 * COORDINATE_BYTES + DIGEST_BYTES);
  const ecdh = keyFor(privateKeyHex);
  let x2: Buffer;
  try {
    // Throws for a C1 that is not a point of the curve.
    x2 = ecdh.computeSecret(c1);
  } catch {
    return undefined;
  }
  const x = BigInt(`0x${x2.toString('hex')}`);
  const y = modPow((((x * x) % P) * x + (P - 3n) * x + B) % P, (P + 1n) / 4n, P);
  for (const candidate of [y, (P - y) % P]) {
    const y2 = toBytes(candidate);
    const t = kdf(Buffer.concat([x2, y2]), c2.length);
    if (t.every((byte) => byte === 0)) continue;
    const message = Buffer.from(c2.map((byte, i) => byte ^ t[i]!));
    const digest = createHash('sm3').update(x2).update(message).update(y2).digest();
    if (timingSafeEqual(digest, c3)) return message;
  }
  return undefined;
}
