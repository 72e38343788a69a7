// A relationship manager and a new customer in two Chromium contexts against the production H5
// build, the API in serverless offline and DynamoDB Local: administrators create the manager in the
// console (four eyes), who binds WeChat with the one-time code and shares the account-opening page
// (link and QR); the customer opens that link in the other context, signs up and opens an account,
// and is told who their manager is; the manager's area then shows the customer masked (周*,
// 137****7022) with the step reached, and the funnel counts the opening and the account. Then the
// manager shares a wealth product — the poster a designed image, the link copied — and the
// customer, signed out, opens it and lands on that product after signing in.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { click, fill, PHONE_VIEWPORT, screenshots, signUpThroughUi, useBrowserBank, watchedPage, watchForClearPins } from '../support/browser.js';
import { createStaffByChange } from '../support/changes.js';

const bank = useBrowserBank('jinlin-e2e-rm');

const text = async (page: Page, selector: string) => {
  await page.locator(selector).first().waitFor();
  return (await page.locator(selector).first().innerText()).trim();
};

/** Waits until the selector shows exactly `expected`: a page already in the stack shows its last
 *  figures until its refresh arrives. Times out (and fails) if it never does. */
async function shows(page: Page, selector: string, expected: string): Promise<void> {
  const exact = new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.locator(selector, { hasText: exact }).first().waitFor();
}

/** Taps what is on screen: the router keeps the pages under the top one in the DOM, hidden. */
const tap = (page: Page, id: string) => page.locator(`#${id}:visible`).click();

const funnelShows = (page: Page, stage: string, count: number) => shows(page, `#rm-stage-${stage} .rm-funnel-row__count`, String(count));

test('a manager shares the account opening; the customer who opens it is theirs, masked, in the funnel', async (t) => {
  // Two administrators create the manager in the console (maker-checker, called as API Gateway
  // would) and one issues the one-time binding code.
  const branchId = `E2E-${randomUUID().slice(0, 6)}`;
  const created = await createStaffByChange({ name: '王芳', staffNo: `E${Date.now().toString(36)}`, branchId, branchName: '北京海淀支行', role: 'RELATIONSHIP_MANAGER', workPhone: '13800138002' });

  const managerContext = await bank.browser.newContext({ viewport: PHONE_VIEWPORT });
  await managerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bank.origin });
  const customerContext = await bank.browser.newContext();
  t.after(async () => {
    await managerContext.close();
    await customerContext.close();
  });
  const manager = await managerContext.newPage();
  const customer = await customerContext.newPage();
  const managerErrors = watchedPage(t, manager, 'jinlin-e2e-rm-manager-last');
  const customerErrors = watchedPage(t, customer, 'jinlin-e2e-rm-customer-last');

  // The manager binds their WeChat identity once, with the code the operator handed over.
  await manager.goto(`${bank.origin}/#/packageRM/pages/bind/index`);
  await fill(manager, 'rm-bind-user', `e2e-rm-${randomUUID().slice(0, 8)}`);
  await fill(manager, 'rm-binding-code', created.bindingCode);
  await click(manager, 'rm-bind-submit');
  assert.equal(await text(manager, '#rm-staff-name'), '王芳');
  await funnelShows(manager, 'OPENED', 0);

  // … and shares the account-opening page: a link and a QR poster.
  await click(manager, 'rm-go-share');
  await click(manager, 'rm-product-ACCOUNT-open-account');
  await fill(manager, 'rm-campaign', '春季开户季');
  await click(manager, 'rm-share-submit');
  const link = await text(manager, '#rm-share-h5-url');
  assert.ok(link.startsWith(`${bank.origin}/#/pages/home/index?rm=`), link);
  assert.equal(await text(manager, '#rm-link-status'), '生效中');
  const poster = await manager.locator('#rm-share-poster img').first().getAttribute('src');
  assert.ok(poster?.startsWith('data:image/svg+xml;base64,'), 'the poster is on screen');

  // The customer opens the link in another browser: the sign-in page says who shared it.
  await customer.goto(link);
  assert.match(await text(customer, '#referral-banner'), /客户经理 王芳（北京海淀支行）为您推荐：开通电子账户/);
  const customerPin = '731904';
  const requests = watchForClearPins(customer, [customerPin]);
  // ID sequence digits 017: the credit-bureau simulator's good profile.
  await signUpThroughUi(customer, bank.origin, {
    user: `e2e-rm-customer-${randomUUID().slice(0, 8)}`,
    phone: '13700137022',
    name: '周芷若',
    idBody: '11010519900307017',
    pin: customerPin,
    cardBody: '621483000056789',
  });
  await customer.locator('#balance').waitFor();
  assert.deepEqual(requests.leaks, []);
  assert.deepEqual(requests.confirmed, ['POST /v1/me/pin']);
  assert.equal(await text(customer, '#my-manager-name'), '王芳');
  // The manager's work phone, masked, with 联系客户经理 (a full tap target) to dial it.
  assert.equal(await text(customer, '#my-manager-phone'), '办公电话 138****8002');
  const callButton = await customer.locator('#my-manager-call:visible').boundingBox();
  assert.ok(callButton && callButton.height >= 44, `联系客户经理 is ${callButton?.height}px tall`);
  const cardShot = `${screenshots}/h5-home-manager-card.png`;
  await customer.locator('#my-manager:visible').screenshot({ path: cardShot, animations: 'disabled' });
  t.diagnostic(`manager card: ${cardShot}`);

  // The manager's customers: masked, never the ID number, at the step reached.
  await manager.goto(`${bank.origin}/#/packageRM/pages/customers/index`);
  await shows(manager, '.rm-customer__name', '周** 137****7022');
  await shows(manager, '.rm-customer__stage', '开通电子账户');
  const listed = await manager.locator('.page').first().innerText();
  for (const secret of ['周芷若', '13700137022', '110105']) assert.ok(!listed.includes(secret), `the manager saw ${secret}`);

  // The funnel: one opening, one sign-up, one account.
  await manager.goto(`${bank.origin}/#/packageRM/pages/workbench/index`);
  await funnelShows(manager, 'OPENED', 1);
  await funnelShows(manager, 'SIGNED_UP', 1);
  await funnelShows(manager, 'ACCOUNT_OPENED', 1);
  await shows(manager, '#rm-stage-ACCOUNT_OPENED .rm-funnel-row__rate', '100.00%');

  // The manager shares a wealth product: the poster names the bank, the product with its key
  // figure and the manager around the code; the link is copied with one tap.
  await tap(manager, 'rm-go-share');
  await tap(manager, 'rm-product-WEALTH-zhaozhao-money');
  await tap(manager, 'rm-share-submit');
  const wealthLink = await text(manager, '#rm-share-h5-url:visible');
  assert.ok(wealthLink.startsWith(`${bank.origin}/#/pages/home/index?rm=`), wealthLink);
  const posterImage = manager.locator('#rm-share-poster:visible img');
  await posterImage.waitFor();
  await posterImage.evaluate((img: HTMLImageElement) => img.decode());
  const svg = Buffer.from((await posterImage.getAttribute('src'))!.split(',')[1]!, 'base64').toString('utf8');
  for (const shown of ['近邻银行', '近邻朝朝盈货币基金', '元起购', '客户经理 王芳', '北京海淀支行', '理财非存款']) assert.ok(svg.includes(shown), `the poster lacks ${shown}`);
  const posterShot = `${screenshots}/h5-rm-poster.png`;
  await manager.locator('#rm-share-poster:visible').screenshot({ path: posterShot, animations: 'disabled' });
  t.diagnostic(`poster: ${posterShot}`);
  await tap(manager, 'rm-copy-link');
  await shows(manager, '#rm-copy-link:visible', '已复制');
  assert.equal(await manager.evaluate(() => navigator.clipboard.readText()), wealthLink);

  // The customer signs out and opens the link afresh: sign-in first, then that product's page.
  await tap(customer, 'sign-out');
  await customer.locator('#login-wechat:visible').waitFor();
  await customer.goto('about:blank');
  await customer.goto(wealthLink);
  assert.match(await text(customer, '#referral-banner:visible'), /客户经理 王芳（北京海淀支行）为您推荐：近邻朝朝盈货币基金/);
  await tap(customer, 'login-wechat');
  await customer.locator('#product-headline:visible').waitFor();
  assert.match(await text(customer, '.card__title:visible'), /近邻朝朝盈货币基金/);
  // Back is home, where the customer is still the manager's.
  await customer.locator('#taro-navigation-bar .taro-navigation-bar-back').click();
  await shows(customer, '#my-manager-name:visible', '王芳');

  assert.deepEqual(managerErrors, []);
  assert.deepEqual(customerErrors, []);
});
