// The review sheet's figures for the movements whose body carries no amount in fen: a repayment
// of what is payable now (no amountFen), a wealth redemption (units), a loan payoff (at its quote)
// and a wealth cancel (the refund). The server works them out when the nonce is asked for — the
// same figures the movement then books.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { amountInWords } from '../../functions/domain/amount-words.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { RISK_QUESTIONNAIRE_VERSION, RISK_QUESTIONS } from '../../functions/domain/wealth/risk.js';
import { valueFen } from '../../functions/domain/wealth/units.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as loans } from '../../functions/http/loans.js';
import { handler as wealth } from '../../functions/http/wealth.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { seedProduct } from '../../functions/store/loans.js';
import { seedWealth } from '../../scripts/lib/seed-wealth.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, useBank } from '../support/bank.js';
import { publishNavByChange } from '../support/changes.js';
import { balanceFen, onboard, pay, topUp, type Onboarded } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';
import { type Authorization, authorize, encryptPin } from '../support/second-factor.js';

useBank();

const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
type Handler = Parameters<typeof call>[0];

/** Sends `body` to `path`, confirmed by the nonce `asked` with the customer's PIN, under `key`. */
const sendConfirmed = (handler: Handler, who: Onboarded, path: string, body: Record<string, unknown>, asked: Authorization, key: string) =>
  call(handler, { method: 'POST', path, token: who.token, idempotencyKey: key, body: { ...body, secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, who.pin) } } });

/** The nonce for `body` under `key`, asserting that asking wrote nothing. */
async function reviewOf(who: Onboarded, path: string, body: Record<string, unknown>, key: string): Promise<Authorization> {
  const before = await scanTable();
  const asked = await authorize(who.token, path, body, key);
  assert.deepEqual(await scanTable(), before, 'asking for the nonce wrote something');
  return asked;
}

/** A customer with ¥5,000 in the e-account, assessed C3 (balanced), the wealth products seeded. */
async function wealthCustomer(name: string): Promise<Onboarded> {
  await seedWealth(new Date());
  const who = await onboard({ name });
  expectOk(await topUp(who, 500_000));
  const answers = RISK_QUESTIONS.map((q) => ({ questionId: q.questionId, optionId: q.options[2]!.optionId }));
  expectOk(await call(wealth, { method: 'POST', path: '/v1/wealth-risk-assessment', token: who.token, body: { questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers } }));
  return who;
}

/** A purchase of `amountFen` of the product, its risk disclosure acknowledged. */
async function buy(who: Onboarded, productId: string, amountFen: number) {
  const product = expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-products/${productId}` }));
  const riskDisclosure = { acknowledged: true, version: product.disclosureVersion };
  return expectOk(await pay(who, wealth, '/v1/wealth-orders', { productId, amountFen, riskDisclosure }));
}

/** The figure and its capitals are the server's, and agree. */
function assertFigure(asked: Authorization, amountFen: number): void {
  assert.equal(asked.review.amountFen, amountFen);
  assert.equal(asked.review.amountInWords, amountInWords(amountFen));
}

describe('a repayment without an amount', () => {
  let who: Onboarded;
  let loan: any;
  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    who = await onboard({ name: '冯还款' });
    const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
    assert.equal(decision.outcome, 'APPROVED', JSON.stringify(decision));
    // Equal principal: each row is smaller than the one before, so two rows' figures differ.
    loan = expectOk(await pay(who, loans, '/v1/loans', { productId: 'consumer-credit', amountFen: 600_000, termMonths: 12, method: 'EQUAL_PRINCIPAL', contractConsent: CONTRACT_CONSENT }));
  });

  test('before anything is due there is no figure, and the repayment says why; a prepayment reviews its principal and early interest', async () => {
    const path = `/v1/loans/${loan.loanId}/repayments`;
    const nothingKey = randomUUID();
    const nothing = await reviewOf(who, path, {}, nothingKey);
    assert.deepEqual([nothing.review.amountFen, nothing.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(loans, who, path, {}, nothing, nothingKey), 422, 'NOTHING_DUE');

    // Period 1's principal on the drawdown day: in the cooling-off days, principal alone.
    const body = { prepayment: { principalFen: loan.installments[0].principalFen, adjustment: 'REDUCE_PAYMENT' } };
    const quote = expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/prepayment-quote`, token: who.token, body: body.prepayment }));
    assert.deepEqual([quote.interestFen, quote.totalFen], [0, loan.installments[0].principalFen]);
    const key = randomUUID();
    const asked = await reviewOf(who, path, body, key);
    assertFigure(asked, quote.totalFen);
    assert.equal(asked.review.estimate, null);
    assert.equal(asked.review.payeeMasked, null);
    assert.match(asked.review.sourceAccountMasked!, /^\d{4} \*{4} \*{4} \d{4}$/);

    const before = await balanceFen(who);
    const repaid = expectOk(await sendConfirmed(loans, who, path, body, asked, key));
    assert.equal(repaid.paidFen, asked.review.amountFen);
    assert.equal(repaid.principalFen + repaid.interestFen + repaid.penaltyFen, asked.review.amountFen);
    assert.equal(await balanceFen(who), before - asked.review.amountFen!);
    await assertLedgerSound();
    // Asked again under the same key (the answer was lost, say): the figure of what that request paid.
    assertFigure(await reviewOf(who, path, body, key), quote.totalFen);
    // A prepayment that will be refused (all of the principal: that is the payoff) has no figure.
    const all = { prepayment: { principalFen: repaid.loan.outstandingPrincipalFen, adjustment: 'REDUCE_PAYMENT' } };
    assert.equal((await reviewOf(who, path, all, randomUUID())).review.amountFen, null);
  });

  test('an amount in the body is the figure; a loan that is not the customer’s has none, and its repayment answers 404', async () => {
    const path = `/v1/loans/${loan.loanId}/repayments`;
    assertFigure(await reviewOf(who, path, { amountFen: 1_234 }, randomUUID()), 1_234);

    const stranger = await onboard({ name: '陈路人' });
    expectOk(await topUp(stranger, 100_000));
    const key = randomUUID();
    const asked = await reviewOf(stranger, path, {}, key);
    assert.equal(asked.review.amountFen, null);
    assert.equal(asked.review.amountInWords, null);
    expectError(await sendConfirmed(loans, stranger, path, {}, asked, key), 404, 'LOAN_NOT_FOUND');
  });
});

describe('a wealth redemption', () => {
  const REDEEM = '/v1/wealth-redemptions';
  let who: Onboarded;
  let today: string;
  const dayClose = async () => expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: operator() }));
  const publishNav = async (productId: string, navDate: string, navCentiFen: number) =>
    assert.equal(expectOk(await publishNavByChange(productId, navDate, navCentiFen)).status, 'EFFECTIVE');
  const holding = async (productId: string) =>
    expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-holdings', token: who.token })).items.find((item: any) => item.productId === productId);

  before(async () => {
    who = await wealthCustomer('褚理财');
    for (const [productId, amountFen] of [['anxin-bond', 200_000], ['zhaozhao-money', 100_000]] as const) await buy(who, productId, amountFen);
    // Purchases confirm at the close of T+1.
    await dayClose();
    await dayClose();
    today = await currentBusinessDate(new Date());
  });

  test('of a fund: the units valued at the latest NAV, marked as an estimate; the close pays that at an unchanged NAV', async () => {
    await publishNav('anxin-bond', today, 10_300);
    const { availableUnitsCenti: unitsCenti } = await holding('anxin-bond');
    assert.ok(unitsCenti > 0);
    const body = { productId: 'anxin-bond', unitsCenti, mode: 'NORMAL' };
    const key = randomUUID();
    const asked = await reviewOf(who, REDEEM, body, key);
    const estimateFen = valueFen(unitsCenti, 10_300);
    assertFigure(asked, estimateFen);
    assert.deepEqual(asked.review.estimate, { navDisplay: '1.0300', navDate: today });
    assert.match(asked.review.sourceAccountMasked!, /^\d{4} \*{4} \*{4} \d{4}$/);

    // A NAV published later moves the estimate with it.
    await publishNav('anxin-bond', today, 10_250);
    const moved = await reviewOf(who, REDEEM, body, randomUUID());
    assertFigure(moved, valueFen(unitsCenti, 10_250));
    assert.deepEqual(moved.review.estimate, { navDisplay: '1.0250', navDate: today });
    await publishNav('anxin-bond', today, 10_300);

    const redeemed = expectOk(await sendConfirmed(wealth, who, REDEEM, body, asked, key));
    assert.equal(redeemed.normal.unitsCenti, unitsCenti);
    // Paid by the close of T+1 at the latest NAV then — still today's.
    const before = await balanceFen(who);
    await dayClose();
    await dayClose();
    assert.equal(await balanceFen(who), before + estimateFen);
    await assertLedgerSound();
  });

  test('of a money-market fund: exact (the NAV is fixed at 1.0000), and a fast redemption pays exactly that at once', async () => {
    const unitsCenti = 30_000;
    const body = { productId: 'zhaozhao-money', unitsCenti, mode: 'FAST' };
    const key = randomUUID();
    const asked = await reviewOf(who, REDEEM, body, key);
    assertFigure(asked, unitsCenti);
    assert.equal(asked.review.estimate, null);

    const before = await balanceFen(who);
    const redeemed = expectOk(await sendConfirmed(wealth, who, REDEEM, body, asked, key));
    assert.equal(redeemed.fast.proceedsFen, asked.review.amountFen);
    assert.equal(redeemed.balanceFen, before + asked.review.amountFen!);
    await assertLedgerSound();
  });

  test('nothing to value — no such product, or a body the route will refuse — gives no figure, and the route answers', async () => {
    for (const body of [
      { productId: 'no-such-fund', unitsCenti: 100, mode: 'NORMAL' },
      { productId: 'zhaozhao-money', unitsCenti: 1.5, mode: 'FAST' },
      { productId: 'zhaozhao-money', mode: 'FAST' },
    ]) {
      const key = randomUUID();
      const asked = await reviewOf(who, REDEEM, body, key);
      assert.deepEqual([asked.review.amountFen, asked.review.amountInWords, asked.review.estimate], [null, null, null], JSON.stringify(body));
      const answer = await sendConfirmed(wealth, who, REDEEM, body, asked, key);
      assert.ok(answer.status === 400 || answer.status === 404, JSON.stringify(answer.body));
    }
  });
});

describe('a wealth cancel in the cooling-off period', () => {
  let who: Onboarded;
  before(async () => {
    who = await wealthCustomer('卫撤销');
  });

  test('reviews the refund — all the purchase paid, into the account — and the cancel credits exactly that', async () => {
    // The 90-day fixed-term product has 24 cooling-off hours: cancellable on the day it is bought.
    const { order } = await buy(who, 'jijiwen-90d', 123_456);
    const path = `/v1/wealth-orders/${order.orderId}/cancel`;
    const key = randomUUID();
    const asked = await reviewOf(who, path, {}, key);
    assertFigure(asked, 123_456);
    assert.equal(asked.review.estimate, null);
    assert.equal(asked.review.payeeMasked, null);
    assert.match(asked.review.sourceAccountMasked!, /^\d{4} \*{4} \*{4} \d{4}$/);

    const before = await balanceFen(who);
    const cancelled = expectOk(await sendConfirmed(wealth, who, path, {}, asked, key));
    assert.equal(cancelled.order.status, 'CANCELLED');
    assert.equal(cancelled.balanceFen, before + asked.review.amountFen!);
    await assertLedgerSound();

    // Under the same key (the answer was lost, say): what that request refunded. A new request
    // would be refused — the order is void — so it gets no figure, and the cancel says why.
    assertFigure(await reviewOf(who, path, {}, key), 123_456);
    const againKey = randomUUID();
    const again = await reviewOf(who, path, {}, againKey);
    assert.deepEqual([again.review.amountFen, again.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(wealth, who, path, {}, again, againKey), 422, 'ORDER_NOT_CANCELLABLE');
  });

  test('an order that is not the customer’s has no figure, and its cancel answers 404', async () => {
    const { order } = await buy(who, 'jijiwen-90d', 10_000);
    const stranger = await wealthCustomer('蒋路人');
    const path = `/v1/wealth-orders/${order.orderId}/cancel`;
    const key = randomUUID();
    const asked = await reviewOf(stranger, path, {}, key);
    assert.deepEqual([asked.review.amountFen, asked.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(wealth, stranger, path, {}, asked, key), 404, 'ORDER_NOT_FOUND');
  });
});

// Last in the file: it moves the business date forward.
describe('a loan payoff', () => {
  let who: Onboarded;
  const quoteFor = async (loanId: string) => expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${loanId}/payoff-quote`, token: who.token }));
  const draw = async () =>
    expectOk(await pay(who, loans, '/v1/loans', { productId: 'consumer-credit', amountFen: 300_000, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));

  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    who = await onboard({ name: '沈结清' });
    const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
    assert.equal(decision.outcome, 'APPROVED', JSON.stringify(decision));
    expectOk(await topUp(who, 100_000));
  });

  test('reviews the total of the quote it pays at — principal and interest to date — and the payoff debits exactly that', async () => {
    const loan = await draw();
    const path = `/v1/loans/${loan.loanId}/payoff`;
    // No quote yet: nothing to pay at, so no figure; the payoff asks for a quote.
    const unquotedKey = randomUUID();
    const unquoted = await reviewOf(who, path, {}, unquotedKey);
    assert.deepEqual([unquoted.review.amountFen, unquoted.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(loans, who, path, {}, unquoted, unquotedKey), 422, 'PAYOFF_QUOTE_REQUIRED');

    // Ten days on, past the 7 cooling-off days: interest accrues from drawdown to today.
    const businessDate = addDays(loan.drawdownDate, 10);
    expectOk(await call(admin, { method: 'POST', path: '/v1/admin/business-date', headers: operator(), body: { businessDate } }));
    const quote = await quoteFor(loan.loanId);
    assert.equal(quote.coolingOff, false);
    assert.equal(quote.accruedInterestDays, 10);
    assert.equal(quote.principalFen, 300_000);
    assert.ok(quote.interestFen > 0, 'interest to date');
    assert.equal(quote.totalFen, quote.principalFen + quote.interestFen + quote.penaltyFen);

    const key = randomUUID();
    const asked = await reviewOf(who, path, {}, key);
    assertFigure(asked, quote.totalFen);
    assert.equal(asked.review.estimate, null);
    assert.equal(asked.review.payeeMasked, null);
    assert.match(asked.review.sourceAccountMasked!, /^\d{4} \*{4} \*{4} \d{4}$/);

    const before = await balanceFen(who);
    const paidOff = expectOk(await sendConfirmed(loans, who, path, {}, asked, key));
    assert.equal(paidOff.loan.status, 'PAID_OFF');
    assert.equal(paidOff.paidFen, asked.review.amountFen);
    assert.equal(paidOff.principalFen + paidOff.interestFen + paidOff.penaltyFen, asked.review.amountFen);
    assert.equal(await balanceFen(who), before - asked.review.amountFen!);
    await assertLedgerSound();

    // Under the same key: what that request paid (the quote is gone, the loan paid off). A new
    // request would be refused, so it gets no figure, and the payoff says why.
    assertFigure(await reviewOf(who, path, {}, key), quote.totalFen);
    const againKey = randomUUID();
    const again = await reviewOf(who, path, {}, againKey);
    assert.deepEqual([again.review.amountFen, again.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(loans, who, path, {}, again, againKey), 422, 'LOAN_PAID_OFF');
  });

  test('a quote the loan has moved away from (a repayment since) gives no figure, and the payoff answers it is stale', async () => {
    const loan = await draw();
    await quoteFor(loan.loanId);
    expectOk(await pay(who, loans, `/v1/loans/${loan.loanId}/repayments`, { prepayment: { principalFen: 1_000, adjustment: 'REDUCE_PAYMENT' } }));
    const path = `/v1/loans/${loan.loanId}/payoff`;
    const key = randomUUID();
    const asked = await reviewOf(who, path, {}, key);
    assert.deepEqual([asked.review.amountFen, asked.review.amountInWords], [null, null]);
    expectError(await sendConfirmed(loans, who, path, {}, asked, key), 409, 'PAYOFF_QUOTE_STALE');
    // A new quote holds again: its total is the figure.
    const requoted = await quoteFor(loan.loanId);
    assertFigure(await reviewOf(who, path, {}, randomUUID()), requoted.totalFen);
  });

  test('a repayment without an amount reviews what is due today — the row due, as scheduled — and debits exactly that', async () => {
    const loan = await draw();
    const path = `/v1/loans/${loan.loanId}/repayments`;
    expectOk(await call(admin, { method: 'POST', path: '/v1/admin/business-date', headers: operator(), body: { businessDate: loan.installments[0].dueDate } }));
    const key = randomUUID();
    const asked = await reviewOf(who, path, {}, key);
    assertFigure(asked, loan.installments[0].dueFen);
    const before = await balanceFen(who);
    const repaid = expectOk(await sendConfirmed(loans, who, path, {}, asked, key));
    assert.deepEqual([repaid.paidFen, repaid.interestFen], [loan.installments[0].dueFen, loan.installments[0].interestFen]);
    assert.equal(await balanceFen(who), before - asked.review.amountFen!);
    assertFigure(await reviewOf(who, path, {}, key), loan.installments[0].dueFen);
    await assertLedgerSound();
  });
});
