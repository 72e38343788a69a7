// SM2 public-key decryption (GB/T 32918.4), C1C3C2 as the keypad's sm-crypto-v2 and WeChat's
// safe-password keyboard produce, on Node's own crypto: its ECDH over the SM2 curve and its SM3.
// Not a library: sm-crypto-v2 and its curve library would add ~76 KB to every money function's
// bundle (docs/BENCHMARKS.md item 4), and Node has the primitives. test/unit/sm2.test.ts checks
// it against sm-crypto-v2 both ways. Node's ECDH gives the shared point's x only; y is one of the
// two points with that x, and the SM3 check C3 accepts exactly one.
import { ECDH, createECDH, createHash, timingSafeEqual } from 'node:crypto';

const COORDINATE_BYTES = 32;
const DIGEST_BYTES = 32;
/** A PIN cipher's message is a few dozen bytes; anything far larger is not one. */
const MAX_MESSAGE_BYTES = 512;
/** The SM2 field prime: the other square root of y² is P − y. */
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;

const toBytes = (value: bigint) => Buffer.from(value.toString(16).padStart(COORDINATE_BYTES * 2, '0'), 'hex');

/** Both points of the curve with x coordinate `x`: OpenSSL decompresses 02‖x natively (a square
 *  root in BigInt costs ~1.5 ms, a third of a transfer's own CPU). */
function bothY(x: Buffer): [Buffer, Buffer] {
  const point = ECDH.convertKey(Buffer.concat([COMPRESSED_EVEN, x]), 'SM2', undefined, undefined, 'uncompressed') as Buffer;
  const y = point.subarray(1 + COORDINATE_BYTES);
  return [y, toBytes((P - BigInt(`0x${y.toString('hex')}`)) % P)];
}
const COMPRESSED_EVEN = Buffer.from([0x02]);

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
  for (const y2 of bothY(x2)) {
    const t = kdf(Buffer.concat([x2, y2]), c2.length);
    if (t.every((byte) => byte === 0)) continue;
    const message = Buffer.from(c2.map((byte, i) => byte ^ t[i]!));
    const digest = createHash('sm3').update(x2).update(message).update(y2).digest();
    if (timingSafeEqual(digest, c3)) return message;
  }
  return undefined;
}
