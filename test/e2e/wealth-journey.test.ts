// A new customer in real Chromium against the production H5 build, the API in serverless offline
// and DynamoDB Local: top up ¥2,000, take the risk questionnaire (→ C3), buy ¥0.01 of the
// money-market fund and ¥1,000 of the 90-day fixed-term product, buy ¥100 more of it and cancel
// that within its cooling-off hours → the balance is back up by exactly ¥100; then the operator
// runs the day close twice (T, then T+1 which confirms the units) and publishes today's NAV → the
// holdings show the units and the earnings → fast-redeem the money-market units → the balance is
// back up by exactly ¥0.01. Every payment through the review sheet (showing the server's figure)
// and the PIN keypad, on a phone's screen; no request holds the PIN in clear.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { handler as admin } from '../../functions/http/admin.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call } from '../support/bank.js';
import { publishNavByChange } from '../support/changes.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-wealth');

/** `¥1,000.00` / `+¥5.00` → fen, on the digits alone (no floating point). */
function fenOf(shown: string): number {
  const match = /^([+-]?)¥([\d,]+)\.(\d{2})$/.exec(shown.trim());
  assert.ok(match, `not an amount: ${shown}`);
  const fen = Number(match[2]!.replaceAll(',', '') + match[3]!);
  return match[1] === '-' ? -fen : fen;
}

const text = async (page: Page, id: string) => {
  await page.locator(`#${id}`).first().waitFor();
  return (await page.locator(`#${id}`).first().innerText()).trim();
};

/** Operators, through their API (the admin routes, called as API Gateway would). */
const operator = { 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! };
async function operatorCall(handler: typeof admin, path: string, body?: unknown) {
  const res = await call(handler, { method: 'POST', path, headers: operator, ...(body === undefined ? {} : { body }) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

async function buy(page: Page, productId: string, amountYuan: string, amountShown: string, pin: string) {
  await click(page, 'tile-wealth');
  await click(page, `product-${productId}`);
  await page.locator('#product-chart .chart__bar').first().waitFor();
  await click(page, 'product-buy');
  await fill(page, 'buy-amount', amountYuan);
  await click(page, 'buy-ack');
  await click(page, 'buy-submit');
  await confirmPayment(page, pin, { amount: amountShown });
  assert.equal(await text(page, 'result-message'), '购买成功，份额确认中');
  const result = { amountFen: fenOf(await text(page, 'result-amount')), balanceFen: fenOf(await text(page, 'result-balance')) };
  await click(page, 'back-home');
  return result;
}

test('questionnaire → buy ¥0.01 money-market and ¥1,000 fixed-term → cancel a purchase → day close → holdings → fast redemption', async (t) => {
  const page = await bank.browser.newPage({ viewport: PHONE_VIEWPORT });
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-wealth-last');
  const pin = '602819';
  const requests = watchForClearPins(page, [pin]);
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-wealth-${randomUUID().slice(0, 8)}`,
    phone: '13700137031',
    name: '黄蓉',
    idBody: '11010519920815024',
    pin,
    cardBody: '621483000056790',
  });

  // ¥2,000 from the bound card.
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '2000');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥2,000.00' });
  assert.equal(fenOf(await text(page, 'result-balance')), 200_000);
  await click(page, 'back-home');

  // The questionnaire: the middle answer everywhere → C3, valid for 12 months.
  await click(page, 'tile-wealth');
  assert.equal(await text(page, 'wealth-risk-level'), '未评估');
  await click(page, 'wealth-questionnaire');
  for (let n = 1; n <= 10; n++) await click(page, `answer-q${String(n).padStart(2, '0')}-c`);
  await click(page, 'questionnaire-submit');
  assert.equal(await text(page, 'risk-level'), 'C3 平衡型');
  await click(page, 'questionnaire-done');
  await page.locator('#wealth-risk-level', { hasText: 'C3 平衡型' }).waitFor();
  await page.goBack();

  const money = await buy(page, 'zhaozhao-money', '0.01', '¥0.01', pin);
  assert.deepEqual(money, { amountFen: 1, balanceFen: 199_999 });
  const fixed = await buy(page, 'jijiwen-90d', '1000', '¥1,000.00', pin);
  assert.deepEqual(fixed, { amountFen: 100_000, balanceFen: 99_999 });

  // ¥100 more of the fixed-term product, cancelled within its 24 cooling-off hours: the review
  // shows the refund the server works out, and exactly that comes back.
  assert.deepEqual(await buy(page, 'jijiwen-90d', '100', '¥100.00', pin), { amountFen: 10_000, balanceFen: 89_999 });
  await click(page, 'tile-wealth');
  await click(page, 'wealth-orders');
  // Newest first: the ¥100 purchase.
  await page.locator('.order-item:visible').first().click();
  await click(page, 'order-cancel');
  await confirmPayment(page, pin, { amount: '¥100.00', screenshot: 'review-sheet-cancel' });
  assert.equal(await text(page, 'result-message'), '已撤销，款项已退回');
  assert.equal(fenOf(await text(page, 'result-amount')), 10_000);
  assert.equal(fenOf(await text(page, 'result-balance')), 99_999);
  await click(page, 'back-home');

  // The operator closes T (nothing confirms yet) and T+1 (units at T+1's NAV, 1.0000), then two
  // product managers publish today's NAV of the fixed-term product, 1.0050 (maker and checker).
  const t0 = await currentBusinessDate(new Date());
  const first = await operatorCall(admin, '/v1/admin/day-close');
  assert.equal(first.closedDate, t0);
  assert.equal(first.wealth.purchasesConfirmed, 0);
  const second = await operatorCall(admin, '/v1/admin/day-close');
  assert.equal(second.wealth.purchasesConfirmed, 2);
  const nav = await publishNavByChange('jijiwen-90d', second.businessDate, 10_050);
  assert.equal(nav.body.status, 'EFFECTIVE', JSON.stringify(nav.body));

  // Holdings: units, market value and earnings as the server computed them.
  await click(page, 'tile-wealth');
  assert.equal(fenOf(await text(page, 'wealth-total-value')), 100_501);
  assert.equal(fenOf(await text(page, 'wealth-total-earnings')), 500);
  await click(page, 'wealth-holdings');
  assert.equal(await text(page, 'holding-units-jijiwen-90d'), '1,000.00');
  assert.equal(fenOf(await text(page, 'holding-value-jijiwen-90d')), 100_500);
  assert.equal(fenOf(await text(page, 'holding-total-jijiwen-90d')), 500);
  assert.equal(await text(page, 'holding-units-zhaozhao-money'), '0.01');
  assert.equal(fenOf(await text(page, 'holding-value-zhaozhao-money')), 1);
  // 0.01 units earn 0.0000433 yuan a day: carried, not yet a fen.
  assert.equal(fenOf(await text(page, 'holding-yesterday-zhaozhao-money')), 0);
  assert.equal(await page.locator('#holding-redeem-jijiwen-90d').count(), 0, 'fixed-term units are not redeemable');

  // Fast redemption of all the money-market units: ¥0.01 back at once.
  await click(page, 'holding-redeem-zhaozhao-money');
  await click(page, 'redeem-all');
  await click(page, 'redeem-mode-FAST');
  await click(page, 'redeem-submit');
  // A redemption names units, not an amount: the review shows what the server values them at —
  // exactly, for a money-market fund (NAV 1.0000).
  await confirmPayment(page, pin, { amount: '¥0.01', screenshot: 'review-sheet-redeem' });
  assert.equal(await text(page, 'result-message'), '赎回已受理');
  assert.equal(fenOf(await text(page, 'result-amount')), 1);
  assert.match(await text(page, 'result-detail'), /快速赎回 0\.01 元已实时到账/);
  assert.equal(fenOf(await text(page, 'result-balance')), 100_000);
  await click(page, 'back-home');
  await page.locator('#balance').waitFor();
  assert.equal(fenOf(await page.locator('#balance').innerText()), 100_000);

  assert.deepEqual(requests.leaks, []);
  const orderIdsNamed = requests.confirmed.map((sent) => sent.replace(/^(POST \/v1\/wealth-orders\/)[^/]+(\/cancel)$/, '$1{orderId}$2'));
  assert.deepEqual(orderIdsNamed, [
    'POST /v1/me/pin',
    'POST /v1/account/top-up',
    'POST /v1/wealth-orders',
    'POST /v1/wealth-orders',
    'POST /v1/wealth-orders',
    'POST /v1/wealth-orders/{orderId}/cancel',
    'POST /v1/wealth-redemptions',
  ]);
  assert.deepEqual(consoleErrors, []);
});
