// Webhooks of the open platform (事件通知): what a partner receives when money moves for it — a
// payment, a refund, a settlement — signed, at least once, with the same event id on every try.
// The shape is Standard Webhooks' (webhook-id, webhook-timestamp, webhook-signature over
// `${id}.${timestamp}.${body}`) with the bank's RSA platform key in place of a shared secret:
// signature identifier `v1r` (Standard Webhooks names only v1 HMAC and v1a ed25519). These are
// the rules without I/O: the schedule, the body, the signed content, what an attempt counts as.
import { createHash } from 'node:crypto';
import { refuse } from '../errors.js';

export const OPEN_EVENT_TYPES = ['order.paid', 'order.closed', 'refund.succeeded', 'settlement.completed'] as const;
export type OpenEventType = (typeof OPEN_EVENT_TYPES)[number];
export const OPEN_EVENT_TYPE_LABELS: Record<OpenEventType, string> = {
  'order.paid': '订单支付成功',
  'order.closed': '订单已关闭',
  'refund.succeeded': '退款成功',
  'settlement.completed': '结算完成',
};

export const EVENT_ID_PATTERN = /^evt_[0-9A-Za-z]{24}$/;

/** A stable event id from what happened and to what: a replay of the money movement names the
 *  same event, so a partner that stores the ids it handled never acts twice. */
export function openEventId(type: OpenEventType, resourceId: string): string {
  return `evt_${createHash('sha256').update(`${type}\n${resourceId}`).digest('hex').slice(0, 24)}`;
}

export interface OpenEvent {
  eventId: string;
  partnerId: string;
  type: OpenEventType;
  /** ISO time the money moved. */
  createdAt: string;
  /** The resource as the partner API shows it (no personal data of customers). */
  data: Record<string, unknown>;
}

/** The event of `type` about resource `ref` (its id derived from both, openEventId). */
export const openEvent = (type: OpenEventType, ref: string, partnerId: string, createdAt: string, data: Record<string, unknown>): OpenEvent => ({
  eventId: openEventId(type, ref),
  partnerId,
  type,
  createdAt,
  data,
});

/** An event as it is delivered: everything a partner needs without calling back, nothing about
 *  the bank's customers. Small, so a delivery is one quick request. */
export const MAX_EVENT_BYTES = 8_192;

/** The delivered body: `{ id, type, createdAt, data }`, refused when over MAX_EVENT_BYTES. */
export function webhookBody(event: { eventId: string; type: OpenEventType; createdAt: string; data: Record<string, unknown> }): string {
  const body = JSON.stringify({ id: event.eventId, type: event.type, createdAt: event.createdAt, data: event.data });
  if (Buffer.byteLength(body, 'utf8') > MAX_EVENT_BYTES) refuse('too_large', 'WEBHOOK_EVENT_TOO_LARGE', `事件内容超过 ${MAX_EVENT_BYTES} 字节`);
  return body;
}

/** The headers a delivery carries (lower case). `jinlin-serial` names the platform key that signed
 *  it, so a partner can hold two while the bank rotates. */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
  serial: 'jinlin-serial',
} as const;

/** The signature's identifier: SHA256withRSA (PKCS#1 v1.5) with the platform key, base64. */
export const WEBHOOK_SIGNATURE_VERSION = 'v1r';

/** The bytes a delivery's signature covers (Standard Webhooks). */
export const webhookSignedContent = (eventId: string, timestampSeconds: number, body: string) => `${eventId}.${timestampSeconds}.${body}`;

/** Standard Webhooks' schedule: the wait before each attempt after the previous one (the first at
 *  once). Eight attempts over about 27.5 hours, enough for a partner to fix an outage of a day. */
export const WEBHOOK_RETRY_DELAYS_MS = [0, 5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length;
/** Each wait is spread by up to ±10 %, so partners that failed together are not retried together. */
export const WEBHOOK_JITTER_FRACTION = 0.1;

/** The wait before the attempt after `attemptsMade` attempts (0: the first), jittered by
 *  `random()` in [0, 1); undefined once the schedule is spent. */
export function webhookRetryDelayMs(attemptsMade: number, random: () => number): number | undefined {
  const base = WEBHOOK_RETRY_DELAYS_MS[attemptsMade];
  if (base === undefined) return undefined;
  return Math.round(base * (1 + WEBHOOK_JITTER_FRACTION * (2 * random() - 1)));
}

/** One URL's delivery of an event: PENDING until an attempt is answered 2xx (DELIVERED) or the
 *  schedule is spent (FAILED). An operator's redelivery starts the schedule again. */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = { PENDING: '重试中', DELIVERED: '成功', FAILED: '失败' };

/** What an attempt's answer is kept of, and how many attempts each URL keeps (the newest). */
export const WEBHOOK_RESPONSE_SNIPPET_CHARS = 200;
export const WEBHOOK_ATTEMPTS_KEPT = 10;

/** Why an attempt got no HTTP status: its URL or address was refused, or the connection failed. */
export const WEBHOOK_ERROR_CODES = ['URL_REFUSED', 'ADDRESS_REFUSED', 'DNS_FAILED', 'TIMEOUT', 'CONNECTION_FAILED'] as const;
export type WebhookErrorCode = (typeof WEBHOOK_ERROR_CODES)[number];

export interface WebhookAttempt {
  at: string;
  /** The HTTP status the partner answered, or why there was none. */
  httpStatus?: number;
  error?: WebhookErrorCode;
  durationMs: number;
  /** The answer's first characters, for the operator looking at a failure. */
  response: string;
}

export interface WebhookDelivery {
  url: string;
  status: WebhookDeliveryStatus;
  /** Attempts in the schedule running now (a redelivery starts it at 0). */
  attemptsMade: number;
  /** Every attempt ever made to this URL for this event. */
  totalAttempts: number;
  nextAttemptAt: string | null;
  /** The newest WEBHOOK_ATTEMPTS_KEPT attempts, oldest first. */
  attempts: WebhookAttempt[];
}

/** Any 2xx ends the schedule; a redirect is a failure (never followed), as is everything else. */
export const isDeliveredStatus = (httpStatus: number | undefined) => httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300;

/** A URL's delivery scheduled from its first attempt, at `now`. */
export const newDelivery = (url: string, now: Date, previous?: WebhookDelivery): WebhookDelivery => ({
  url,
  status: 'PENDING',
  attemptsMade: 0,
  totalAttempts: previous?.totalAttempts ?? 0,
  nextAttemptAt: now.toISOString(),
  attempts: previous?.attempts ?? [],
});

/** The delivery after an attempt: delivered, failed for good, or the next attempt scheduled. */
export function afterAttempt(delivery: WebhookDelivery, attempt: WebhookAttempt, now: Date, random: () => number): WebhookDelivery {
  const attemptsMade = delivery.attemptsMade + 1;
  const attempts = [...delivery.attempts, attempt].slice(-WEBHOOK_ATTEMPTS_KEPT);
  const base = { ...delivery, attemptsMade, totalAttempts: delivery.totalAttempts + 1, attempts };
  if (isDeliveredStatus(attempt.httpStatus)) return { ...base, status: 'DELIVERED', nextAttemptAt: null };
  const delayMs = webhookRetryDelayMs(attemptsMade, random);
  if (delayMs === undefined) return { ...base, status: 'FAILED', nextAttemptAt: null };
  return { ...base, status: 'PENDING', nextAttemptAt: new Date(now.getTime() + delayMs).toISOString() };
}

/** When the event's next attempt to any URL falls due, or null when none is pending. */
export function nextDueAt(deliveries: readonly WebhookDelivery[]): string | null {
  const due = deliveries.flatMap((delivery) => (delivery.status === 'PENDING' && delivery.nextAttemptAt ? [delivery.nextAttemptAt] : [])).sort();
  return due[0] ?? null;
}
