// Loans (无接触贷款): products and calculator, application with an instant decision, drawdown,
// my loans, repayment, early payoff and relief deferral.
import { randomUUID } from 'node:crypto';
import { creditBureau } from '../adapters/credit-bureau.js';
import { config } from '../config.js';
import type { LoanDecisionView, RepaymentResult } from '../contract/loan-schemas.js';
import { loanRoutes as routes } from '../contract/loan-routes.js';
import { Refusal, refuse } from '../domain/errors.js';
import { parseIdNumber } from '../domain/idcard.js';
import { HOUSE_ACCOUNTS, type Journal, loanDrawdownJournal, loanRepaymentJournal } from '../domain/ledger.js';
import { scheduleAnnualizedRate } from '../domain/loan/apr.js';
import { formatRateBps } from '../domain/format.js';
import { CREDIT_CODE_PATTERN } from '../domain/loan/business-licence.js';
import { calculatorQuote } from '../domain/loan/calculator.js';
import { BUREAU_CONSENT, isCurrentBureauConsent } from '../domain/loan/consent.js';
import { decide, loanApplicationSchema, RULE_VERSION } from '../domain/loan/decision.js';
import { applyDeferral, planDeferral } from '../domain/loan/deferral.js';
import { accruePenalty } from '../domain/loan/overdue.js';
import { payOff, quotePayoff } from '../domain/loan/payoff.js';
import { type LoanProduct, productFitReasons, type RepaymentMethod } from '../domain/loan/product.js';
import { allocateRepayment, amountPayableFen, applyAllocation } from '../domain/loan/repayment.js';
import { buildSchedule } from '../domain/loan/schedule.js';
import { isPaidOff, type LoanState, openLoan } from '../domain/loan/state.js';
import { getAccount } from '../store/accounts.js';
import { decrypt } from '../store/crypto.js';
import { deterministicJournalId, getJournal, houseShard, type PostOutcome, postJournal } from '../store/ledger.js';
import { currentBusinessDate } from '../store/business-date.js';
import { recordCustomerEvent } from '../services/customer-events.js';
import * as loans from '../store/loans.js';
import { allInOrder } from '../platform/all-in-order.js';
import { loadCustomer, loadOwnAccount, requirePin } from '../services/customer-guards.js';
import { bestGrade, installmentViews, loanView, productView } from './loan-views.js';
import { defineRoute, lambda } from './route.js';

const shardOf = (journalId: string) => (house: (typeof HOUSE_ACCOUNTS)[keyof typeof HOUSE_ACCOUNTS]) =>
  houseShard(house, journalId, config().HOUSE_SHARDS);

async function product(productId: string): Promise<LoanProduct> {
  return (await loans.currentProduct(productId)) ?? refuse('not_found', 'PRODUCT_NOT_FOUND', '未找到该贷款产品');
}

async function ownLoan(customerId: string, loanId: string): Promise<loans.LoanRecord> {
  // Loans live under their owner's key: another customer's loan id simply is not there.
  return (await loans.getLoan(customerId, loanId)) ?? refuse('not_found', 'LOAN_NOT_FOUND', '未找到该笔借款');
}


const productList = defineRoute('loanProducts', routes.loanProducts, async () => {
  const lprBps = await loans.oneYearLprBps();
  const items = (await loans.currentProducts()).map((item) => productView(item, lprBps));
  return {
    items,
    lprBps,
    lprDisplay: formatRateBps(lprBps),
    applicationTerms: {
      bureauConsentTextVersion: BUREAU_CONSENT.textVersion,
      bureauConsentText: BUREAU_CONSENT.text,
      creditCodePattern: CREDIT_CODE_PATTERN,
    },
  };
});

const calculator = defineRoute('loanCalculator', routes.loanCalculator, async ({ body, now }) => {
  const chosen = await product(body.productId);
  const grade = bestGrade(chosen);
  const quote = calculatorQuote(chosen, {
    ...body,
    grade,
    lprBps: await loans.oneYearLprBps(),
    drawdownDate: await currentBusinessDate(now),
  });
  return {
    productId: chosen.productId,
    amountFen: body.amountFen,
    termMonths: body.termMonths,
    method: body.method,
    grade,
    annualRateBps: quote.annualRateBps,
    annualRateDisplay: quote.annualRateDisplay,
    annualizedRateBps: quote.annualizedRateBps,
    annualizedRateDisplay: quote.annualizedRateDisplay,
    totalInterestFen: quote.schedule.totals.interestFen,
    totalPaymentFen: quote.schedule.totals.paymentFen,
    installments: quote.schedule.installments,
  };
});

const apply = defineRoute('loanApply', routes.loanApply, async ({ customerId, body, now }) => {
  const customer = await loadCustomer(customerId);
  // Independent reads at once: the decision's latency is mostly round trips (docs/BENCHMARKS.md, item 3).
  const [, chosen, today, previous, lprBps] = await allInOrder([
    loadOwnAccount(customer),
    product(body.productId),
    currentBusinessDate(now),
    loans.latestApplication(customerId, body.productId),
    loans.oneYearLprBps(),
  ]);
  if (!isCurrentBureauConsent(body.bureauConsent.textVersion)) {
    refuse('unprocessable', 'CONSENT_VERSION_UNKNOWN', '征信授权书版本已更新，请重新阅读并同意');
  }
  if (previous?.decision.outcome === 'DECLINED' && previous.decision.reapplyAfter > today) {
    refuse('unprocessable', 'REAPPLY_COOLDOWN', `暂不能重新申请，请于 ${previous.decision.reapplyAfter} 后再试`);
  }
  const [idNumber, name] = await allInOrder([decrypt(customer.idNumberEnc!), decrypt(customer.nameEnc!)]);
  const parsedId = parseIdNumber(idNumber);
  if (typeof parsedId === 'string') throw new Error('stored ID number no longer parses');
  const { bureauConsent, productId: _productId, ...request } = body;
  const application = loanApplicationSchema.parse({ ...request, birthDate: parsedId.birthDate });
  const report = await creditBureau().report({
    idNumber,
    name,
    consentTextVersion: bureauConsent.textVersion,
    purpose: 'LOAN_APPLICATION',
  });
  const decision = decide(application, report, chosen, { lprBps, today, ruleVersion: RULE_VERSION });
  const applicationId = randomUUID();
  await loans.saveApplication(
    {
      applicationId,
      customerId,
      createdAt: now.toISOString(),
      productId: chosen.productId,
      productVersion: chosen.version,
      application,
      bureauReport: report,
      decision,
      lprBps,
      consent: { textVersion: bureauConsent.textVersion, agreedAt: now.toISOString() },
    },
    decision.outcome === 'APPROVED'
      ? {
          customerId,
          productId: chosen.productId,
          productVersion: chosen.version,
          applicationId,
          grade: decision.grade,
          creditLimitFen: decision.creditLimitFen,
          usedFen: 0,
          availableFen: decision.creditLimitFen,
          annualRateBps: decision.annualRateBps,
          lineExpiresOn: decision.lineExpiresOn,
        }
      : undefined,
  );
  const productRef = { type: 'LOAN', id: chosen.productId } as const;
  await allInOrder([
    recordCustomerEvent({ customerId, kind: 'LOAN_APPLIED', at: now.toISOString(), ref: applicationId, product: productRef }),
    ...(decision.outcome === 'APPROVED'
      ? [recordCustomerEvent({ customerId, kind: 'LOAN_APPROVED', at: now.toISOString(), ref: applicationId, product: productRef, amountFen: decision.creditLimitFen })]
      : []),
  ]);
  const approved = decision.outcome === 'APPROVED' ? decision : undefined;
  const view: LoanDecisionView = {
    applicationId,
    outcome: decision.outcome,
    productId: chosen.productId,
    decidedOn: decision.decidedOn,
    ruleVersion: decision.ruleVersion,
    grade: approved?.grade ?? null,
    creditLimitFen: approved?.creditLimitFen ?? null,
    annualRateBps: approved?.annualRateBps ?? null,
    annualRateDisplay: approved?.annualRateDisplay ?? null,
    annualizedRateBps: approved?.annualizedRateBps ?? null,
    annualizedRateDisplay: approved?.annualizedRateDisplay ?? null,
    lineExpiresOn: approved?.lineExpiresOn ?? null,
    reasons: decision.outcome === 'DECLINED' ? decision.reasonCodes : [],
    reapplyAfter: decision.outcome === 'DECLINED' ? decision.reapplyAfter : null,
  };
  return view;
});

const lines = defineRoute('creditLines', routes.creditLines, async ({ customerId, now }) => {
  const today = await currentBusinessDate(now);
  const items = [];
  for (const line of await loans.creditLines(customerId)) {
    if (line.lineExpiresOn < today) continue;
    const lineProduct = await loans.productVersion(line.productId, line.productVersion);
    items.push({
      productId: line.productId,
      productName: lineProduct?.name ?? line.productId,
      grade: line.grade,
      creditLimitFen: line.creditLimitFen,
      availableFen: Math.max(0, line.availableFen),
      annualRateBps: line.annualRateBps,
      annualRateDisplay: formatRateBps(line.annualRateBps),
      lineExpiresOn: line.lineExpiresOn,
    });
  }
  return { items };
});

/** The schedule a drawdown would get today on the customer's line, or why it cannot be drawn. */
async function drawdownTerms(customerId: string, request: { productId: string; amountFen: number; termMonths: number; method: RepaymentMethod }, today: string) {
  const line = await loans.creditLine(customerId, request.productId);
  if (!line) return refuse('unprocessable', 'NO_CREDIT_LINE', '请先申请该产品的借款额度');
  if (line.lineExpiresOn < today) return refuse('unprocessable', 'CREDIT_LINE_EXPIRED', '借款额度已过期，请重新申请');
  const terms = await loans.productVersion(line.productId, line.productVersion);
  if (!terms) throw new Error(`credit line points at missing product version ${line.productId}@${line.productVersion}`);
  const [misfit] = productFitReasons(terms, request);
  if (misfit) return refuse('unprocessable', misfit.code, misfit.message);
  if (request.amountFen > line.availableFen) return refuse('unprocessable', 'CREDIT_LIMIT_EXCEEDED', '超过可用借款额度');
  const schedule = buildSchedule({ ...request, principalFen: request.amountFen, annualRateBps: line.annualRateBps, drawdownDate: today });
  return { line, terms, schedule, annualized: scheduleAnnualizedRate(schedule) };
}

const drawdownQuote = defineRoute('drawdownQuote', routes.drawdownQuote, async ({ customerId, body, now }) => {
  await loadOwnAccount(await loadCustomer(customerId));
  const { line, schedule, annualized } = await drawdownTerms(customerId, body, await currentBusinessDate(now));
  return {
    ...body,
    grade: line.grade,
    annualRateBps: line.annualRateBps,
    annualRateDisplay: formatRateBps(line.annualRateBps),
    ...annualized,
    totalInterestFen: schedule.totals.interestFen,
    totalPaymentFen: schedule.totals.paymentFen,
    installments: schedule.installments,
  };
});

const drawdown = defineRoute('drawdown', routes.drawdown, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const today = await currentBusinessDate(now);
  const { line, terms, schedule, annualized } = await drawdownTerms(customerId, body, today);
  await requirePin(customer, body.pin, now);

  const journalId = deterministicJournalId(customerId, 'drawdown', idempotencyKey);
  const loanId = `L${journalId.slice(1)}`;
  const contractNo = `JL${today.replaceAll('-', '')}${loanId.slice(1, 9).toUpperCase()}`;
  const record: loans.LoanRecord = {
    loanId,
    contractNo,
    drawdownJournalId: journalId,
    customerId,
    accountId: account.accountId,
    productId: terms.productId,
    productName: terms.name,
    productVersion: terms.version,
    disclosureVersion: terms.disclosureVersion,
    termMonths: body.termMonths,
    annualizedRateBps: annualized.annualizedRateBps,
    annualizedRateDisplay: annualized.annualizedRateDisplay,
    signedAt: now.toISOString(),
    status: 'ACTIVE',
    version: 1,
    state: openLoan(schedule, terms),
  };
  const journal = loanDrawdownJournal({
    journalId,
    customerAccountId: account.accountId,
    fundingShardAccountId: shardOf(journalId)(HOUSE_ACCOUNTS.LOAN_FUNDING),
    amountFen: body.amountFen,
    contractNo,
    productName: terms.name,
    createdAt: now.toISOString(),
  });
  const outcome = await postJournal(journal, {
    guards: [loans.creditLineUseGuard(customerId, line.productId, body.amountFen), ...loans.newLoanGuards(record)],
  });
  if (!outcome.ok) {
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'CREDIT_LINE') {
      return refuse('unprocessable', 'CREDIT_LIMIT_EXCEEDED', '超过可用借款额度');
    }
    throw new Error(`drawdown refused unexpectedly: ${JSON.stringify(outcome)}`);
  }
  await recordCustomerEvent({
    customerId,
    kind: 'LOAN_DRAWN',
    at: outcome.journal.createdAt,
    ref: journalId,
    amountFen: body.amountFen,
    product: { type: 'LOAN', id: terms.productId },
  });
  return loanView(await ownLoan(customerId, loanId), today);
});

const list = defineRoute('loans', routes.loans, async ({ customerId, now }) => {
  const today = await currentBusinessDate(now);
  const items = (await loans.customerLoans(customerId)).map((loan) => loanView(loan, today));
  return { items, businessDate: today };
});

const detail = defineRoute('loan', routes.loan, async ({ customerId, params, now }) =>
  loanView(await ownLoan(customerId, params.loanId), await currentBusinessDate(now)),
);

/** Posts a repayment journal together with the loan's new state, or explains why not. */
async function settleRepayment(args: {
  loan: loans.LoanRecord;
  next: LoanState;
  parts: { principalFen: number; interestFen: number; penaltyFen: number };
  journalId: string;
  label: string;
  now: Date;
  today: string;
}): Promise<RepaymentResult> {
  const { loan, next, parts, journalId } = args;
  const nextRecord: loans.LoanRecord = { ...loan, state: next, status: isPaidOff(next) ? 'PAID_OFF' : 'ACTIVE' };
  const journal = loanRepaymentJournal({
    journalId,
    customerAccountId: loan.accountId,
    houseShard: shardOf(journalId),
    ...parts,
    contractNo: loan.contractNo,
    label: args.label,
    createdAt: args.now.toISOString(),
  });
  const guards = [...loans.loanChangeGuards(loan, nextRecord)];
  if (parts.principalFen > 0) guards.push(loans.creditLineUseGuard(loan.customerId, loan.productId, -parts.principalFen));
  const outcome: PostOutcome = await postJournal(journal, { guards });
  if (!outcome.ok) {
    if (outcome.reason === 'INSUFFICIENT_FUNDS') return refuse('unprocessable', 'INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值');
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'LOAN_CHANGED') {
      return refuse('conflict', 'LOAN_CHANGED', '借款信息已更新，请刷新后重试');
    }
    throw new Error(`repayment refused unexpectedly: ${JSON.stringify(outcome)}`);
  }
  return repaymentResult(outcome.journal, loan, args.today);
}

/** The answer to a repayment, from its journal (also when the journal is a replay). */
async function repaymentResult(journal: Journal, loan: loans.LoanRecord, today: string): Promise<RepaymentResult> {
  const houseAmount = (house: string) =>
    journal.postings.filter((p) => p.accountId.startsWith(`${house}~`)).reduce((sum, p) => sum + p.amountFen, 0);
  const principalFen = houseAmount(HOUSE_ACCOUNTS.LOAN_FUNDING);
  const interestFen = houseAmount(HOUSE_ACCOUNTS.INTEREST_INCOME);
  const penaltyFen = houseAmount(HOUSE_ACCOUNTS.PENALTY_INCOME);
  const account = await getAccount(loan.accountId);
  return {
    journalId: journal.journalId,
    paidFen: principalFen + interestFen + penaltyFen,
    principalFen,
    interestFen,
    penaltyFen,
    balanceFen: account!.balanceFen,
    loan: loanView(await ownLoan(loan.customerId, loan.loanId), today),
  };
}

function assertActive(loan: loans.LoanRecord): void {
  if (loan.status !== 'ACTIVE') refuse('unprocessable', 'LOAN_PAID_OFF', '该笔借款已结清');
}

/** Two repayments of one loan at once (two devices, a double tap with new keys) meet at the loan's
 *  version: the one that loses re-reads the loan and allocates again. Each round at least one of
 *  them commits, so up to this many at once all land without the customer seeing a conflict. */
const REPAY_ATTEMPTS = 5;

const repay = defineRoute('repay', routes.repay, async ({ customerId, params, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  await loadOwnAccount(customer);
  const journalId = deterministicJournalId(customerId, 'repay', idempotencyKey);
  const today = await currentBusinessDate(now);
  // A retry of a repayment that committed (its answer lost) is answered from its journal:
  // allocating again against the loan it already changed would be another movement.
  const done = await getJournal(journalId);
  if (done) return repaymentResult(done, await ownLoan(customerId, params.loanId), today);
  const allocate = async () => {
    const loan = await ownLoan(customerId, params.loanId);
    assertActive(loan);
    const state = accruePenalty(loan.state, today);
    const payableFen = amountPayableFen(state.installments, today);
    if (payableFen === 0) return refuse('unprocessable', 'NOTHING_DUE', '当前没有应还金额');
    const amountFen = body.amountFen ?? payableFen;
    if (amountFen > payableFen) {
      return refuse('unprocessable', 'AMOUNT_EXCEEDS_PAYABLE', `本次最多可还 ¥${(payableFen / 100).toFixed(2)}，如需全部还清请选择提前结清`);
    }
    const allocation = allocateRepayment(state.installments, amountFen, today);
    return { loan, next: { ...state, installments: applyAllocation(state.installments, allocation) }, parts: allocation };
  };
  let planned = await allocate();
  await requirePin(customer, body.pin, now);
  for (let attempt = 1; ; attempt++) {
    try {
      return await settleRepayment({ ...planned, journalId, label: `${planned.loan.productName}还款`, now, today });
    } catch (error) {
      if (!(error instanceof Refusal && error.code === 'LOAN_CHANGED') || attempt >= REPAY_ATTEMPTS) throw error;
      planned = await allocate();
    }
  }
});

const payoffQuote = defineRoute('payoffQuote', routes.payoffQuote, async ({ customerId, params, now }) => {
  const loan = await ownLoan(customerId, params.loanId);
  assertActive(loan);
  const quote = quotePayoff(loan.state, await currentBusinessDate(now), now);
  await loans.savePayoffQuote(customerId, loan.loanId, quote);
  return {
    loanId: loan.loanId,
    asOf: quote.asOf,
    validUntil: quote.validUntil,
    totalFen: quote.totalFen,
    principalFen: quote.principalFen,
    interestFen: quote.interestFen,
    penaltyFen: quote.penaltyFen,
    accruedInterestDays: quote.accruedInterestDays,
    coolingOff: quote.coolingOff,
  };
});

const payoff = defineRoute('payoff', routes.payoff, async ({ customerId, params, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  await loadOwnAccount(customer);
  const journalId = deterministicJournalId(customerId, 'payoff', idempotencyKey);
  const today = await currentBusinessDate(now);
  // A retry of a payoff that committed (its answer lost) is answered from its journal: the loan
  // it paid off would otherwise refuse it as already paid off, though the money moved.
  const done = await getJournal(journalId);
  if (done) {
    await loans.deletePayoffQuote(customerId, params.loanId);
    return repaymentResult(done, await ownLoan(customerId, params.loanId), today);
  }
  const loan = await ownLoan(customerId, params.loanId);
  assertActive(loan);
  const quote = await loans.payoffQuote(customerId, loan.loanId);
  if (!quote) return refuse('unprocessable', 'PAYOFF_QUOTE_REQUIRED', '请先获取提前结清金额');
  const next = payOff(loan.state, quote, today, now);
  await requirePin(customer, body.pin, now);
  const result = await settleRepayment({
    loan,
    next,
    parts: quote,
    journalId,
    label: `${loan.productName}提前结清`,
    now,
    today,
  });
  await loans.deletePayoffQuote(customerId, loan.loanId);
  return result;
});

const deferralPlan = defineRoute('deferralPlan', routes.deferralPlan, async ({ customerId, params, body, now }) => {
  const loan = await ownLoan(customerId, params.loanId);
  assertActive(loan);
  const today = await currentBusinessDate(now);
  const plan = planDeferral(accruePenalty(loan.state, today), { months: body.months, today });
  return {
    loanId: loan.loanId,
    deferredMonths: plan.deferredMonths,
    addedInterestFen: plan.addedInterestFen,
    newMaturityDate: plan.newMaturityDate,
    annualRateBps: loan.state.annualRateBps,
    annualRateDisplay: formatRateBps(loan.state.annualRateBps),
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
    installments: installmentViews(plan.installments, today),
  };
});

const deferral = defineRoute('deferral', routes.deferral, async ({ customerId, params, body, now }) => {
  const customer = await loadCustomer(customerId);
  const loan = await ownLoan(customerId, params.loanId);
  assertActive(loan);
  const today = await currentBusinessDate(now);
  const state = accruePenalty(loan.state, today);
  const plan = planDeferral(state, { months: body.months, today });
  await requirePin(customer, body.pin, now);
  const next: loans.LoanRecord = {
    ...loan,
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
    state: applyDeferral(state, plan, today),
  };
  await loans.saveLoanChange(loan, next, { deferralReason: body.reason, deferredOn: today });
  return loanView(await ownLoan(customerId, loan.loanId), today);
});

export const handler = lambda([
  productList,
  calculator,
  apply,
  lines,
  drawdownQuote,
  drawdown,
  list,
  detail,
  repay,
  payoffQuote,
  payoff,
  deferralPlan,
  deferral,
]);
