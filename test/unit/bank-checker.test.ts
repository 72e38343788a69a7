// The bank test's checker must be able to fail: each kind of broken outcome, built by hand on a
// small sound ledger, is reported. (test/integration/ledger-invariants.test.ts does the same for
// the whole-table invariants the checker also runs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import type { Answer } from '../bank/client.js';
import { finalCheck, type FinalInput, type OpRecord, type RaceOutcome, raceViolations, snapshotViolations } from '../bank/checker.js';
import type { PlannedOp } from '../bank/plan.js';
import type { Item } from '../support/ledger-check.js';

const A = { customerId: 'cust-a', accountId: 'acct-a' };
const B = { customerId: 'cust-b', accountId: 'acct-b' };
const HOUSE = 'HOUSE-CARD-SETTLEMENT~00';
const CLEARING = 'HOUSE-BILL-CLEARING~01';
const BILLERS = 'HOUSE-BILLER-SETTLEMENT~02';
const CUSTODY = 'HOUSE-WEALTH-CUSTODY-jijiwen-90d~03';
const T = '2026-03-02T04:00:00.000Z';

/** The anti-fraud decision a judged journal is written with when no rule matched. */
const ALLOWED = { ruleSetVersion: 1, outcome: 'ALLOW', matched: [], acknowledged: false };
/** The journals the customer's judged movements write (a withdrawal's sweep at closing is not one;
 *  the fixtures' postings carry no such label). */
const JUDGED = new Set(['TRANSFER', 'WITHDRAW', 'BILL_HOLD']);

function journal(journalId: string, kind: string, postings: [string, number][], extra: Item = {}): Item[] {
  const ps = postings.map(([accountId, amountFen]) => ({ accountId, amountFen, label: 'l', counterparty: 'c' }));
  return [
    { PK: `JRNL#${journalId}`, SK: 'JOURNAL', type: 'JOURNAL', journalId, kind, postings: ps, createdAt: T, ...(JUDGED.has(kind) ? { risk: ALLOWED } : {}), ...extra },
    ...ps.map((p) => ({ PK: `ACCT#${p.accountId}`, SK: `POST#${T}#${journalId}`, type: 'POSTING', journalId, kind, accountId: p.accountId, amountFen: p.amountFen, label: 'l', counterparty: 'c', createdAt: T })),
  ];
}
const idem = (key: string, body: unknown): Item => ({ PK: `IDEM#x#${key}`, SK: 'IDEM', type: 'IDEMPOTENCY', status: 'COMPLETED', requestHash: 'h', response: { statusCode: 200, body: JSON.stringify(body) } });
const op = (id: number, kind: PlannedOp['kind'], key: string, amount: number | undefined, delivery: PlannedOp['delivery'] = 'once'): PlannedOp => ({ id, kind, who: 0, key, amountClass: 'valid', amount, delivery, copies: 1 });
const ok = (body: Record<string, unknown>): Answer => ({ outcome: 'ok', status: 200, body, raw: JSON.stringify(body), attempts: [200], answeredAtMs: 5_000 });
const no = (status: number, code: string): Answer => ({ outcome: 'rejected', status, code, body: { error: { code } }, raw: '', attempts: [status], answeredAtMs: 5_000 });

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
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#OUT#D#2026-03-02', type: 'LIMIT', bucket: 'OUT#D#2026-03-02', usedFen: 500, movementCount: 2 },
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#OUT#Y#2026', type: 'LIMIT', bucket: 'OUT#Y#2026', usedFen: 500, movementCount: 2 },
    // A money-market fund's fast-redemption cap: not a Class II counter.
    { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#WEALTH-FAST#zhaozhao-money#2026-03-02', type: 'LIMIT', bucket: 'WEALTH-FAST#zhaozhao-money#2026-03-02', usedFen: 700 },
    { PK: `ACCT#${B.accountId}`, SK: 'LIMIT#IN#D#2026-03-02', type: 'LIMIT', bucket: 'IN#D#2026-03-02', usedFen: 300, movementCount: 1 },
    { PK: `ACCT#${B.accountId}`, SK: 'LIMIT#IN#Y#2026', type: 'LIMIT', bucket: 'IN#Y#2026', usedFen: 300, movementCount: 1 },
    idem('k-top', topUpBody),
    idem('k-tr', transferBody),
    idem('k-bill', billBody),
    idem('k-bill-v', voidedBody),
    idem('k-buy', buyBody),
    idem('k-cancel', cancelBody),
    // One used-up nonce per request that moved money (six: all but the refused withdrawal).
    ...Array.from({ length: 6 }, (_, n) => ({ PK: `NONCE#n${n}`, SK: 'NONCE', type: 'PAYMENT_NONCE', customerId: A.customerId })),
    // A's credit line, approved but never drawn.
    { PK: `CUST#${A.customerId}`, SK: 'CREDITLINE#consumer-credit', type: 'CREDIT_LINE', customerId: A.customerId, creditLimitFen: 10_000, usedFen: 0, availableFen: 10_000 },
  ];
  const records: OpRecord[] = [
    { op: op(0, 'topUp', 'k-top', 1_000, 'repeat'), route: 'topUp', from: A, amount: 1_000, answers: [ok(topUpBody), ok(topUpBody)], nonceIds: ['n0'] },
    { op: op(1, 'transfer', 'k-tr', 300), route: 'transfer', from: A, to: B, amount: 300, answers: [ok(transferBody)], nonceIds: ['n1'] },
    { op: op(2, 'withdraw', 'k-wd', 5_000), route: 'withdraw', from: A, amount: 5_000, answers: [no(422, 'INSUFFICIENT_FUNDS')], nonceIds: ['n-refused'] },
    { op: op(3, 'billPay', 'k-bill', undefined), route: 'billPay', from: A, amount: 200, answers: [ok(billBody)], nonceIds: ['n2'] },
    { op: op(4, 'billPay', 'k-bill-v', 50), route: 'billPay', from: A, amount: 50, answers: [ok(voidedBody)], nonceIds: ['n3'] },
    { op: { ...op(5, 'wealthBuy', 'k-buy', 100), productId: 'jijiwen-90d' }, route: 'wealth-purchase', from: A, amount: 100, answers: [ok(buyBody)], nonceIds: ['n4'] },
    { op: op(6, 'wealthCancel', 'k-cancel', undefined), route: 'wealth-cancel', from: A, orderId, amount: undefined, answers: [ok(cancelBody)], nonceIds: ['n5'] },
  ];
  return {
    items,
    records,
    opening: new Map([[A.accountId, 0], [B.accountId, 0]]),
    customerAccounts: new Set([A.accountId, B.accountId]),
    journalsBefore: new Set(),
    unkeyed: new Set(),
    limits: { dailyFen: 1_000, yearlyFen: 20_000, fastRedeemDailyFen: 1_000_000, codePayDailyFen: 500_000, staticCodeDailyFen: 50_000 },
    moneyMarketHoldingsBefore: [],
  };
}

/** The custody posting of a wealth journal names its order (domain/wealth/journals.ts). */
function withCounterparty(item: Item, accountId: string, counterparty: string): Item {
  if (item.type === 'POSTING') return item.accountId === accountId ? { ...item, counterparty } : item;
  return { ...item, postings: item.postings.map((p: Item) => (p.accountId === accountId ? { ...p, counterparty } : p)) };
}

const HELD_HOUSE = 'HOUSE-HELD-TRANSFERS~00';
const DELAYED = { ruleSetVersion: 1, outcome: 'DELAY', delayHours: 24, matched: [{ ruleId: 'VICTIM_TRANSFER', version: 1 }], acknowledged: true };

/** The sound world and a transfer of 40 from A to B the rules held (延时到账), then left held,
 *  released to B or returned to A. */
function heldWorld(status: 'HELD' | 'RELEASED' | 'RETURNED'): FinalInput {
  const w = world();
  const hold = deterministicJournalId(A.customerId, 'transfer', 'k-held');
  const release = deterministicJournalId('transfer-release', hold);
  const back = deterministicJournalId('transfer-return', hold);
  const body = { journalId: hold, kind: 'TRANSFER_HOLD', status: 'HELD', amountFen: 40, balanceFen: 460, createdAt: T, releaseAt: T };
  const completedBy = status === 'RELEASED' ? release : status === 'RETURNED' ? back : null;
  w.items.push(
    ...journal(hold, 'TRANSFER_HOLD', [[A.accountId, -40], [HELD_HOUSE, 40]], { risk: DELAYED }),
    ...(status === 'RELEASED' ? journal(release, 'TRANSFER_RELEASE', [[HELD_HOUSE, -40], [B.accountId, 40]], { completes: hold }) : []),
    ...(status === 'RETURNED' ? journal(back, 'TRANSFER_RETURN', [[HELD_HOUSE, -40], [A.accountId, 40]], { completes: hold }) : []),
    { PK: `ACCT#${HELD_HOUSE}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: status === 'HELD' ? 40 : 0 },
    { PK: `JRNL#${hold}`, SK: 'HELDTRANSFER', type: 'HELD_TRANSFER', holdJournalId: hold, customerId: A.customerId, accountId: A.accountId, payeeAccountId: B.accountId, amountFen: 40, status, completedBy },
    ...(status === 'HELD'
      ? [
          { PK: 'HELDDUE#00', SK: `${T}#${hold}`, type: 'HELD_TRANSFER_DUE', holdJournalId: hold },
          { PK: `CUST#${A.customerId}`, SK: `HELDOPEN#${hold}`, type: 'HELD_TRANSFER_OPEN', releaseAt: T },
        ]
      : []),
    idem('k-held', body),
  );
  const balance = (accountId: string) => w.items.find((i) => i.type === 'ACCOUNT' && i.accountId === accountId)!;
  if (status !== 'RETURNED') balance(A.accountId).balanceFen -= 40;
  if (status === 'RELEASED') balance(B.accountId).balanceFen += 40;
  // Counted on both sides when asked for, unless it was returned.
  if (status !== 'RETURNED') {
    for (const i of w.items.filter((i) => i.type === 'LIMIT' && /^(IN|OUT)#/.test(String(i.bucket)))) {
      i.usedFen += 40;
      i.movementCount += 1;
    }
  }
  w.records.push({ op: op(7, 'transfer', 'k-held', 40), route: 'transfer', from: A, to: B, amount: 40, answers: [ok(body)], nonceIds: ['n-held'] });
  w.items.push({ PK: 'NONCE#n-held', SK: 'NONCE', type: 'PAYMENT_NONCE', customerId: A.customerId });
  return w;
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
    ['a transfer paid with no anti-fraud decision', (w) => { delete w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'TRANSFER')!.risk; }, /has no anti-fraud decision/],
    ['a bill paid with no anti-fraud decision', (w) => { delete w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'BILL_HOLD')!.risk; }, /bill payment .* has no anti-fraud decision/],
    ['a bill paid under a DELAY', (w) => { w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'BILL_HOLD')!.risk = { ...ALLOWED, outcome: 'DELAY', acknowledged: true }; }, /bill payment .* was paid under the decision DELAY/],
    ['a warned transfer paid unconfirmed', (w) => { w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'TRANSFER')!.risk = { ...ALLOWED, outcome: 'WARN', matched: [{ ruleId: 'VICTIM_TRANSFER', version: 1 }] }; }, /warned about and paid without the customer's confirmation/],
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
    ['a void that did not take its movement off the day\'s count', (w) => { w.items.find((i) => i.bucket === 'OUT#D#2026-03-02')!.movementCount = 3; }, /OUT#D#2026-03-02 counts 3 movements, the ledger 2/],
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
    // The second factor's cases.
    ['a replayed nonce accepted', (w) => { record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: false, answer: ok({ journalId: 'x' }) }; }, /nonce replayed under key k-top-nr: answered 200/],
    ['a replayed nonce answered something else than used', (w) => { record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: false, answer: no(403, 'NONCE_MISMATCH') }; }, /answered 403 NONCE_MISMATCH, not NONCE_USED/],
    ['a replayed nonce that paid twice', (w) => {
      record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: false, answer: no(409, 'NONCE_USED') };
      w.items.push(...journal(deterministicJournalId(A.customerId, 'topUp', 'k-top-nr'), 'TOP_UP', [[A.accountId, 1_000], [HOUSE, -1_000]]));
    }, /the nonce paid twice/],
    ['a nonce bound to its key replayed under another and refused otherwise than mismatched', (w) => { record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: true, answer: no(409, 'NONCE_USED') }; }, /bound to its key replayed under key k-top-nr: answered 409 NONCE_USED, not 403 NONCE_MISMATCH/],
    ['a nonce for another amount accepted', (w) => { record(w, 'k-tr').nonceMismatch = { key: 'k-tr', change: 'amount', answer: ok({ journalId: 'x' }) }; }, /nonce for another amount under key k-tr: answered 200 .*, not 403 NONCE_MISMATCH/],
    ['a mismatched nonce that wrote a journal under its own key', (w) => {
      record(w, 'k-tr').nonceMismatch = { key: 'k-tr-mm', change: 'payee', answer: no(403, 'NONCE_MISMATCH') };
      w.items.push(...journal(deterministicJournalId(A.customerId, 'transfer', 'k-tr-mm'), 'TRANSFER', [[A.accountId, -300], [B.accountId, 300]]));
    }, /another payee under key k-tr-mm: TRANSFER .* is in the ledger/],
    ['a nonce refused for a request that should have been sent', (w) => { record(w, 'k-wd').authorizationRefused = no(404, 'PAYEE_NOT_FOUND'); }, /its nonce was refused/],
    ['a nonce used up by a request that moved no money', (w) => { w.items.push({ PK: 'NONCE#extra', SK: 'NONCE', type: 'PAYMENT_NONCE' }); }, /nonce extra was used up, but no request that moved money carried it/],
    ['a success that left its nonce unused', (w) => { w.items = w.items.filter((i) => i.PK !== 'NONCE#n0'); }, /0 topUp .*: moved money, but its nonce n0 was not used up/],
    ['a success that used up another nonce', (w) => { w.items = w.items.map((i) => (i.PK === 'NONCE#n1' ? { ...i, PK: 'NONCE#someone-else' } : i)); }, /nonce someone-else was used up, but no request that moved money carried it/],
    ['a success that used up two nonces', (w) => { record(w, 'k-top').nonceIds = ['n0', 'n9']; w.items.push({ PK: 'NONCE#n9', SK: 'NONCE', type: 'PAYMENT_NONCE' }); }, /moved money once, but used up 2 nonces/],
    ['a transfer whose nonce, bound to its key, wrote an item its journal made needless', (w) => { record(w, 'k-tr').nonceBoundToKey = true; }, /1 transfer .*: its nonce was bound to its key, whose journal uses it up, yet nonce item n1 was written/],
    ['a refusal that used up its nonce', (w) => { w.items.push({ PK: 'NONCE#n-refused', SK: 'NONCE', type: 'PAYMENT_NONCE' }); }, /refused \(422 INSUFFICIENT_FUNDS\), yet its nonce n-refused was used up/],
    ['a nonce for another amount used up', (w) => {
      record(w, 'k-tr').nonceMismatch = { key: 'k-tr-mm', change: 'amount', answer: no(403, 'NONCE_MISMATCH'), nonceId: 'mm' };
      w.items.push({ PK: 'NONCE#mm', SK: 'NONCE', type: 'PAYMENT_NONCE' });
    }, /the nonce asked for another amount was used up/],
    ['the nonce of another body under a reused key used up', (w) => {
      record(w, 'k-tr').reuseNonceId = 'rn';
      w.items.push({ PK: 'NONCE#rn', SK: 'NONCE', type: 'PAYMENT_NONCE' });
    }, /the nonce of the other body sent under the key was used up/],
  ];
  for (const [what, change, expected] of cases) {
    test(`reports ${what}`, () => {
      const violations = violationsOf(change);
      assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
    });
  }

  test('a used-up nonce gone after its expiry (TTL) proves nothing either way', () => {
    const gone = (w: FinalInput) => {
      w.items = w.items.filter((i) => i.PK !== 'NONCE#n0');
      w.nonceExpiresAtMs = new Map([['n0', 1_000]]);
      w.scannedAtMs = 1_000 + 61_000;
    };
    const w = world();
    gone(w);
    const result = finalCheck(w);
    assert.deepEqual(result.violations, []);
    assert.equal(result.noncesExpiredAway, 1);
    // Not yet a minute past its expiry: it must still be there.
    assert.match(violationsOf((x) => { gone(x); x.scannedAtMs = 1_000 + 59_000; }).join('\n'), /moved money, but its nonce n0 was not used up/);
  });

  test('a nonce bound to the key of a transfer is used up by its journal: no nonce item, no violation', () => {
    assert.deepEqual(violationsOf((w) => { record(w, 'k-tr').nonceBoundToKey = true; w.items = w.items.filter((i) => i.PK !== 'NONCE#n1'); }), []);
  });

  test('a replayed nonce may meet a rule first (a 422 stored for its key), and a payee nobody has is refused its nonce', () => {
    assert.deepEqual(violationsOf((w) => { record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: false, answer: no(422, 'INSUFFICIENT_FUNDS') }; }), []);
    assert.deepEqual(violationsOf((w) => { record(w, 'k-top').nonceReplay = { key: 'k-top-nr', bound: false, answer: no(409, 'NONCE_USED') }; }), []);
    assert.deepEqual(violationsOf((w) => {
      w.records.push({ op: { ...op(9, 'transfer', 'k-nobody', 5), to: 'stranger' }, route: 'transfer', from: A, amount: 5, answers: [], authorizationRefused: no(404, 'PAYEE_NOT_FOUND') });
    }), []);
  });

  test('a success DynamoDB Local lost when it was killed is checked as all or nothing, and only in the kill window', () => {
    // The transfer's whole transaction gone, as the emulator loses a write it acknowledged just
    // before kill -9: no journal, no used-up nonce, its key still in flight, balances untouched.
    const transfer = deterministicJournalId(A.customerId, 'transfer', 'k-tr');
    const lost = (w: FinalInput) => {
      w.items = w.items
        .filter((i) => (i.journalId !== transfer && i.PK !== 'NONCE#n1' && i.PK !== `ACCT#${B.accountId}`) || i.SK === 'BALANCE')
        .map((i) => {
          if (i.PK === 'IDEM#x#k-tr') return { ...i, status: 'IN_FLIGHT', response: undefined };
          if (i.SK === 'BALANCE' && i.PK === `ACCT#${A.accountId}`) return { ...i, balanceFen: 800 };
          if (i.SK === 'BALANCE' && i.PK === `ACCT#${B.accountId}`) return { ...i, balanceFen: 0 };
          if (String(i.bucket).startsWith('OUT#')) return { ...i, usedFen: 200, movementCount: 1 };
          return i;
        });
    };
    const window = { fromMs: 4_990, toMs: 9_000 };
    const w = world();
    lost(w);
    w.killWindows = [window];
    const result = finalCheck(w);
    assert.deepEqual(result.violations, []);
    assert.equal(result.lostInKill, 1);
    // Answered before the kill: the answer is a lie.
    const before = world();
    lost(before);
    before.killWindows = [{ fromMs: 5_001, toMs: 9_000 }];
    assert.match(finalCheck(before).violations.join('\n'), /answered with journal .* which is not in the ledger/);
    // In the window but half there (its nonce used up, no journal): not all or nothing.
    const half = world();
    lost(half);
    half.items.push({ PK: 'NONCE#n1', SK: 'NONCE', type: 'PAYMENT_NONCE' });
    half.killWindows = [window];
    assert.match(finalCheck(half).violations.join('\n'), /never applied, yet its nonce n1 was used up/);
    // A bill payment whose hold is in the table but whose settlement — the last transaction,
    // which also stored the key's answer — was lost: a hold stopped before its settlement.
    const settleLost = (x: FinalInput) => {
      replaceJournal(x, paid.settle, []);
      x.items = x.items.map((i) => {
        if (i.PK === 'IDEM#x#k-bill') return { ...i, status: 'IN_FLIGHT', response: undefined };
        if (i.PK === `ACCT#${CLEARING}` && i.SK === 'BALANCE') return { ...i, balanceFen: 200 };
        if (i.PK === `ACCT#${BILLERS}` && i.SK === 'BALANCE') return { ...i, balanceFen: 0 };
        return i;
      });
    };
    const inWindow = world();
    settleLost(inWindow);
    inWindow.killWindows = [window];
    assert.deepEqual(finalCheck(inWindow).violations, []);
    assert.equal(finalCheck(inWindow).lostInKill, 1);
    const outside = world();
    settleLost(outside);
    assert.match(finalCheck(outside).violations.join('\n'), /answered SETTLED but its settlement/);
  });

  test('a success DynamoDB Local lost, redone by a repeat after the restart, is the repeat\'s answer', () => {
    // The first answer (in the kill window) is gone with the emulator's write; the repeat wrote
    // the same journal id again, at a later time, and stored that answer under the key.
    const transfer = record(world(), 'k-tr').answers[0]!.body as Record<string, unknown>;
    const lostAnswer = { ...ok({ ...transfer, createdAt: '2026-03-02T01:00:00.000Z' }), answeredAtMs: 5_000 };
    const redoneAnswer = { ...ok(transfer), answeredAtMs: 12_000 };
    const w = world();
    record(w, 'k-tr').answers = [lostAnswer, redoneAnswer, redoneAnswer];
    w.killWindows = [{ fromMs: 4_990, toMs: 9_000 }];
    const result = finalCheck(w);
    assert.deepEqual(result.violations, []);
    assert.equal(result.lostInKill, 1);
    // The same answers outside any kill window: two different successes for one key.
    const outside = world();
    record(outside, 'k-tr').answers = [lostAnswer, redoneAnswer];
    assert.match(finalCheck(outside).violations.join('\n'), /repeats got different successes/);
    // In the window, but with no repeat after it: the table must hold what it answered.
    const alone = world();
    record(alone, 'k-tr').answers = [lostAnswer];
    alone.killWindows = [{ fromMs: 4_990, toMs: 9_000 }];
    assert.equal(finalCheck(alone).lostInKill, 0);
    // Lost, and the repeat after the restart refused (the balance had moved): the refusal is the
    // request's answer — nothing of it in the table.
    const refusedAfter = world();
    const transferId = String(transfer.journalId);
    refusedAfter.items = refusedAfter.items
      .filter((i) => i.journalId !== transferId && i.PK !== 'NONCE#n1' && !String(i.bucket).startsWith('IN#'))
      .map((i) => {
        if (i.PK === 'IDEM#x#k-tr') return { ...i, response: { statusCode: 422, body: JSON.stringify({ error: { code: 'INSUFFICIENT_FUNDS' } }) } };
        if (i.SK === 'BALANCE' && i.PK === `ACCT#${A.accountId}`) return { ...i, balanceFen: 800 };
        if (i.SK === 'BALANCE' && i.PK === `ACCT#${B.accountId}`) return { ...i, balanceFen: 0 };
        if (String(i.bucket).startsWith('OUT#')) return { ...i, usedFen: 200, movementCount: 1 };
        return i;
      });
    const refusal = { ...no(422, 'INSUFFICIENT_FUNDS'), raw: JSON.stringify({ error: { code: 'INSUFFICIENT_FUNDS' } }), answeredAtMs: 12_000 };
    record(refusedAfter, 'k-tr').answers = [lostAnswer, refusal];
    assert.match(finalCheck(refusedAfter).violations.join('\n'), /answered 200 and 422 INSUFFICIENT_FUNDS/);
    refusedAfter.killWindows = [{ fromMs: 4_990, toMs: 9_000 }];
    assert.deepEqual(finalCheck(refusedAfter).violations, []);
  });

  test('a snapshot must sum to 0 with no customer below 0', () => {
    const customers = new Set(['a', 'b']);
    assert.deepEqual(snapshotViolations({ total: 0, balances: new Map([['a', 5], ['b', 0], ['HOUSE-X', -5]]) }, customers), []);
    assert.match(snapshotViolations({ total: 1, balances: new Map([['a', 6], ['HOUSE-X', -5]]) }, customers).join(), /sum to 1/);
    assert.match(snapshotViolations({ total: 0, balances: new Map([['a', -1], ['HOUSE-X', 1]]) }, customers).join(), /is at -1/);
  });
});

describe('the PIN race checker', () => {
  const M = 5;
  const incorrect = (left: number) => ({ ...no(403, 'PIN_INCORRECT'), body: { error: { code: 'PIN_INCORRECT', message: `支付密码错误，还可尝试 ${left} 次` } } });
  const locked = () => no(423, 'PIN_LOCKED');
  const until = '2999-01-01T00:00:00.000Z';
  /** 6 wrong PINs with the right one: 4 told "wrong", the 5th locks, the 6th finds the lock; the
   *  right one came too late; the racer is locked and the right PIN after it is refused. */
  const race = (): RaceOutcome => ({
    index: 0,
    maxAttempts: M,
    wrong: [incorrect(4), incorrect(3), incorrect(2), incorrect(1), locked(), locked()],
    right: locked(),
    probe: locked(),
    customer: { type: 'CUSTOMER', customerId: 'r', pinFailedAttempts: 0, pinLockedUntil: until },
    now: new Date('2026-03-02T04:00:00.000Z'),
  });
  const violationsOfRace = (change: (r: RaceOutcome) => void) => {
    const r = race();
    change(r);
    return raceViolations(r);
  };

  test('passes a sound race, and one where the right PIN came first and started a new budget', () => {
    assert.deepEqual(raceViolations(race()), []);
    assert.deepEqual(violationsOfRace((r) => {
      r.wrong = [incorrect(4), incorrect(3), incorrect(4), incorrect(3), incorrect(2), incorrect(1)];
      r.right = ok({ journalId: 'j' });
      r.probe = ok({ journalId: 'p' });
      r.customer = { type: 'CUSTOMER', customerId: 'r', pinFailedAttempts: 4, pinLockedUntil: null };
    }), []);
  });

  const cases: [string, (r: RaceOutcome) => void, RegExp][] = [
    ['a wrong PIN accepted', (r) => { r.wrong[5] = ok({ journalId: 'x' }); }, /a wrong PIN was accepted/],
    ['a wrong PIN answered otherwise', (r) => { r.wrong[5] = no(403, 'NONCE_USED'); }, /a wrong PIN was answered 403 NONCE_USED/],
    ['the right PIN answered otherwise', (r) => { r.right = no(403, 'PIN_INCORRECT'); }, /the right PIN was answered 403 PIN_INCORRECT/],
    ['two guesses counted as one', (r) => { r.wrong[1] = incorrect(4); }, /"4 tries left" was said 2 times in 1 budget/],
    ['more wrong PINs checked than one budget holds', (r) => { r.wrong[4] = incorrect(1); r.wrong[5] = incorrect(2); }, /answered as checked, more than 4 per budget/],
    ['a count the message cannot have', (r) => { r.wrong[0] = incorrect(5); }, /not 1…4 tries left/],
    ['a lock lifted by the right PIN paid after it', (r) => {
      r.right = ok({ journalId: 'j' });
      r.probe = ok({ journalId: 'p' });
      r.customer = { type: 'CUSTOMER', customerId: 'r', pinFailedAttempts: 0, pinLockedUntil: null };
    }, /the lock was reached .* but the racer is not locked afterwards: a payment lifted it/],
    ['the right PIN accepted after the lock', (r) => { r.probe = ok({ journalId: 'p' }); }, /the right PIN after the lock was answered 200/],
    ['a spent budget with no lock', (r) => { r.customer = { type: 'CUSTOMER', customerId: 'r', pinFailedAttempts: 5, pinLockedUntil: null }; }, /5 wrong PINs counted but no lock set/],
    ['the right PIN refused while not locked', (r) => {
      r.wrong = [incorrect(4), incorrect(3), incorrect(4), incorrect(3), incorrect(2), incorrect(1)];
      r.right = ok({ journalId: 'j' });
      r.customer = { type: 'CUSTOMER', customerId: 'r', pinFailedAttempts: 4, pinLockedUntil: null };
    }, /not locked, yet the right PIN was answered 423 PIN_LOCKED/],
  ];
  for (const [what, change, expected] of cases) {
    test(`reports ${what}`, () => {
      const violations = violationsOfRace(change);
      assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
    });
  }
});

describe('the bank checker on delayed transfers (延时到账)', () => {
  for (const status of ['HELD', 'RELEASED', 'RETURNED'] as const) {
    test(`passes a transfer held, then ${status.toLowerCase()}`, () => {
      assert.deepEqual(finalCheck(heldWorld(status)).violations, []);
    });
  }

  const broken = (status: 'HELD' | 'RELEASED' | 'RETURNED', change: (w: FinalInput) => void) => {
    const w = heldWorld(status);
    change(w);
    return finalCheck(w).violations.join('\n');
  };
  const heldRecord = (w: FinalInput) => w.items.find((i) => i.type === 'HELD_TRANSFER')!;

  test('reports a hold released and returned both', () => {
    const hold = deterministicJournalId(A.customerId, 'transfer', 'k-held');
    const back = deterministicJournalId('transfer-return', hold);
    assert.match(broken('RELEASED', (w) => w.items.push(...journal(back, 'TRANSFER_RETURN', [[HELD_HOUSE, -40], [A.accountId, 40]], { completes: hold }))), /both released and returned/);
  });

  test('reports a record that says HELD for a hold the ledger released', () => {
    assert.match(broken('RELEASED', (w) => Object.assign(heldRecord(w), { status: 'HELD' })), /HELD, yet TRANSFER_RELEASE is in the ledger/);
  });

  test('reports a hold the release job could never find', () => {
    assert.match(broken('HELD', (w) => { w.items = w.items.filter((i) => i.type !== 'HELD_TRANSFER_DUE'); }), /not in the due index/);
  });

  test('reports a hold 销户 would not wait for', () => {
    assert.match(broken('HELD', (w) => { w.items = w.items.filter((i) => i.type !== 'HELD_TRANSFER_OPEN'); }), /not open in its customer's partition/);
  });

  test('reports a completed hold left in the due index', () => {
    assert.match(broken('RETURNED', (w) => w.items.push({ PK: 'HELDDUE#00', SK: `${T}#x`, type: 'HELD_TRANSFER_DUE', holdJournalId: heldRecord(w).holdJournalId })), /RETURNED, yet still in the due index/);
  });

  test('reports a hold written without a confirmed DELAY decision', () => {
    assert.match(broken('HELD', (w) => { w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'TRANSFER_HOLD')!.risk = { ...DELAYED, outcome: 'WARN' }; }), /held under the decision WARN/);
    assert.match(broken('HELD', (w) => { w.items.find((i) => i.type === 'JOURNAL' && i.kind === 'TRANSFER_HOLD')!.risk = { ...DELAYED, acknowledged: false }; }), /without the customer's confirmation/);
  });

  test('reports a returned hold whose limits were not given back', () => {
    assert.match(broken('RETURNED', (w) => { w.items.find((i) => i.bucket === 'OUT#D#2026-03-02')!.usedFen += 40; }), /OUT#D#2026-03-02 holds 540/);
  });
});


describe('the bank checker on the open platform', () => {
  const P = 'PBANKTST';
  const M = 'MBANKTEST0000001';
  const WALLET = `WALLET-${M}`;
  const RESERVE = `RESERVE-${P}`;
  const FEES = 'HOUSE-MERCHANT-FEE-INCOME~00';
  const CLEARING_OUT = 'HOUSE-SETTLEMENT-CLEARING~00';
  const O = 'O0000000000000000001';
  const payJ = deterministicJournalId(A.customerId, 'merchantOrderPay', 'k-pay');
  const paidEvent = openEventId('order.paid', O);
  const refundEvents = [openEventId('refund.succeeded', 'R1'), openEventId('refund.succeeded', 'R2')];
  const event = (eventId: string, type: string): Item => ({ PK: `PARTNERDATA#${P}`, SK: `WHEVENT#${T}#${eventId}`, type: 'WEBHOOK_EVENT', event: { eventId, partnerId: P, type }, deliveries: [{ url: 'http://127.0.0.1:1/webhooks/jinlin', status: 'DELIVERED' }], dueAt: null });
  const refundItem = (refundId: string, outRefundNo: string, amountFen: number, feeRefundFen: number, source: string, journalId: string): Item => ({
    PK: `MREFUND#${refundId}`, SK: 'REFUND', type: 'MERCHANT_REFUND', refundId, partnerId: P, orderId: O, merchantId: M, outRefundNo, amountFen, feeRefundFen, source, journalId,
  });

  /** The sound world and an order of 100 (fee 1) A paid to merchant M: 40 refunded from the
   *  wallet, the wallet then paid out (30, what it held), 60 more refunded from the partner's
   *  reserve (funded with 100), the fee's 1 given back; an event for the payment and each refund,
   *  each delivered and applied once by the partner. */
  function openWorld(): FinalInput {
    const w = world();
    const payBody = { journalId: payJ, order: { orderId: O, amountFen: 100 }, balanceFen: 400 };
    w.items.push(
      ...journal(payJ, 'MERCHANT_PAYMENT', [[A.accountId, -100], [WALLET, 99], [FEES, 1]]).map((i) => withCounterparty(i, WALLET, O)),
      ...journal('J-rf1', 'MERCHANT_REFUND', [[A.accountId, 40], [WALLET, -40]]),
      ...journal('J-payout', 'MERCHANT_SETTLEMENT', [[WALLET, -30], [CLEARING_OUT, 30]], { origin: 'DAY_CLOSE' }),
      ...journal('J-dep', 'RESERVE_DEPOSIT', [[RESERVE, 100], [CLEARING_OUT, -100]]),
      ...journal('J-rf2', 'MERCHANT_REFUND', [[A.accountId, 60], [RESERVE, -59], [FEES, -1]]),
      { PK: `MORDER#${O}`, SK: 'ORDER', type: 'MERCHANT_ORDER', orderId: O, partnerId: P, merchantId: M, outTradeNo: 'T0001', amountFen: 100, status: 'PAID', feeFen: 1, payerAccountId: A.accountId, paymentJournalId: payJ, refundedFen: 100, refundedFeeFen: 1, refundCount: 2 },
      { PK: `PARTNERDATA#${P}`, SK: `SETTLE#2026-03-02#${M}`, type: 'MERCHANT_SETTLEMENT', settlementId: 'S20260302BANKTEST0000001', partnerId: P, merchantId: M, amountFen: 30, status: 'PAID', journalId: 'J-payout', gatewayReference: 'SIMPAY0001' },
      refundItem('R1', 'RN0001', 40, 0, 'WALLET', 'J-rf1'),
      refundItem('R2', 'RN0002', 60, 1, 'RESERVE', 'J-rf2'),
      { PK: `ACCT#${WALLET}`, SK: 'BALANCE', type: 'WALLET', partnerId: P, balanceFen: 29 },
      { PK: `ACCT#${RESERVE}`, SK: 'BALANCE', type: 'RESERVE', partnerId: P, balanceFen: 41 },
      { PK: `ACCT#${FEES}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: 0 },
      { PK: `ACCT#${CLEARING_OUT}`, SK: 'BALANCE', type: 'HOUSE', balanceFen: -70 },
      event(paidEvent, 'order.paid'),
      event(refundEvents[0]!, 'refund.succeeded'),
      event(refundEvents[1]!, 'refund.succeeded'),
      { PK: 'NONCE#n-pay', SK: 'NONCE', type: 'PAYMENT_NONCE', customerId: A.customerId },
      idem('k-pay', payBody),
    );
    // The payment is a non-bound outflow of A's, and a code payment; the refunds give nothing back.
    for (const i of w.items.filter((i) => i.type === 'LIMIT' && String(i.bucket).startsWith('OUT#'))) {
      i.usedFen += 100;
      i.movementCount += 1;
    }
    w.items.push({ PK: `ACCT#${A.accountId}`, SK: 'LIMIT#CODEPAY#D#2026-03-02', type: 'LIMIT', bucket: 'CODEPAY#D#2026-03-02', usedFen: 100, movementCount: 1 });
    w.records.push({ op: op(8, 'merchantPay', 'k-pay', 100), route: 'merchantOrderPay', from: A, orderId: O, amount: 100, answers: [ok(payBody)], nonceIds: ['n-pay'] });
    w.openPlatform = {
      partnerId: P,
      merchantIds: [M],
      requests: [
        { kind: 'create', key: 'k-o1', outTradeNo: 'T0001', amountFen: 100, answers: [ok({ orderId: O, state: 'UNPAID' })] },
        { kind: 'refund', key: 'k-rf1', orderId: O, outRefundNo: 'RN0001', amountFen: 40, answers: [ok({ refundId: 'R1', amountFen: 40, fundsSource: 'WALLET' })] },
        { kind: 'refund', key: 'k-rf1-again', orderId: O, outRefundNo: 'RN0001', amountFen: 40, answers: [ok({ refundId: 'R1', amountFen: 40, fundsSource: 'WALLET' })] },
        { kind: 'refund', key: 'k-rf2', orderId: O, outRefundNo: 'RN0002', amountFen: 60, answers: [ok({ refundId: 'R2', amountFen: 60, fundsSource: 'RESERVE' })] },
      ],
      deposits: new Map([['J-dep', 100]]),
      received: [{ id: paidEvent, type: 'order.paid', timesAcknowledged: 2 }, ...refundEvents.map((id) => ({ id, type: 'refund.succeeded', timesAcknowledged: 1 }))],
      refused: 0,
      sales: [],
    };
    return w;
  }
  const broken = (change: (w: FinalInput) => void) => {
    const w = openWorld();
    change(w);
    return finalCheck(w).violations;
  };
  const order = (w: FinalInput) => w.items.find((i) => i.type === 'MERCHANT_ORDER')!;
  const balanceOf = (w: FinalInput, accountId: string) => w.items.find((i) => i.SK === 'BALANCE' && i.PK === `ACCT#${accountId}`)!;

  test('passes a sound run: a payment, a refund from the wallet, a payout, a refund from the reserve', () => {
    const result = finalCheck(openWorld());
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.openPlatform, { orders: 1, paid: 1, refunds: 2, fromReserve: 1, events: 3, payouts: 1, staticOrders: 0, staticRefunds: 0 });
  });

  const cases: [string, (w: FinalInput) => void, RegExp][] = [
    ['an order refunded beyond what was paid', (w) => { order(w).refundedFen = 120; }, /refunded 120 of 100 paid/],
    ['more of the fee given back than was charged', (w) => { order(w).refundedFeeFen = 2; }, /gave back 2 of a fee of 1/],
    ['an order paid twice', (w) => { w.items.push(...journal('J-pay2', 'MERCHANT_PAYMENT', [[B.accountId, -100], [WALLET, 99], [FEES, 1]]).map((i) => withCounterparty(i, WALLET, O))); }, /paid 2 times/],
    ['an order left unpaid by its payment', (w) => { order(w).status = 'UNPAID'; }, /UNPAID with 1 payment journal/],
    ['an order paid with no payment journal', (w) => { replaceJournal(w, payJ, []); }, /PAID with 0 payment journal/],
    ['refunds that do not add up to the order\'s total', (w) => { w.items = w.items.filter((i) => i.refundId !== 'R2'); }, /refunds add up to 40, the order says 100 refunded/],
    ['a refund whose journal is missing', (w) => { w.items = w.items.filter((i) => !(i.journalId === 'J-rf1' && (i.type === 'JOURNAL' || i.type === 'POSTING'))); }, /refund R1 .* the ledger holds J-rf1 undefined/],
    ['a refund journal with no refund', (w) => { w.items.push(...journal('J-rf3', 'MERCHANT_REFUND', [[A.accountId, 1], [WALLET, -1]])); }, /refund journal J-rf3 has no refund/],
    ['a wallet below zero', (w) => { balanceOf(w, WALLET).balanceFen = -1; }, /wallet WALLET-MBANKTEST0000001 is negative: -1/],
    ['a reserve below zero', (w) => { balanceOf(w, RESERVE).balanceFen = -1; }, /reserve RESERVE-PBANKTST is negative: -1/],
    ['a wallet debited by something other than its refunds and payouts', (w) => {
      w.items.push(...journal('J-stray', 'MERCHANT_REFUND_FIX', [[WALLET, -5], [CLEARING_OUT, 5]]));
      balanceOf(w, WALLET).balanceFen -= 5;
      balanceOf(w, CLEARING_OUT).balanceFen += 5;
    }, /wallet WALLET-MBANKTEST0000001: payments less wallet-funded refunds come to 59, it holds 24 and 30 was paid out/],
    ['a refund from the reserve booked as from the wallet', (w) => { w.items.find((i) => i.refundId === 'R2')!.source = 'WALLET'; }, /refund R2 .*\(59 from the wallet\)/],
    ['a reserve deposit the run did not book', (w) => { w.openPlatform!.deposits = new Map([['J-dep', 90]]); }, /reserve deposit J-dep of 100: the run booked 90/],
    ['a refund with no event', (w) => { w.items = w.items.filter((i) => i.event?.eventId !== refundEvents[1]); }, /refund.succeeded event .*: 0 stored/],
    ['an event not delivered', (w) => { w.items.find((i) => i.event?.eventId === paidEvent)!.deliveries = [{ url: 'u', status: 'PENDING' }]; }, /not all DELIVERED/],
    ['an event the partner never got', (w) => { w.openPlatform!.received = w.openPlatform!.received.slice(1); }, /order.paid event .*: the partner holds \[\], not the event once/],
    ['an event the partner applied twice', (w) => { w.openPlatform!.received.push({ id: paidEvent, type: 'order.paid', timesAcknowledged: 1 }); }, /order.paid event .*: the partner holds .*, not the event once/],
    ['an event for an order nobody paid', (w) => { w.items.push(event(openEventId('order.paid', 'O0000000000000000002'), 'order.paid')); }, /order.paid event .* for no payment or refund/],
    ['a refund the partner was told was refused', (w) => { w.openPlatform!.requests[1]!.answers = [no(422, 'REFUND_EXCEEDS_PAID')]; w.openPlatform!.requests.splice(2, 1); }, /refund RN0001 .* refused \(422 REFUND_EXCEEDS_PAID\), yet refund R1 was made/],
    ['one refund number answered as two refunds', (w) => { w.openPlatform!.requests[2]!.answers = [ok({ refundId: 'R9', amountFen: 40, fundsSource: 'WALLET' })]; }, /answered as different refunds R1, R9/],
    ['a payment not counted against the Class II limit', (w) => { w.items.find((i) => i.bucket === 'OUT#D#2026-03-02')!.usedFen -= 100; }, /OUT#D#2026-03-02 holds 500, transfers and bill payments sum to 600/],
    ['a settlement of another amount than its journal took', (w) => { w.items.find((i) => i.settlementId)!.amountFen = 31; }, /settlement S20260302BANKTEST0000001 of 31: its journal took 30/],
    ['a settlement said RETURNED with its journal never returned', (w) => { w.items.find((i) => i.settlementId)!.status = 'RETURNED'; }, /is RETURNED, its journal was not returned/],
    ['a settlement PAID without the gateway’s reference', (w) => { w.items.find((i) => i.settlementId)!.gatewayReference = null; }, /is PAID without the gateway's reference/],
    ['a payment the customer was told of with no journal of its own', (w) => { record(w, 'k-pay').answers = [ok({ journalId: 'J-other', order: { orderId: O, amountFen: 100 }, balanceFen: 400 })]; }, /answered with journal J-other, which is not in the ledger/],
    ['a payment not counted against the code-payment cap', (w) => { w.items.find((i) => i.bucket === 'CODEPAY#D#2026-03-02')!.usedFen = 0; }, /limit counter acct-a\|CODEPAY#D#2026-03-02 holds 0, the payments to merchants come to 100/],
    ['payments to merchants past the code-payment cap', (w) => { w.limits.codePayDailyFen = 99; }, /code-payment cap exceeded: acct-a\|CODEPAY#D#2026-03-02 paid merchants 100 > 99/],
  ];
  for (const [what, change, expected] of cases) {
    test(`reports ${what}`, () => {
      const violations = broken(change);
      assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
    });
  }

  describe('static codes (收款码)', () => {
    const S = 'O00000000000000STAT1';
    const codeJ = deterministicJournalId(A.customerId, 'merchantCodePay', 'k-code');
    const overJ = deterministicJournalId(A.customerId, 'merchantCodePay', 'k-code-over');
    const staticPaidEvent = openEventId('order.paid', S);
    const staticRefundEvent = openEventId('refund.succeeded', 'R3');
    const codeBody = { journalId: codeJ, order: { orderId: S, amountFen: 30, state: 'PAID' }, balanceFen: 470 };
    const staticOrder = (): Item => ({
      PK: `MORDER#${S}`, SK: 'ORDER', type: 'MERCHANT_ORDER', orderId: S, partnerId: P, merchantId: M, source: 'STATIC_CODE', outTradeNo: null, amountFen: 30, status: 'PAID', feeFen: 0,
      paidAt: T, payerCustomerId: A.customerId, payerAccountId: A.accountId, paymentJournalId: codeJ, refundedFen: 10, refundedFeeFen: 0, refundCount: 1,
    });

    /** The open world and A paying M's static code 30 (its order made paid; the same request sent
     *  again, answered the same), a second static payment refused at the day's cap, and the
     *  partner refunding 10 of the static order from the wallet; the partner booked the sale from
     *  its order.paid. */
    function staticWorld(): FinalInput {
      const w = openWorld();
      w.items.push(
        ...journal(codeJ, 'MERCHANT_PAYMENT', [[A.accountId, -30], [WALLET, 30]]).map((i) => withCounterparty(i, WALLET, S)),
        ...journal('J-rf3', 'MERCHANT_REFUND', [[A.accountId, 10], [WALLET, -10]]),
        staticOrder(),
        { PK: 'MREFUND#R3', SK: 'REFUND', type: 'MERCHANT_REFUND', refundId: 'R3', partnerId: P, orderId: S, merchantId: M, outRefundNo: 'RN0003', amountFen: 10, feeRefundFen: 0, source: 'WALLET', journalId: 'J-rf3' },
        event(staticPaidEvent, 'order.paid'),
        event(staticRefundEvent, 'refund.succeeded'),
        { PK: `ACCT#${A.accountId}`, SK: 'LIMIT#STATICCODE#D#2026-03-02', type: 'LIMIT', bucket: 'STATICCODE#D#2026-03-02', usedFen: 30, movementCount: 1 },
        { PK: 'NONCE#n-code', SK: 'NONCE', type: 'PAYMENT_NONCE', customerId: A.customerId },
        idem('k-code', codeBody),
        idem('k-code-over', { error: { code: 'STATIC_CODE_LIMIT_EXCEEDED' } }),
      );
      balanceOf(w, A.accountId).balanceFen -= 20;
      balanceOf(w, WALLET).balanceFen += 20;
      for (const i of w.items.filter((i) => i.type === 'LIMIT' && /^(OUT|CODEPAY)#/.test(String(i.bucket)))) {
        i.usedFen += 30;
        i.movementCount += 1;
      }
      w.records.push(
        { op: op(10, 'codePay', 'k-code', 30, 'repeat'), route: 'merchantCodePay', from: A, merchantId: M, amount: 30, answers: [ok(codeBody), ok(codeBody)], nonceIds: ['n-code'] },
        { op: op(11, 'codePay', 'k-code-over', 49_990), route: 'merchantCodePay', from: A, merchantId: M, amount: 49_990, answers: [no(422, 'STATIC_CODE_LIMIT_EXCEEDED')], nonceIds: ['n-over'] },
      );
      const open = w.openPlatform!;
      open.requests.push({ kind: 'refund', key: 'k-rf3', orderId: S, outRefundNo: 'RN0003', amountFen: 10, answers: [ok({ refundId: 'R3', amountFen: 10, fundsSource: 'WALLET' })] });
      open.received.push({ id: staticPaidEvent, type: 'order.paid', timesAcknowledged: 1 }, { id: staticRefundEvent, type: 'refund.succeeded', timesAcknowledged: 1 });
      // The sale booked from its order.paid, then its refund applied to it.
      open.sales = [{ orderId: S, outTradeNo: null, merchantId: M, amountFen: 30, state: 'PAID', appliedEventIds: [staticPaidEvent, staticRefundEvent] }];
      return w;
    }
    const brokenStatic = (change: (w: FinalInput) => void) => {
      const w = staticWorld();
      change(w);
      return finalCheck(w).violations;
    };
    const theOrder = (w: FinalInput) => w.items.find((i) => i.orderId === S && i.type === 'MERCHANT_ORDER')!;

    test('passes a sound run: a static code paid (sent again, one order), one refused at the cap, a refund of the static order; the wallet holds both orders', () => {
      const result = finalCheck(staticWorld());
      assert.deepEqual(result.violations, []);
      assert.deepEqual(result.openPlatform, { orders: 2, paid: 2, refunds: 3, fromReserve: 1, events: 5, payouts: 1, staticOrders: 1, staticRefunds: 1 });
    });

    const staticCases: [string, (w: FinalInput) => void, RegExp][] = [
      ['a day of static-code orders past the cap', (w) => { w.limits.staticCodeDailyFen = 29; }, /static-code cap exceeded: acct-a\|STATICCODE#D#2026-03-02 — its static-code orders come to 30 > 29/],
      ['a second static-code order the same day that takes the day past the cap', (w) => {
        const other = deterministicJournalId(A.customerId, 'merchantCodePay', 'k-code-2');
        w.items.push({ ...staticOrder(), PK: 'MORDER#O00000000000000STAT2', orderId: 'O00000000000000STAT2', amountFen: 49_990, paymentJournalId: other, refundedFen: 0, refundCount: 0 });
      }, /static-code cap exceeded: acct-a\|STATICCODE#D#2026-03-02 — its static-code orders come to 50020 > 50000/],
      ['a static-code payment not counted against the static codes\' cap', (w) => { w.items.find((i) => i.bucket === 'STATICCODE#D#2026-03-02')!.usedFen = 0; }, /limit counter acct-a\|STATICCODE#D#2026-03-02 holds 0, the static-code orders come to 30/],
      ['a static-code payment answered 200 without its order', (w) => { w.items = w.items.filter((i) => i.PK !== `MORDER#${S}`); }, /10 codePay 30 key k-code: answered static-code order O00000000000000STAT1, the table holds null/],
      ['a static-code order of another merchant than the code paid', (w) => { theOrder(w).merchantId = 'MOTHERMERCHANT01'; }, /answered static-code order .*"merchantId":"MOTHERMERCHANT01"/],
      ['a static-code order of another payer', (w) => { theOrder(w).payerAccountId = B.accountId; }, /answered static-code order .*"payerAccountId":"acct-b"/],
      ['a static-code order of another amount', (w) => { theOrder(w).amountFen = 31; }, /answered static-code order .*"amountFen":31/],
      ['a static-code order the partner could not tell from its own', (w) => { theOrder(w).outTradeNo = 'T0002'; }, /answered static-code order .*"outTradeNo":"T0002"/],
      ['the same key answered as two orders', (w) => { record(w, 'k-code').answers[1] = ok({ ...codeBody, order: { ...codeBody.order, orderId: 'O00000000000000STAT9' } }); }, /the same key answered as different orders O00000000000000STAT1, O00000000000000STAT9/],
      ['a static-code payment refused that made its order', (w) => { w.items.push({ ...staticOrder(), PK: 'MORDER#O00000000000000STAT3', orderId: 'O00000000000000STAT3', paymentJournalId: overJ }); }, /k-code-over: refused \(422 STATIC_CODE_LIMIT_EXCEEDED\) but order O00000000000000STAT3 was made by its payment/],
      ['a static-code payment nobody learnt of whose order is there without its journal', (w) => {
        record(w, 'k-code-over').answers = [{ outcome: 'unknown', status: 503, raw: '', attempts: [503], answeredAtMs: 5_000 }];
        w.items.push({ ...staticOrder(), PK: 'MORDER#O00000000000000STAT3', orderId: 'O00000000000000STAT3', paymentJournalId: overJ });
      }, /k-code-over: order O00000000000000STAT3 names its payment .*, which is not in the ledger/],
      ['a static-code order paid twice', (w) => { w.items.push(...journal('J-code2', 'MERCHANT_PAYMENT', [[B.accountId, -30], [WALLET, 30]]).map((i) => withCounterparty(i, WALLET, S))); }, /order O00000000000000STAT1 paid 2 times/],
      ['a static-code sale the partner never booked', (w) => { w.openPlatform!.sales = []; }, /static-code order O00000000000000STAT1 of 30 to MBANKTEST0000001: the partner booked \[\], not the sale once/],
      ['a static-code sale booked twice from its event', (w) => { w.openPlatform!.sales[0]!.appliedEventIds.push(staticPaidEvent); }, /static-code order O00000000000000STAT1 .*not the sale once/],
      ['a static-code sale that applied another order\'s event', (w) => { w.openPlatform!.sales[0]!.appliedEventIds.push(refundEvents[0]!); }, /static-code order O00000000000000STAT1 .*not the sale once/],
      ['a static-code sale booked from another event than its order.paid', (w) => { w.openPlatform!.sales[0]!.appliedEventIds.reverse(); }, /static-code order O00000000000000STAT1 .*not the sale once/],
      ['a static-code sale booked for another amount', (w) => { w.openPlatform!.sales[0]!.amountFen = 300; }, /static-code order O00000000000000STAT1 .*not the sale once/],
      ['a sale booked for an order the bank made no static code for', (w) => { w.openPlatform!.sales.push({ orderId: O, outTradeNo: null, merchantId: M, amountFen: 100, state: 'PAID', appliedEventIds: [paidEvent] }); }, /booked a static-code sale for O0000000000000000001, which is no static-code order/],
      ['a static-code order whose order.paid the partner never got', (w) => { w.openPlatform!.received = w.openPlatform!.received.filter((e) => e.id !== staticPaidEvent); }, /order.paid event .*: the partner holds \[\], not the event once/],
      ['a wallet short of a static-code order', (w) => {
        balanceOf(w, WALLET).balanceFen -= 30;
        balanceOf(w, CLEARING_OUT).balanceFen += 30;
      }, /wallet WALLET-MBANKTEST0000001: payments less wallet-funded refunds come to 79, it holds 19 and 30 was paid out/],
    ];
    for (const [what, change, expected] of staticCases) {
      test(`reports ${what}`, () => {
        const violations = brokenStatic(change);
        assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
      });
    }
  });
});
