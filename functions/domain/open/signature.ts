// The open platform's signatures (开放平台签名), in WeChat Pay API v3's shape so that a partner's
// developer who has integrated it recognises every byte: a request is signed over
// `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` with the partner's RSA key (SHA256withRSA,
// PKCS#1 v1.5), carried in the Authorization header with the partner id, nonce, timestamp and the
// key's serial; the bank signs its answer over `TIMESTAMP\nNONCE\nBODY\n` with its platform key.
// These are the rules without I/O: the store finds the key and spends the nonce.
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { refuse } from '../errors.js';

export const AUTHORIZATION_SCHEME = 'JINLIN-SHA256-RSA2048';
/** WeChat Pay's tolerance: a request more than five minutes from the bank's clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** How long a spent nonce is remembered: past it the timestamp alone refuses a replay. */
export const NONCE_MEMORY_SECONDS = 2 * MAX_CLOCK_SKEW_SECONDS + 60;
export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 4096;

export const PARTNER_ID_PATTERN = /^P[0-9A-Z]{7}$/;
export const KEY_SERIAL_PATTERN = /^[0-9A-F]{8,40}$/;
const NONCE_PATTERN = /^[0-9A-Za-z]{16,32}$/;
const TIMESTAMP_PATTERN = /^[1-9][0-9]{9}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9+/]{340,684}={0,2}$/;

/** The headers the bank's answers carry (lower case, as the HTTP layer reads them). */
export const RESPONSE_HEADERS = {
  timestamp: 'jinlin-timestamp',
  nonce: 'jinlin-nonce',
  serial: 'jinlin-serial',
  signature: 'jinlin-signature',
} as const;

/** What the Authorization header names. */
export interface SignedRequestHeader {
  partnerId: string;
  nonce: string;
  timestampSeconds: number;
  keySerial: string;
  signature: string;
}

/** The bytes a request's signature covers. `pathWithQuery` is the path as sent, with `?` and the
 *  query string when there is one; `body` is the body as sent ('' for a GET). */
export function requestMessage(method: string, pathWithQuery: string, timestampSeconds: number, nonce: string, body: string): string {
  return `${method}\n${pathWithQuery}\n${timestampSeconds}\n${nonce}\n${body}\n`;
}

/** The bytes an answer's signature covers. */
export function responseMessage(timestampSeconds: number, nonce: string, body: string): string {
  return `${timestampSeconds}\n${nonce}\n${body}\n`;
}

export function signMessage(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifyMessage(message: string, signature: string, publicKey: KeyObject): boolean {
  return verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
}

/** The Authorization header's value for a signed request. */
export function authorizationHeader(header: SignedRequestHeader): string {
  return `${AUTHORIZATION_SCHEME} partner_id="${header.partnerId}",nonce_str="${header.nonce}",timestamp="${header.timestampSeconds}",serial_no="${header.keySerial}",signature="${header.signature}"`;
}

const unauthenticated = (code: string, message: string) => refuse('unauthenticated', code, message);

/** Reads the Authorization header: every field once, each in its form; anything else is refused
 *  as malformed before any key is looked up. */
export function parseAuthorization(value: string | undefined): SignedRequestHeader {
  const malformed = () => unauthenticated('AUTHORIZATION_MALFORMED', '缺少或无法解析 Authorization 签名头');
  if (!value || value.length > 1_200 || !value.startsWith(`${AUTHORIZATION_SCHEME} `)) return malformed();
  const fields = new Map<string, string>();
  for (const part of value.slice(AUTHORIZATION_SCHEME.length + 1).split(',')) {
    const match = /^([a-z_]+)="([^"]*)"$/.exec(part.trim());
    if (!match || fields.has(match[1]!)) return malformed();
    fields.set(match[1]!, match[2]!);
  }
  const partnerId = fields.get('partner_id') ?? '';
  const nonce = fields.get('nonce_str') ?? '';
  const timestamp = fields.get('timestamp') ?? '';
  const keySerial = fields.get('serial_no') ?? '';
  const signature = fields.get('signature') ?? '';
  const wellFormed =
    fields.size === 5 && PARTNER_ID_PATTERN.test(partnerId) && NONCE_PATTERN.test(nonce) && TIMESTAMP_PATTERN.test(timestamp) && KEY_SERIAL_PATTERN.test(keySerial) && SIGNATURE_PATTERN.test(signature);
  if (!wellFormed) return malformed();
  return { partnerId, nonce, timestampSeconds: Number(timestamp), keySerial, signature };
}

/** Refuses a request signed further than the tolerance from the bank's clock, either way. */
export function checkTimestamp(timestampSeconds: number, now: Date): void {
  if (Math.abs(now.getTime() / 1000 - timestampSeconds) > MAX_CLOCK_SKEW_SECONDS) {
    unauthenticated('TIMESTAMP_EXPIRED', '请求时间戳与服务器时间相差超过 5 分钟，请校准时钟后重新签名');
  }
}

/** Refuses a signature that does not verify over the request's bytes with the named key. */
export function checkRequestSignature(header: SignedRequestHeader, method: string, pathWithQuery: string, body: string, publicKey: KeyObject): void {
  const message = requestMessage(method, pathWithQuery, header.timestampSeconds, header.nonce, body);
  if (!verifyMessage(message, header.signature, publicKey)) unauthenticated('SIGNATURE_INVALID', '签名验证失败');
}

/** A partner's public key as registered: SPKI PEM of an RSA key of 2048–4096 bits; undefined
 *  when it is anything else. */
export function partnerPublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return key.asymmetricKeyType === 'rsa' && bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The platform's signing key from the secrets (PKCS#8 DER, base64). */
export const platformPrivateKey = (pkcs8Base64: string) => createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' });

/** The platform key's public half as partners are given it (SPKI PEM). */
export const platformPublicKeyPem = (privateKey: KeyObject) => createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
