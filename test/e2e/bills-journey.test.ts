// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local (seeded with the demo billers): top up, look up an electricity bill
// (电费 → 南京 → 国网南京供电公司 → 户号) → pay it (review, PIN) → the receipt with its transaction
// reference → the balance is down by exactly the bill amount → paying the same bill again (from a
// second tab that still shows it) is refused as already paid, and a new lookup says so. Every
// payment through the review sheet and the PIN keypad; no request holds the PIN in clear.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { click, confirmPayment, fill, signUpThroughUi, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

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
  assert.equal((await page.locator('#receipt-status').innerText()).trim(), '缴费成功');
  assert.equal(fenOf(await page.locator('#receipt-amount').innerText()), dueFen);
  assert.match((await page.locator('#receipt-reference').innerText()).trim(), /^P[A-Za-z0-9_-]{26}$/);
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
