// A dispute answered from the console, in real Chromium against the production H5 and console
// builds, the API in serverless offline and DynamoDB Local with the demo seed: a new customer tops
// up, opens the movement's detail and taps 对此交易有疑问, describes the problem and sees the ticket
// 已受理 with its deadline; cs.zhao finds it in 客户服务 › 投诉工单, takes it, answers and proposes a
// correction (差错调整, approved elsewhere: the integration test); the customer sees 已答复 and the
// bank's answer.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { accessibilityProblems, expectBar } from '../support/accessibility.js';
import { click, confirmPayment, fill, PHONE_VIEWPORT, signUpThroughUi, stepScreenshot, watchedPage } from '../support/browser.js';
import { DESKTOP_VIEWPORT, signInOnConsole } from '../support/console-browser.js';
import { useWebBank } from '../support/web-bank.js';

const bank = useWebBank('jinlin-e2e-complaint', ['h5', 'console']);

test('a customer disputes a top-up in the mini-program, customer service answers it in the console, the customer reads the answer', async (t) => {
  const context = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  t.after(() => context.close());
  const page = await context.newPage();
  const browserErrors = watchedPage(t, page, 'jinlin-e2e-complaint-last');
  const pin = '731592';
  await signUpThroughUi(page, bank.origins.h5, { user: `e2e-complaint-${randomUUID().slice(0, 8)}`, phone: '13700137093', name: '司马光', idBody: '44030419850612005', pin, cardBody: '622202000054329' });
  await click(page, 'tile-top-up');
  await fill(page, 'amount-input', '88');
  await click(page, 'submit');
  await confirmPayment(page, pin, { amount: '¥88.00' });
  await page.locator('#result-message').waitFor();
  await click(page, 'back-home');
  await click(page, 'tile-history');
  await page.locator('.history-item:visible').first().click();

  // 对此交易有疑问: the movement shown, the description counted in characters.
  await click(page, 'entry-dispute');
  await expectBar(page, '投诉与建议', 'back');
  assert.equal((await page.locator('#dispute-amount:visible').innerText()).trim(), '+¥88.00');
  const description = '这笔充值我没有操作过，请帮忙核实是否被盗刷。';
  await page.locator('#complaint-description:visible textarea').fill(description);
  assert.equal((await page.locator('#complaint-count:visible').innerText()).trim(), `${[...description].length}/500`);
  assert.deepEqual(await accessibilityProblems(page), [], 'on 投诉与建议');
  await stepScreenshot(page, 'h5-complaint-new');
  await click(page, 'complaint-submit');
  await expectBar(page, '投诉详情', 'back');
  assert.equal((await page.locator('#ticket-status:visible').innerText()).trim(), '已受理');
  assert.match(await page.locator('#ticket-due:visible').innerText(), /^\d{4}-\d{2}-\d{2} 23:59$/);

  // cs.zhao answers it in the console.
  const desk = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  t.after(() => desk.close());
  const agent = await desk.newPage();
  const consoleErrors = watchedPage(t, agent, 'jinlin-e2e-complaint-console-last');
  await signInOnConsole(agent, bank.origins.console, 'cs.zhao');
  await agent.getByRole('menuitem', { name: /客户服务/ }).click();
  await agent.getByRole('menuitem', { name: '投诉工单' }).click();
  const row = agent.locator('#complaints-table tbody tr.ant-table-row', { hasText: description });
  await row.waitFor();
  assert.match(await row.innerText(), /交易争议/);
  assert.match(await row.innerText(), /司\*\*/);
  await row.getByRole('link', { name: '查看' }).click();
  await agent.locator('#ticket-take').click();
  await agent.locator('#ticket-status', { hasText: '处理中' }).waitFor();
  const answer = '经核查，该笔充值由您本人绑定的银行卡发起，资金已入账，如仍有疑问请致电客服。';
  await agent.locator('textarea#ticket-answer-input, #ticket-answer-input textarea').first().fill(answer);
  await agent.locator('#ticket-answer-submit').click();
  await agent.locator('#ticket-status', { hasText: '已答复' }).waitFor();
  assert.equal((await agent.locator('#ticket-answer').innerText()).trim(), answer);
  await stepScreenshot(agent, 'console-complaint');

  // A correction (差错调整) proposed from the ticket: typed in yuan, waiting for a second operator.
  await agent.locator('#correction-open').click();
  await agent.locator('#correction-amount').fill('88');
  await agent.locator('textarea#correction-reason, #correction-reason textarea').first().fill('客户确认未操作，经核实为系统差错，予以调整。');
  await stepScreenshot(agent, 'console-correction');
  await agent.locator('#correction-submit').click();
  await agent.locator('.ant-table-row', { hasText: '待复核' }).waitFor();
  assert.match(await agent.locator('#correction-room').innerText(), /待复核/);

  // The customer sees the answer.
  await page.reload();
  await page.locator('#ticket-answer:visible').waitFor();
  assert.equal((await page.locator('#ticket-status:visible').innerText()).trim(), '已答复');
  assert.equal((await page.locator('#ticket-answer:visible').innerText()).trim(), answer);
  assert.deepEqual(await accessibilityProblems(page), [], 'on 投诉详情');
  await stepScreenshot(page, 'h5-complaint-answered');
  assert.deepEqual(browserErrors, []);
  assert.deepEqual(consoleErrors, []);
});
