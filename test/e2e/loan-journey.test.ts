// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local: sign up and open the account, try the loan calculator, apply for
// the consumer credit line → approved, read the loan contract and agree to it, draw ¥5,000 → the
// balance is up by exactly ¥5,000; the same day repay ¥1,000 early choosing 缩短期限 → the
// server's quote (no interest in the cooling-off days, a shorter schedule and its annualized
// rate) is what is paid and what the loan then holds; top up and pay the rest off at the server's
// quote → paid off, ¥5,000.00 back for ¥5,000 held zero days. Each through the review sheet
// (showing the server's figure) and the PIN keypad, on a phone's screen, each result with its own
// 参考号; no request holds the PIN in clear.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, screenshots, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';

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
test('a new customer reads the contract, borrows ¥5,000, repays ¥1,000 early choosing 缩短期限 and pays the rest off', async (t) => {
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

  // Draw ¥5,000 → the e-account is up by exactly that. The contract is read first: its text is
  // the server's, and the drawdown is refused on the device until it is agreed to.
  await click(page, 'decision-draw');
  await click(page, 'draw-contract-link');
  await page.locator('#contract-title').waitFor();
  assert.equal((await page.locator('#contract-title').innerText()).trim(), '近邻银行个人借款合同');
  assert.match((await page.locator('.contract__clause').allInnerTexts()).join('\n'), /减少月供[\s\S]*缩短期限/);
  await page.goBack();
  await fill(page, 'draw-amount', '5000');
  await click(page, 'draw-term-12');
  await click(page, 'draw-method-EQUAL_INSTALLMENT');
  await click(page, 'draw-submit');
  await page.locator('text=请阅读并同意借款合同').waitFor();
  await click(page, 'draw-contract-consent');
  await click(page, 'draw-submit');
  await confirmPayment(page, pin, { amount: '¥5,000.00' });
  await page.locator('#result-message').waitFor();
  assert.equal(fenOf(await page.locator('#result-amount').innerText()), 500_000);
  // Every loan result names its journal by a 参考号 a person can read out.
  const references = [(await page.locator('#reference:visible').innerText()).trim()];
  await click(page, 'back-home');
  const afterDrawFen = await homeBalanceFen(page);
  assert.equal(afterDrawFen - openingFen, 500_000);

  // The loan: 12 periods, period 1 the next one due.
  await openFirstLoan(page);
  assert.equal((await page.locator('#loan-status').innerText()).trim(), '还款中');
  // The loan names its drawdown by the same 参考号 the result page showed.
  assert.equal((await page.locator('#reference:visible').innerText()).trim(), references[0]);
  await stepScreenshot(page, 'loan-detail');
  assert.match((await page.locator('#loan-annualized-rate').innerText()).trim(), RATE);
  assert.equal(await page.locator('.installment-row').count(), 12);
  const firstInstallmentFen = fenOf((await page.locator('.installment-row').first().locator('.installment-amount').innerText()).trim());

  // Repaying on the drawdown day: nothing is due, so it is a prepayment. ¥1,000 with 缩短期限:
  // the server's quote, no interest in the cooling-off days, the same installment, fewer periods.
  await click(page, 'loan-repay');
  await page.locator('#repay-nothing-due').waitFor();
  await fill(page, 'prepay-principal', '1000');
  await click(page, 'prepay-adjustment-SHORTEN_TERM');
  await click(page, 'prepay-quote');
  await page.locator('#prepay-total').waitFor();
  assert.equal(fenOf(await page.locator('#prepay-total').innerText()), 100_000);
  assert.equal(fenOf(await page.locator('#prepay-interest').innerText()), 0);
  assert.equal(fenOf(await page.locator('#prepay-next-payment').innerText()), firstInstallmentFen);
  const quotedRate = (await page.locator('#prepay-annualized-rate').innerText()).trim();
  assert.match(quotedRate, RATE);
  const quotedPeriods = Number(/^(\d+) 期$/.exec((await page.locator('#prepay-periods').innerText()).trim())![1]);
  const quotedMaturity = (await page.locator('#prepay-maturity').innerText()).trim();
  assert.ok(quotedPeriods < 12, `缩短期限 leaves fewer periods, got ${quotedPeriods}`);
  await page.screenshot({ path: `${screenshots}/loan-prepayment-quote.png`, fullPage: true });
  await click(page, 'prepay-submit');
  // The request names the principal and the choice; the review shows the server's total.
  await confirmPayment(page, pin, { amount: '¥1,000.00', screenshot: 'review-sheet-prepay' });
  await page.locator('#result-message', { hasText: '提前还款成功' }).waitFor();
  assert.equal(fenOf(await page.locator('#result-amount').innerText()), 100_000);
  assert.equal((await page.locator('#result-annualized-rate').innerText()).trim(), quotedRate);
  assert.equal(fenOf(await page.locator('#result-balance').innerText()), afterDrawFen - 100_000);
  references.push((await page.locator('#reference:visible').innerText()).trim());
  await click(page, 'back-home');
  assert.equal(await homeBalanceFen(page), afterDrawFen - 100_000);

  // The loan now holds the schedule that was quoted: fewer periods, the same first installment.
  await openFirstLoan(page);
  const rows = page.locator('.installment-row');
  assert.equal(await rows.count(), quotedPeriods);
  assert.equal(fenOf((await rows.first().locator('.installment-amount').innerText()).trim()), firstInstallmentFen);
  assert.equal((await rows.last().locator('.schedule-row__date').innerText()).trim(), quotedMaturity);
  assert.equal((await page.locator('#loan-annualized-rate').innerText()).trim(), quotedRate);

  // ¥1,000 from the card, then the rest paid off.
  await page.goBack();
  await page.goBack();
  await homeBalanceFen(page);
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '1000');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥1,000.00' });
  await page.locator('#result-message').waitFor();
  const beforePayoffFen = fenOf(await page.locator('#result-balance').innerText());
  assert.equal(beforePayoffFen, afterDrawFen);
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
  references.push((await page.locator('#reference:visible').innerText()).trim());
  for (const reference of references) assert.match(reference, REFERENCE_PATTERN);
  assert.equal(new Set(references).size, 3, `drawdown, prepayment and payoff each their own: ${references.join(' ')}`);
  // The reference and its 复制 readable and big enough to tap.
  assert.deepEqual(await accessibilityProblems(page), [], 'on the payoff result');
  await stepScreenshot(page, 'loan-payoff-result');
  // ¥5,000 held zero days (the cooling-off days) cost ¥5,000.00 back, not a fen more.
  assert.equal(100_000 + payoffFen, 500_000);

  // 结清证明 on the paid-off loan's page: a PDF naming the borrower (masked) and saying nothing is owed.
  await click(page, 'result-loan');
  await click(page, 'loan-certificate');
  await expectBar(page, '结清证明', 'back');
  await page.locator('#certificate-file:visible').waitFor();
  const download = page.waitForEvent('download');
  await click(page, 'certificate-open');
  const certificate = await pdfText(readFileSync(await (await download).path()));
  for (const expected of ['贷款结清证明', '5,000 元', '全部结清', '不欠近邻银行任何款项']) assert.ok(certificate.text.includes(expected), `${expected} not in:\n${certificate.text}`);
  assert.deepEqual(await accessibilityProblems(page), [], 'on 结清证明');
  await stepScreenshot(page, 'loan-payoff-certificate');

  assert.deepEqual(requests.leaks, []);
  assert.match(
    requests.confirmed.join('\n'),
    /^POST \/v1\/me\/pin\nPOST \/v1\/loans\nPOST \/v1\/loans\/[^/\n]+\/repayments\nPOST \/v1\/account\/top-up\nPOST \/v1\/loans\/[^/\n]+\/payoff$/,
  );

  assert.deepEqual(consoleErrors, []);
});
