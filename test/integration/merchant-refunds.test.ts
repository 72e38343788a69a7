// Refunds of the open platform's orders on DynamoDB Local: in full or in parts, back to the e-account
// that paid, the fee given back in proportion (a full refund in parts gives back exactly the fee);
// never more than was paid — also when refunds race; each refund number once; the refund window;
// from the partner's reserve when the wallet holds too little, refused when neither does, and no
// wallet below zero; a refund is never refused for the customer's Class II inflow limit and does
// not give back the outflow the payment used; another partner's order or refund answers 404.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { reserveAccountId, walletAccountId } from '../../functions/domain/open/journals.js';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { handler as merchantPayments } from '../../functions/http/merchant-payments.js';
import { handler as orders } from '../../functions/http/open-orders.js';
import { handler as refunds } from '../../functions/http/open-refunds.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { getWebhookEvent } from '../../functions/store/webhooks.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, onboard, type Onboarded, pay, topUp, transfer } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { approvedMerchant, fundReserve, openCall, registerPartner, type TestPartner } from '../support/partners.js';

useBank();

/** The books are sound; a reserve deposit is booked by its approved change, answering no key. */
const assertBooksSound = async () =>
  assertLedgerSound({ unkeyedJournals: new Set((await scanTable()).filter((item) => item.type === 'JOURNAL' && item.kind === 'RESERVE_DEPOSIT').map((item) => String(item.journalId))) });

const balanceItem = async (accountId: string) => Number((await scanTable()).find((item) => item.PK === keys.balance(accountId).PK && item.SK === 'BALANCE')?.balanceFen ?? 0);

describe('open-platform refunds', () => {
  let grocery: TestPartner;
  let clinic: TestPartner;
  let merchantId: string;
  let alice: Onboarded;
  let bob: Onboarded;
  let n = 0;

  /** An order of `amountFen` paid by `payer`. */
  async function paidOrder(amountFen: number, payer: Onboarded = alice) {
    const created = expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: '/v1/open/orders', body: { merchantId, outTradeNo: `RF-${Date.now()}-${n++}`, amountFen, description: '日用品' }, idempotencyKey: randomUUID() }));
    expectOk(await pay(payer, merchantPayments, `/v1/merchant-orders/${created.orderId}/payment`, {}));
    return created.orderId as string;
  }

  const refund = (orderId: string, amountFen: number, outRefundNo = `RN-${Date.now()}-${n++}`, who: TestPartner = grocery) =>
    openCall(refunds, who.credentials, { method: 'POST', path: `/v1/open/orders/${orderId}/refunds`, body: { outRefundNo, amountFen, reason: '商品缺货' }, idempotencyKey: randomUUID() });

  const order = async (orderId: string) => expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${orderId}` }));

  before(async () => {
    // 1 % fee, so each share is easy to see.
    [grocery, clinic, alice, bob] = await Promise.all([registerPartner({ feeRateBps: 100 }), registerPartner(), onboard({ name: '李爱丽' }), onboard({ name: '王博' })]);
    merchantId = await approvedMerchant(grocery, 'G-RF');
    expectOk(await topUp(alice, 400_000));
    expectOk(await topUp(bob, 2_000_000));
  });

  test('a refund in three parts gives back the amount and exactly the fee, to the payer, and says so to the partner', async () => {
    const orderId = await paidOrder(10_001);
    const before = await balanceFen(alice);
    const walletBefore = await balanceItem(walletAccountId(merchantId));
    const parts = [3_333, 3_333, 3_335];
    const answers = [];
    for (const part of parts) answers.push(expectOk(await refund(orderId, part)));
    // The fee on 10,001 fen at 1 % is 100 fen; its shares follow the running total.
    assert.deepEqual(answers.map((a) => a.feeRefundFen), [33, 34, 33]);
    assert.equal(answers.reduce((sum, a) => sum + a.feeRefundFen, 0), 100);
    assert.ok(answers.every((a) => a.fundsSource === 'WALLET' && a.state === 'SUCCEEDED'));
    assert.equal(await balanceFen(alice), before + 10_001);
    assert.equal(await balanceItem(walletAccountId(merchantId)), walletBefore - (10_001 - 100));
    const after = await order(orderId);
    assert.equal(after.refundedFen, 10_001);
    assert.equal(after.state, 'PAID');
    expectError(await refund(orderId, 1), 422, 'REFUND_EXCEEDS_PAID');
    const event = await getWebhookEvent(grocery.partner.partnerId, openEventId('refund.succeeded', answers[2].refundId));
    assert.equal((event?.event.data as { amountFen: number }).amountFen, 3_335);
    // The customer's order line and order show what came back.
    const mine = expectOk(await call(merchantPayments, { method: 'GET', path: '/v1/merchant-orders', token: alice.token }));
    assert.equal(mine.orders.find((line: { orderId: string }) => line.orderId === orderId).refundedFen, 10_001);
    await assertBooksSound();
  });

  test('the same refund number answers the same refund; another refund under it is refused', async () => {
    const orderId = await paidOrder(1_000);
    const first = expectOk(await refund(orderId, 400, 'RN-SAME-0001'));
    const again = expectOk(await refund(orderId, 400, 'RN-SAME-0001'));
    assert.equal(again.refundId, first.refundId);
    expectError(await refund(orderId, 300, 'RN-SAME-0001'), 409, 'OUT_REFUND_NO_TAKEN');
    assert.equal((await order(orderId)).refundedFen, 400);
    const byNumber = expectOk(await openCall(refunds, grocery.credentials, { method: 'GET', path: '/v1/open/refunds/out-refund-no/RN-SAME-0001' }));
    assert.equal(byNumber.refundId, first.refundId);
    await assertBooksSound();
  });

  test('refunds racing on one order never give back more than was paid', async () => {
    const orderId = await paidOrder(1_000);
    const raced = await Promise.all(Array.from({ length: 5 }, () => refund(orderId, 300)));
    const made = raced.filter((r) => r.status === 200);
    assert.equal(made.length, 3, JSON.stringify(raced.map((r) => r.body)));
    for (const refused of raced.filter((r) => r.status !== 200)) assert.ok(['REFUND_EXCEEDS_PAID', 'REFUND_BUSY'].includes(refused.body.error.code), JSON.stringify(refused.body));
    assert.equal((await order(orderId)).refundedFen, 900);
    await assertBooksSound();
  });

  test('bad refunds are refused with their code and move nothing', async () => {
    const orderId = await paidOrder(500);
    const unpaid = expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: '/v1/open/orders', body: { merchantId, outTradeNo: `RF-UNPAID-${n++}`, amountFen: 500, description: '未付订单' }, idempotencyKey: randomUUID() }));
    const before = await balanceFen(alice);
    expectError(await refund(unpaid.orderId, 100), 422, 'ORDER_NOT_PAID');
    expectError(await refund(orderId, 501), 422, 'REFUND_EXCEEDS_PAID');
    expectError(await refund(orderId, 0), 400, 'VALIDATION_FAILED');
    // Another partner's order and refund are not there for it.
    expectError(await refund(orderId, 100, undefined, clinic), 404, 'ORDER_NOT_FOUND');
    const made = expectOk(await refund(orderId, 100));
    expectError(await openCall(refunds, clinic.credentials, { method: 'GET', path: `/v1/open/refunds/${made.refundId}` }), 404, 'REFUND_NOT_FOUND');
    // Past the window (180 days by default).
    const { doc, tableName } = db();
    await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.merchantOrder(orderId), UpdateExpression: 'SET paidAt = :old', ExpressionAttributeValues: { ':old': new Date(Date.now() - 181 * 86_400_000).toISOString() } }));
    expectError(await refund(orderId, 100), 422, 'REFUND_WINDOW_CLOSED');
    assert.equal(await balanceFen(alice), before + 100);
  });

  test('a wallet holding too little: the reserve pays the merchant’s part; neither holding enough: refused, no wallet below zero', async () => {
    const orderId = await paidOrder(20_000);
    // The wallet's money was paid out (as settlement does): it holds 50 fen.
    const { doc, tableName } = db();
    const walletNow = await balanceItem(walletAccountId(merchantId));
    await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.balance(walletAccountId(merchantId)), UpdateExpression: 'SET balanceFen = :fifty', ExpressionAttributeValues: { ':fifty': 50 } }));
    expectError(await refund(orderId, 10_000), 422, 'REFUND_FUNDS_INSUFFICIENT');
    await fundReserve(grocery, 15_000);
    const fromReserve = expectOk(await refund(orderId, 10_000));
    assert.equal(fromReserve.fundsSource, 'RESERVE');
    assert.equal(await balanceItem(reserveAccountId(grocery.partner.partnerId)), 15_000 - (10_000 - 100));
    assert.equal(await balanceItem(walletAccountId(merchantId)), 50);
    expectError(await refund(orderId, 10_000), 422, 'REFUND_FUNDS_INSUFFICIENT');
    // A small refund the wallet can pay comes from the wallet first.
    assert.equal(expectOk(await refund(orderId, 40)).fundsSource, 'WALLET');
    await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.balance(walletAccountId(merchantId)), UpdateExpression: 'ADD balanceFen :back', ExpressionAttributeValues: { ':back': walletNow - 50 } }));
    await assertBooksSound();
  });

  test('a refund is never refused for the Class II inflow limit, and does not give back the outflow used', async () => {
    // Alice pays 4,000 yuan to the merchant, and Bob sends her the day's whole inflow limit.
    expectOk(await topUp(alice, 400_000));
    const orderId = await paidOrder(400_000);
    expectOk(await transfer(bob, alice, 1_000_000));
    const carol = await onboard({ name: '陈卡罗' });
    expectOk(await topUp(carol, 1_000));
    expectError(await transfer(carol, alice, 100), 422, 'PAYEE_LIMIT_EXCEEDED');
    const before = await balanceFen(alice);
    expectOk(await refund(orderId, 400_000));
    assert.equal(await balanceFen(alice), before + 400_000);
    // The 4,000 yuan paid still counts against today's 5,000 for merchants.
    const next = expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: '/v1/open/orders', body: { merchantId, outTradeNo: `RF-CAP-${n++}`, amountFen: 200_000, description: '日用品' }, idempotencyKey: randomUUID() }));
    expectError(await pay(alice, merchantPayments, `/v1/merchant-orders/${next.orderId}/payment`, {}), 422, 'CODE_PAY_LIMIT_EXCEEDED');
    await assertBooksSound();
  });
});
