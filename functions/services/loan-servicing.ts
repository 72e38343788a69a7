// A drawn loan's life: drawdown on a credit line, the customer's loans, repayment, early payoff
// against a quote and relief deferral. Money moves as a ledger journal written in one
// transaction with the loan's next state (conditional on the version that was read) and the
// credit line's room, so money and schedule never disagree.
import { config } from '../config.js';
import type { CustomerEvent } from '../domain/customer-events.js';
import { Refusal, refuse } from '../domain/errors.js';
import { guardRefusal, type GuardText, ledgerRefusal } from '../domain/ledger-refusal.js';
import { HOUSE_ACCOUNTS, type HouseAccount, type Journal, loanDrawdownJournal, loanRepaymentJournal } from '../domain/ledger.js';
import { type AnnualizedRate, scheduleAnnualizedRate } from '../domain/loan/apr.js';
import { isCurrentLoanContract } from '../domain/loan/contract-version.js';
import { applyDeferral, type DeferralPlan, planDeferral } from '../domain/loan/deferral.js';
import { accruePenalty } from '../domain/loan/overdue.js';
import { payOff, type PayoffQuote, quotePayoff, quoteStanding } from '../domain/loan/payoff.js';
import { applyPrepayment, type PrepaymentPlan, planPrepayment } from '../domain/loan/prepayment.js';
import { type PrepaymentAdjustment, productFitReasons, type RepaymentMethod } from '../domain/loan/product.js';
import { allocateRepayment, amountPayableFen, applyAllocation } from '../domain/loan/repayment.js';
import { buildSchedule, type Schedule } from '../domain/loan/schedule.js';
import { isPaidOff, type LoanState, openLoan } from '../domain/loan/state.js';
import { allInOrder } from '../platform/all-in-order.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { getAccount } from '../store/accounts.js';
import { currentBusinessDate } from '../store/business-date.js';
import { deterministicJournalId, getJournal, type Guard, houseShard, type PostOutcome, postJournal } from '../store/ledger.js';
import * as loans from '../store/loans.js';
import { creditRecordedEvent, customerEventGuards } from './customer-events.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';
import { COMPLETION_GUARD_TEXT } from './idempotency.js';
import { type ConfirmedRequest, loadNonceAccount } from './money-request.js';
import { requireSecondFactor } from './second-factor.js';

const CREDIT_LIMIT_EXCEEDED = ['CREDIT_LIMIT_EXCEEDED', '超过可用借款额度'] as const satisfies GuardText;
/** A conflict, not a final refusal: the same request may go through once the customer has seen
 *  the loan as it is now. */
const LOAN_CHANGED = ['LOAN_CHANGED', '借款信息已更新，请刷新后重试', 'conflict'] as const satisfies GuardText;

/** What the customer is told when a guard of a loan's ledger transaction refuses (the guards
 *  are named in store/loans.ts). */
const DRAWDOWN_GUARDS = { CREDIT_LINE: CREDIT_LIMIT_EXCEEDED };
const REPAYMENT_GUARDS = { LOAN_CHANGED };

/** Two repayments of one loan at once (two devices, a double tap with new keys) meet at the loan's
 *  version: the one that loses re-reads the loan and allocates again. Each round at least one of
 *  them commits, so up to this many at once all land without the customer seeing a conflict. */
const REPAYMENT_RACE: RetryPolicy = { attempts: 5, baseDelayMs: 10, maxDelayMs: 80, retryable: isTryAgain };

/** A loan and the business date it is seen on (its installments' status depends on the date). */
export interface LoanOnDate {
  loan: loans.LoanRecord;
  today: string;
}

export interface RepaymentOutcome extends LoanOnDate {
  journalId: string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  /** The e-account's balance after the payment. */
  balanceFen: number;
}

interface RepaymentParts {
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

const shardOf = (journalId: string) => (house: HouseAccount) => houseShard(house, journalId, config().HOUSE_SHARDS);

async function ownLoan(customerId: string, loanId: string): Promise<loans.LoanRecord> {
  // Loans live under their owner's key: another customer's loan id simply is not there.
  return (await loans.getLoan(customerId, loanId)) ?? refuse('not_found', 'LOAN_NOT_FOUND', '未找到该笔借款');
}

function activeLoan(loan: loans.LoanRecord): loans.LoanRecord {
  if (loan.status !== 'ACTIVE') refuse('unprocessable', 'LOAN_PAID_OFF', '该笔借款已结清');
  return loan;
}

// ---- drawdown -------------------------------------------------------------------------------

export interface DrawdownRequest {
  productId: string;
  amountFen: number;
  termMonths: number;
  method: RepaymentMethod;
}

/** A drawdown signs the loan contract: the version of the text the borrower agreed to. */
export interface SignedDrawdownRequest extends DrawdownRequest {
  contractConsent: { textVersion: string };
}

export interface DrawdownTerms {
  line: loans.CreditLineRecord;
  schedule: Schedule;
  annualized: AnnualizedRate;
}

/** The schedule a drawdown would get today on the customer's line, or why it cannot be drawn. */
async function drawdownTerms(line: loans.CreditLineRecord | undefined, request: DrawdownRequest, today: string) {
  if (!line) return refuse('unprocessable', 'NO_CREDIT_LINE', '请先申请该产品的借款额度');
  if (line.lineExpiresOn < today) return refuse('unprocessable', 'CREDIT_LINE_EXPIRED', '借款额度已过期，请重新申请');
  const product = await loans.productVersion(line.productId, line.productVersion);
  if (!product) throw new Error(`credit line points at missing product version ${line.productId}@${line.productVersion}`);
  const [misfit] = productFitReasons(product, request);
  if (misfit) return refuse('unprocessable', misfit.code, misfit.message);
  if (request.amountFen > line.availableFen) throw guardRefusal(CREDIT_LIMIT_EXCEEDED);
  const schedule = buildSchedule({
    principalFen: request.amountFen,
    annualRateBps: line.annualRateBps,
    termMonths: request.termMonths,
    method: request.method,
    drawdownDate: today,
  });
  return { line, product, schedule, annualized: scheduleAnnualizedRate(schedule) };
}

export async function quoteDrawdown(customerId: string, request: DrawdownRequest, now: Date): Promise<DrawdownTerms> {
  await loadOwnAccount(await loadCustomer(customerId));
  const [line, today] = await allInOrder([loans.creditLine(customerId, request.productId), currentBusinessDate(now)]);
  return drawdownTerms(line, request, today);
}

/** Draws on the credit line: the loan, its active-index entry, the line's room, the journal
 *  paying the money out, the second factor, the funnel event and the request's answer are one
 *  transaction. The loan id derives from the request, so a retried drawdown finds its loan. */
export async function drawLoan(
  customerId: string,
  request: SignedDrawdownRequest,
  { secondFactor, idempotencyKey, now, completion }: ConfirmedRequest<LoanOnDate>,
): Promise<LoanOnDate> {
  const [{ customer, account }, today, readLine] = await allInOrder([
    loadNonceAccount(customerId, secondFactor),
    currentBusinessDate(now),
    loans.creditLine(customerId, request.productId),
  ]);
  // A frozen account still takes money in (只收不付), but a new loan is new debt for a customer
  // the bank has stopped: refused until the freeze is lifted.
  if (account.status === 'FROZEN') refuse('unprocessable', 'ACCOUNT_FROZEN', '您的电子账户已被冻结，暂不能借款，请联系近邻银行客服');
  if (!isCurrentLoanContract(request.contractConsent.textVersion)) {
    refuse('unprocessable', 'CONTRACT_VERSION_UNKNOWN', '借款合同已更新，请重新阅读并同意最新版本');
  }
  const { line, product, schedule, annualized } = await drawdownTerms(readLine, request, today);
  const factor = await requireSecondFactor(customer, secondFactor, now);

  const journalId = deterministicJournalId(customerId, 'drawdown', idempotencyKey);
  const loanId = `L${journalId.slice(1)}`;
  const contractNo = `JL${today.replaceAll('-', '')}${loanId.slice(1, 9).toUpperCase()}`;
  const loan: loans.LoanRecord = {
    loanId,
    contractNo,
    drawdownJournalId: journalId,
    customerId,
    accountId: account.accountId,
    productId: product.productId,
    productName: product.name,
    productVersion: product.version,
    disclosureVersion: product.disclosureVersion,
    contractTextVersion: request.contractConsent.textVersion,
    termMonths: request.termMonths,
    annualizedRateBps: annualized.annualizedRateBps,
    annualizedRateDisplay: annualized.annualizedRateDisplay,
    signedAt: now.toISOString(),
    status: 'ACTIVE',
    version: 1,
    state: openLoan(schedule, product),
  };
  const journal = loanDrawdownJournal({
    journalId,
    customerAccountId: account.accountId,
    fundingShardAccountId: shardOf(journalId)(HOUSE_ACCOUNTS.LOAN_FUNDING),
    amountFen: request.amountFen,
    contractNo,
    productName: product.name,
    createdAt: now.toISOString(),
  });
  const event: CustomerEvent = {
    customerId,
    kind: 'LOAN_DRAWN',
    at: journal.createdAt,
    ref: journalId,
    amountFen: request.amountFen,
    product: { type: 'LOAN', id: product.productId },
  };
  const drawn: LoanOnDate = { loan, today };
  const outcome = await postJournal(journal, {
    guards: [
      ...factor.guards,
      loans.creditLineUseGuard(customerId, line.productId, request.amountFen),
      ...loans.newLoanGuards(loan),
      ...customerEventGuards(event),
      ...(completion ? [completion.guard(drawn)] : []),
    ],
  });
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: { ...factor.texts, ...DRAWDOWN_GUARDS, ...COMPLETION_GUARD_TEXT } });
  // A replay (an earlier try of this request committed) stored its event and the loan as they
  // were then: credited and answered as stored.
  await creditRecordedEvent({ ...event, at: outcome.journal.createdAt });
  if (outcome.replayed) return { loan: await ownLoan(customerId, loanId), today };
  completion?.stored();
  return drawn;
}

// ---- the customer's loans -----------------------------------------------------------------------

export async function customerLoans(customerId: string, now: Date): Promise<{ loans: loans.LoanRecord[]; today: string }> {
  const today = await currentBusinessDate(now);
  return { loans: await loans.customerLoans(customerId), today };
}

export async function customerLoan(customerId: string, loanId: string, now: Date): Promise<LoanOnDate> {
  return { loan: await ownLoan(customerId, loanId), today: await currentBusinessDate(now) };
}

// ---- repayment and payoff -----------------------------------------------------------------------

/** Posts a repayment journal together with the loan's next state (conditional on the version
 *  `loan` was read at), when principal comes back the credit line's restored room, and the
 *  caller's guards (the customer's second factor). Shared by the customer's repayments and the
 *  day close's auto-debit. */
export async function postLoanRepayment(args: {
  loan: loans.LoanRecord;
  next: LoanState;
  parts: RepaymentParts;
  journalId: string;
  label: string;
  createdAt: string;
  origin?: 'DAY_CLOSE';
  guards?: Guard[];
  /** The annualized rate of a schedule the repayment replaced (a prepayment's), stored with it. */
  annualized?: AnnualizedRate;
}): Promise<PostOutcome> {
  const { loan, next, parts, journalId, annualized } = args;
  const nextRecord: loans.LoanRecord = {
    ...loan,
    ...(annualized ? { annualizedRateBps: annualized.annualizedRateBps, annualizedRateDisplay: annualized.annualizedRateDisplay } : {}),
    // 缩短期限 leaves fewer periods: the term is the schedule's.
    termMonths: next.installments.length,
    state: next,
    status: isPaidOff(next) ? 'PAID_OFF' : 'ACTIVE',
  };
  const journal = loanRepaymentJournal({
    journalId,
    customerAccountId: loan.accountId,
    houseShard: shardOf(journalId),
    principalFen: parts.principalFen,
    interestFen: parts.interestFen,
    penaltyFen: parts.penaltyFen,
    contractNo: loan.contractNo,
    label: args.label,
    createdAt: args.createdAt,
    ...(args.origin ? { origin: args.origin } : {}),
  });
  const guards = [...(args.guards ?? []), ...loans.loanChangeGuards(loan, nextRecord)];
  if (parts.principalFen > 0) guards.push(loans.creditLineUseGuard(loan.customerId, loan.productId, -parts.principalFen));
  return postJournal(journal, { guards });
}

/** The answer to a repayment, from its journal (also when the journal is a replay) and the loan
 *  and account as they are after it. */
async function repaymentOutcome(journal: Journal, customerId: string, loanId: string, accountId: string, today: string): Promise<RepaymentOutcome> {
  const [loan, account] = await allInOrder([ownLoan(customerId, loanId), getAccount(accountId)]);
  return { journalId: journal.journalId, ...repaidParts(journal), balanceFen: account!.balanceFen, loan, today };
}

/** What a repayment journal paid, part by part, read from what its house accounts received. */
function repaidParts(journal: Journal): RepaymentParts {
  const houseAmountFen = (house: HouseAccount) =>
    journal.postings.filter((p) => p.accountId.startsWith(`${house}~`)).reduce((sum, p) => sum + p.amountFen, 0);
  return {
    principalFen: houseAmountFen(HOUSE_ACCOUNTS.LOAN_FUNDING),
    interestFen: houseAmountFen(HOUSE_ACCOUNTS.INTEREST_INCOME),
    penaltyFen: houseAmountFen(HOUSE_ACCOUNTS.PENALTY_INCOME),
  };
}

/** The journal id of the customer's repayment or payoff under an Idempotency-Key: a retry finds
 *  its journal. */
const repaymentJournalId = (customerId: string, idempotencyKey: string) => deterministicJournalId(customerId, 'repay', idempotencyKey);
const payoffJournalId = (customerId: string, idempotencyKey: string) => deterministicJournalId(customerId, 'payoff', idempotencyKey);

/** What a repayment or payoff reads at once: the customer and account, the business date, the
 *  loan, and the journal of an earlier try of the same request. One that already committed (its
 *  answer was lost and the request retried) is answered from its journal: allocating again
 *  against the loan it changed would be another movement, and a loan it paid off would refuse it
 *  as paid off though the money moved. */
async function repaymentReads(customerId: string, loanId: string, journalId: string, { secondFactor, now }: ConfirmedRequest<RepaymentOutcome>) {
  const [{ customer, account }, today, committed, loan] = await allInOrder([
    loadNonceAccount(customerId, secondFactor),
    currentBusinessDate(now),
    getJournal(journalId),
    ownLoan(customerId, loanId),
  ]);
  return { customer, accountId: account.accountId, today, committed, loan };
}

/** The loan's state today (penalty accrued through today) and what is payable on it now — the
 *  rows due by today, as scheduled: what a repayment without an amount pays. */
function payableToday(loan: loans.LoanRecord, today: string): { state: LoanState; payableFen: number } {
  const state = accruePenalty(loan.state, today);
  return { state, payableFen: amountPayableFen(state.installments, today) };
}

/** A repayment: of what is due (`amountFen`, or everything due when omitted), or a prepayment of
 *  principal with the customer's choice of what happens to the rest of the schedule. */
export interface RepaymentRequest {
  amountFen?: number;
  prepayment?: { principalFen: number; adjustment: PrepaymentAdjustment };
}

/** What a prepayment would do to the loan today (reads only). */
function planLoanPrepayment(readLoan: loans.LoanRecord, prepayment: NonNullable<RepaymentRequest['prepayment']>, today: string) {
  const loan = activeLoan(readLoan);
  const state = accruePenalty(loan.state, today);
  return { loan, state, plan: planPrepayment(state, { ...prepayment, today }) };
}

/** What a repayment would do to the loan today: the next state, the parts the journal books, and
 *  for a prepayment the new schedule's annualized rate. */
function planRepayment(readLoan: loans.LoanRecord, request: RepaymentRequest, today: string) {
  const { amountFen, prepayment } = request;
  if (prepayment && amountFen !== undefined) {
    return refuse('invalid', 'REPAYMENT_AMBIGUOUS', '提前还款只需填写提前还款本金，不能同时填写还款金额');
  }
  if (prepayment) {
    const { loan, state, plan } = planLoanPrepayment(readLoan, prepayment, today);
    const parts = { principalFen: plan.principalFen, interestFen: plan.interestFen, penaltyFen: 0 };
    return { loan, next: applyPrepayment(state, plan), parts, annualized: plan, label: `${loan.productName}提前还款` };
  }
  const loan = activeLoan(readLoan);
  const { state, payableFen } = payableToday(loan, today);
  if (payableFen === 0) return refuse('unprocessable', 'NOTHING_DUE', '当前没有到期应还款项；提前归还本金请选择「提前还款」');
  const paidFen = amountFen ?? payableFen;
  if (paidFen > payableFen) {
    return refuse('unprocessable', 'AMOUNT_EXCEEDS_PAYABLE', `本次到期应还最多 ¥${(payableFen / 100).toFixed(2)}，提前归还本金请选择「提前还款」`);
  }
  const allocation = allocateRepayment(state.installments, paidFen, today);
  return { loan, next: { ...state, installments: applyAllocation(state.installments, allocation) }, parts: allocation, label: `${loan.productName}还款` };
}

/** Repays from the e-account; the second factor is used up by the repayment's transaction. */
export async function repayLoan(
  customerId: string,
  loanId: string,
  request: RepaymentRequest,
  confirmed: ConfirmedRequest<RepaymentOutcome>,
): Promise<RepaymentOutcome> {
  const { secondFactor, idempotencyKey, now } = confirmed;
  const journalId = repaymentJournalId(customerId, idempotencyKey);
  const { customer, accountId, today, committed, loan } = await repaymentReads(customerId, loanId, journalId, confirmed);
  if (committed) return repaymentOutcome(committed, customerId, loanId, accountId, today);
  // What the repayment would do is checked before the PIN: a refusal costs no PIN attempt.
  const firstPlan = planRepayment(loan, request, today);
  const factor = await requireSecondFactor(customer, secondFactor, now);
  return retry(REPAYMENT_RACE, async (attemptNumber) => {
    const plan = attemptNumber === 1 ? firstPlan : planRepayment(await ownLoan(customerId, loanId), request, today);
    const outcome = await postLoanRepayment({ ...plan, journalId, createdAt: now.toISOString(), guards: factor.guards });
    if (outcome.ok) return repaymentOutcome(outcome.journal, customerId, loanId, accountId, today);
    const lostRace = outcome.reason === 'GUARD_FAILED' && outcome.guard === 'LOAN_CHANGED';
    if (lostRace && attemptNumber < REPAYMENT_RACE.attempts) throw new TryAgain('another change of the loan committed first');
    throw ledgerRefusal(outcome, { ownAccountId: plan.loan.accountId, guards: { ...REPAYMENT_GUARDS, ...factor.texts } });
  });
}

/** What prepaying would cost and the schedule it would leave, for the customer to choose between
 *  减少月供 and 缩短期限 before confirming (reads only; the repayment recomputes it). */
export async function quoteLoanPrepayment(
  customerId: string,
  loanId: string,
  prepayment: NonNullable<RepaymentRequest['prepayment']>,
  now: Date,
): Promise<LoanOnDate & { plan: PrepaymentPlan }> {
  const [today, readLoan] = await allInOrder([currentBusinessDate(now), ownLoan(customerId, loanId)]);
  const { loan, plan } = planLoanPrepayment(readLoan, prepayment, today);
  return { loan, plan, today };
}

/** What the review sheet of a repayment or payoff reads at once: the business date, the loan, and
 *  what an earlier try under the same Idempotency-Key paid, if it committed (the money route
 *  answers that request from its journal). */
async function reviewReads(customerId: string, loanId: string, journalId: string | undefined, now: Date) {
  const [today, committed, loan] = await allInOrder([
    currentBusinessDate(now),
    journalId === undefined ? Promise.resolve(undefined) : getJournal(journalId),
    loans.getLoan(customerId, loanId),
  ]);
  const paid = committed && repaidParts(committed);
  return { today, loan, paidFen: paid ? paid.principalFen + paid.interestFen + paid.penaltyFen : undefined };
}

/** What a repayment of the loan without an amount takes from the e-account, for its review sheet
 *  (reads only): everything due today, as `repayLoan` plans it, or what an earlier try under the
 *  same key paid. Null when the repayment will be refused — no such loan, paid off, nothing
 *  due — which it says itself, before the PIN is checked. */
export async function payableNowFen(customerId: string, loanId: string, { idempotencyKey, now }: { idempotencyKey: string | undefined; now: Date }): Promise<number | null> {
  const journalId = idempotencyKey === undefined ? undefined : repaymentJournalId(customerId, idempotencyKey);
  const { today, loan, paidFen } = await reviewReads(customerId, loanId, journalId, now);
  if (paidFen !== undefined) return paidFen;
  if (loan?.status !== 'ACTIVE') return null;
  const { payableFen } = payableToday(loan, today);
  return payableFen > 0 ? payableFen : null;
}

/** What a prepayment takes from the e-account (principal + early interest), for its review sheet
 *  (reads only), or what an earlier try under the same key paid. Null when it will be refused,
 *  which the repayment says itself. */
export async function prepaymentFen(
  customerId: string,
  loanId: string,
  prepayment: NonNullable<RepaymentRequest['prepayment']>,
  { idempotencyKey, now }: { idempotencyKey: string | undefined; now: Date },
): Promise<number | null> {
  const journalId = idempotencyKey === undefined ? undefined : repaymentJournalId(customerId, idempotencyKey);
  const { today, loan, paidFen } = await reviewReads(customerId, loanId, journalId, now);
  if (paidFen !== undefined) return paidFen;
  if (loan?.status !== 'ACTIVE') return null;
  try {
    return planLoanPrepayment(loan, prepayment, today).plan.totalFen;
  } catch (error) {
    // Refused: the sheet shows no figure and the repayment gives the reason before the PIN.
    if (error instanceof Refusal) return null;
    throw error;
  }
}

/** What paying the loan off takes from the e-account, for its review sheet (reads only): the total
 *  of the quote `payOffLoan` pays at (principal, interest to date and penalty, per the loan
 *  rules), or what an earlier try under the same key paid. Null when the payoff will be refused —
 *  no such loan, paid off, no quote, or one that no longer holds — which it says itself. */
export async function payoffFen(customerId: string, loanId: string, { idempotencyKey, now }: { idempotencyKey: string | undefined; now: Date }): Promise<number | null> {
  const journalId = idempotencyKey === undefined ? undefined : payoffJournalId(customerId, idempotencyKey);
  const [{ today, loan, paidFen }, quote] = await allInOrder([reviewReads(customerId, loanId, journalId, now), loans.payoffQuote(customerId, loanId)]);
  if (paidFen !== undefined) return paidFen;
  if (loan?.status !== 'ACTIVE' || !quote) return null;
  return quoteStanding(loan.state, quote, today, now) === 'HOLDS' ? quote.totalFen : null;
}

/** The amount that pays the loan off today, held for a few minutes for the payoff to use. */
export async function quoteLoanPayoff(customerId: string, loanId: string, now: Date): Promise<PayoffQuote> {
  const loan = activeLoan(await ownLoan(customerId, loanId));
  const quote = quotePayoff(loan.state, await currentBusinessDate(now), now);
  await loans.savePayoffQuote(customerId, loan.loanId, quote);
  return quote;
}

/** Pays the loan off at its quote. A loan changed since the quote answers LOAN_CHANGED (no retry:
 *  the quote no longer holds). */
export async function payOffLoan(customerId: string, loanId: string, confirmed: ConfirmedRequest<RepaymentOutcome>): Promise<RepaymentOutcome> {
  const { secondFactor, idempotencyKey, now } = confirmed;
  const journalId = payoffJournalId(customerId, idempotencyKey);
  const [{ customer, accountId, today, committed, loan }, quote] = await allInOrder([
    repaymentReads(customerId, loanId, journalId, confirmed),
    loans.payoffQuote(customerId, loanId),
  ]);
  const paidOff = async (journal: Journal) => {
    const [, outcome] = await allInOrder([loans.deletePayoffQuote(customerId, loanId), repaymentOutcome(journal, customerId, loanId, accountId, today)]);
    return outcome;
  };
  if (committed) return paidOff(committed);
  activeLoan(loan);
  if (!quote) return refuse('unprocessable', 'PAYOFF_QUOTE_REQUIRED', '请先获取提前结清金额');
  const next = payOff(loan.state, quote, today, now);
  const factor = await requireSecondFactor(customer, secondFactor, now);
  const outcome = await postLoanRepayment({
    loan,
    next,
    parts: quote,
    journalId,
    label: `${loan.productName}提前结清`,
    createdAt: now.toISOString(),
    guards: factor.guards,
  });
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: loan.accountId, guards: { ...REPAYMENT_GUARDS, ...factor.texts } });
  return paidOff(outcome.journal);
}

// ---- deferral --------------------------------------------------------------------------------

export interface DeferralRequest {
  months: number;
  reason: string;
}

/** The deferral the customer asks for, planned on the loan as of today (penalty accrued). */
function deferralOf(readLoan: loans.LoanRecord, months: number, today: string) {
  const loan = activeLoan(readLoan);
  const state = accruePenalty(loan.state, today);
  return { loan, state, plan: planDeferral(state, { months, today }) };
}

export async function planLoanDeferral(
  customerId: string,
  loanId: string,
  request: DeferralRequest,
  now: Date,
): Promise<LoanOnDate & { plan: DeferralPlan }> {
  const [today, readLoan] = await allInOrder([currentBusinessDate(now), ownLoan(customerId, loanId)]);
  const { loan, plan } = deferralOf(readLoan, request.months, today);
  return { loan, plan, today };
}

/** Shifts the loan's schedule as planned. No money moves: the loan's version guards it, in one
 *  transaction with the second factor and the request's answer. */
export async function deferLoan(
  customerId: string,
  loanId: string,
  request: DeferralRequest,
  { secondFactor, now, completion }: ConfirmedRequest<LoanOnDate>,
): Promise<LoanOnDate> {
  const [{ customer }, today, readLoan] = await allInOrder([loadNonceAccount(customerId, secondFactor), currentBusinessDate(now), ownLoan(customerId, loanId)]);
  const { loan, state, plan } = deferralOf(readLoan, request.months, today);
  const factor = await requireSecondFactor(customer, secondFactor, now);
  const deferredState = applyDeferral(state, plan, today);
  const next: loans.LoanRecord = {
    ...loan,
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
    // The deferral months are periods of the schedule: the term is the schedule's.
    termMonths: deferredState.installments.length,
    state: deferredState,
  };
  const deferred: LoanOnDate = { loan: { ...next, version: loan.version + 1 }, today };
  const refused = await loans.saveLoanChange(loan, next, { deferralReason: request.reason, deferredOn: today }, [
    ...factor.guards,
    ...(completion ? [completion.guard(deferred)] : []),
  ]);
  if (refused) throw ledgerRefusal({ ok: false, reason: 'GUARD_FAILED', guard: refused }, { guards: { LOAN_CHANGED, ...factor.texts, ...COMPLETION_GUARD_TEXT } });
  completion?.stored();
  return deferred;
}
