// Refunds as partners ask for them through the open API (退款): of the partner's own paid orders,
// in full or in parts. One transaction writes the MERCHANT_REFUND journal (the merchant's part from
// its wallet, or its partner's reserve when the wallet holds too little; the fee's share from the
// fee income; all of it to the e-account that paid), the order's refunded totals (conditional on
// them being as read, so concurrent refunds never count on the same room: never more than was
// paid), the refund and its number, the payer's order line and the `refund.succeeded` event.
// A refund credits the customer's own payment back: it does not count against the Class II
// inflow limits (so it is never refused for them), and does not give back the outflow the
// payment used (docs/OPEN-API.md).
import { randomInt } from 'node:crypto';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { HOUSE_ACCOUNTS } from '../domain/ledger.js';
import { merchantRefundJournal, type RefundSource, reserveAccountId, walletAccountId } from '../domain/open/journals.js';
import { type MerchantOrder, partnerOrderView } from '../domain/open/order.js';
import { feeRefundOf, MAX_REFUNDS_PER_ORDER, type MerchantRefund, partnerRefundView, type RefundRequest, withinRefundWindow } from '../domain/open/refund.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { deterministicJournalId, houseShard, postJournal } from '../store/ledger.js';
import {
  customerOrderRefundItem,
  getRefund,
  ORDER_REFUNDS_MOVED,
  OUT_REFUND_NO_TAKEN,
  refundGuards,
  refundIdOfOutRefundNo,
  refundSourceBalances,
} from '../store/merchant-orders.js';
import { openEvent } from '../domain/open/webhook.js';
import { webhookEventItems } from '../store/webhooks.js';
import { partnerOrder } from './open-orders.js';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const newRefundId = () => `R${Array.from({ length: 19 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;

const REFUND_NOT_FOUND = ['REFUND_NOT_FOUND', '退款不存在'] as const;

/** Another refund of the same order, or a movement of the wallet, came between the read and the
 *  write: read again and decide again, a few times. */
const REFUND_CONTENTION: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200, retryable: isTryAgain };

/** One of the partner's refunds. */
export async function partnerRefund(partnerId: string, refundId: string): Promise<MerchantRefund> {
  const refund = await getRefund(refundId);
  if (!refund || refund.partnerId !== partnerId) return refuse('not_found', ...REFUND_NOT_FOUND);
  return refund;
}

export async function partnerRefundByOutRefundNo(partnerId: string, outRefundNo: string): Promise<MerchantRefund> {
  const refundId = await refundIdOfOutRefundNo(partnerId, outRefundNo);
  return refundId ? partnerRefund(partnerId, refundId) : refuse('not_found', ...REFUND_NOT_FOUND);
}

/** The refund a number already names: the same refund asked again answers it; anything else
 *  under that number is refused. */
async function earlierRefund(partnerId: string, orderId: string, request: RefundRequest): Promise<MerchantRefund | undefined> {
  const refundId = await refundIdOfOutRefundNo(partnerId, request.outRefundNo);
  if (!refundId) return undefined;
  const refund = await getRefund(refundId);
  if (refund?.orderId === orderId && refund.amountFen === request.amountFen) return refund;
  return refuse('conflict', 'OUT_REFUND_NO_TAKEN', '该退款单号已用于另一笔退款');
}

function refusePastRefunds(order: MerchantOrder, request: RefundRequest, now: Date): void {
  if (order.status !== 'PAID' || !order.paidAt) return refuse('unprocessable', 'ORDER_NOT_PAID', '订单未支付，不能退款');
  if (!withinRefundWindow(order.paidAt, now, config().REFUND_WINDOW_DAYS)) refuse('unprocessable', 'REFUND_WINDOW_CLOSED', `已超过退款期限（支付后 ${config().REFUND_WINDOW_DAYS} 天内）`);
  if (request.amountFen > order.amountFen - order.refundedFen) refuse('unprocessable', 'REFUND_EXCEEDS_PAID', '退款金额超过订单剩余可退金额');
}

export async function createRefund(partnerId: string, orderId: string, request: RefundRequest, now: Date): Promise<MerchantRefund> {
  const journalId = deterministicJournalId(partnerId, 'merchantRefund', request.outRefundNo);
  return retry(REFUND_CONTENTION, async () => {
    const [order, earlier] = await Promise.all([partnerOrder(partnerId, orderId), earlierRefund(partnerId, orderId, request)]);
    if (earlier) return earlier;
    refusePastRefunds(order, request, now);
    if (order.refundCount >= MAX_REFUNDS_PER_ORDER) {
      refuse('unprocessable', 'TOO_MANY_REFUNDS', `一笔订单最多分 ${MAX_REFUNDS_PER_ORDER} 次退款`);
    }
    const feeRefundFen = feeRefundOf(order, request.amountFen);
    const merchantPartFen = request.amountFen - feeRefundFen;
    const { walletFen, reserveFen } = await refundSourceBalances(walletAccountId(order.merchantId), reserveAccountId(partnerId));
    const source: RefundSource | undefined = walletFen >= merchantPartFen ? 'WALLET' : reserveFen >= merchantPartFen ? 'RESERVE' : undefined;
    if (!source) return refuse('unprocessable', 'REFUND_FUNDS_INSUFFICIENT', '商户待结算资金与合作方保证金均不足，暂不能退款');
    const refund: MerchantRefund = {
      refundId: newRefundId(),
      partnerId,
      orderId,
      merchantId: order.merchantId,
      outRefundNo: request.outRefundNo,
      outTradeNo: order.outTradeNo,
      amountFen: request.amountFen,
      feeRefundFen,
      reason: request.reason ?? null,
      source,
      journalId,
      createdAt: now.toISOString(),
    };
    const journal = merchantRefundJournal({
      journalId,
      customerAccountId: order.payerAccountId!,
      merchantId: order.merchantId,
      partnerId,
      merchantShortName: order.merchantShortName,
      orderId,
      refundId: refund.refundId,
      amountFen: refund.amountFen,
      feeRefundFen,
      feeShardAccountId: houseShard(HOUSE_ACCOUNTS.MERCHANT_FEE_INCOME, journalId, config().HOUSE_SHARDS),
      source,
      createdAt: refund.createdAt,
    });
    const refundedOrder = { ...order, refundedFen: order.refundedFen + refund.amountFen, refundedFeeFen: order.refundedFeeFen + feeRefundFen };
    const events = [
      openEvent('refund.succeeded', refund.refundId, partnerId, refund.createdAt, { ...partnerRefundView(refund), order: partnerOrderView(refundedOrder, now, config().H5_ORIGIN) }),
    ];
    const outcome = await postJournal(journal, {
      guards: refundGuards(order, refund, MAX_REFUNDS_PER_ORDER),
      records: [customerOrderRefundItem(order, refund.amountFen), ...events.flatMap(webhookEventItems)],
    });
    if (outcome.ok) {
      // Written by an earlier try of this very refund number, whose answer was lost.
      if (outcome.replayed) return partnerRefundByOutRefundNo(partnerId, request.outRefundNo);
      return refund;
    }
    if (outcome.reason === 'GUARD_FAILED' && (outcome.guard === ORDER_REFUNDS_MOVED || outcome.guard === OUT_REFUND_NO_TAKEN)) throw new TryAgain('the order’s refunds moved');
    if (outcome.reason === 'INSUFFICIENT_FUNDS') throw new TryAgain('the wallet or the reserve moved');
    if (outcome.reason === 'ACCOUNT_CLOSED' && outcome.accountId === order.payerAccountId) {
      return refuse('unprocessable', 'PAYER_ACCOUNT_CLOSED', '付款人电子账户已销户，无法原路退回，请线下与客户协商');
    }
    throw new Error(`refund ${refund.refundId} refused unexpectedly: ${JSON.stringify(outcome)}`);
  }).catch((error: unknown) => {
    if (isTryAgain(error)) refuse('conflict', 'REFUND_BUSY', '该订单正在处理其他退款，请稍后重试');
    throw error;
  });
}
