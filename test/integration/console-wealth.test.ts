// The product factory's wealth section (理财产品) through the console's functions, as API Gateway
// calls them: a new wealth product, its closing and reopening, NAVs and yields — each drafted by one
// product manager and in force only once another operator approves it (maker ≠ checker, one change
// per product or per product and date); the customers' product list shows what was approved and
// nothing before; a product's type never changes; the preview renders the customer's card, rules and
// risk disclosure from the server's own views; racing appliers publish one version; every step is
// in the audit log; the section's reads send no Scan.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { wealthProductDraftIssues } from '../../functions/contract/console-wealth-schemas.js';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleWealth } from '../../functions/http/console-wealth.js';
import { handler as wealth } from '../../functions/http/wealth.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { applyDueChanges } from '../../functions/services/change-requests.js';
import { currentBusinessDate, setBusinessDate } from '../../functions/store/business-date.js';
import { wealthProductVersions } from '../../functions/store/wealth.js';
import { demoWealthProducts, seedWealth } from '../../scripts/lib/seed-wealth.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { expectError, expectOk } from '../support/expect.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

type Who = { token: string; operatorId: string; login: string };
let maker: Who;
let checker: Who;
let risk: Who;
let service: Who;
let today: string;

async function operator(roles: Parameters<typeof newOperator>[0], name: string): Promise<Who> {
  const created = await newOperator(roles, name);
  return { token: (await signInOperator(created)).accessToken, operatorId: created.operatorId, login: created.login };
}

const as = (who: Who, options: Omit<CallOptions, 'token'>, handler = consoleWealth) => call(handler, { ...options, token: who.token });
const post = (who: Who, path: string, body: object) => as(who, { method: 'POST', path, body });
const decide = (who: Who, changeId: string, action: 'approve' | 'reject', body: object = {}) =>
  as(who, { method: 'POST', path: `/v1/console/changes/${changeId}/${action}`, body }, consoleChanges);
const customerProduct = async (productId: string) => expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-products/${productId}` }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 7-day fixed-term draft opening today (without its version). */
function fixedTermDraft(productId: string, name: string) {
  const template = demoWealthProducts(today).find((product) => product.productId === 'jijiwen-90d')!;
  const { version: _version, ...draft } = template;
  return { ...draft, productId, name, disclosureVersion: `${productId}-v1`, subscriptionClosesOn: addDays(today, 5), termDays: 7, maturityDate: addDays(today, 12) };
}

async function auditOf(changeId: string): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, 100);
  return items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item) && item.target.kind === 'change' && item.target.id === changeId).reverse();
}

describe('wealth products through the console (maker-checker)', () => {
  before(async () => {
    await seedWealth(new Date());
    today = await currentBusinessDate(new Date());
    [maker, checker, risk, service] = await Promise.all([
      operator(['PRODUCT_MANAGER'], '李娜'),
      operator(['PRODUCT_MANAGER'], '周洋'),
      operator(['RISK_OFFICER'], '王风控'),
      operator(['CUSTOMER_SERVICE'], '赵客服'),
    ]);
  });

  test('a new product: invisible to customers until another operator approves it; then version 1 with who made and approved it', async () => {
    const draft = fixedTermDraft('weekly-7d', '近邻周周盈 7 天');
    const submitted = expectOk(await post(maker, '/v1/console/wealth-products/changes', { product: draft }));
    assert.deepEqual([submitted.kind, submitted.status, submitted.entityId, submitted.entityLabel, submitted.before], [
      'WEALTH_PRODUCT_VERSION',
      'PENDING',
      'wealth-product:weekly-7d',
      '理财产品 近邻周周盈 7 天 v1',
      null,
    ]);
    expectError(await call(wealth, { method: 'GET', path: '/v1/wealth-products/weekly-7d' }), 404, 'PRODUCT_NOT_FOUND');
    // One change per product; the maker never checks their own; customer service cannot approve.
    expectError(await post(checker, '/v1/console/wealth-products/changes', { product: { ...draft, name: '另一个名字' } }), 409, 'CHANGE_PENDING');
    expectError(await decide(maker, submitted.changeId, 'approve'), 403, 'SAME_OPERATOR');
    expectError(await decide(service, submitted.changeId, 'approve'), 403, 'FORBIDDEN');

    const approved = expectOk(await decide(risk, submitted.changeId, 'approve'));
    assert.equal(approved.status, 'EFFECTIVE');
    const card = await customerProduct('weekly-7d');
    assert.deepEqual([card.version, card.name, card.status, card.onSale, card.termDays], [1, '近邻周周盈 7 天', 'OPEN', true, 7]);
    const detail = expectOk(await as(maker, { method: 'GET', path: '/v1/console/wealth-products/weekly-7d' }));
    assert.deepEqual(detail.versions, [{ version: 1, status: 'OPEN', publishedAt: detail.versions[0].publishedAt, changeId: submitted.changeId, makerLogin: maker.login, checkerLogin: risk.login }]);
    assert.deepEqual(detail.card, card, 'the console shows the card the customers get');
    assert.equal(detail.disclosure.version, 'weekly-7d-v1');
    assert.deepEqual(
      (await auditOf(submitted.changeId)).map((entry) => `${entry.action} ${entry.actor.id}`),
      [`change.submit ${maker.operatorId}`, `change.approve ${risk.operatorId}`, `change.apply ${risk.operatorId}`],
    );
    // The same product again is no change; its type never changes (holdings depend on it).
    expectError(await post(maker, '/v1/console/wealth-products/changes', { product: draft }), 400, 'CHANGE_EMPTY');
    expectError(await post(maker, '/v1/console/wealth-products/changes', { product: { ...draft, type: 'BOND_FUND', termDays: null, maturityDate: null, benchmarkBps: null } }), 422, 'PRODUCT_TYPE_FIXED');
  });

  test('closing and reopening subscriptions: each a new version, in force at the time the maker chose', async () => {
    const before = await customerProduct('anxin-bond');
    const effectiveAt = new Date(Date.now() + 1_000).toISOString();
    const close = expectOk(await post(maker, '/v1/console/wealth-products/anxin-bond/status-changes', { status: 'CLOSED', effectiveAt }));
    assert.deepEqual([close.kind, close.entityLabel, close.before, close.after], ['WEALTH_PRODUCT_STATUS', '理财产品 近邻安心债券基金 A 暂停申购', { status: 'OPEN' }, { status: 'CLOSED' }]);
    // The product's one change: a new version waits too.
    const { version: _version, ...bond } = demoWealthProducts(today).find((product) => product.productId === 'anxin-bond')!;
    expectError(await post(checker, '/v1/console/wealth-products/changes', { product: { ...bond, description: '新的说明' } }), 409, 'CHANGE_PENDING');
    assert.equal(expectOk(await decide(checker, close.changeId, 'approve')).status, 'APPROVED');
    assert.equal((await customerProduct('anxin-bond')).status, 'OPEN', 'not before its time');
    const listed = expectOk(await as(maker, { method: 'GET', path: '/v1/console/wealth-products' })).products.find((row: { productId: string }) => row.productId === 'anxin-bond');
    assert.equal(listed.pendingChangeId, close.changeId);
    await sleep(Date.parse(effectiveAt) - Date.now() + 50);
    // Appliers racing over the due change publish one version.
    const runs = await Promise.all([applyDueChanges(new Date()), applyDueChanges(new Date())]);
    assert.equal(runs.reduce((sum, run) => sum + run.failed, 0), 0, JSON.stringify(runs));
    const closed = await customerProduct('anxin-bond');
    assert.deepEqual([closed.version, closed.status, closed.onSale], [before.version + 1, 'CLOSED', false]);
    assert.equal((await wealthProductVersions('anxin-bond', 10)).length, before.version + 1);

    expectError(await post(maker, '/v1/console/wealth-products/anxin-bond/status-changes', { status: 'CLOSED' }), 400, 'CHANGE_EMPTY');
    const reopen = expectOk(await post(maker, '/v1/console/wealth-products/anxin-bond/status-changes', { status: 'OPEN' }));
    expectOk(await decide(checker, reopen.changeId, 'approve'));
    const reopened = await customerProduct('anxin-bond');
    assert.deepEqual([reopened.version, reopened.status, reopened.onSale], [before.version + 2, 'OPEN', true]);
    expectError(await post(maker, '/v1/console/wealth-products/no-such-fund/status-changes', { status: 'OPEN' }), 404, 'PRODUCT_NOT_FOUND');
  });

  test('NAVs and yields: the price rules at submission, in force for customers only once approved', async () => {
    const nav = expectOk(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'youxuan-mixed', navDate: today, navCentiFen: 13_001 }));
    assert.deepEqual([nav.kind, nav.entityId, nav.entityLabel], ['WEALTH_NAV', `wealth-price:youxuan-mixed_${today}`, `理财净值 近邻优选混合基金 ${today}`]);
    assert.equal(nav.before.navDate, today, 'the seed’s price for today is what it replaces');
    assert.notEqual((await customerProduct('youxuan-mixed')).navCentiFen, 13_001);
    expectError(await post(checker, '/v1/console/wealth-navs/changes', { productId: 'youxuan-mixed', navDate: today, navCentiFen: 13_002 }), 409, 'CHANGE_PENDING');
    expectOk(await decide(checker, nav.changeId, 'approve'));
    const priced = await customerProduct('youxuan-mixed');
    assert.deepEqual([priced.navCentiFen, priced.navDisplay, priced.priceDate], [13_001, '1.3001', today]);

    const yieldChange = expectOk(await post(maker, '/v1/console/wealth-yields/changes', { productId: 'zhaozhao-money', yieldDate: today, sevenDayYieldBps: 201, incomePer10kCentiFen: 5_432 }));
    assert.equal(yieldChange.kind, 'WEALTH_YIELD');
    expectOk(await decide(risk, yieldChange.changeId, 'approve'));
    const money = await customerProduct('zhaozhao-money');
    // Customers see the yield the fund published, as approved: the headline is that figure.
    assert.deepEqual([money.sevenDayYieldBps, money.headline.display, money.incomePer10kDisplay], [201, '2.01%', '0.5432']);

    expectError(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'zhaozhao-money', navDate: today, navCentiFen: 10_100 }), 422, 'NAV_FIXED');
    expectError(await post(maker, '/v1/console/wealth-yields/changes', { productId: 'anxin-bond', yieldDate: today, sevenDayYieldBps: 1, incomePer10kCentiFen: 1 }), 422, 'NOT_MONEY_MARKET');
    expectError(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'anxin-bond', navDate: addDays(today, 1), navCentiFen: 10_600 }), 400, 'PRICE_DATE_IN_FUTURE');
    expectError(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'anxin-bond', navDate: today, navCentiFen: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await post(service, '/v1/console/wealth-navs/changes', { productId: 'anxin-bond', navDate: today, navCentiFen: 10_600 }), 403, 'FORBIDDEN');
    const detail = expectOk(await as(maker, { method: 'GET', path: '/v1/console/wealth-products/youxuan-mixed' }));
    assert.deepEqual(detail.prices[0], { productId: 'youxuan-mixed', date: today, navCentiFen: 13_001, navDisplay: '1.3001', sevenDayYieldBps: null, incomePer10kCentiFen: null });
  });

  test('the preview renders the customer’s card, rules and risk disclosure; a bad draft names its fields', async () => {
    const draft = { ...fixedTermDraft('preview-7d', '预览七天'), minPurchaseFen: 100_000, stepFen: 10_000 };
    const { card, disclosure } = expectOk(await post(maker, '/v1/console/wealth-products/preview', { product: draft }));
    assert.deepEqual([card.version, card.purchaseRule, card.typeLabel, card.riskLabel], [1, '1,000 元起购，按 100 元递增', '定期理财', 'R2 中低风险']);
    assert.match(card.redemptionRule, /封闭期内不可赎回/);
    assert.match(disclosure.text, /期限 7 天/);
    assert.equal(disclosure.title, '预览七天风险揭示书');
    assert.equal((await call(wealth, { method: 'GET', path: '/v1/wealth-products/preview-7d' })).status, 404, 'a preview publishes nothing');

    const bad = { ...draft, minPurchaseFen: 0, maturityDate: addDays(today, 1), issuerType: 'BANK_PUBLIC' };
    const refused = await post(maker, '/v1/console/wealth-products/preview', { product: bad });
    expectError(refused, 400, 'VALIDATION_FAILED');
    assert.match(refused.body.error.message, /product\.minPurchaseFen/);
    // The form's inline messages: the same schema, in Chinese, by field.
    assert.deepEqual(wealthProductDraftIssues(bad), [
      { path: 'minPurchaseFen', message: '起购金额须在 0.01 元至 1,000,000 元之间' },
      { path: 'maturityDate', message: '到期日须晚于募集结束日' },
    ]);
    assert.deepEqual(wealthProductDraftIssues({ ...draft, issuerType: 'BANK_PUBLIC', maturityDate: addDays(today, 1) }), [
      { path: 'minPurchaseFen', message: '本行公募理财起购金额不低于 1 万元' },
      { path: 'maturityDate', message: '到期日须晚于募集结束日' },
    ]);
    assert.deepEqual(wealthProductDraftIssues(draft), []);
  });

  test('the section’s reads send no Scan', async () => {
    const { commands } = await recordCommands(async () => {
      expectOk(await as(maker, { method: 'GET', path: '/v1/console/wealth-products' }));
      expectOk(await as(maker, { method: 'GET', path: '/v1/console/wealth-products/anxin-bond' }));
      expectOk(await post(maker, '/v1/console/wealth-products/preview', { product: fixedTermDraft('scan-check', '扫描检查') }));
    });
    assert.ok(commands.length > 0);
    assert.deepEqual(commands.filter((command) => command.command === 'ScanCommand'), []);
  });

  // Last: it moves the business date on.
  test('a NAV approved after its date closed with another price ends FAILED, its product free for a new change', async () => {
    const late = expectOk(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'anxin-bond', navDate: today, navCentiFen: 10_777 }));
    await setBusinessDate(today, addDays(today, 1));
    const failed = expectOk(await decide(checker, late.changeId, 'approve'));
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.failure, '该日期已日终且已有净值，不能修改');
    assert.ok(failed.failedAt);
    assert.notEqual((await customerProduct('anxin-bond')).navCentiFen, 10_777);
    assert.deepEqual((await auditOf(late.changeId)).map((entry) => entry.action), ['change.submit', 'change.approve', 'change.fail']);
    assert.deepEqual(await applyDueChanges(new Date()), { applied: 0, failed: 0 }, 'nothing left for the scheduler to retry');
    const next = expectOk(await post(maker, '/v1/console/wealth-navs/changes', { productId: 'anxin-bond', navDate: addDays(today, 1), navCentiFen: 10_601 }));
    assert.equal(next.status, 'PENDING', 'the product is free for a new change');
  });
});
