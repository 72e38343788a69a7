// The open platform's contract (/v1/open/…): what a partner sends and gets. A partner sees its own
// merchants only, and of a settlement account only the last four digits it gave.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MERCHANT_CATEGORIES, MERCHANT_ID_PATTERN, MERCHANT_STATUSES, merchantProposalSchema } from '../domain/open/merchant.js';
import { ORDER_ID_PATTERN, ORDER_SOURCES, ORDER_STATES, orderRequestSchema, OUT_TRADE_NO_PATTERN } from '../domain/open/order.js';
import { OUT_REFUND_NO_PATTERN, REFUND_ID_PATTERN, refundRequestSchema } from '../domain/open/refund.js';
import { SETTLEMENT_ID_PATTERN, SETTLEMENT_STATUSES } from '../domain/open/settlement.js';

export const MerchantProposal = /* @__PURE__ */ lazySchema(() =>
  merchantProposalSchema.check(z.meta({ id: 'OpenMerchantProposal', description: 'A merchant the partner brings: it waits for the bank’s review before it can take a payment' })),
);

export const MerchantIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)) }));

export const MerchantPageQuery = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ after: z.optional(z.string().check(z.regex(MERCHANT_ID_PATTERN), z.meta({ description: 'The nextCursor of the page before' }))) }),
);

export const OpenMerchant = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      merchantId: z.string(),
      outMerchantNo: z.string(),
      name: z.string(),
      shortName: z.string(),
      licenceNo: z.string(),
      category: z.enum(MERCHANT_CATEGORIES),
      community: z.object({ name: z.string(), cityCode: z.string() }),
      settlementAccount: z.object({ bankName: z.string(), accountNumberMasked: z.string(), holderName: z.string() }),
      status: z.enum(MERCHANT_STATUSES),
      statusLabel: z.string(),
      proposedAt: z.string().check(z.meta({ description: 'ISO-8601 time' })),
      reviewNote: z.optional(z.string()),
      staticCode: z
        .nullable(
          z.object({
            miniProgramPath: z.string().check(z.meta({ description: 'The Jinlin mini-program page the code opens: the customer enters the amount' })),
            h5Url: z.nullable(z.string()),
            qrContent: z.nullable(z.string()).check(z.meta({ description: 'What the printed static QR (收款码) encodes (the H5 link)' })),
          }),
        )
        .check(z.meta({ description: 'The merchant’s static code, once the bank approved it. Customers pay it at most STATIC_CODE_DAILY_FEN (¥500) a day each; each payment reaches you as order.paid with source STATIC_CODE' })),
    })
    .check(z.meta({ id: 'OpenMerchant', description: 'One of the partner’s merchants, as the bank holds it' })),
);

export const OpenMerchantPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      merchants: z.array(OpenMerchant),
      nextCursor: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'OpenMerchantPage', description: 'The partner’s merchants by id, 50 a page' })),
);

export const OrderRequest = /* @__PURE__ */ lazySchema(() =>
  orderRequestSchema.check(
    z.meta({ id: 'OpenOrderRequest', description: 'An order for one of the partner’s approved merchants; expiresInMinutes 1–10080, 30 by default' }),
  ),
);

export const OrderIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ orderId: z.string().check(z.regex(ORDER_ID_PATTERN)) }));
export const OutTradeNoParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ outTradeNo: z.string().check(z.regex(OUT_TRADE_NO_PATTERN)) }));

export const OpenOrder = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      orderId: z.string(),
      merchantId: z.string(),
      source: z.enum(ORDER_SOURCES).check(z.meta({ description: 'ORDER: one you made; STATIC_CODE: a customer paid the merchant’s static code (收款码) an amount of their own — it is made paid' })),
      outTradeNo: z.nullable(z.string()).check(z.meta({ description: 'Your order number; null for a static-code payment' })),
      amountFen: z.int(),
      description: z.string(),
      state: z.enum(ORDER_STATES).check(z.meta({ description: 'UNPAID, PAID, CLOSED, or EXPIRED (unpaid past expiresAt: it can no longer be paid)' })),
      stateLabel: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      paidAt: z.nullable(z.string()),
      feeFen: z.nullable(z.int()).check(z.meta({ description: 'The fee on the payment, fixed when it was paid; kept from what the merchant is paid' })),
      refundedFen: z.int(),
      refundableFen: z.int().check(z.meta({ description: 'What refunds may still give back: the amount paid less what was refunded (0 unless PAID)' })),
      closedAt: z.nullable(z.string()),
      payment: z.nullable(z.object({
        miniProgramPath: z.string().check(z.meta({ description: 'The Jinlin mini-program page that opens the order (navigateToMiniProgram path)' })),
        h5Url: z.nullable(z.string()).check(z.meta({ description: 'The H5 link, where the bank serves its H5 build' })),
        qrContent: z.nullable(z.string()).check(z.meta({ description: 'What a dynamic QR for the order encodes (the H5 link)' })),
      })).check(z.meta({ description: 'Where the customer pays it; null for a static-code payment' })),
    })
    .check(z.meta({ id: 'OpenOrder', description: 'One of the partner’s orders; never who paid it' })),
);

export const RefundRequest = /* @__PURE__ */ lazySchema(() =>
  refundRequestSchema.check(z.meta({ id: 'OpenRefundRequest', description: 'A refund of a paid order, in full or in part; the same outRefundNo asked again answers the same refund' })),
);

export const RefundIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ refundId: z.string().check(z.regex(REFUND_ID_PATTERN)) }));
export const OutRefundNoParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ outRefundNo: z.string().check(z.regex(OUT_REFUND_NO_PATTERN)) }));

export const OpenRefund = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      refundId: z.string(),
      orderId: z.string(),
      merchantId: z.string(),
      outRefundNo: z.string(),
      outTradeNo: z.nullable(z.string()),
      amountFen: z.int(),
      feeRefundFen: z.int().check(z.meta({ description: 'The fee’s share given back with this refund' })),
      reason: z.nullable(z.string()),
      fundsSource: z.enum(['WALLET', 'RESERVE']).check(z.meta({ description: 'Where the merchant’s part came from: its wallet, or your reserve (保证金) when the wallet held too little' })),
      state: z.literal('SUCCEEDED').check(z.meta({ description: 'A refund is made at once, or refused with nothing done' })),
      createdAt: z.string(),
    })
    .check(z.meta({ id: 'OpenRefund', description: 'A refund, back to the e-account that paid' })),
);

export const SettlementFileQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ closedDate: z.iso.date().check(z.meta({ description: 'The business date the day close settled' })) }));
export const SettlementIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ settlementId: z.string().check(z.regex(SETTLEMENT_ID_PATTERN)) }));

export const OpenSettlement = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      settlementId: z.string(),
      merchantId: z.string(),
      outMerchantNo: z.string(),
      closedDate: z.string(),
      amountFen: z.int().check(z.meta({ description: 'Paid to the merchant: its payments less the fees and the refunds its wallet paid' })),
      status: z.enum(SETTLEMENT_STATUSES).check(z.meta({ description: 'PAYING (the gateway has not answered), PAID, or RETURNED (refused: the money waits for the next close)' })),
      statusLabel: z.string(),
      settlementAccount: z.object({ bankName: z.string(), accountNumberMasked: z.string(), holderName: z.string() }),
      gatewayReference: z.nullable(z.string()),
      failure: z.nullable(z.object({ code: z.string(), message: z.string() })),
      createdAt: z.string(),
      finishedAt: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'OpenSettlement', description: 'One merchant’s settlement of one closed date' })),
);

export const OpenSettlementFile = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      closedDate: z.string(),
      settlements: z.array(OpenSettlement),
      totals: z.object({ count: z.int(), paidFen: z.int(), returnedCount: z.int(), payingCount: z.int() }),
    })
    .check(z.meta({ id: 'OpenSettlementFile', description: 'The partner’s settlement file for a closed date: each of its merchants settled that day' })),
);

export const OpenStatement = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      settlement: OpenSettlement,
      lines: z.array(
        z.object({
          at: z.string(),
          type: z.enum(['PAYMENT', 'REFUND']),
          orderId: z.nullable(z.string()),
          refundId: z.nullable(z.string()),
          netFen: z.int().check(z.meta({ description: 'What it added to the settlement (a payment less its fee) or took (a refund less the fee’s share, negative)' })),
        }),
      ),
      truncated: z.boolean().check(z.meta({ description: 'More than 1,000 lines: read the rest from the orders' })),
    })
    .check(z.meta({ id: 'OpenStatement', description: 'A merchant’s statement for one settlement: the payments and refunds it paid out' })),
);

export const OpenQuota = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      requestsPerMinute: z.object({ limit: z.int(), remaining: z.int().check(z.meta({ description: 'Requests left in this minute, this one counted' })) }),
      merchants: z.object({ limit: z.int(), remaining: z.int() }),
      reserveBalanceFen: z.int().check(z.meta({ description: 'Your reserve (保证金): what it can still pay of refunds when a merchant’s wallet holds too little' })),
    })
    .check(z.meta({ id: 'OpenQuota', description: 'What you may still do: the same figures the bank’s limits hold you to' })),
);
