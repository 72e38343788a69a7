// Merchants as partners bring them through the open API (商户进件): proposed, then read back with
// the bank's review status. Only ever within the partner that signed the request.
import { randomInt } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { MAX_MERCHANTS_PER_PARTNER, maskSettlementAccount, type Merchant, type MerchantProposal } from '../domain/open/merchant.js';
import { encrypt } from '../store/crypto.js';
import { getMerchant, merchantPage, partnerUsage, putProposedMerchant } from '../store/partners.js';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const newMerchantId = () => `M${Array.from({ length: 15 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;

/** Records a merchant the partner proposes; it waits for the bank's review. */
export async function proposeMerchant(partnerId: string, proposal: MerchantProposal, now: Date): Promise<Merchant> {
  const { settlementAccount, ...rest } = proposal;
  // The merchant's money is paid only to the merchant: an account in another name is refused here,
  // and the bank's review asks the settlement gateway who really holds it.
  if (settlementAccount.holderName !== proposal.name) refuse('unprocessable', 'SETTLEMENT_HOLDER_NOT_MERCHANT', '结算账户户名须与商户注册名称一致');
  const merchant: Merchant = {
    merchantId: newMerchantId(),
    partnerId,
    ...rest,
    settlementAccount: { bankName: settlementAccount.bankName, accountNumberMasked: maskSettlementAccount(settlementAccount.accountNumber), holderName: settlementAccount.holderName },
    status: 'PENDING_REVIEW',
    proposedAt: now.toISOString(),
  };
  const written = await putProposedMerchant({ merchant, settlementAccountNumberSealed: await encrypt(settlementAccount.accountNumber) });
  if (written === 'number_taken') refuse('conflict', 'OUT_MERCHANT_NO_TAKEN', '该商户编号已进件，请查询原商户');
  if (written === 'too_many') refuse('unprocessable', 'TOO_MANY_MERCHANTS', `每个合作方最多进件 ${MAX_MERCHANTS_PER_PARTNER} 家商户`);
  return merchant;
}

/** One of the partner's merchants; another partner's id answers as an unknown one. */
export async function partnerMerchant(partnerId: string, merchantId: string): Promise<Merchant> {
  return (await getMerchant(partnerId, merchantId))?.merchant ?? refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在');
}

export async function partnerMerchants(partnerId: string, after: string | undefined): Promise<{ merchants: Merchant[]; nextCursor: string | null }> {
  const { merchants, lastMerchantId } = await merchantPage(partnerId, after);
  return { merchants, nextCursor: lastMerchantId ?? null };
}

/** What the partner may still do, from the same figures the bank's conditions hold it to: requests
 *  left this minute, merchants it may still bring, and what its reserve can still refund. */
export async function partnerQuota(partner: { partnerId: string; rateLimitPerMinute: number }, now: Date) {
  const usage = await partnerUsage(partner.partnerId, now);
  return {
    requestsPerMinute: { limit: partner.rateLimitPerMinute, remaining: Math.max(0, partner.rateLimitPerMinute - usage.requestsThisMinute) },
    merchants: { limit: MAX_MERCHANTS_PER_PARTNER, remaining: Math.max(0, MAX_MERCHANTS_PER_PARTNER - usage.merchants) },
    reserveBalanceFen: usage.reserveFen,
  };
}
