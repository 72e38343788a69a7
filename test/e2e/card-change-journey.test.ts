// 更换绑定卡 in real Chromium against the production H5 build, the API in serverless offline and
// DynamoDB Local, on a phone-sized screen: a new customer opens the account with an ICBC card,
// opens 更换绑定卡 from home, gives the ID number and a CCB card, confirms on the review sheet with
// the PIN on the keypad → the page shows the new card, the notice, and the history line with both
// cards; home shows the new card; a top-up then comes from it (its history line names it).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { accessibilityProblems, expectBar, tapBack } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-card');

test('the bound card is changed with the ID number and the PIN; home and the history show the new card; a top-up comes from it', async (t) => {
  const context = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => context.close());
  const page = await context.newPage();
  const consoleErrors = watchedPage(t, page, 'jinlin-e2e-card-last');
  const pin = '640917';
  const requests = watchForClearPins(page, [pin]);
  const idBody = '44030419910204003';
  const oldCardBody = '622202000012345';
  const oldCard = oldCardBody + luhnCheckDigit(oldCardBody);
  const newCardBody = '621700000067890';
  const newCard = newCardBody + luhnCheckDigit(newCardBody);
  await signUpThroughUi(page, bank.origin, { user: `e2e-card-${randomUUID().slice(0, 8)}`, phone: '13700137090', name: '郑和', idBody, pin, cardBody: oldCardBody });

  const homeCard = page.locator('.balance-card__card:visible');
  await homeCard.waitFor();
  assert.match(await homeCard.innerText(), new RegExp(`中国工商银行 \\*{4} \\*{4} \\*{4} ${oldCard.slice(-4)}`));

  await click(page, 'go-card-change');
  await expectBar(page, '更换绑定卡', 'back');
  await page.locator('#card-changes:visible', { hasText: '暂无变更记录' }).waitFor();
  await fill(page, 'card-change-id-number', idBody + idCheckChar(idBody));
  await fill(page, 'card-change-card-number', newCard);
  await click(page, 'card-change-submit');
  await confirmPayment(page, pin, { amount: null });

  const done = page.locator('#card-change-done:visible');
  await done.waitFor();
  assert.match(await done.innerText(), new RegExp(`已更换为 中国建设银行 \\*{4} \\*{4} \\*{4} ${newCard.slice(-4)}`));
  assert.match(await done.innerText(), /137\*{4}7090/);
  const change = page.locator('#card-changes:visible .card-change');
  await change.waitFor();
  assert.equal(await change.count(), 1);
  const line = await change.innerText();
  assert.match(line, new RegExp(`中国建设银行 \\*{4} \\*{4} \\*{4} ${newCard.slice(-4)}`));
  assert.match(line, new RegExp(`原卡 中国工商银行 \\*{4} \\*{4} \\*{4} ${oldCard.slice(-4)}，解绑于`));
  assert.match(await page.locator('#bound-card:visible').innerText(), new RegExp(`中国建设银行 \\*{4} \\*{4} \\*{4} ${newCard.slice(-4)}`));
  assert.deepEqual(await accessibilityProblems(page), [], 'on 更换绑定卡');
  await stepScreenshot(page, 'h5-card-change');

  await tapBack(page);
  await page.locator('.balance-card__card:visible', { hasText: newCard.slice(-4) }).waitFor();
  assert.match(await homeCard.innerText(), /中国建设银行/);

  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '100');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥100.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  await click(page, 'tile-history');
  const topUp = page.locator('.history-item:visible').first();
  await topUp.waitFor();
  assert.match(await topUp.innerText(), new RegExp(`充值[\\s\\S]*中国建设银行 ${newCard.slice(-4)}`));

  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, ['POST /v1/me/pin', 'POST /v1/account/card', 'POST /v1/account/top-up']);
  assert.deepEqual(consoleErrors, []);
});
