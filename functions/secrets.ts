// Secrets: from SSM Parameter Store (one SecureString holding JSON) when SECRETS_PARAMETER is
// set, as on AWS; from JINLIN_* environment variables otherwise, as locally.
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import * as z from 'zod/mini';
import { config } from './config.js';
import { lazySchema } from './domain/lazy-schema.js';

const Secrets = /* @__PURE__ */ lazySchema(() =>
  z.object({
    /** HMAC key for access tokens, at least 32 bytes. */
    jwtSecret: z.string().check(z.minLength(32)),
    /** AES-256 key for personal data at rest, base64 of 32 bytes. */
    dataKey: z.base64().check(z.refine((b64) => Buffer.from(b64, 'base64').length === 32, 'dataKey must be 32 bytes')),
    wechatSecret: z.string().check(z.minLength(1)),
    cardGatewayToken: z.string().check(z.minLength(1)),
    creditBureauToken: z.string().check(z.minLength(1)),
    billerGatewayToken: z.string().check(z.minLength(1)),
    smsGatewayToken: z.string().check(z.minLength(1)),
    settlementGatewayToken: z.string().check(z.minLength(1)),
    /** What bank operators present (header x-operator-key) on admin routes; at least 32 characters. */
    operatorKey: z.string().check(z.minLength(32)),
    /** Payment PIN keys (store/pin-hash.ts): key id → base64 of at least 32 random bytes. Every id
     *  a stored PIN hash names must stay here until no hash names it (rotation). */
    pinKeys: z
      .record(
        z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'PIN key ids are 1–32 of A–Z a–z 0–9 _ -')),
        z.base64().check(z.refine((b64) => Buffer.from(b64, 'base64').length >= 32, 'a PIN key must be at least 32 bytes')),
      )
      .check(z.refine((keys) => Object.keys(keys).length > 0, 'at least one PIN key')),
    /** The id in pinKeys that new PIN hashes use. */
    pinKeyId: z.string(),
    /** HMAC key for payment nonces (services/second-factor.ts), base64 of at least 32 bytes. */
    paymentNonceKey: z.base64().check(z.refine((b64) => Buffer.from(b64, 'base64').length >= 32, 'paymentNonceKey must be at least 32 bytes')),
    /** The SM2 key pair the PIN is encrypted to on the device (hex; the public key uncompressed,
     *  04…). In production the pair whose public half WeChat certifies for the safe-password input. */
    pinSm2PrivateKey: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'pinSm2PrivateKey must be 64 hex digits')),
    pinSm2PublicKey: z.string().check(z.regex(/^04[0-9a-f]{128}$/, 'pinSm2PublicKey must be 04 and 128 hex digits')),
    /** HMAC key of the audit log's chain (domain/audit-chain.ts), base64 of at least 32 bytes. Never
     *  in the table: whoever can write the table without it cannot forge a consistent chain. */
    auditMacKey: z.base64().check(z.refine((b64) => Buffer.from(b64, 'base64').length >= 32, 'auditMacKey must be at least 32 bytes')),
    /** The bank's e-receipt signing keys (domain/receipt.ts): key id → Ed25519 private key, PKCS#8
     *  DER in base64. A receipt names its key; keep an old key here while its receipts should
     *  still verify by signature (their verification codes keep working without it). */
    receiptKeys: z
      .record(
        z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'receipt key ids are 1–32 of A–Z a–z 0–9 _ -')),
        z.base64().check(z.maxLength(200)),
      )
      .check(z.refine((keys) => Object.keys(keys).length > 0, 'at least one receipt key')),
    /** The id in receiptKeys that signs new receipts. */
    receiptKeyId: z.string(),
    /** The open platform's keys that sign its answers and webhooks (domain/open/signature.ts):
     *  serial → RSA private key, PKCS#8 DER in base64. Partners are given the public halves. */
    openPlatformKeys: z
      .record(
        z.string().check(z.regex(/^[0-9A-F]{8,40}$/, 'platform key serials are 8–40 upper-case hex digits')),
        z.base64().check(z.maxLength(4_000)),
      )
      .check(z.refine((keys) => Object.keys(keys).length > 0, 'at least one platform key')),
    /** The serial in openPlatformKeys that signs now. */
    openPlatformKeySerial: z.string(),
  })
    .check(z.refine((s) => Object.hasOwn(s.pinKeys, s.pinKeyId), { message: 'pinKeyId must name one of pinKeys', path: ['pinKeyId'] }))
    .check(z.refine((s) => Object.hasOwn(s.receiptKeys, s.receiptKeyId), { message: 'receiptKeyId must name one of receiptKeys', path: ['receiptKeyId'] }))
    .check(z.refine((s) => Object.hasOwn(s.openPlatformKeys, s.openPlatformKeySerial), { message: 'openPlatformKeySerial must name one of openPlatformKeys', path: ['openPlatformKeySerial'] })),
);
export type Secrets = z.infer<typeof Secrets>;

let cached: Promise<Secrets> | undefined;

export function secrets(): Promise<Secrets> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<Secrets> {
  const parameterName = config().SECRETS_PARAMETER;
  if (parameterName) {
    const raw = await getParameter(parameterName, { decrypt: true, transform: 'json', maxAge: 300 });
    return Secrets.parse(raw);
  }
  return Secrets.parse({
    jwtSecret: process.env.JINLIN_JWT_SECRET,
    dataKey: process.env.JINLIN_DATA_KEY,
    wechatSecret: process.env.JINLIN_WECHAT_SECRET ?? 'simulator',
    cardGatewayToken: process.env.JINLIN_CARD_GATEWAY_TOKEN ?? 'simulator',
    creditBureauToken: process.env.JINLIN_CREDIT_BUREAU_TOKEN ?? 'simulator',
    billerGatewayToken: process.env.JINLIN_BILLER_GATEWAY_TOKEN ?? 'simulator',
    smsGatewayToken: process.env.JINLIN_SMS_GATEWAY_TOKEN ?? 'simulator',
    settlementGatewayToken: process.env.JINLIN_SETTLEMENT_GATEWAY_TOKEN ?? 'simulator',
    operatorKey: process.env.JINLIN_OPERATOR_KEY,
    pinKeys: jsonOrUndefined(process.env.JINLIN_PIN_KEYS),
    pinKeyId: process.env.JINLIN_PIN_KEY_ID,
    paymentNonceKey: process.env.JINLIN_PAYMENT_NONCE_KEY,
    pinSm2PrivateKey: process.env.JINLIN_PIN_SM2_PRIVATE_KEY,
    pinSm2PublicKey: process.env.JINLIN_PIN_SM2_PUBLIC_KEY,
    auditMacKey: process.env.JINLIN_AUDIT_MAC_KEY,
    receiptKeys: jsonOrUndefined(process.env.JINLIN_RECEIPT_KEYS),
    receiptKeyId: process.env.JINLIN_RECEIPT_KEY_ID,
    openPlatformKeys: jsonOrUndefined(process.env.JINLIN_OPEN_PLATFORM_KEYS),
    openPlatformKeySerial: process.env.JINLIN_OPEN_PLATFORM_KEY_SERIAL,
  });
}

/** JINLIN_PIN_KEYS, JINLIN_RECEIPT_KEYS and JINLIN_OPEN_PLATFORM_KEYS hold JSON ({"id":"base64",…}); anything else fails the schema, never the parse. */
function jsonOrUndefined(raw: string | undefined): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function resetSecretsForTests(): void {
  cached = undefined;
}
