// 电子回单 in real Chromium against the production H5 build, the API in serverless offline and
// DynamoDB Local, on a phone-sized screen: a new customer tops up, opens the movement's detail and
// its e-receipt (the figures, 大写, masked parties, 参考号, the verification code and the bank's
// signature); 回单验证, opened from the receipt, says it is genuine with the same figures; a code
// with one character changed is refused as not issued.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { accessibilityProblems, expectBar, tapBack } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage } from '../support/browser.js';
import { pdfText } from '../support/pdf-text.js';

const bank = useBrowserBank('jinlin-e2e-receipt');

test('a top-up\'s e-receipt: its figures, code and signature; 回单验证 finds it genuine and refuses a code changed by one character', async (t) => {
  const context = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => context.close());
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-receipt-last');
  const pin = '731592';
  const cardBody = '622202000054321';
  const card = cardBody + luhnCheckDigit(cardBody);
  await signUpThroughUi(page, bank.origin, { user: `e2e-receipt-${randomUUID().slice(0, 8)}`, phone: '13700137091', name: '欧阳修', idBody: '44030419850612003', pin, cardBody });

  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '1234.5');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥1,234.50' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  await click(page, 'tile-history');

  // 对账单 from the history: this month's statement (to date) downloads as a PDF whose text
  // holds the top-up and the month's figures.
  await stepScreenshot(page, 'h5-history');
  await click(page, 'history-statements');
  await expectBar(page, '对账单', 'back');
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const download = page.waitForEvent('download');
  await click(page, `statement-${month}`);
  const file = await download;
  assert.equal(file.suggestedFilename(), `近邻银行对账单-${month}.pdf`);
  const statement = await pdfText(readFileSync(await file.path()));
  for (const expected of ['电子账户对账单', '欧**', '期初余额', '0 元', '1,234.50 元（1 笔）', '0 元（0 笔）', '银行卡充值', '近邻银行']) {
    assert.ok(statement.text.includes(expected), `${expected} not in:\n${statement.text}`);
  }
  await page.locator('#statement-opened:visible').waitFor();
  assert.deepEqual(await accessibilityProblems(page), [], 'on 对账单');
  await stepScreenshot(page, 'h5-statements');
  await tapBack(page);

  await page.locator('.history-item:visible').first().click();
  await page.locator('#entry-status:visible', { hasText: '交易成功' }).waitFor();
  const reference = (await page.locator('#reference:visible').innerText()).trim();

  await click(page, 'entry-receipt');
  await expectBar(page, '电子回单', 'back');
  const code = (await page.locator('#receipt-code:visible').innerText()).trim();
  assert.match(code, /^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.equal((await page.locator('#receipt-amount:visible').innerText()).trim(), '¥1,234.50');
  assert.equal((await page.locator('#receipt-amount-words:visible').innerText()).trim(), '人民币壹仟贰佰叁拾肆元伍角整');
  assert.equal((await page.locator('#receipt-status:visible').innerText()).trim(), '交易成功');
  // A top-up comes from the customer's own card (its bank and last four digits), into the e-account.
  assert.match(await page.locator('#receipt-payer:visible').innerText(), new RegExp(`^欧\\*\\* \\S.* ${card.slice(-4)}$`));
  assert.match(await page.locator('#receipt-payee:visible').innerText(), /^欧\*\* \d{4} \*{4} \*{4} \d{4}$/);
  assert.equal((await page.locator('#reference:visible').innerText()).trim(), reference);
  assert.match(await page.locator('#receipt-signature:visible').innerText(), /^[A-Za-z0-9_-]{86}$/);
  assert.equal((await page.locator('#receipt-key:visible').innerText()).trim(), 'local-1');
  assert.deepEqual(await accessibilityProblems(page), [], 'on 电子回单');
  await stepScreenshot(page, 'h5-receipt');

  // 回单验证 from the receipt: its code comes along; the bank's figures are the receipt's.
  await click(page, 'receipt-verify');
  await expectBar(page, '回单验证', 'back');
  assert.equal(await page.locator('#verify-code:visible input').inputValue(), code);
  await click(page, 'verify-submit');
  const genuine = page.locator('#verify-genuine:visible');
  await genuine.waitFor();
  assert.match(await genuine.innerText(), /回单真实有效/);
  assert.equal((await genuine.locator('#receipt-amount').innerText()).trim(), '¥1,234.50');
  assert.equal((await genuine.locator('#reference').innerText()).trim(), reference);
  assert.match(await page.locator('#verify-status:visible').innerText(), /交易成功/);
  assert.deepEqual(await accessibilityProblems(page), [], 'on 回单验证');
  await stepScreenshot(page, 'h5-receipt-verify');

  // One character changed: no receipt the bank issued.
  const last = code.at(-1)!;
  await fill(page, 'verify-code', code.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z'));
  await click(page, 'verify-submit');
  await page.locator('#verify-not-genuine:visible').waitFor();
  assert.equal(await genuine.count(), 0);
  // Not even a code: the server's reason, nothing looked up.
  await fill(page, 'verify-code', 'ABC');
  await click(page, 'verify-submit');
  await page.locator('#error-message:visible', { hasText: '验证码应为 16 位字母和数字' }).waitFor();

  // The one refusal above is the browser's only complaint.
  assert.deepEqual(consoleErrors.map((error) => /status of 400/.test(error)), [true], JSON.stringify(consoleErrors));
});
