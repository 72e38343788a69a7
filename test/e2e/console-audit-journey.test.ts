// The auditor in the operations console, in Chromium against the console's production build, the
// API in serverless offline and DynamoDB Local: audit.sun mistypes the password once, signs in
// with the password and the 动态口令 the local demo link fills in, sees only the sections that are
// built, opens 审计日志 and finds the failed sign-in and their own sign-in as the newest entries,
// expands the failure to its 变更后, verifies the chain (校验完整性 passes), and signs out — after
// which the token the console held no longer works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_OPERATOR_PASSWORD } from '../../functions/adapters/simulators/authenticator.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { DESKTOP_VIEWPORT, useConsoleBank } from '../support/console-browser.js';

const bank = useConsoleBank('jinlin-e2e-console-audit');

const AUDITOR = { login: 'audit.sun', name: '孙悦（audit.sun）' };

test('an auditor reads their own failed and successful sign-in in 审计日志, verifies the chain, signs out', async (t) => {
  const context = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchedPage(t, page, 'jinlin-e2e-console-audit-last');
  // After watchedPage's own: its last screenshot needs the page.
  t.after(() => context.close());

  // A wrong password first: the sign-in page says so and stays on the password step.
  await page.goto(`${bank.origin}/`);
  await page.locator('#login').fill(AUDITOR.login);
  await page.locator('#password').fill('Wrong-Password-1');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('用户名或密码错误').first().waitFor();

  // The right password, then the 动态口令 the local stage's demo link fills in.
  await page.locator('#password').fill(DEMO_OPERATOR_PASSWORD);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '获取本地演示口令' }).click();
  await page.waitForFunction(() => /^\d{6}$/.test((document.querySelector('#code') as HTMLInputElement | null)?.value ?? ''));
  const [session] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/sign-in/totp') && response.status() === 200),
    // antd spaces a two-character label (登 录): the form's submit button.
    page.locator('button[type=submit]').click(),
  ]);
  const { accessToken } = (await session.json()) as { accessToken: string };

  // Signed in: the menu lists the built sections the auditor may read, nothing on its way.
  const menu = page.locator('.ant-pro-sider .ant-menu-item, .ant-pro-top-nav-header .ant-menu-item, aside .ant-menu-item');
  await page.getByRole('menuitem', { name: /审计日志/ }).waitFor();
  assert.deepEqual((await menu.allInnerTexts()).map((name) => name.trim()), ['工作台', '经营看板', '产品工厂', '复核中心', '客户服务', '运营管理', '审计日志']);
  assert.equal(await page.getByText('功能建设中').count(), 0);

  await page.getByRole('menuitem', { name: /审计日志/ }).click();
  await page.waitForURL(/\/audit$/);
  const rows = page.locator('#audit-table tbody tr.ant-table-row');
  await rows.first().waitFor();
  const cells = async (index: number) => (await rows.nth(index).locator('td').allInnerTexts()).map((text) => text.trim());
  // Newest first: the sign-in, then the wrong password just before it, both audit.sun's own.
  const [newest, before] = [await cells(0), await cells(1)];
  t.diagnostic(`newest rows: ${JSON.stringify([newest, before])}`);
  assert.ok(newest.includes(AUDITOR.name) && newest.includes('登录成功'), `newest row: ${newest.join(' | ')}`);
  assert.ok(before.includes(AUDITOR.name) && before.includes('登录失败：密码错误'), `row before: ${before.join(' | ')}`);
  const seqOf = (row: string[]) => Number(row.find((cell) => /^\d+$/.test(cell)));
  assert.equal(seqOf(before), seqOf(newest) - 1, 'the two sign-in entries are consecutive');
  // What the failure did: the count of wrong attempts, in 变更后.
  await rows.nth(1).getByRole('button', { name: '展开行' }).click();
  await page.getByText('变更后').waitFor();
  await page.getByText(/"failedAttempts": 1/).waitFor();

  // antd's own texts in Chinese too (the pager).
  await page.getByText('20 条/页').waitFor();

  await page.getByRole('button', { name: /校验完整性/ }).click();
  const verdict = page.locator('#audit-verdict');
  await verdict.getByText('校验通过：审计日志完整').waitFor();
  assert.match(await verdict.innerText(), new RegExp(`已校验 ${seqOf(newest)} 条记录，链头为第 ${seqOf(newest)} 条`));

  const shot = `${screenshots}/console-audit-log.png`;
  await page.screenshot({ path: shot, animations: 'disabled' });
  t.diagnostic(`audit page: ${shot}`);

  // Sign out from the avatar's menu: the sign-in page again, and the token is dead at the server.
  await page.locator('.ant-pro-global-header-header-actions-avatar, .ant-pro-layout-avatar, .ant-avatar').first().hover();
  await page.getByText('退出登录').click();
  await page.getByRole('button', { name: '下一步' }).waitFor();
  const me = await fetch(`${bank.apiUrl}/v1/console/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  assert.equal(me.status, 401);

  // The browser saw no errors but the refused password's 401 (Chromium logs every 4xx).
  const unexpected = errors.filter((error) => !/status of 401/.test(error));
  assert.deepEqual(unexpected, []);
});
