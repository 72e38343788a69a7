// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local: sign up and open the account, try the loan calculator, apply for
// the consumer credit line → approved, draw ¥5,000 → the balance is up by exactly ¥5,000, repay
// the first installment → the schedule shows it paid and the balance is down by exactly its
// amount.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { buildH5, h5Dist } from '../support/h5-build.js';
import { serveStatic } from '../support/static-server.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let stack: LocalStack;
let web: Server;
let browser: Browser;
let origin: string;

before(async () => {
  const webPort = await freePort();
  origin = `http://127.0.0.1:${webPort}`;
  process.env.JINLIN_H5_ORIGIN = origin;
  stack = await startLocalStack({
    dynamoPort: await freePort(),
    apiPort: await freePort(),
    lambdaPort: await freePort(),
    tableName: 'jinlin-e2e-loans',
    log: false,
  });
  buildH5(stack.apiUrl);
  web = await serveStatic(h5Dist, webPort);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  web?.close();
  await stack?.stop();
});

/** Taro renders <Input id> as a custom element around the real <input>. */
async function fill(page: Page, id: string, value: string) {
  await page.locator(`#${id} input, input#${id}`).first().fill(value);
}

async function click(page: Page, id: string) {
  await page.locator(`#${id}`).first().click();
}

/** Onboarding steps become tappable one at a time, once home has reloaded the profile. */
async function startStep(page: Page, id: string) {
  await page.locator(`#${id}.step--next`).waitFor();
  await click(page, id);
}

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
const screenshots = process.env.JINLIN_SCREENSHOTS ?? tmpdir();

test('a new customer borrows ¥5,000 and repays the first installment', async (t) => {
  const page = await browser.newPage();
  t.after(async () => {
    // Kept for whoever reads a failure: what the customer saw last.
    const path = `${screenshots}/jinlin-e2e-loans-last.png`;
    await page.screenshot({ path }).catch(() => undefined);
    const shownErrors = await page.locator('#error-message:visible').allInnerTexts().catch(() => []);
    t.diagnostic(`last screen: ${path} ${page.url()} errors shown: ${JSON.stringify(shownErrors)}`);
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  t.after(() => t.diagnostic(`browser errors: ${JSON.stringify(consoleErrors)}`));
  await page.goto(`${origin}/`);

  await fill(page, 'login-user', `e2e-loan-${randomUUID().slice(0, 8)}`);
  await click(page, 'login-wechat');

  await startStep(page, 'go-bind-phone');
  await fill(page, 'phone-input', '13700137021');
  await click(page, 'phone-submit');

  // Sequence digits 017: the credit-bureau simulator's good profile.
  await startStep(page, 'go-real-name');
  await fill(page, 'real-name-name', '周芷若');
  const idBody = '11010519900307017';
  await fill(page, 'real-name-id', idBody + idCheckChar(idBody));
  await click(page, 'real-name-submit');

  const pin = '731904';
  await startStep(page, 'go-pin');
  await fill(page, 'pin-input', pin);
  await fill(page, 'pin-confirm', pin);
  await click(page, 'pin-submit');

  await startStep(page, 'go-open-account');
  const cardBody = '621483000056789';
  await fill(page, 'card-number', cardBody + luhnCheckDigit(cardBody));
  await click(page, 'open-account-submit');

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
  await fill(page, 'pin-input', pin);
  await click(page, 'draw-submit');
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
  const firstInstallmentFen = fenOf(await firstRow.locator('.installment-amount').innerText());
  assert.ok(firstInstallmentFen > 0);

  await click(page, 'loan-repay');
  await page.locator('#repay-next-due').waitFor();
  assert.equal(fenOf(await page.locator('#repay-next-due').innerText()), firstInstallmentFen);
  await click(page, 'repay-current');
  await fill(page, 'pin-input', pin);
  await click(page, 'repay-submit');
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

  assert.deepEqual(consoleErrors, []);
});
