// A client of Jinlin's open API (近邻银行开放平台) that a partner's developer can copy: it needs
// nothing but Node.js 22 (node:crypto and fetch). It signs every request the way the bank checks
// it and verifies every answer with the bank's platform key before trusting a byte of it, and
// verifies the bank's webhook deliveries (verifyWebhook).
// docs/OPEN-API.md explains each step; the sandbox partner's key beside this file is for the local
// stack only.
import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, randomUUID, sign, verify } from 'node:crypto';

export const SCHEME = 'JINLIN-SHA256-RSA2048';
const MAX_SKEW_SECONDS = 300;

export interface PartnerCredentials {
  partnerId: string;
  /** The serial the bank registered your public key under. */
  serialNo: string;
  /** Your private key, PKCS#8 PEM. */
  privateKeyPem: string;
}

export interface RequestToSign {
  method: 'GET' | 'POST';
  /** The path as sent, with `?` and the query string when there is one. */
  pathWithQuery: string;
  /** The body exactly as sent ('' for a GET). */
  body: string;
  /** Defaults: now, and 32 random characters. */
  timestampSeconds?: number;
  nonce?: string;
}

/** The Authorization header of a request: SHA256withRSA over METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n. */
export function authorization(credentials: PartnerCredentials, request: RequestToSign): string {
  const timestampSeconds = request.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const nonce = request.nonce ?? randomBytes(16).toString('hex');
  const message = `${request.method}\n${request.pathWithQuery}\n${timestampSeconds}\n${nonce}\n${request.body}\n`;
  const signature = sign('sha256', Buffer.from(message, 'utf8'), createPrivateKey(credentials.privateKeyPem)).toString('base64');
  return `${SCHEME} partner_id="${credentials.partnerId}",nonce_str="${nonce}",timestamp="${timestampSeconds}",serial_no="${credentials.serialNo}",signature="${signature}"`;
}

/** Whether an answer is the bank's: its signature over TIMESTAMP\nNONCE\nBODY\n verifies with the
 *  platform key of the serial it names, and its time is within five minutes of yours. */
export function isSignedByBank(headers: Record<string, string | undefined>, body: string, platformKeys: Record<string, KeyObject>, nowSeconds = Date.now() / 1000): boolean {
  const timestamp = headers['jinlin-timestamp'];
  const nonce = headers['jinlin-nonce'];
  const serial = headers['jinlin-serial'];
  const signature = headers['jinlin-signature'];
  const key = serial ? platformKeys[serial] : undefined;
  if (!timestamp || !nonce || !signature || !key) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  return verify('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), key, Buffer.from(signature, 'base64'));
}

/** Whether a webhook delivery is the bank's (Standard Webhooks' headers, signature `v1r`:
 *  SHA256withRSA with the platform key over `${webhook-id}.${webhook-timestamp}.${body}`), sent
 *  within five minutes of your clock. `platformPublicKeyPem`: the key, or the keys by serial while
 *  the bank rotates (the delivery names its key in jinlin-serial). Answer 2xx only after this
 *  holds, and handle each webhook-id once: a delivery may come again. */
export function verifyWebhook(headers: Record<string, string | undefined>, body: string, platformPublicKeyPem: string | Record<string, string>, nowSeconds = Date.now() / 1000): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  const serial = headers['jinlin-serial'];
  const pem = typeof platformPublicKeyPem === 'string' ? platformPublicKeyPem : serial ? platformPublicKeyPem[serial] : undefined;
  if (!id || !timestamp || !/^[0-9]{1,12}$/.test(timestamp) || !signatures || !pem) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const key = createPublicKey(pem);
  const content = Buffer.from(`${id}.${timestamp}.${body}`, 'utf8');
  // Space-separated `version,signature` pairs; only v1r is the bank's.
  return signatures.split(' ').some((entry) => entry.startsWith('v1r,') && verify('sha256', content, key, Buffer.from(entry.slice(4), 'base64')));
}

export interface OpenAnswer<T> {
  status: number;
  body: T;
}

/** The API over HTTP: signed requests, verified answers, an Idempotency-Key on every POST. */
export class JinlinOpenClient {
  private readonly platformKeys: Record<string, KeyObject>;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: PartnerCredentials,
    /** The bank's platform public keys (SPKI PEM) by serial, as the bank gave them to you. */
    platformPublicKeys: Record<string, string>,
  ) {
    this.platformKeys = Object.fromEntries(Object.entries(platformPublicKeys).map(([serial, pem]) => [serial, createPublicKey(pem)]));
  }

  async request<T>(method: 'GET' | 'POST', path: string, options: { query?: Record<string, string>; body?: unknown; idempotencyKey?: string } = {}): Promise<OpenAnswer<T>> {
    const query = new URLSearchParams(options.query ?? {}).toString();
    const pathWithQuery = query ? `${path}?${query}` : path;
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    const headers: Record<string, string> = { authorization: authorization(this.credentials, { method, pathWithQuery, body }) };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      // Keep the key with your order: a retry after a timeout must send the same one.
      headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
    }
    const response = await fetch(new URL(pathWithQuery, this.baseUrl), { method, headers, ...(body ? { body } : {}), redirect: 'error', signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    const answerHeaders = Object.fromEntries(response.headers.entries());
    if (!isSignedByBank(answerHeaders, text, this.platformKeys)) throw new Error(`the answer to ${method} ${path} is not signed by the bank (status ${response.status})`);
    return { status: response.status, body: JSON.parse(text) as T };
  }
}
