// The product factory's routes (/v1/console/loan-products*, /v1/console/lpr/changes): the
// catalog as operators see it, a product's versions, the server's preview of a draft, and
// submitting a draft or an LPR as a change for a second operator to approve.
import { consoleRequest } from './http';
import type { ChangeRequest, LoanProductDetail, LoanProductDraft, LoanProductPage, LoanProductPreview, PreviewSample } from './types';

export function fetchLoanProducts(): Promise<LoanProductPage> {
  return consoleRequest({ method: 'GET', path: '/v1/console/loan-products' });
}

export function fetchLoanProduct(productId: string): Promise<LoanProductDetail> {
  return consoleRequest({ method: 'GET', path: `/v1/console/loan-products/${encodeURIComponent(productId)}` });
}

/** What the customer would see for the sample, priced by the server's own rules. */
export function previewLoanProduct(draft: LoanProductDraft, sample: PreviewSample): Promise<LoanProductPreview> {
  return consoleRequest({ method: 'POST', path: '/v1/console/loan-products/preview', body: { product: draft, ...sample } });
}

export function submitLoanProductChange(product: LoanProductDraft, effectiveAt?: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/loan-products/changes', body: effectiveAt ? { product, effectiveAt } : { product } });
}

export function submitLprChange(oneYearLprBps: number, effectiveAt?: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/lpr/changes', body: effectiveAt ? { oneYearLprBps, effectiveAt } : { oneYearLprBps } });
}
