// 社区生活 on DynamoDB Local: customers find a community's approved merchants by category, open a
// merchant's page (what its static code 收款码 opens) and pay it an amount of their own with the
// PIN. The payment makes its order, paid, with the journal, the partner's `order.paid` (source
// STATIC_CODE) and the payer's order line in one transaction; static codes take at most ¥500 a day
// from a customer and count against the code-payment cap; the partner refunds such an order as any
// other; a merchant not approved is not there.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as merchantPayments } from '../../functions/http/merchant-payments.js';
import { handler as merchants } from '../../functions/http/open-merchants.js';
import { handler as orders } from '../../functions/http/open-orders.js';
import { handler as refunds } from '../../functions/http/open-refunds.js';
import { walletAccountId } from '../../functions/domain/open/journals.js';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { keys } from '../../functions/store/keys.js';
import { getWebhookEvent } from '../../functions/store/webhooks.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, onboard, type Onboarded, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { approvedMerchant, merchantProposal, openCall, registerPartner, type TestPartner } from '../support/partners.js';
import { authorize } from '../support/second-factor.js';

useBank();

const CITY = '320105';
/** A community of this run's own: other suites list merchants in theirs. */
const COMMUNITY = `测试花园${randomBytes(3).toString('hex')}`;
const place = { community: { name: COMMUNITY, cityCode: CITY } };

const get = (who: Onboarded, path: string, query?: Record<string, string>) => call(merchantPayments, { method: 'GET', path, token: who.token, ...(query ? { query } : {}) });
const payCode = (who: Onboarded, merchantId: string, amountFen: number, options: { key?: string } = {}) =>
  pay(who, merchantPayments, `/v1/community/merchants/${merchantId}/payments`, { amountFen }, options);
const walletFen = async (merchantId: string) => Number((await scanTable()).find((item) => item.PK === keys.balance(walletAccountId(merchantId)).PK && item.SK === 'BALANCE')?.balanceFen);

describe('static codes and the community listing', () => {
  let grocery: TestPartner;
  let grocerId: string;
  let clinicId: string;
  let pendingId: string;
  let alice: Onboarded;
  let bob: Onboarded;

  before(async () => {
    [grocery, alice, bob] = await Promise.all([registerPartner({ feeRateBps: 60 }), onboard({ name: '李爱丽' }), onboard({ name: '王博' })]);
    [grocerId, clinicId] = await Promise.all([
      approvedMerchant(grocery, 'SC-GROCER', place),
      approvedMerchant(grocery, 'SC-CLINIC', { ...place, category: 'CLINIC', shortName: '仁心诊所' }),
    ]);
    pendingId = expectOk(await openCall(merchants, grocery.credentials, { method: 'POST', path: '/v1/open/merchants', body: merchantProposal('SC-PENDING', place), idempotencyKey: randomUUID() })).merchantId;
    expectOk(await topUp(alice, 700_000));
    expectOk(await topUp(bob, 1_000));
  });

  test('a community lists its approved merchants by category; one waiting for review is not there', async () => {
    const { communities } = expectOk(await get(alice, '/v1/community/communities'));
    assert.deepEqual(
      communities.find((c: { name: string }) => c.name === COMMUNITY),
      { cityCode: CITY, name: COMMUNITY, merchantCount: 2 },
    );
    const all = expectOk(await get(alice, '/v1/community/merchants', { cityCode: CITY, community: COMMUNITY }));
    assert.deepEqual(all.merchants.map((m: { merchantId: string }) => m.merchantId).sort(), [grocerId, clinicId].sort());
    assert.equal(all.nextCursor, null);
    const clinics = expectOk(await get(alice, '/v1/community/merchants', { cityCode: CITY, community: COMMUNITY, category: 'CLINIC' }));
    assert.deepEqual(clinics.merchants, [{ merchantId: clinicId, shortName: '仁心诊所', category: 'CLINIC', communityName: COMMUNITY }]);
    // Another city's community of the same name is another community.
    assert.deepEqual(expectOk(await get(alice, '/v1/community/merchants', { cityCode: '110101', community: COMMUNITY })).merchants, []);
    expectError(await get(alice, '/v1/community/merchants', { cityCode: CITY, community: COMMUNITY, cursor: Buffer.from('GROCERY#M').toString('base64url'), category: 'CLINIC' }), 400, 'INVALID_CURSOR');
    expectError(await get(alice, '/v1/community/merchants', { cityCode: '32', community: COMMUNITY }), 400, 'VALIDATION_FAILED');
    expectError(await get(alice, `/v1/community/merchants/${pendingId}`), 404, 'MERCHANT_NOT_FOUND');
    expectError(await get(alice, '/v1/community/merchants/M000000000000000'), 404, 'MERCHANT_NOT_FOUND');
  });

  test('the partner reads its approved merchant’s static code; a merchant waiting for review has none', async () => {
    const approved = expectOk(await openCall(merchants, grocery.credentials, { method: 'GET', path: `/v1/open/merchants/${grocerId}` }));
    assert.equal(approved.staticCode.miniProgramPath, `packageCommunity/pages/merchant/index?merchantId=${grocerId}`);
    assert.equal(expectOk(await openCall(merchants, grocery.credentials, { method: 'GET', path: `/v1/open/merchants/${pendingId}` })).staticCode, null);
  });

  test('a static code is paid the amount the customer entered: review sheet, wallet, fee, event, order line, refund', async () => {
    const page = expectOk(await get(alice, `/v1/community/merchants/${grocerId}`));
    assert.deepEqual(page, { merchantId: grocerId, shortName: '邻里鲜·幸福里店', category: 'GROCERY', communityName: COMMUNITY, staticCode: { dailyLimitFen: 50_000, remainingTodayFen: 50_000 } });
    const path = `/v1/community/merchants/${grocerId}/payments`;
    const review = (await authorize(alice.token, path, { amountFen: 12_345 })).review;
    assert.deepEqual({ amountFen: review.amountFen, payee: review.payeeMasked }, { amountFen: 12_345, payee: '邻里鲜·幸福里店' });

    const aliceBefore = await balanceFen(alice);
    const walletBefore = await walletFen(grocerId);
    const key = randomUUID();
    const paid = expectOk(await payCode(alice, grocerId, 12_345, { key }));
    assert.deepEqual({ state: paid.order.state, amountFen: paid.order.amountFen, description: paid.order.description }, { state: 'PAID', amountFen: 12_345, description: '扫收款码付款' });
    assert.equal(paid.balanceFen, aliceBefore - 12_345);
    assert.equal(await balanceFen(alice), aliceBefore - 12_345);
    // The fee, 0.60 % half up, stays with the bank; the wallet holds the rest.
    assert.equal(await walletFen(grocerId), walletBefore + 12_345 - 74);
    assert.equal(expectOk(await get(alice, `/v1/community/merchants/${grocerId}`)).staticCode.remainingTodayFen, 50_000 - 12_345);

    const orderId = paid.order.orderId;
    const asPartner = expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${orderId}` }));
    assert.deepEqual(
      { source: asPartner.source, outTradeNo: asPartner.outTradeNo, payment: asPartner.payment, state: asPartner.state, feeFen: asPartner.feeFen, merchantId: asPartner.merchantId },
      { source: 'STATIC_CODE', outTradeNo: null, payment: null, state: 'PAID', feeFen: 74, merchantId: grocerId },
    );
    const event = await getWebhookEvent(grocery.partner.partnerId, openEventId('order.paid', orderId));
    assert.equal((event?.event.data as { source: string }).source, 'STATIC_CODE');
    assert.equal(JSON.stringify(event).includes(alice.customerId), false);
    assert.equal(expectOk(await get(alice, '/v1/merchant-orders')).orders[0].orderId, orderId);
    expectError(await get(bob, `/v1/merchant-orders/${orderId}`), 404, 'ORDER_NOT_FOUND');

    // The same request again (its answer lost) answers the same payment; nothing moves twice.
    const again = expectOk(await payCode(alice, grocerId, 12_345, { key }));
    assert.deepEqual([again.journalId, again.order.orderId], [paid.journalId, orderId]);
    assert.equal(await balanceFen(alice), aliceBefore - 12_345);

    // The partner refunds part of it as any order; the customer's line shows it.
    const refunded = expectOk(await openCall(refunds, grocery.credentials, { method: 'POST', path: `/v1/open/orders/${orderId}/refunds`, body: { outRefundNo: `RN-SC-${Date.now()}`, amountFen: 2_345 }, idempotencyKey: randomUUID() }));
    assert.deepEqual({ outTradeNo: refunded.outTradeNo, amountFen: refunded.amountFen }, { outTradeNo: null, amountFen: 2_345 });
    assert.equal(await balanceFen(alice), aliceBefore - 10_000);
    assert.equal(expectOk(await get(alice, '/v1/merchant-orders')).orders[0].refundedFen, 2_345);
    assert.equal(expectOk(await openCall(orders, grocery.credentials, { method: 'GET', path: `/v1/open/orders/${orderId}` })).refundableFen, 10_000);
    await assertLedgerSound();
  });

  test('static codes take at most ¥500 a day from a customer, and count against the code-payment cap', async () => {
    const used = 50_000 - expectOk(await get(alice, `/v1/community/merchants/${clinicId}`)).staticCode.remainingTodayFen;
    const room = 50_000 - used;
    const before = await balanceFen(alice);
    // Over what is left today (whichever merchant): refused, nothing moved, nothing counted.
    expectError(await payCode(alice, clinicId, room + 1), 422, 'STATIC_CODE_LIMIT_EXCEEDED');
    expectError(await payCode(alice, clinicId, 50_001), 400, 'VALIDATION_FAILED');
    assert.equal(await balanceFen(alice), before);
    expectOk(await payCode(alice, clinicId, room));
    expectError(await payCode(alice, grocerId, 1), 422, 'STATIC_CODE_LIMIT_EXCEEDED');
    assert.equal(expectOk(await get(alice, `/v1/community/merchants/${grocerId}`)).staticCode.remainingTodayFen, 0);

    // An order the partner made is still payable, within what the static codes left of ¥5,000.
    const order = async (amountFen: number) =>
      expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: '/v1/open/orders', body: { merchantId: grocerId, outTradeNo: `SC-${randomBytes(6).toString('hex')}`, amountFen, description: '生鲜' }, idempotencyKey: randomUUID() }));
    const tooMuch = await order(450_001);
    expectError(await pay(alice, merchantPayments, `/v1/merchant-orders/${tooMuch.orderId}/payment`, {}), 422, 'CODE_PAY_LIMIT_EXCEEDED');
    const fits = await order(450_000);
    expectOk(await pay(alice, merchantPayments, `/v1/merchant-orders/${fits.orderId}/payment`, {}));
    await assertLedgerSound();
  });

  test('a customer short of funds is refused with nothing written', async () => {
    const before = (await scanTable()).filter((item) => String(item.PK).startsWith('MORDER#')).length;
    expectError(await payCode(bob, grocerId, 5_000), 422, 'INSUFFICIENT_FUNDS');
    assert.equal((await scanTable()).filter((item) => String(item.PK).startsWith('MORDER#')).length, before);
    assert.equal(expectOk(await get(bob, `/v1/community/merchants/${grocerId}`)).staticCode.remainingTodayFen, 50_000);
  });
});
