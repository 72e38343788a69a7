// The console's dashboard (经营看板, Lambda consoleDashboard) against DynamoDB Local: the day
// close's DASHBOARD step writes a snapshot of the business date from what customers did — the
// funnel (each customer once per stage, however often the close runs), the e-accounts' total (the
// ledger's invariant: minus the house accounts), the loan book by days-past-due bucket, the bill
// volume by category, the managers' leaderboard — and the route answers exactly those figures, the
// trend through the chosen date, with one Query and no Scan; who may read it.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { OPERATOR_ROLES, type OperatorRole, ROLE_PERMISSIONS } from '../../functions/domain/operator-roles.js';
import { handler as billsHandler } from '../../functions/http/bills.js';
import { handler as dashboardHandler } from '../../functions/http/console-dashboard.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as customerLoans } from '../../functions/http/loans.js';
import { takeDashboardSnapshot } from '../../functions/services/dashboard.js';
import { runDayClose } from '../../functions/services/day-close.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { seedProduct } from '../../functions/store/loans.js';
import { seedBills } from '../../scripts/lib/seed-bills.js';
import { call, type CallResult, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { balanceFen, onboard, type Onboarded, pay, signIn, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound } from '../support/ledger-check.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { newDeviceId, newStaff, shareLink, visit } from '../support/rm.js';

useBank();
/** Closes as the dayClose function does: with the dashboard's step. */
const CLOSE_ACTOR = { kind: 'system', id: 'day-close' } as const;

const tokens = new Map<OperatorRole, string>();
const read = (role: OperatorRole | undefined, query?: Record<string, string>): Promise<CallResult> =>
  call(dashboardHandler, { method: 'GET', path: '/v1/console/dashboard', ...(role ? { token: tokens.get(role)! } : {}), ...(query ? { query } : {}) });

async function drawLoan(who: Onboarded, amountFen: number) {
  const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
  assert.equal(decision.outcome, 'APPROVED');
  return expectOk(await pay(who, customerLoans, '/v1/loans', { productId: 'consumer-credit', amountFen, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));
}

async function payPowerBill(who: Onboarded): Promise<number> {
  const accountNumber = `${String(randomInt(0, 1e9)).padStart(9, '0')}1`;
  const found = expectOk(await call(billsHandler, { method: 'POST', path: '/v1/bill-lookups', token: who.token, body: { billerId: 'nj-power', accountNumber } }));
  const paid = expectOk(await pay(who, billsHandler, '/v1/bill-payments', { billerId: 'nj-power', accountNumber, amountFen: found.bill.amountDueFen, billPeriod: found.bill.period }));
  assert.equal(paid.status, 'SETTLED');
  return paid.amountFen;
}

describe('the dashboard', () => {
  before(async () => {
    for (const role of OPERATOR_ROLES) tokens.set(role, (await signInOperator(await newOperator([role], `${role} 看板`))).accessToken);
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    await seedBills(new Date());
  });

  test('who may read it: roles with dashboards.read, nobody else; before any close there is no snapshot', async () => {
    expectError(await read(undefined), 401, 'UNAUTHENTICATED');
    for (const role of OPERATOR_ROLES) {
      const res = await read(role);
      if (!ROLE_PERMISSIONS[role].includes('dashboards.read')) {
        expectError(res, 403, 'FORBIDDEN');
        continue;
      }
      assert.deepEqual(expectOk(res), { snapshot: null, trend: [] }, role);
    }
    expectError(await read('OPERATIONS', { date: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expectError(await read('OPERATIONS', { date: '2026-01-01', extra: '1' }), 400, 'VALIDATION_FAILED');
  });

  let firstDate = '';
  let firstSnapshot: unknown;
  const loanFen = 600_000;

  test('the close snapshots what customers did; the route answers those figures with one Query and no Scan', async () => {
    // A manager whose link one customer opened before signing up.
    const manager = await newStaff({ name: '钱多多', branchId: 'nj-xinjiekou' });
    const device = newDeviceId();
    expectOk(await visit((await shareLink(manager, { type: 'LOAN', id: 'consumer-credit' })).code, device));
    const borrower = await onboard({ deviceId: device });
    expectOk(await topUp(borrower, 50_000));
    await drawLoan(borrower, loanFen);
    const payer = await onboard();
    expectOk(await topUp(payer, 100_000));
    const billFen = await payPowerBill(payer);
    await signIn(); // signed up, went no further

    firstDate = await currentBusinessDate(new Date());
    const { commands: closeCommands } = await recordCommands(() => runDayClose(new Date(), CLOSE_ACTOR, takeDashboardSnapshot));
    assert.deepEqual(closeCommands.filter((c) => c.command === ScanCommand.name), [], 'the close walks indexes, never the table');

    const { result, commands } = await recordCommands(() => read('PRODUCT_MANAGER'));
    assert.deepEqual(commands.filter((c) => c.command === ScanCommand.name), []);
    assert.equal(commands.filter((c) => c.command === 'QueryCommand').length, 1, JSON.stringify(commands));
    const { snapshot, trend } = expectOk(result);
    firstSnapshot = snapshot;
    assert.equal(snapshot.businessDate, firstDate);

    const funnel = Object.fromEntries(snapshot.funnel.map((row: { stage: string; customers: number; newCustomers: number }) => [row.stage, [row.customers, row.newCustomers]]));
    assert.deepEqual(funnel, {
      SIGNED_UP: [3, 3],
      REAL_NAME_VERIFIED: [2, 2],
      ACCOUNT_OPENED: [2, 2],
      LOAN_APPLIED: [1, 1],
      LOAN_APPROVED: [1, 1],
      LOAN_DRAWN: [1, 1],
      WEALTH_PURCHASED: [0, 0],
      BILL_PAID: [1, 1],
    });
    const opened = snapshot.funnel.find((row: { stage: string }) => row.stage === 'ACCOUNT_OPENED');
    assert.deepEqual([opened.label, opened.ofSignedUpBps, opened.ofSignedUpDisplay], ['开通电子账户', 6667, '66.67%']);

    // The customers' balances as the ledger holds them, read one by one.
    const ledger = await assertLedgerSound();
    const customersFen = [...ledger.balances].filter(([id]) => !id.startsWith('HOUSE-')).reduce((sum, [, fen]) => sum + fen, 0);
    assert.equal(customersFen, (await balanceFen(borrower)) + (await balanceFen(payer)));
    assert.equal(snapshot.eAccounts.totalBalanceFen, customersFen);

    assert.equal(snapshot.loans.loans, 1);
    assert.equal(snapshot.loans.outstandingPrincipalFen, loanFen);
    assert.deepEqual(
      snapshot.loans.buckets.map((b: { bucket: string; loans: number; outstandingPrincipalFen: number }) => [b.bucket, b.loans, b.outstandingPrincipalFen]),
      [['CURRENT', 1, loanFen], ['DPD_1_30', 0, 0], ['DPD_31_60', 0, 0], ['DPD_61_90', 0, 0], ['DPD_90_PLUS', 0, 0]],
    );
    assert.deepEqual(snapshot.bills, { payments: 1, amountFen: billFen, categories: [{ category: 'ELECTRICITY', label: '电费', payments: 1, amountFen: billFen }] });
    assert.deepEqual(snapshot.wealth, { marketValueFen: 0, products: [] });

    assert.equal(snapshot.leaderboard.to, firstDate);
    assert.deepEqual(snapshot.leaderboard.rows, [
      { rank: 1, staffId: manager.staffId, staffNo: manager.staffNo, name: '钱多多', branchName: 'nj-xinjiekou支行', referred: 1, accountsOpened: 1, moneyFen: loanFen },
    ]);
    assert.deepEqual(trend, [
      { businessDate: firstDate, eAccountsTotalFen: customersFen, loansOutstandingFen: loanFen, wealthMarketValueFen: 0, billAmountFen: billFen },
    ]);
  });

  test('the next close counts nobody twice; a close run again counts the same; a date picks its snapshot and the trend through it', async () => {
    const secondDate = await currentBusinessDate(new Date());
    assert.ok(secondDate > firstDate);
    const late = await onboard();
    expectOk(await topUp(late, 30_000));
    await runDayClose(new Date(), CLOSE_ACTOR, takeDashboardSnapshot);
    // The close of the second date, run again (a retried close): the same counts.
    await takeDashboardSnapshot(secondDate, new Date(), () => assert.fail('nothing fails'));

    const { snapshot, trend } = expectOk(await read('AUDITOR'));
    assert.equal(snapshot.businessDate, secondDate);
    const funnel = Object.fromEntries(snapshot.funnel.map((row: { stage: string; customers: number; newCustomers: number }) => [row.stage, [row.customers, row.newCustomers]]));
    assert.deepEqual(funnel, {
      SIGNED_UP: [4, 1],
      REAL_NAME_VERIFIED: [3, 1],
      ACCOUNT_OPENED: [3, 1],
      LOAN_APPLIED: [1, 0],
      LOAN_APPROVED: [1, 0],
      LOAN_DRAWN: [1, 0],
      WEALTH_PURCHASED: [0, 0],
      BILL_PAID: [1, 0],
    });
    assert.equal(snapshot.bills.payments, 0, "the second date's own payments: none");
    const firstTotalFen = (firstSnapshot as { eAccounts: { totalBalanceFen: number } }).eAccounts.totalBalanceFen;
    assert.equal(snapshot.eAccounts.totalBalanceFen, firstTotalFen + 30_000);
    assert.deepEqual(trend.map((point: { businessDate: string }) => point.businessDate), [firstDate, secondDate]);

    const earlier = expectOk(await read('RISK_OFFICER', { date: firstDate }));
    assert.deepEqual(earlier.snapshot, firstSnapshot);
    assert.deepEqual(earlier.trend.map((point: { businessDate: string }) => point.businessDate), [firstDate]);
  });
});
