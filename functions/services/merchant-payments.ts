// Customers paying the open platform's merchants (社区生活): an order opened by its link or QR,
// paid from the e-account with the PIN or a biometric. One transaction writes the payment journal
// (customer → the merchant's wallet, the fee to the bank's fee income), the order PAID (only while unpaid and unexpired: paid at
// most once), the payer's order line, the Class II and code-payment limit charges, the second
// factor and the partner's `order.paid` event, so the partner hears of exactly the payments
// that happened. A static code (收款码) is paid the same way, the amount the customer's own: the
// payment makes its order, paid.
import { createHash } from 'node:crypto';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { merchantPaymentJournal } from '../domain/open/journals.js';
import type { Merchant } from '../domain/open/merchant.js';
import { feeOn, type MerchantOrder, orderState, partnerOrderView, STATIC_CODE_DESCRIPTION } from '../domain/open/order.js';
import { HOUSE_ACCOUNTS } from '../domain/ledger.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import { assertWithinSingleLimits, class2Charges, codePayCharge, staticCodeCharge } from '../domain/limits.js';
import { businessDate as calendarDate } from '../domain/time.js';
import { allInOrder } from '../platform/all-in-order.js';
import { getAccount } from '../store/accounts.js';
import { deterministicJournalId, houseShard, postingShortOfFunds, postJournal } from '../store/ledger.js';
import { customerOrderPage, getOrder, ORDER_NOT_PAYABLE, orderPaidGuards, staticCodeOrderGuards } from '../store/merchant-orders.js';
import { getMerchant, getPartnerRecord } from '../store/partners.js';
import { walletDueItem } from '../store/merchant-settlements.js';
import { openEvent } from '../domain/open/webhook.js';
import { webhookEventItems } from '../store/webhooks.js';
import { payableMerchant } from './community-merchants.js';
import { class2Limits, loadCustomer } from './customer-guards.js';
import { loadNonceAccount } from './money-request.js';
import { customerOrder, refuseUnpayable } from './payable-orders.js';
import { type OpenedSecondFactor, requireSecondFactor } from './second-factor.js';

const refuseMerchantUnavailable = (): never => refuse('unprocessable', 'MERCHANT_UNAVAILABLE', '该商户暂停收款，请稍后再试或联系商户');

export interface OrderPaid {
  order: MerchantOrder;
  /** The merchant as customers see it (its category, community); absent if gone from the books. */
  merchant: Merchant | undefined;
  journalId: string;
  balanceFen: number;
}

export async function payMerchantOrder({
  customerId,
  orderId,
  secondFactor,
  now,
  idempotencyKey,
}: {
  customerId: string;
  orderId: string;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
}): Promise<OrderPaid> {
  const journalId = deterministicJournalId(customerId, 'merchantOrderPay', idempotencyKey);
  const [{ customer, account }, order] = await allInOrder([loadNonceAccount(customerId, secondFactor), customerOrder(customerId, orderId)]);
  const balanceNowFen = async () => (await getAccount(account.accountId))!.balanceFen;
  // A retry of this very payment, whose answer was lost: it stands as written.
  const merchantOf = async () => (await getMerchant(order.partnerId, order.merchantId))?.merchant;
  if (order.paymentJournalId === journalId) return { order, merchant: await merchantOf(), journalId, balanceFen: await balanceNowFen() };
  if (orderState(order, now) !== 'UNPAID') refuseUnpayable(order, now);
  const [merchantRecord, partnerRecord] = await allInOrder([getMerchant(order.partnerId, order.merchantId), getPartnerRecord(order.partnerId)]);
  if (merchantRecord?.merchant.status !== 'ACTIVE' || partnerRecord?.partner.status !== 'ACTIVE') return refuseMerchantUnavailable();
  const limits = class2Limits();
  // Paying a merchant is a non-bound outflow of the Class II account (消费).
  assertWithinSingleLimits(order.amountFen, limits, true);
  const factor = await requireSecondFactor(customer, secondFactor, now, idempotencyKey);
  const paid: MerchantOrder = {
    ...order,
    status: 'PAID',
    paidAt: now.toISOString(),
    payerCustomerId: customerId,
    payerAccountId: account.accountId,
    paymentJournalId: journalId,
    feeFen: feeOn(order.amountFen, partnerRecord.partner.feeRateBps),
  };
  const journal = merchantPaymentJournal({
    journalId,
    customerAccountId: account.accountId,
    merchantId: order.merchantId,
    merchantShortName: order.merchantShortName,
    orderId: order.orderId,
    amountFen: order.amountFen,
    feeFen: paid.feeFen!,
    feeShardAccountId: houseShard(HOUSE_ACCOUNTS.MERCHANT_FEE_INCOME, journalId, config().HOUSE_SHARDS),
    createdAt: paid.paidAt!,
  });
  const today = calendarDate(now);
  const limitCharges = [...class2Charges(account.accountId, 'OUT', today, order.amountFen, limits), codePayCharge(account.accountId, today, order.amountFen, config().CODE_PAY_DAILY_FEN)];
  const event = openEvent('order.paid', order.orderId, order.partnerId, paid.paidAt!, partnerOrderView(paid, now, config().H5_ORIGIN));
  const outcome =
    account.balanceFen < order.amountFen
      ? await postingShortOfFunds(journal, account.accountId)
      : await postJournal(journal, {
          limitCharges,
          guards: [...factor.guards, ...orderPaidGuards(paid)],
          records: [...webhookEventItems(event), walletDueItem(order.merchantId, order.partnerId, paid.paidAt!)],
          expectBalance: { accountId: account.accountId, balanceFen: account.balanceFen },
        });
  if (outcome.ok) {
    const merchant = merchantRecord.merchant;
    if (outcome.replayed) return { order: await customerOrder(customerId, orderId), merchant, journalId, balanceFen: await balanceNowFen() };
    return { order: paid, merchant, journalId, balanceFen: outcome.atExpectedBalance ? account.balanceFen - order.amountFen : await balanceNowFen() };
  }
  if (outcome.reason === 'GUARD_FAILED' && outcome.guard === ORDER_NOT_PAYABLE) {
    // Paid by someone else, closed or expired between the read and the write.
    refuseUnpayable((await getOrder(orderId)) ?? order, now);
  }
  if (outcome.reason === 'ACCOUNT_INACTIVE' && outcome.accountId !== account.accountId) refuseMerchantUnavailable();
  throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: factor.texts });
}

const ORDER_ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A static-code payment's order id, drawn from its journal's: the same payment asked again names
 *  the same order, and the order's creation is the payment's own condition. */
function staticCodeOrderId(journalId: string): string {
  const digest = createHash('sha256').update(journalId).digest();
  return `O${Array.from(digest.subarray(0, 19), (byte) => ORDER_ID_ALPHABET[byte % ORDER_ID_ALPHABET.length]).join('')}`;
}

/** Pays a merchant's static code (收款码) the amount the customer entered. The payment makes its
 *  order, paid, in the same transaction as its journal, so the partner refunds and settles it as any
 *  other; static codes are charged their own daily cap besides the code-payment cap and Class II
 *  limits (银发〔2017〕296号). */
export async function payMerchantCode({
  customerId,
  merchantId,
  amountFen,
  secondFactor,
  now,
  idempotencyKey,
}: {
  customerId: string;
  merchantId: string;
  amountFen: number;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
}): Promise<OrderPaid> {
  const journalId = deterministicJournalId(customerId, 'merchantCodePay', idempotencyKey);
  const orderId = staticCodeOrderId(journalId);
  const [{ customer, account }, { merchant, feeRateBps }, earlier] = await allInOrder([loadNonceAccount(customerId, secondFactor), payableMerchant(merchantId), getOrder(orderId)]);
  const balanceNowFen = async () => (await getAccount(account.accountId))!.balanceFen;
  // A retry of this very payment, whose answer was lost: it stands as written.
  if (earlier) {
    if (earlier.payerCustomerId !== customerId || earlier.paymentJournalId !== journalId) throw new Error(`order ${orderId} is not this payment's`);
    return { order: earlier, merchant, journalId, balanceFen: await balanceNowFen() };
  }
  const limits = class2Limits();
  assertWithinSingleLimits(amountFen, limits, true);
  const factor = await requireSecondFactor(customer, secondFactor, now, idempotencyKey);
  const paidAt = now.toISOString();
  const paid: MerchantOrder = {
    orderId,
    partnerId: merchant.partnerId,
    merchantId,
    merchantShortName: merchant.shortName,
    source: 'STATIC_CODE',
    outTradeNo: null,
    amountFen,
    description: STATIC_CODE_DESCRIPTION,
    status: 'PAID',
    createdAt: paidAt,
    expiresAt: paidAt,
    paidAt,
    payerCustomerId: customerId,
    payerAccountId: account.accountId,
    paymentJournalId: journalId,
    feeFen: feeOn(amountFen, feeRateBps),
    closedAt: null,
    refundedFen: 0,
    refundedFeeFen: 0,
    refundCount: 0,
  };
  const journal = merchantPaymentJournal({
    journalId,
    customerAccountId: account.accountId,
    merchantId,
    merchantShortName: merchant.shortName,
    orderId,
    amountFen,
    feeFen: paid.feeFen!,
    feeShardAccountId: houseShard(HOUSE_ACCOUNTS.MERCHANT_FEE_INCOME, journalId, config().HOUSE_SHARDS),
    createdAt: paidAt,
  });
  const today = calendarDate(now);
  const limitCharges = [
    ...class2Charges(account.accountId, 'OUT', today, amountFen, limits),
    codePayCharge(account.accountId, today, amountFen, config().CODE_PAY_DAILY_FEN),
    staticCodeCharge(account.accountId, today, amountFen, config().STATIC_CODE_DAILY_FEN),
  ];
  const event = openEvent('order.paid', orderId, merchant.partnerId, paidAt, partnerOrderView(paid, now, config().H5_ORIGIN));
  const outcome =
    account.balanceFen < amountFen
      ? await postingShortOfFunds(journal, account.accountId)
      : await postJournal(journal, {
          limitCharges,
          guards: [...factor.guards, ...staticCodeOrderGuards(paid)],
          records: [...webhookEventItems(event), walletDueItem(merchantId, merchant.partnerId, paidAt)],
          expectBalance: { accountId: account.accountId, balanceFen: account.balanceFen },
        });
  if (outcome.ok) {
    if (outcome.replayed) return { order: (await getOrder(orderId))!, merchant, journalId, balanceFen: await balanceNowFen() };
    return { order: paid, merchant, journalId, balanceFen: outcome.atExpectedBalance ? account.balanceFen - amountFen : await balanceNowFen() };
  }
  if (outcome.reason === 'ACCOUNT_INACTIVE' && outcome.accountId !== account.accountId) refuseMerchantUnavailable();
  throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: factor.texts });
}

/** The orders the customer paid, newest first. */
export async function customerOrders(customerId: string, cursor: string | undefined) {
  await loadCustomer(customerId);
  const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (after !== undefined && !after.startsWith('MORDER#')) refuse('invalid', 'INVALID_CURSOR', '分页参数无效');
  const { orders, lastSortKey } = await customerOrderPage(customerId, after);
  return { orders, nextCursor: lastSortKey ? Buffer.from(lastSortKey).toString('base64url') : null };
}
