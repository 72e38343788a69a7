// 开放平台 in the operations console: partners and the review of the merchants they propose
// (services/partner-factory.ts). Nothing here changes a partner or a merchant: each is a change a
// checker approves. And each partner's webhook events (推送记录) with their redelivery
// (services/webhook-delivery.ts).
import { consolePartnerRoutes as routes } from '../contract/console-partner-routes.js';
import { MERCHANT_CATEGORY_LABELS, MERCHANT_STATUS_LABELS } from '../domain/open/merchant.js';
import { PARTNER_SCOPE_LABELS } from '../domain/open/partner.js';
import { nextDueAt, OPEN_EVENT_TYPE_LABELS, WEBHOOK_DELIVERY_STATUS_LABELS } from '../domain/open/webhook.js';
import {
  consoleMerchant,
  consolePartner,
  consolePartners,
  consoleReserve,
  merchantReviewQueue,
  type MerchantUnderReview,
  submitMerchantReview,
  submitPartnerChange,
  submitReserveDeposit,
} from '../services/partner-factory.js';
import { allInOrder } from '../platform/all-in-order.js';
import { redeliverWebhookEvent, webhookEventLog } from '../services/webhook-delivery.js';
import type { WebhookEventRecord } from '../store/webhooks.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const list = defineConsoleRoute('consolePartners', routes.consolePartners, async () => ({
  partners: (await consolePartners()).map(({ partner, updatedAt, pendingChangeId }) => ({
    partnerId: partner.partnerId,
    name: partner.name,
    status: partner.status,
    scopes: partner.scopes,
    keySerials: partner.keys.map((key) => key.serialNo),
    feeRateBps: partner.feeRateBps,
    rateLimitPerMinute: partner.rateLimitPerMinute,
    updatedAt,
    ...(pendingChangeId ? { pendingChangeId } : {}),
  })),
  scopeLabels: PARTNER_SCOPE_LABELS,
}));

const detail = defineConsoleRoute('consolePartner', routes.consolePartner, async ({ params }) => {
  const [{ partner, updatedAt, changeId, pendingChange }, reserve] = await allInOrder([consolePartner(params.partnerId), consoleReserve(params.partnerId)]);
  return { current: partner, updatedAt, ...(changeId ? { lastChangeId: changeId } : {}), ...(pendingChange ? { pendingChange } : {}), reserve };
});

const reserveDeposit = defineConsoleRoute('consoleReserveDeposit', routes.consoleReserveDeposit, ({ params, body, operator, now }) => submitReserveDeposit(params.partnerId, body, operator, now));

const change = defineConsoleRoute('consolePartnerChange', routes.consolePartnerChange, ({ body, operator, now }) => submitPartnerChange(body.partner, body.effectiveAt, operator, now));

const view = ({ merchant, partnerName, pendingChangeId }: MerchantUnderReview) => ({
  ...merchant,
  partnerName,
  categoryLabel: MERCHANT_CATEGORY_LABELS[merchant.category],
  statusLabel: MERCHANT_STATUS_LABELS[merchant.status],
  ...(pendingChangeId ? { pendingChangeId } : {}),
});

const queue = defineConsoleRoute('consoleMerchantReviews', routes.consoleMerchantReviews, async ({ query }) => {
  const { merchants, nextCursor } = await merchantReviewQueue(query.cursor);
  return { merchants: merchants.map(view), nextCursor };
});

const merchant = defineConsoleRoute('consoleMerchant', routes.consoleMerchant, async ({ params }) => {
  const { pendingChange, ...shown } = await consoleMerchant(params.partnerId, params.merchantId);
  return { merchant: view({ ...shown, ...(pendingChange ? { pendingChangeId: pendingChange.changeId } : {}) }), ...(pendingChange ? { pendingChange } : {}) };
});

const review = defineConsoleRoute('consoleMerchantReview', routes.consoleMerchantReview, ({ body, operator, now }) => submitMerchantReview(body, operator, now));

const WEBHOOK_EVENT_STATUS_LABELS = { ...WEBHOOK_DELIVERY_STATUS_LABELS, NO_URL: '未配置通知地址' } as const;

/** An event's status over its URLs: pending while any is (or before the first attempt), failed if
 *  any failed, delivered when all were. */
function webhookEventStatus({ started, deliveries }: WebhookEventRecord): keyof typeof WEBHOOK_EVENT_STATUS_LABELS {
  if (!started || deliveries.some((delivery) => delivery.status === 'PENDING')) return 'PENDING';
  if (deliveries.length === 0) return 'NO_URL';
  return deliveries.some((delivery) => delivery.status === 'FAILED') ? 'FAILED' : 'DELIVERED';
}

const webhookEventView = (record: WebhookEventRecord) => {
  const status = webhookEventStatus(record);
  return {
    eventId: record.event.eventId,
    type: record.event.type,
    typeLabel: OPEN_EVENT_TYPE_LABELS[record.event.type],
    createdAt: record.event.createdAt,
    status,
    statusLabel: WEBHOOK_EVENT_STATUS_LABELS[status],
    nextAttemptAt: record.started ? nextDueAt(record.deliveries) : record.dueAt,
    deliveries: record.deliveries.map((delivery) => ({ ...delivery, statusLabel: WEBHOOK_DELIVERY_STATUS_LABELS[delivery.status] })),
  };
};

const webhookEvents = defineConsoleRoute('consoleWebhookEvents', routes.consoleWebhookEvents, async ({ params, query }) => {
  const { events, nextCursor } = await webhookEventLog(params.partnerId, query.after);
  return { events: events.map(webhookEventView), nextCursor };
});

const redeliver = defineConsoleRoute('consoleWebhookRedeliver', routes.consoleWebhookRedeliver, async ({ params, operator, now }) =>
  webhookEventView(await redeliverWebhookEvent(params.partnerId, params.eventId, operator, now)),
);

export const handler = lambda([list, detail, change, reserveDeposit, queue, merchant, review, webhookEvents, redeliver]);
