// The maker-checker rules (domain/change-requests.ts) and the loan product draft's checks
// (domain/loan/product-draft.ts): the diff a checker reads, who may decide what, when a change
// takes effect, and the inline messages a product manager's form shows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type ChangeRequest,
  changeDiff,
  checkDecision,
  checkSubmission,
  checkWithdrawal,
  effectiveTime,
  holdsLock,
  isDue,
} from '../../functions/domain/change-requests.js';
import { CONSUMER_CREDIT_PRODUCT } from '../../functions/domain/loan/product.js';
import { loanProductDraftIssues, loanProductDraftSchema } from '../../functions/domain/loan/product-draft.js';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const maker = { operatorId: 'O-maker', login: 'pm.li', displayName: '李娜' };
const pending = (over: Partial<ChangeRequest> = {}): ChangeRequest => ({
  changeId: `C${'a'.repeat(32)}`,
  kind: 'LPR',
  entityId: 'lpr',
  entityLabel: '一年期 LPR 3.10%',
  status: 'PENDING',
  before: { oneYearLprBps: 300 },
  after: { oneYearLprBps: 310 },
  maker,
  submittedAt: NOW.toISOString(),
  effectiveAt: NOW.toISOString(),
  ...over,
});
const checker = (permissions: string[], operatorId = 'O-checker') => ({ operatorId, permissions });
const refusedWith = (code: string) => (error: unknown) => (error as { code?: string }).code === code;
const { version: _version, ...draft } = CONSUMER_CREDIT_PRODUCT;

describe('changeDiff', () => {
  test('lists only what differs, leaf by leaf, with dotted paths in key order', () => {
    const before = { name: '近邻消费贷', spreadBpsByGrade: { A: 100, B: 200 }, termsMonths: [3, 6, 12], rateCapBps: 1800 };
    const after = { name: '近邻消费贷 Plus', spreadBpsByGrade: { A: 90, B: 200, C: 350 }, termsMonths: [3, 6], rateCapBps: 1800 };
    assert.deepEqual(changeDiff(before, after), [
      { path: 'name', before: '近邻消费贷', after: '近邻消费贷 Plus' },
      { path: 'spreadBpsByGrade.A', before: 100, after: 90 },
      { path: 'spreadBpsByGrade.C', before: undefined, after: 350 },
      { path: 'termsMonths.2', before: 12, after: undefined },
    ]);
  });

  test('a new entity (no before) lists every leaf of after; identical sides list nothing', () => {
    assert.deepEqual(changeDiff(null, { oneYearLprBps: 310, list: [1] }), [
      { path: 'list.0', before: undefined, after: 1 },
      { path: 'oneYearLprBps', before: undefined, after: 310 },
    ]);
    assert.deepEqual(changeDiff(draft, structuredClone(draft)), []);
  });

  test('a value that changes type is one line (not expanded)', () => {
    assert.deepEqual(changeDiff({ a: 1 }, { a: { b: 1 } }), [{ path: 'a', before: 1, after: { b: 1 } }]);
  });
});

describe('deciding a change', () => {
  test('the maker never approves or rejects their own change, whatever their permissions', () => {
    const self = checker(['products.approve', 'accounts.unfreeze.approve', 'operators.manage'], maker.operatorId);
    assert.throws(() => checkDecision(pending(), self, 'approve', undefined, 'products.approve'), refusedWith('SAME_OPERATOR'));
    assert.throws(() => checkDecision(pending(), self, 'reject', '不同意', 'products.approve'), refusedWith('SAME_OPERATOR'));
  });

  test("a checker needs the kind's permission", () => {
    assert.throws(() => checkDecision(pending(), checker(['changes.read', 'accounts.unfreeze.approve']), 'approve', undefined, 'products.approve'), refusedWith('FORBIDDEN'));
    assert.doesNotThrow(() => checkDecision(pending(), checker(['products.approve']), 'approve', undefined, 'products.approve'));
  });

  test('only a pending change is decided', () => {
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EFFECTIVE'] as const) {
      assert.throws(() => checkDecision(pending({ status }), checker(['products.approve']), 'approve', undefined, 'products.approve'), refusedWith('CHANGE_NOT_PENDING'), status);
    }
  });

  test('a rejection needs a note that is not blank; an approval does not', () => {
    for (const note of [undefined, '', '   ']) {
      assert.throws(() => checkDecision(pending(), checker(['products.approve']), 'reject', note, 'products.approve'), refusedWith('DECISION_NOTE_REQUIRED'), String(note));
    }
    assert.doesNotThrow(() => checkDecision(pending(), checker(['products.approve']), 'reject', '利差过低', 'products.approve'));
  });

  test('only the maker withdraws, and only while pending', () => {
    assert.throws(() => checkWithdrawal(pending(), 'O-someone-else'), refusedWith('NOT_MAKER'));
    assert.throws(() => checkWithdrawal(pending({ status: 'APPROVED' }), maker.operatorId), refusedWith('CHANGE_NOT_PENDING'));
    assert.doesNotThrow(() => checkWithdrawal(pending(), maker.operatorId));
  });
});

describe('submitting and timing', () => {
  test('a change that changes nothing is refused', () => {
    assert.throws(() => checkSubmission({ entityId: 'lpr', entityLabel: 'LPR', before: { oneYearLprBps: 300 }, after: { oneYearLprBps: 300 } }), refusedWith('CHANGE_EMPTY'));
    assert.doesNotThrow(() => checkSubmission({ entityId: 'loan-product:consumer-credit', entityLabel: '贷款产品 近邻消费贷 v2', before: null, after: draft }));
    assert.throws(() => checkSubmission({ entityId: 'LPR ', entityLabel: 'x', before: null, after: { a: 1 } }), /not an entity id/);
  });

  test('effective now by default or when past, the maker’s time when later, never beyond a year', () => {
    assert.equal(effectiveTime(undefined, NOW), NOW.toISOString());
    assert.equal(effectiveTime('2026-03-01T00:00:00Z', NOW), NOW.toISOString());
    assert.equal(effectiveTime('2026-03-02T16:00:00+08:00', NOW), '2026-03-02T08:00:00.000Z');
    assert.equal(effectiveTime('2026-04-01T00:00:00+08:00', NOW), '2026-03-31T16:00:00.000Z');
    assert.throws(() => effectiveTime('2027-04-01T00:00:00Z', NOW), refusedWith('EFFECTIVE_AT_TOO_LATE'));
    assert.throws(() => effectiveTime('soon', NOW), refusedWith('EFFECTIVE_AT_INVALID'));
  });

  test('due: approved and its time has come; the lock is held while pending or approved', () => {
    const later = new Date(NOW.getTime() + 60_000).toISOString();
    assert.equal(isDue(pending({ status: 'APPROVED' }), NOW), true);
    assert.equal(isDue(pending({ status: 'APPROVED', effectiveAt: later }), NOW), false);
    assert.equal(isDue(pending({ status: 'PENDING' }), NOW), false);
    assert.deepEqual(
      (['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EFFECTIVE'] as const).filter(holdsLock),
      ['PENDING', 'APPROVED'],
    );
  });
});

describe('loan product drafts', () => {
  test('a product without its version is a valid draft; with one, it is not', () => {
    assert.deepEqual(loanProductDraftIssues(draft), []);
    assert.equal(loanProductDraftSchema.safeParse(CONSUMER_CREDIT_PRODUCT).success, false);
  });

  test('each bad field is named by its path with a Chinese message', () => {
    const issues = loanProductDraftIssues({
      ...draft,
      minAmountFen: 5_000_000,
      maxAmountFen: 1_000_000,
      termsMonths: [12, 6],
      spreadBpsByGrade: { A: 3000 },
      name: '近邻\u0000贷',
    });
    const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
    assert.deepEqual([...byPath.keys()].sort(), ['maxAmountFen', 'name', 'spreadBpsByGrade.A', 'termsMonths'].sort());
    for (const message of byPath.values()) assert.match(message, /[\u4e00-\u9fa5]/);
    assert.match(byPath.get('maxAmountFen')!, /不低于最低借款金额/);
  });

  test('a field the product does not have is named too', () => {
    const [issue] = loanProductDraftIssues({ ...draft, colour: 'red' });
    assert.equal(issue?.path, '');
    assert.match(issue!.message, /colour/);
  });
});
