// The product factory end to end, in Chromium against the production builds of the console and the
// H5 mini-program, one local bank behind both (serverless offline, DynamoDB Local with the demo
// seed): pm.li signs in (password, then the 动态口令 from the local TOTP simulator), drafts a new
// loan product in 产品工厂 — the live preview shows the server's schedule and IRR annualized rate —
// and submits it; she sees no 通过 on her own change and the server refuses her approval of it
// (SAME_OPERATOR); pm.zhou approves it in 复核中心, where the diff lists the new product's fields;
// then a new customer in the mini-program finds the product among those to apply for, applies and
// gets a decision on it. No deploy between the first draft and the customer.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { click, fill, PHONE_VIEWPORT, screenshots, signUpThroughUi, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole } from '../support/console-browser.js';
import { useWebBank } from '../support/web-bank.js';

const bank = useWebBank('jinlin-e2e-console-products', ['console', 'h5']);

const PRODUCT = {
  productId: `linli-${randomUUID().slice(0, 6)}`,
  name: '邻里安心贷',
};
const RATE = /^\d{1,2}\.\d{2}%$/;

async function shot(t: TestContext, page: Page, name: string): Promise<void> {
  const path = `${screenshots}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  t.diagnostic(`${name}: ${path}`);
}

/** An operator's console in a tab of its own, signed in with the password and the simulator's
 *  current 动态口令. Returns the page and the session's token (for what the journey asks the API
 *  directly). */
async function signIn(t: TestContext, browser: Browser, login: string): Promise<{ page: Page; accessToken: string; errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchedPage(t, page, `jinlin-e2e-console-products-${login}-last`);
  t.after(() => context.close());
  const accessToken = await signInOnConsole(page, bank.origins.console, login);
  await page.getByRole('menuitem', { name: /产品工厂/ }).waitFor();
  return { page, accessToken, errors };
}

/** An antd select: open it, pick the options by their text, close it. */
async function choose(page: Page, id: string, ...options: string[]) {
  await page.locator(`#${id}`).click();
  for (const option of options) {
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${option}$`) }).click();
  }
  await page.keyboard.press('Escape');
}

test('pm.li drafts a loan product, pm.zhou approves it, a customer applies for it in the mini-program', async (t) => {
  // ---- pm.li drafts the product ------------------------------------------------------------
  const li = await signIn(t, bank.browser, 'pm.li');
  await li.page.getByRole('menuitem', { name: /产品工厂/ }).click();
  await li.page.waitForURL(/\/products$/);
  await li.page.locator('#products-table tbody tr.ant-table-row').first().waitFor();
  const productsOnSale = await li.page.locator('#products-table tbody tr.ant-table-row').count();
  await li.page.locator('#products-lpr').waitFor();
  await shot(t, li.page, 'console-products');

  await li.page.locator('#product-new').click();
  await li.page.waitForURL(/\/products\/new$/);
  await li.page.locator('#productId').fill(PRODUCT.productId);
  await li.page.locator('#name').fill(PRODUCT.name);
  await choose(li.page, 'kind', '个人消费贷');
  await li.page.locator('#minAmountYuan').fill('1000');
  await li.page.locator('#maxAmountYuan').fill('100000');
  await choose(li.page, 'termsMonths', '6 个月', '12 个月');
  await li.page.getByLabel('等额本息').check();
  for (const [grade, spread] of [['A', '120'], ['B', '220'], ['C', '380'], ['D', '600'], ['E', '850']] as const) {
    await li.page.locator(`#spreads_${grade}`).fill(spread);
  }
  await li.page.locator('#rateCapBps').fill('1800');
  await li.page.locator('#disclosureVersion').fill('linli-2026-03');
  await li.page.getByLabel('日常消费').check();
  await li.page.getByLabel('家居装修').check();

  // The live preview: the server's product card, schedule and IRR annualized rate for the sample.
  const preview = li.page.locator('#product-preview');
  await preview.locator('#preview-annualized-rate').waitFor();
  await preview.getByText(PRODUCT.name).first().waitFor();
  assert.match((await preview.locator('#preview-annualized-rate').innerText()).trim(), RATE);
  assert.match((await preview.locator('#preview-rate-from').innerText()).trim(), RATE);
  // The sample's term is the draft's first, 6 months: six installments.
  await li.page.waitForFunction(() => document.querySelectorAll('#preview-schedule tbody tr.ant-table-row').length === 6);
  await li.page.evaluate(() => window.scrollTo(0, 0));
  await shot(t, li.page, 'console-product-editor');

  await li.page.locator('#product-submit').click();
  await li.page.waitForURL(/\/changes\/C[0-9a-f]{32}$/);
  const changeId = li.page.url().split('/').at(-1)!;
  await li.page.locator('#change-status', { hasText: '待复核' }).waitFor();
  await li.page.locator('#change-diff').getByText(PRODUCT.name).waitFor();
  // Her own change: 撤回 only; no 通过 or 驳回 for its maker.
  assert.equal(await li.page.locator('#change-withdraw').count(), 1);
  assert.equal(await li.page.locator('#change-approve').count(), 0);
  assert.equal(await li.page.locator('#change-reject').count(), 0);
  await shot(t, li.page, 'console-change-own');
  // And the server refuses her approval whatever the page shows.
  const own = await fetch(`${bank.apiUrl}/v1/console/changes/${changeId}/approve`, {
    method: 'POST',
    headers: { authorization: `Bearer ${li.accessToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(own.status, 403);
  assert.deepEqual(((await own.json()) as { error: { code: string } }).error.code, 'SAME_OPERATOR');

  // ---- pm.zhou approves it --------------------------------------------------------------------
  const zhou = await signIn(t, bank.browser, 'pm.zhou');
  await zhou.page.getByRole('menuitem', { name: /复核中心/ }).click();
  await zhou.page.waitForURL(/\/changes$/);
  const row = zhou.page.locator('#changes-table tbody tr.ant-table-row', { hasText: PRODUCT.name });
  await row.waitFor();
  assert.match(await row.innerText(), /李娜（pm\.li）/);
  await shot(t, zhou.page, 'console-changes-inbox');
  await row.getByRole('link', { name: '查看' }).click();
  await zhou.page.locator('#change-diff').getByText(PRODUCT.name).waitFor();
  assert.equal(await zhou.page.locator('#change-withdraw').count(), 0);
  await shot(t, zhou.page, 'console-change-review');
  await approveOpenChange(zhou.page, '定价与期限符合要求');
  // Effective at once: no time was chosen.
  await zhou.page.locator('#change-status', { hasText: '已生效' }).waitFor();

  // The product is on sale, version 1, made and checked by two people.
  await zhou.page.getByRole('menuitem', { name: /产品工厂/ }).click();
  await zhou.page.locator('#products-table tbody tr.ant-table-row', { hasText: PRODUCT.productId }).waitFor();
  assert.equal(await zhou.page.locator('#products-table tbody tr.ant-table-row').count(), productsOnSale + 1);
  await zhou.page.getByRole('link', { name: PRODUCT.productId }).click();
  const version = zhou.page.locator('#product-versions tbody tr.ant-table-row').first();
  await version.waitFor();
  assert.match(await version.innerText(), /v1[\s\S]*pm\.li[\s\S]*pm\.zhou/);
  await shot(t, zhou.page, 'console-product-detail');

  // ---- a customer applies for it in the mini-program --------------------------------------------
  const customerContext = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  const customer = await customerContext.newPage();
  const customerErrors = watchedPage(t, customer, 'jinlin-e2e-console-products-customer-last');
  // After watchedPage's own: its last screenshot needs the page.
  t.after(() => customerContext.close());
  // ID sequence digits 017: the credit-bureau simulator's good profile.
  await signUpThroughUi(customer, bank.origins.h5, {
    user: `e2e-product-${randomUUID().slice(0, 8)}`,
    phone: '13700137041',
    name: '孙小雨',
    idBody: '11010519900307017',
    pin: '620418',
    cardBody: '621483000056790',
  });
  await click(customer, 'tile-loans');
  await click(customer, 'loans-apply');
  const offered = customer.locator(`#apply-product-${PRODUCT.productId}`);
  await offered.waitFor();
  assert.equal((await offered.innerText()).trim(), PRODUCT.name);
  await offered.click();
  await fill(customer, 'apply-amount', '30000');
  await click(customer, 'apply-term-12');
  await click(customer, 'apply-method-EQUAL_INSTALLMENT');
  await click(customer, 'apply-purpose-DECORATION');
  await fill(customer, 'apply-income', '20000');
  await fill(customer, 'apply-employer', '近邻科技有限公司');
  await click(customer, 'apply-industry-INFORMATION_TECHNOLOGY');
  await click(customer, 'apply-consent');
  const [application] = await Promise.all([
    customer.waitForResponse((response) => response.url().endsWith('/v1/loan-applications') && response.request().method() === 'POST'),
    click(customer, 'apply-submit'),
  ]);
  await customer.locator('#decision-outcome').waitFor();
  // The decision is on the new product, priced by what pm.li drafted.
  const decision = (await application.json()) as { productId: string; outcome: string; annualizedRateDisplay: string | null };
  assert.equal(decision.productId, PRODUCT.productId);
  assert.equal(decision.outcome, 'APPROVED');
  assert.equal((await customer.locator('#decision-outcome').innerText()).trim(), '已批准');
  assert.equal((await customer.locator('#decision-annualized-rate').innerText()).includes(decision.annualizedRateDisplay!), true);
  await shot(t, customer, 'console-product-customer-decision');

  assert.deepEqual(li.errors, []);
  assert.deepEqual(zhou.errors, []);
  assert.deepEqual(customerErrors, []);
});
