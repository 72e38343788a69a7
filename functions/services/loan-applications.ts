// Applying for a loan: an instant decision on the customer's answers and a credit-bureau report,
// stored with everything needed to replay it; an approval grants a credit line to draw on.
import { randomUUID } from 'node:crypto';
import { creditBureau } from '../adapters/credit-bureau.js';
import { refuse } from '../domain/errors.js';
import { parseIdNumber } from '../domain/idcard.js';
import { isCurrentBureauConsent } from '../domain/loan/consent.js';
import { type ApprovedDecision, decide, type LoanApplication, type LoanDecision, loanApplicationSchema, RULE_VERSION } from '../domain/loan/decision.js';
import type { LoanProduct } from '../domain/loan/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { currentBusinessDate } from '../store/business-date.js';
import { decrypt } from '../store/crypto.js';
import * as loans from '../store/loans.js';
import { recordCustomerEvent } from './customer-events.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';
import { currentProductOrRefuse } from './loan-products.js';

/** The applicant's answers (birth date comes from the verified ID number) and the consent given. */
export type LoanApplicationRequest = Omit<LoanApplication, 'birthDate'> & {
  productId: string;
  bureauConsent: { textVersion: string };
};

/** The line an approval grants. It replaces an older line of the product; what is already drawn
 *  stays drawn against the new limit. */
function grantedLine(
  customerId: string,
  product: LoanProduct,
  applicationId: string,
  decision: ApprovedDecision,
  existing: loans.CreditLineRecord | undefined,
): loans.CreditLineRecord {
  const usedFen = existing?.usedFen ?? 0;
  return {
    customerId,
    productId: product.productId,
    productVersion: product.version,
    applicationId,
    grade: decision.grade,
    creditLimitFen: decision.creditLimitFen,
    usedFen,
    availableFen: decision.creditLimitFen - usedFen,
    annualRateBps: decision.annualRateBps,
    lineExpiresOn: decision.lineExpiresOn,
  };
}

/** A credit line written over while its customer draws or repays: read again and redo. */
const LINE_RACE: RetryPolicy = { attempts: 5, baseDelayMs: 10, maxDelayMs: 80, retryable: isTryAgain };

export async function applyForLoan(
  customerId: string,
  request: LoanApplicationRequest,
  now: Date,
): Promise<{ applicationId: string; decision: LoanDecision }> {
  const customer = await loadCustomer(customerId);
  // Independent reads at once: the decision's latency is mostly round trips (docs/BENCHMARKS.md, item 3).
  const [, product, today, previous, lprBps] = await allInOrder([
    loadOwnAccount(customer),
    currentProductOrRefuse(request.productId),
    currentBusinessDate(now),
    loans.latestApplication(customerId, request.productId),
    loans.oneYearLprBps(),
  ]);
  if (!isCurrentBureauConsent(request.bureauConsent.textVersion)) {
    refuse('unprocessable', 'CONSENT_VERSION_UNKNOWN', '征信授权书版本已更新，请重新阅读并同意');
  }
  if (previous?.decision.outcome === 'DECLINED' && previous.decision.reapplyAfter > today) {
    refuse('unprocessable', 'REAPPLY_COOLDOWN', `暂不能重新申请，请于 ${previous.decision.reapplyAfter} 后再试`);
  }
  const [idNumber, name] = await allInOrder([decrypt(customer.idNumberEnc!), decrypt(customer.nameEnc!)]);
  const parsedId = parseIdNumber(idNumber);
  if (typeof parsedId === 'string') throw new Error('stored ID number no longer parses');
  const { bureauConsent, productId: _productId, ...answers } = request;
  const application = loanApplicationSchema.parse({ ...answers, birthDate: parsedId.birthDate });
  const report = await creditBureau().report({
    idNumber,
    name,
    consentTextVersion: bureauConsent.textVersion,
    purpose: 'LOAN_APPLICATION',
  });
  const decision = decide(application, report, product, { lprBps, today, ruleVersion: RULE_VERSION });
  const applicationId = randomUUID();
  const applicationRecord = {
    applicationId,
    customerId,
    createdAt: now.toISOString(),
    productId: product.productId,
    productVersion: product.version,
    application,
    bureauReport: report,
    decision,
    lprBps,
    consent: { textVersion: bureauConsent.textVersion, agreedAt: now.toISOString() },
  };
  // The new line carries over what is drawn on the old one; a drawdown or repayment landing
  // between the read and the write would be lost, so the write is conditional and redone.
  const line = await retry(LINE_RACE, async () => {
    if (decision.outcome !== 'APPROVED') {
      await loans.saveApplication(applicationRecord, undefined, undefined);
      return undefined;
    }
    const existing = await loans.creditLine(customerId, product.productId);
    const granted = grantedLine(customerId, product, applicationId, decision, existing);
    if (!(await loans.saveApplication(applicationRecord, granted, existing?.usedFen))) throw new TryAgain('credit line moved');
    return granted;
  }).catch((error: unknown) => (isTryAgain(error) ? refuse('conflict', 'REQUEST_CONFLICT', '借款额度正在变动，请稍后重试') : Promise.reject(error)));
  const event = { customerId, at: now.toISOString(), ref: applicationId, product: { type: 'LOAN', id: product.productId } } as const;
  await allInOrder([
    recordCustomerEvent({ ...event, kind: 'LOAN_APPLIED' }),
    ...(line ? [recordCustomerEvent({ ...event, kind: 'LOAN_APPROVED', amountFen: line.creditLimitFen })] : []),
  ]);
  return { applicationId, decision };
}

/** The customer's credit lines still in force, each with its product's name as signed. */
export async function customerCreditLines(
  customerId: string,
  now: Date,
): Promise<{ line: loans.CreditLineRecord; productName: string }[]> {
  const today = await currentBusinessDate(now);
  const inForce = (await loans.creditLines(customerId)).filter((line) => line.lineExpiresOn >= today);
  return allInOrder(
    inForce.map(async (line) => ({
      line,
      productName: (await loans.productVersion(line.productId, line.productVersion))?.name ?? line.productId,
    })),
  );
}
