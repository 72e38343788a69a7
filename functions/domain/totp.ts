// Time-based one-time passwords (RFC 6238, on RFC 4226's HOTP): the operators' second factor,
// the codes an authenticator app shows. HMAC-SHA1, 30-second steps and 6 digits by default (what
// every app supports); SHA-256 and SHA-512 as the RFC allows. A code is accepted one step either
// side of now (clock drift, typing time), and never for a step at or before the last one used:
// the caller keeps that step with the operator and passes it back (replay protection).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type TotpAlgorithm = (typeof TOTP_ALGORITHMS)[number];

export interface TotpParams {
  algorithm: TotpAlgorithm;
  digits: 6 | 7 | 8;
  stepSeconds: number;
}

export const TOTP_DEFAULTS: TotpParams = { algorithm: 'SHA1', digits: 6, stepSeconds: 30 };

/** Steps either side of the current one a code may belong to. */
export const TOTP_WINDOW_STEPS = 1;

/** RFC 4226 recommends 160-bit secrets (the HMAC-SHA1 output size). */
export const TOTP_SECRET_BYTES = 20;

/** Longest secret accepted (a 512-bit key for HMAC-SHA512); bounds the base32 decode too. */
const MAX_SECRET_BYTES = 64;

const HMAC_NAMES: Record<TotpAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** The time step `at` falls in: whole steps since the Unix epoch (RFC 6238's T). */
export function timeStep(at: Date, stepSeconds = TOTP_DEFAULTS.stepSeconds): number {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

/** RFC 4226 HOTP for one counter value, as the zero-padded decimal code. */
export function hotp(secret: Uint8Array, counter: number, digits: TotpParams['digits'] = TOTP_DEFAULTS.digits, algorithm: TotpAlgorithm = TOTP_DEFAULTS.algorithm): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new Error('counter must be a non-negative safe integer');
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  // Dynamic truncation: the low nibble of the last byte says where the 31-bit number starts.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code for a time step. */
export function totpForStep(secret: Uint8Array, step: number, params: TotpParams = TOTP_DEFAULTS): string {
  return hotp(secret, step, params.digits, params.algorithm);
}

/** The code an authenticator app shows at `at`. */
export function totpAt(secret: Uint8Array, at: Date, params: TotpParams = TOTP_DEFAULTS): string {
  return totpForStep(secret, timeStep(at, params.stepSeconds), params);
}

export type TotpCheck =
  /** Right code, for `step`: store it as the last used step. */
  | { ok: true; step: number }
  /** INCORRECT: no step of the window has this code; REPLAYED: it is the code of a step already used. */
  | { ok: false; reason: 'INCORRECT' | 'REPLAYED' };

/**
 * Checks `code` against the steps around `now` (±TOTP_WINDOW_STEPS). `lastUsedStep` is the step of
 * the last code accepted for this secret (undefined before the first): a code of that step or an
 * earlier one is refused as a replay, even within the window.
 */
export function verifyTotp(secret: Uint8Array, code: string, now: Date, lastUsedStep: number | undefined, params: TotpParams = TOTP_DEFAULTS): TotpCheck {
  if (code.length !== params.digits || !/^[0-9]+$/.test(code)) return { ok: false, reason: 'INCORRECT' };
  const current = timeStep(now, params.stepSeconds);
  const given = Buffer.from(code);
  let replayed = false;
  // Newest first, so that of two steps sharing a code (one in a million) the later one is taken.
  for (let step = current + TOTP_WINDOW_STEPS; step >= current - TOTP_WINDOW_STEPS; step--) {
    if (step < 0) break;
    if (!timingSafeEqual(given, Buffer.from(totpForStep(secret, step, params)))) continue;
    if (lastUsedStep !== undefined && step <= lastUsedStep) replayed = true;
    else return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'REPLAYED' : 'INCORRECT' };
}

// ---- base32 (RFC 4648), how authenticator apps take a secret ----------------------------------------

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case, spaces and `=` padding ignored); undefined for anything else or a
 *  secret longer than any algorithm uses. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (clean.length === 0 || clean.length > Math.ceil((MAX_SECRET_BYTES * 8) / 5)) return undefined;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** The otpauth:// URI authenticator apps scan (Key Uri Format); the issuer names the bank. */
export function otpauthUri(issuer: string, account: string, secret: Uint8Array, params: TotpParams = TOTP_DEFAULTS): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret: base32Encode(secret), issuer, algorithm: params.algorithm, digits: String(params.digits), period: String(params.stepSeconds) });
  return `otpauth://totp/${label}?${query.toString()}`;
}
