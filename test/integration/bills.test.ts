// Bill payment end to end against DynamoDB Local and the biller-gateway simulator: the catalogue,
// lookups for every simulator outcome, two-phase payment (hold → settle, hold → void) with the
// ledger checked after each, held money not spendable meanwhile, payments a crash left HELD
// finished by the day close, double submits, saved payees with auto-pay, reconciliation that
// finds injected mismatches, and the operators' biller routes.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { injectSimulatorStatementLine, simulatorBillerGateway } from '../../functions/adapters/simulators/biller-gateway.js';
import { SEED_BILLERS } from '../../functions/domain/bills/biller.js';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as admin } from '../../functions/http/admin.js';
import { completeBillPayment, holdBillPayment } from '../../functions/services/bill-payment.js';
import { handler as billsHandler } from '../../functions/http/bills.js';
import { handler as consoleBillers } from '../../functions/http/console-billers.js';
import { getAccount } from '../../functions/store/accounts.js';
import * as billStore from '../../functions/store/bills.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { seedBills } from '../../scripts/lib/seed-bills.js';
import { call, useBank } from '../support/bank.js';
import { putBillerByChange } from '../support/changes.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { balanceFen, historyEntry, onboard, type Onboarded, pay as confirmedPay, topUp, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { confirmed, secondFactorFor } from '../support/second-factor.js';

useBank();

const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
/** Journals written outside any request on purpose (the crash tests' holds). */
const unkeyed = new Set<string>();
const sound = () => assertLedgerSound({ unkeyedJournals: unkeyed });

/** A 10-digit 南京 power account whose last digit picks the simulator's answer. */
const powerAccount = (ending: string) => `${String(randomInt(0, 1e9)).padStart(9, '0')}${ending}`;

const lookup = (who: Onboarded, billerId: string, accountNumber: string) =>
  call(billsHandler, { method: 'POST', path: '/v1/bill-lookups', token: who.token, body: { billerId, accountNumber } });

const pay = (who: Onboarded, body: Record<string, unknown>, key = randomUUID(), pin = who.pin) => confirmedPay(who, billsHandler, '/v1/bill-payments', body, { key, pin });

/** Sends `body` as it is (its second factor included) under a new key. */
const send = (who: Onboarded, body: Record<string, unknown>) =>
  call(billsHandler, { method: 'POST', path: '/v1/bill-payments', token: who.token, idempotencyKey: randomUUID(), body });

const journalCount = async () => (await scanTable()).filter((item) => item.type === 'JOURNAL').length;

/** The reconciliation report as operations reads it in the console. */
let operations: Promise<string> | undefined;
const reconciliation = async (date: string) =>
  call(consoleBillers, { method: 'GET', path: `/v1/console/bill-reconciliations/${date}`, token: await (operations ??= newOperator(['OPERATIONS']).then(signInOperator).then((s) => s.accessToken)) });
const dayClose = async () => expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: operator() }));

async function funded(amountFen = 200_000): Promise<Onboarded> {
  const who = await onboard();
  expectOk(await topUp(who, amountFen));
  return who;
}

async function limitsUsedOut(who: Onboarded): Promise<number> {
  return expectOk(await call(account, { method: 'GET', path: '/v1/account', token: who.token })).limits.nonBoundOutToday.usedFen;
}

describe('bills', () => {
  before(async () => {
    await seedBills(new Date());
  });

  test('the catalogue: categories with cities, billers by category and city', async () => {
    const all = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/billers' }));
    assert.equal(all.items.length, SEED_BILLERS.length);
    assert.equal(all.categories.length, 10);
    const power = all.categories.find((c: any) => c.category === 'ELECTRICITY');
    assert.equal(power.label, '电费');
    assert.deepEqual(power.cities.map((c: any) => c.name).sort(), ['南京', '苏州'].sort());
    const njPower = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/billers', query: { category: 'ELECTRICITY', city: 'nanjing' } }));
    assert.deepEqual(njPower.items.map((b: any) => b.billerId), ['nj-power']);
    assert.equal(njPower.items[0].accountNumberLabel, '户号');
    // How each account number is typed, and which billers are prepaid, as the server says.
    const byId = new Map<string, any>(all.items.map((b: any) => [b.billerId, b]));
    assert.deepEqual([byId.get('nj-power').accountNumberInput, byId.get('nj-power').prepaid], [{ digitsOnly: true, maxLength: 10 }, false]);
    assert.deepEqual([byId.get('js-mobile').accountNumberInput, byId.get('js-mobile').prepaid], [{ digitsOnly: true, maxLength: 11 }, true]);
    assert.deepEqual([byId.get('nj-property').accountNumberInput, byId.get('nj-property').prepaid], [{ digitsOnly: false, maxLength: 30 }, false]);
    assert.deepEqual(all.items.filter((b: any) => b.prepaid).map((b: any) => b.billerId), ['js-mobile']);
    expectError(await call(billsHandler, { method: 'GET', path: '/v1/billers', query: { category: 'LOTTERY' } }), 400, 'VALIDATION_FAILED');
  });

  test('lookup: format first, then each simulator outcome', async () => {
    const who = await funded();
    // Ends in 7 (the simulator's "not found"), but the format is refused before any gateway call.
    expectError(await lookup(who, 'nj-power', '12345677'), 400, 'ACCOUNT_NUMBER_INVALID');
    expectError(await lookup(who, 'no-such-biller', '1234567890'), 404, 'BILLER_NOT_FOUND');

    const bill = expectOk(await lookup(who, 'nj-power', powerAccount('1')));
    assert.match(bill.holderNameMasked, /^[\u4e00-\u9fa5]\*$/);
    assert.match(bill.bill.period, /^\d{4}-\d{2}$/);
    assert.ok(bill.bill.amountDueFen >= 3_000 && bill.bill.amountDueFen < 30_000);
    assert.equal(bill.bill.arrears, null);
    assert.equal(bill.alreadyPaid, null);
    assert.deepEqual([bill.amount.kind, bill.amount.minFen, bill.amount.presetsFen], ['AT_LEAST_BILL', Math.max(1_000, bill.bill.amountDueFen), [bill.bill.amountDueFen]]);
    assert.match(bill.accountNumberMasked, /^\d{2}\*{4}\d{4}$/);
    assert.equal(bill.businessDate, await currentBusinessDate(new Date()));

    const noBill = expectOk(await lookup(who, 'nj-power', powerAccount('5')));
    assert.equal(noBill.bill, null);
    assert.equal(noBill.amount.kind, 'AT_LEAST_BILL', 'a utility takes a prepayment without a bill');

    const arrears = expectOk(await lookup(who, 'nj-power', powerAccount('6')));
    assert.ok(arrears.bill.arrears.lateFeeFen > 0 && arrears.bill.arrears.overdueFen > 0);
    assert.ok(arrears.bill.amountDueFen > arrears.bill.arrears.overdueFen + arrears.bill.arrears.lateFeeFen);
    assert.ok(arrears.bill.arrears.sinceDate < arrears.bill.dueDate);

    expectError(await lookup(who, 'nj-power', powerAccount('7')), 422, 'BILL_ACCOUNT_NOT_FOUND');

    // An exact-bill biller without a bill: nothing can be paid, and the view says so.
    const noSocial = expectOk(await lookup(who, 'sz-social-security', '320500000' + '5'));
    assert.equal(noSocial.bill, null);
    assert.equal(noSocial.amount, null);
    // A prepaid biller: the gateway's bill for the number (the simulator has one for an ending
    // in 1) is not shown; the customer chooses the amount.
    const phone = expectOk(await lookup(who, 'js-mobile', '13800138001'));
    assert.equal(phone.bill, null);
    assert.equal(phone.biller.prepaid, true);
    assert.match(phone.holderNameMasked, /^[一-龥]\*$/);
    assert.deepEqual([phone.amount.kind, phone.amount.minFen, phone.amount.maxFen, phone.amount.stepFen], ['RANGE', 1_000, 50_000, 100]);
    assert.equal(phone.accountNumberMasked, '138****8001');
  });

  test('hold → settle: the bill is paid once, the ledger is sound, and a second payment is refused', async () => {
    const who = await funded();
    const number = powerAccount('1');
    const bill = expectOk(await lookup(who, 'nj-power', number));
    const before = await balanceFen(who);
    const usedBefore = await limitsUsedOut(who);
    const key = randomUUID();
    const paid = expectOk(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen, billPeriod: bill.bill.period }, key));
    assert.equal(paid.status, 'SETTLED');
    assert.equal(paid.statusLabel, '缴费成功');
    assert.equal(paid.amountFen, bill.bill.amountDueFen);
    assert.equal(paid.balanceFen, before - bill.bill.amountDueFen);
    assert.equal(await balanceFen(who), before - bill.bill.amountDueFen);
    assert.match(paid.paymentId, /^P/);
    assert.match(paid.gatewayReference, /^SIMB/);
    assert.equal(paid.holderNameMasked, bill.holderNameMasked);
    assert.equal(paid.period, bill.bill.period);
    assert.equal(paid.failure, null);
    // A bill payment counts against the Class II non-bound outflow limit.
    assert.equal(await limitsUsedOut(who), usedBefore + bill.bill.amountDueFen);

    // The same request again: the same answer, nothing moves.
    const again = expectOk(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen, billPeriod: bill.bill.period }, key));
    assert.equal(again.paymentId, paid.paymentId);
    assert.equal(await balanceFen(who), before - bill.bill.amountDueFen);
    // Another request for the same bill: refused as already paid, nothing moves.
    expectError(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen }), 422, 'BILL_ALREADY_PAID');
    assert.equal(await balanceFen(who), before - bill.bill.amountDueFen);
    // …also for someone else paying the same account's bill.
    const relative = await funded();
    expectError(await pay(relative, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen }), 422, 'BILL_ALREADY_PAID');
    const seenAgain = expectOk(await lookup(who, 'nj-power', number));
    assert.deepEqual(seenAgain.alreadyPaid, { paymentId: paid.paymentId });
    assert.equal(seenAgain.amount, null);
    assert.deepEqual(expectOk(await lookup(relative, 'nj-power', number)).alreadyPaid, { paymentId: null });

    const receipt = expectOk(await call(billsHandler, { method: 'GET', path: `/v1/bill-payments/${paid.paymentId}`, token: who.token }));
    assert.equal(receipt.status, 'SETTLED');
    assert.equal(receipt.journalId, paid.journalId);
    // One reference a person reads out: the result, the receipt and the history's 交易详情 of the
    // hold journal (the one that took the money) show the same 参考号.
    assert.match(paid.reference, REFERENCE_PATTERN);
    assert.deepEqual([again.reference, receipt.reference], [paid.reference, paid.reference]);
    const entry = await historyEntry(who, paid.journalId);
    assert.deepEqual([entry.kind, entry.reference, entry.status], ['BILL_HOLD', paid.reference, 'SUCCEEDED']);
    expectError(await call(billsHandler, { method: 'GET', path: `/v1/bill-payments/${paid.paymentId}`, token: relative.token }), 404, 'PAYMENT_NOT_FOUND');

    const events = await customerEvents(who.customerId);
    assert.ok(events.some((e) => e.kind === 'BILL_PAID' && e.amountFen === paid.amountFen && e.product?.type === 'BILL' && e.product.id === 'ELECTRICITY'));
    const report = await sound();
    // The money went on to the billers' settlement account; clearing holds nothing for it.
    const houseSum = (prefix: string) => [...report.balances].filter(([id]) => id.startsWith(prefix)).reduce((s, [, b]) => s + b, 0);
    assert.ok(houseSum('HOUSE-BILLER-SETTLEMENT~') >= paid.amountFen);
    assert.equal(houseSum('HOUSE-BILL-CLEARING~') >= 0, true);
  });

  test('hold → void: a declined or unanswered payment comes back in full, with a clear message', async () => {
    const who = await funded();
    const before = await balanceFen(who);
    const usedBefore = await limitsUsedOut(who);
    for (const [ending, code] of [['9', 'BILLER_DECLINED'], ['8', 'BILLER_TIMEOUT']] as const) {
      const number = powerAccount(ending);
      const bill = expectOk(await lookup(who, 'nj-power', number));
      const voided = expectOk(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen }));
      assert.equal(voided.status, 'VOIDED');
      assert.equal(voided.failure.code, code);
      assert.match(voided.failure.message, /款项已退回/);
      assert.equal(voided.balanceFen, before);
      assert.equal(voided.gatewayReference, null);
      // The voided payment's 参考号 names the entry the history shows as failed (its money returned).
      const entry = await historyEntry(who, voided.journalId);
      assert.deepEqual([entry.reference, entry.status], [voided.reference, 'FAILED']);
      // The bill is unpaid again, so the customer may try once more (a new payment).
      assert.equal(expectOk(await lookup(who, 'nj-power', number)).alreadyPaid, null);
    }
    assert.equal(await balanceFen(who), before);
    assert.equal(await limitsUsedOut(who), usedBefore, 'a voided payment gives its limit back');
    const history = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payments', token: who.token }));
    assert.deepEqual(history.items.map((p: any) => p.status), ['VOIDED', 'VOIDED']);
    await sound();
  });

  test('amount rules are enforced with the bill in hand; a changed bill is refused', async () => {
    const who = await funded();
    const number = powerAccount('2');
    const bill = expectOk(await lookup(who, 'nj-power', number));
    expectError(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen - 1 }), 422, 'AMOUNT_BELOW_BILL');
    expectError(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen, billPeriod: '2001-01' }), 422, 'BILL_CHANGED');
    const prepaid = expectOk(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen + 5_000 }));
    assert.equal(prepaid.prepaymentFen, 5_000);
    // Without a bill, a utility takes a prepayment, and another one later (no bill to pay twice).
    const noBill = powerAccount('5');
    expectOk(await pay(who, { billerId: 'nj-power', accountNumber: noBill, amountFen: 2_000 }));
    expectOk(await pay(who, { billerId: 'nj-power', accountNumber: noBill, amountFen: 2_000 }));
    expectError(await pay(who, { billerId: 'sz-social-security', accountNumber: '3205000005', amountFen: 10_000 }), 422, 'NO_BILL_DUE');
    const property = expectOk(await lookup(who, 'nj-property', 'A3-1202'));
    expectError(await pay(who, { billerId: 'nj-property', accountNumber: 'A3-1202', amountFen: property.bill.amountDueFen + 1 }), 422, 'AMOUNT_MUST_EQUAL_BILL');
    expectError(await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_050 }), 422, 'AMOUNT_STEP');
    expectError(await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 60_000 }), 422, 'AMOUNT_OUT_OF_RANGE');
    const topUpPhone = expectOk(await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000 }));
    assert.equal(topUpPhone.accountNumberMasked, '138****8001');
    assert.deepEqual([topUpPhone.period, topUpPhone.amountDueFen, topUpPhone.prepaymentFen], [null, null, 0]);
    // A bill period sent with a top-up names a bill there is not.
    expectError(await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000, billPeriod: '2020-01' }), 422, 'BILL_CHANGED');
    // A top-up pays no bill: the same number may be topped up again.
    assert.equal(expectOk(await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 3_000 })).status, 'SETTLED');
    // Not enough money: refused before anything is held.
    const poor = await funded(1_000);
    const poorAccount = powerAccount('3');
    const poorBill = expectOk(await lookup(poor, 'nj-power', poorAccount));
    expectError(await pay(poor, { billerId: 'nj-power', accountNumber: poorAccount, amountFen: Math.max(poorBill.bill.amountDueFen, 1_001) }), 422, 'INSUFFICIENT_FUNDS');
    assert.equal(await balanceFen(poor), 1_000);
    // A wrong PIN moves nothing; body and key rules as everywhere.
    const wrongPin = await pay(who, { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000 }, randomUUID(), who.pin === '000000' ? '111111' : '000000');
    expectError(wrongPin, 403, 'PIN_INCORRECT');
    expectError(await pay(who, { billerId: 'nj-power', amountFen: 5_000 }), 400, 'VALIDATION_FAILED');
    await sound();
  });

  test('a nonce asked for another amount or another biller account pays nothing: 403 NONCE_MISMATCH, no journal', async () => {
    const who = await funded();
    const before = await balanceFen(who);
    const journals = await journalCount();
    const asked = { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000 };
    const secondFactor = await secondFactorFor(who.token, '/v1/bill-payments', asked, who.pin);
    expectError(await send(who, { ...asked, amountFen: 50_000, secondFactor }), 403, 'NONCE_MISMATCH');
    expectError(await send(who, { ...asked, accountNumber: '13800138003', secondFactor }), 403, 'NONCE_MISMATCH');
    expectError(await send(who, { billerId: 'nj-power', accountNumber: powerAccount('5'), amountFen: 5_000, secondFactor }), 403, 'NONCE_MISMATCH');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), before);
    assert.deepEqual(expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payments', token: who.token })).items, []);
    // Refused, the nonce was not used up: it still pays what it was asked for.
    const paid = expectOk(await send(who, { ...asked, secondFactor }));
    assert.deepEqual([paid.status, paid.balanceFen], ['SETTLED', before - 5_000]);
    await sound();
  });

  test('one nonce pays once: the same second factor under a new key is 409 NONCE_USED, nothing moves', async () => {
    const who = await funded();
    const body = await confirmed(who.token, '/v1/bill-payments', { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000 }, who.pin);
    const paid = expectOk(await send(who, body));
    assert.equal(paid.status, 'SETTLED');
    const journals = await journalCount();
    const usedOut = await limitsUsedOut(who);
    expectError(await send(who, body), 409, 'NONCE_USED');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), paid.balanceFen);
    assert.equal(await limitsUsedOut(who), usedOut);
    const history = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payments', token: who.token }));
    assert.deepEqual(history.items.map((p: any) => p.paymentId), [paid.paymentId]);
    // The auto-pay setting's nonce is used up by the setting's write.
    const payee = expectOk(await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname: '电费', billerId: 'nj-power', accountNumber: powerAccount('4') } }));
    const path = `/v1/bill-payees/${payee.payeeId}/auto-pay`;
    const setting = await confirmed(who.token, path, { autoPay: { capFen: 10_000, dayOfMonth: 1 } }, who.pin);
    expectOk(await call(billsHandler, { method: 'POST', path, token: who.token, body: setting }));
    expectError(await call(billsHandler, { method: 'POST', path, token: who.token, body: setting }), 409, 'NONCE_USED');
    await sound();
  });

  test('concurrent double submits pay once', async () => {
    const who = await funded();
    const number = powerAccount('3');
    const bill = expectOk(await lookup(who, 'nj-power', number));
    const before = await balanceFen(who);
    const body = { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen };
    const key = randomUUID();
    // A double tap (one key) and three separate submissions (three keys), all at once.
    const results = await Promise.all([pay(who, body, key), pay(who, body, key), pay(who, body), pay(who, body), pay(who, body)]);
    const settled = results.filter((r) => r.status === 200 && r.body.status === 'SETTLED');
    const paymentIds = new Set(settled.map((r) => r.body.paymentId));
    assert.equal(paymentIds.size, 1, JSON.stringify(results.map((r) => r.body)));
    for (const r of results.filter((x) => x.status !== 200)) {
      assert.ok(['REQUEST_IN_PROGRESS', 'BILL_ALREADY_PAID', 'BILL_PAYMENT_IN_PROGRESS'].includes(r.body.error.code), JSON.stringify(r.body));
    }
    assert.equal(await balanceFen(who), before - bill.bill.amountDueFen);
    await sound();
  });

  test('held money cannot be spent elsewhere; the day close finishes payments a crash left HELD', async () => {
    // Two bills of up to 299.99 yuan each must fit the balance.
    const openingFen = 100_000;
    const who = await funded(openingFen);
    const acct = (await getAccount(who.accountId))!;
    const njPower = SEED_BILLERS.find((b) => b.billerId === 'nj-power')!;
    const today = await currentBusinessDate(new Date());
    const gateway = simulatorBillerGateway();
    // Phase 1 only, as if the Lambda died before asking the gateway — ten minutes ago.
    const hold = async (ending: string) => {
      const accountNumber = powerAccount(ending);
      const found = await gateway.lookup({ billerId: 'nj-power', billerCode: 'SGCC-NJ', accountNumber, asOf: today });
      assert.equal(found.outcome, 'BILL');
      if (found.outcome !== 'BILL') throw new Error('no bill');
      const journalId = deterministicJournalId(who.customerId, 'crash-test', accountNumber);
      unkeyed.add(journalId);
      const { payment: record } = await holdBillPayment({
        customerId: who.customerId,
        account: acct,
        biller: njPower,
        accountNumber,
        lookup: found,
        amountFen: found.amountDueFen,
        prepaymentFen: 0,
        journalId,
        origin: 'CUSTOMER',
        payeeId: null,
        now: new Date(Date.now() - 10 * 60_000),
        businessDate: today,
      });
      return { record, accountNumber };
    };
    const accepted = await hold('1');
    const lost = await hold('2');
    const heldFen = accepted.record.amountFen + lost.record.amountFen;
    assert.equal(accepted.record.status, 'HELD');
    assert.equal(await balanceFen(who), openingFen - heldFen);
    // The held amount is gone from the balance: withdrawing the old balance is refused.
    expectError(await withdraw(who, openingFen - heldFen + 1), 422, 'INSUFFICIENT_FUNDS');
    const receipt = expectOk(await call(billsHandler, { method: 'GET', path: `/v1/bill-payments/${accepted.record.paymentId}`, token: who.token }));
    assert.equal(receipt.status, 'HELD');
    await sound();

    // The gateway did take the first one before the crash (it remembers the reference).
    const took = await gateway.pay({
      billerId: 'nj-power',
      billerCode: 'SGCC-NJ',
      reference: accepted.record.paymentId,
      accountNumber: accepted.accountNumber,
      period: accepted.record.period,
      amountFen: accepted.record.amountFen,
      settlementDate: today,
    });
    assert.equal(took.ok, true);

    const closed = await dayClose();
    assert.equal(closed.closedDate, today);
    assert.ok(closed.bills.heldSettled >= 1 && closed.bills.heldVoided >= 1, JSON.stringify(closed.bills));
    const settled = (await billStore.getPayment(who.customerId, accepted.record.paymentId))!;
    const voided = (await billStore.getPayment(who.customerId, lost.record.paymentId))!;
    assert.equal(settled.status, 'SETTLED');
    assert.equal(voided.status, 'VOIDED');
    assert.equal(await balanceFen(who), openingFen - accepted.record.amountFen);
    // Finishing again changes nothing: never both delivered and refunded.
    assert.equal((await completeBillPayment(settled)).status, 'SETTLED');
    assert.equal((await completeBillPayment(voided)).status, 'VOIDED');
    const reconciled = expectOk(await reconciliation(today));
    assert.ok(reconciled.matched >= 1);
    await sound();
  });

  test('saved payees: save, list, one-tap re-query, pay by payee, auto-pay, remove', async () => {
    const who = await funded(300_000);
    const number = powerAccount('4');
    expectError(
      await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname: '家里电费', billerId: 'nj-power', accountNumber: powerAccount('7') } }),
      422,
      'BILL_ACCOUNT_NOT_FOUND',
    );
    const saved = expectOk(await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname: '家里电费', billerId: 'nj-power', accountNumber: number } }));
    assert.equal(saved.nickname, '家里电费');
    assert.equal(saved.biller.billerId, 'nj-power');
    assert.equal(saved.autoPay, null);
    assert.ok(!JSON.stringify(saved).includes(number), 'the full account number never comes back');
    expectError(
      await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname: '又一个', billerId: 'nj-power', accountNumber: number } }),
      409,
      'PAYEE_EXISTS',
    );
    const list = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payees', token: who.token }));
    assert.deepEqual(list.items.map((p: any) => p.payeeId), [saved.payeeId]);

    const requery = expectOk(await call(billsHandler, { method: 'GET', path: `/v1/bill-payees/${saved.payeeId}/bill`, token: who.token }));
    assert.equal(requery.payeeId, saved.payeeId);
    assert.ok(requery.bill.amountDueFen > 0);
    const paid = expectOk(await pay(who, { payeeId: saved.payeeId, amountFen: requery.bill.amountDueFen, billPeriod: requery.bill.period }));
    assert.equal(paid.status, 'SETTLED');

    const stranger = await funded();
    expectError(await call(billsHandler, { method: 'GET', path: `/v1/bill-payees/${saved.payeeId}/bill`, token: stranger.token }), 404, 'PAYEE_NOT_FOUND');
    expectError(await pay(stranger, { payeeId: saved.payeeId, amountFen: 1_000 }), 404, 'PAYEE_NOT_FOUND');

    // Auto-pay: within the cap (paid by the close), over the cap and declined (the customer is told).
    const setAutoPay = async (payeeId: string, autoPay: { capFen: number; dayOfMonth: number } | null) => {
      const path = `/v1/bill-payees/${payeeId}/auto-pay`;
      return call(billsHandler, { method: 'POST', path, token: who.token, body: await confirmed(who.token, path, { autoPay }, who.pin) });
    };
    const autoPay = (payeeId: string, capFen: number) => setAutoPay(payeeId, { capFen, dayOfMonth: 1 });
    const save = async (nickname: string, accountNumber: string) =>
      expectOk(await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname, billerId: 'nj-power', accountNumber } }));
    const within = await save('自动缴费', powerAccount('2'));
    const over = await save('超上限', powerAccount('6'));
    const declined = await save('被拒绝', powerAccount('9'));
    expectError(await autoPay(within.payeeId, 0), 400, 'VALIDATION_FAILED');
    const on = expectOk(await autoPay(within.payeeId, 50_000));
    assert.deepEqual(on.autoPay, { capFen: 50_000, dayOfMonth: 1, lastRunMonth: null });
    expectOk(await autoPay(over.payeeId, 1_000));
    expectOk(await autoPay(declined.payeeId, 50_000));
    const phone = await call(billsHandler, { method: 'POST', path: '/v1/bill-payees', token: who.token, body: { nickname: '手机', billerId: 'js-mobile', accountNumber: '13800138002' } });
    expectError(await autoPay(expectOk(phone).payeeId, 5_000), 422, 'AUTO_PAY_NOT_OFFERED');

    const before = await balanceFen(who);
    const closed = await dayClose();
    assert.ok(closed.bills.autoPaid >= 1, JSON.stringify(closed.bills));
    assert.ok(closed.bills.autoPayFailed >= 2, JSON.stringify(closed.bills));
    assert.ok(closed.bills.notificationsSent >= 2, JSON.stringify(closed.bills));
    const after = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payees', token: who.token }));
    const byId = Object.fromEntries(after.items.map((p: any) => [p.payeeId, p]));
    const month = closed.closedDate.slice(0, 7);
    assert.equal(byId[within.payeeId].lastAutoPay.code, 'PAID');
    assert.equal(byId[within.payeeId].autoPay.lastRunMonth, month);
    assert.equal(byId[over.payeeId].lastAutoPay.code, 'OVER_CAP');
    assert.equal(byId[declined.payeeId].lastAutoPay.code, 'BILLER_DECLINED');
    const autoPayment = expectOk(await call(billsHandler, { method: 'GET', path: `/v1/bill-payments/${byId[within.payeeId].lastAutoPay.paymentId}`, token: who.token }));
    assert.equal(autoPayment.autoPay, true);
    assert.equal(autoPayment.status, 'SETTLED');
    assert.equal(await balanceFen(who), before - autoPayment.amountFen);

    // History by category; off and remove.
    const power = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payments', token: who.token, query: { category: 'ELECTRICITY', limit: '50' } }));
    assert.ok(power.items.length >= 3);
    assert.ok(power.items.every((p: any) => p.category === 'ELECTRICITY'));
    const water = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/bill-payments', token: who.token, query: { category: 'WATER' } }));
    assert.deepEqual(water.items, []);
    const off = expectOk(await setAutoPay(within.payeeId, null));
    assert.equal(off.autoPay, null);
    expectOk(await call(billsHandler, { method: 'POST', path: `/v1/bill-payees/${saved.payeeId}/delete`, token: who.token }));
    expectError(await call(billsHandler, { method: 'POST', path: `/v1/bill-payees/${saved.payeeId}/delete`, token: who.token }), 404, 'PAYEE_NOT_FOUND');
    await sound();
  });

  test('reconciliation finds injected mismatches and states the action taken', async () => {
    const who = await funded();
    const today = await currentBusinessDate(new Date());
    const pays = [];
    for (const ending of ['1', '2']) {
      const number = powerAccount(ending);
      const bill = expectOk(await lookup(who, 'nj-power', number));
      pays.push(expectOk(await pay(who, { billerId: 'nj-power', accountNumber: number, amountFen: bill.bill.amountDueFen })));
    }
    // The simulated biller's statement: one line Jinlin never sent, one with another amount.
    const ghost = `P${'G'.repeat(26)}`;
    await injectSimulatorStatementLine(today, { reference: ghost, gatewayReference: 'SIMBGHOST', billerId: 'nj-water', amountFen: 4_321 });
    await injectSimulatorStatementLine(today, { reference: pays[1].paymentId, gatewayReference: pays[1].gatewayReference, billerId: 'nj-power', amountFen: pays[1].amountFen - 100 });

    expectError(await reconciliation(today), 404, 'RECONCILIATION_NOT_FOUND');
    const closed = await dayClose();
    assert.equal(closed.closedDate, today);
    assert.equal(closed.bills.reconciliation.mismatches, 2);
    const report = expectOk(await reconciliation(today));
    assert.equal(report.mismatchCount, 2);
    assert.ok(report.matched >= 1);
    const byRef = Object.fromEntries(report.mismatches.map((m: any) => [m.reference, m]));
    assert.deepEqual([byRef[ghost].kind, byRef[ghost].action, byRef[ghost].jinlinStatus], ['MISSING_IN_JINLIN', 'BILLER_TO_REVERSE', 'NONE']);
    const short = byRef[pays[1].paymentId];
    assert.deepEqual([short.kind, short.action, short.jinlinAmountFen - short.gatewayAmountFen], ['AMOUNT_DIFFERS', 'REFUND_PENDING_REVIEW', 100]);
    assert.match(short.note, /退还客户/);
    assert.equal(byRef[pays[0].paymentId], undefined, 'the matching payment is not a mismatch');
    expectError(await call(consoleBillers, { method: 'GET', path: `/v1/console/bill-reconciliations/${today}` }), 401, 'UNAUTHENTICATED');
    await sound();
  });

  test('operators: billers are data — added and suspended through approved console changes, every change validated', async () => {
    const who = await funded();
    const base = SEED_BILLERS.find((b) => b.billerId === 'nj-water')!;
    const added = { ...base, billerId: 'cz-water', name: '常州水务', city: { code: 'changzhou', name: '常州' } };
    expectError(await call(consoleBillers, { method: 'POST', path: '/v1/console/billers/changes', body: { biller: added } }), 401, 'UNAUTHENTICATED');
    assert.equal((await putBillerByChange(added)).status, 'EFFECTIVE');
    const catalogue = expectOk(await call(billsHandler, { method: 'GET', path: '/v1/billers', query: { city: 'changzhou' } }));
    assert.deepEqual(catalogue.items.map((b: any) => b.billerId), ['cz-water']);
    expectOk(await lookup(who, 'cz-water', '12345671'));
    assert.equal((await putBillerByChange({ ...added, status: 'SUSPENDED' })).status, 'EFFECTIVE');
    expectError(await lookup(who, 'cz-water', '12345671'), 422, 'BILLER_SUSPENDED');
    assert.equal(expectOk(await call(billsHandler, { method: 'GET', path: '/v1/billers', query: { city: 'changzhou' } })).items.length, 0);
    await assert.rejects(putBillerByChange({ ...added, amountRule: { kind: 'AT_LEAST_BILL', minFen: 9_000, maxFen: 100 } }), /VALIDATION_FAILED/);
  });
});
