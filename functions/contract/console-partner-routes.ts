// Routes of 开放平台 in the console: partners (read with partners.read; drafting partners.draft, and
// a draft only ever becomes a change for a checker with partners.approve) and the review of the
// merchants partners propose (the same permissions); each partner's webhook events, and their
// redelivery (partners.draft, audited: it changes no configuration, so no checker).
import * as c from './console-partner-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consolePartnerRoutes = {
  consolePartners: {
    method: 'GET',
    path: '/v1/console/partners',
    summary: 'Operator: every open-platform partner, suspended ones included, with the change waiting on each',
    auth: 'console',
    permission: 'partners.read',
    idempotent: false,
    response: c.ConsolePartnerList,
  },
  consolePartner: {
    method: 'GET',
    path: '/v1/console/partners/{partnerId}',
    summary: 'Operator: a partner as it is in force and the change waiting on it (404 PARTNER_NOT_FOUND)',
    auth: 'console',
    permission: 'partners.read',
    idempotent: false,
    params: c.PartnerIdParams,
    response: c.ConsolePartnerDetail,
  },
  consolePartnerChange: {
    method: 'POST',
    path: '/v1/console/partners/changes',
    summary: 'Maker: submit a new partner, a change to one or its suspension for a checker (400 CHANGE_EMPTY, WEBHOOK_URL_REFUSED; 404 PARTNER_NOT_FOUND; 409 CHANGE_PENDING; 422 TOO_MANY_PARTNERS)',
    auth: 'console',
    permission: 'partners.draft',
    idempotent: false,
    body: c.PartnerChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleMerchantReviews: {
    method: 'GET',
    path: '/v1/console/merchant-reviews',
    summary: 'Operator: merchants waiting for the bank’s review (商户进件审核), oldest first',
    auth: 'console',
    permission: 'partners.read',
    idempotent: false,
    query: c.MerchantReviewQueryParams,
    response: c.MerchantReviewQueue,
  },
  consoleMerchant: {
    method: 'GET',
    path: '/v1/console/partners/{partnerId}/merchants/{merchantId}',
    summary: 'Operator: one merchant of a partner and the review waiting on it (404 MERCHANT_NOT_FOUND)',
    auth: 'console',
    permission: 'partners.read',
    idempotent: false,
    params: c.ConsoleMerchantParams,
    response: c.ConsoleMerchantDetail,
  },
  consoleMerchantReview: {
    method: 'POST',
    path: '/v1/console/merchant-reviews/changes',
    summary: 'Maker: approve or reject a waiting merchant, for a checker; the settlement account’s holder is checked first (404 MERCHANT_NOT_FOUND; 409 MERCHANT_NOT_PENDING, CHANGE_PENDING; 422 SETTLEMENT_HOLDER_MISMATCH)',
    auth: 'console',
    permission: 'partners.draft',
    idempotent: false,
    body: c.MerchantReviewRequest,
    response: c.ChangeRequestView,
  },
  consoleWebhookEvents: {
    method: 'GET',
    path: '/v1/console/partners/{partnerId}/webhook-events',
    summary: 'Operator: the partner’s webhook events (推送记录), newest first, each with its delivery to each URL (404 PARTNER_NOT_FOUND)',
    auth: 'console',
    permission: 'partners.read',
    idempotent: false,
    params: c.PartnerIdParams,
    query: c.WebhookEventQueryParams,
    response: c.ConsoleWebhookEventPage,
  },
  consoleWebhookRedeliver: {
    method: 'POST',
    path: '/v1/console/partners/{partnerId}/webhook-events/{eventId}/redeliver',
    summary: 'Operator: deliver the event again to each of the partner’s URLs now, the schedule from its start; audited, no checker (it changes no configuration) (404 WEBHOOK_EVENT_NOT_FOUND; 409 WEBHOOK_EVENT_BUSY)',
    auth: 'console',
    permission: 'partners.draft',
    idempotent: false,
    params: c.WebhookEventParams,
    response: c.ConsoleWebhookEvent,
  },
} as const satisfies Record<string, RouteSpec>;
