// Partners of the open platform in tests: registered with a key pair of their own, and requests
// signed by the partner simulator's client (scripts/partner-sim/client.ts) — the code a partner's
// developer copies — then sent to the handler in-process.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import type { Partner } from '../../functions/domain/open/partner.js';
import { handler as merchantsHandler } from '../../functions/http/open-merchants.js';
import { decideMerchant, getMerchant, seedPartner } from '../../functions/store/partners.js';
import { bookReserveDeposit } from '../../functions/services/partner-reserve.js';
import { authorization, isSignedByBank, type PartnerCredentials } from '../../scripts/partner-sim/client.js';
import { stageParams } from '../../scripts/lib/serverless-config.js';
import { call, type CallResult } from './bank.js';

type Handler = Parameters<typeof call>[0];

export interface TestPartner {
  partner: Partner;
  credentials: PartnerCredentials;
}


export const newKeyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

/** Registers a partner (as an approved change would) with a fresh key pair. */
export async function registerPartner(overrides: Partial<Partner> = {}): Promise<TestPartner> {
  const partnerId = `PT${randomBytes(3).toString('hex').toUpperCase()}`;
  const { privateKey, publicKey } = newKeyPair();
  const serialNo = randomBytes(8).toString('hex').toUpperCase();
  const partner: Partner = {
    partnerId,
    name: `测试合作方${partnerId.slice(2)}`,
    status: 'ACTIVE',
    scopes: ['merchants', 'payments', 'refunds'],
    keys: [{ serialNo, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), addedAt: new Date().toISOString() }],
    webhookUrls: [],
    feeRateBps: 30,
    rateLimitPerMinute: 600,
    ...overrides,
  };
  await seedPartner(partner, new Date());
  return { partner, credentials: { partnerId, serialNo, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() } };
}

export interface OpenCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
  /** Signed over these instead of what is sent (a tampered request), or with this header as is. */
  signedMethod?: 'GET' | 'POST';
  signedPathWithQuery?: string;
  signedBody?: string;
  timestampSeconds?: number;
  nonce?: string;
  authorization?: string;
}

/** A signed request to an open-platform handler. */
export async function openCall(handler: Handler, who: PartnerCredentials, request: OpenCall): Promise<CallResult> {
  const query = new URLSearchParams(request.query ?? {}).toString();
  const pathWithQuery = query ? `${request.path}?${query}` : request.path;
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  const header =
    request.authorization ??
    authorization(who, {
      method: request.signedMethod ?? request.method,
      pathWithQuery: request.signedPathWithQuery ?? pathWithQuery,
      body: request.signedBody ?? body,
      ...(request.timestampSeconds !== undefined ? { timestampSeconds: request.timestampSeconds } : {}),
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    });
  return call(handler, {
    method: request.method,
    path: request.path,
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined ? { rawBody: body } : {}),
    ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
    headers: { authorization: header },
  });
}

/** The local stage's platform public keys by serial, as a partner is given them. */
export function platformPublicKeys(): Record<string, KeyObject> {
  const keys = JSON.parse(String(stageParams('local').devOpenPlatformKeys)) as Record<string, string>;
  return Object.fromEntries(Object.entries(keys).map(([serial, der]) => [serial, createPublicKey(createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }))]));
}

export const signedByBank = (result: CallResult) => isSignedByBank(result.headers ?? {}, result.rawBody ?? '', platformPublicKeys());


/** A valid licence number (GB 32100-2015 check character). */
export const TEST_LICENCE = '91320100MA1W0R2X1P';

export const merchantProposal = (outMerchantNo: string, overrides: Record<string, unknown> = {}) => ({
  outMerchantNo,
  name: '南京幸福里生鲜超市有限公司',
  shortName: '邻里鲜·幸福里店',
  licenceNo: TEST_LICENCE,
  category: 'GROCERY',
  community: { name: '幸福里社区', cityCode: '320102' },
  settlementAccount: { bankName: '江苏银行南京分行', accountNumber: '3201001234567890', holderName: '南京幸福里生鲜超市有限公司' },
  ...overrides,
});

/** A merchant the partner proposed through the open API and the bank approved (as an applied
 *  MERCHANT_REVIEW change does; the console's maker-checker is tested in console-partners). */
export async function approvedMerchant(who: TestPartner, outMerchantNo: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const proposed = await openCall(merchantsHandler, who.credentials, { method: 'POST', path: '/v1/open/merchants', body: merchantProposal(outMerchantNo, overrides), idempotencyKey: `proposal-${outMerchantNo}` });
  if (proposed.status !== 200) throw new Error(`proposal refused: ${JSON.stringify(proposed.body)}`);
  const record = await getMerchant(who.partner.partnerId, proposed.body.merchantId);
  if (!record || !(await decideMerchant(record.merchant, 'ACTIVE', '', 'test-approval', new Date()))) throw new Error('merchant not approved');
  return proposed.body.merchantId;
}

/** Books a deposit to the partner's reserve, as an approved PARTNER_RESERVE change does (the
 *  console's maker-checker is tested in console-partners). The same `changeId` books it once. */
export async function fundReserve(who: TestPartner, amountFen: number, changeId = `test-deposit-${randomBytes(8).toString('hex')}`): Promise<void> {
  await bookReserveDeposit({ partnerId: who.partner.partnerId, amountFen, bankReference: `TEST-${randomBytes(6).toString('hex')}` }, changeId, new Date());
}
