// The bank test's checker must be able to fail: each kind of broken outcome, built by hand on a
// small sound ledger, is reported. (test/integration/ledger-invariants.test.ts does the same for
// the whole-table invariants the checker also runs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import type { Answer } from '../bank/client.js';
import { finalCheck, type FinalInput, type OpRecord, snapshotViolations } from '../bank/checker.js';
import type { PlannedOp } from '../bank/plan.js';
import type { Item } from '../support/ledger-check.js';

const A = { customerId: 'cust-a', accountId: 'acct-a' };
const B = { customerId: 'cust-b', accountId: 'acct-b' };
const HOUSE = 'HOUSE-CARD-SETTLEMENT~00';
const CLEARING = 'HOUSE-BILL-CLEARING~01';
const BILLERS = 'HOUSE-BILLER-SETTLEMENT~02';
const CUSTODY = 'HOUSE-WEALTH-CUSTODY-jijiwen-90d~03';
const T = '2026-03-02T04:00:00.000Z';

function journal(journalId: string, kind: string, postings: [string, number][], extra: Item = {}): Item[] {
  const ps = postings.map(([accountId, amountFen]) => ({ accountId, amountFen, label: 'l', counterparty: 'c' }));
  return [
    { PK: `JRNL#${journalId}`, SK: 'JOURNAL', type: 'JOURNAL', journalId, kind, postings: ps, createdAt: T, ...extra },
    ...ps.map((p) => ({ PK: `ACCT#${p.accountId}`, SK: `POST#${T}#${journalId}`, type: 'POSTING', journalId, kind, accountId: p.accountId, amountFen: p.amountFen, label: 'l', counterparty: 'c', createdAt: T })),
  ];
}
const idem = (key: string, body: unknown): Item => ({ PK: `IDEM#x#${key}`, SK: 'IDEM', type: 'IDEMPOTENCY', status: 'COMPLETED', requestHash: 'h', response: { statusCode: 200, body: JSON.stringify(body) } });
const op = (id: number, kind: PlannedOp['kind'], key: string, amount: number | undefined, delivery: PlannedOp['delivery'] = 'once'): PlannedOp => ({ id, kind, who: 0, key, amountClass: 'valid', amount, delivery, copies: 1 });
const ok = (body: Record<string, unknown>): Answer => ({ outcome: 'ok', status: 200, body, raw: JSON.stringify(body), attempts: [200] });
const no = (status: number, code: string): Answer => ({ outcome: 'rejected', status, code, body: { error: { code } }, raw: '', attempts: [status] });

/** The journals of a bill payment answered with `key` (bill-payment.ts derives them alike). */
const bill = (key: string) => {
  const hold = deterministicJournalId(A.customerId, 'billPay', key);
  const paymentId = `P${hold.slice(1)}`;
  return { hold, paymentId, settle: deterministicJournalId('bill-settle', paymentId), void: deterministicJournalId('bill-void', paymentId) };
};
const paid = bill('k-bill');
const unpaid = bill('k-bill-v');
const purchase = deterministicJournalId(A.customerId, 'wealth-purchase', 'k-buy');
const orderId = `W${purchase.slice(1)}`;
const refund = deterministicJournalId(A.customerId, 'wealth-cancel', 'k-cancel');
const order = (status: string) => ({ orderId, productId: 'jijiwen-90d', amountFen: 100, status });

/** A sound world: A topped up 1,000 then sent 300 to B; one withdrawal by A was refused. A paid a
 *  bill of 200 (settled) and one of 50 (voided: refunded, its limit given back), bought 100 of a
 *  product with cooling-off and cancelled that order (refunded in full). */
function world(): FinalInput {
  const topUp = deterministicJournalId(A.customerId, 'topUp', 'k-top');
  const transfer = deterministicJournalId(A.customerId, 'transfer', 'k-tr');
  const topUpBody = { journalId: topUp, kind: 'TOP_UP', status: 'SUCCEEDED', amountFen: 1_000, balanceFen: 1_000, createdAt: T };
  const transferBody = { journalId: transfer, kind: 'TRANSFER', status: 'SUCCEEDED', amountFen: 300, balanceFen: 700, createdAt: T };
  const billBody = { paymentId: paid.paymentId, status: 'SETTLED', journalId: paid.hold, amountFen: 200, balanceFen: 500 };
  const voidedBody = { paymentId: unpaid.paymentId, status: 'VOIDED', journalId: unpaid.hold, amountFen: 50, balanceFen: 500 };
  const buyBody = { journalId: purchase, order: order('PENDING'), balanceFen: 400 };
  const cancelBody = { journalId: refund, order: order('CANCELLED'), balanceFen: 500 };
  const items: Item[] = [
    ...journal(topUp, 'TOP_UP', [[A.accountId, 1_000], [HOUSE, -1_000]]),
    ...journal(transfer, 'TRANSFER', [[A.accountId, -300], [B.accountId, 300]]),
    ...journal(paid.hold, 'BILL_HOLD', [[A.accountId, -200], [CLEARING, 200]]),
    ...journal(paid.settle, 'BILL_SETTLEMENT', [[CLEARING, -200], [BILLERS, 200]], { completes: paid.hold }),
    ...journal(unpaid.hold, 'BILL_HOLD', [[A.accountId, -50], [CLEARING, 50]]),
    ...journal(unpaid.void, 'BILL_VOID', [[A.accountId, 50], [CLEARING, -50]], { completes: unpaid.hold, reverses: unpaid.hold }),
    ...journal(purchase, 'WEALTH_PURCHASE', [[A.accountId, -100], [CUSTODY, 100]]).map((i) => withCounterparty(i, CUSTODY, orderId)),
    ...journal(refund, 'WEALTH_REFUND', [[A.accountId, 100], [CUSTODY, -100]]).map((i) => withCounterparty(i, CUSTODY, orderId)),
    { PK: `ACCT#${A.accountId}`, SK: 'BALANCE', type: 'ACCOUNT', accountId: A.accountId, balanceFen: 500 },
    { PK: `ACCT#${B.accountId}`, SK: 'BALANCE', type: 'ACCOUNT', accountId: B.accountId, balanceFen: 300 },
    { PK: `ACCT#${HOUSE}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: -1_000 },
    { PK: `ACCT#${CLEARING}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: 0 },
    { PK: `ACCT#${BILLERS}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: 200 },
    { PK: `ACCT#${CUSTODY}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: 0 },
    // The transfer and the settled bill; the voided one was given back.
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#OUT#D#2026-03-02', type: 'LIMIT', bucket: 'OUT#D#2026-03-02', usedFen: 500 },
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#OUT#Y#2026', type: 'LIMIT', bucket: 'OUT#Y#2026', usedFen: 500 },
    // A money-market fund's fast-redemption cap: not a Class II counter.
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#WEALTH-FAST#zhaozhao-money#2026-03-02', type: 'LIMIT', bucket: 'WEALTH-FAST#zhaozhao-money#2026-03-02', usedFen: 700 },
    { PK: `ACCT#${B.accountId}`, SK: 'LIMIT#IN#D#2026-03-02', type: 'LIMIT', bucket: 'IN#D#2026-03-02', usedFen: 300 },
    { PK: `ACCT#${B.accountId}`, SK: 'LIMIT#IN#Y#2026', type: 'LIMIT', bucket: 'IN#Y#2026', usedFen: 300 },
    idem('k-top', topUpBody),
    idem('k-tr', transferBody),
    idem('k-bill', billBody),
    idem('k-bill-v', voidedBody),
    idem('k-buy', buyBody),
    idem('k-cancel', cancelBody),
    // A's credit line, approved but never drawn.
    { PK: `CUST#${A.customerId}`, SK: 'CREDITLINE#consumer-credit', type: 'CREDIT_LINE', customerId: A.customerId, creditLimitFen: 10_000, usedFen: 0, availableFen: 10_000 },
  ];
  const records: OpRecord[] = [
    { op: op(0, 'topUp', 'k-top', 1_000, 'repeat'), route: 'topUp', from: A, amount: 1_000, answers: [ok(topUpBody), ok(topUpBody)] },
    { op: op(1, 'transfer', 'k-tr', 300), route: 'transfer', from: A, to: B, amount: 300, answers: [ok(transferBody)] },
    { op: op(2, 'withdraw', 'k-wd', 5_000), route: 'withdraw', from: A, amount: 5_000, answers: [no(422, 'INSUFFICIENT_FUNDS')] },
    { op: op(3, 'billPay', 'k-bill', undefined), route: 'billPay', from: A, amount: 200, answers: [ok(billBody)] },
    { op: op(4, 'billPay', 'k-bill-v', 50), route: 'billPay', from: A, amount: 50, answers: [ok(voidedBody)] },
    { op: { ...op(5, 'wealthBuy', 'k-buy', 100), productId: 'jijiwen-90d' }, route: 'wealth-purchase', from: A, amount: 100, answers: [ok(buyBody)] },
    { op: op(6, 'wealthCancel', 'k-cancel', undefined), route: 'wealth-cancel', from: A, orderId, amount: undefined, answers: [ok(cancelBody)] },
  ];
  return {
    items,
    records,
    opening: new Map([[A.accountId, 0], [B.accountId, 0]]),
    customerAccounts: new Set([A.accountId, B.accountId]),
    journalsBefore: new Set(),
    unkeyed: new Set(),
    limits: { dailyFen: 1_000, yearlyFen: 20_000, fastRedeemDailyFen: 1_000_000 },
    moneyMarketHoldingsBefore: [],
  };
}

/** The custody posting of a wealth journal names its order (domain/wealth/journals.ts). */
function withCounterparty(item: Item, accountId: string, counterparty: string): Item {
  if (item.type === 'POSTING') return item.accountId === accountId ? { ...item, counterparty } : item;
  return { ...item, postings: item.postings.map((p: Item) => (p.accountId === accountId ? { ...p, counterparty } : p)) };
}

const record = (w: FinalInput, key: string) => w.records.find((r) => r.op.key === key)!;
const replaceJournal = (w: FinalInput, journalId: string, items: Item[]) => {
  w.items = [...w.items.filter((i) => i.journalId !== journalId), ...items];
};

const violationsOf = (change: (w: FinalInput) => void) => {
  const w = world();
  change(w);
  return finalCheck(w).violations;
};

describe('the bank checker', () => {
  test('passes a sound run', () => {
    assert.deepEqual(finalCheck(world()).violations, []);
  });

  const cases: [string, (w: FinalInput) => void, RegExp][] = [
    ['a success whose journal is missing', (w) => { w.items = w.items.filter((i) => !(i.type === 'JOURNAL' && i.kind === 'TOP_UP')); }, /not in the ledger/],
    ['a refusal that left a journal', (w) => { w.items.push(...journal(deterministicJournalId(A.customerId, 'withdraw', 'k-wd'), 'WITHDRAW', [[A.accountId, -5_000], [HOUSE, 5_000]])); }, /refused .* but journal/],
    ['one key answered both ways', (w) => { w.records[0]!.answers.push(no(422, 'INSUFFICIENT_FUNDS')); }, /same key was answered/],
    ['two different successes for one key', (w) => { const a0 = w.records[0]!.answers[1]!; w.records[0]!.answers[1] = { ...a0, raw: a0.raw.replace('1000', '1001') }; }, /different successes/],
    ['a balance that is not opening + answers', (w) => { w.opening.set(B.accountId, 5); }, /opening \+ answered movements/],
    ['a journal nobody was told about', (w) => { w.items.push(...journal('J-ghost', 'TOP_UP', [[B.accountId, 1], [HOUSE, -1]]), idem('k-ghost', { journalId: 'J-ghost' })); }, /no answer accounts for it/],
    ['a Class II limit exceeded', (w) => { w.limits.dailyFen = 299; }, /limit exceeded/],
    ['a limit counter out of step', (w) => { w.items.find((i) => i.type === 'LIMIT')!.usedFen = 0; }, /limit counter/],
    ['an invalid amount accepted', (w) => { w.records[1]!.op.amountClass = 'schemaInvalid'; }, /invalid amount/],
    ['a key reused with another body and accepted', (w) => { w.records[1]!.reuse = ok({ journalId: 'x' }); }, /reused with another body/],
    ['a credit line used without a drawdown', (w) => { Object.assign(w.items.find((i) => i.type === 'CREDIT_LINE')!, { usedFen: 500, availableFen: 9_500 }); }, /credit line of cust-a: used 500/],
    ['a credit line whose room is not limit − used', (w) => { w.items.find((i) => i.type === 'CREDIT_LINE')!.availableFen = 9_000; }, /available 9000/],
    ['a settled bill payment whose settlement is missing', (w) => { replaceJournal(w, paid.settle, []); }, /answered SETTLED but its settlement/],
    ['a bill hold both settled and voided', (w) => { w.items.push(...journal(paid.void, 'BILL_VOID', [[A.accountId, 200], [CLEARING, -200]], { completes: paid.hold, reverses: paid.hold })); }, /completed twice/],
    ['a voided bill payment the ledger settled', (w) => {
      replaceJournal(w, unpaid.void, journal(unpaid.settle, 'BILL_SETTLEMENT', [[CLEARING, -50], [BILLERS, 50]], { completes: unpaid.hold }));
    }, /answered VOIDED but its void/],
    ['a bill payment answered HELD', (w) => { record(w, 'k-bill').answers[0]!.body.status = 'HELD'; }, /answered HELD/],
    ['a bill lookup refused for an account with a bill', (w) => {
      w.records.push({ op: { ...op(7, 'billPay', 'k-look', undefined), bill: { billerId: 'nj-power', accountNumber: '1234567890', overDueFen: 0 } }, route: 'billPay', from: A, amount: undefined, answers: [], lookupFailed: no(422, 'BILL_ACCOUNT_NOT_FOUND') });
    }, /lookup of 1234567890/],
    ['a void that did not give the limit back', (w) => { w.items.find((i) => i.bucket === 'OUT#D#2026-03-02')!.usedFen = 550; }, /OUT#D#2026-03-02 holds 550, transfers and bill payments sum to 500/],
    ['a Class II limit exceeded by transfers and bill payments together', (w) => { w.limits.dailyFen = 450; }, /limit exceeded: acct-a\|OUT#D#2026-03-02 moved 500 > 450/],
    ['a wealth purchase into another product\'s custody', (w) => { record(w, 'k-buy').op.productId = 'zhaozhao-money'; }, /for a purchase of zhaozhao-money/],
    ['a cancel that refunded an order its customer did not pay for', (w) => {
      const r = record(w, 'k-cancel');
      r.orderId = 'Wnot-an-order-0000000000000';
      r.answers[0]!.body.order.orderId = r.orderId;
    }, /refunded 100 for order Wnot-an-order/],
    ['a wealth order refunded twice', (w) => {
      const again = journal('J-again', 'WEALTH_REFUND', [[A.accountId, 100], [CUSTODY, -100]]).map((i) => withCounterparty(i, CUSTODY, orderId));
      w.items.push(...again, idem('k-again', { journalId: 'J-again' }));
    }, /refunded twice/],
    ['a wealth refund not in full', (w) => {
      replaceJournal(w, refund, journal(refund, 'WEALTH_REFUND', [[A.accountId, 90], [CUSTODY, -90]]).map((i) => withCounterparty(i, CUSTODY, orderId)));
    }, /pays 90 to acct-a for order/],
    ['a fast-redemption counter over the daily cap', (w) => { w.items.find((i) => String(i.bucket).startsWith('WEALTH-FAST#'))!.usedFen = 1_000_001; }, /holds 1000001 > the cap/],
    ['a key left in flight though answered', (w) => { w.items.push({ PK: 'IDEM#x#k-wd', SK: 'IDEM', type: 'IDEMPOTENCY', status: 'IN_FLIGHT' }); }, /left IN_FLIGHT/],
  ];
  for (const [what, change, expected] of cases) {
    test(`reports ${what}`, () => {
      const violations = violationsOf(change);
      assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
    });
  }

  test('a snapshot must sum to 0 with no customer below 0', () => {
    const customers = new Set(['a', 'b']);
    assert.deepEqual(snapshotViolations({ total: 0, balances: new Map([['a', 5], ['b', 0], ['HOUSE-X', -5]]) }, customers), []);
    assert.match(snapshotViolations({ total: 1, balances: new Map([['a', 6], ['HOUSE-X', -5]]) }, customers).join(), /sum to 1/);
    assert.match(snapshotViolations({ total: 0, balances: new Map([['a', -1], ['HOUSE-X', 1]]) }, customers).join(), /is at -1/);
  });
});
