// Webhook rules (domain/open/webhook.ts) and the partner's check of them (scripts/partner-sim/client.ts
// verifyWebhook): Standard Webhooks' schedule — eight attempts over about 27.5 hours, each wait
// within ±10 % — what ends a delivery, and a signature over `${id}.${timestamp}.${body}` that the
// copyable client verifies and refuses once a byte changes.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { signMessage } from '../../functions/domain/open/signature.js';
import {
  afterAttempt,
  EVENT_ID_PATTERN,
  MAX_EVENT_BYTES,
  newDelivery,
  nextDueAt,
  openEventId,
  WEBHOOK_ATTEMPTS_KEPT,
  WEBHOOK_MAX_ATTEMPTS,
  webhookBody,
  webhookRetryDelayMs,
  webhookSignedContent,
  type WebhookAttempt,
} from '../../functions/domain/open/webhook.js';
import { Refusal } from '../../functions/domain/errors.js';
import { verifyWebhook } from '../../scripts/partner-sim/client.js';
import { stageParams } from '../../scripts/lib/serverless-config.js';

const HOUR_MS = 3_600_000;
const middle = () => 0.5;

test('eight attempts: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the one before — about 27.5 hours', () => {
  const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, made) => webhookRetryDelayMs(made, middle));
  assert.deepEqual(delays, [0, 5_000, 300_000, 1_800_000, 2 * HOUR_MS, 5 * HOUR_MS, 10 * HOUR_MS, 10 * HOUR_MS]);
  assert.equal(WEBHOOK_MAX_ATTEMPTS, 8);
  const totalMs = delays.reduce((sum: number, delay) => sum + delay!, 0);
  assert.ok(totalMs > 27.5 * HOUR_MS && totalMs < 27.6 * HOUR_MS, `${totalMs / HOUR_MS} h`);
  assert.equal(webhookRetryDelayMs(8, middle), undefined);
});

test('each wait is jittered within ±10 %, and the extremes of the random source reach both bounds', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (made, random) => {
      const base = webhookRetryDelayMs(made, middle)!;
      const jittered = webhookRetryDelayMs(made, () => random)!;
      return jittered >= Math.floor(base * 0.9) && jittered <= Math.ceil(base * 1.1);
    }),
  );
  assert.equal(webhookRetryDelayMs(4, () => 0), 0.9 * 2 * HOUR_MS);
  assert.ok(webhookRetryDelayMs(4, () => 0.999_999)! > 1.099 * 2 * HOUR_MS);
  assert.equal(webhookRetryDelayMs(0, () => 0.99), 0, 'the first attempt is never delayed');
});

const attempt = (httpStatus: number | undefined): WebhookAttempt => ({ at: '2026-12-07T02:00:00.000Z', ...(httpStatus ? { httpStatus } : { error: 'TIMEOUT' as const }), durationMs: 12, response: '' });

test('any 2xx ends a delivery; a 3xx, a 5xx or no answer schedules the next attempt, and the eighth failure is final', () => {
  const now = new Date('2026-12-07T02:00:00.000Z');
  let delivery = newDelivery('https://partner.example.com/hooks', now);
  assert.equal(afterAttempt(delivery, attempt(204), now, middle).status, 'DELIVERED');
  assert.equal(afterAttempt(delivery, attempt(302), now, middle).status, 'PENDING');
  for (let made = 1; made <= WEBHOOK_MAX_ATTEMPTS; made++) {
    delivery = afterAttempt(delivery, attempt(made % 2 ? 500 : undefined), now, middle);
    assert.equal(delivery.attemptsMade, made);
    assert.equal(delivery.status, made < WEBHOOK_MAX_ATTEMPTS ? 'PENDING' : 'FAILED');
  }
  assert.equal(delivery.nextAttemptAt, null);
  assert.equal(nextDueAt([delivery]), null);
  // A redelivery starts the schedule again and keeps the history, bounded.
  let again = newDelivery(delivery.url, now, delivery);
  assert.equal(again.attemptsMade, 0);
  for (let made = 0; made < 5; made++) again = afterAttempt(again, attempt(500), now, middle);
  assert.equal(again.totalAttempts, 13);
  assert.equal(again.attempts.length, WEBHOOK_ATTEMPTS_KEPT);
});

test('the next attempt is 5 s after the first failure (±10 %), and the event is due at its earliest pending URL', () => {
  const now = new Date('2026-12-07T02:00:00.000Z');
  const failed = afterAttempt(newDelivery('https://a.example.com/h', now), attempt(500), now, () => 0);
  assert.equal(failed.nextAttemptAt, '2026-12-07T02:00:04.500Z');
  const later = { ...failed, url: 'https://b.example.com/h', nextAttemptAt: '2026-12-07T03:00:00.000Z' };
  assert.equal(nextDueAt([later, failed]), '2026-12-07T02:00:04.500Z');
});

test('event ids are stable per (type, thing) and differ between types', () => {
  assert.equal(openEventId('order.paid', 'O123'), openEventId('order.paid', 'O123'));
  assert.notEqual(openEventId('order.paid', 'O123'), openEventId('order.closed', 'O123'));
  assert.match(openEventId('refund.succeeded', 'R1'), EVENT_ID_PATTERN);
});

test(`an event over ${MAX_EVENT_BYTES} bytes is refused (413)`, () => {
  const event = { eventId: openEventId('order.paid', 'O1'), type: 'order.paid' as const, createdAt: '2026-12-07T02:00:00.000Z', data: { note: 'x'.repeat(MAX_EVENT_BYTES) } };
  assert.throws(() => webhookBody(event), (error: unknown) => error instanceof Refusal && error.code === 'WEBHOOK_EVENT_TOO_LARGE');
  assert.equal(JSON.parse(webhookBody({ ...event, data: { orderId: 'O1' } })).id, event.eventId);
});

test('a delivery signed with the platform key verifies with the copyable client; a changed byte, id, timestamp or key does not', () => {
  const [serial, der] = Object.entries(JSON.parse(String(stageParams('local').devOpenPlatformKeys)) as Record<string, string>)[0]!;
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  const publicPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  const id = openEventId('order.paid', 'O42');
  const timestamp = 1_796_608_800;
  const body = webhookBody({ eventId: id, type: 'order.paid', createdAt: '2026-12-07T02:00:00.000Z', data: { orderId: 'O42', amountFen: 1_250 } });
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1r,${signMessage(webhookSignedContent(id, timestamp, body), privateKey)}`, 'jinlin-serial': serial };
  assert.equal(verifyWebhook(headers, body, publicPem, timestamp + 10), true);
  assert.equal(verifyWebhook(headers, body, { [serial]: publicPem }, timestamp), true, 'the key picked by serial');
  assert.equal(verifyWebhook(headers, body.replace('1250', '1251'), publicPem, timestamp), false);
  assert.equal(verifyWebhook({ ...headers, 'webhook-id': openEventId('order.paid', 'O43') }, body, publicPem, timestamp), false);
  assert.equal(verifyWebhook({ ...headers, 'webhook-timestamp': String(timestamp + 1) }, body, publicPem, timestamp), false);
  assert.equal(verifyWebhook(headers, body, publicPem, timestamp + 301), false, 'older than five minutes');
  assert.equal(verifyWebhook({ ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1r,', 'v1,') }, body, publicPem, timestamp), false);
  assert.equal(verifyWebhook(headers, body, { OTHERSERIAL: publicPem }, timestamp), false);
});
