// The open platform end to end — 社区生活 in Chromium against the production H5 build, the API in
// serverless offline, DynamoDB Local and the partner simulator (scripts/partner-sim/grocery.ts):
// a partner registered with the simulator's webhook URL and an approved merchant; the simulator
// creates an order through its control API against the stack; a customer signed up and topped up
// through the UI opens the order's H5 link (订单支付), pays it through the review sheet (the
// server's amount, the merchant as payee) and the PIN keypad, sees 支付成功 with the 参考号 and
// finds the order in 社区订单, and opening the link again shows it paid with no way to pay. A
// delivery pass brings the simulator order.paid, verified and applied once. The partner refunds
// part of it over the open API (the simulator's signing client, its answers verified): the order
// page reads 已退款, 社区订单 too, and the balance on home rose by the refund. The day close pays the
// merchant the payment less the fee, less the refund net of the fee's share: the settlement file
// and statement say so, the fee income gained the fee less its share given back, and the next
// delivery pass brings refund.succeeded and settlement.completed. From home's 社区生活 zone the
// customer finds the merchant and pays its static code ¥66.60 of their own; the simulator books the
// sale from its verified order.paid (source STATIC_CODE). Each page at a phone's size has
// its title and a way back, readable text and controls big enough to tap.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { freePort } from '../../scripts/lib/ports.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { JinlinOpenClient } from '../../scripts/partner-sim/client.js';
import { type Grocery, sandboxPlatformPublicKeys, start, WEBHOOK_PATH } from '../../scripts/partner-sim/grocery.js';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';
import { scanTable } from '../support/ledger-check.js';
import { approvedMerchant, registerPartner } from '../support/partners.js';

const bank = useBrowserBank('jinlin-e2e-community');

/** The phone the brief's screens are checked at (iPhone X/11 Pro/12 mini). */
const PHONE = { width: 375, height: 812 };

const ORDER_FEN = 12_345;
const REFUND_FEN = 2_345;
const CODE_FEN = 6_660;

async function checkPage(page: Page, title: string, control: 'back' | 'home', shot: string) {
  await expectBar(page, title, control);
  await page.locator('#skeleton').waitFor({ state: 'detached' });
  assert.deepEqual(await accessibilityProblems(page), [], `on ${title}`);
  await stepScreenshot(page, shot);
}

/** The automation's routes on the stack (the day close, a webhook delivery pass). */
async function operatorCall(path: string): Promise<any> {
  const response = await fetch(`${bank.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! }, body: '{}' });
  const answer = await response.json();
  assert.equal(response.status, 200, `${path}: ${JSON.stringify(answer)}`);
  return answer;
}

/** What the bank's fee income holds, over all its shards. */
async function feeIncomeFen(): Promise<number> {
  const shards = (await scanTable()).filter((item) => String(item.PK).startsWith('ACCT#HOUSE-MERCHANT-FEE-INCOME~') && item.SK === 'BALANCE');
  return shards.reduce((sum, item) => sum + Number(item.balanceFen ?? 0), 0);
}

/** `¥1,000.00` → 100000, on the digits alone (no floating point). */
function fenOf(shown: string): number {
  const match = /^¥([\d,]+)\.(\d{2})$/.exec(shown.trim());
  assert.ok(match, `not an amount: ${shown}`);
  return Number(match[1]!.replaceAll(',', '') + match[2]!);
}

test('a partner’s order paid in the H5 app, its webhook verified, refunded in part, and the merchant settled at the day close with the fee booked', async (t) => {
  // The partner's system: the simulator, its webhook URL the partner's.
  const port = await freePort();
  const partner = await registerPartner({ name: '邻里鲜社区超市（测试）', webhookUrls: [`http://127.0.0.1:${port}${WEBHOOK_PATH}`] });
  const merchantId = await approvedMerchant(partner, `E2E-${Date.now()}`);
  const grocery: Grocery = await start({ bankUrl: bank.apiUrl, port, credentials: partner.credentials, merchantId });
  t.after(() => grocery.stop());
  assert.equal(grocery.webhookUrl, partner.partner.webhookUrls[0]);
  // The same client the simulator signs with, for what its control API does not do (refunds, settlements).
  const open = new JinlinOpenClient(bank.apiUrl, partner.credentials, sandboxPlatformPublicKeys());
  const feeIncomeBefore = await feeIncomeFen();

  const control = await fetch(`${grocery.url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amountFen: ORDER_FEN, description: '生鲜 3 件：土鸡蛋、青菜、豆腐', expiresInMinutes: 60 }),
  });
  const created = (await control.json()) as { orderId: string; outTradeNo: string; state: string; payment: { h5Url: string | null } };
  assert.equal(control.status, 200, JSON.stringify(created));
  const { orderId, outTradeNo } = created;
  assert.equal(created.state, 'UNPAID');
  const orderLink = `${bank.origin}/#/packageCommunity/pages/order/index?orderId=${orderId}`;
  // The link the bank gives the partner for its QR is the H5 build's.
  assert.equal(created.payment.h5Url, orderLink);

  const context = await bank.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-community-last');
  t.after(() => context.close());
  const pin = '602793';
  const requests = watchForClearPins(context, [pin]);
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-community-${randomUUID().slice(0, 8)}`,
    phone: '13700137051',
    name: '林小满',
    idBody: '11010519910304002',
    pin,
    cardBody: '622202000056790',
  });
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '500');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥500.00' });
  await page.locator('#result-message').waitFor();

  // The partner's link, opened in a new tab as a QR scan or a shared link opens it (the same
  // browser storage, so signed in): the order as the server holds it.
  const linkTab = await context.newPage();
  const linkErrors = watchedPage(t, linkTab, 'jinlin-e2e-community-link-last');
  await payFromLink(linkTab, orderLink, pin, orderId);

  // A delivery pass: the simulator holds order.paid, its signature verified, applied once.
  const paidEventId = openEventId('order.paid', orderId);
  const firstPass = await operatorCall('/v1/admin/webhooks/deliver');
  assert.ok(firstPass.delivered >= 1, JSON.stringify(firstPass));
  const paidEvents = grocery.events().filter((event) => event.id === paidEventId);
  assert.deepEqual(
    paidEvents.map((event) => [event.type, event.data.orderId, event.data.state, event.data.amountFen, event.timesAcknowledged]),
    [['order.paid', orderId, 'PAID', ORDER_FEN, 1]],
  );
  assert.deepEqual(grocery.refusals(), []);
  const known = () => grocery.orders().find((order) => order.orderId === orderId)!;
  assert.deepEqual({ outTradeNo: known().outTradeNo, state: known().state, applied: known().appliedEventIds }, { outTradeNo, state: 'PAID', applied: [paidEventId] });
  // The bank, asked through the simulator, agrees; its fee on the order (30 bps) is the partner's to read.
  const atBank = await grocery.queryOrder(orderId);
  assert.equal(atBank.status, 200);
  assert.equal(atBank.body.state, 'PAID');
  const feeFen = Number(atBank.body.feeFen);
  assert.equal(feeFen, Math.floor((ORDER_FEN * partner.partner.feeRateBps + 5_000) / 10_000));

  // A partial refund, signed by the partner; the fee's share of it goes back to the merchant.
  const refunded = await open.request<{ refundId: string; amountFen: number; feeRefundFen: number; state: string; fundsSource: string }>('POST', `/v1/open/orders/${orderId}/refunds`, {
    body: { outRefundNo: `RF-${Date.now()}`, amountFen: REFUND_FEN, reason: '豆腐缺货' },
    idempotencyKey: randomUUID(),
  });
  assert.equal(refunded.status, 200, JSON.stringify(refunded.body));
  const { refundId, feeRefundFen } = refunded.body;
  assert.deepEqual([refunded.body.amountFen, refunded.body.state, refunded.body.fundsSource], [REFUND_FEN, 'SUCCEEDED', 'WALLET']);
  assert.equal(feeRefundFen, Math.floor((feeFen * REFUND_FEN * 2 + ORDER_FEN) / (ORDER_FEN * 2)));

  // The customer sees it: the order page, 社区订单 and the balance on home.
  const refundTab = await context.newPage();
  const refundErrors = watchedPage(t, refundTab, 'jinlin-e2e-community-refund-last');
  await seeRefund(refundTab, orderLink, orderId);
  await refundTab.goto(`${bank.origin}/`);
  await refundTab.locator('#balance').waitFor();
  assert.equal(fenOf(await refundTab.locator('#balance').innerText()), 50_000 - ORDER_FEN + REFUND_FEN);
  await stepScreenshot(refundTab, 'community-home-refunded');

  // The day close pays the merchant: the payment less the fee, less the refund net of its fee share.
  const report = await operatorCall('/v1/admin/day-close');
  const { closedDate } = report as { closedDate: string };
  const expectedFen = ORDER_FEN - feeFen - (REFUND_FEN - feeRefundFen);
  assert.ok(report.merchants.merchantsSettled >= 1 && report.merchants.settledFen >= expectedFen, JSON.stringify(report.merchants));
  const file = await open.request<{ settlements: { settlementId: string; merchantId: string; amountFen: number; status: string }[] }>('GET', '/v1/open/settlements', { query: { closedDate } });
  assert.equal(file.status, 200, JSON.stringify(file.body));
  const settled = file.body.settlements.filter((row) => row.merchantId === merchantId);
  assert.deepEqual(settled.map((row) => [row.status, row.amountFen]), [['PAID', expectedFen]]);
  const { settlementId } = settled[0]!;
  const statement = await open.request<{ lines: { type: string; orderId: string | null; refundId: string | null; netFen: number }[] }>('GET', `/v1/open/settlements/${settlementId}`);
  assert.equal(statement.status, 200, JSON.stringify(statement.body));
  assert.deepEqual(
    statement.body.lines.map((line) => [line.type, line.orderId, line.refundId, line.netFen]).sort(),
    [['PAYMENT', orderId, null, ORDER_FEN - feeFen], ['REFUND', null, refundId, -(REFUND_FEN - feeRefundFen)]].sort(),
  );
  // The fee booked: the fee income gained the order's fee less the share the refund gave back.
  assert.equal((await feeIncomeFen()) - feeIncomeBefore, feeFen - feeRefundFen);

  // The next pass: the refund and the settlement, verified, each held once.
  const secondPass = await operatorCall('/v1/admin/webhooks/deliver');
  assert.ok(secondPass.delivered >= 2, JSON.stringify(secondPass));
  const held = (id: string) => grocery.events().filter((event) => event.id === id);
  assert.deepEqual(
    held(openEventId('refund.succeeded', refundId)).map((event) => [event.type, event.data.orderId, event.data.amountFen, event.data.feeRefundFen, event.timesAcknowledged]),
    [['refund.succeeded', orderId, REFUND_FEN, feeRefundFen, 1]],
  );
  assert.deepEqual(
    held(openEventId('settlement.completed', settlementId)).map((event) => [event.type, event.data.merchantId, event.data.amountFen, event.data.status, event.timesAcknowledged]),
    [['settlement.completed', merchantId, expectedFen, 'PAID', 1]],
  );
  assert.deepEqual(grocery.refusals(), []);
  assert.deepEqual(known().appliedEventIds, [paidEventId, openEventId('refund.succeeded', refundId)]);
  assert.equal(held(paidEventId)[0]!.timesAcknowledged, 1);

  // The merchant's static code (收款码), found from home's 社区生活 zone: an amount of the customer's
  // own, paid through the same review sheet; the partner hears of it as order.paid from a static code.
  const codeTab = await context.newPage();
  const codeErrors = watchedPage(t, codeTab, 'jinlin-e2e-community-code-last');
  const codeOrderId = await payStaticCode(codeTab, bank.origin, merchantId, pin);
  const thirdPass = await operatorCall('/v1/admin/webhooks/deliver');
  assert.ok(thirdPass.delivered >= 1, JSON.stringify(thirdPass));
  const codeEventId = openEventId('order.paid', codeOrderId);
  assert.deepEqual(
    held(codeEventId).map((event) => [event.type, event.data.source, event.data.outTradeNo, event.data.amountFen, event.timesAcknowledged]),
    [['order.paid', 'STATIC_CODE', null, CODE_FEN, 1]],
  );
  const sale = grocery.orders().find((order) => order.orderId === codeOrderId);
  assert.deepEqual({ outTradeNo: sale?.outTradeNo, state: sale?.state, applied: sale?.appliedEventIds }, { outTradeNo: null, state: 'PAID', applied: [codeEventId] });
  assert.deepEqual(grocery.refusals(), []);

  assert.deepEqual(linkErrors, []);
  assert.deepEqual(refundErrors, []);
  assert.deepEqual(codeErrors, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, [
    'POST /v1/me/pin',
    'POST /v1/account/top-up',
    `POST /v1/merchant-orders/${orderId}/payment`,
    `POST /v1/community/merchants/${merchantId}/payments`,
  ]);
});

/** Home → 社区生活 → 生鲜超市 → the merchant → ¥66.60 of one's own → review → PIN → 支付成功; the
 *  order it made, read from 查看订单. */
async function payStaticCode(page: Page, origin: string, merchantId: string, pin: string): Promise<string> {
  await page.goto(`${origin}/`);
  await page.locator('#community-zone').scrollIntoViewIfNeeded();
  await stepScreenshot(page, 'community-home-zone');
  await click(page, 'community-GROCERY');
  await page.locator(`#community-merchant-${merchantId}`).waitFor();
  await checkPage(page, '社区商户', 'back', 'community-merchants');
  assert.equal((await page.locator('#community-name').innerText()).trim(), '幸福里社区');
  assert.match(await page.locator(`#community-merchant-${merchantId}`).innerText(), /邻里鲜·幸福里店[\s\S]*生鲜超市 · 幸福里社区/);

  await click(page, `community-merchant-${merchantId}`);
  await page.locator('#merchant-limit').waitFor();
  await checkPage(page, '付款给商户', 'back', 'community-merchant');
  assert.equal((await page.locator('#merchant-name').innerText()).trim(), '邻里鲜·幸福里店');
  assert.match(await page.locator('#merchant-limit').innerText(), /¥500\.00[\s\S]*¥500\.00/);
  await fill(page, 'merchant-amount', '66.6');
  await click(page, 'merchant-pay');
  await confirmPayment(page, pin, { amount: '¥66.60', payee: /邻里鲜·幸福里店/, screenshot: 'community-code-review' });
  await page.locator('#result-message').waitFor();
  assert.equal((await page.locator('#result-message').innerText()).trim(), '支付成功');
  assert.equal((await page.locator('#result-amount').innerText()).trim(), '¥66.60');
  await stepScreenshot(page, 'community-code-result');

  await click(page, 'result-order');
  await page.locator('#order-state').waitFor();
  assert.match(await page.locator('#order-state').innerText(), /已支付/);
  assert.equal((await page.locator('#order-amount').innerText()).trim(), '¥66.60');
  const orderId = /orderId=(O[0-9A-Z]{19})/.exec(page.url())?.[1];
  assert.ok(orderId, page.url());
  return orderId;
}

async function payFromLink(page: Page, orderLink: string, pin: string, orderId: string) {
  await page.goto(orderLink);
  await page.locator('#order-amount').waitFor();
  await checkPage(page, '订单支付', 'home', 'community-order');
  assert.equal((await page.locator('#order-merchant').innerText()).trim(), '邻里鲜·幸福里店');
  assert.equal((await page.locator('#order-merchant-meta').innerText()).trim(), '生鲜超市 · 幸福里社区');
  assert.equal((await page.locator('#order-amount').innerText()).trim(), '¥123.45');
  assert.match(await page.locator('#order-expires').innerText(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  await click(page, 'order-pay');
  await confirmPayment(page, pin, { amount: '¥123.45', payee: /邻里鲜·幸福里店/, screenshot: 'community-order-review' });
  await page.locator('#result-message').waitFor();
  // The result replaced the order, the first page of this tab: its way out is home.
  await checkPage(page, '支付结果', 'home', 'community-result');
  assert.equal((await page.locator('#result-message').innerText()).trim(), '支付成功');
  assert.equal((await page.locator('#result-amount').innerText()).trim(), '¥123.45');
  assert.equal((await page.locator('#result-merchant').innerText()).trim(), '邻里鲜·幸福里店');
  assert.match((await page.locator('#reference:visible').innerText()).trim(), REFERENCE_PATTERN);
  assert.equal((await page.locator('#result-balance').innerText()).trim(), '¥376.55');

  // 查看订单: the order, now paid, with no way to pay it again.
  await click(page, 'result-order');
  await page.locator('#order-state').waitFor();
  assert.match(await page.locator('#order-state').innerText(), /已支付/);
  assert.equal(await page.locator('#order-pay').count(), 0);
  assert.equal(await page.locator('#order-refunded').count(), 0);
  await checkPage(page, '订单支付', 'home', 'community-order-paid');

  // 社区订单: the order paid, newest first.
  await click(page, 'order-list');
  await page.locator(`#community-order-${orderId}`).waitFor();
  await checkPage(page, '社区订单', 'back', 'community-orders');
  assert.match(await page.locator(`#community-order-${orderId}`).innerText(), /邻里鲜·幸福里店[\s\S]*生鲜 3 件[\s\S]*-¥123\.45/);
  assert.doesNotMatch(await page.locator(`#community-order-${orderId}`).innerText(), /退款/);
}

/** The link opened again after the partner's refund: paid, ¥23.45 back, in 社区订单 too. */
async function seeRefund(page: Page, orderLink: string, orderId: string) {
  await page.goto(orderLink);
  await page.locator('#order-refunded').waitFor();
  await checkPage(page, '订单支付', 'home', 'community-order-refunded');
  assert.match(await page.locator('#order-state').innerText(), /已支付/);
  assert.equal((await page.locator('#order-refunded').innerText()).trim(), '¥23.45');
  assert.match(await page.locator('#order-state').innerText(), /已退款\s*¥23\.45/);
  assert.equal((await page.locator('#order-amount').innerText()).trim(), '¥123.45');
  assert.equal(await page.locator('#order-pay').count(), 0);

  await click(page, 'order-list');
  await page.locator(`#community-order-${orderId}`).waitFor();
  await checkPage(page, '社区订单', 'back', 'community-orders-refunded');
  assert.match(await page.locator(`#community-order-${orderId}`).innerText(), /邻里鲜·幸福里店[\s\S]*生鲜 3 件[\s\S]*-¥123\.45[\s\S]*已退款 ¥23\.45/);
}
