// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local: sign in, bind phone, verify identity, set a PIN, open the
// account, top up ¥100, transfer ¥20 to the demo payee, withdraw ¥30 → three history lines
// and ¥50 left.
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
import { DEMO_CUSTOMERS } from '../../scripts/lib/seed.js';
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
    tableName: 'jinlin-e2e',
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

async function moneyStep(page: Page, tile: string, amountYuan: string, pin: string, before?: (page: Page) => Promise<void>) {
  await click(page, tile);
  await before?.(page);
  await fill(page, 'amount-input', amountYuan);
  await fill(page, 'pin-input', pin);
  await click(page, 'submit');
  await page.locator('#result-message').waitFor();
  const balance = await page.locator('#result-balance').innerText();
  await click(page, 'back-home');
  return balance;
}

const screenshots = process.env.JINLIN_SCREENSHOTS ?? tmpdir();

test('a new customer signs up, opens an account and moves money', async (t) => {
  const page = await browser.newPage();
  t.after(async () => {
    // Kept for whoever reads a failure: what the customer saw last.
    const path = `${screenshots}/jinlin-e2e-last.png`;
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

  await fill(page, 'login-user', `e2e-${randomUUID().slice(0, 8)}`);
  await click(page, 'login-wechat');

  await startStep(page, 'go-bind-phone');
  await fill(page, 'phone-input', '13700137000');
  await click(page, 'phone-submit');

  await startStep(page, 'go-real-name');
  await fill(page, 'real-name-name', '赵敏');
  const idBody = '44030419950615002';
  await fill(page, 'real-name-id', idBody + idCheckChar(idBody));
  await click(page, 'real-name-submit');

  const pin = '480213';
  await startStep(page, 'go-pin');
  await fill(page, 'pin-input', pin);
  await fill(page, 'pin-confirm', pin);
  await click(page, 'pin-submit');

  await startStep(page, 'go-open-account');
  const cardBody = '621483000012345';
  await fill(page, 'card-number', cardBody + luhnCheckDigit(cardBody));
  await click(page, 'open-account-submit');

  await page.locator('#balance').waitFor();
  assert.equal((await page.locator('#balance').innerText()).trim(), '¥0.00');

  assert.equal((await moneyStep(page, 'tile-top-up', '100', pin)).trim(), '¥100.00');
  const payee = DEMO_CUSTOMERS[1]!;
  const afterTransfer = await moneyStep(page, 'tile-transfer', '20', pin, async (p) => {
    await fill(p, 'transfer-phone', payee.phone);
    await click(p, 'transfer-lookup');
    await p.locator('#payee-name').waitFor();
    assert.match(await p.locator('#payee-name').innerText(), /陈\*/);
  });
  assert.equal(afterTransfer.trim(), '¥80.00');
  assert.equal((await moneyStep(page, 'tile-withdraw', '30', pin)).trim(), '¥50.00');

  await page.locator('#balance').waitFor();
  assert.equal((await page.locator('#balance').innerText()).trim(), '¥50.00');

  await click(page, 'tile-history');
  await page.locator('.history-item').nth(2).waitFor();
  const lines = await page.locator('.history-item').allInnerTexts();
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0]!, /提现/);
  assert.match(lines[1]!, /转账给 陈\*/);
  assert.match(lines[2]!, /充值/);

  assert.deepEqual(consoleErrors, []);
});
