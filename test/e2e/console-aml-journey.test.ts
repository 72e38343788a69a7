// 可疑交易预警 in Chromium against the console's production build, the API in serverless offline
// and DynamoDB Local with the demo seed: a customer tops up three times just under the Class II
// daily limit, the day close finds the structuring pattern and opens an alert; risk.wang opens
// it — its rule, the three movements, its timeline — files a suspicious transaction report with
// a reason and downloads it as one JSON file; the alert is then 已上报 with no step left, and the
// customer's 360 view is one link away, with the rating the report gave. In 名单管理 risk.wang adds
// an existing customer's name to the bank's own list; risk.liu approves it in 复核中心, and the
// customer's 名单筛查命中 alert is in the queue.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { runDayClose } from '../../functions/services/day-close.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';
import { onboard, topUp } from '../support/customers.js';
import { expectOk } from '../support/expect.js';

const bank = useConsoleBank('jinlin-e2e-console-aml');
const NEAR_LIMIT_FEN = 950_000;
const REASON = '三笔充值均略低于单日限额，客户无法说明资金用途';

test('a risk officer works a structuring alert to a suspicious transaction report and downloads it; a watch-list entry approved by a second officer screens an existing customer', async (t) => {
  const customer = await onboard();
  for (let i = 0; i < 3; i++) expectOk(await topUp(customer, NEAR_LIMIT_FEN));
  const { closedDate } = await runDayClose(new Date());

  const desk = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
  t.after(() => desk.close());
  const page: Page = await desk.newPage();
  const errors = watchedPage(t, page, 'jinlin-e2e-console-aml-last');

  await signInOnConsole(page, bank.origin, 'risk.wang');
  await page.getByRole('menuitem', { name: /风险管理/ }).click();
  await page.getByRole('menuitem', { name: /可疑交易预警/ }).click();
  await page.waitForURL(/\/risk\/aml-alerts$/);
  const row = page.locator('tr', { hasText: customer.customerId });
  await row.waitFor();
  assert.match(await row.innerText(), /待处理[\s\S]*拆分交易[\s\S]*¥9,500\.00、¥9,500\.00、¥9,500\.00/);
  await row.getByRole('button', { name: '详情' }).click();

  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByText('24 小时内至少 3 笔交易，每笔金额在某一限额的 90%–100% 之间').waitFor();
  assert.equal(await drawer.locator('#aml-movements tbody tr').count(), 3);
  for (const cells of await drawer.locator('#aml-movements tbody tr').all()) assert.match(await cells.innerText(), /银行卡充值[\s\S]*\+¥9,500\.00/);
  await drawer.getByText('日终监测发现可疑模式').waitFor();
  const openShot = `${screenshots}/console-aml-alert.png`;
  await page.screenshot({ path: openShot, animations: 'disabled' });
  t.diagnostic(`the alert: ${openShot}`);

  await drawer.getByRole('button', { name: '提交可疑交易报告' }).click();
  const dialog = page.getByRole('dialog', { name: '提交可疑交易报告' });
  await dialog.locator('textarea').fill(REASON);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/report') && response.request().method() === 'POST' && response.status() === 200),
    dialog.getByRole('button', { name: /提\s*交/ }).click(),
  ]);
  await drawer.getByText('已上报').first().waitFor();
  await drawer.getByText(REASON).first().waitFor();
  assert.equal(await drawer.getByRole('button', { name: '排除可疑' }).count(), 0);

  const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载报告' }).click()]);
  assert.match(download.suggestedFilename(), /^STR-\d{8}[0-9A-F]{16}\.json$/);
  const report = JSON.parse(await readFile((await download.path())!, 'utf8'));
  assert.equal(report.reportType, 'SUSPICIOUS_TRANSACTION');
  assert.equal(report.reason, REASON);
  assert.equal(report.alert.date, closedDate);
  assert.equal(report.subject.customerId, customer.customerId);
  assert.deepEqual(
    report.transactions.map((movement: { kind: string; amountFen: number }) => [movement.kind, movement.amountFen]),
    Array.from({ length: 3 }, () => ['TOP_UP', NEAR_LIMIT_FEN]),
  );
  assert.equal(report.filedBy.login, 'risk.wang');
  const reportedShot = `${screenshots}/console-aml-reported.png`;
  await page.screenshot({ path: reportedShot, animations: 'disabled' });
  t.diagnostic(`the reported alert: ${reportedShot}`);

  // The investigation goes on in the customer's 360 view: movements, masked, and the freeze.
  await drawer.getByRole('link', { name: '客户全景（交易、冻结）' }).click();
  await page.waitForURL(new RegExp(`/service/customers/${customer.customerId}$`));
  await page.getByRole('tab', { name: /近期交易/ }).waitFor();
  // The filed report rated the customer high; the officer reads why there.
  const rating = page.locator('#risk-rating');
  await rating.getByText('高风险').waitFor();
  await rating.getByText('近 12 个月已提交可疑交易报告 1 份').waitFor();
  const ratingShot = `${screenshots}/console-customer-risk-rating.png`;
  await page.screenshot({ path: ratingShot, animations: 'disabled' });
  t.diagnostic(`the customer's rating in 客户全景: ${ratingShot}`);
  // …and the devices the customer signs in from: the one they signed up on, verified.
  await page.getByRole('tab', { name: /登录设备（1）/ }).click();
  assert.match(await page.locator('#customer-devices tbody tr').innerText(), /已验证/);
  const devicesShot = `${screenshots}/console-customer-devices.png`;
  await page.screenshot({ path: devicesShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the customer's devices in 客户全景: ${devicesShot}`);

  // 名单管理: risk.wang adds a customer already on the books to the bank's own list; risk.liu
  // approves; the customer's alert is in the queue.
  const namesake = await onboard({ name: '钱多多' });
  const checkerDesk = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const checkerPage: Page = await checkerDesk.newPage();
  const checkerErrors = watchedPage(t, checkerPage, 'jinlin-e2e-console-watch-list-checker-last');
  t.after(() => checkerDesk.close());
  await page.goto(`${bank.origin}/risk/watch-list`);
  await page.getByText('当前生效：第 1 版（共 3 条）').waitFor();
  await page.locator('#watch-list').getByText('艾山·买买提').waitFor();

  await page.locator('#watch-list-edit').click();
  await page.locator('#watch-list-add').click();
  const entryDialog = page.getByRole('dialog', { name: '新增名单条目' });
  await entryDialog.locator('#list').click();
  await page.locator('.ant-select-item-option[title="本行关注名单"]').click();
  await entryDialog.locator('#entryId').fill('E2E-0001');
  await entryDialog.locator('#name').fill('钱多多');
  await entryDialog.locator('#source').fill('本行反洗钱工作小组决定（测试）');
  await entryDialog.getByRole('button', { name: '加入草稿' }).click();
  await page.getByText('编辑中：第 2 版（共 4 条）').waitFor();
  const draftShot = `${screenshots}/console-watch-list-draft.png`;
  await page.screenshot({ path: draftShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the draft: ${draftShot}`);
  const [submitted] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/watch-list/changes') && response.request().method() === 'POST'),
    page.locator('#watch-list-submit').click(),
  ]);
  const change = (await submitted.json()) as { changeId: string; status: string };
  assert.equal(change.status, 'PENDING', JSON.stringify(change));
  await page.getByText('已提交复核：监控名单 第 2 版').waitFor();

  await signInOnConsole(checkerPage, bank.origin, 'risk.liu');
  await checkerPage.getByRole('menuitem', { name: /复核中心/ }).waitFor();
  await checkerPage.goto(`${bank.origin}/changes/${encodeURIComponent(change.changeId)}`);
  await checkerPage.locator('#change-diff').getByText('本行关注名单「钱多多」（本行反洗钱工作小组决定（测试）） · E2E-0001').waitFor();
  const checkerShot = `${screenshots}/console-watch-list-change.png`;
  await checkerPage.screenshot({ path: checkerShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the change for the checker: ${checkerShot}`);
  await approveOpenChange(checkerPage);
  await checkerPage.locator('#change-done').waitFor({ timeout: 60_000 });

  await page.getByRole('menuitem', { name: /可疑交易预警/ }).click();
  const namesakeRow = page.locator('tr', { hasText: namesake.customerId });
  await namesakeRow.waitFor();
  assert.match(await namesakeRow.innerText(), /待处理[\s\S]*名单筛查命中[\s\S]*完全匹配本行关注名单「钱多多」/);
  assert.deepEqual(errors, []);
  assert.deepEqual(checkerErrors, []);
});
