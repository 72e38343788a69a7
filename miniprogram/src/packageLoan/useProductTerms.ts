import type { LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { initialTerms, type TermsPrefill } from './form';

export interface ProductPrefill extends TermsPrefill {
  productId?: string;
}

/** A product chosen from the server's list (the one asked for, else the first) and the terms for
 *  it; choosing another product starts again from that product's defaults. */
export function useProductTerms(products: LoanProductView[], prefill: ProductPrefill) {
  const [product, setProduct] = useState(() => products.find((item) => item.productId === prefill.productId) ?? products[0]);
  const [terms, setTerms] = useState(() => initialTerms(product, prefill));

  function selectProduct(productId: string) {
    const next = products.find((item) => item.productId === productId) ?? product;
    setProduct(next);
    setTerms(initialTerms(next));
  }

  return { product, selectProduct, terms, setTerms };
}
