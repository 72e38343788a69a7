// The sandbox partner of the local stack (本地沙箱): a community grocery's system, 邻里鲜社区超市,
// with its own key pair. `npm start` registers it; the partner simulator and docs/OPEN-API.md's
// worked example sign with its private key (beside this file, for the local stack only).
import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import type { PartnerCredentials } from './client.js';

export const SANDBOX_PARTNER_ID = 'PSANDBOX';
export const SANDBOX_KEY_SERIAL = '3C5A4E4C53414E44';
/** The sandbox partner's merchant, approved when the sandbox is seeded: orders can name it at once. */
export const SANDBOX_MERCHANT_ID = 'MSANDBOX0000001A';

export const sandboxCredentials = (): PartnerCredentials => ({
  partnerId: SANDBOX_PARTNER_ID,
  serialNo: SANDBOX_KEY_SERIAL,
  privateKeyPem: readFileSync(new URL('./sandbox-partner-key.pem', import.meta.url), 'utf8'),
});

/** The sandbox key's public half (SPKI PEM), as the bank registers it. */
export const sandboxPublicKeyPem = () => createPublicKey(sandboxCredentials().privateKeyPem).export({ format: 'pem', type: 'spki' }).toString();
