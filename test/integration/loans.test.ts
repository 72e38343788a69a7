// Loans end to end against DynamoDB Local: products and calculator, an instant explainable
// decision, drawdown through the ledger, repayment, early payoff, deferral, and overdue by
// moving the business date — with the ledger's invariants checked after the money moved.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { REFERENCE_PATTERN } from '../../functions/domain/history.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as loans } from '../../functions/http/loans.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call } from '../support/bank.js';
import { useBank } from '../support/bank.js';
import { balanceFen, historyEntry, onboard, pay, topUp, type Onboarded, withdraw } from '../support/customers.js';
import { publishProductByChange, setLprByChange } from '../support/changes.js';
import { expectError, expectOk } from '../support/expect.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { confirmed, secondFactorFor } from '../support/second-factor.js';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { creditLine, saveApplication, seedProduct } from '../../functions/store/loans.js';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';

useBank();

const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
const application = loanApplicationRequest();

async function approved(who: Onboarded) {
  const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: application }));
  assert.equal(decision.outcome, 'APPROVED', JSON.stringify(decision));
  return decision;
}

async function storedLine(customerId: string) {
  const line = await creditLine(customerId, 'consumer-credit');
  assert.ok(line, 'the customer has a consumer-credit line');
  return line;
}

const drawdown = (amountFen: number) => ({ productId: 'consumer-credit', amountFen, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT });

async function draw(who: Onboarded, amountFen: number, key = randomUUID()) {
  return pay(who, loans, '/v1/loans', drawdown(amountFen), { key });
}

type Adjustment = 'REDUCE_PAYMENT' | 'SHORTEN_TERM';
/** Repays `body` on `loanId`: `amountFen` of what is due, everything due when empty, or a prepayment. */
const repay = (who: Onboarded, loanId: string, body: { amountFen?: number; prepayment?: { principalFen: number; adjustment: Adjustment } } = {}) =>
  pay(who, loans, `/v1/loans/${loanId}/repayments`, body);
const prepayment = (principalFen: number, adjustment: Adjustment = 'REDUCE_PAYMENT') => ({ prepayment: { principalFen, adjustment } });

/** Sends `body` as it is (its second factor included) under a new key. */
const send = (who: Onboarded, path: string, body: Record<string, unknown>) => call(loans, { method: 'POST', path, token: who.token, idempotencyKey: randomUUID(), body });

const payOff = (who: Onboarded, loanId: string) => pay(who, loans, `/v1/loans/${loanId}/payoff`, {});

const journalCount = async () => (await scanTable()).filter((item) => item.type === 'JOURNAL').length;

describe('loans', () => {
  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
  });

  test('products and the calculator show the annualized rate next to the nominal one', async () => {
    const list = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-products' }));
    assert.deepEqual(list.items.map((p: any) => p.productId).sort(), ['consumer-credit', 'micro-business']);
    assert.equal(list.lprBps, 300);
    const quote = expectOk(
      await call(loanOrigination, {
        method: 'POST',
        path: '/v1/loan-calculator',
        body: { productId: 'consumer-credit', amountFen: 1_200_000, termMonths: 12, method: 'EQUAL_INSTALLMENT' },
      }),
    );
    // Best grade A: LPR 300 + spread 100 = 400 bps; an equal-installment IRR equals the nominal rate.
    assert.equal(quote.annualRateBps, 400);
    assert.equal(quote.annualizedRateBps, 400);
    assert.equal(quote.installments.length, 12);
    const principal = quote.installments.reduce((sum: number, row: any) => sum + row.principalFen, 0);
    assert.equal(principal, 1_200_000);
    expectError(
      await call(loanOrigination, { method: 'POST', path: '/v1/loan-calculator', body: { productId: 'consumer-credit', amountFen: 1_200_000, termMonths: 7, method: 'EQUAL_INSTALLMENT' } }),
      422,
      'TERM_NOT_OFFERED',
    );
    expectError(
      await call(loanOrigination, { method: 'POST', path: '/v1/loan-calculator', body: { productId: 'no-such-loan', amountFen: 1_200_000, termMonths: 12, method: 'EQUAL_INSTALLMENT' } }),
      404,
      'PRODUCT_NOT_FOUND',
    );
  });

  test('the application terms come from the server, which refuses a consent version it did not publish', async () => {
    const { applicationTerms } = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-products' }));
    assert.equal(applicationTerms.bureauConsentTextVersion, application.bureauConsent.textVersion);
    assert.match(applicationTerms.bureauConsentText, /征信/);
    const creditCode = new RegExp(applicationTerms.creditCodePattern);
    assert.ok(creditCode.test('91350100M000100Y43'), 'a well-formed credit code fits the pattern');
    assert.ok(!creditCode.test('91350100M000100O43'), 'O is not in the credit-code alphabet');

    const who = await onboard();
    const stale = { ...application, bureauConsent: { agreed: true, textVersion: 'bureau-consent-2019-01' } };
    expectError(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: stale }), 422, 'CONSENT_VERSION_UNKNOWN');
    const stored = (await scanTable()).filter((item) => item.PK === `CUST#${who.customerId}`);
    const ofTheApplication = stored.filter((item) => item.type === 'LOAN_APPLICATION' || item.type === 'CREDIT_LINE' || String(item.kind).startsWith('LOAN_'));
    assert.deepEqual(ofTheApplication, [], 'no application, credit line or loan event is stored');
    assert.ok(stored.some((item) => item.type === 'CUSTOMER_EVENT'), 'the scan does see the customer’s events');
    expectError(await draw(who, 100_000), 422, 'NO_CREDIT_LINE');
    // The version the server published is accepted.
    await approved(who);
  });

  test('drawdown signs the loan contract the server publishes: its text is served, its version stored; another version or none is refused', async () => {
    const contract = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-contract' }));
    assert.equal(contract.textVersion, CONTRACT_CONSENT.textVersion);
    assert.match(contract.title, /借款合同/);
    assert.ok(contract.clauses.length >= 10);
    // The contract states the one interest rule of early repayment and its day-count basis.
    assert.match(contract.clauses.join('\n'), /提前还款[\s\S]*实际天数\/360[\s\S]*减少月供[\s\S]*缩短期限[\s\S]*冷静期/);

    const who = await onboard();
    await approved(who);
    const journals = await journalCount();
    const { contractConsent: _consent, ...unsigned } = drawdown(200_000);
    expectError(await pay(who, loans, '/v1/loans', unsigned), 400, 'VALIDATION_FAILED');
    expectError(await pay(who, loans, '/v1/loans', { ...unsigned, contractConsent: { agreed: true, textVersion: 'loan-contract-2019-01' } }), 422, 'CONTRACT_VERSION_UNKNOWN');
    expectError(await pay(who, loans, '/v1/loans', { ...unsigned, contractConsent: { agreed: false, textVersion: CONTRACT_CONSENT.textVersion } }), 400, 'VALIDATION_FAILED');
    assert.equal(await journalCount(), journals);
    assert.equal((await storedLine(who.customerId)).usedFen, 0);
    const loan = expectOk(await draw(who, 200_000));
    assert.equal(loan.contract.textVersion, CONTRACT_CONSENT.textVersion);
    assert.equal(expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token })).contract.textVersion, CONTRACT_CONSENT.textVersion);
  });

  test('a blacklisted applicant is declined with a readable reason and must wait to re-apply', async () => {
    const body = '11010519900307901';
    const who = await onboard({ idNumber: body + idCheckChar(body) });
    const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: application }));
    assert.equal(decision.outcome, 'DECLINED');
    assert.ok(decision.reasons.some((reason: any) => reason.code === 'BLACKLISTED'), JSON.stringify(decision));
    assert.ok(decision.reapplyAfter > decision.decidedOn);
    expectError(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: application }), 422, 'REAPPLY_COOLDOWN');
    expectError(await draw(who, 100_000), 422, 'NO_CREDIT_LINE');
  });

  test('approve → draw → prepay period 1 and pay off the same day (cooling-off: no interest either way), the ledger sound throughout', async () => {
    const who = await onboard();
    const decision = await approved(who);
    assert.ok(decision.creditLimitFen >= 1_000_000);
    assert.ok(decision.annualizedRateDisplay.endsWith('%'));

    const before = await balanceFen(who);
    const quoted = expectOk(
      await call(loans, {
        method: 'POST',
        path: '/v1/loan-quotes',
        token: who.token,
        body: { productId: 'consumer-credit', amountFen: 500_000, termMonths: 12, method: 'EQUAL_INSTALLMENT' },
      }),
    );
    assert.equal(quoted.annualRateBps, decision.annualRateBps);
    const key = randomUUID();
    const loan = expectOk(await draw(who, 500_000, key));
    // What the customer was shown before signing is what the contract holds.
    assert.equal(loan.annualizedRateBps, quoted.annualizedRateBps);
    assert.deepEqual(loan.installments.map((row: any) => row.dueFen), quoted.installments.map((row: any) => row.paymentFen));
    assert.equal(await balanceFen(who), before + 500_000);
    assert.equal(loan.status, 'ACTIVE');
    assert.equal(loan.installments.length, 12);
    assert.equal(loan.outstandingPrincipalFen, 500_000);
    assert.equal(loan.annualizedRateBps, loan.annualRateBps);
    // The drawdown's 参考号 is the one its history entry shows.
    assert.match(loan.drawdownReference, REFERENCE_PATTERN);
    const drawn = await historyEntry(who, loan.drawdownJournalId);
    assert.deepEqual([drawn.kind, drawn.reference, drawn.amountFen], ['LOAN_DRAWDOWN', loan.drawdownReference, 500_000]);
    // The same request again: the same loan and reference, no second drawdown.
    const drawnAgain = expectOk(await draw(who, 500_000, key));
    assert.deepEqual([drawnAgain.loanId, drawnAgain.drawdownReference], [loan.loanId, loan.drawdownReference]);
    assert.equal(await balanceFen(who), before + 500_000);
    await assertLedgerSound();

    const lines = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/credit-lines', token: who.token }));
    assert.equal(lines.items[0].availableFen, decision.creditLimitFen - 500_000);
    expectError(await draw(who, decision.creditLimitFen), 422, 'CREDIT_LIMIT_EXCEEDED');

    // On the drawdown day nothing is due: "repay what is due" is refused and charges nothing.
    const journalsBefore = await journalCount();
    const nothingDue = await repay(who, loan.loanId);
    expectError(nothingDue, 422, 'NOTHING_DUE');
    assert.match(nothingDue.body.error.message, /提前还款/);
    expectError(await repay(who, loan.loanId, { amountFen: 10_000 }), 422, 'NOTHING_DUE');
    assert.equal(await journalCount(), journalsBefore);
    // Period 1's principal paid the same day is a prepayment, inside the cooling-off days: free.
    const firstPrincipalFen = loan.installments[0].principalFen;
    const repaid = expectOk(await repay(who, loan.loanId, prepayment(firstPrincipalFen, 'SHORTEN_TERM')));
    assert.deepEqual([repaid.paidFen, repaid.principalFen, repaid.interestFen], [firstPrincipalFen, firstPrincipalFen, 0]);
    assert.equal(repaid.balanceFen, before + 500_000 - firstPrincipalFen);
    assert.equal(repaid.loan.outstandingPrincipalFen, 500_000 - firstPrincipalFen);
    // 缩短期限: the same installment, one period fewer; its rate stored with the loan.
    assert.equal(repaid.loan.installments[0].dueFen, loan.installments[0].dueFen);
    assert.deepEqual([repaid.loan.installments.length, repaid.loan.termMonths], [11, 11]);
    assert.equal(repaid.loan.prepayments.length, 1);
    assert.equal(repaid.loan.annualizedRateBps, repaid.loan.prepayments[0].annualizedRateBps);
    const prepaid = await historyEntry(who, repaid.journalId);
    assert.deepEqual([prepaid.kind, prepaid.reference, prepaid.amountFen], ['LOAN_REPAYMENT', repaid.reference, -firstPrincipalFen]);
    await assertLedgerSound();

    expectError(await payOff(who, loan.loanId), 422, 'PAYOFF_QUOTE_REQUIRED');
    expectOk(await topUp(who, 100_000));
    const quote = expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/payoff-quote`, token: who.token }));
    assert.equal(quote.principalFen, repaid.loan.outstandingPrincipalFen);
    // Within the cooling-off days no interest is charged for paying off early.
    assert.deepEqual([quote.coolingOff, quote.interestFen, quote.dayCountBasis], [true, 0, 'ACT/360']);
    assert.equal(quote.totalFen, quote.principalFen + quote.interestFen + quote.penaltyFen);
    // ¥5,000 held zero days costs ¥5,000 back, not a fen more.
    assert.equal(repaid.paidFen + quote.totalFen, 500_000);
    const paidOff = expectOk(await payOff(who, loan.loanId));
    assert.equal(paidOff.loan.status, 'PAID_OFF');
    assert.equal(paidOff.loan.outstandingPrincipalFen, 0);
    assert.equal(paidOff.balanceFen, repaid.balanceFen + 100_000 - quote.totalFen);
    const settled = await historyEntry(who, paidOff.journalId);
    assert.deepEqual([settled.kind, settled.reference, settled.amountFen], ['LOAN_REPAYMENT', paidOff.reference, -quote.totalFen]);
    // Each journal its own reference.
    assert.equal(new Set([loan.drawdownReference, repaid.reference, paidOff.reference]).size, 3);
    const linesAfter = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/credit-lines', token: who.token }));
    assert.equal(linesAfter.items[0].availableFen, decision.creditLimitFen);
    await assertLedgerSound();
  });

  test('a re-approval never overwrites what a drawdown used of the line meanwhile', async () => {
    const who = await onboard({ name: '钱多多' });
    await approved(who);
    const before = await storedLine(who.customerId);
    expectOk(await draw(who, 300_000));
    // An approval that read the line before the drawdown may not write over it…
    const stale = { ...before, applicationId: randomUUID(), availableFen: before.creditLimitFen - before.usedFen };
    const record = { applicationId: stale.applicationId, customerId: who.customerId, createdAt: new Date().toISOString() } as any;
    assert.equal(await saveApplication(record, stale, before.usedFen), false);
    assert.equal((await storedLine(who.customerId)).usedFen, 300_000);
    // …and the service, re-reading, carries the drawn amount into the new line.
    await approved(who);
    const after = await storedLine(who.customerId);
    assert.equal(after.usedFen, 300_000);
    assert.equal(after.availableFen, after.creditLimitFen - 300_000);
  });

  test('repayments of one loan sent at once (new keys each) all land: the loser of the race allocates again', async () => {
    const who = await onboard();
    await approved(who);
    expectOk(await topUp(who, 100_000));
    const loan = expectOk(await draw(who, 600_000));
    const before = await balanceFen(who);
    const answers = await Promise.all([1_000, 2_000, 3_000, 4_000].map((principalFen) => repay(who, loan.loanId, prepayment(principalFen))));
    for (const answer of answers) expectOk(answer);
    // In the cooling-off days each is principal alone.
    assert.deepEqual(answers.map((a) => a.body.paidFen).sort((x, y) => x - y), [1_000, 2_000, 3_000, 4_000]);
    assert.equal(await balanceFen(who), before - 10_000);
    const after = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.equal(after.outstandingPrincipalFen, 590_000);
    assert.equal(after.prepayments.length, 4);
    await assertLedgerSound();
  });

  test('a repayment or payoff whose answer was lost, retried with its key, is answered from its journal', async () => {
    const who = await onboard();
    await approved(who);
    expectOk(await topUp(who, 1_000_000));
    const loan = expectOk(await draw(who, 500_000));
    const { doc, tableName } = db();
    // What route.ts does when a request fails after its transaction committed: the key is released.
    const releaseKey = async (key: string) => {
      const items = await scanTable();
      const held = items.filter((i) => i.type === 'IDEMPOTENCY' && String(i.PK).endsWith(`#${key}`));
      assert.equal(held.length, 1);
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: held[0]!.PK, SK: held[0]!.SK } }));
    };
    const repayKey = randomUUID();
    const repayPath = `/v1/loans/${loan.loanId}/repayments`;
    // The very same request again, its second factor included.
    const repayment = { method: 'POST' as const, path: repayPath, token: who.token, idempotencyKey: repayKey, body: await confirmed(who.token, repayPath, prepayment(3_000), who.pin) };
    const first = expectOk(await call(loans, repayment));
    await releaseKey(repayKey);
    const again = expectOk(await call(loans, repayment));
    assert.deepEqual([again.journalId, again.reference], [first.journalId, first.reference]);
    assert.equal(again.paidFen, 3_000);
    assert.equal(again.balanceFen, first.balanceFen);

    expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/payoff-quote`, token: who.token }));
    const payoffKey = randomUUID();
    const payoffPath = `/v1/loans/${loan.loanId}/payoff`;
    const payoff = { method: 'POST' as const, path: payoffPath, token: who.token, idempotencyKey: payoffKey, body: await confirmed(who.token, payoffPath, {}, who.pin) };
    const paid = expectOk(await call(loans, payoff));
    assert.equal(paid.loan.status, 'PAID_OFF');
    await releaseKey(payoffKey);
    const paidAgain = expectOk(await call(loans, payoff));
    assert.deepEqual([paidAgain.journalId, paidAgain.reference], [paid.journalId, paid.reference]);
    assert.equal(paidAgain.balanceFen, paid.balanceFen);
    await assertLedgerSound();
  });

  test('a nonce asked for another amount or another loan pays nothing: 403 NONCE_MISMATCH, no journal', async () => {
    const who = await onboard();
    await approved(who);
    expectOk(await topUp(who, 100_000));
    const first = expectOk(await draw(who, 200_000));
    const second = expectOk(await draw(who, 300_000));
    const journals = await journalCount();
    const before = await balanceFen(who);
    // Confirmed for ¥1,000, sent for ¥9,000.
    const small = await secondFactorFor(who.token, '/v1/loans', drawdown(100_000), who.pin);
    expectError(await send(who, '/v1/loans', { ...drawdown(900_000), secondFactor: small }), 403, 'NONCE_MISMATCH');
    // Confirmed for a repayment of the first loan, sent for the second.
    const firstPath = `/v1/loans/${first.loanId}/repayments`;
    const ofFirst = await secondFactorFor(who.token, firstPath, prepayment(1_000), who.pin);
    expectError(await send(who, `/v1/loans/${second.loanId}/repayments`, { ...prepayment(1_000), secondFactor: ofFirst }), 403, 'NONCE_MISMATCH');
    // Confirmed for 减少月供, sent for 缩短期限.
    expectError(await send(who, firstPath, { ...prepayment(1_000, 'SHORTEN_TERM'), secondFactor: ofFirst }), 403, 'NONCE_MISMATCH');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), before);
    const lines = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/credit-lines', token: who.token }));
    assert.equal(lines.items[0].availableFen, lines.items[0].creditLimitFen - 500_000);
    // Refused, the nonce was not used up: it still pays what it was asked for.
    expectOk(await send(who, firstPath, { ...prepayment(1_000), secondFactor: ofFirst }));
    assert.equal(await balanceFen(who), before - 1_000);
    await assertLedgerSound();
  });

  test('a frozen account draws no loan (money may come in, new debt may not); lifted, it draws', async () => {
    const who = await onboard();
    await approved(who);
    const { doc } = db();
    const setStatus = (status: 'FROZEN' | 'ACTIVE') =>
      doc.send(new UpdateCommand({ TableName: db().tableName, Key: keys.balance(who.accountId), UpdateExpression: 'SET #status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': status } }));
    await setStatus('FROZEN');
    const journals = await journalCount();
    expectError(await draw(who, 200_000), 422, 'ACCOUNT_FROZEN');
    assert.equal(await journalCount(), journals);
    assert.equal((await storedLine(who.customerId)).usedFen, 0);
    await setStatus('ACTIVE');
    expectOk(await draw(who, 200_000));
  });

  test('one nonce pays once: the same second factor under a new key is 409 NONCE_USED, nothing moves', async () => {
    const who = await onboard();
    await approved(who);
    const drawn = await confirmed(who.token, '/v1/loans', drawdown(200_000), who.pin);
    const loan = expectOk(await send(who, '/v1/loans', drawn));
    const repayPath = `/v1/loans/${loan.loanId}/repayments`;
    const repayment = await confirmed(who.token, repayPath, prepayment(1_000), who.pin);
    expectOk(await send(who, repayPath, repayment));
    const journals = await journalCount();
    const before = await balanceFen(who);
    expectError(await send(who, '/v1/loans', drawn), 409, 'NONCE_USED');
    expectError(await send(who, repayPath, repayment), 409, 'NONCE_USED');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), before);
    const mine = expectOk(await call(loans, { method: 'GET', path: '/v1/loans', token: who.token }));
    assert.equal(mine.items.length, 1);
    assert.equal(mine.items[0].outstandingPrincipalFen, 199_000);
    await assertLedgerSound();
  });

  test('another customer’s loan id answers 404; a malformed id too', async () => {
    const owner = await onboard();
    await approved(owner);
    const loan = expectOk(await draw(owner, 200_000));
    const stranger = await onboard();
    expectError(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: stranger.token }), 404, 'LOAN_NOT_FOUND');
    expectError(await repay(stranger, loan.loanId), 404, 'LOAN_NOT_FOUND');
    expectError(await call(loans, { method: 'GET', path: '/v1/loans/..%2F..%2Fetc', token: owner.token }), 404, 'NOT_FOUND');
    const mine = expectOk(await call(loans, { method: 'GET', path: '/v1/loans', token: stranger.token }));
    assert.deepEqual(mine.items, []);
  });

  test('a deferral shows its new schedule first, then shifts the loan once', async () => {
    const who = await onboard();
    await approved(who);
    const loan = expectOk(await draw(who, 300_000));
    const plan = expectOk(
      await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/deferral-plan`, token: who.token, body: { months: 2, reason: 'ILLNESS' } }),
    );
    assert.equal(plan.deferredMonths, 2);
    assert.ok(plan.newMaturityDate > loan.maturityDate);
    const deferred = expectOk(await pay(who, loans, `/v1/loans/${loan.loanId}/deferral`, { months: 2, reason: 'ILLNESS' }));
    assert.equal(deferred.maturityDate, plan.newMaturityDate);
    assert.equal(deferred.deferralsUsed, 1);
    assert.deepEqual([deferred.installments.length, deferred.termMonths], [loan.termMonths + 2, loan.termMonths + 2]);
    expectError(
      await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/deferral-plan`, token: who.token, body: { months: 1, reason: 'ILLNESS' } }),
      422,
      'DEFERRAL_LIMIT_REACHED',
    );
  });

  test('operators: LPR and products are data; clock control moves the business date; the day close auto-debits and flags overdue', async () => {
    expectError(await call(admin, { method: 'POST', path: '/v1/admin/day-close' }), 401, 'UNAUTHENTICATED');
    const who = await onboard();
    await approved(who);
    const loan = expectOk(await draw(who, 600_000));
    // Spend the drawn money so the first installment cannot be debited in full.
    const emptied = await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token });
    assert.equal(emptied.status, 200);
    const balance = await balanceFen(who);
    expectOk(await withdraw(who, balance));
    const firstDue = loan.installments[0].dueDate;
    expectOk(await call(admin, { method: 'POST', path: '/v1/admin/business-date', headers: operator(), body: { businessDate: firstDue } }));
    const closed = expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: operator() }));
    assert.equal(closed.closedDate, firstDue);
    assert.ok(closed.loansChecked >= 1);
    const overdue = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.equal(overdue.installments[0].status, 'OVERDUE');
    assert.equal(overdue.overdue.daysPastDue, 1);
    assert.equal(overdue.overdue.bucket, 'DPD_1_30');
    assert.ok(closed.overdueLoans >= 1 && closed.remindersSent >= 1);

    // Money arrives; the next close collects what is due, penalty first.
    expectOk(await topUp(who, 2_000_000));
    const next = expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: operator() }));
    assert.ok(next.autoDebits >= 1);
    const cured = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.equal(cured.installments[0].status, 'PAID');
    assert.ok(cured.installments[0].penaltyFen > 0, 'a day overdue costs penalty interest');
    assert.equal(cured.overdue.daysPastDue, 0);
    await assertLedgerSound();

    // The LPR and products change as the bank's people change them: drafted and approved by two
    // product managers in the console (test/support/changes.ts).
    assert.equal((await setLprByChange(310)).status, 'EFFECTIVE');
    const products = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-products' }));
    assert.equal(products.lprBps, 310);
    const consumer = products.items.find((p: any) => p.productId === 'consumer-credit');
    const { version: _version, ...consumerDraft } = SEED_LOAN_PRODUCTS[0]!;
    assert.equal((await publishProductByChange({ ...consumerDraft, name: '近邻消费贷（新版）' })).status, 'EFFECTIVE');
    const republished = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-products' })).items.find((p: any) => p.productId === 'consumer-credit');
    assert.equal(republished.name, '近邻消费贷（新版）');
    assert.equal(republished.version, consumer.version + 1);
    // The earlier loan keeps the terms it was signed under.
    const kept = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.equal(kept.contract.productVersion, loan.contract.productVersion);
    assert.equal(kept.annualRateBps, loan.annualRateBps);
  });

  test('prepayment after the cooling-off days: the quote shows each choice’s schedule and rate; the repayment carries the choice; refusals change nothing', async () => {
    const who = await onboard();
    await approved(who);
    const loan = expectOk(await draw(who, 1_200_000));
    const quotePath = `/v1/loans/${loan.loanId}/prepayment-quote`;
    const quoteOf = (body: unknown) => call(loans, { method: 'POST', path: quotePath, token: who.token, body });
    // Ten days after the drawdown: past the 7 cooling-off days, inside period 1.
    const today = new Date(`${loan.drawdownDate}T00:00:00Z`);
    today.setUTCDate(today.getUTCDate() + 10);
    const tenDaysOn = today.toISOString().slice(0, 10);
    expectOk(await call(admin, { method: 'POST', path: '/v1/admin/business-date', headers: operator(), body: { businessDate: tenDaysOn } }));

    // 3,000 yuan of principal: interest for 10 days on ACT/360, the payoff quote's basis.
    const expectedInterestFen = Math.round((300_000 * loan.annualRateBps * 10) / 3_600_000);
    const reduce = expectOk(await quoteOf(prepayment(300_000, 'REDUCE_PAYMENT').prepayment));
    const shorten = expectOk(await quoteOf(prepayment(300_000, 'SHORTEN_TERM').prepayment));
    for (const quote of [reduce, shorten]) {
      assert.deepEqual([quote.interestFen, quote.interestDays, quote.dayCountBasis, quote.coolingOff], [expectedInterestFen, 10, 'ACT/360', false]);
      assert.equal(quote.totalFen, 300_000 + expectedInterestFen);
      assert.equal(quote.outstandingAfterFen, 900_000);
      assert.match(quote.annualizedRateDisplay, /^\d{1,2}\.\d{2}%$/);
    }
    assert.deepEqual([reduce.adjustmentLabel, reduce.remainingPeriods], ['减少月供', 12]);
    assert.ok(reduce.nextPaymentFen < loan.installments[0].dueFen);
    assert.deepEqual([shorten.adjustmentLabel, shorten.nextPaymentFen], ['缩短期限', loan.installments[0].dueFen]);
    assert.ok(shorten.remainingPeriods < 12 && shorten.newMaturityDate < loan.maturityDate);
    // The payoff quote the same day charges the same per fen: 12,000 yuan for 10 days.
    const payoffQuote = expectOk(await call(loans, { method: 'POST', path: `/v1/loans/${loan.loanId}/payoff-quote`, token: who.token }));
    assert.equal(payoffQuote.interestFen, Math.round((1_200_000 * loan.annualRateBps * 10) / 3_600_000));

    // Refusals: 4xx with a code and a Chinese message, and nothing changes.
    const journals = await journalCount();
    const balance = await balanceFen(who);
    expectError(await quoteOf({ principalFen: 300_000, adjustment: 'SHORTER' }), 400, 'VALIDATION_FAILED');
    expectError(await repay(who, loan.loanId, { prepayment: { principalFen: 300_000, adjustment: 'SHORTER' as Adjustment } }), 400, 'VALIDATION_FAILED');
    expectError(await repay(who, loan.loanId, prepayment(1_200_000)), 422, 'PREPAYMENT_COVERS_ALL');
    expectError(await quoteOf(prepayment(5_000_000).prepayment), 422, 'PREPAYMENT_COVERS_ALL');
    expectError(await repay(who, loan.loanId, { amountFen: 1_000, ...prepayment(1_000) }), 400, 'REPAYMENT_AMBIGUOUS');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), balance);
    const unchanged = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.deepEqual(unchanged.installments, expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token })).installments);
    assert.deepEqual([unchanged.outstandingPrincipalFen, unchanged.prepayments], [1_200_000, []]);

    // 缩短期限, confirmed: the money, the schedule and the rate are the quote's.
    const paid = expectOk(await repay(who, loan.loanId, prepayment(300_000, 'SHORTEN_TERM')));
    assert.deepEqual([paid.principalFen, paid.interestFen, paid.penaltyFen, paid.paidFen], [300_000, expectedInterestFen, 0, shorten.totalFen]);
    assert.equal(paid.balanceFen, balance - shorten.totalFen);
    assert.deepEqual(paid.loan.installments.map((row: any) => [row.dueDate, row.dueFen]), shorten.installments.map((row: any) => [row.dueDate, row.dueFen]));
    assert.deepEqual([paid.loan.annualizedRateBps, paid.loan.maturityDate], [shorten.annualizedRateBps, shorten.newMaturityDate]);
    assert.deepEqual(paid.loan.prepayments, [
      { on: tenDaysOn, principalFen: 300_000, interestFen: expectedInterestFen, interestDays: 10, adjustment: 'SHORTEN_TERM', adjustmentLabel: '缩短期限', annualizedRateBps: shorten.annualizedRateBps, annualizedRateDisplay: shorten.annualizedRateDisplay },
    ]);
    // Stored: read back, the loan is the new schedule.
    const stored = expectOk(await call(loans, { method: 'GET', path: `/v1/loans/${loan.loanId}`, token: who.token }));
    assert.deepEqual([stored.installments.length, stored.annualizedRateBps, stored.outstandingPrincipalFen], [shorten.remainingPeriods, shorten.annualizedRateBps, 900_000]);
    // The term shown is the new schedule's, not the 12 months drawn.
    assert.ok(shorten.remainingPeriods < 12);
    assert.equal(stored.termMonths, shorten.remainingPeriods);
    const lines = expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/credit-lines', token: who.token }));
    assert.equal(lines.items[0].availableFen, lines.items[0].creditLimitFen - 900_000);
    await assertLedgerSound();
  });
});
