// Bill rules, pure: billers as data (the seed and the schema), account-number formats and amount
// rules for every category, the two-phase journals, auto-pay decisions, reconciliation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountNumberInput, accountNumberProblem, checkAccountNumber, luhnOk, maskBillAccount } from '../../functions/domain/bills/account-number.js';
import { amountOptions, billPeriodPaid, checkAmount, isPrepaid, payableLookup } from '../../functions/domain/bills/amount.js';
import { autoPayDue, autoPayStep } from '../../functions/domain/bills/auto-pay.js';
import { BILL_CATEGORIES, type Biller, billerSchema, SEED_BILLERS } from '../../functions/domain/bills/biller.js';
import { billHoldJournal, billSettlementJournal, billVoidJournal } from '../../functions/domain/bills/journals.js';
import { reconcile } from '../../functions/domain/bills/reconciliation.js';
import { Refusal } from '../../functions/domain/errors.js';

const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal, String(error));
  assert.equal(error.code, code);
  assert.match(error.userMessage, /[\u4e00-\u9fff]/);
  return true;
};

const biller = (billerId: string): Biller => SEED_BILLERS.find((b) => b.billerId === billerId)!;

/** For each seeded biller: account numbers its format accepts and ones it refuses. */
const FORMAT_CASES: Record<string, { good: string[]; bad: string[] }> = {
  'nj-power': { good: ['1234567890', '0000000001'], bad: ['123456789', '12345678901', '12345X7890', ''] },
  'nj-water': { good: ['12345678'], bad: ['1234567', '123456789', 'ABCDEFGH'] },
  // 12 digits with a Luhn check digit: 123456789015 passes, changing the last digit fails.
  'nj-gas': { good: ['123456789015'], bad: ['123456789016', '12345678901', 'A23456789015'] },
  'js-mobile': { good: ['13800138000', '19912345678'], bad: ['12800138000', '1380013800', '138001380001', '03800138000'] },
  'nj-property': { good: ['A3-1202', 'B12'.padEnd(4, '0'), 'TOWER7-0801'], bad: ['A3', '-A31202', 'A3-1202-', 'A3_1202', 'X'.repeat(17)] },
  'sz-power': { good: ['3200000001', '3299999999'], bad: ['3100000001', '320000001'] },
  'sz-water': { good: ['123456789'], bad: ['12345678'] },
  'sz-broadband': { good: ['SZ12345678', '12345678'], bad: ['SZ1234', 'SZ_12345678'] },
  'sz-social-security': { good: ['3205000001'], bad: ['320500000'] },
  'wx-housing-fund': { good: ['100200300400'], bad: ['10020030040'] },
  'wx-medical': { good: ['3202000000000001'], bad: ['320200000000001'] },
  'wx-tuition': { good: ['20250001', '202500010001'], bad: ['2025001', '2025000100012'] },
};

describe('billers as data', () => {
  test('the seed: at least 10 valid billers over every category in three cities', () => {
    assert.ok(SEED_BILLERS.length >= 10);
    for (const b of SEED_BILLERS) assert.deepEqual(billerSchema.parse(b), b);
    assert.deepEqual(new Set(SEED_BILLERS.map((b) => b.category)), new Set(BILL_CATEGORIES));
    assert.equal(new Set(SEED_BILLERS.map((b) => b.city.code)).size, 3);
    assert.equal(new Set(SEED_BILLERS.map((b) => b.billerId)).size, SEED_BILLERS.length);
  });

  test('the schema refuses billers that could never work', () => {
    const base = biller('nj-power');
    const broken: unknown[] = [
      { ...base, billerId: 'NJ Power' },
      { ...base, category: 'LOTTERY' },
      { ...base, accountNumber: { ...base.accountNumber, format: { kind: 'DIGITS', minLength: 12, maxLength: 10 } } },
      { ...base, accountNumber: { ...base.accountNumber, format: { kind: 'DIGITS', minLength: 4, maxLength: 4, prefixes: ['1234'] } } },
      { ...base, accountNumber: { ...base.accountNumber, format: { kind: 'REGEX', pattern: '.*' } } },
      { ...base, amountRule: { kind: 'AT_LEAST_BILL', minFen: 500_000, maxFen: 1_000 } },
      { ...base, amountRule: { kind: 'RANGE', minFen: 1_000, maxFen: 50_000, stepFen: 100, presetsFen: [60_000] } },
      { ...base, amountRule: { kind: 'RANGE', minFen: 1_050, maxFen: 50_000, stepFen: 100, presetsFen: [] } },
      { ...base, amountRule: { kind: 'EXACT' }, extra: true },
      { ...base, name: '国网\u202e供电' },
    ];
    for (const candidate of broken) assert.equal(billerSchema.safeParse(candidate).success, false, JSON.stringify(candidate));
  });
});

describe('account-number formats, per category', () => {
  test('every seeded biller has cases, and accepts/refuses them', () => {
    assert.deepEqual(Object.keys(FORMAT_CASES).sort(), SEED_BILLERS.map((b) => b.billerId).sort());
    for (const b of SEED_BILLERS) {
      const { good, bad } = FORMAT_CASES[b.billerId]!;
      for (const number of good) assert.equal(accountNumberProblem(b.accountNumber.format, b.accountNumber.label, number), undefined, `${b.billerId} ${number}`);
      for (const number of bad) {
        assert.throws(() => checkAccountNumber(b.accountNumber.format, b.accountNumber.label, number), refusedWith('ACCOUNT_NUMBER_INVALID'), `${b.billerId} ${number}`);
      }
    }
  });

  test('the keyboard: a number every format accepts is all digits exactly when the format says so, and fits the field', () => {
    for (const b of SEED_BILLERS) {
      const { digitsOnly, maxLength } = accountNumberInput(b.accountNumber.format);
      const { good } = FORMAT_CASES[b.billerId]!;
      for (const number of good) {
        assert.ok(number.length <= maxLength, `${b.billerId} ${number}`);
        if (digitsOnly) assert.match(number, /^\d+$/, b.billerId);
      }
      // A letter is never a good number where the numeric keyboard is offered.
      if (!digitsOnly) assert.ok(good.some((number) => /[A-Z]/.test(number)), b.billerId);
    }
    assert.deepEqual(accountNumberInput(biller('js-mobile').accountNumber.format), { digitsOnly: true, maxLength: 11 });
    assert.deepEqual(accountNumberInput(biller('nj-gas').accountNumber.format), { digitsOnly: true, maxLength: 12 });
    assert.deepEqual(accountNumberInput(biller('nj-property').accountNumber.format), { digitsOnly: false, maxLength: 30 });
  });

  test('input is normalised: printed groups and lower case', () => {
    const power = biller('nj-power');
    assert.equal(checkAccountNumber(power.accountNumber.format, '户号', '1234 5678 90'), '1234567890');
    const property = biller('nj-property');
    assert.equal(checkAccountNumber(property.accountNumber.format, '房号', 'a3-1202'), 'A3-1202');
  });

  test('the message names the biller’s own label and the rule', () => {
    assert.equal(accountNumberProblem({ kind: 'DIGITS', minLength: 10, maxLength: 10 }, '户号', '123'), '户号应为 10 位数字');
    assert.equal(accountNumberProblem({ kind: 'DIGITS', minLength: 10, maxLength: 10, prefixes: ['32'] }, '户号', '3100000001'), '户号应以 32 开头');
  });

  test('Luhn over any length', () => {
    assert.equal(luhnOk('79927398713'), true);
    assert.equal(luhnOk('79927398710'), false);
    assert.equal(luhnOk(''), false);
  });

  test('masking keeps a phone number and an account number unreadable', () => {
    assert.equal(maskBillAccount({ kind: 'MOBILE' }, '13800138000'), '138****8000');
    assert.equal(maskBillAccount({ kind: 'DIGITS', minLength: 10, maxLength: 10 }, '1234567890'), '12****7890');
    assert.equal(maskBillAccount({ kind: 'ALNUM', minLength: 4, maxLength: 16 }, 'A3-12'), 'A***2');
  });
});

describe('amount rules, per category', () => {
  test('exact bill (social security, housing fund, medical, property, tuition, broadband)', () => {
    for (const category of ['SOCIAL_SECURITY', 'HOUSING_FUND', 'MEDICAL_INSURANCE', 'PROPERTY_FEE', 'TUITION', 'BROADBAND']) {
      const b = SEED_BILLERS.find((x) => x.category === category)!;
      assert.equal(b.amountRule.kind, 'EXACT', category);
      assert.deepEqual(checkAmount(b.amountRule, 12_345, 12_345), { prepaymentFen: 0 });
      assert.throws(() => checkAmount(b.amountRule, 12_345, 12_346), refusedWith('AMOUNT_MUST_EQUAL_BILL'));
      assert.throws(() => checkAmount(b.amountRule, 12_345, 12_344), refusedWith('AMOUNT_MUST_EQUAL_BILL'));
      assert.throws(() => checkAmount(b.amountRule, null, 12_345), refusedWith('NO_BILL_DUE'));
      assert.equal(amountOptions(b.amountRule, 12_345).fixedFen, 12_345);
    }
  });

  test('bill or more, the rest as prepayment (water, electricity, gas)', () => {
    for (const category of ['WATER', 'ELECTRICITY', 'GAS']) {
      const b = SEED_BILLERS.find((x) => x.category === category)!;
      const rule = b.amountRule;
      assert.equal(rule.kind, 'AT_LEAST_BILL', category);
      if (rule.kind !== 'AT_LEAST_BILL') continue;
      assert.deepEqual(checkAmount(rule, 8_800, 8_800), { prepaymentFen: 0 });
      assert.deepEqual(checkAmount(rule, 8_800, 20_000), { prepaymentFen: 11_200 });
      assert.throws(() => checkAmount(rule, 8_800, 8_799), refusedWith('AMOUNT_BELOW_BILL'));
      assert.throws(() => checkAmount(rule, 8_800, rule.maxFen + 1), refusedWith('AMOUNT_OUT_OF_RANGE'));
      // No bill: a prepayment of at least the minimum.
      assert.deepEqual(checkAmount(rule, null, rule.minFen), { prepaymentFen: rule.minFen });
      assert.throws(() => checkAmount(rule, null, rule.minFen - 1), refusedWith('AMOUNT_OUT_OF_RANGE'));
      // A bill above the prepayment cap can still be paid in full, and no more.
      assert.deepEqual(checkAmount(rule, rule.maxFen + 500, rule.maxFen + 500), { prepaymentFen: 0 });
      assert.throws(() => checkAmount(rule, rule.maxFen + 500, rule.maxFen + 501), refusedWith('AMOUNT_OUT_OF_RANGE'));
    }
  });

  test('free amount in a range, in steps (phone top-up)', () => {
    const rule = biller('js-mobile').amountRule;
    assert.equal(rule.kind, 'RANGE');
    assert.deepEqual(checkAmount(rule, null, 5_000), { prepaymentFen: 0 });
    assert.deepEqual(checkAmount(rule, 4_321, 10_000), { prepaymentFen: 0 });
    assert.throws(() => checkAmount(rule, null, 999), refusedWith('AMOUNT_OUT_OF_RANGE'));
    assert.throws(() => checkAmount(rule, null, 50_100), refusedWith('AMOUNT_OUT_OF_RANGE'));
    assert.throws(() => checkAmount(rule, null, 5_050), refusedWith('AMOUNT_STEP'));
    const options = amountOptions(rule, null);
    assert.deepEqual([options.minFen, options.maxFen, options.stepFen, options.fixedFen], [1_000, 50_000, 100, null]);
    assert.deepEqual(options.presetsFen, [3_000, 5_000, 10_000, 20_000, 30_000, 50_000]);
  });

  test('only a bill payment is guarded against paying twice, never a top-up', () => {
    const bill = { outcome: 'BILL' as const, holderNameMasked: '林*', period: '2025-05', amountDueFen: 100, dueDate: null, arrears: null };
    assert.equal(billPeriodPaid(biller('nj-power').amountRule, bill), '2025-05');
    assert.equal(billPeriodPaid(biller('wx-tuition').amountRule, bill), '2025-05');
    assert.equal(billPeriodPaid(biller('js-mobile').amountRule, bill), null);
    assert.equal(billPeriodPaid(biller('nj-power').amountRule, { outcome: 'NO_BILL', holderNameMasked: '林*' }), null);
  });

  test('a prepaid biller (top-up) shows and pays no bill, whatever its gateway reports; a billed one keeps its bill', () => {
    const bill = { outcome: 'BILL' as const, holderNameMasked: '林*', period: '2025-05', amountDueFen: 13_872, dueDate: null, arrears: null };
    assert.deepEqual(SEED_BILLERS.filter((b) => isPrepaid(b.amountRule)).map((b) => b.billerId), ['js-mobile']);
    assert.deepEqual(payableLookup(biller('js-mobile').amountRule, bill), { outcome: 'NO_BILL', holderNameMasked: '林*' });
    assert.equal(payableLookup(biller('nj-power').amountRule, bill), bill);
    assert.equal(payableLookup(biller('wx-tuition').amountRule, bill), bill);
    const none = { outcome: 'NO_BILL' as const, holderNameMasked: '林*' };
    assert.equal(payableLookup(biller('js-mobile').amountRule, none), none);
  });

  test('fractional or unsafe amounts never pass', () => {
    assert.throws(() => checkAmount({ kind: 'EXACT' }, 100, 100.5));
    assert.throws(() => checkAmount({ kind: 'EXACT' }, 2 ** 53, 2 ** 53));
  });
});

describe('two-phase journals', () => {
  const hold = billHoldJournal({
    journalId: 'JHOLD',
    customerAccountId: 'acct-1',
    clearingShardAccountId: 'HOUSE-BILL-CLEARING~03',
    amountFen: 12_345,
    billerName: '国网南京供电公司',
    accountNumberMasked: '12****7890',
    paymentId: 'PHOLD',
    createdAt: '2025-06-01T00:00:00.000Z',
  });

  test('the hold moves the money into clearing; settlement moves it on; void brings it back', () => {
    assert.deepEqual(hold.postings.map((p) => [p.accountId, p.amountFen]), [['acct-1', -12_345], ['HOUSE-BILL-CLEARING~03', 12_345]]);
    const settled = billSettlementJournal({ journalId: 'JSET', hold, settlementShardAccountId: 'HOUSE-BILLER-SETTLEMENT~07', billerName: '国网南京供电公司', createdAt: hold.createdAt });
    assert.equal(settled.completes, 'JHOLD');
    assert.deepEqual(settled.postings.map((p) => [p.accountId, p.amountFen]), [['HOUSE-BILL-CLEARING~03', -12_345], ['HOUSE-BILLER-SETTLEMENT~07', 12_345]]);
    const voided = billVoidJournal({ journalId: 'JVOID', hold, billerName: '国网南京供电公司', createdAt: hold.createdAt });
    assert.equal(voided.completes, 'JHOLD');
    assert.equal(voided.reverses, 'JHOLD');
    assert.deepEqual(voided.postings.map((p) => [p.accountId, p.amountFen]), [['acct-1', 12_345], ['HOUSE-BILL-CLEARING~03', -12_345]]);
  });

  test('only a hold can be settled or voided, and amounts must be positive fen', () => {
    assert.throws(() => billVoidJournal({ journalId: 'J', hold: { ...hold, kind: 'TRANSFER' }, billerName: 'x', createdAt: hold.createdAt }));
    assert.throws(() => billHoldJournal({ ...{ journalId: 'J', customerAccountId: 'a', clearingShardAccountId: 'HOUSE-BILL-CLEARING~00', billerName: 'x', accountNumberMasked: 'x', paymentId: 'P', createdAt: '' }, amountFen: 0 }));
    assert.throws(() => billHoldJournal({ ...{ journalId: 'J', customerAccountId: 'a', clearingShardAccountId: 'HOUSE-BILL-CLEARING~00', billerName: 'x', accountNumberMasked: 'x', paymentId: 'P', createdAt: '' }, amountFen: 1.5 }));
  });
});

describe('auto-pay', () => {
  const setting = { capFen: 20_000, dayOfMonth: 10, lastRunMonth: null };
  const bill = { outcome: 'BILL' as const, holderNameMasked: '林*', period: '2025-05', amountDueFen: 15_000, dueDate: null, arrears: null };

  test('runs once a month, on or after the chosen day', () => {
    assert.equal(autoPayDue(setting, '2025-06-09'), false);
    assert.equal(autoPayDue(setting, '2025-06-10'), true);
    assert.equal(autoPayDue(setting, '2025-06-28'), true);
    assert.equal(autoPayDue({ ...setting, lastRunMonth: '2025-06' }, '2025-06-28'), false);
    assert.equal(autoPayDue({ ...setting, lastRunMonth: '2025-06' }, '2025-07-10'), true);
  });

  test('pays the bill within the cap; tells the customer otherwise; waits for a bill', () => {
    assert.deepEqual(autoPayStep(setting, bill, false), { action: 'PAY', amountFen: 15_000, period: '2025-05' });
    assert.deepEqual(autoPayStep(setting, { ...bill, amountDueFen: 20_000 }, false), { action: 'PAY', amountFen: 20_000, period: '2025-05' });
    const over = autoPayStep(setting, { ...bill, amountDueFen: 20_001 }, false);
    assert.equal(over.action === 'SKIP' && over.code, 'OVER_CAP');
    assert.ok(over.action === 'SKIP' && over.notify?.includes('¥200.00'));
    assert.deepEqual(autoPayStep(setting, bill, true), { action: 'SKIP', code: 'ALREADY_PAID', notify: null });
    assert.deepEqual(autoPayStep(setting, { outcome: 'NO_BILL', holderNameMasked: '林*' }, false), { action: 'WAIT' });
    assert.equal(autoPayStep(setting, { outcome: 'ACCOUNT_NOT_FOUND' }, false).action, 'SKIP');
  });
});

describe('reconciliation', () => {
  test('matches by reference and amount; lists each difference with its action', () => {
    const settled = [
      { paymentId: 'P1', billerId: 'nj-power', amountFen: 1_000 },
      { paymentId: 'P2', billerId: 'nj-power', amountFen: 2_000 },
      { paymentId: 'P3', billerId: 'nj-water', amountFen: 3_000 },
      { paymentId: 'P4', billerId: 'nj-water', amountFen: 4_000 },
    ];
    const statement = [
      { reference: 'P1', gatewayReference: 'G1', billerId: 'nj-power', amountFen: 1_000 },
      { reference: 'P2', gatewayReference: 'G2', billerId: 'nj-power', amountFen: 1_500 },
      { reference: 'P4', gatewayReference: 'G4', billerId: 'nj-water', amountFen: 4_100 },
      { reference: 'P5', gatewayReference: 'G5', billerId: 'nj-gas', amountFen: 5_000 },
      { reference: 'P6', gatewayReference: 'G6', billerId: 'nj-gas', amountFen: 6_000 },
    ];
    const result = reconcile(settled, statement, (ref) => (ref === 'P5' ? 'VOIDED' : 'NONE'));
    assert.equal(result.matched, 1);
    assert.equal(result.matchedFen, 1_000);
    assert.equal(result.jinlinFen, 10_000);
    assert.equal(result.gatewayFen, 17_600);
    const byRef = Object.fromEntries(result.mismatches.map((m) => [m.reference, [m.kind, m.action, m.jinlinStatus]]));
    assert.deepEqual(byRef, {
      P2: ['AMOUNT_DIFFERS', 'REFUND_PENDING_REVIEW', 'SETTLED'],
      P3: ['MISSING_AT_GATEWAY', 'REFUND_PENDING_REVIEW', 'SETTLED'],
      P4: ['AMOUNT_DIFFERS', 'BILLER_TO_REVERSE', 'SETTLED'],
      P5: ['MISSING_IN_JINLIN', 'BILLER_TO_REVERSE', 'VOIDED'],
      P6: ['MISSING_IN_JINLIN', 'BILLER_TO_REVERSE', 'NONE'],
    });
    for (const m of result.mismatches) assert.match(m.note, /[\u4e00-\u9fff]/);
  });

  test('a clean day has no mismatches', () => {
    const result = reconcile([{ paymentId: 'P1', billerId: 'b', amountFen: 1 }], [{ reference: 'P1', gatewayReference: 'G', billerId: 'b', amountFen: 1 }], () => 'NONE');
    assert.deepEqual([result.matched, result.mismatches.length], [1, 0]);
  });
});
