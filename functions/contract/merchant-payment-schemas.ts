// What a customer sends and gets paying the open platform's merchants (社区生活).
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MERCHANT_CATEGORIES } from '../domain/open/merchant.js';
import { ORDER_ID_PATTERN, ORDER_STATES } from '../domain/open/order.js';
import { SecondFactor } from './second-factor-schemas.js';
import { IsoTime, Reference } from './schemas.js';

export const MerchantOrderIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ orderId: z.string().check(z.regex(ORDER_ID_PATTERN)) }));

export const MerchantOrderPayRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ secondFactor: SecondFactor }).check(z.meta({ id: 'MerchantOrderPayRequest' })));

export const CustomerMerchantOrder = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      orderId: z.string(),
      merchantShortName: z.string(),
      merchantCategory: z.nullable(z.enum(MERCHANT_CATEGORIES)),
      communityName: z.nullable(z.string()),
      description: z.string(),
      amountFen: z.int(),
      state: z.enum(ORDER_STATES),
      stateLabel: z.string(),
      expiresAt: IsoTime,
      paidAt: z.nullable(IsoTime),
      /** What refunds gave back so far (the customer's own orders only). */
      refundedFen: z.int(),
    })
    .check(z.meta({ id: 'CustomerMerchantOrder', description: 'An order of a community merchant as the customer sees it' })),
);

export const MerchantOrderPaid = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      order: CustomerMerchantOrder,
      journalId: z.string().check(z.meta({ description: 'The payment journal' })),
      reference: Reference,
      balanceFen: z.int(),
    })
    .check(z.meta({ id: 'MerchantOrderPaid' })),
);

export const CustomerOrderQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(200))) }));

export const CustomerOrderPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      orders: z.array(
        z.object({ orderId: z.string(), merchantShortName: z.string(), description: z.string(), amountFen: z.int(), paidAt: IsoTime, refundedFen: z.int() }),
      ),
      nextCursor: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'CustomerOrderPage', description: 'The community orders the customer paid, newest first, 20 a page' })),
);
