// The settlement gateway (清算通道): how the bank reaches accounts at other banks for its
// merchants. Today: who holds an account (账户户名核验), asked before a merchant is approved, so
// that a merchant's money can only ever be paid to the merchant. Its interface and the real
// client, over HTTPS.
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema.js';
import { HOLDER_CHECK_RESULTS, type HolderCheckResult } from '../../domain/open/merchant.js';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';

export type { HolderCheckResult };

export interface SettlementGateway {
  /** Whether `holderName` holds the account at `bankName`; the gateway never tells who does. */
  checkAccountHolder(query: { bankName: string; accountNumber: string; holderName: string }): Promise<HolderCheckResult>;
}

const HolderCheckAnswer = lazySchema(() => z.object({ result: z.enum(HOLDER_CHECK_RESULTS) }));

export function httpSettlementGateway(baseUrl: string): SettlementGateway {
  return {
    async checkAccountHolder(query) {
      const body = await fetchJson('settlement-gateway', new URL('/v1/account-holder-checks', baseUrl).toString(), {
        method: 'POST',
        body: query,
        headers: { authorization: `Bearer ${(await secrets()).settlementGatewayToken}` },
        timeoutMs: 5_000,
      });
      return HolderCheckAnswer.parse(body).result;
    },
  };
}
