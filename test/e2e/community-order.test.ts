// 社区生活 in Chromium against the production H5 build, the API in serverless offline and
// DynamoDB Local: a partner's approved merchant opens an order (the open API, signed by the
// partner's key, in this process against the same table); a customer signed up and topped up
// through the UI opens the order's H5 link (订单支付), pays it through the review sheet (the
// server's amount, the merchant as payee) and the PIN keypad, sees 支付成功 with the 参考号, finds
// the order in 社区订单, and opening the link again shows it paid with no way to pay. Each page
// at a phone's size has its title and a way back, readable text and controls big enough to tap.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { handler as openOrders } from '../../functions/http/open-orders.js';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';
import { approvedMerchant, openCall, registerPartner } from '../support/partners.js';

const bank = useBrowserBank('jinlin-e2e-community');

/** The phone the brief's screens are checked at (iPhone X/11 Pro/12 mini). */
const PHONE = { width: 375, height: 812 };

async function checkPage(page: Page, title: string, control: 'back' | 'home', shot: string) {
  await expectBar(page, title, control);
  await page.locator('#skeleton').waitFor({ state: 'detached' });
  assert.deepEqual(await accessibilityProblems(page), [], `on ${title}`);
  await stepScreenshot(page, shot);
}

test('a customer pays a community merchant’s order from its link, once, and finds it in 社区订单', async (t) => {
  const grocery = await registerPartner();
  const merchantId = await approvedMerchant(grocery, `E2E-${Date.now()}`);
  const created = await openCall(openOrders, grocery.credentials, {
    method: 'POST',
    path: '/v1/open/orders',
    body: { merchantId, outTradeNo: `E2E-${Date.now()}`, amountFen: 12_345, description: '生鲜 3 件：土鸡蛋、青菜、豆腐', expiresInMinutes: 60 },
    idempotencyKey: randomUUID(),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const { orderId } = created.body as { orderId: string };
  const orderLink = `${bank.origin}/#/packageCommunity/pages/order/index?orderId=${orderId}`;

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
  assert.deepEqual(linkErrors, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, ['POST /v1/me/pin', 'POST /v1/account/top-up', `POST /v1/merchant-orders/${orderId}/payment`]);
});

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
  await checkPage(page, '订单支付', 'home', 'community-order-paid');

  // 社区订单: the order paid, newest first.
  await click(page, 'order-list');
  await page.locator(`#community-order-${orderId}`).waitFor();
  await checkPage(page, '社区订单', 'back', 'community-orders');
  assert.match(await page.locator(`#community-order-${orderId}`).innerText(), /邻里鲜·幸福里店[\s\S]*生鲜 3 件[\s\S]*-¥123\.45/);
}
