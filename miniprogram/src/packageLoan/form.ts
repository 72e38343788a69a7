// Form rules the loan pages share. The server checks all of them again; these give the answer
// before a round trip.
import type { LoanProductView } from '@contract/loan-schemas';
import { formatFen, type ParsedAmount, parseYuanToFen } from '@/lib/money';

export type RepaymentMethod = LoanProductView['methods'][number]['method'];

export const PIN_PATTERN = /^\d{6}$/;

/** Typed yuan → fen within [minFen, maxFen]. */
export function parseLoanAmount(input: string, minFen: number, maxFen: number): ParsedAmount {
  const parsed = parseYuanToFen(input);
  if (!parsed.ok) return parsed;
  if (parsed.amountFen < minFen || parsed.amountFen > maxFen) {
    return { ok: false, message: `借款金额须在 ${formatFen(minFen)} 至 ${formatFen(maxFen)} 之间` };
  }
  return parsed;
}

/** 12 months when the product offers it (the most common choice), else its shortest term. */
export function defaultTerm(product: LoanProductView): number | null {
  if (product.termsMonths.includes(12)) return 12;
  return product.termsMonths[0] ?? null;
}

export function defaultMethod(product: LoanProductView): RepaymentMethod | null {
  return product.methods[0]?.method ?? null;
}

/** Fen from a page parameter, or '' for the amount field when absent or malformed. */
export function yuanFromParam(value: string | undefined): string {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return '';
  const digits = value.padStart(3, '0');
  const cents = digits.slice(-2);
  return cents === '00' ? digits.slice(0, -2) : `${digits.slice(0, -2)}.${cents}`;
}

export function termOptions(product: LoanProductView) {
  return product.termsMonths.map((term) => ({ value: term, label: `${term} 个月` }));
}

export function methodOptions(product: LoanProductView) {
  return product.methods.map((entry) => ({ value: entry.method, label: entry.label }));
}
