// The open platform in the operations console: partners as the bank keeps them, with the change
// waiting on each, drafts submitted as maker-checker changes (PARTNER); and merchants partners
// proposed, reviewed by one operator and decided only when a second approves (MERCHANT_REVIEW).
// Nothing here writes a partner or a merchant's status by itself.
import { randomInt } from 'node:crypto';
import type { ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import type { Merchant, MerchantReviewDecision } from '../domain/open/merchant.js';
import { MAX_PARTNERS, type Partner, type PartnerDraft } from '../domain/open/partner.js';
import { formatYuan } from '../domain/format.js';
import { allInOrder } from '../platform/all-in-order.js';
import { settlementGateway } from '../adapters/settlement-gateway.js';
import { config } from '../config.js';
import { webhookUrlProblem } from '../domain/open/webhook-url.js';
import { decrypt } from '../store/crypto.js';
import * as partners from '../store/partners.js';
import { merchantEntityId } from './change-kinds/merchant-review.js';
import { partnerEntityId } from './change-kinds/partner.js';
import { partnerReserveEntityId } from './change-kinds/partner-reserve.js';
import { pendingChangeIds, pendingChangeOf, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

export interface ConsolePartnerRow extends partners.PartnerRecord {
  pendingChangeId?: string;
}

/** Every partner, suspended ones included, by name, with the change waiting on each. */
export async function consolePartners(): Promise<ConsolePartnerRow[]> {
  const records = await partners.partnerRecords();
  const pending = await pendingChangeIds(records.map(({ partner }) => partnerEntityId(partner.partnerId)));
  return records
    .map((record) => {
      const pendingChangeId = pending.get(partnerEntityId(record.partner.partnerId));
      return { ...record, ...(pendingChangeId ? { pendingChangeId } : {}) };
    })
    .sort((a, b) => a.partner.name.localeCompare(b.partner.name, 'zh-CN'));
}

export async function consolePartner(partnerId: string): Promise<partners.PartnerRecord & { pendingChange?: ChangeRequest }> {
  const [found, pendingChange] = await allInOrder([partners.getPartnerRecord(partnerId), pendingChangeOf(partnerEntityId(partnerId))]);
  const record = found ?? refuse('not_found', 'PARTNER_NOT_FOUND', '未找到该合作方');
  return { ...record, ...(pendingChange ? { pendingChange } : {}) };
}

const ID_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newPartnerId = () => `P${Array.from({ length: 7 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;

/** A new partner, a change to one or its suspension, submitted for a checker. A key the partner
 *  already has keeps the time it was added; a new one is added now. */
export async function submitPartnerChange(draft: PartnerDraft, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  for (const url of draft.webhookUrls) {
    // Only the local stage may deliver to a loopback address (the partner simulator's).
    const problem = webhookUrlProblem(url, config().ALLOW_LOOPBACK_WEBHOOKS);
    if (problem) refuse('invalid', 'WEBHOOK_URL_REFUSED', `事件通知地址${problem}：${url}`);
  }
  const current = draft.partnerId ? ((await partners.getPartnerRecord(draft.partnerId))?.partner ?? refuse('not_found', 'PARTNER_NOT_FOUND', '未找到该合作方')) : undefined;
  if (!current && (await partners.partnerRecords()).length >= MAX_PARTNERS) refuse('unprocessable', 'TOO_MANY_PARTNERS', `合作方最多 ${MAX_PARTNERS} 家`);
  const partner: Partner = {
    ...draft,
    partnerId: current?.partnerId ?? newPartnerId(),
    keys: draft.keys.map((key) => ({ ...key, addedAt: current?.keys.find((held) => held.serialNo === key.serialNo && held.publicKeyPem === key.publicKeyPem)?.addedAt ?? now.toISOString() })),
  };
  const verb = !current ? '接入' : partner.status === current.status ? '变更' : partner.status === 'SUSPENDED' ? '暂停' : '恢复';
  return submitChange({
    kind: 'PARTNER',
    entityId: partnerEntityId(partner.partnerId),
    entityLabel: `${verb}合作方 ${partner.name}`,
    before: current ?? null,
    after: partner,
    effectiveAt,
    maker,
    now,
  });
}

export const REVIEW_PAGE_SIZE = 50;

export interface MerchantUnderReview {
  merchant: Merchant;
  partnerName: string;
  pendingChangeId?: string;
}

/** The merchants waiting for the bank, oldest first, with their partner's name and the review
 *  waiting on each. */
export async function merchantReviewQueue(cursor: string | undefined): Promise<{ merchants: MerchantUnderReview[]; nextCursor: string | null }> {
  const page = await partners.merchantReviewPage(cursor, REVIEW_PAGE_SIZE);
  const [records, partnerList, pending] = await allInOrder([
    Promise.all(page.entries.map((entry) => partners.getMerchant(entry.partnerId, entry.merchantId))),
    partners.partnerRecords(),
    pendingChangeIds(page.entries.map((entry) => merchantEntityId(entry.merchantId))),
  ]);
  const names = new Map(partnerList.map(({ partner }) => [partner.partnerId, partner.name]));
  const merchants = records.flatMap((record) => {
    if (!record) return [];
    const pendingChangeId = pending.get(merchantEntityId(record.merchant.merchantId));
    return [{ merchant: record.merchant, partnerName: names.get(record.merchant.partnerId) ?? record.merchant.partnerId, ...(pendingChangeId ? { pendingChangeId } : {}) }];
  });
  return { merchants, nextCursor: page.lastKey ?? null };
}

/** One merchant as the console shows it, with its partner's name and the review waiting on it. */
export async function consoleMerchant(partnerId: string, merchantId: string): Promise<MerchantUnderReview & { pendingChange?: ChangeRequest }> {
  const [record, partner, pendingChange] = await allInOrder([partners.getMerchant(partnerId, merchantId), partners.getPartnerRecord(partnerId), pendingChangeOf(merchantEntityId(merchantId))]);
  if (!record || !partner) return refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在');
  return { merchant: record.merchant, partnerName: partner.partner.name, ...(pendingChange ? { pendingChange } : {}) };
}

/** A reviewer's decision on a waiting merchant, submitted for a checker. The settlement gateway is
 *  asked who holds the settlement account first: an approval needs it to be the merchant's
 *  registered name, and the answer rides in the change for the checker to see. */
export async function submitMerchantReview(
  review: { partnerId: string; merchantId: string; decision: MerchantReviewDecision; reviewNote: string },
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  const record = (await partners.getMerchant(review.partnerId, review.merchantId)) ?? refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在');
  const { merchant } = record;
  if (merchant.status !== 'PENDING_REVIEW') refuse('conflict', 'MERCHANT_NOT_PENDING', '该商户已不在待审核状态');
  const holderCheck = await settlementGateway().checkAccountHolder({
    bankName: merchant.settlementAccount.bankName,
    accountNumber: await decrypt(record.settlementAccountNumberSealed),
    // The holder must be the merchant itself: its registered name is what is checked.
    holderName: merchant.name,
  });
  if (review.decision === 'APPROVE' && holderCheck !== 'MATCH') {
    refuse('unprocessable', 'SETTLEMENT_HOLDER_MISMATCH', holderCheck === 'ACCOUNT_NOT_FOUND' ? '结算账户不存在，不能通过审核' : '结算账户户名与商户注册名称不一致，不能通过审核');
  }
  return submitChange({
    kind: 'MERCHANT_REVIEW',
    entityId: merchantEntityId(merchant.merchantId),
    entityLabel: `${review.decision === 'APPROVE' ? '通过' : '驳回'}商户进件 ${merchant.shortName}`,
    before: { status: merchant.status },
    after: { partnerId: merchant.partnerId, merchantId: merchant.merchantId, status: review.decision === 'APPROVE' ? 'ACTIVE' : 'REJECTED', reviewNote: review.reviewNote, holderCheck },
    effectiveAt: undefined,
    maker,
    now,
  });
}

/** A partner's deposit to its reserve, as the bank's statement shows it arrived, submitted for a
 *  checker: booked only once approved (PARTNER_RESERVE). */
export async function submitReserveDeposit(partnerId: string, deposit: { amountFen: number; bankReference: string }, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const [record, reserveBalanceFen] = await allInOrder([partners.getPartnerRecord(partnerId), partners.reserveBalanceFen(partnerId)]);
  if (!record) return refuse('not_found', 'PARTNER_NOT_FOUND', '未找到该合作方');
  return submitChange({
    kind: 'PARTNER_RESERVE',
    entityId: partnerReserveEntityId(partnerId),
    entityLabel: `保证金入账 ${record.partner.name} ¥${formatYuan(deposit.amountFen)}`,
    before: { reserveBalanceFen },
    // The balance the deposit would make, as of its submission: the checker reads before → after.
    after: { partnerId, ...deposit, reserveBalanceFen: reserveBalanceFen + deposit.amountFen },
    effectiveAt: undefined,
    maker,
    now,
  });
}

/** The partner's reserve balance and the deposit waiting for a checker, if any. */
export async function consoleReserve(partnerId: string): Promise<{ reserveBalanceFen: number; pendingChangeId?: string }> {
  const [reserveBalanceFen, pending] = await allInOrder([partners.reserveBalanceFen(partnerId), pendingChangeOf(partnerReserveEntityId(partnerId))]);
  return { reserveBalanceFen, ...(pending ? { pendingChangeId: pending.changeId } : {}) };
}
