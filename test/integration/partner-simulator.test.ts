// The partner simulator (scripts/partner-sim/grocery.ts) against the bank on DynamoDB Local: the
// bank's handlers over HTTP in this process (test/support/http-bank.ts), the simulator a partner
// registered with its webhook URL and the platform key docs/OPEN-API.md gives. It creates an order
// through its control API; a customer pays it; a delivery pass brings it order.paid, verified and
// applied. Told to fail twice, it sees the next event's attempts at the times the bank's schedule
// makes them due, acknowledges the third and applies it once — and once still when an operator
// redelivers it; answering too slowly, it keeps the event and the bank's retry applies nothing
// twice. A delivery the bank did not sign (a wrong key, a changed body, an old timestamp),
// or a body far larger than an event, is refused and recorded nowhere but in the refusals.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openEventId, webhookSignedContent } from '../../functions/domain/open/webhook.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as consolePartners } from '../../functions/http/console-partners.js';
import { handler as merchantPayments } from '../../functions/http/merchant-payments.js';
import { handler as openOrders } from '../../functions/http/open-orders.js';
import { platformSignature } from '../../functions/services/partner-auth.js';
import { deliverDueWebhooks } from '../../functions/services/webhook-delivery.js';
import { getWebhookEvent } from '../../functions/store/webhooks.js';
import { freePort } from '../../scripts/lib/ports.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { type Grocery, start, WEBHOOK_PATH } from '../../scripts/partner-sim/grocery.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { type HttpBank, serveBankOverHttp } from '../support/http-bank.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { approvedMerchant, registerPartner, type TestPartner } from '../support/partners.js';

useBank();

const operatorKey = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });

describe('the partner simulator', () => {
  let bank: HttpBank;
  let grocery: Grocery;
  let partner: TestPartner;
  let merchantId: string;
  let alice: Onboarded;
  // The grocery's clock follows the bank's when a test moves it, as NTP keeps both right.
  let clockOffsetMs = 0;

  const setBankClock = async (time: Date | null) => {
    expectOk(await call(admin, { method: 'POST', path: '/v1/admin/clock', headers: operatorKey(), body: { time: time?.toISOString() ?? null } }));
    clockOffsetMs = time ? time.getTime() - Date.now() : 0;
  };
  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${grocery.url}${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const payOrder = (orderId: string) => pay(alice, merchantPayments, `/v1/merchant-orders/${orderId}/payment`, {});
  const deliveryOf = async (eventId: string) => (await getWebhookEvent(partner.partner.partnerId, eventId))!;

  before(async () => {
    const port = await freePort();
    [bank, partner, alice] = await Promise.all([
      serveBankOverHttp(new Map([['POST /v1/open/orders', openOrders], ['GET /v1/open/orders/{orderId}', openOrders]])),
      registerPartner({ name: '邻里鲜社区超市（测试）', webhookUrls: [`http://127.0.0.1:${port}${WEBHOOK_PATH}`] }),
      onboard({ name: '李爱丽' }),
    ]);
    merchantId = await approvedMerchant(partner, 'LLX-SIM-1');
    expectOk(await topUp(alice, 100_000));
    // Its credentials, the platform key from the guide (the default) and its merchant.
    grocery = await start({ bankUrl: bank.url, port, credentials: partner.credentials, merchantId, clock: () => new Date(Date.now() + clockOffsetMs) });
    assert.equal(grocery.webhookUrl, partner.partner.webhookUrls[0]);
  });
  after(async () => {
    await grocery?.stop();
    await bank?.stop();
  });

  test('an order it creates, paid by a customer, comes back as order.paid: verified, recorded and applied', async () => {
    const created = await control('POST', '/orders', { amountFen: 1_250, description: '生鲜 3 件' });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { orderId, outTradeNo } = created.body;
    assert.equal(created.body.state, 'UNPAID');
    assert.match(outTradeNo, /^LLX-\d{8}-[0-9A-F]{8}$/);
    expectOk(await payOrder(orderId));

    const pass = await deliverDueWebhooks(new Date(), 100);
    assert.deepEqual({ attempts: pass.attempts, delivered: pass.delivered }, { attempts: 1, delivered: 1 });
    const seen = (await control('GET', '/events')).body;
    const eventId = openEventId('order.paid', orderId);
    assert.equal(seen.events.length, 1);
    assert.deepEqual(
      { id: seen.events[0].id, type: seen.events[0].type, orderId: seen.events[0].data.orderId, state: seen.events[0].data.state, times: seen.events[0].timesAcknowledged },
      { id: eventId, type: 'order.paid', orderId, state: 'PAID', times: 1 },
    );
    assert.deepEqual(seen.attempts.map((attempt: { status: number }) => attempt.status), [204]);
    assert.deepEqual(seen.refusals, []);
    const [order] = (await control('GET', '/orders')).body.orders;
    assert.deepEqual({ outTradeNo: order.outTradeNo, state: order.state, applied: order.appliedEventIds }, { outTradeNo, state: 'PAID', applied: [eventId] });
    // The bank, asked through the simulator, agrees.
    const atBank = await control('GET', `/orders/${orderId}`);
    assert.equal(atBank.status, 200);
    assert.equal(atBank.body.state, 'PAID');
    assert.equal((await deliveryOf(eventId)).deliveries[0]!.status, 'DELIVERED');
  });

  test('told to fail twice, it gets the event again when each retry is due, and applies the third once — and a redelivery once still', async () => {
    const planned = await control('POST', '/failures', { failNext: 2 });
    assert.deepEqual(planned.body, { failNext: 2, status: 500, eventIdContains: null, delayMs: 0 });
    const created = await grocery.createOrder({ amountFen: 3_800, description: '鸡蛋 2 盒' });
    assert.equal(created.status, 200);
    const orderId = String(created.body.orderId);
    const eventId = openEventId('order.paid', orderId);
    expectOk(await payOrder(orderId));
    const statuses = () => grocery.attempts().filter((attempt) => attempt.eventId === eventId).map((attempt) => attempt.status);
    try {
      assert.equal((await deliverDueWebhooks(new Date(), 100)).retrying, 1);
      for (const made of [1, 2]) {
        const dueAt = Date.parse((await deliveryOf(eventId)).deliveries[0]!.nextAttemptAt!);
        await setBankClock(new Date(dueAt - 2_000));
        assert.equal((await deliverDueWebhooks(new Date(), 100)).attempts, 0, `attempt ${made + 1} is not due yet`);
        await setBankClock(new Date(dueAt + 1));
        assert.equal((await deliverDueWebhooks(new Date(), 100)).attempts, 1, `attempt ${made + 1} when due`);
      }
      assert.deepEqual(statuses(), [500, 500, 204]);
      const record = await deliveryOf(eventId);
      assert.equal(record.deliveries[0]!.status, 'DELIVERED');
      assert.deepEqual(record.deliveries[0]!.attempts.map((attempt) => attempt.httpStatus), [500, 500, 204]);
      assert.deepEqual(grocery.events().filter((event) => event.id === eventId).map((event) => event.timesAcknowledged), [1]);
      assert.equal(grocery.failurePlan().failNext, 0);

      // An operator redelivers it: acknowledged again, applied no more.
      const pm = await signInOperator(await newOperator(['PRODUCT_MANAGER']));
      expectOk(await call(consolePartners, { method: 'POST', path: `/v1/console/partners/${partner.partner.partnerId}/webhook-events/${eventId}/redeliver`, token: pm.accessToken }));
      assert.equal((await deliverDueWebhooks(new Date(), 100)).delivered, 1);
      assert.deepEqual(statuses(), [500, 500, 204, 204]);
      assert.deepEqual(grocery.events().filter((event) => event.id === eventId).map((event) => event.timesAcknowledged), [2]);
      const order = grocery.orders().find((known) => known.orderId === orderId)!;
      assert.deepEqual({ state: order.state, applied: order.appliedEventIds }, { state: 'PAID', applied: [eventId] });
    } finally {
      await setBankClock(null);
    }
  });

  test('answering slowly: the bank times out and retries; the event, already kept, is acknowledged and not applied again', async () => {
    grocery.setFailures({ delayMs: 5_500 });
    const created = await grocery.createOrder({ amountFen: 990, description: '青菜 1 把' });
    const orderId = String(created.body.orderId);
    const eventId = openEventId('order.paid', orderId);
    expectOk(await payOrder(orderId));
    try {
      assert.equal((await deliverDueWebhooks(new Date(), 100)).retrying, 1);
      const [delivery] = (await deliveryOf(eventId)).deliveries;
      assert.equal(delivery!.attempts[0]!.error, 'TIMEOUT');
      grocery.setFailures({});
      await setBankClock(new Date(Date.parse(delivery!.nextAttemptAt!) + 1));
      assert.equal((await deliverDueWebhooks(new Date(), 100)).delivered, 1);
      assert.deepEqual(grocery.events().filter((event) => event.id === eventId).map((event) => event.timesAcknowledged), [2]);
      assert.deepEqual(grocery.orders().find((known) => known.orderId === orderId)?.appliedEventIds, [eventId]);
    } finally {
      await setBankClock(null);
    }
  });

  test('a delivery the bank did not sign, or far larger than an event, is refused and not recorded', async () => {
    const eventsBefore = JSON.stringify(grocery.events());
    const attemptsBefore = grocery.attempts().length;
    const eventId = openEventId('order.paid', 'O-FORGED');
    const body = JSON.stringify({ id: eventId, type: 'order.paid', createdAt: new Date().toISOString(), data: { orderId: 'O-FORGED', amountFen: 1_250, state: 'PAID' } });
    const deliver = async (sentBody: string, timestampSeconds: number, signature: string) => {
      const response = await fetch(`${grocery.webhookUrl}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': eventId, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signature, 'jinlin-serial': '5A4E4C4F43414C01' },
        body: sentBody,
      });
      return response.status;
    };
    const nowSeconds = Math.floor(Date.now() / 1000);
    const genuine = async (timestampSeconds: number) => `v1r,${(await platformSignature(webhookSignedContent(eventId, timestampSeconds, body))).signature}`;
    const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

    assert.equal(await deliver(body.replace('1250', '125000'), nowSeconds, await genuine(nowSeconds)), 401, 'a changed body');
    assert.equal(await deliver(body, nowSeconds, `v1r,${sign('sha256', Buffer.from(webhookSignedContent(eventId, nowSeconds, body)), otherKey).toString('base64')}`), 401, 'another key');
    assert.equal(await deliver(body, nowSeconds - 360, await genuine(nowSeconds - 360)), 401, 'signed six minutes ago');
    assert.equal(await deliver(body, nowSeconds, (await genuine(nowSeconds)).replace('v1r,', 'v1,')), 401, 'not labelled v1r');
    assert.equal(await deliver('x'.repeat(100_000), nowSeconds, await genuine(nowSeconds)), 413, 'too large');

    assert.deepEqual(grocery.refusals().map((refusal) => [refusal.status, refusal.reason, refusal.webhookId]), [
      [401, 'SIGNATURE_INVALID', eventId],
      [401, 'SIGNATURE_INVALID', eventId],
      [401, 'SIGNATURE_INVALID', eventId],
      [401, 'SIGNATURE_INVALID', eventId],
      [413, 'BODY_TOO_LARGE', eventId],
    ]);
    assert.equal(JSON.stringify(grocery.events()), eventsBefore);
    assert.equal(grocery.attempts().length, attemptsBefore);
    // The same delivery signed by the bank is taken: it was the signature, nothing else.
    assert.equal(await deliver(body, nowSeconds, await genuine(nowSeconds)), 204);
    assert.equal(grocery.events().at(-1)?.id, eventId);
  });

  test('its control API refuses what it cannot send, and passes the bank’s refusals on', async () => {
    assert.equal((await control('POST', '/orders', { amountFen: '12.50', description: '生鲜' })).status, 400);
    assert.equal((await control('POST', '/failures', { failNext: 1_000 })).status, 400);
    assert.equal((await control('POST', '/failures', { fail: 1 })).status, 400);
    const refused = await control('POST', '/orders', { amountFen: 0, description: '生鲜' });
    assert.deepEqual({ status: refused.status, code: refused.body.error.code }, { status: 400, code: 'VALIDATION_FAILED' });
    const unknown = await control('GET', '/orders/O0000000000000000000');
    assert.deepEqual({ status: unknown.status, code: unknown.body.error.code }, { status: 404, code: 'ORDER_NOT_FOUND' });
    assert.equal((await control('GET', '/nothing')).status, 404);
  });
});
