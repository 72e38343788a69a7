import type { CalculatorResponse, LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { useSubmit } from '@/hooks/useSubmit';
import { goTo, PAGES } from '@/lib/nav';
import { calculateLoan } from '../../api';
import { checkTerms, type LoanTermsChoice } from '../../form';
import { useProductTerms } from '../../useProductTerms';

/** The calculator: a product and terms in, the server's quote out; any change drops the quote. */
export function useCalculatorForm(products: LoanProductView[], initialProductId: string | undefined) {
  const { product, selectProduct: chooseProduct, terms, setTerms } = useProductTerms(products, { productId: initialProductId });
  const [quote, setQuote] = useState<CalculatorResponse | null>(null);
  const { busy, error, setError, run } = useSubmit();

  function selectProduct(productId: string) {
    chooseProduct(productId);
    setQuote(null);
  }

  function changeTerms(value: LoanTermsChoice) {
    setTerms(value);
    setQuote(null);
  }

  async function calculate() {
    const checked = checkTerms(terms, product.minAmountFen, product.maxAmountFen);
    if (!checked.ok) return setError(checked.message);
    const { amountFen, termMonths, method } = checked;
    const result = await run(() => calculateLoan({ productId: product.productId, amountFen, termMonths, method }));
    if (result) setQuote(result);
  }

  /** Carries the quoted terms to the application, where they are prefilled. */
  function applyWithQuote() {
    if (!quote) return;
    const { productId, amountFen, termMonths, method } = quote;
    goTo(PAGES.loanApply, { productId, amountFen, termMonths, method });
  }

  return { product, selectProduct, terms, changeTerms, quote, busy, error, calculate, applyWithQuote };
}
