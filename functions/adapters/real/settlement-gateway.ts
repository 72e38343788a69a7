// The settlement gateway (清算通道): how the bank reaches accounts at other banks for its
// merchants: who holds an account (账户户名核验), asked before a merchant is approved, so that a
// merchant's money can only ever be paid to the merchant; and the payouts of the day close's
// settlements, deduplicated by the bank's reference, with their status asked by that reference
// when a payout went unanswered. Its interface and the real client, over HTTPS.
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema.js';
import { HOLDER_CHECK_RESULTS, type HolderCheckResult } from '../../domain/open/merchant.js';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';

export type { HolderCheckResult };

export interface Payout {
  /** The bank's settlement id: the gateway pays one reference once. */
  reference: string;
  bankName: string;
  accountNumber: string;
  holderName: string;
  amountFen: number;
}

export type PayoutAnswer = { ok: true; gatewayReference: string } | { ok: false; code: string; message: string };
export type PayoutStatus = { state: 'PAID'; gatewayReference: string } | { state: 'REFUSED'; code: string; message: string } | { state: 'UNKNOWN' };

export interface SettlementGateway {
  /** Whether `holderName` holds the account at `bankName`; the gateway never tells who does. */
  checkAccountHolder(query: { bankName: string; accountNumber: string; holderName: string }): Promise<HolderCheckResult>;
  /** Pays `amountFen` to the account; refused (ok: false) with the other bank's reason. */
  payout(payout: Payout): Promise<PayoutAnswer>;
  /** What became of a payout the bank sent under `reference` (UNKNOWN: never received). */
  payoutStatus(query: { reference: string }): Promise<PayoutStatus>;
}

const HolderCheckAnswer = /* @__PURE__ */ lazySchema(() => z.object({ result: z.enum(HOLDER_CHECK_RESULTS) }));
const GatewayReference = () => z.string().check(z.minLength(1), z.maxLength(64));
const Refusal = () => ({ code: z.string().check(z.maxLength(64)), message: z.string().check(z.maxLength(200)) });
const PayoutResult = /* @__PURE__ */ lazySchema(() => z.union([z.object({ ok: z.literal(true), gatewayReference: GatewayReference() }), z.object({ ok: z.literal(false), ...Refusal() })]));
const PayoutStatusResult = /* @__PURE__ */ lazySchema(() =>
  z.union([z.object({ state: z.literal('PAID'), gatewayReference: GatewayReference() }), z.object({ state: z.literal('REFUSED'), ...Refusal() }), z.object({ state: z.literal('UNKNOWN') })]),
);

export function httpSettlementGateway(baseUrl: string): SettlementGateway {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetchJson('settlement-gateway', new URL(path, baseUrl).toString(), {
      method,
      ...(body === undefined ? {} : { body }),
      headers: { authorization: `Bearer ${(await secrets()).settlementGatewayToken}` },
      timeoutMs: 5_000,
    });
  return {
    async checkAccountHolder(query) {
      return HolderCheckAnswer.parse(await call('POST', '/v1/account-holder-checks', query)).result;
    },
    async payout(payout) {
      return PayoutResult.parse(await call('POST', '/v1/payouts', payout));
    },
    async payoutStatus({ reference }) {
      return PayoutStatusResult.parse(await call('GET', `/v1/payouts/${encodeURIComponent(reference)}`));
    },
  };
}
