// 挂失 in real Chromium against the production H5 build, the API in serverless offline and
// DynamoDB Local, on phone-sized screens. A customer opens the account and tops up ¥100 on one
// phone, and has a withdrawal filled in when the phone is lost. From a second browser (another
// device, signed out) the loss is reported through the identity check: name, ID number, bound card
// and the code the bound phone received → 已挂失. On the first phone the withdrawal is refused:
// its session ended, it is back at sign-in, and signing in shows 已挂失 with the way to lift it
// and the service line. The lift, through the identity check → a new sign-in pays again; and
// signed in, 账户安全 → 挂失 in one tap.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, useBrowserBank, watchedPage } from '../support/browser.js';

const bank = useBrowserBank('jinlin-e2e-loss');

test('loss reported from a second device, signed out: the first device\'s withdrawal is refused and it is signed out; lifted through the identity check, a new sign-in pays', async (t) => {
  const lostPhone = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  const otherDevice = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => Promise.all([lostPhone.close(), otherDevice.close()]));
  const page = await lostPhone.newPage();
  const errors = watchedPage(t, page, 'jinlin-e2e-loss-first');
  const customer = { user: `e2e-loss-${randomUUID().slice(0, 8)}`, phone: '13700137110', name: '卫青', idBody: '11010519880306001', pin: '582064', cardBody: '622202000055555' };
  await signUpThroughUi(page, bank.origin, customer);
  const balance = page.locator('#balance:visible');
  await balance.waitFor();

  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '100');
  await click(page, 'submit');
  await confirmPayment(page, customer.pin, { amount: '¥100.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  // The withdrawal filled in when the phone goes missing.
  await click(page, 'tile-withdraw');
  await fill(page, 'amount-input', '30');

  // Another device, signed out: 挂失 through the identity check.
  const other = await otherDevice.newPage();
  const otherErrors = watchedPage(t, other, 'jinlin-e2e-loss-second');
  await other.goto(`${bank.origin}/`);
  await click(other, 'go-loss-report');
  await expectBar(other, '挂失与解除挂失', 'back');
  await answerIdentity(other);
  await click(other, 'loss-send-code');
  await other.locator('#loss-code-hint', { hasText: '若身份信息无误' }).waitFor();
  await fill(other, 'loss-code', await smsCode('LOSS_REPORT_CODE'));
  await click(other, 'lost-PHONE');
  await stepScreenshot(other, 'h5-loss-report-code');
  await click(other, 'loss-code-next');
  await other.locator('#loss-reported:visible').waitFor();
  assert.match(await other.locator('#service-phone:visible').innerText(), /客服电话/);
  assert.deepEqual(await accessibilityProblems(other), [], 'on 已挂失');
  await stepScreenshot(other, 'h5-loss-reported');
  assert.ok((await outbox()).some((message) => message.template === 'LOSS_REPORTED_NOTICE'), 'the customer is told by SMS');

  // The lost phone: the withdrawal is refused, its session over — back at sign-in, nothing moved.
  await click(page, 'submit');
  await page.locator('#login-wechat:visible').waitFor();
  await click(page, 'login-wechat');
  // Signing in shows why it cannot: 已挂失, the lift and a person to call.
  await page.locator('#loss-reported:visible').waitFor();
  await expectBar(page, '账户已挂失', 'home');

  // The lift, through the identity check; then a new sign-in.
  await click(page, 'go-loss-lift');
  await expectBar(page, '挂失与解除挂失', 'back');
  await answerIdentity(page);
  await click(page, 'loss-send-code');
  await page.locator('#loss-code-hint', { hasText: '若身份信息无误' }).waitFor();
  await fill(page, 'loss-code', await smsCode('LOSS_LIFT_CODE'));
  await click(page, 'loss-code-next');
  await page.locator('#loss-lifted:visible').waitFor();
  assert.equal((await page.locator('#loss-lift-notice').innerText()).trim(), '已发送至 137****7110');
  assert.deepEqual(await accessibilityProblems(page), [], 'on 已解除挂失');
  await stepScreenshot(page, 'h5-loss-lifted');
  await click(page, 'loss-lifted-login');
  await click(page, 'login-wechat');
  await balance.waitFor();
  assert.equal((await balance.innerText()).trim(), '¥100.00', 'the refused withdrawal moved nothing');
  await click(page, 'tile-withdraw');
  await fill(page, 'amount-input', '30');
  await click(page, 'submit');
  await confirmPayment(page, customer.pin, { amount: '¥30.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  await page.locator('#balance:visible', { hasText: '¥70.00' }).waitFor();

  // Signed in, 账户安全 → 挂失 is one tap: the 已挂失 screen, signed out.
  await click(page, 'go-security');
  await expectBar(page, '账户安全', 'back');
  await click(page, 'lost-ID_CARD');
  assert.deepEqual(await accessibilityProblems(page), [], 'on 账户安全');
  await stepScreenshot(page, 'h5-security');
  await click(page, 'loss-report-submit');
  await page.locator('#loss-reported:visible').waitFor();
  assert.equal((await outbox()).filter((message) => message.template === 'LOSS_REPORTED_NOTICE').length, 2);

  // The ended session's refusals (401) and the refused sign-in (403) are the browsers' only complaints.
  assert.deepEqual([...errors, ...otherErrors].filter((error) => !/status of (401|403)/.test(error)), []);

  async function answerIdentity(on: Page) {
    await fill(on, 'loss-name', customer.name);
    await fill(on, 'loss-id', customer.idBody + idCheckChar(customer.idBody));
    await fill(on, 'loss-card', customer.cardBody + luhnCheckDigit(customer.cardBody));
    await click(on, 'loss-identity-next');
  }
  async function outbox() {
    const res = await fetch(`${bank.apiUrl}/v1/sim/sms/messages?phone=${customer.phone}`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { messages: { template: string; params: Record<string, string> }[] }).messages;
  }
  async function smsCode(template: string): Promise<string> {
    const sent = (await outbox()).find((message) => message.template === template);
    assert.ok(sent, `${template} reached the simulated phone`);
    return sent.params.code!;
  }
});
