// Documents' rules (domain/documents.ts): the months a statement can cover, in China time; the
// figures from postings (running balance, unsigned totals, opening + in − out = closing); the
// limit on movements; what each document says.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Refusal } from '../../functions/domain/errors.js';
import {
  MAX_STATEMENT_ENTRIES,
  MAX_STATEMENT_MONTHS,
  payoffCertificateDocument,
  type StatementPosting,
  statementDocument,
  statementFigures,
  statementMonths,
  statementPeriod,
} from '../../functions/domain/documents.js';

const posting = (amountFen: number, createdAt = '2026-11-05T02:00:00.000Z'): StatementPosting => ({ kind: amountFen > 0 ? 'TOP_UP' : 'WITHDRAW', label: amountFen > 0 ? '银行卡充值' : '提现到银行卡', counterparty: '**** **** **** 1234', amountFen, createdAt });

describe('statement months', () => {
  test('from the opening month to the current one, newest first, by the calendar in China', () => {
    // 2026-09-30 17:00 UTC is 1 October in China.
    assert.deepEqual(statementMonths('2026-09-30T17:00:00.000Z', new Date('2026-12-31T15:59:59.000Z')), ['2026-12', '2026-11', '2026-10']);
    assert.deepEqual(statementMonths('2026-12-06T00:00:00.000Z', new Date('2026-12-31T16:00:00.000Z')), ['2027-01', '2026-12']);
    assert.equal(statementMonths('2010-01-01T00:00:00.000Z', new Date('2026-12-06T00:00:00.000Z')).length, MAX_STATEMENT_MONTHS);
  });

  test('a month\'s period is its first instant in China to the next month\'s; any other month is refused', () => {
    const now = new Date('2026-12-06T12:00:00.000Z');
    assert.deepEqual(statementPeriod('2026-11', '2026-10-10T00:00:00.000Z', now), { month: '2026-11', fromIso: '2026-10-31T16:00:00.000Z', toIso: '2026-11-30T16:00:00.000Z', toDate: false });
    assert.equal(statementPeriod('2026-12', '2026-10-10T00:00:00.000Z', now).toDate, true);
    for (const month of ['2026-09', '2027-01']) {
      assert.throws(() => statementPeriod(month, '2026-10-10T00:00:00.000Z', now), (error: unknown) => error instanceof Refusal && error.code === 'STATEMENT_MONTH_OUT_OF_RANGE');
    }
  });
});

describe('statement figures', () => {
  test('any postings: opening + in − out = closing, the last running balance is the closing, totals unsigned', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0), { maxLength: 60 }), (openingFen, amounts) => {
        const figures = statementFigures(openingFen, amounts.map((amount) => posting(amount)));
        assert.equal(figures.openingFen + figures.totalInFen - figures.totalOutFen, figures.closingFen);
        assert.equal(figures.lines.at(-1)?.balanceFen ?? openingFen, figures.closingFen);
        assert.ok(figures.totalInFen >= 0 && figures.totalOutFen >= 0);
      }),
    );
  });

  test(`more than ${MAX_STATEMENT_ENTRIES} movements: refused (413), not cut short`, () => {
    const many = Array.from({ length: MAX_STATEMENT_ENTRIES + 1 }, () => posting(100));
    assert.throws(() => statementFigures(0, many), (error: unknown) => error instanceof Refusal && error.kind === 'too_large' && error.code === 'STATEMENT_TOO_LARGE');
    assert.equal(statementFigures(0, many.slice(1)).lines.length, MAX_STATEMENT_ENTRIES);
  });
});

describe('what the documents say', () => {
  const now = new Date('2026-12-06T12:05:00.000Z');

  test('the statement: holder, period, figures in yuan, each movement in China time with its running balance', () => {
    const figures = statementFigures(100_000, [posting(12_345, '2026-11-30T16:30:00.000Z'), posting(-100)]);
    const layout = statementDocument(statementPeriod('2026-12', '2026-10-10T00:00:00.000Z', now), { nameMasked: '张*', accountNumberMasked: '6236 **** **** 0001' }, figures, now);
    assert.deepEqual(Object.fromEntries(layout.facts).期初余额, '1,000 元');
    assert.deepEqual(Object.fromEntries(layout.facts).本期收入, '123.45 元（1 笔）');
    assert.deepEqual(Object.fromEntries(layout.facts).期末余额, '1,122.45 元');
    assert.match(Object.fromEntries(layout.facts).对账期间!, /^2026年12月1日 至 2026-12-06 20:05（本月截至生成时）$/);
    assert.deepEqual(layout.table!.rows[0], ['2026-12-01 00:30', '银行卡充值', '**** **** **** 1234', '123.45', '', '1,123.45']);
    assert.deepEqual(layout.table!.rows[1]!.slice(3), ['', '1.00', '1,122.45']);
    assert.match(layout.footer, /^近邻银行 · 生成时间 2026-12-06 20:05/);
  });

  test('the payoff certificate: the borrower masked, the loan, the principal, both dates, nothing owed', () => {
    const layout = payoffCertificateDocument(
      { borrowerNameMasked: '王**', idNumberMasked: '1****************X', loanId: 'L0123456789', contractNo: 'JL-2026-0001', productName: '近邻消费贷', principalFen: 300_000, drawdownDate: '2026-03-02', payoffDate: '2026-12-06' },
      now,
    );
    const facts = Object.fromEntries(layout.facts);
    assert.deepEqual([facts.借款人, facts.借款本金, facts.放款日期, facts.结清日期], ['王**', '3,000 元', '2026年3月2日', '2026年12月6日']);
    assert.match(layout.paragraphs[0]!, /已于2026年12月6日全部结清.*不欠近邻银行任何款项/);
  });
});
