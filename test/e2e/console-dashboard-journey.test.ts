// 经营看板 in the console, in Chromium against the console's production build, the API in
// serverless offline and DynamoDB Local, on the demo seed: customers borrow and pay a bill, the day
// close takes its snapshot, and pm.li opens the dashboard — the chart library arrives with the
// page (not with the sign-in page), the figures are the API's, each chart draws. A screenshot at
// 1440×900.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { test } from 'node:test';
import { handler as billsHandler } from '../../functions/http/bills.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as customerLoans } from '../../functions/http/loans.js';
import { formatYuan } from '../../functions/domain/format.js';
import { takeDashboardSnapshot } from '../../functions/services/dashboard.js';
import { runDayClose } from '../../functions/services/day-close.js';
import { call } from '../support/bank.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';
import { onboard, pay, topUp } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';

const bank = useConsoleBank('jinlin-e2e-console-dashboard');
/** Closes as the dayClose function does: with the dashboard's step. */
const CLOSE_ACTOR = { kind: 'system', id: 'day-close' } as const;

test('pm.li reads the dashboard the day close left: the server’s figures, drawn', async (t) => {
  const borrower = await onboard();
  expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: borrower.token, body: loanApplicationRequest() }));
  expectOk(await pay(borrower, customerLoans, '/v1/loans', { productId: 'consumer-credit', amountFen: 600_000, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));
  const payer = await onboard();
  expectOk(await topUp(payer, 100_000));
  const accountNumber = `${String(randomInt(0, 1e9)).padStart(9, '0')}1`;
  const found = expectOk(await call(billsHandler, { method: 'POST', path: '/v1/bill-lookups', token: payer.token, body: { billerId: 'nj-power', accountNumber } }));
  expectOk(await pay(payer, billsHandler, '/v1/bill-payments', { billerId: 'nj-power', accountNumber, amountFen: found.bill.amountDueFen, billPeriod: found.bill.period }));
  const report = await runDayClose(new Date(), CLOSE_ACTOR, takeDashboardSnapshot);

  const context = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  watchedPage(t, page, 'jinlin-e2e-console-dashboard-last');
  t.after(() => context.close());
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });

  const token = await signInOnConsole(page, bank.origin, 'pm.li');
  await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
  assert.deepEqual(scripts.filter((path) => path.includes('Dashboard')), [], 'the chart chunk is not loaded before the dashboard is opened');

  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().includes('/v1/console/dashboard') && response.status() === 200),
    page.getByRole('menuitem', { name: /经营看板/ }).click(),
  ]);
  await page.waitForURL(/\/dashboard$/);
  const view = (await answer.json()) as { snapshot: { businessDate: string; eAccounts: { totalBalanceFen: number }; loans: { outstandingPrincipalFen: number } } };
  assert.equal(view.snapshot.businessDate, report.closedDate);
  assert.ok(scripts.some((path) => path.includes('Dashboard')), 'the chart chunk arrives with the page');

  await page.getByText(`截至营业日 ${report.closedDate} 日终`, { exact: false }).waitFor();
  await page.getByText(`¥${formatYuan(view.snapshot.eAccounts.totalBalanceFen)}`, { exact: true }).first().waitFor();
  await page.getByText(`¥${formatYuan(view.snapshot.loans.outstandingPrincipalFen)}`, { exact: true }).first().waitFor();
  // The funnel, the trend, the loan book and the bills each draw on a canvas of their own (the demo
  // seed holds no wealth: that card says so; the leaderboard is a table).
  await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 4, undefined, { timeout: 30_000 });
  await page.getByText('暂无理财持仓').waitFor();
  await page.getByText('客户经理排行', { exact: false }).waitFor();
  // Let the charts' entrance animations end before the picture.
  await page.waitForTimeout(1_500);
  const path = `${screenshots}/console-dashboard.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  t.diagnostic(`dashboard: ${path}`);

  // The same answer to the API's client as the page got.
  const direct = await fetch(`${bank.apiUrl}/v1/console/dashboard`, { headers: { authorization: `Bearer ${token}` } });
  assert.deepEqual(await direct.json(), view);
});
