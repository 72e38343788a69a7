// The day close's suspicious patterns (domain/aml-patterns.ts), each at its threshold and just
// short of it, on hand-built journals of the days before the closed date (China time).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AmlThresholds, type DayJournal, DEFAULT_AML_THRESHOLDS, detectAmlPatterns, MAX_EVIDENCE } from '../../functions/domain/aml-patterns.js';

const LIMIT_FEN = 1_000_000;
const thresholds: AmlThresholds = { ...DEFAULT_AML_THRESHOLDS, structuring: { ...DEFAULT_AML_THRESHOLDS.structuring, limitsFen: [LIMIT_FEN, 5_000_000] } };
const CLOSED = '2026-12-06';
const MULE = 'A-MULE';

let sequence = 0;
/** `at` in China time, e.g. '2026-12-06T10:00'. */
const at = (china: string) => new Date(`${china}:00+08:00`).toISOString();
const transfer = (from: string, to: string, amountFen: number, china: string): DayJournal => ({
  journalId: `J${++sequence}`,
  kind: 'TRANSFER',
  createdAt: at(china),
  postings: [
    { accountId: from, amountFen: -amountFen },
    { accountId: to, amountFen },
  ],
});
const withdrawal = (account: string, amountFen: number, china: string): DayJournal => ({
  journalId: `J${++sequence}`,
  kind: 'WITHDRAW',
  createdAt: at(china),
  postings: [
    { accountId: account, amountFen: -amountFen },
    { accountId: 'HOUSE-CARD-SETTLEMENT~01', amountFen },
  ],
});
const topUp = (account: string, amountFen: number, china: string): DayJournal => ({
  journalId: `J${++sequence}`,
  kind: 'TOP_UP',
  createdAt: at(china),
  postings: [
    { accountId: 'HOUSE-CARD-SETTLEMENT~01', amountFen: -amountFen },
    { accountId: account, amountFen },
  ],
});
const patterns = (journals: DayJournal[], closed = CLOSED) => detectAmlPatterns(journals, closed, thresholds).map((finding) => `${finding.pattern} ${finding.accountId}`);

/** A day where `inFen` arrives from a victim at 10:00 and `outFen` leaves at `outAt`. */
const rapidDay = (date: string, inFen: number, outFen: number, outAt = '10:40') => [transfer(`V-${date}`, MULE, inFen, `${date}T10:00`), withdrawal(MULE, outFen, `${date}T${outAt}`)];

describe('快进快出 (RAPID_IN_OUT)', () => {
  test('three days within seven where ≥ 80 % of the inflow left within the hour', () => {
    const journals = [...rapidDay('2026-12-01', 100_000, 80_000), ...rapidDay('2026-12-03', 50_000, 50_000), ...rapidDay('2026-12-06', 20_000, 19_000)];
    const findings = detectAmlPatterns(journals, CLOSED, thresholds).filter((finding) => finding.pattern === 'RAPID_IN_OUT');
    assert.deepEqual(
      findings.map((finding) => finding.accountId),
      [MULE],
    );
    assert.match(findings[0]!.summary, /^3 天快进快出：2026-12-01 转入 ¥1,000\.00，1 小时内转出 ¥800\.00/);
    assert.equal(findings[0]!.journalIds.length, 6);
  });

  test('79 % on one of the days, money leaving after the hour, or a day outside the seven: no alert', () => {
    const short = [...rapidDay('2026-12-01', 100_000, 79_000), ...rapidDay('2026-12-03', 50_000, 50_000), ...rapidDay('2026-12-06', 20_000, 20_000)];
    assert.deepEqual(patterns(short), []);
    const late = [...rapidDay('2026-12-01', 100_000, 100_000, '11:01'), ...rapidDay('2026-12-03', 50_000, 50_000), ...rapidDay('2026-12-06', 20_000, 20_000)];
    assert.deepEqual(patterns(late), []);
    const early = [...rapidDay('2026-11-29', 100_000, 100_000), ...rapidDay('2026-12-03', 50_000, 50_000), ...rapidDay('2026-12-06', 20_000, 20_000)];
    assert.deepEqual(patterns(early), []);
  });

  test("a top-up from the customer's own card is not inflow: spending it at once is no pattern", () => {
    const journals = ['2026-12-02', '2026-12-04', '2026-12-06'].flatMap((date) => [topUp(MULE, 10_000, `${date}T09:00`), withdrawal(MULE, 10_000, `${date}T09:05`)]);
    assert.deepEqual(patterns(journals), []);
  });
});

describe('拆分交易 (STRUCTURING)', () => {
  test('three movements each 90–100 % of a limit within 24 hours, the last on the closed date', () => {
    const journals = [transfer(MULE, 'B', 900_000, '2026-12-05T20:00'), withdrawal(MULE, 999_999, '2026-12-06T08:00'), transfer('C', MULE, 1_000_000, '2026-12-06T19:59')];
    const findings = detectAmlPatterns(journals, CLOSED, thresholds).filter((finding) => finding.pattern === 'STRUCTURING');
    assert.deepEqual(
      findings.map((finding) => finding.accountId),
      [MULE],
    );
    assert.match(findings[0]!.summary, /3 笔接近限额 ¥10,000\.00 的交易：¥9,000\.00、¥9,999\.99、¥10,000\.00/);
  });

  test('one below 90 %, one over the limit, or the three spread over more than 24 hours: no alert', () => {
    assert.deepEqual(patterns([transfer(MULE, 'B', 899_999, '2026-12-06T01:00'), withdrawal(MULE, 950_000, '2026-12-06T08:00'), withdrawal(MULE, 950_000, '2026-12-06T09:00')]), []);
    assert.deepEqual(patterns([transfer(MULE, 'B', 1_000_001, '2026-12-06T01:00'), withdrawal(MULE, 950_000, '2026-12-06T08:00'), withdrawal(MULE, 950_000, '2026-12-06T09:00')]), []);
    assert.deepEqual(patterns([transfer(MULE, 'B', 950_000, '2026-12-05T08:00'), withdrawal(MULE, 950_000, '2026-12-05T20:00'), withdrawal(MULE, 950_000, '2026-12-06T08:00')]), []);
  });

  test('a window that ended before the closed date is the earlier close\'s finding', () => {
    const journals = [withdrawal(MULE, 950_000, '2026-12-05T08:00'), withdrawal(MULE, 950_000, '2026-12-05T09:00'), withdrawal(MULE, 950_000, '2026-12-05T10:00')];
    assert.deepEqual(patterns(journals), []);
    assert.deepEqual(patterns(journals, '2026-12-05'), [`STRUCTURING ${MULE}`]);
  });
});

describe('归集账户 (COLLECTION_ACCOUNT)', () => {
  const senders = (count: number, firstHour = 0) => Array.from({ length: count }, (_, i) => transfer(`S${i}`, MULE, 10_000, `2026-12-06T${String(firstHour + i).padStart(2, '0')}:30`));

  test('ten distinct senders within 24 hours', () => {
    const findings = detectAmlPatterns(senders(10), CLOSED, thresholds);
    assert.deepEqual(
      findings.map((finding) => `${finding.pattern} ${finding.accountId}`),
      [`COLLECTION_ACCOUNT ${MULE}`],
    );
    assert.match(findings[0]!.summary, /10 个不同账户的 10 笔转账，共 ¥1,000\.00/);
  });

  test('nine senders, or one sender ten times: no alert', () => {
    assert.deepEqual(patterns(senders(9)), []);
    assert.deepEqual(patterns(Array.from({ length: 10 }, (_, i) => transfer('S0', MULE, 10_000, `2026-12-06T0${i}:00`))), []);
  });

  test("released held transfers count their hold's sender; the evidence stops at its cap", () => {
    const holds: DayJournal[] = [];
    for (let i = 0; i < 30; i++) {
      const hold: DayJournal = { journalId: `H${i}`, kind: 'TRANSFER_HOLD', createdAt: at('2026-12-05T10:00'), postings: [{ accountId: `S${i % 12}`, amountFen: -5_000 }, { accountId: 'HOUSE-HELD-TRANSFERS~00', amountFen: 5_000 }] };
      holds.push(hold, { journalId: `R${i}`, kind: 'TRANSFER_RELEASE', completes: `H${i}`, createdAt: at('2026-12-06T10:00'), postings: [{ accountId: 'HOUSE-HELD-TRANSFERS~00', amountFen: -5_000 }, { accountId: MULE, amountFen: 5_000 }] });
    }
    const findings = detectAmlPatterns(holds, CLOSED, thresholds);
    assert.match(findings[0]!.summary, /12 个不同账户的 30 笔转账/);
    assert.equal(findings[0]!.journalIds.length, MAX_EVIDENCE);
  });
});

describe('大额交易 (LARGE_VALUE)', () => {
  const LARGE = 50_000_000;
  test('one movement of ¥500,000, or a day of them in one direction', () => {
    assert.deepEqual(patterns([topUp(MULE, LARGE, '2026-12-06T10:00')]), [`LARGE_VALUE ${MULE}`]);
    const findings = detectAmlPatterns([withdrawal(MULE, 20_000_000, '2026-12-06T09:00'), withdrawal(MULE, 30_000_000, '2026-12-06T15:00')], CLOSED, thresholds);
    assert.deepEqual(
      findings.map((finding) => finding.summary),
      ['当日转出 2 笔，共 ¥500,000.00（达到 ¥500,000.00 的大额报告标准）'],
    );
  });

  test('¥499,999.99, the total split across two days, or in and out each under it: no report', () => {
    assert.deepEqual(patterns([topUp(MULE, LARGE - 1, '2026-12-06T10:00')]), []);
    assert.deepEqual(patterns([topUp(MULE, 30_000_000, '2026-12-05T23:00'), topUp(MULE, 30_000_000, '2026-12-06T01:00')]), []);
    assert.deepEqual(patterns([topUp(MULE, 30_000_000, '2026-12-06T10:00'), withdrawal(MULE, 30_000_000, '2026-12-06T11:00')]), []);
  });
});
