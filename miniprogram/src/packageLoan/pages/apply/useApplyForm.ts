import type { LoanApplicationRequest, LoanProductList, LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { useSubmit } from '@/hooks/useSubmit';
import { type TypedAmount, typedAmount } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { applyForLoan } from '../../api';
import { handOverDecision } from '../../decision';
import { checkTerms, type LoanTermsChoice } from '../../form';
import type { Industry } from '../../labels';
import { type ProductPrefill, useProductTerms } from '../../useProductTerms';

type Purpose = LoanApplicationRequest['purpose'];
type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** What the server publishes for applications: the consent text and the credit-code pattern. */
export type ApplicationRules = LoanProductList['applicationTerms'];

/** What the applicant states besides the loan itself. */
export interface Applicant {
  purpose: Purpose | null;
  income: TypedAmount;
  employer: string;
  industry: Industry | null;
  creditCode: string;
  businessName: string;
  consented: boolean;
}

const NO_APPLICANT: Applicant = {
  purpose: null,
  income: typedAmount(''),
  employer: '',
  industry: null,
  creditCode: '',
  businessName: '',
  consented: false,
};

/** The server's pattern for the credit code; if it cannot be read here, the server alone checks. */
function matchesPattern(source: string, text: string): boolean {
  try {
    return new RegExp(source).test(text);
  } catch {
    return true;
  }
}

function checkLicence(product: LoanProductView, applicant: Applicant, rules: ApplicationRules): Checked<LoanApplicationRequest['businessLicence']> {
  if (!product.requiresBusinessLicence) return { ok: true, value: undefined };
  const creditCode = applicant.creditCode.trim().toUpperCase();
  if (!matchesPattern(rules.creditCodePattern, creditCode)) return { ok: false, message: '请输入 18 位统一社会信用代码' };
  const businessName = applicant.businessName.trim();
  if (!businessName) return { ok: false, message: '请输入营业执照上的经营主体名称' };
  return { ok: true, value: { creditCode, businessName } };
}

/** The request, or the first thing to fix, in the order the form shows the fields. */
export function application(
  product: LoanProductView,
  terms: LoanTermsChoice,
  applicant: Applicant,
  rules: ApplicationRules,
): Checked<LoanApplicationRequest> {
  const checked = checkTerms(terms, product.minAmountFen, product.maxAmountFen);
  if (!checked.ok) return checked;
  const { purpose, income, industry } = applicant;
  if (purpose === null) return { ok: false, message: '请选择借款用途' };
  if (!income.parsed.ok) return { ok: false, message: `月收入：${income.parsed.message}` };
  const employer = applicant.employer.trim();
  if (!employer) return { ok: false, message: '请输入工作单位' };
  if (industry === null) return { ok: false, message: '请选择所属行业' };
  const licence = checkLicence(product, applicant, rules);
  if (!licence.ok) return licence;
  if (!applicant.consented) return { ok: false, message: '请阅读并同意征信查询授权' };
  const { amountFen, termMonths, method } = checked;
  return {
    ok: true,
    value: {
      productId: product.productId,
      amountFen,
      termMonths,
      method,
      purpose,
      monthlyIncomeFen: income.parsed.amountFen,
      employer,
      industry,
      bureauConsent: { agreed: true, textVersion: rules.bureauConsentTextVersion },
      ...(licence.value ? { businessLicence: licence.value } : {}),
    },
  };
}

/** A credit-line application: the loan wanted, income and work, a business licence where the
 *  product needs one, and consent to the bureau query under the version the server published. */
export function useApplyForm(products: LoanProductView[], rules: ApplicationRules, prefill: ProductPrefill) {
  const { product, selectProduct: chooseProduct, terms, setTerms } = useProductTerms(products, prefill);
  const [applicant, setApplicant] = useState(NO_APPLICANT);
  const { busy, error, setError, run } = useSubmit();

  /** Purposes differ between products. */
  function selectProduct(productId: string) {
    chooseProduct(productId);
    setApplicant((current) => ({ ...current, purpose: null }));
  }

  function update(change: Partial<Applicant>) {
    setApplicant((current) => ({ ...current, ...change }));
  }

  async function submit() {
    const checked = application(product, terms, applicant, rules);
    if (!checked.ok) return setError(checked.message);
    const decision = await run(() => applyForLoan(checked.value));
    if (!decision) return;
    handOverDecision(decision);
    replaceWith(PAGES.loanDecision);
  }

  return { product, selectProduct, terms, setTerms, applicant, update, busy, error, submit };
}

export type ApplyForm = ReturnType<typeof useApplyForm>;
