// Delivering the open platform's webhook events (事件通知): each event to each of the partner's
// webhook URLs, signed with the platform key, on Standard Webhooks' schedule with jitter, until a
// 2xx or the schedule is spent (domain/open/webhook.ts). One pass takes the events due by the
// bank's clock, a bounded batch; each event is first claimed (its due entry moved a lease ahead,
// conditional on its version) so that two passes never attempt it together, and a pass that dies
// mid-way leaves it due again when the lease runs out. Operators read each partner's log in the
// console and may redeliver an event (audited; it changes no configuration, so no four eyes).
import { webhookSender } from '../adapters/webhook-sender.js';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import {
  afterAttempt,
  newDelivery,
  nextDueAt,
  WEBHOOK_HEADERS,
  WEBHOOK_SIGNATURE_VERSION,
  type WebhookDelivery,
  webhookBody,
  webhookSignedContent,
} from '../domain/open/webhook.js';
import { mapInBatches } from '../platform/batches.js';
import { bankDay } from '../store/business-date.js';
import { getPartnerRecord } from '../store/partners.js';
import { type DueWebhookEvent, dueWebhookEvents, getWebhookEvent, readWebhookEvent, type WebhookEventRecord, webhookEventPage, webhookScheduleItems, writeWebhookSchedule } from '../store/webhooks.js';
import { recordAuditWith } from './audit.js';
import type { ConsoleOperator } from './operators.js';
import { platformSignature } from './partner-auth.js';

/** What one pass takes at most: the scheduled job runs every minute. */
export const MAX_WEBHOOK_EVENTS_PER_PASS = 100;
/** Events attempted at once: each attempt waits on a partner's server for up to 5 seconds. */
const CONCURRENT_EVENTS = 10;
/** How long a claimed event stays out of the due index: longer than its attempts take. */
const CLAIM_LEASE_MS = 2 * 60_000;
export const WEBHOOK_EVENT_PAGE_SIZE = 50;

export interface DeliveryPassReport {
  /** Events due this pass found. */
  due: number;
  /** Attempts made, and how they left their deliveries. */
  attempts: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** Events another pass or a redelivery held, or no longer due. */
  skipped: number;
}

async function signedHeaders(eventId: string, body: string, now: Date): Promise<Record<string, string>> {
  const timestampSeconds = Math.floor(now.getTime() / 1000);
  const { serial, signature } = await platformSignature(webhookSignedContent(eventId, timestampSeconds, body));
  return {
    [WEBHOOK_HEADERS.id]: eventId,
    [WEBHOOK_HEADERS.timestamp]: String(timestampSeconds),
    [WEBHOOK_HEADERS.signature]: `${WEBHOOK_SIGNATURE_VERSION},${signature}`,
    [WEBHOOK_HEADERS.serial]: serial,
  };
}

const isDue = (delivery: WebhookDelivery, now: Date) => delivery.status === 'PENDING' && delivery.nextAttemptAt !== null && Date.parse(delivery.nextAttemptAt) <= now.getTime();

/** The deliveries an event starts with: one per URL the partner has when it is first attempted. */
async function startingDeliveries(record: WebhookEventRecord, now: Date): Promise<WebhookDelivery[]> {
  if (record.started) return record.deliveries;
  const partner = (await getPartnerRecord(record.event.partnerId))?.partner;
  return (partner?.webhookUrls ?? []).map((url) => newDelivery(url, now));
}

async function deliverEvent(ref: DueWebhookEvent, now: Date, report: DeliveryPassReport): Promise<void> {
  const read = await readWebhookEvent(ref);
  if (!read || read.dueAt === null || Date.parse(read.dueAt) > now.getTime()) {
    report.skipped++;
    return;
  }
  const deliveries = await startingDeliveries(read, now);
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const claim = { deliveries, started: true, dueAt: deliveries.some((delivery) => isDue(delivery, now)) ? leaseUntil : nextDueAt(deliveries) };
  if (!(await writeWebhookSchedule(read, claim))) {
    report.skipped++;
    return;
  }
  const claimed: WebhookEventRecord = { ...read, ...claim, version: read.version + 1 };
  if (claim.dueAt !== leaseUntil) return;
  const body = webhookBody(claimed.event);
  const sender = webhookSender(config().ALLOW_LOOPBACK_WEBHOOKS);
  const attempted = await Promise.all(
    deliveries.map(async (delivery) => {
      if (!isDue(delivery, now)) return delivery;
      const sent = await sender.send({ url: delivery.url, headers: await signedHeaders(claimed.event.eventId, body, now), body });
      const after = afterAttempt(delivery, { at: now.toISOString(), ...sent }, now, Math.random);
      report.attempts++;
      report[after.status === 'DELIVERED' ? 'delivered' : after.status === 'FAILED' ? 'failed' : 'retrying']++;
      return after;
    }),
  );
  // Refused only if an operator redelivered meanwhile: their schedule stands.
  await writeWebhookSchedule(claimed, { deliveries: attempted, started: true, dueAt: nextDueAt(attempted) });
}

/** One delivery pass: the events due by the bank's clock, at most `limit`. */
export async function deliverDueWebhooks(wallNow: Date, limit: number = MAX_WEBHOOK_EVENTS_PER_PASS): Promise<DeliveryPassReport> {
  const { now } = await bankDay(wallNow);
  const due = await dueWebhookEvents(now, Math.min(limit, MAX_WEBHOOK_EVENTS_PER_PASS));
  const report: DeliveryPassReport = { due: due.length, attempts: 0, delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  await mapInBatches(due, CONCURRENT_EVENTS, (ref) => deliverEvent(ref, now, report));
  return report;
}

/** The automation's pass now (local and test stages, where no schedule runs). */
export async function deliverWebhooksOnRequest(wallNow: Date): Promise<DeliveryPassReport> {
  if (!config().ALLOW_CLOCK_CONTROL) refuse('forbidden', 'CLOCK_CONTROL_DISABLED', '本环境不允许手动触发事件推送');
  return deliverDueWebhooks(wallNow);
}

/** A page of the partner's events for the console, newest first. */
export async function webhookEventLog(partnerId: string, after: string | undefined): Promise<{ events: WebhookEventRecord[]; nextCursor: string | null }> {
  if (!(await getPartnerRecord(partnerId))) refuse('not_found', 'PARTNER_NOT_FOUND', '未找到该合作方');
  return webhookEventPage(partnerId, after, WEBHOOK_EVENT_PAGE_SIZE);
}

/** 重新推送: an attempt to each of the partner's current URLs at once, and the schedule from its
 *  start; each URL's past attempts stay in its history. Recorded in the audit log in the same
 *  transaction. */
export async function redeliverWebhookEvent(partnerId: string, eventId: string, operator: ConsoleOperator, wallNow: Date): Promise<WebhookEventRecord> {
  const record = (await getWebhookEvent(partnerId, eventId)) ?? refuse('not_found', 'WEBHOOK_EVENT_NOT_FOUND', '未找到该推送事件');
  const { now } = await bankDay(wallNow);
  const urls = (await getPartnerRecord(partnerId))?.partner.webhookUrls ?? [];
  const change = {
    deliveries: urls.map((url) => newDelivery(url, now, record.deliveries.find((delivery) => delivery.url === url))),
    started: true,
    dueAt: urls.length > 0 ? now.toISOString() : null,
  };
  const outcome = await recordAuditWith(
    {
      actor: { kind: 'operator', id: operator.operatorId },
      action: 'webhook.redeliver',
      target: { kind: 'webhook-event', id: `${partnerId}/${eventId}` },
      before: { deliveries: record.deliveries.map(({ url, status, attemptsMade }) => ({ url, status, attemptsMade })) },
      after: { urls },
    },
    wallNow,
    () => webhookScheduleItems(record, change),
  );
  if ('refusedChange' in outcome) refuse('conflict', 'WEBHOOK_EVENT_BUSY', '该事件正在推送，请稍后重试');
  return { ...record, ...change, version: record.version + 1 };
}
