// Documents as PDF files on the API (DynamoDB Local): a month's statement whose figures a test
// recomputes from the ledger's postings (the history pages), across two months of the bank's
// clock; the PDF parses and its text holds the figures; a paid-off loan's payoff certificate;
// refusals (a month out of range, a malformed month, a loan not paid off, another customer's loan).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { formatYuan } from '../../functions/domain/format.js';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { businessDate } from '../../functions/domain/time.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as documents } from '../../functions/http/documents.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as loans } from '../../functions/http/loans.js';
import { seedProduct } from '../../functions/store/loans.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { CONTRACT_CONSENT, loanApplicationRequest } from '../support/loan-application.js';
import { scanTable } from '../support/ledger-check.js';
import { pdfText } from '../support/pdf-text.js';

useBank();

const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
const setClock = async (time: Date | null) =>
  expectOk(await call(admin, { method: 'POST', path: '/v1/admin/clock', headers: operator(), body: { time: time === null ? null : time.toISOString() } }));

const statement = (who: { token: string }, month: string) => call(documents, { method: 'GET', path: '/v1/account/statement', token: who.token, query: { month } });
const months = async (who: { token: string }) => expectOk(await call(documents, { method: 'GET', path: '/v1/account/statements', token: who.token })).months as string[];
const yuan = (amountFen: number) => (formatYuan(amountFen).includes('.') ? formatYuan(amountFen) : `${formatYuan(amountFen)}.00`);

/** Every entry of the customer's history (newest first), page by page, as the app reads it. */
async function allHistory(who: { token: string }): Promise<{ amountFen: number; createdAt: string }[]> {
  const items: { amountFen: number; createdAt: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = expectOk(await call(account, { method: 'GET', path: '/v1/account/history', token: who.token, query: { limit: '50', ...(cursor ? { cursor } : {}) } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The month's figures recomputed from the ledger's postings (China time). */
function fromLedger(entries: readonly { amountFen: number; createdAt: string }[], month: string) {
  const monthOf = (entry: { createdAt: string }) => businessDate(new Date(entry.createdAt)).slice(0, 7);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const within = entries.filter((entry) => monthOf(entry) === month).map((entry) => entry.amountFen);
  const openingFen = sum(entries.filter((entry) => monthOf(entry) < month).map((entry) => entry.amountFen));
  const totalInFen = sum(within.filter((amount) => amount > 0));
  const totalOutFen = sum(within.filter((amount) => amount < 0).map((amount) => -amount));
  return { openingFen, totalInFen, totalOutFen, closingFen: openingFen + totalInFen - totalOutFen, entries: within.length };
}

const DAY_MS = 86_400_000;
const nextMonthOf = (month: string) => businessDate(new Date(Date.parse(`${month}-01T04:00:00Z`) + 32 * DAY_MS)).slice(0, 7);

describe('statements (对账单)', () => {
  let a: Onboarded;
  let b: Onboarded;
  let first: string;
  let second: string;

  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '张三丰' }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 123_456));
    expectOk(await transfer(a, b, 2_345));
    expectOk(await transfer(b, a, 1_000));
    expectOk(await withdraw(a, 10_001));
    expectOk(await topUp(a, 50_000));
    expectOk(await transfer(a, b, 7_777));
    first = businessDate(new Date()).slice(0, 7);
    second = nextMonthOf(first);
    // The bank's clock on the next month's 3rd, at noon in China: the month of the movements is
    // complete, and the next one runs to date (the ledger's times stay the wall clock's).
    await setClock(new Date(`${second}-03T04:00:00Z`));
  });

  after(() => setClock(null));

  test('the months offered run from the opening to the current month, newest first', async () => {
    assert.deepEqual(await months(a), [second, first]);
  });

  test('each month\'s totals equal the ledger\'s: opening + in − out = closing, the next month opening where this one closed', async () => {
    const ledger = await allHistory(a);
    const answers = [];
    for (const month of [first, second]) {
      const answer = expectOk(await statement(a, month));
      const expected = fromLedger(ledger, month);
      assert.deepEqual(
        { openingFen: answer.openingFen, totalInFen: answer.totalInFen, totalOutFen: answer.totalOutFen, closingFen: answer.closingFen, entries: answer.entries },
        expected,
        month,
      );
      assert.equal(answer.openingFen + answer.totalInFen - answer.totalOutFen, answer.closingFen);
      answers.push(answer);
    }
    assert.deepEqual([answers[0].openingFen, answers[0].entries, answers[0].toDate, answers[1].toDate], [0, 6, false, true]);
    // The next month opens where this one closed.
    assert.deepEqual([answers[1].openingFen, answers[1].entries], [answers[0].closingFen, 0]);
    // The current month runs to now: it closes at the balance.
    assert.equal(answers[1].closingFen, await balanceFen(a));
  });

  test('the PDF parses and its text holds the holder, the period, every movement and the figures, in yuan', async () => {
    const answer = expectOk(await statement(a, first));
    const pdf = Buffer.from(answer.pdfBase64, 'base64');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual([answer.contentType, answer.sizeBytes, answer.fileName], ['application/pdf', pdf.length, `近邻银行对账单-${first}.pdf`]);
    // The font travels as a subset: the file stays small.
    assert.ok(pdf.length < 60_000, `${pdf.length} bytes`);
    const { text, title } = await pdfText(pdf);
    assert.match(title ?? '', /对账单/);
    for (const expected of [
      '近邻银行',
      `电子账户对账单 · ${first.slice(0, 4)}年${Number(first.slice(5))}月`,
      '张**',
      '期初余额',
      '0 元',
      `${formatYuan(answer.totalInFen)} 元（3 笔）`,
      `${formatYuan(answer.totalOutFen)} 元（3 笔）`,
      `${formatYuan(answer.closingFen)} 元`,
      '银行卡充值',
      '转账 · 转账给 李*',
      '来自 李* 的转账',
      '提现到银行卡',
      yuan(123_456),
      yuan(2_345),
      yuan(10_001),
      // Running balances: after the top-up, after the transfer out.
      yuan(123_456 - 2_345),
    ]) {
      assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
    }
    assert.ok(!text.includes('李四'), 'the counterparty is masked');
  });

  test('a month before the opening or after this one: 422; a malformed month or an extra field: 400; nothing is stored', async () => {
    const before = JSON.stringify(await scanTable());
    expectError(await statement(a, '2020-01'), 422, 'STATEMENT_MONTH_OUT_OF_RANGE');
    expectError(await statement(a, nextMonthOf(second)), 422, 'STATEMENT_MONTH_OUT_OF_RANGE');
    for (const month of ['2026-13', '2026-1', '202612', '', '2026-12-01']) expectError(await statement(a, month), 400, 'VALIDATION_FAILED');
    expectError(await call(documents, { method: 'GET', path: '/v1/account/statement', token: a.token, query: { month: first, accountId: b.accountId } }), 400, 'VALIDATION_FAILED');
    const refused = await statement(a, '2020-01');
    assert.match(refused.body.error.message, /[\u4e00-\u9fff]/);
    assert.equal(JSON.stringify(await scanTable()), before);
  });

  test('each customer reads only their own account: B\'s statement shows B\'s movements', async () => {
    const theirs = expectOk(await statement(b, first));
    const { text } = await pdfText(Buffer.from(theirs.pdfBase64, 'base64'));
    assert.ok(text.includes('李*'));
    assert.ok(!text.includes('银行卡充值'), 'B made no top-up');
    assert.deepEqual([theirs.totalInFen, theirs.totalOutFen], [2_345 + 7_777, 1_000]);
  });
});

describe('payoff certificates (结清证明)', () => {
  let who: Onboarded;
  let stranger: Onboarded;
  let paidOffId: string;
  let activeId: string;
  const certificate = (as: { token: string }, loanId: string) => call(documents, { method: 'GET', path: `/v1/loans/${loanId}/payoff-certificate`, token: as.token });
  const draw = async (amountFen: number): Promise<string> =>
    expectOk(await pay(who, loans, '/v1/loans', { productId: 'consumer-credit', amountFen, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }, { key: randomUUID() })).loanId;

  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    [who, stranger] = await Promise.all([onboard({ name: '王小明' }), onboard({ name: '赵六' })]);
    const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
    assert.equal(decision.outcome, 'APPROVED', JSON.stringify(decision));
    paidOffId = await draw(300_000);
    activeId = await draw(100_000);
    expectOk(await topUp(who, 50_000));
    expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${paidOffId}/payoff-quote`, token: who.token }));
    const paid = expectOk(await pay(who, loans, `/v1/loans/${paidOffId}/payoff`, {}));
    assert.equal(paid.loan.status, 'PAID_OFF');
  });

  test('a paid-off loan: the PDF names the borrower (masked), the loan, the principal, both dates and that nothing is owed', async () => {
    const loan = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${paidOffId}`, token: who.token }));
    const answer = expectOk(await certificate(who, paidOffId));
    assert.equal(answer.loanId, paidOffId);
    const pdf = Buffer.from(answer.pdfBase64, 'base64');
    assert.equal(answer.sizeBytes, pdf.length);
    const { text } = await pdfText(pdf);
    const today = businessDate(new Date());
    const dateLabel = `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`;
    for (const expected of ['贷款结清证明', '王**', paidOffId, loan.contractNo, loan.productName, '3,000 元', `已于${dateLabel}全部结清`, '不欠近邻银行任何款项', '近邻银行']) {
      assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
    }
    assert.ok(!text.includes('王小明'), 'the name is masked');
  });

  test('a loan not paid off: 409; another customer\'s loan or none: 404, answered alike', async () => {
    expectError(await certificate(who, activeId), 409, 'LOAN_NOT_PAID_OFF');
    expectError(await certificate(stranger, paidOffId), 404, 'LOAN_NOT_FOUND');
    expectError(await certificate(who, `L${'7'.repeat(20)}`), 404, 'LOAN_NOT_FOUND');
    // A malformed id names no loan either.
    expectError(await certificate(who, 'L123'), 404, 'NOT_FOUND');
  });
});
