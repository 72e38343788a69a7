// Webhook delivery on DynamoDB Local, the bank's clock moved by the automation and each pass run by
// POST /v1/admin/webhooks/deliver, to partners' servers on 127.0.0.1 (the local stage allows
// loopback). Events are written as the money transaction would write them (store/webhooks.ts
// webhookEventItems). A partner that fails every time gets exactly eight attempts, each only once
// due, then the delivery is FAILED; one that recovers is DELIVERED at the third; a 302 is not
// followed; a slow server times out; each URL keeps its own schedule; every attempt carries the
// same event id and a signature the copyable client verifies; the console shows the log and a
// redelivery starts again (partners.draft, audited), 404 for an unknown or another partner's event.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openEventId, type OpenEventType } from '../../functions/domain/open/webhook.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as consolePartners } from '../../functions/http/console-partners.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { transactWrite } from '../../functions/store/transact.js';
import { webhookEventItems } from '../../functions/store/webhooks.js';
import { verifyWebhook } from '../../scripts/partner-sim/client.js';
import { call, useBank } from '../support/bank.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { platformPublicKeys, registerPartner, type TestPartner } from '../support/partners.js';

useBank();

const operatorKey = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
const setClock = async (time: Date) => expectOk(await call(admin, { method: 'POST', path: '/v1/admin/clock', headers: operatorKey(), body: { time: time.toISOString() } }));
const deliverPass = async () => expectOk(await call(admin, { method: 'POST', path: '/v1/admin/webhooks/deliver', headers: operatorKey() }));

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const answers: Record<string, (count: number, response: ServerResponse) => void> = {
  '/always-fail': (_, response) => response.writeHead(500).end('服务暂不可用'),
  '/recovers': (count, response) => (count <= 2 ? response.writeHead(503).end('busy') : response.writeHead(200).end('{"code":"SUCCESS"}')),
  '/redirect': (_, response) => response.writeHead(302, { location: '/elsewhere' }).end(),
  '/elsewhere': (_, response) => response.writeHead(200).end('followed'),
  '/slow': () => undefined,
  '/ok': (_, response) => response.writeHead(204).end(),
};
let server: Server;
let base: string;
const requestsTo = (path: string) => received.filter((request) => request.path === path);

before(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      (answers[path] ?? ((_, r: ServerResponse) => r.writeHead(404).end()))(requestsTo(path).length, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const platformPem = () => {
  const [key] = Object.values(platformPublicKeys());
  return key!.export({ format: 'pem', type: 'spki' }).toString();
};

/** An event as the money transaction records it. */
async function recordEvent(partner: TestPartner, type: OpenEventType, orderId: string, createdAt: Date): Promise<string> {
  const eventId = openEventId(type, orderId);
  const data = { orderId, outOrderNo: `OUT-${orderId}`, amountFen: 1_250, status: 'PAID' };
  assert.equal(await transactWrite(webhookEventItems({ eventId, partnerId: partner.partner.partnerId, type, createdAt: createdAt.toISOString(), data })), undefined);
  return eventId;
}

type Who = { token: string };
const operator = async (roles: Parameters<typeof newOperator>[0]): Promise<Who> => ({ token: (await signInOperator(await newOperator(roles))).accessToken });
const eventLog = async (who: Who, partnerId: string) => call(consolePartners, { method: 'GET', path: `/v1/console/partners/${partnerId}/webhook-events`, token: who.token });
const eventOf = async (who: Who, partnerId: string, eventId: string) => {
  const event = expectOk(await eventLog(who, partnerId)).events.find((shown: { eventId: string }) => shown.eventId === eventId);
  assert.ok(event, `event ${eventId} in the log`);
  return event;
};

const deliveriesOf = (path: string, eventId: string) => requestsTo(path).filter((request) => JSON.parse(request.body).id === eventId);

/** The event reached `path` `count` times, each with its id in the header and a signature over its
 *  timestamp that verifies. */
function assertSignedDeliveries(path: string, eventId: string, count: number): void {
  const deliveries = deliveriesOf(path, eventId);
  assert.equal(deliveries.length, count);
  for (const delivery of deliveries) {
    assert.equal(delivery.headers['webhook-id'], eventId);
    const headers = delivery.headers as Record<string, string>;
    assert.equal(verifyWebhook(headers, delivery.body, platformPem(), Number(headers['webhook-timestamp'])), true, 'the signature verifies');
    assert.equal(verifyWebhook(headers, delivery.body.replace('1250', '1251'), platformPem(), Number(headers['webhook-timestamp'])), false);
  }
}

describe('webhook delivery', () => {
  let pm: Who;
  let auditor: Who;
  // The clock starts well ahead of the wall clock, and each scenario a few days after the one before.
  const start = new Date(Date.now() + 30 * 24 * 3_600_000);
  let failing: TestPartner;
  let failingEventId: string;

  before(async () => {
    [pm, auditor] = await Promise.all([operator(['PRODUCT_MANAGER']), operator(['AUDITOR'])]);
  });

  test('a partner that fails every time: eight attempts, each only when due, then FAILED', async () => {
    failing = await registerPartner({ webhookUrls: [`${base}/always-fail`] });
    failingEventId = await recordEvent(failing, 'order.paid', 'O-FAIL-1', start);

    await setClock(new Date(start.getTime() - 60_000));
    assert.equal((await deliverPass()).attempts, 0, 'not due before the money moved');

    await setClock(start);
    let event = await eventOf(pm, failing.partner.partnerId, failingEventId);
    assert.equal(event.statusLabel, '重试中');
    assert.equal(event.deliveries.length, 0, 'no attempt yet');
    assert.equal((await deliverPass()).attempts, 1);
    const gapsMs: number[] = [];
    for (let made = 1; made < 8; made++) {
      event = await eventOf(pm, failing.partner.partnerId, failingEventId);
      const [delivery] = event.deliveries;
      assert.equal(delivery.attemptsMade, made);
      assert.equal(delivery.status, 'PENDING');
      assert.equal(delivery.attempts.at(-1).httpStatus, 500);
      assert.equal(delivery.attempts.at(-1).response, '服务暂不可用');
      const dueAt = Date.parse(delivery.nextAttemptAt);
      gapsMs.push(dueAt - Date.parse(delivery.attempts.at(-1).at));
      // Two seconds early: nothing (the moved clock keeps running, so not closer than that).
      await setClock(new Date(dueAt - 2_000));
      assert.equal((await deliverPass()).attempts, 0, `attempt ${made + 1} is not due yet`);
      assert.equal(requestsTo('/always-fail').length, made);
      await setClock(new Date(dueAt + 1));
      const pass = await deliverPass();
      assert.equal(pass.attempts, 1, `attempt ${made + 1} when due`);
      assert.equal(pass[made + 1 < 8 ? 'retrying' : 'failed'], 1);
    }
    // Standard Webhooks' waits, each within ±10 % (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).
    const expectedMs = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
    gapsMs.forEach((gap, index) => assert.ok(Math.abs(gap - expectedMs[index]!) <= expectedMs[index]! * 0.1 + 1, `wait ${index + 1}: ${gap} ms`));
    event = await eventOf(pm, failing.partner.partnerId, failingEventId);
    assert.equal(event.status, 'FAILED');
    assert.equal(event.statusLabel, '失败');
    assert.equal(event.nextAttemptAt, null);
    assert.equal(event.deliveries[0].attemptsMade, 8);
    assert.equal(event.typeLabel, '订单支付成功');
    await setClock(new Date(start.getTime() + 5 * 24 * 3_600_000));
    assert.equal((await deliverPass()).attempts, 0, 'nothing after the eighth');
    assertSignedDeliveries('/always-fail', failingEventId, 8);
  });

  test('a partner that recovers: DELIVERED at the third attempt, and nothing after', async () => {
    const at = new Date(start.getTime() + 6 * 24 * 3_600_000);
    const recovering = await registerPartner({ webhookUrls: [`${base}/recovers`] });
    const eventId = await recordEvent(recovering, 'refund.succeeded', 'R-1', at);
    await setClock(at);
    assert.equal((await deliverPass()).retrying, 1);
    for (let made = 1; made < 3; made++) {
      const [delivery] = (await eventOf(pm, recovering.partner.partnerId, eventId)).deliveries;
      await setClock(new Date(Date.parse(delivery.nextAttemptAt) + 1));
      await deliverPass();
    }
    const event = await eventOf(pm, recovering.partner.partnerId, eventId);
    assert.equal(event.status, 'DELIVERED');
    assert.equal(event.statusLabel, '成功');
    assert.equal(event.deliveries[0].attemptsMade, 3);
    assert.deepEqual(event.deliveries[0].attempts.map((attempt: { httpStatus: number }) => attempt.httpStatus), [503, 503, 200]);
    await setClock(new Date(at.getTime() + 2 * 24 * 3_600_000));
    assert.equal((await deliverPass()).attempts, 0);
    assertSignedDeliveries('/recovers', eventId, 3);
  });

  test('each URL on its own: a 302 is a failure and is not followed, a slow server times out, a 204 is delivered once', async () => {
    const at = new Date(start.getTime() + 9 * 24 * 3_600_000);
    const redirecting = await registerPartner({ webhookUrls: [`${base}/redirect`, `${base}/slow`] });
    const both = await registerPartner({ webhookUrls: [`${base}/ok`, `${base}/always-fail`] });
    const redirectEvent = await recordEvent(redirecting, 'order.closed', 'O-302', at);
    const splitEvent = await recordEvent(both, 'settlement.completed', 'S-1', at);
    const failsBefore = requestsTo('/always-fail').length;
    await setClock(at);
    const pass = await deliverPass();
    assert.equal(pass.attempts, 4);

    const [redirect, slow] = (await eventOf(pm, redirecting.partner.partnerId, redirectEvent)).deliveries;
    assert.equal(redirect.attempts[0].httpStatus, 302);
    assert.equal(redirect.status, 'PENDING');
    assert.equal(requestsTo('/elsewhere').length, 0, 'the redirect was not followed');
    assert.equal(slow.attempts[0].error, 'TIMEOUT');
    assert.ok(slow.attempts[0].durationMs >= 4_900, `${slow.attempts[0].durationMs} ms`);

    let split = await eventOf(pm, both.partner.partnerId, splitEvent);
    assert.deepEqual(split.deliveries.map((delivery: { status: string }) => delivery.status), ['DELIVERED', 'PENDING']);
    assert.equal(split.status, 'PENDING');
    // The next pass once the failing URL is due again attempts it alone.
    await setClock(new Date(Date.parse(split.deliveries[1].nextAttemptAt) + 1));
    await deliverPass();
    split = await eventOf(pm, both.partner.partnerId, splitEvent);
    assert.equal(requestsTo('/ok').length, 1);
    assert.equal(requestsTo('/always-fail').length, failsBefore + 2);
    assert.deepEqual(split.deliveries.map((delivery: { attemptsMade: number }) => delivery.attemptsMade), [1, 2]);
    assertSignedDeliveries('/ok', splitEvent, 1);
  });

  test('the console: the log newest first; redelivery starts the schedule again, audited, for partners.draft only', async () => {
    const partnerId = failing.partner.partnerId;
    const newer = await recordEvent(failing, 'order.closed', 'O-FAIL-2', new Date(start.getTime() + 60_000));
    const log = expectOk(await eventLog(auditor, partnerId));
    assert.deepEqual(log.events.map((event: { eventId: string }) => event.eventId), [newer, failingEventId]);
    assert.equal(log.nextCursor, null);

    const redeliverPath = (id: string, partner = partnerId) => `/v1/console/partners/${partner}/webhook-events/${id}/redeliver`;
    expectError(await call(consolePartners, { method: 'POST', path: redeliverPath(failingEventId), token: auditor.token }), 403, 'FORBIDDEN');
    expectError(await call(consolePartners, { method: 'POST', path: redeliverPath(openEventId('order.paid', 'nobody')), token: pm.token }), 404, 'WEBHOOK_EVENT_NOT_FOUND');
    const other = await registerPartner({ webhookUrls: [`${base}/ok`] });
    expectError(await call(consolePartners, { method: 'POST', path: redeliverPath(failingEventId, other.partner.partnerId), token: pm.token }), 404, 'WEBHOOK_EVENT_NOT_FOUND');

    const before = deliveriesOf('/always-fail', failingEventId).length;
    const redelivered = expectOk(await call(consolePartners, { method: 'POST', path: redeliverPath(failingEventId), token: pm.token }));
    assert.equal(redelivered.status, 'PENDING');
    assert.equal(redelivered.deliveries[0].attemptsMade, 0);
    assert.equal(redelivered.deliveries[0].totalAttempts, 8);
    assert.ok(redelivered.nextAttemptAt);
    const audited = (await scanTable()).filter((item) => (item as { action?: string }).action === 'webhook.redeliver');
    assert.equal(audited.length, 1);

    const pass = await deliverPass();
    assert.ok(pass.attempts >= 1);
    assert.equal(deliveriesOf('/always-fail', failingEventId).length, before + 1);
    const event = await eventOf(pm, partnerId, failingEventId);
    assert.equal(event.deliveries[0].attemptsMade, 1);
    assert.equal(event.deliveries[0].totalAttempts, 9);
    assert.equal(event.deliveries[0].attempts.length, 9);
    assertSignedDeliveries('/always-fail', failingEventId, 9);
  });
});
