// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local: sign up and open the account, try the loan calculator, apply for
// the consumer credit line → approved, draw ¥5,000 → the balance is up by exactly ¥5,000, repay
// the first installment → the schedule shows it paid and the balance is down by exactly its
// amount; top up and pay the rest off at the server's quote → the loan is paid off and the
// balance is down by exactly the quote. Each through the review sheet (showing the server's
// figure) and the PIN keypad, on a phone's screen; no request holds the PIN in clear.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-loans');

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

/** From home: 贷款 → the first (only) loan's detail, once its schedule is on screen. */
async function openFirstLoan(page: Page) {
  await click(page, 'tile-loans');
  await page.locator('.loan-item').first().click();
  await page.locator('.installment-row').first().waitFor();
}

const RATE = /^\d{1,2}\.\d{2}%$/;
test('a new customer borrows ¥5,000, repays the first installment and pays the rest off', async (t) => {
  const page = await bank.browser.newPage({ viewport: PHONE_VIEWPORT });
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-loans-last');
  const pin = '731904';
  const requests = watchForClearPins(page, [pin]);
  // ID sequence digits 017: the credit-bureau simulator's good profile.
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-loan-${randomUUID().slice(0, 8)}`,
    phone: '13700137021',
    name: '周芷若',
    idBody: '11010519900307017',
    pin,
    cardBody: '621483000056789',
  });

  const openingFen = await homeBalanceFen(page);
  assert.equal(openingFen, 0);

  // Calculator: the annualized rate is on screen with the schedule.
  await click(page, 'tile-loans');
  await click(page, 'loans-calculator');
  await click(page, 'calc-product-consumer-credit');
  await fill(page, 'calc-amount', '50000');
  await click(page, 'calc-term-12');
  await click(page, 'calc-method-EQUAL_INSTALLMENT');
  await click(page, 'calc-submit');
  await page.locator('#calc-annualized-rate').waitFor();
  assert.match((await page.locator('#calc-annualized-rate').innerText()).trim(), RATE);
  assert.equal(await page.locator('.schedule-row').count(), 12);
  await click(page, 'calc-apply');

  // Apply → approved at once.
  await fill(page, 'apply-amount', '50000');
  await click(page, 'apply-term-12');
  await click(page, 'apply-method-EQUAL_INSTALLMENT');
  await click(page, 'apply-purpose-CONSUMPTION');
  await fill(page, 'apply-income', '20000');
  await fill(page, 'apply-employer', '近邻科技有限公司');
  await click(page, 'apply-industry-INFORMATION_TECHNOLOGY');
  await click(page, 'apply-consent');
  await click(page, 'apply-submit');
  await page.locator('#decision-outcome').waitFor();
  assert.equal((await page.locator('#decision-outcome').innerText()).trim(), '已批准');
  assert.ok(fenOf(await page.locator('#decision-limit').innerText()) >= 5_000_000);
  assert.match((await page.locator('#decision-annualized-rate').innerText()).trim(), RATE);

  // Draw ¥5,000 → the e-account is up by exactly that.
  await click(page, 'decision-draw');
  await fill(page, 'draw-amount', '5000');
  await click(page, 'draw-term-12');
  await click(page, 'draw-method-EQUAL_INSTALLMENT');
  await click(page, 'draw-submit');
  await confirmPayment(page, pin, { amount: '¥5,000.00' });
  await page.locator('#result-message').waitFor();
  assert.equal(fenOf(await page.locator('#result-amount').innerText()), 500_000);
  await click(page, 'back-home');
  const afterDrawFen = await homeBalanceFen(page);
  assert.equal(afterDrawFen - openingFen, 500_000);

  // The loan: period 1 is the one due, and its amount is what the repayment takes.
  await openFirstLoan(page);
  assert.equal((await page.locator('#loan-status').innerText()).trim(), '还款中');
  assert.match((await page.locator('#loan-annualized-rate').innerText()).trim(), RATE);
  const firstRow = page.locator('.installment-row').first();
  assert.equal((await firstRow.locator('.installment-status').innerText()).trim(), '待还');
  const firstInstallmentShown = (await firstRow.locator('.installment-amount').innerText()).trim();
  const firstInstallmentFen = fenOf(firstInstallmentShown);
  assert.ok(firstInstallmentFen > 0);

  await click(page, 'loan-repay');
  await page.locator('#repay-next-due').waitFor();
  assert.equal(fenOf(await page.locator('#repay-next-due').innerText()), firstInstallmentFen);
  await click(page, 'repay-current');
  await click(page, 'repay-submit');
  // 还本期: the request names no amount (the server takes what is due); the review shows what the
  // server works out is due, which is the first installment.
  await confirmPayment(page, pin, { amount: firstInstallmentShown, screenshot: 'review-sheet-repay' });
  await page.locator('#result-message').waitFor();
  assert.equal(fenOf(await page.locator('#result-amount').innerText()), firstInstallmentFen);
  assert.equal(fenOf(await page.locator('#result-balance').innerText()), afterDrawFen - firstInstallmentFen);
  await click(page, 'back-home');
  assert.equal(await homeBalanceFen(page), afterDrawFen - firstInstallmentFen);

  await openFirstLoan(page);
  const rows = page.locator('.installment-row');
  assert.equal(await rows.count(), 12);
  assert.equal((await rows.first().locator('.installment-status').innerText()).trim(), '已还');
  assert.equal((await rows.nth(1).locator('.installment-status').innerText()).trim(), '待还');

  // The rest of the principal is more than what is left of the drawn money: ¥1,000 from the card.
  await page.goBack();
  await page.goBack();
  await homeBalanceFen(page);
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '1000');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥1,000.00' });
  await page.locator('#result-message').waitFor();
  const beforePayoffFen = fenOf(await page.locator('#result-balance').innerText());
  assert.equal(beforePayoffFen, afterDrawFen - firstInstallmentFen + 100_000);
  await click(page, 'back-home');

  // 提前结清: the server's quote; the request names no amount, and the review shows the quote's
  // total, which is what the payoff takes.
  await openFirstLoan(page);
  await click(page, 'loan-payoff');
  await page.locator('#payoff-total').waitFor();
  const payoffShown = (await page.locator('#payoff-total').innerText()).trim();
  const payoffFen = fenOf(payoffShown);
  assert.ok(payoffFen > 0);
  await click(page, 'payoff-submit');
  await confirmPayment(page, pin, { amount: payoffShown, screenshot: 'review-sheet-payoff' });
  await page.locator('#result-message', { hasText: '借款已结清' }).waitFor();
  assert.equal(fenOf(await page.locator('#result-amount').innerText()), payoffFen);
  assert.equal(fenOf(await page.locator('#result-balance').innerText()), beforePayoffFen - payoffFen);

  assert.deepEqual(requests.leaks, []);
  assert.match(
    requests.confirmed.join('\n'),
    /^POST \/v1\/me\/pin\nPOST \/v1\/loans\nPOST \/v1\/loans\/[^/\n]+\/repayments\nPOST \/v1\/account\/top-up\nPOST \/v1\/loans\/[^/\n]+\/payoff$/,
  );

  assert.deepEqual(consoleErrors, []);
});
