// A new customer in real Chromium against the production H5 build, the API in serverless
// offline and DynamoDB Local: sign in, bind phone, verify identity, set a PIN, open the
// account, top up ¥100, transfer ¥20 to the demo payee, withdraw ¥30 → three history lines
// and ¥50 left.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_CUSTOMERS } from '../../scripts/lib/seed.js';
import { click, fill, signUpThroughUi, useBrowserBank, watchedPage } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e');

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

test('a new customer signs up, opens an account and moves money', async (t) => {
  const page = await bank.browser.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-last');
  const pin = '480213';
  await signUpThroughUi(page, bank.origin, {
    user: `e2e-${randomUUID().slice(0, 8)}`,
    phone: '13700137000',
    name: '赵敏',
    idBody: '44030419950615002',
    pin,
    cardBody: '621483000012345',
  });

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
