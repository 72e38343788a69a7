// Typed calls for the loan routes (shapes from functions/contract/loan-schemas.ts). Lives in the
// loans subpackage so none of it weighs on the main package.
import type {
  CalculatorRequest,
  CalculatorResponse,
  CreditLineList,
  DeferralConfirmRequest,
  DeferralPlanView,
  DeferralRequest,
  DrawdownRequest,
  LoanApplicationRequest,
  LoanContractView,
  LoanDecisionView,
  LoanList,
  LoanProductList,
  LoanView,
  PayoffQuoteView,
  PrepaymentQuoteView,
  RepayRequest,
  RepaymentResult,
} from '@contract/loan-schemas';
import type { Prepayment } from '@contract/prepayment-schema';
import type { SecondFactor } from '@contract/second-factor-schemas';
import { customerRequest, publicRequest } from '@/api/http';

function loanPath(loanId: string, action = ''): string {
  return `/v1/loans/${encodeURIComponent(loanId)}${action}`;
}

export const DRAW_PATH = '/v1/loans';
export const repaymentPath = (loanId: string) => loanPath(loanId, '/repayments');
export const payoffPath = (loanId: string) => loanPath(loanId, '/payoff');
export const deferralPath = (loanId: string) => loanPath(loanId, '/deferral');

export function getLoanProducts(): Promise<LoanProductList> {
  return publicRequest<LoanProductList>({ method: 'GET', path: '/v1/loan-products' });
}

export function calculateLoan(body: CalculatorRequest): Promise<CalculatorResponse> {
  return publicRequest<CalculatorResponse>({ method: 'POST', path: '/v1/loan-calculator', body });
}

/** The schedule and annualized rate of a drawdown at the rate of the customer's own line. */
export function quoteDrawdown(body: CalculatorRequest): Promise<CalculatorResponse> {
  return customerRequest<CalculatorResponse>({ method: 'POST', path: '/v1/loan-quotes', body });
}

/** The loan contract text in force: read before drawing, agreed to by its version. */
export function getLoanContract(): Promise<LoanContractView> {
  return publicRequest<LoanContractView>({ method: 'GET', path: '/v1/loan-contract' });
}

export function applyForLoan(body: LoanApplicationRequest): Promise<LoanDecisionView> {
  return customerRequest<LoanDecisionView>({ method: 'POST', path: '/v1/loan-applications', body });
}

export function getCreditLines(): Promise<CreditLineList> {
  return customerRequest<CreditLineList>({ method: 'GET', path: '/v1/credit-lines' });
}

export function drawLoan(body: DrawdownRequest, idempotencyKey: string): Promise<LoanView> {
  return customerRequest<LoanView>({ method: 'POST', path: DRAW_PATH, body, idempotencyKey });
}

export function getLoans(): Promise<LoanList> {
  return customerRequest<LoanList>({ method: 'GET', path: '/v1/loans' });
}

export function getLoan(loanId: string): Promise<LoanView> {
  return customerRequest<LoanView>({ method: 'GET', path: loanPath(loanId) });
}

export function repayLoan(loanId: string, body: RepayRequest, idempotencyKey: string): Promise<RepaymentResult> {
  return customerRequest<RepaymentResult>({ method: 'POST', path: repaymentPath(loanId), body, idempotencyKey });
}

/** What prepaying principal would cost and the schedule it would leave (the server's, read only). */
export function quotePrepayment(loanId: string, body: Prepayment): Promise<PrepaymentQuoteView> {
  return customerRequest<PrepaymentQuoteView>({ method: 'POST', path: loanPath(loanId, '/prepayment-quote'), body });
}

export function getPayoffQuote(loanId: string): Promise<PayoffQuoteView> {
  return customerRequest<PayoffQuoteView>({
    method: 'POST',
    path: loanPath(loanId, '/payoff-quote'),
  });
}

/** Pays at the latest quote the server gave: the body is the second factor alone. */
export function payOffLoan(loanId: string, body: { secondFactor: SecondFactor }, idempotencyKey: string): Promise<RepaymentResult> {
  return customerRequest<RepaymentResult>({ method: 'POST', path: payoffPath(loanId), body, idempotencyKey });
}

export function planDeferral(loanId: string, body: DeferralRequest): Promise<DeferralPlanView> {
  return customerRequest<DeferralPlanView>({
    method: 'POST',
    path: loanPath(loanId, '/deferral-plan'),
    body,
  });
}

export function confirmDeferral(
  loanId: string,
  body: DeferralConfirmRequest,
  idempotencyKey: string,
): Promise<LoanView> {
  return customerRequest<LoanView>({ method: 'POST', path: deferralPath(loanId), body, idempotencyKey });
}
