// Billers, staff and the reconciliation report in the console, in Chromium against the console's
// production build, the API in serverless offline and DynamoDB Local with the demo seed: pm.li opens
// a new biller in 产品工厂 → 缴费机构 (the form checks each field as the server would, beside the
// customers' page as it will read) and pm.zhou approves it — only then do customers see it;
// admin.qian submits a new relationship manager in 客户经理管理, admin.he approves it, and
// admin.qian issues the manager's one-time binding code; ops.chen reads a date's 对账报告. A
// screenshot of each page at 1440×900.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { saveReconciliation } from '../../functions/store/bills.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';

const bank = useConsoleBank('jinlin-e2e-console-billers-staff');

async function shot(t: TestContext, page: Page, name: string): Promise<void> {
  const path = `${screenshots}/console-${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  t.diagnostic(`${name}: ${path}`);
}

async function signIn(t: TestContext, browser: Browser, login: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchedPage(t, page, `jinlin-e2e-console-billers-staff-${login}-last`);
  t.after(() => context.close());
  await signInOnConsole(page, bank.origin, login);
  return { page, errors };
}

/** A second operator finds the change in 复核中心's inbox and approves it on screen. */
async function approve(t: TestContext, login: string, entityLabel: string, name: string): Promise<string[]> {
  const checker = await signIn(t, bank.browser, login);
  await checker.page.getByRole('menuitem', { name: /复核中心/ }).click();
  await checker.page.locator('#changes-table tbody tr.ant-table-row', { hasText: entityLabel }).getByRole('link', { name: '查看' }).click();
  await checker.page.locator('#change-status', { hasText: '待复核' }).waitFor();
  await shot(t, checker.page, name);
  await approveOpenChange(checker.page);
  await checker.page.locator('#change-status', { hasText: '已生效' }).waitFor();
  return checker.errors;
}

const customersBillers = async (city: string) =>
  ((await (await fetch(`${bank.apiUrl}/v1/billers?city=${city}`)).json()) as { items: { billerId: string; name: string }[] }).items;

test('a biller opened and a manager created with four eyes; the binding code issued once; the reconciliation report', async (t) => {
  // ---- 缴费机构: pm.li drafts, pm.zhou approves -------------------------------------------------
  const li = await signIn(t, bank.browser, 'pm.li');
  await li.page.getByRole('menuitem', { name: /产品工厂/ }).click();
  await li.page.getByRole('tab', { name: '缴费机构' }).click();
  await li.page.waitForURL(/\/products\/billers$/);
  await li.page.locator('#billers-table tbody tr.ant-table-row', { hasText: 'nj-power' }).waitFor();
  await shot(t, li.page, 'billers');

  await li.page.locator('#biller-new').click();
  await li.page.waitForURL(/\/products\/billers\/new$/);
  await li.page.locator('#biller-id').fill('yz-water');
  await li.page.locator('#biller-name').fill('扬州水务集团');
  await li.page.locator('#biller-category').click();
  await li.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^水费$/ }).click();
  await li.page.locator('#biller-city-name').fill('扬州');
  await li.page.locator('#biller-city-code').fill('yangzhou');
  await li.page.locator('#biller-account-label').fill('用户号');
  await li.page.locator('#biller-account-hint').fill('8 位数字，见水费账单');
  await li.page.locator('#biller-min-length').fill('8');
  await li.page.locator('#biller-max-length').fill('8');
  // Inline: the contract's own message while the range is upside down.
  await li.page.locator('#biller-min-yuan').fill('3000');
  await li.page.locator('#biller-max-yuan').fill('2000');
  await li.page.locator('#biller-min-yuan').blur();
  await li.page.getByText(/最低不超过最高/).first().waitFor();
  await li.page.locator('#biller-min-yuan').fill('10');
  await li.page.locator('#biller-min-yuan').blur();
  await li.page.getByText(/最低不超过最高/).waitFor({ state: 'detached' });
  await li.page.locator('#biller-code').fill('YZWATER');
  await li.page.locator('#biller-preview').getByText(/不低于账单金额，多缴部分预存；无账单时预存 ¥10 起，单笔最高 ¥2,000/).waitFor();
  await li.page.evaluate(() => window.scrollTo(0, 0));
  await shot(t, li.page, 'biller-editor');

  await li.page.getByRole('button', { name: '提交复核' }).click();
  await li.page.waitForURL(/\/changes\/C[0-9a-f]{32}$/);
  await li.page.locator('#change-status', { hasText: '待复核' }).waitFor();
  assert.equal(await li.page.locator('#change-approve').count(), 0, 'no 通过 on her own change');
  assert.deepEqual(await customersBillers('yangzhou'), [], 'customers see nothing before the approval');
  const zhouErrors = await approve(t, 'pm.zhou', '新增缴费机构 扬州水务集团', 'biller-change-review');
  assert.deepEqual((await customersBillers('yangzhou')).map((biller) => biller.name), ['扬州水务集团']);

  // ---- 客户经理管理: admin.qian submits, admin.he approves, admin.qian issues the code ---------------
  const qian = await signIn(t, bank.browser, 'admin.qian');
  await qian.page.getByRole('menuitem', { name: /客户经理管理/ }).click();
  await qian.page.waitForURL(/\/staff$/);
  await qian.page.locator('#staff-table tbody tr.ant-table-row', { hasText: 'HD0002' }).waitFor();
  const staffNo = `YZ${Date.now().toString(36).slice(-6).toUpperCase()}`;
  await qian.page.locator('#staff-new').click();
  await qian.page.locator('#staff-name').fill('林晓');
  await qian.page.locator('#staff-no').fill(staffNo);
  await qian.page.locator('#staff-branch-id').fill('YZ-HANJIANG');
  await qian.page.locator('#staff-branch-name').fill('扬州邗江支行');
  await qian.page.locator('#staff-work-phone').fill('0514-87654321');
  await shot(t, qian.page, 'staff-new');
  await qian.page.getByRole('button', { name: '提交复核' }).click();
  await qian.page.waitForURL(/\/changes\/C[0-9a-f]{32}$/);
  await qian.page.locator('#change-diff').getByText(staffNo).first().waitFor();
  await qian.page.locator('#change-diff').getByText('0514-87654321').first().waitFor();
  const heErrors = await approve(t, 'admin.he', `新建客户经理 林晓（${staffNo}）`, 'staff-change-review');

  await qian.page.getByRole('menuitem', { name: /客户经理管理/ }).click();
  const row = qian.page.locator('#staff-table tbody tr.ant-table-row', { hasText: staffNo });
  await row.waitFor();
  assert.match(await row.innerText(), /林晓[\s\S]*客户经理[\s\S]*扬州邗江支行[\s\S]*正常[\s\S]*0514-87654321[\s\S]*未绑定/);
  await shot(t, qian.page, 'staff');
  // 修改电话 starts from the number the server holds; closed here without submitting.
  await qian.page.locator(`#staff-phone-${staffNo}`).click();
  assert.equal(await qian.page.locator('#staff-phone-input').inputValue(), '0514-87654321');
  // The dialog has finished zooming in (antd's motion classes gone) before it is photographed.
  await qian.page.locator('.ant-modal[class*="ant-zoom-"]').waitFor({ state: 'detached' });
  await shot(t, qian.page, 'staff-work-phone');
  await qian.page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
  await qian.page.locator('#staff-phone-input').waitFor({ state: 'detached' });
  await qian.page.locator(`#staff-code-${staffNo}`).click();
  await qian.page.locator('.ant-popover:visible').getByRole('button', { name: /生\s*成/ }).click();
  const code = (await qian.page.locator('#staff-binding-code').innerText()).trim();
  assert.match(code, /^[A-HJ-KM-NP-Z2-9]{12}$/);
  await shot(t, qian.page, 'staff-binding-code');

  // ---- 运营管理 → 对账报告 ---------------------------------------------------------------------
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  await saveReconciliation({
    date: yesterday,
    ranAt: new Date().toISOString(),
    matched: 41,
    matchedFen: 1_234_567,
    jinlinCount: 42,
    jinlinFen: 1_239_999,
    gatewayCount: 42,
    gatewayFen: 1_240_000,
    mismatchCount: 1,
    mismatches: [{ kind: 'AMOUNT_DIFFERS', reference: `P${'R'.repeat(26)}`, billerId: 'nj-power', jinlinAmountFen: 5_432, gatewayAmountFen: 5_332, jinlinStatus: 'SETTLED', action: 'REFUND_PENDING_REVIEW', note: '缴费单位少记 ¥1.00，复核后退还客户' }],
  });
  const chen = await signIn(t, bank.browser, 'ops.chen');
  await chen.page.getByRole('menuitem', { name: /运营管理/ }).click();
  await chen.page.getByRole('tab', { name: '对账报告' }).click();
  await chen.page.locator('#reconciliation-mismatches').getByText(`P${'R'.repeat(26)}`).waitFor();
  await chen.page.getByText('¥12,399.99').waitFor();
  await shot(t, chen.page, 'reconciliation-report');

  assert.deepEqual([...li.errors, ...zhouErrors, ...qian.errors, ...heErrors, ...chen.errors], []);
});
