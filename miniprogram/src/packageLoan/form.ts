// Form rules the loan pages share. The server checks all of them again; these give the answer
// before a round trip.
import type { LoanProductView } from '@contract/loan-schemas';
import { formatFen, type TypedAmount, typedAmount, yuanInputText } from '@/lib/money';

export type RepaymentMethod = LoanProductView['methods'][number]['method'];

/** Amount, term and method of a loan being priced, applied for or drawn. */
export interface LoanTermsChoice {
  amount: TypedAmount;
  termMonths: number | null;
  method: RepaymentMethod | null;
}

/** Page parameters a form may open with (the calculator hands its quote to the apply page). */
export interface TermsPrefill {
  amountFen?: string;
  termMonths?: string;
  method?: string;
}

/** 12 months when the product offers it (the most common choice), else its shortest term. */
function defaultTerm(product: LoanProductView): number | null {
  if (product.termsMonths.includes(12)) return 12;
  return product.termsMonths[0] ?? null;
}

/** The prefilled choice where the product offers it, else the product's defaults. */
export function initialTerms(product: LoanProductView, prefill: TermsPrefill = {}): LoanTermsChoice {
  const askedTerm = Number(prefill.termMonths);
  const askedFen = prefill.amountFen !== undefined && /^\d{1,12}$/.test(prefill.amountFen) ? prefill.amountFen : null;
  return {
    amount: typedAmount(askedFen === null ? '' : yuanInputText(Number(askedFen))),
    termMonths: product.termsMonths.includes(askedTerm) ? askedTerm : defaultTerm(product),
    method: (product.methods.find((entry) => entry.method === prefill.method) ?? product.methods[0])?.method ?? null,
  };
}

export type CheckedTerms =
  | { ok: true; amountFen: number; termMonths: number; method: RepaymentMethod }
  | { ok: false; message: string };

/** The choice as request fields: an amount within [minFen, maxFen], a term and a method. */
export function checkTerms(terms: LoanTermsChoice, minFen: number, maxFen: number): CheckedTerms {
  const { parsed } = terms.amount;
  if (!parsed.ok) return parsed;
  if (parsed.amountFen < minFen || parsed.amountFen > maxFen) {
    return { ok: false, message: `借款金额须在 ${formatFen(minFen)} 至 ${formatFen(maxFen)} 之间` };
  }
  if (terms.termMonths === null || terms.method === null) return { ok: false, message: '请选择借款期限和还款方式' };
  return { ok: true, amountFen: parsed.amountFen, termMonths: terms.termMonths, method: terms.method };
}

export function productOptions(products: readonly LoanProductView[]) {
  return products.map((product) => ({ value: product.productId, label: product.name }));
}

export function termOptions(product: LoanProductView) {
  return product.termsMonths.map((term) => ({ value: term, label: `${term} 个月` }));
}

export function methodOptions(product: LoanProductView) {
  return product.methods.map((entry) => ({ value: entry.method, label: entry.label }));
}
