// 开放平台 in Chromium against the console's production build, the API in serverless offline and
// DynamoDB Local with the demo seed. The sandbox partner, through the client a partner's developer
// copies (scripts/partner-sim/client.ts) over real HTTP — signed requests, answers verified with the
// platform key — proposes a merchant. pm.li finds it in 商户进件审核 and gives 通过 with a note;
// nothing changes for the partner until risk.liu approves it in 复核中心; then the partner reads it
// ACTIVE. 合作方 lists the sandbox partner with its key's serial. Then pm.li records a deposit to the
// sandbox partner's 保证金 against the bank's statement; its balance moves only once risk.liu
// approves the deposit in 复核中心.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { stageParams } from '../../scripts/lib/serverless-config.js';
import { JinlinOpenClient } from '../../scripts/partner-sim/client.js';
import { sandboxCredentials } from '../../scripts/partner-sim/sandbox.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';

const bank = useConsoleBank('jinlin-e2e-console-open');

/** The sandbox platform key's public half, as docs/OPEN-API.md gives it to partners. */
function sandboxPlatformKey(): Record<string, string> {
  const guide = readFileSync(new URL('../../docs/OPEN-API.md', import.meta.url), 'utf8');
  const pem = /<!-- sandbox-platform-public-key -->\n```\n([\s\S]*?)\n```/.exec(guide)![1]!;
  const [serial] = Object.keys(JSON.parse(String(stageParams('local').devOpenPlatformKeys)) as Record<string, string>);
  return { [serial!]: `${pem}\n` };
}

/** ¥1,234.56 as the console shows it, in fen. */
const fenOfShown = (shown: string) => Number(shown.replace(/[¥,.]/g, ''));

test('a partner’s merchant proposal, and a deposit to its reserve, are each in force only once a second operator approves', async (t) => {
  const partner = new JinlinOpenClient(bank.apiUrl, sandboxCredentials(), sandboxPlatformKey());
  const proposed = await partner.request<{ merchantId: string; status: string }>('POST', '/v1/open/merchants', {
    body: {
      outMerchantNo: `E2E-${Date.now()}`,
      name: '南京幸福里生鲜超市有限公司',
      shortName: '邻里鲜·幸福里店',
      licenceNo: '91320100MA1W0R2X1P',
      category: 'GROCERY',
      community: { name: '幸福里社区', cityCode: '320102' },
      settlementAccount: { bankName: '江苏银行南京分行', accountNumber: '3201001234567890', holderName: '南京幸福里生鲜超市有限公司' },
    },
  });
  assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
  const { merchantId } = proposed.body;
  assert.equal(proposed.body.status, 'PENDING_REVIEW');

  // One browser each: a console session lives in its browser's storage.
  const desks = await Promise.all([1, 2].map(() => bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' })));
  t.after(() => Promise.all(desks.map((desk) => desk.close())));
  const [page, checkerPage] = (await Promise.all(desks.map((desk) => desk.newPage()))) as [Page, Page];
  const errors = watchedPage(t, page, 'jinlin-e2e-console-open-last');
  const checkerErrors = watchedPage(t, checkerPage, 'jinlin-e2e-console-open-checker-last');

  await signInOnConsole(page, bank.origin, 'pm.li');
  await page.getByRole('menuitem', { name: /开放平台/ }).click();
  await page.getByRole('menuitem', { name: /合作方/ }).click();
  await page.waitForURL(/\/open\/partners$/);
  const sandboxRow = page.locator('tr', { hasText: 'PSANDBOX' });
  await sandboxRow.waitFor();
  assert.match(await sandboxRow.innerText(), /邻里鲜社区超市（沙箱）[\s\S]*正常接入[\s\S]*商户进件[\s\S]*3C5A4E4C53414E44/);
  const partnersShot = `${screenshots}/console-open-partners.png`;
  await page.screenshot({ path: partnersShot, animations: 'disabled' });
  t.diagnostic(`合作方: ${partnersShot}`);

  await page.getByRole('menuitem', { name: /商户进件审核/ }).click();
  await page.waitForURL(/\/open\/merchant-reviews$/);
  const row = page.locator('tr', { hasText: '邻里鲜·幸福里店' }).first();
  await row.waitFor();
  assert.match(await row.innerText(), /邻里鲜社区超市（沙箱）[\s\S]*生鲜超市[\s\S]*江苏银行南京分行 \*\*\*\*7890/);
  await row.getByRole('button', { name: '审核' }).click();
  const dialog = page.getByRole('dialog', { name: /审核商户/ });
  await dialog.getByLabel('通过（可收款）').check();
  await dialog.locator('textarea').fill('营业执照与结算账户信息一致');
  await dialog.getByText(/通过前系统会向清算通道核验/).waitFor();
  const reviewShot = `${screenshots}/console-open-merchant-review.png`;
  await page.screenshot({ path: reviewShot, animations: 'disabled' });
  t.diagnostic(`the review form: ${reviewShot}`);
  const [submitted] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/merchant-reviews/changes') && response.request().method() === 'POST'),
    dialog.getByRole('button', { name: '提交复核' }).click(),
  ]);
  const change = (await submitted.json()) as { changeId: string; status: string; after: { holderCheck: string; status: string } };
  assert.equal(change.status, 'PENDING', JSON.stringify(change));
  assert.deepEqual([change.after.holderCheck, change.after.status], ['MATCH', 'ACTIVE']);
  await page.getByText('已提交复核：通过商户进件 邻里鲜·幸福里店').waitFor();
  assert.equal((await partner.request<{ status: string }>('GET', `/v1/open/merchants/${merchantId}`)).body.status, 'PENDING_REVIEW', 'nothing is in force before the checker');

  await signInOnConsole(checkerPage, bank.origin, 'risk.liu');
  await checkerPage.getByRole('menuitem', { name: /复核中心/ }).waitFor();
  await checkerPage.goto(`${bank.origin}/changes/${encodeURIComponent(change.changeId)}`);
  const diff = checkerPage.locator('tr', { hasText: '结算账户户名核验' });
  await diff.waitFor();
  assert.match(await diff.innerText(), /户名一致/);
  assert.match(await checkerPage.locator('tr', { hasText: '商户状态' }).innerText(), /待银行审核[\s\S]*正常/);
  const checkerShot = `${screenshots}/console-open-review-change.png`;
  await checkerPage.screenshot({ path: checkerShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the checker's view: ${checkerShot}`);
  await approveOpenChange(checkerPage);
  await checkerPage.locator('#change-done').waitFor({ timeout: 60_000 });

  const decided = await partner.request<{ status: string; reviewNote: string }>('GET', `/v1/open/merchants/${merchantId}`);
  assert.equal(decided.body.status, 'ACTIVE');
  assert.equal(decided.body.reviewNote, '营业执照与结算账户信息一致');

  // 保证金: recorded by one operator, booked once a second approves.
  await page.getByRole('menuitem', { name: /合作方/ }).click();
  await page.waitForURL(/\/open\/partners$/);
  await page.locator('tr', { hasText: 'PSANDBOX' }).getByRole('button', { name: '详情' }).click();
  const balance = page.locator('#partner-reserve-balance');
  await balance.waitFor();
  const balanceBefore = fenOfShown(await balance.innerText());
  await page.locator('#partner-reserve').getByRole('button', { name: '登记保证金入账' }).click();
  const depositForm = page.getByRole('dialog', { name: /登记保证金入账/ });
  await depositForm.getByLabel('入账金额（元）').fill('12345.67');
  await depositForm.getByLabel('银行流水号').fill(`E2E-${Date.now()}`);
  await depositForm.getByText(/通过后才计入保证金余额/).waitFor();
  const depositShot = `${screenshots}/console-open-reserve-deposit.png`;
  await page.screenshot({ path: depositShot, animations: 'disabled' });
  t.diagnostic(`保证金入账: ${depositShot}`);
  const [recorded] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/partners/PSANDBOX/reserve-deposits') && response.request().method() === 'POST'),
    depositForm.getByRole('button', { name: '提交复核' }).click(),
  ]);
  const deposit = (await recorded.json()) as { changeId: string; status: string; after: { amountFen: number } };
  assert.equal(deposit.status, 'PENDING', JSON.stringify(deposit));
  assert.equal(deposit.after.amountFen, 1_234_567);
  await page.locator('#reserve-submitted').getByText('已提交复核：保证金入账 邻里鲜社区超市（沙箱） ¥12,345.67').waitFor();
  await page.locator('#partner-reserve-pending').waitFor();
  assert.equal(fenOfShown(await balance.innerText()), balanceBefore, 'nothing is booked before the checker');
  const pendingShot = `${screenshots}/console-open-reserve-pending.png`;
  await page.screenshot({ path: pendingShot, animations: 'disabled' });
  t.diagnostic(`保证金 waiting for its checker: ${pendingShot}`);

  await checkerPage.goto(`${bank.origin}/changes/${encodeURIComponent(deposit.changeId)}`);
  const amountRow = checkerPage.locator('tr', { hasText: '入账金额' });
  await amountRow.waitFor();
  assert.match(await amountRow.innerText(), /¥12,345\.67/);
  const reserveChangeShot = `${screenshots}/console-open-reserve-change.png`;
  await checkerPage.screenshot({ path: reserveChangeShot, fullPage: true, animations: 'disabled' });
  t.diagnostic(`the checker's view of the deposit: ${reserveChangeShot}`);
  await approveOpenChange(checkerPage);
  await checkerPage.locator('#change-done').waitFor({ timeout: 60_000 });

  // antd spaces a two-character label (关 闭): the drawer's footer button.
  await page.locator('.ant-drawer-footer').getByRole('button').click();
  await page.locator('tr', { hasText: 'PSANDBOX' }).getByRole('button', { name: '详情' }).click();
  await page.locator('#partner-reserve-pending').waitFor({ state: 'detached' });
  await balance.waitFor();
  assert.equal(fenOfShown(await balance.innerText()), balanceBefore + 1_234_567);
  const bookedShot = `${screenshots}/console-open-reserve-booked.png`;
  await page.screenshot({ path: bookedShot, animations: 'disabled' });
  t.diagnostic(`保证金 booked: ${bookedShot}`);
  for (const seen of [errors, checkerErrors]) assert.deepEqual(seen.filter((error) => !/status of 4\d\d/.test(error)), []);
});
