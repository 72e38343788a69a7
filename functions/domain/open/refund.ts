// Refunds of paid orders (退款), asked by the partner: in full or in parts, never more than was
// paid, each once (by the partner's refund number), within the refund window, back to the e-account
// that paid. The fee comes back in proportion: its shares are worked out on the running total, so
// whatever the parts, a full refund gives back exactly the fee that was paid.
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';
import type { MerchantOrder } from './order.js';
import type { RefundSource } from './journals.js';

export const REFUND_ID_PATTERN = /^R[0-9A-Z]{19}$/;
export const OUT_REFUND_NO_PATTERN = /^[A-Za-z0-9_-]{6,32}$/;
/** Parts one order may be refunded in: a basket returned item by item, not a stream. */
export const MAX_REFUNDS_PER_ORDER = 20;
export const REFUND_REASON_MAX_LENGTH = 80;

export const refundRequestSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    outRefundNo: z.string().check(z.regex(OUT_REFUND_NO_PATTERN)),
    amountFen: z.int().check(z.minimum(1), z.maximum(5_000_000)),
    /** Shown to the customer with the refund (退款原因). */
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(REFUND_REASON_MAX_LENGTH), z.regex(/^[^\p{C}<>]+$/u))),
  }),
);
export type RefundRequest = z.infer<typeof refundRequestSchema>;

export interface MerchantRefund {
  refundId: string;
  partnerId: string;
  orderId: string;
  merchantId: string;
  outRefundNo: string;
  outTradeNo: string | null;
  amountFen: number;
  feeRefundFen: number;
  reason: string | null;
  /** Where the merchant's part came from: its wallet, or its partner's reserve. */
  source: RefundSource;
  journalId: string;
  createdAt: string;
}

/** The fee's share of refunding `amountFen` more of `order`: the fee on the refunded total after
 *  it, less what earlier refunds gave back. */
export function feeRefundOf(order: Pick<MerchantOrder, 'amountFen' | 'feeFen' | 'refundedFen' | 'refundedFeeFen'>, amountFen: number): number {
  const feeFen = order.feeFen ?? 0;
  const refundedAfterFen = order.refundedFen + amountFen;
  if (refundedAfterFen > order.amountFen) throw new Error(`refund of ${amountFen} beyond ${order.amountFen - order.refundedFen} left`);
  const feeBackAfterFen = Math.floor((feeFen * refundedAfterFen * 2 + order.amountFen) / (order.amountFen * 2));
  const shareFen = feeBackAfterFen - order.refundedFeeFen;
  if (!Number.isSafeInteger(shareFen) || shareFen < 0 || shareFen > amountFen) throw new Error(`fee share ${shareFen} of a refund of ${amountFen}`);
  return shareFen;
}

/** Whether a refund asked at `now` is within the window after the payment. */
export const withinRefundWindow = (paidAt: string, now: Date, windowDays: number): boolean => now.getTime() - Date.parse(paidAt) <= windowDays * 86_400_000;

/** A refund as its partner reads it (the API's answer and the webhook's data). */
export const partnerRefundView = (refund: MerchantRefund) => ({
  refundId: refund.refundId,
  orderId: refund.orderId,
  merchantId: refund.merchantId,
  outRefundNo: refund.outRefundNo,
  outTradeNo: refund.outTradeNo,
  amountFen: refund.amountFen,
  feeRefundFen: refund.feeRefundFen,
  reason: refund.reason,
  fundsSource: refund.source,
  state: 'SUCCEEDED' as const,
  createdAt: refund.createdAt,
});
