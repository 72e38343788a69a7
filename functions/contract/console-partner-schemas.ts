// 开放平台 in the console's contract: partners (a draft is the whole partner, submitted as a change
// for a checker) and the merchants partners proposed, reviewed under maker-checker. A settlement
// account shows its last four digits only.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MERCHANT_CATEGORIES, MERCHANT_ID_PATTERN, MERCHANT_REVIEW_DECISIONS, MERCHANT_STATUSES, REVIEW_NOTE_MAX_LENGTH } from '../domain/open/merchant.js';
import { PARTNER_SCOPES, PARTNER_STATUSES, partnerDraftSchema, partnerSchema } from '../domain/open/partner.js';
import { PARTNER_ID_PATTERN } from '../domain/open/signature.js';
import { EVENT_ID_PATTERN, OPEN_EVENT_TYPES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_ERROR_CODES } from '../domain/open/webhook.js';
import { ChangeRequestView, EffectiveAt } from './console-change-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const Partner = /* @__PURE__ */ lazySchema(() => partnerSchema.check(z.meta({ id: 'Partner', description: 'An open-platform partner: scopes, public keys by serial, webhook URLs, fee rate, rate limit' })));

export const PartnerIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ partnerId: z.string().check(z.regex(PARTNER_ID_PATTERN)) }));

export const ConsolePartnerList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      partners: z.array(
        z.object({
          partnerId: z.string(),
          name: z.string(),
          status: z.enum(PARTNER_STATUSES),
          scopes: z.array(z.enum(PARTNER_SCOPES)),
          keySerials: z.array(z.string()),
          feeRateBps: z.int(),
          rateLimitPerMinute: z.int(),
          updatedAt: IsoTime,
          pendingChangeId: z.optional(z.string()),
        }),
      ),
      /** Each scope in Chinese, for the list and the form. */
      scopeLabels: z.record(z.enum(PARTNER_SCOPES), z.string()),
    })
    .check(z.meta({ id: 'ConsolePartnerList', description: 'By name' })),
);

export const ConsolePartnerDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      current: Partner,
      updatedAt: IsoTime,
      lastChangeId: z.optional(z.string()),
      pendingChange: z.optional(ChangeRequestView),
      reserve: z.object({
        reserveBalanceFen: z.int().check(z.meta({ description: 'The partner’s reserve (保证金) as booked' })),
        pendingChangeId: z.optional(z.string().check(z.meta({ description: 'A deposit waiting for a checker' }))),
      }),
    })
    .check(z.meta({ id: 'ConsolePartnerDetail' })),
);

export const PartnerChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ partner: partnerDraftSchema.check(z.meta({ id: 'PartnerDraft', description: 'No partnerId for a new partner (the bank gives it)' })), effectiveAt: EffectiveAt }).check(z.meta({ id: 'PartnerChangeRequest' })),
);

const ConsoleMerchant = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      merchantId: z.string(),
      partnerId: z.string(),
      partnerName: z.string(),
      outMerchantNo: z.string(),
      name: z.string(),
      shortName: z.string(),
      licenceNo: z.string(),
      category: z.enum(MERCHANT_CATEGORIES),
      categoryLabel: z.string(),
      community: z.object({ name: z.string(), cityCode: z.string() }),
      settlementAccount: z.object({ bankName: z.string(), accountNumberMasked: z.string(), holderName: z.string() }),
      status: z.enum(MERCHANT_STATUSES),
      statusLabel: z.string(),
      proposedAt: IsoTime,
      reviewNote: z.optional(z.string()),
      pendingChangeId: z.optional(z.string()),
    })
    .check(z.meta({ id: 'ConsoleMerchant' })),
);

export const MerchantReviewQueryParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(120), z.regex(/^[0-9TZ:.-]+#P[0-9A-Z]{7}#M[0-9A-Z]{15}$/))) }));

export const MerchantReviewQueue = /* @__PURE__ */ lazySchema(() =>
  z.object({ merchants: z.array(ConsoleMerchant), nextCursor: z.nullable(z.string()) }).check(z.meta({ id: 'MerchantReviewQueue', description: 'Merchants waiting for the bank’s review, oldest first, 50 a page' })),
);

export const ConsoleMerchantParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ partnerId: z.string().check(z.regex(PARTNER_ID_PATTERN)), merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)) }));

export const ConsoleMerchantDetail = /* @__PURE__ */ lazySchema(() => z.object({ merchant: ConsoleMerchant, pendingChange: z.optional(ChangeRequestView) }).check(z.meta({ id: 'ConsoleMerchantDetail' })));

export const MerchantReviewRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      partnerId: z.string().check(z.regex(PARTNER_ID_PATTERN)),
      merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)),
      decision: z.enum(MERCHANT_REVIEW_DECISIONS),
      reviewNote: z.string().check(z.trim(), z.minLength(2), z.maxLength(REVIEW_NOTE_MAX_LENGTH)),
    })
    .check(z.meta({ id: 'MerchantReviewRequest', description: 'A reviewer’s decision; in force once a second operator approves it' })),
);

/** 推送记录: an event's status over its URLs — NO_URL when the partner had none when it was sent. */
export const WEBHOOK_EVENT_STATUSES = [...WEBHOOK_DELIVERY_STATUSES, 'NO_URL'] as const;

export const WebhookEventParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ partnerId: z.string().check(z.regex(PARTNER_ID_PATTERN)), eventId: z.string().check(z.regex(EVENT_ID_PATTERN)) }));

export const WebhookEventQueryParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ after: z.optional(z.string().check(z.maxLength(80), z.regex(/^[0-9TZ:.+-]+#evt_[0-9A-Za-z]{24}$/))) }));

const WebhookAttemptView = /* @__PURE__ */ lazySchema(() =>
  z.object({
    at: IsoTime,
    httpStatus: z.optional(z.int()),
    error: z.optional(z.enum(WEBHOOK_ERROR_CODES)),
    durationMs: z.int(),
    response: z.string().check(z.meta({ description: 'The first 200 characters of the answer' })),
  }),
);

export const ConsoleWebhookEvent = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      eventId: z.string(),
      type: z.enum(OPEN_EVENT_TYPES),
      typeLabel: z.string(),
      createdAt: IsoTime,
      status: z.enum(WEBHOOK_EVENT_STATUSES),
      statusLabel: z.string(),
      nextAttemptAt: z.nullable(IsoTime),
      deliveries: z.array(
        z.object({
          url: z.string(),
          status: z.enum(WEBHOOK_DELIVERY_STATUSES),
          statusLabel: z.string(),
          attemptsMade: z.int().check(z.meta({ description: 'In the schedule running now (8 at most)' })),
          totalAttempts: z.int(),
          nextAttemptAt: z.nullable(IsoTime),
          attempts: z.array(WebhookAttemptView).check(z.meta({ description: 'The newest 10, oldest first' })),
        }),
      ),
    })
    .check(z.meta({ id: 'ConsoleWebhookEvent', description: 'A webhook event and its delivery to each of the partner’s URLs' })),
);

export const ConsoleWebhookEventPage = /* @__PURE__ */ lazySchema(() =>
  z.object({ events: z.array(ConsoleWebhookEvent), nextCursor: z.nullable(z.string()) }).check(z.meta({ id: 'ConsoleWebhookEventPage', description: 'A partner’s events, newest first, 50 a page' })),
);

export { ChangeRequestView };

export const ReserveDepositRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      amountFen: z.int().check(z.minimum(1), z.maximum(1_000_000_000)),
      /** The incoming transfer's reference on the bank's statement (来账流水号). */
      bankReference: z.string().check(z.trim(), z.minLength(6), z.maxLength(40), z.regex(/^[A-Za-z0-9-]+$/)),
    })
    .check(z.meta({ id: 'ReserveDepositRequest', description: 'A partner’s deposit to its reserve as the statement shows it; booked once a second operator approves' })),
);
