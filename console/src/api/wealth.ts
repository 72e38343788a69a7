// The product factory's wealth routes (/v1/console/wealth-products*, wealth-navs, wealth-yields):
// the products as operators see them, a product's versions and prices, the server's preview of a
// draft, and drafts, openings, closings, NAVs and yields submitted as changes for a second operator.
// Types from the contract (`import type` only: no zod in the bundle).
import type * as z from 'zod/mini';
import type {
  ConsoleWealthProductDetail,
  ConsoleWealthProductList,
  WealthNavChangeRequest,
  WealthProductDraft as WealthProductDraftSchema,
  WealthProductPreview as WealthProductPreviewSchema,
  WealthYieldChangeRequest,
} from '@contract/console-wealth-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

export type WealthProductDraft = z.infer<typeof WealthProductDraftSchema>;
export type WealthProductPage = z.infer<typeof ConsoleWealthProductList>;
export type WealthProductSummary = WealthProductPage['products'][number];
export type WealthProductDetail = z.infer<typeof ConsoleWealthProductDetail>;
export type WealthProduct = WealthProductDetail['current'];
export type WealthCard = WealthProductDetail['card'];
export type WealthProductPreview = z.infer<typeof WealthProductPreviewSchema>;
export type WealthNav = WealthNavChangeRequest;
export type WealthYield = WealthYieldChangeRequest;

const productPath = (productId: string) => `/v1/console/wealth-products/${encodeURIComponent(productId)}`;
const withTime = <T extends object>(body: T, effectiveAt?: string) => (effectiveAt ? { ...body, effectiveAt } : body);

export function fetchWealthProducts(): Promise<WealthProductPage> {
  return consoleRequest({ method: 'GET', path: '/v1/console/wealth-products' });
}

export function fetchWealthProduct(productId: string): Promise<WealthProductDetail> {
  return consoleRequest({ method: 'GET', path: productPath(productId) });
}

/** The customer's card, rules and risk disclosure for the draft, as the server renders them. */
export function previewWealthProduct(product: WealthProductDraft): Promise<WealthProductPreview> {
  return consoleRequest({ method: 'POST', path: '/v1/console/wealth-products/preview', body: { product } });
}

export function submitWealthProductChange(product: WealthProductDraft, effectiveAt?: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/wealth-products/changes', body: withTime({ product }, effectiveAt) });
}

export function submitWealthStatusChange(productId: string, status: 'OPEN' | 'CLOSED', effectiveAt?: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `${productPath(productId)}/status-changes`, body: withTime({ status }, effectiveAt) });
}

export function submitWealthNavChange(nav: WealthNav): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/wealth-navs/changes', body: nav });
}

export function submitWealthYieldChange(price: WealthYield): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/wealth-yields/changes', body: price });
}
