// Operations (运营管理) in the console, in Chromium against the console's production build, the API
// in serverless offline and DynamoDB Local: a customer's loan falls due unpaid and the biller's
// statement carries payments Jinlin never made; ops.chen signs in, sees the business date, runs
// the day close with 立即执行 (after confirming), reads each step's counts, finds the overdue loan
// in its bucket, opens a reconciliation alert and resolves it with a booking reference (the
// timeline then names them), and sees the wealth orders awaiting confirmation. A screenshot of
// each page at 1440×900. Then the operator key's automation route closes the next date, through
// the dayClose function too.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { injectSimulatorStatementLine } from '../../functions/adapters/simulators/biller-gateway.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as customerLoans } from '../../functions/http/loans.js';
import { dayCloseHistory } from '../../functions/services/day-close-runs.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import * as wealthStore from '../../functions/store/wealth.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call } from '../support/bank.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';
import { balanceFen, onboard, pay, withdraw } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';

const bank = useConsoleBank('jinlin-e2e-console-ops');

/** A wealth order waiting for its confirmation date (written as the order route writes it). */
async function pendingOrder(confirmDate: string, placedOn: string): Promise<void> {
  const order: wealthStore.WealthOrderRecord = {
    orderId: `W${randomUUID().replaceAll('-', '')}`,
    customerId: randomUUID(),
    accountId: randomUUID(),
    kind: 'PURCHASE',
    redemption: null,
    productId: 'e2e-no-nav',
    productName: '稳健增利 30 天',
    productVersion: 1,
    status: 'PENDING',
    placedAt: new Date().toISOString(),
    placedOn,
    confirmDate,
    cancellableUntil: null,
    amountFen: 5_000_000,
    unitsCenti: null,
    navCentiFen: null,
    navDate: null,
    valueFen: null,
    residualFen: null,
    proceedsFen: null,
    journalId: null,
    settlementJournalId: null,
    settledAt: null,
    riskAcknowledgement: null,
  };
  assert.ok((await wealthStore.writeChange(wealthStore.newOrderGuards(order))).ok);
}

test('ops.chen runs the day close, finds the overdue loan and resolves a reconciliation alert', async (t) => {
  // A loan whose first installment falls due with nothing in the account, and the business date at it.
  const who = await onboard();
  expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
  const loan = expectOk(await pay(who, customerLoans, '/v1/loans', { productId: 'consumer-credit', amountFen: 600_000, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));
  expectOk(await withdraw(who, await balanceFen(who)));
  const firstDue: string = loan.installments[0].dueDate;
  const moved = await fetch(`${bank.apiUrl}/v1/admin/business-date`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! },
    body: JSON.stringify({ businessDate: firstDue }),
  });
  assert.equal(moved.status, 200);
  for (const [n, letter] of ['M', 'N', 'Q'].entries()) {
    await injectSimulatorStatementLine(firstDue, { reference: `P${letter.repeat(26)}`, gatewayReference: `SIMB${n}`, billerId: 'nj-water', amountFen: 12_345 + n * 1_000 });
  }
  await pendingOrder(firstDue, await currentBusinessDate(new Date()));
  await pendingOrder('2099-01-02', await currentBusinessDate(new Date()));

  const context = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  watchedPage(t, page, 'jinlin-e2e-console-ops-last');
  t.after(() => context.close());
  const shoot = async (name: string) => {
    const path = `${screenshots}/console-ops-${name}.png`;
    await page.screenshot({ path, animations: 'disabled' });
    t.diagnostic(`${name}: ${path}`);
  };

  await signInOnConsole(page, bank.origin, 'ops.chen');

  await page.getByRole('menuitem', { name: /运营管理/ }).click();
  await page.waitForURL(/\/operations\/day-close$/);
  await page.getByText(`营业日期`).first().waitFor();
  await page.getByText(firstDue).first().waitFor();

  // 立即执行 asks first; the close then shows its steps.
  await page.getByRole('button', { name: /立即执行/ }).click();
  await page.getByText(`将立即关闭营业日 ${firstDue}`).waitFor();
  await page.getByRole('button', { name: '确定执行' }).click();
  await page.getByText(`日终批处理完成：${firstDue}`).waitFor({ timeout: 60_000 });
  await page.getByText('对账差异：3').first().waitFor();
  await page.getByText(/逾期贷款：\d+/).first().waitFor();
  await shoot('day-close');

  await page.getByRole('tab', { name: '逾期贷款' }).click();
  await page.getByText(loan.loanId).waitFor();
  await shoot('overdue');

  await page.getByRole('tab', { name: '对账差异' }).click();
  await page.getByText(`P${'M'.repeat(26)}`).waitFor();
  await shoot('alerts');
  await page.locator('tr', { hasText: `P${'M'.repeat(26)}` }).getByRole('button', { name: '详情' }).click();
  await page.getByText('日终对账发现差异').waitFor();
  await page.getByRole('button', { name: '挂账解决' }).click();
  await page.getByLabel('挂账凭证号').fill('JRNL-2026-000123');
  await page.getByLabel('备注（选填）').fill('水务公司已冲正该笔销账');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await page.getByText('挂账凭证号：JRNL-2026-000123').waitFor();
  assert.ok(await page.getByText('陈晨（ops.chen）').first().isVisible());
  await shoot('alert-detail');
  // The toasts sit over the drawer's close button (and one under the pointer stays): the click
  // goes to the button itself, not to a point on the screen.
  await page.locator('.ant-drawer-close').dispatchEvent('click');
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: '待确认理财订单' }).click();
  await page.getByText('稳健增利 30 天').first().waitFor();
  // Every column, 客户编号 too, fits a 1440 px screen beside the menu: nothing to scroll sideways.
  const sideways = await page.locator('.ant-table-content').evaluate((table) => table.scrollWidth - table.clientWidth);
  assert.ok(sideways <= 0, `the pending orders table scrolls ${sideways} px sideways at 1440 px`);
  await shoot('wealth-orders');

  await page.getByRole('tab', { name: '业务日期' }).click();
  await page.getByRole('button', { name: '调整营业日期' }).waitFor();
  await shoot('business-date');

  // The automation route closes the next date in the dayClose function too (serverless offline's
  // Lambda API, a RequestResponse invoke) and answers with its report; the console lists the run
  // as the automation's, with every step the function runs (the dashboard's snapshot included).
  const nextDate = addDays(firstDue, 1);
  const closed = await fetch(`${bank.apiUrl}/v1/admin/day-close`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! }, body: '{}' });
  const report = await closed.json();
  assert.equal(closed.status, 200, JSON.stringify(report));
  assert.deepEqual([report.closedDate, report.businessDate], [nextDate, addDays(firstDue, 2)]);
  const { runs } = await dayCloseHistory(1, undefined);
  assert.deepEqual([runs[0]?.closedDate, runs[0]?.status, runs[0]?.startedBy.kind], [nextDate, 'SUCCEEDED', 'system']);
  assert.ok(runs[0]?.steps.some((step) => step.step === 'DASHBOARD' && step.status === 'SUCCEEDED'), JSON.stringify(runs[0]?.steps.map((step) => step.step)));
});
