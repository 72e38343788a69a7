// 开放平台 (/v1/console/partners*, /v1/console/merchant-reviews*), typed from the contract (`import
// type` only). A partner draft, a deposit to its reserve or a review opinion only ever becomes a
// change for a second operator to approve; a webhook redelivery is the one direct action.
import type * as z from 'zod/mini';
import type {
  ConsoleMerchantDetail,
  ConsolePartnerDetail,
  ConsolePartnerList,
  ConsoleWebhookEvent,
  ConsoleWebhookEventPage,
  MerchantReviewQueue,
  MerchantReviewRequest,
  PartnerChangeRequest,
  ReserveDepositRequest,
} from '@contract/console-partner-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

export type PartnerPage = z.infer<typeof ConsolePartnerList>;
export type PartnerSummary = PartnerPage['partners'][number];
export type PartnerDetail = z.infer<typeof ConsolePartnerDetail>;
export type PartnerDraft = z.infer<typeof PartnerChangeRequest>['partner'];
export type ReviewQueue = z.infer<typeof MerchantReviewQueue>;
export type MerchantUnderReview = ReviewQueue['merchants'][number];
export type MerchantDetail = z.infer<typeof ConsoleMerchantDetail>;
export type MerchantReview = z.infer<typeof MerchantReviewRequest>;
export type WebhookEventPage = z.infer<typeof ConsoleWebhookEventPage>;
export type WebhookEvent = z.infer<typeof ConsoleWebhookEvent>;
export type ReserveDeposit = z.infer<typeof ReserveDepositRequest>;

export const fetchPartners = (): Promise<PartnerPage> => consoleRequest({ method: 'GET', path: '/v1/console/partners' });

export const fetchPartner = (partnerId: string): Promise<PartnerDetail> => consoleRequest({ method: 'GET', path: `/v1/console/partners/${encodeURIComponent(partnerId)}` });

export const submitPartnerChange = (partner: PartnerDraft): Promise<ChangeRequest> => consoleRequest({ method: 'POST', path: '/v1/console/partners/changes', body: { partner } });

/** 保证金入账: a deposit as the bank's statement shows it, booked once a second operator approves. */
export const submitReserveDeposit = (partnerId: string, deposit: ReserveDeposit): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: `/v1/console/partners/${encodeURIComponent(partnerId)}/reserve-deposits`, body: deposit });

export const fetchReviewQueue = (cursor?: string): Promise<ReviewQueue> =>
  consoleRequest({ method: 'GET', path: '/v1/console/merchant-reviews', ...(cursor ? { query: { cursor } } : {}) });

export const submitMerchantReview = (review: MerchantReview): Promise<ChangeRequest> => consoleRequest({ method: 'POST', path: '/v1/console/merchant-reviews/changes', body: review });

/** 推送记录: a partner's webhook events, newest first, 50 a page. */
export const fetchWebhookEvents = (partnerId: string, after?: string): Promise<WebhookEventPage> =>
  consoleRequest({ method: 'GET', path: `/v1/console/partners/${encodeURIComponent(partnerId)}/webhook-events`, ...(after ? { query: { after } } : {}) });

/** 重新推送: an attempt to each of the partner's URLs now (audited; no checker). */
export const redeliverWebhookEvent = (partnerId: string, eventId: string): Promise<WebhookEvent> =>
  consoleRequest({ method: 'POST', path: `/v1/console/partners/${encodeURIComponent(partnerId)}/webhook-events/${encodeURIComponent(eventId)}/redeliver`, body: {} });
