// 风控规则 in Chromium against the console's production build, the API in serverless offline and
// DynamoDB Local with the demo seed: after a customer's transfers (three small ones, then ¥5,000
// to the same new payee — the victim pattern, warned and confirmed), risk.wang drafts version 2
// of the anti-fraud rules (the victim rule from ¥5,000 down to ¥50), backtests it on today's
// transfers — the small ones would now be warned — and submits it; risk.liu backtests it again
// in 复核中心 and approves it, and the next transfer of that kind is warned.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { handler as account } from '../../functions/http/account.js';
import { getRiskRuleSet } from '../../functions/store/movement-risk.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';
import { onboard, pay, topUp } from '../support/customers.js';
import { expectOk } from '../support/expect.js';

const bank = useConsoleBank('jinlin-e2e-console-risk');
const TRANSFER = '/v1/account/transfer';

/** Runs 回测 on the page and waits for its result; the result's element. */
async function backtest(page: Page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/risk-rules/backtest') && response.status() === 200),
    page.locator('#risk-backtest').click(),
  ]);
  const result = page.locator('#risk-backtest-result');
  await result.waitFor();
  return result;
}

test('a risk officer backtests a stricter victim rule and submits it; a second one backtests it too and approves it', async (t) => {
  const payer = await onboard();
  const payee = await onboard();
  expectOk(await topUp(payer, 1_000_000));
  for (const amountFen of [10_000, 10_000, 10_000, 500_000]) expectOk(await pay(payer, account, TRANSFER, { toPhone: payee.phone, amountFen }));

  const desks = await Promise.all([1, 2].map(() => bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' })));
  t.after(() => Promise.all(desks.map((desk) => desk.close())));
  const [page, checkerPage] = (await Promise.all(desks.map((desk) => desk.newPage()))) as [Page, Page];
  const errors = watchedPage(t, page, 'jinlin-e2e-console-risk-last');
  const checkerErrors = watchedPage(t, checkerPage, 'jinlin-e2e-console-risk-checker-last');

  // risk.wang: 风控规则 → 起草新版本 → the victim rule's amount from ¥5,000 to ¥50 → 回测.
  await signInOnConsole(page, bank.origin, 'risk.wang');
  // 风险管理 opens to its pages; 风控规则 is one of them.
  await page.getByRole('menuitem', { name: /风险管理/ }).click();
  await page.getByRole('menuitem', { name: /风控规则/ }).click();
  await page.waitForURL(/\/risk\/rules$/);
  await page.getByText('当前生效：第 1 版').waitFor();
  await page.locator('#risk-draft').click();
  const amount = page.locator('#rule-0-cond-1-value');
  await amount.waitFor();
  assert.equal(await amount.inputValue(), '5000');
  await amount.fill('50');
  const drafted = await backtest(page);
  // The three ¥100 transfers were let through; under the draft each would be delayed.
  const changedSmall = drafted.locator('tbody tr', { hasText: '¥100.00' });
  assert.equal(await changedSmall.count(), 3);
  for (const row of await changedSmall.all()) assert.deepEqual((await row.locator('td').allInnerTexts()).slice(1, 6), ['转账', '¥100.00', '放行', '延时到账', 'VICTIM_TRANSFER']);
  await drafted.getByText('处置改变', { exact: true }).waitFor();
  const draftShot = `${screenshots}/console-risk-backtest.png`;
  await page.screenshot({ path: draftShot, animations: 'disabled' });
  t.diagnostic(`the draft's backtest: ${draftShot}`);
  const [submitted] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/risk-rules/changes') && response.request().method() === 'POST'),
    page.locator('#risk-submit').click(),
  ]);
  const change = (await submitted.json()) as { changeId: string; status: string };
  assert.equal(change.status, 'PENDING', JSON.stringify(change));
  await page.getByText('已提交复核：风控规则 第 2 版').waitFor();
  assert.equal((await getRiskRuleSet()).version, 1, 'nothing is in force before the checker');

  // risk.liu: the change in 复核中心, backtested again before approving.
  await signInOnConsole(checkerPage, bank.origin, 'risk.liu');
  await checkerPage.getByRole('menuitem', { name: /复核中心/ }).waitFor();
  await checkerPage.goto(`${bank.origin}/changes/${encodeURIComponent(change.changeId)}`);
  const checked = await backtest(checkerPage);
  assert.equal(await checked.locator('tbody tr', { hasText: '¥100.00' }).count(), 3);
  const checkerShot = `${screenshots}/console-risk-change-backtest.png`;
  await checkerPage.screenshot({ path: checkerShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the checker's backtest: ${checkerShot}`);
  await approveOpenChange(checkerPage);
  await checkerPage.locator('#change-done').waitFor({ timeout: 60_000 });

  const inForce = await getRiskRuleSet();
  assert.equal(inForce.version, 2);
  assert.deepEqual(inForce.rules[0]!.conditions[1], { field: 'amountFen', op: 'gte', value: 5_000 });
  for (const seen of [errors, checkerErrors]) assert.deepEqual(seen.filter((error) => !/status of 4\d\d/.test(error)), []);
});
