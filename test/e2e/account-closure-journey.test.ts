// 销户 in real Chromium against the production H5 build, the API in serverless offline and
// DynamoDB Local, on a phone-sized screen: a customer with ¥100 opens 注销电子账户 from home, sees
// nothing blocks it, confirms on the review sheet (the whole balance) with the PIN → the result
// says ¥100.00 went to the bound card; home then shows the closed state, and so does signing in
// again; another customer's transfer to the closed account's phone is refused before any review.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-closure');

test('an account with a balance is closed: swept to the card, the closed state at the next sign-in, a transfer to it refused', async (t) => {
  const context = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => context.close());
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-closure-last');
  const pin = '502718';
  const requests = watchForClearPins(page, [pin]);
  const user = `e2e-closure-${randomUUID().slice(0, 8)}`;
  const phone = '13700137093';
  const cardBody = '622202000054321';
  const card = cardBody + luhnCheckDigit(cardBody);
  await signUpThroughUi(page, bank.origin, { user, phone, name: '苏东坡', idBody: '51010219900102003', pin, cardBody });

  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '100');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥100.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');

  await click(page, 'go-account-closure');
  await expectBar(page, '注销电子账户', 'back');
  await page.locator('#closure-ready:visible').waitFor();
  assert.equal((await page.locator('#closure-balance:visible').innerText()).trim(), '¥100.00');
  assert.deepEqual(await accessibilityProblems(page), [], 'on 注销电子账户');
  await stepScreenshot(page, 'h5-account-closure-check');
  await click(page, 'closure-submit');
  await confirmPayment(page, pin, { amount: '¥100.00', screenshot: 'h5-account-closure-review' });

  await page.locator('#closure-done:visible').waitFor();
  assert.equal((await page.locator('#closure-swept:visible').innerText()).trim(), '¥100.00');
  const result = await page.locator('.result__card:visible').innerText();
  assert.match(result, new RegExp(`中国工商银行 \\*{4} \\*{4} \\*{4} ${card.slice(-4)}`));
  assert.deepEqual(await accessibilityProblems(page), [], 'on 电子账户已注销');
  await stepScreenshot(page, 'h5-account-closure-done');

  // Home, and home again after signing in anew: the closed state, not an error.
  await click(page, 'closure-finish');
  const closed = page.locator('#account-closed:visible');
  await closed.waitFor();
  await click(page, 'sign-out');
  await fill(page, 'login-user', user);
  await click(page, 'login-wechat');
  await closed.waitFor();
  const shown = await closed.innerText();
  assert.match(shown, /已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 注销/);
  assert.match(shown, new RegExp(`中国工商银行 \\*{4} \\*{4} \\*{4} ${card.slice(-4)}`));
  assert.match(shown, /客服电话/);
  assert.equal(await page.locator('#tile-transfer:visible').count(), 0, 'no money tiles on a closed account');
  assert.deepEqual(await accessibilityProblems(page), [], 'on home, closed');
  await stepScreenshot(page, 'h5-account-closed-home');

  // Another customer pays the closed account's phone: refused at the payee, nothing to review.
  const payerContext = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => payerContext.close());
  const payer = await payerContext.newPage();
  const payerErrors = watchedPage(t, payer, 'jinlin-e2e-closure-payer');
  await signUpThroughUi(payer, bank.origin, { user: `${user}-payer`, phone: '13700137094', name: '黄庭坚', idBody: '51010219900305004', pin, cardBody: '622202000098765' });
  await click(payer, 'tile-transfer');
  await fill(payer, 'transfer-phone', phone);
  await click(payer, 'transfer-lookup');
  await payer.locator('#error-message:visible', { hasText: '对方电子账户已销户，无法收款' }).waitFor();
  await stepScreenshot(payer, 'h5-transfer-to-closed');

  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, ['POST /v1/me/pin', 'POST /v1/account/top-up', 'POST /v1/account/closure']);
  assert.deepEqual(consoleErrors, []);
  // The refused look-up is the one 422 the payer's page logs.
  assert.ok(payerErrors.every((error) => /422/.test(error)), JSON.stringify(payerErrors));
});
