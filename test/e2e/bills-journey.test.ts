// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local (seeded with the demo billers): top up, look up an electricity bill
// (电费 → 南京 → 国网南京供电公司 → 户号) → pay it (review, PIN) → the receipt with its 参考号
// → the balance is down by exactly the bill amount → paying the same bill again (from a
// second tab that still shows it) is refused as already paid, and a new lookup says so. Every
// payment through the review sheet and the PIN keypad; no request holds the PIN in clear.
// A second customer walks the same pages on a phone-sized screen — a bill in arrears and a phone
// top-up among them — from the login page (its title, and no way home that leads back to it):
// each shows its title and a way back in the browser's own navigation bar, its text readable and
// its controls big enough.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { accessibilityProblems, expectBar, tapBack, tapHome } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-bills');

/** `¥5,000.00` → 500000, on the digits alone (no floating point). */
function fenOf(shown: string): number {
  const match = /^(-?)¥([\d,]+)\.(\d{2})$/.exec(shown.trim());
  assert.ok(match, `not an amount: ${shown}`);
  const fen = Number(match[2]!.replaceAll(',', '') + match[3]!);
  return match[1] ? -fen : fen;
}

async function homeBalanceFen(page: Page): Promise<number> {
  await page.locator('#balance').waitFor();
  return fenOf(await page.locator('#balance').innerText());
}

/** From home: 缴费 → 电费 → 南京 → 国网南京供电公司 → the account number → the bill on screen. */
async function lookUpPowerBill(page: Page, accountNumber: string) {
  await click(page, 'tile-bills');
  await click(page, 'bill-category-ELECTRICITY');
  await click(page, 'bill-city-nanjing');
  await click(page, 'biller-nj-power');
  await fill(page, 'bill-account', accountNumber);
  await click(page, 'bill-query');
}

test('a customer pays an electricity bill once, and only once', async (t) => {
  const context = await bank.browser.newContext();
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-bills-last');
  t.after(() => context.close());
  const pin = '602791';
  // Both tabs: the context's every request.
  const requests = watchForClearPins(context, [pin]);
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-bills-${randomUUID().slice(0, 8)}`,
    phone: '13700137031',
    name: '郭靖',
    idBody: '11010519880512033',
    pin,
    cardBody: '622202000056789',
  });

  // Top up ¥1,000 from the bound card: enough for the bill twice (the simulator's bills are at
  // most ¥300), so the second tab's attempt can only be refused as already paid.
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '1000');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥1,000.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  const openingFen = await homeBalanceFen(page);
  assert.equal(openingFen, 100_000);

  // The bill: the simulator gives a 户号 ending in 1 a bill with a masked holder and a period.
  const accountNumber = `${String(randomInt(0, 1e9)).padStart(9, '0')}1`;
  await lookUpPowerBill(page, accountNumber);
  await page.locator('#bill-amount-due').waitFor();
  const dueFen = fenOf(await page.locator('#bill-amount-due').innerText());
  assert.ok(dueFen > 0 && dueFen * 2 <= openingFen, `a bill of ${dueFen} fen`);
  assert.match((await page.locator('#bill-holder').innerText()).trim(), /^[\u4e00-\u9fa5]\*$/);
  assert.match((await page.locator('#bill-period').innerText()).trim(), /^\d{4}-\d{2}$/);

  // A second tab of the same customer looks the same bill up and leaves it on screen.
  const secondTab = await context.newPage();
  const secondTabErrors: string[] = [];
  secondTab.on('console', (message) => {
    if (message.type() === 'error') secondTabErrors.push(message.text());
  });
  await secondTab.goto(`${bank.origin}/`);
  await lookUpPowerBill(secondTab, accountNumber);
  await secondTab.locator('#bill-amount-due').waitFor();

  // Pay it: the amount field holds the bill as the server gave it.
  assert.equal(fenOf(`¥${await page.locator('#bill-amount input, input#bill-amount').first().inputValue()}`), dueFen);
  const dueShown = (await page.locator('#bill-amount-due').innerText()).trim();
  await click(page, 'bill-pay-submit');
  await confirmPayment(page, pin, { amount: dueShown });
  await page.locator('#receipt-status').waitFor();
  await expectBar(page, '缴费回单', 'back');
  assert.equal((await page.locator('#receipt-status').innerText()).trim(), '缴费成功');
  assert.equal(fenOf(await page.locator('#receipt-amount').innerText()), dueFen);
  assert.match((await page.locator('#reference:visible').innerText()).trim(), REFERENCE_PATTERN);
  assert.equal(await page.locator('text=交易流水号').count(), 0);
  assert.deepEqual(await accessibilityProblems(page), [], 'on the receipt');
  await stepScreenshot(page, 'bill-receipt');
  assert.equal(fenOf(await page.locator('#result-balance').innerText()), openingFen - dueFen);
  await click(page, 'back-home');
  assert.equal(await homeBalanceFen(page), openingFen - dueFen);

  // The second tab tries to pay the same bill: refused as already paid, nothing moves.
  await click(secondTab, 'bill-pay-submit');
  await confirmPayment(secondTab, pin, { amount: dueShown });
  await secondTab.locator('#error-message').waitFor();
  assert.match(await secondTab.locator('#error-message').innerText(), /已缴清/);
  assert.ok(secondTabErrors.every((text) => /422/.test(text)), JSON.stringify(secondTabErrors));

  // A new lookup says the bill is paid and offers no payment.
  await lookUpPowerBill(page, accountNumber);
  await page.locator('#bill-already-paid').waitFor();
  assert.equal(await page.locator('#bill-pay-submit').count(), 0);
  await page.goto(`${bank.origin}/`);
  assert.equal(await homeBalanceFen(page), openingFen - dueFen);

  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, ['POST /v1/me/pin', 'POST /v1/account/top-up', 'POST /v1/bill-payments', 'POST /v1/bill-payments']);
  assert.deepEqual(consoleErrors, []);
});

/** The bar, the text and the controls of the page on screen, which a person sees as `shot`. */
async function checkPage(page: Page, title: string, control: 'back' | 'home' | 'none', shot: string) {
  await expectBar(page, title, control);
  await page.locator('#skeleton').waitFor({ state: 'detached' });
  assert.deepEqual(await accessibilityProblems(page), [], `on ${title}`);
  await stepScreenshot(page, shot);
}

test('every page of the bills journey has its title and a way back in the browser, readable and big enough to tap', async (t) => {
  const context = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-bills-navigation-last');
  t.after(() => context.close());
  await page.goto(`${bank.origin}/`);
  await page.locator('#login-wechat').waitFor();
  // Signed out, home sends the customer back here: the bar has its title and no way home.
  await expectBar(page, '登录', 'none');
  assert.deepEqual(await accessibilityProblems(page), [], 'on 登录');
  await stepScreenshot(page, 'login');
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-bills-nav-${randomUUID().slice(0, 8)}`,
    phone: '13700137032',
    name: '黄蓉',
    idBody: '11010519900101002',
    pin: '602791',
    cardBody: '622202000056780',
  });
  await page.locator('#balance').waitFor();
  await checkPage(page, '近邻银行', 'none', 'home');

  // Home → 生活缴费 → a biller's 缴费 page, a bill on screen; back, step by step, to home.
  await click(page, 'tile-bills');
  await checkPage(page, '生活缴费', 'back', 'bills');
  await click(page, 'bill-category-ELECTRICITY');
  await click(page, 'bill-city-nanjing');
  await click(page, 'biller-nj-power');
  // An account the simulator has in arrears: the flag above the amount due.
  await fill(page, 'bill-account', `${String(randomInt(0, 1e9)).padStart(9, '0')}6`);
  await click(page, 'bill-query');
  await page.locator('#bill-amount-due').waitFor();
  assert.match(await page.locator('#bill-arrears').innerText(), /已欠费[\s\S]*逾期未缴 ¥[\d,]+\.\d{2}，滞纳金 ¥[\d,]+\.\d{2}/);
  await checkPage(page, '缴费', 'back', 'bill-lookup');
  await tapBack(page);
  await checkPage(page, '生活缴费', 'back', 'bills-again');
  // A phone top-up: the number on the numeric keyboard, no bill, an amount to choose.
  await click(page, 'bill-category-PHONE');
  await click(page, 'bill-city-nanjing');
  await click(page, 'biller-js-mobile');
  assert.equal(await page.locator('#bill-account input, input#bill-account').first().getAttribute('inputmode'), 'numeric');
  await fill(page, 'bill-account', '13800138001');
  await click(page, 'bill-query');
  await page.locator('#bill-preset-3000').waitFor();
  assert.equal(await page.locator('#bill-amount-due').count(), 0);
  await checkPage(page, '缴费', 'back', 'bill-top-up');
  await tapBack(page);
  await expectBar(page, '生活缴费', 'back');
  await click(page, 'bills-history');
  await checkPage(page, '缴费记录', 'back', 'bill-history');
  await tapBack(page);
  await expectBar(page, '生活缴费', 'back');
  await click(page, 'bills-payees');
  await checkPage(page, '常用缴费户', 'back', 'bill-payees');
  await tapBack(page);
  await expectBar(page, '生活缴费', 'back');
  await tapBack(page);
  await checkPage(page, '近邻银行', 'none', 'home-again');
  await page.locator('#balance:visible').waitFor();

  assert.deepEqual(consoleErrors, []);

  // A page opened directly (a bookmark, a shared link: a new tab) has no page to go back to: the
  // bar offers home instead. The account-opening page, the account open, says so rather than
  // show its form again.
  const opened = await context.newPage();
  const openedErrors = watchedPage(t, opened, 'jinlin-e2e-bills-opened-last');
  await opened.goto(`${bank.origin}/#/pages/open-account/index`);
  await checkPage(opened, '开通电子账户', 'home', 'open-account-when-open');
  await opened.locator('#account-open').waitFor();
  assert.equal(await opened.locator('#card-number').count(), 0);
  await tapHome(opened);
  await expectBar(opened, '近邻银行', 'none');
  await opened.locator('#balance:visible').waitFor();
  assert.deepEqual(openedErrors, []);
});
