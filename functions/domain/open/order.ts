// Orders a partner creates for one of its merchants (下单): the customer opens one in Jinlin, sees
// the merchant and the amount on the review sheet and pays it from the e-account. An order is paid
// at most once, is no longer payable once it expires, and can be closed while unpaid. The fee is
// fixed when the order is paid (the partner's rate then), so a later rate change never moves what
// an earlier payment owes.
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';
import { MERCHANT_ID_PATTERN } from './merchant.js';

export const ORDER_ID_PATTERN = /^O[0-9A-Z]{19}$/;
/** The partner's own order number (商户订单号), unique among its orders. */
export const OUT_TRADE_NO_PATTERN = /^[A-Za-z0-9_-]{6,32}$/;

/** What one order may ask: a community payment, not a house purchase. */
export const MAX_ORDER_AMOUNT_FEN = 5_000_000;
export const MIN_EXPIRY_MINUTES = 1;
/** A property-fee bill may stay open for a week; longer, and the partner should issue a new one. */
export const MAX_EXPIRY_MINUTES = 7 * 24 * 60;
export const DEFAULT_EXPIRY_MINUTES = 30;
export const DESCRIPTION_MAX_LENGTH = 64;

/** Stored states. An UNPAID order past its expiry reads EXPIRED (orderState): nothing is written
 *  when it lapses, and the payment's own condition refuses it. */
export const ORDER_STATES = ['UNPAID', 'PAID', 'CLOSED', 'EXPIRED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export type StoredOrderStatus = Exclude<OrderState, 'EXPIRED'>;
/** How an order came to be: made by its partner (下单), or by a customer paying the merchant's static
 *  code (收款码) an amount of their own — such an order is made paid, and has no partner number. */
export const ORDER_SOURCES = ['ORDER', 'STATIC_CODE'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const ORDER_STATE_LABELS: Record<OrderState, string> = { UNPAID: '待支付', PAID: '已支付', CLOSED: '已关闭', EXPIRED: '已过期' };

export const orderRequestSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)),
    outTradeNo: z.string().check(z.regex(OUT_TRADE_NO_PATTERN)),
    amountFen: z.int().check(z.minimum(1), z.maximum(MAX_ORDER_AMOUNT_FEN)),
    /** What the customer reads on the review sheet and in the order history. */
    description: z.string().check(z.minLength(1), z.maxLength(DESCRIPTION_MAX_LENGTH), z.regex(/^[^\p{C}<>]+$/u)),
    expiresInMinutes: z._default(z.int().check(z.minimum(MIN_EXPIRY_MINUTES), z.maximum(MAX_EXPIRY_MINUTES)), DEFAULT_EXPIRY_MINUTES),
  }),
);
export type OrderRequest = z.infer<typeof orderRequestSchema>;

export interface MerchantOrder {
  orderId: string;
  partnerId: string;
  merchantId: string;
  /** The merchant's name as customers see it, fixed when the order was made. */
  merchantShortName: string;
  source: OrderSource;
  /** The partner's number; null for a static-code payment (the partner hears of it by its event). */
  outTradeNo: string | null;
  amountFen: number;
  description: string;
  status: StoredOrderStatus;
  createdAt: string;
  expiresAt: string;
  /** Set when paid: who paid (never shown to the partner), the journal, the fee owed on it. */
  paidAt: string | null;
  payerCustomerId: string | null;
  /** The e-account it was paid from, where refunds go back. */
  payerAccountId: string | null;
  paymentJournalId: string | null;
  feeFen: number | null;
  closedAt: string | null;
  /** What refunds have given back so far, and their share of the fee. */
  refundedFen: number;
  refundedFeeFen: number;
  /** How many refunds it had (at most MAX_REFUNDS_PER_ORDER). */
  refundCount: number;
}

/** The order's state as of `now`: an unpaid order past its expiry is EXPIRED. */
export function orderState(order: Pick<MerchantOrder, 'status' | 'expiresAt'>, now: Date): OrderState {
  return order.status === 'UNPAID' && order.expiresAt <= now.toISOString() ? 'EXPIRED' : order.status;
}

export const orderExpiry = (now: Date, expiresInMinutes: number): string => new Date(now.getTime() + expiresInMinutes * 60_000).toISOString();

/** The fee on a payment, rounded half up to the fen; at most MAX_FEE_RATE_BPS, so never above the amount. */
export function feeOn(amountFen: number, feeRateBps: number): number {
  const feeFen = Math.floor((amountFen * feeRateBps + 5_000) / 10_000);
  if (!Number.isSafeInteger(feeFen) || feeFen < 0 || feeFen > amountFen) throw new Error(`fee ${feeFen} on ${amountFen} at ${feeRateBps} bps`);
  return feeFen;
}

/** Where the order opens in Jinlin: the mini-program page, and the H5 link where the bank serves
 *  one (a dynamic QR encodes it: WeChat's scanner opens it). */
export const ORDER_PAGE = 'packageCommunity/pages/order/index';
export const orderPagePath = (orderId: string): string => `${ORDER_PAGE}?orderId=${orderId}`;
export const orderH5Url = (origin: string, orderId: string): string => `${origin.replace(/\/+$/, '')}/#/${orderPagePath(orderId)}`;

/** An order as its partner reads it (the API's answer and the webhook's data): never who paid. */
export function partnerOrderView(order: MerchantOrder, now: Date, h5Origin: string | undefined) {
  const state = orderState(order, now);
  return {
    orderId: order.orderId,
    merchantId: order.merchantId,
    source: order.source,
    outTradeNo: order.outTradeNo,
    amountFen: order.amountFen,
    description: order.description,
    state,
    stateLabel: ORDER_STATE_LABELS[state],
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    feeFen: order.feeFen,
    refundedFen: order.refundedFen,
    /** What refunds may still give back (the refund window aside). */
    refundableFen: order.status === 'PAID' ? order.amountFen - order.refundedFen : 0,
    closedAt: order.closedAt,
    payment:
      order.source === 'STATIC_CODE'
        ? null
        : {
            miniProgramPath: orderPagePath(order.orderId),
            h5Url: h5Origin ? orderH5Url(h5Origin, order.orderId) : null,
            qrContent: h5Origin ? orderH5Url(h5Origin, order.orderId) : null,
          },
  };
}
export type PartnerOrderView = ReturnType<typeof partnerOrderView>;

/** A merchant's static code (收款码): the page it opens, where the customer enters the amount. */
export const STATIC_CODE_PAGE = 'packageCommunity/pages/merchant/index';
export const staticCodePagePath = (merchantId: string): string => `${STATIC_CODE_PAGE}?merchantId=${merchantId}`;
export const STATIC_CODE_DESCRIPTION = '扫收款码付款';

/** What the partner prints for an approved merchant's static code. */
export function staticCodeView(merchantId: string, h5Origin: string | undefined) {
  const h5Url = h5Origin ? `${h5Origin.replace(/\/+$/, '')}/#/${staticCodePagePath(merchantId)}` : null;
  return { miniProgramPath: staticCodePagePath(merchantId), h5Url, qrContent: h5Url };
}
