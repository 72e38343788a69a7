// 运营人员管理 in Chromium against the console's production build, the API in serverless offline and
// DynamoDB Local with the demo seed (two administrators): admin.qian drafts a new product manager,
// admin.he approves it in 复核中心, admin.qian generates the activation code (shown once); the new
// operator activates on the sign-in page — scans the QR code (here: reads the secret under it),
// chooses a password, confirms with the first code — and signs in with the permissions approved.
// Nobody but them ever held their password or authenticator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, totpAt } from '../../functions/domain/totp.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';

const bank = useConsoleBank('jinlin-e2e-console-operators');

test('one administrator drafts a new operator, another approves, the operator activates with a one-time code and signs in', async (t) => {
  // Three people at three desks: each their own browser (a second sign-in of one operator
  // within the same 30 s would be refused as a replayed code).
  const desks = await Promise.all([1, 2, 3].map(() => bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' })));
  t.after(() => Promise.all(desks.map((desk) => desk.close())));
  const [page, checkerPage, newcomerPage] = (await Promise.all(desks.map((desk) => desk.newPage()))) as [Page, Page, Page];
  const errors = watchedPage(t, page, 'jinlin-e2e-console-operators-last');
  const checkerErrors = watchedPage(t, checkerPage, 'jinlin-e2e-console-operators-checker-last');
  const newcomerErrors = watchedPage(t, newcomerPage, 'jinlin-e2e-console-operators-newcomer-last');

  // admin.qian: 运营人员管理 → 新建运营人员 → 提交复核.
  await signInOnConsole(page, bank.origin, 'admin.qian');
  await page.getByRole('menuitem', { name: /运营人员管理/ }).click();
  await page.waitForURL(/\/operators$/);
  await page.locator('#operators-table tbody tr.ant-table-row').first().waitFor();
  await page.locator('#operator-create').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('登录名').fill('pm.wang');
  await form.getByLabel('姓名').fill('王芳');
  // An administrator may hold no other role: told before anything is sent.
  await form.getByLabel('管理员').check();
  await form.getByLabel('产品经理').check();
  await form.getByRole('button', { name: '提交复核' }).click();
  await form.getByText('管理员不得兼任其他角色').waitFor();
  await form.getByLabel('管理员').uncheck();
  const [submittedAnswer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/operators/changes') && response.request().method() === 'POST'),
    form.getByRole('button', { name: '提交复核' }).click(),
  ]);
  const change = (await submittedAnswer.json()) as { changeId: string; status: string };
  assert.equal(change.status, 'PENDING', JSON.stringify(change));
  await page.getByText('待复核的新建申请').waitFor();
  await page.locator('#operators-table .ant-spin-spinning').waitFor({ state: 'detached' });
  const listShot = `${screenshots}/console-operators-list.png`;
  await page.screenshot({ path: listShot, animations: 'disabled' });
  t.diagnostic(`operators page: ${listShot}`);

  // admin.he approves it in 复核中心 (admin.qian could not: the maker never checks).
  await signInOnConsole(checkerPage, bank.origin, 'admin.he');
  await checkerPage.getByRole('menuitem', { name: /复核中心/ }).waitFor();
  await checkerPage.goto(`${bank.origin}/changes/${encodeURIComponent(change.changeId)}`);
  await checkerPage.getByText('pm.wang').first().waitFor();
  const changeShot = `${screenshots}/console-operators-change.png`;
  await checkerPage.screenshot({ path: changeShot, animations: 'disabled' });
  t.diagnostic(`the change as the checker reads it: ${changeShot}`);
  await approveOpenChange(checkerPage);
  // The approval applies the change in the same request (and may be the first call into its
  // function): on a loaded 2-core CI machine that has taken over 30 s.
  await checkerPage.locator('#change-done').waitFor({ timeout: 60_000 });

  // admin.qian: the new operator waits for activation; 生成激活码, shown once.
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.locator('#operators-table tbody tr.ant-table-row', { hasText: 'pm.wang' });
  await row.getByText('待激活').waitFor();
  await row.getByRole('button', { name: '生成激活码' }).click();
  const codeText = (await page.locator('#activation-code').innerText()).trim();
  assert.match(codeText, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}/);
  const activationCode = codeText.slice(0, 19);
  await page.locator('#operators-table .ant-spin-spinning').waitFor({ state: 'detached' });
  const codeShot = `${screenshots}/console-operators-code.png`;
  await page.screenshot({ path: codeShot, animations: 'disabled' });
  t.diagnostic(`the activation code dialog: ${codeShot}`);
  await page.getByRole('button', { name: '我已交给本人' }).click();

  // The new operator, on the sign-in page at their desk: 激活账户.
  await newcomerPage.goto(`${bank.origin}/`);
  await newcomerPage.locator('#activation-open').click();
  await newcomerPage.locator('#activation_login').fill('pm.wang');
  await newcomerPage.locator('#activation_activationCode').fill(activationCode.toLowerCase());
  await newcomerPage.locator('#activation-next').click();
  await newcomerPage.locator('#activation-qr').waitFor();
  const secret = base32Decode((await newcomerPage.locator('#activation-secret').innerText()).trim())!;
  await newcomerPage.locator('#activation_password').fill('Wang-Fang-2026');
  await newcomerPage.locator('#activation_confirm').fill('Wang-Fang-2026');
  await newcomerPage.locator('#activation_code').fill(totpAt(secret, new Date()));
  const activationShot = `${screenshots}/console-operators-activation.png`;
  await newcomerPage.screenshot({ path: activationShot, animations: 'disabled' });
  t.diagnostic(`activation page: ${activationShot}`);
  await newcomerPage.locator('#activation-complete').click();
  await newcomerPage.getByText('账户已激活').waitFor();
  await newcomerPage.locator('#activation-back').click();

  // Signed in with their own password and authenticator (the next code: the first is used).
  await newcomerPage.locator('#login').fill('pm.wang');
  await newcomerPage.locator('#password').fill('Wang-Fang-2026');
  await newcomerPage.getByRole('button', { name: '下一步' }).click();
  await newcomerPage.locator('#code').fill(totpAt(secret, new Date(Date.now() + 30_000)));
  await newcomerPage.locator('button[type=submit]').click();
  await newcomerPage.getByRole('menuitem', { name: /产品工厂/ }).waitFor();
  assert.equal(await newcomerPage.getByRole('menuitem', { name: /运营人员管理/ }).count(), 0);

  for (const seen of [errors, checkerErrors, newcomerErrors]) assert.deepEqual(seen.filter((error) => !/status of 4\d\d/.test(error)), []);
});
