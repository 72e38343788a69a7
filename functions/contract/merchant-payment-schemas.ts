// What a customer sends and gets paying the open platform's merchants (社区生活): orders partners
// made, the merchants of a community, and a merchant's static code (收款码) with the amount the
// customer enters.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { COMMUNITY_MERCHANT_PAGE, MAX_COMMUNITIES, MERCHANT_CATEGORIES, MERCHANT_ID_PATTERN } from '../domain/open/merchant.js';
import { MAX_STATIC_CODE_DAILY_FEN } from '../domain/limits.js';
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

export const CommunityList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ communities: z.array(z.object({ cityCode: z.string(), name: z.string(), merchantCount: z.int() })) })
    .check(z.meta({ id: 'CommunityList', description: `Communities with merchants that take payments, by city code then name, at most ${MAX_COMMUNITIES}` })),
);

export const CommunityMerchantQuery = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    cityCode: z.string().check(z.regex(/^\d{6}$/)),
    community: z.string().check(z.minLength(2), z.maxLength(30), z.regex(/^[\p{L}\p{N}（）()·、，,\- ]+$/u)),
    category: z.optional(z.enum(MERCHANT_CATEGORIES)),
    cursor: z.optional(z.string().check(z.maxLength(200))),
  }),
);

const CommunityMerchantLine = /* @__PURE__ */ lazySchema(() =>
  z.object({ merchantId: z.string(), shortName: z.string(), category: z.enum(MERCHANT_CATEGORIES), communityName: z.string() }),
);

export const CommunityMerchantPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ merchants: z.array(CommunityMerchantLine), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'CommunityMerchantPage', description: `A community's merchants that take payments, by category, ${COMMUNITY_MERCHANT_PAGE} a page` })),
);

export const CommunityMerchantIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)) }));

export const CommunityMerchant = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      merchantId: z.string(),
      shortName: z.string(),
      category: z.enum(MERCHANT_CATEGORIES),
      communityName: z.string(),
      staticCode: z.object({
        /** What static codes may take from one customer in a day (银发〔2017〕296号: at most ¥500). */
        dailyLimitFen: z.int(),
        /** What is left of it today for this customer. */
        remainingTodayFen: z.int(),
      }),
    })
    .check(z.meta({ id: 'CommunityMerchant', description: "A merchant's page: who it is and what its static code (收款码) can still take from me today" })),
);

export const MerchantCodePayRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      /** The amount the customer entered: a static code carries none. */
      amountFen: z.int().check(z.minimum(1), z.maximum(MAX_STATIC_CODE_DAILY_FEN)),
      secondFactor: SecondFactor,
    })
    .check(z.meta({ id: 'MerchantCodePayRequest' })),
);
