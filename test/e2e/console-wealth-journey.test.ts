// The product factory's wealth section (理财产品) end to end, in Chromium against the console's
// production build, one local bank behind it (serverless offline, DynamoDB Local with the demo
// seed): pm.li opens 理财产品, submits today's NAV of the bond fund and a new version of it whose
// live preview shows the customer's card and rules as the server renders them; pm.zhou approves
// both in 复核中心, where the diff is in words; the customers' product API then answers the new
// version at the new NAV. No deploy, and nothing in force before the second pair of eyes.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole } from '../support/console-browser.js';
import { useWebBank } from '../support/web-bank.js';

const bank = useWebBank('jinlin-e2e-console-wealth', ['console']);
const DESCRIPTION = '0.01 元起购，主投利率债与高等级信用债，2026 年起不投可转债。';

async function shot(t: TestContext, page: Page, name: string): Promise<void> {
  const path = `${screenshots}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  t.diagnostic(`${name}: ${path}`);
}

async function signIn(t: TestContext, browser: Browser, login: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchedPage(t, page, `jinlin-e2e-console-wealth-${login}-last`);
  t.after(() => context.close());
  await signInOnConsole(page, bank.origins.console, login);
  await page.getByRole('menuitem', { name: /产品工厂/ }).waitFor();
  return { page, errors };
}

const customerProduct = async (productId: string) =>
  (await (await fetch(`${bank.apiUrl}/v1/wealth-products/${productId}`)).json()) as { version: number; navDisplay: string; headline: { display: string }; description: string };

/** The change page the console moved to after a submit: its id, once it shows 待复核. */
async function submittedChange(page: Page): Promise<string> {
  await page.waitForURL(/\/changes\/C[0-9a-f]{32}$/);
  await page.locator('#change-status', { hasText: '待复核' }).waitFor();
  return page.url().split('/').at(-1)!;
}

test('pm.li submits a NAV and a new version of a wealth product, pm.zhou approves both, customers see them', async (t) => {
  const before = await customerProduct('anxin-bond');

  // ---- pm.li: the list, the product, a NAV ------------------------------------------------------
  const li = await signIn(t, bank.browser, 'pm.li');
  await li.page.getByRole('menuitem', { name: /产品工厂/ }).click();
  await li.page.getByRole('tab', { name: '理财产品' }).click();
  await li.page.waitForURL(/\/products\/wealth$/);
  await li.page.locator('#wealth-products-table tbody tr.ant-table-row', { hasText: 'anxin-bond' }).waitFor();
  assert.equal(await li.page.locator('#wealth-products-table tbody tr.ant-table-row').count(), 5);
  await shot(t, li.page, 'console-wealth-products');

  await li.page.getByRole('link', { name: 'anxin-bond' }).click();
  await li.page.locator('#wealth-card-headline').waitFor();
  // The card leads with the figure customers compare (a fund's return), as the server works it out.
  assert.equal((await li.page.locator('#wealth-card-headline').innerText()).trim(), before.headline.display);
  await shot(t, li.page, 'console-wealth-detail');
  await li.page.locator('#wealth-price').click();
  await li.page.locator('#nav').fill('1.1234');
  await shot(t, li.page, 'console-wealth-nav-form');
  await li.page.getByRole('button', { name: '提交复核' }).click();
  const navChange = await submittedChange(li.page);
  assert.equal((await customerProduct('anxin-bond')).navDisplay, before.navDisplay, 'nothing in force before the checker');

  // ---- pm.li: a new version, previewed as customers will see it ---------------------------------
  await li.page.goto(`${bank.origins.console}/products/wealth/anxin-bond/new-version`);
  await li.page.locator('#description').fill(DESCRIPTION);
  const preview = li.page.locator('#wealth-preview');
  await preview.getByText(DESCRIPTION).waitFor();
  assert.equal((await preview.locator('#wealth-card-purchase-rule').innerText()).trim(), '0.01 元起购');
  await li.page.evaluate(() => window.scrollTo(0, 0));
  await shot(t, li.page, 'console-wealth-editor');
  await li.page.locator('#wealth-submit').click();
  const versionChange = await submittedChange(li.page);
  assert.equal(await li.page.locator('#change-approve').count(), 0, 'no 通过 on her own change');

  // ---- pm.zhou approves both --------------------------------------------------------------------
  const zhou = await signIn(t, bank.browser, 'pm.zhou');
  for (const changeId of [navChange, versionChange]) {
    await zhou.page.goto(`${bank.origins.console}/changes/${changeId}`);
    await zhou.page.locator('#change-diff').waitFor();
    if (changeId === versionChange) {
      await zhou.page.locator('#change-diff').getByText('产品说明').waitFor();
      await shot(t, zhou.page, 'console-wealth-review');
    } else {
      await zhou.page.locator('#change-diff').getByText('1.1234 元').waitFor();
    }
    await approveOpenChange(zhou.page);
    await zhou.page.locator('#change-status', { hasText: '已生效' }).waitFor();
  }

  const after = await customerProduct('anxin-bond');
  assert.deepEqual([after.version, after.navDisplay, after.description], [before.version + 1, '1.1234', DESCRIPTION]);
  await zhou.page.goto(`${bank.origins.console}/products/wealth/anxin-bond`);
  const latest = zhou.page.locator('#wealth-versions tbody tr.ant-table-row').first();
  await latest.waitFor();
  assert.match(await latest.innerText(), new RegExp(`v${before.version + 1}[\\s\\S]*pm\\.li[\\s\\S]*pm\\.zhou`));
  await shot(t, zhou.page, 'console-wealth-detail-after');

  assert.deepEqual(li.errors, []);
  assert.deepEqual(zhou.errors, []);
});
