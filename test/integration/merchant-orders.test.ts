// Orders of the open platform on DynamoDB Local: a partner creates an order for its approved
// merchant and gets the links that open it; a customer opens it, sees the merchant and the amount on
// the review sheet and pays it with the PIN — the money moves to the merchant's wallet with the
// order PAID and the partner's event in the same transaction; the order is paid at most once (two
// customers at once, a second try, a closed or an expired order), the code-payment cap holds, and
// partners × orders × customers: another's order answers 404 and is never listed.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as merchantPayments } from '../../functions/http/merchant-payments.js';
import { handler as merchants } from '../../functions/http/open-merchants.js';
import { handler as orders } from '../../functions/http/open-orders.js';
import { walletAccountId } from '../../functions/domain/open/journals.js';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { getWebhookEvent } from '../../functions/store/webhooks.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, onboard, type Onboarded, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { approvedMerchant, merchantProposal, openCall, registerPartner, signedByBank, type TestPartner } from '../support/partners.js';
import { authorize, encryptPin } from '../support/second-factor.js';

useBank();

const createOrder = (who: TestPartner, body: Record<string, unknown>, idempotencyKey: string = randomUUID()) =>
  openCall(orders, who.credentials, { method: 'POST', path: '/v1/open/orders', body, idempotencyKey });

const payOrder = (customer: Onboarded, orderId: string, options: { key?: string } = {}) =>
  pay(customer, merchantPayments, `/v1/merchant-orders/${orderId}/payment`, {}, options);

const walletFen = async (merchantId: string) => Number((await scanTable()).find((item) => item.PK === keys.balance(walletAccountId(merchantId)).PK && item.SK === 'BALANCE')?.balanceFen);

/** Moves an order's expiry into the past, as time would. */
async function expire(orderId: string) {
  const { doc, tableName } = db();
  await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.merchantOrder(orderId), UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 1_000).toISOString() } }));
}

describe('open-platform orders and their payment', () => {
  let grocery: TestPartner;
  let clinic: TestPartner;
  let merchantId: string;
  let clinicMerchantId: string;
  let alice: Onboarded;
  let bob: Onboarded;
  let n = 0;
  const order = (amountFen: number, extra: Record<string, unknown> = {}) => ({ merchantId, outTradeNo: `ORD-${Date.now()}-${n++}`, amountFen, description: '生鲜 3 件', ...extra });

  before(async () => {
    [grocery, clinic, alice, bob] = await Promise.all([registerPartner({ feeRateBps: 38 }), registerPartner(), onboard({ name: '李爱丽' }), onboard({ name: '王博' })]);
    [merchantId, clinicMerchantId] = await Promise.all([approvedMerchant(grocery, 'G-100'), approvedMerchant(clinic, 'C-100')]);
    expectOk(await topUp(alice, 800_000));
    expectOk(await topUp(bob, 100_000));
  });

  test('an order answers the links that open it in Jinlin, signed, and waits unpaid', async () => {
    const answer = await createOrder(grocery, order(12_345, { expiresInMinutes: 15 }));
    const created = expectOk(answer);
    assert.match(created.orderId, /^O[0-9A-Z]{19}$/);
    assert.equal(created.state, 'UNPAID');
    assert.equal(created.stateLabel, '待支付');
    assert.equal(created.payment.miniProgramPath, `packageCommunity/pages/order/index?orderId=${created.orderId}`);
    assert.equal(Date.parse(created.expiresAt) - Date.parse(created.createdAt), 15 * 60_000);
    assert.equal(created.feeFen, null);
    assert.equal(signedByBank(answer), true);
  });

  test('bad orders are refused with their code and write nothing', async () => {
    const before = (await scanTable()).filter((item) => String(item.PK).startsWith('MORDER#')).length;
    expectError(await createOrder(grocery, order(0)), 400, 'VALIDATION_FAILED');
    expectError(await createOrder(grocery, order(5_000_001)), 400, 'VALIDATION_FAILED');
    expectError(await createOrder(grocery, order(100, { expiresInMinutes: 7 * 24 * 60 + 1 })), 400, 'VALIDATION_FAILED');
    expectError(await createOrder(grocery, order(100, { description: '<script>' })), 400, 'VALIDATION_FAILED');
    // Another partner's merchant is not there for this partner.
    expectError(await createOrder(grocery, order(100, { merchantId: clinicMerchantId })), 404, 'MERCHANT_NOT_FOUND');
    const pending = expectOk(await openCall(merchants, grocery.credentials, { method: 'POST', path: '/v1/open/merchants', body: merchantProposal('G-PENDING'), idempotencyKey: 'pending-merchant' }));
    expectError(await createOrder(grocery, order(100, { merchantId: pending.merchantId })), 422, 'MERCHANT_NOT_ACTIVE');
    assert.equal((await scanTable()).filter((item) => String(item.PK).startsWith('MORDER#')).length, before);
  });

  test('the partner’s order number is held once: the same order asked again answers it, another is refused', async () => {
    const body = order(500);
    const key = randomUUID();
    const first = expectOk(await createOrder(grocery, body, key));
    assert.equal(expectOk(await createOrder(grocery, body, key)).orderId, first.orderId);
    // Under another key too (the first answer lost and its key released): the same order.
    assert.equal(expectOk(await createOrder(grocery, body)).orderId, first.orderId);
    expectError(await createOrder(grocery, { ...body, amountFen: 501 }), 409, 'OUT_TRADE_NO_TAKEN');
    // Another partner may use the same number for its own order.
    expectOk(await createOrder(clinic, { ...body, merchantId: clinicMerchantId }));
    const byNumber = expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/out-trade-no/${body.outTradeNo}` }));
    assert.equal(byNumber.orderId, first.orderId);
  });

  test('a customer pays an order: review sheet, wallet, fee, event, and the order paid once', async () => {
    const created = expectOk(await createOrder(grocery, order(10_000)));
    const seen = expectOk(await call(merchantPayments, { method: 'GET', path: `/v1/merchant-orders/${created.orderId}`, token: alice.token }));
    assert.deepEqual(
      { merchant: seen.merchantShortName, category: seen.merchantCategory, community: seen.communityName, amountFen: seen.amountFen, state: seen.state },
      { merchant: '邻里鲜·幸福里店', category: 'GROCERY', community: '幸福里社区', amountFen: 10_000, state: 'UNPAID' },
    );
    assert.equal('outTradeNo' in seen || 'feeFen' in seen || 'partnerId' in seen, false);
    const review = (await authorize(alice.token, `/v1/merchant-orders/${created.orderId}/payment`, {})).review;
    assert.equal(review.amountFen, 10_000);
    assert.equal(review.payeeMasked, '邻里鲜·幸福里店');

    const aliceBefore = await balanceFen(alice);
    const walletBefore = await walletFen(merchantId);
    // As the app sends it, and sends it again when the answer was lost.
    const key = randomUUID();
    const path = `/v1/merchant-orders/${created.orderId}/payment`;
    const authorization = await authorize(alice.token, path, {}, key);
    const request = { method: 'POST' as const, path, token: alice.token, idempotencyKey: key, body: { secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, alice.pin) } } };
    const paid = expectOk(await call(merchantPayments, request));
    assert.equal(paid.order.state, 'PAID');
    assert.equal(paid.balanceFen, aliceBefore - 10_000);
    assert.equal(await balanceFen(alice), aliceBefore - 10_000);
    // The wallet holds what the merchant is owed: the amount less the fee, 0.38 % rounded half up.
    assert.equal(await walletFen(merchantId), walletBefore + 10_000 - 38);

    const asPartner = expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${created.orderId}` }));
    assert.equal(asPartner.state, 'PAID');
    assert.equal(asPartner.feeFen, 38);
    assert.equal(asPartner.paidAt, paid.order.paidAt);
    assert.equal(JSON.stringify(asPartner).includes(alice.customerId), false);

    const event = await getWebhookEvent(grocery.partner.partnerId, openEventId('order.paid', created.orderId));
    assert.equal(event?.event.type, 'order.paid');
    assert.equal((event?.event.data as { state: string }).state, 'PAID');
    assert.equal(JSON.stringify(event).includes(alice.customerId), false);

    // The same request again answers the same payment; a new one is refused; nothing moves twice.
    const again = expectOk(await call(merchantPayments, request));
    assert.equal(again.journalId, paid.journalId);
    expectError(await payOrder(alice, created.orderId), 422, 'ORDER_ALREADY_PAID');
    // To another customer a paid order does not exist.
    expectError(await call(merchantPayments, { method: 'GET', path: `/v1/merchant-orders/${created.orderId}`, token: bob.token }), 404, 'ORDER_NOT_FOUND');
    expectError(await payOrder(bob, created.orderId), 404, 'ORDER_NOT_FOUND');
    assert.equal(await balanceFen(alice), aliceBefore - 10_000);

    const mine = expectOk(await call(merchantPayments, { method: 'GET', path: '/v1/merchant-orders', token: alice.token }));
    assert.equal(mine.orders[0].orderId, created.orderId);
    const bobs = expectOk(await call(merchantPayments, { method: 'GET', path: '/v1/merchant-orders', token: bob.token }));
    assert.equal(bobs.orders.some((line: { orderId: string }) => line.orderId === created.orderId), false);
    await assertLedgerSound();
  });

  test('two customers paying one order at once: exactly one pays', async () => {
    const created = expectOk(await createOrder(grocery, order(2_000)));
    const [a, b] = await Promise.all([payOrder(alice, created.orderId), payOrder(bob, created.orderId)]);
    assert.equal([a, b].filter((r) => r.status === 200).length, 1, JSON.stringify([a.body, b.body]));
    const loser = [a, b].find((r) => r.status !== 200)!;
    assert.ok(['ORDER_ALREADY_PAID', 'ORDER_NOT_FOUND'].includes(loser.body.error.code), JSON.stringify(loser.body));
    const paymentJournals = (await scanTable()).filter((item) => item.type === 'JOURNAL' && item.kind === 'MERCHANT_PAYMENT' && item.postings.some((p: { counterparty: string }) => p.counterparty === created.orderId));
    assert.equal(paymentJournals.length, 1);
    await assertLedgerSound();
  });

  test('a closed order cannot be paid, a paid one cannot be closed, and closing twice answers the same', async () => {
    const created = expectOk(await createOrder(grocery, order(300)));
    const closed = expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: `/v1/open/orders/${created.orderId}/close`, idempotencyKey: randomUUID() }));
    assert.equal(closed.state, 'CLOSED');
    assert.equal(expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: `/v1/open/orders/${created.orderId}/close`, idempotencyKey: randomUUID() })).closedAt, closed.closedAt);
    expectError(await payOrder(alice, created.orderId), 422, 'ORDER_CLOSED');
    // Another partner cannot close it, or even see it.
    expectError(await openCall(orders, clinic.credentials, { method: 'POST', path: `/v1/open/orders/${created.orderId}/close`, idempotencyKey: randomUUID() }), 404, 'ORDER_NOT_FOUND');
    expectError(await openCall(orders, clinic.credentials, { method: 'GET', path: `/v1/open/orders/${created.orderId}` }), 404, 'ORDER_NOT_FOUND');
    expectError(await openCall(orders, clinic.credentials, { method: 'GET', path: `/v1/open/orders/out-trade-no/${created.outTradeNo}` }), 404, 'ORDER_NOT_FOUND');

    const paid = expectOk(await createOrder(grocery, order(300)));
    expectOk(await payOrder(alice, paid.orderId));
    expectError(await openCall(orders, grocery.credentials, { method: 'POST', path: `/v1/open/orders/${paid.orderId}/close`, idempotencyKey: randomUUID() }), 422, 'ORDER_PAID');
  });

  test('an expired order reads EXPIRED and is refused, even when it expires between the review sheet and the PIN', async () => {
    const lapsed = expectOk(await createOrder(grocery, order(400)));
    await expire(lapsed.orderId);
    assert.equal(expectOk(await call(merchantPayments, { method: 'GET', path: `/v1/merchant-orders/${lapsed.orderId}`, token: alice.token })).state, 'EXPIRED');
    assert.equal(expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${lapsed.orderId}` })).stateLabel, '已过期');
    expectError(await payOrder(alice, lapsed.orderId), 422, 'ORDER_EXPIRED');

    const racing = expectOk(await createOrder(grocery, order(400)));
    const key = randomUUID();
    const path = `/v1/merchant-orders/${racing.orderId}/payment`;
    const authorization = await authorize(alice.token, path, {}, key);
    await expire(racing.orderId);
    const before = await balanceFen(alice);
    const refused = await call(merchantPayments, { method: 'POST', path, token: alice.token, idempotencyKey: key, body: { secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, alice.pin) } } });
    expectError(refused, 422, 'ORDER_EXPIRED');
    assert.equal(await balanceFen(alice), before);
  });

  test('payments to merchants are capped per day by how they are verified (5,000 yuan with the PIN)', async () => {
    const first = expectOk(await createOrder(grocery, order(300_000)));
    const second = expectOk(await createOrder(grocery, order(250_000)));
    expectOk(await payOrder(alice, first.orderId));
    const before = await balanceFen(alice);
    expectError(await payOrder(alice, second.orderId), 422, 'CODE_PAY_LIMIT_EXCEEDED');
    assert.equal(await balanceFen(alice), before);
    assert.equal(expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${second.orderId}` })).state, 'UNPAID');
    await assertLedgerSound();
  });

  test('a customer short of funds is refused and the order stays payable', async () => {
    const created = expectOk(await createOrder(grocery, order(200_000)));
    expectError(await payOrder(bob, created.orderId), 422, 'INSUFFICIENT_FUNDS');
    assert.equal(expectOk(await call(merchantPayments, { method: 'GET', path: `/v1/merchant-orders/${created.orderId}`, token: bob.token })).state, 'UNPAID');
  });
});
