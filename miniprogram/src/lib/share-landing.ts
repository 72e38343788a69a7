// Where a manager's shared link lands the customer: the product it was shared for, once they are
// signed in (a signed-out customer goes through sign-in first, and would otherwise end on home).
// The product comes from the server's record of the visit (api/rm.ts recordShareOpen). A community
// merchant's order link, or its static code (收款码), opened signed out (packageCommunity) lands
// the same way on that order or merchant.
import Taro from '@tarojs/taro';
import type { NamedProduct } from '@contract/rm-schemas';
import { PAGES, type PagePath, type PageQuery } from './nav';

const LANDING_KEY = 'jinlin.shareLanding';
/** A link opened without signing in within a day is not followed later. */
const LANDING_TTL_MS = 86_400_000;

/** A shared product, a community merchant's order (MERCHANT_ORDER, its order id), or a
 *  merchant's static code (MERCHANT_CODE, its merchant id). */
type Product = Pick<NamedProduct, 'type' | 'id'> | { type: 'MERCHANT_ORDER' | 'MERCHANT_CODE'; id: string };

export interface Landing {
  path: PagePath;
  query: PageQuery;
}

/** The page that shows the product; none for the account opening, which home itself leads. */
export function landingPage(product: Product): Landing | null {
  switch (product.type) {
    case 'LOAN':
      return { path: PAGES.loanCalculator, query: { productId: product.id } };
    case 'WEALTH':
      return { path: PAGES.wealthProduct, query: { productId: product.id } };
    case 'BILL':
      return { path: PAGES.bills, query: {} };
    case 'ACCOUNT':
      return null;
    case 'MERCHANT_ORDER':
      return { path: PAGES.communityOrder, query: { orderId: product.id } };
    case 'MERCHANT_CODE':
      return { path: PAGES.communityMerchant, query: { merchantId: product.id } };
  }
}

export function rememberLanding(product: Product, now = Date.now()): void {
  Taro.setStorageSync(LANDING_KEY, { type: product.type, id: product.id, at: now });
}

/** The product page a shared link still owes the customer, handed out once. */
export function takeLanding(now = Date.now()): Landing | null {
  const stored: unknown = Taro.getStorageSync(LANDING_KEY);
  if (!stored) return null;
  Taro.removeStorageSync(LANDING_KEY);
  const { type, id, at } = stored as { type?: unknown; id?: unknown; at?: unknown };
  if (typeof id !== 'string' || typeof at !== 'number' || now - at > LANDING_TTL_MS || now < at) return null;
  if (type !== 'LOAN' && type !== 'WEALTH' && type !== 'BILL' && type !== 'ACCOUNT' && type !== 'MERCHANT_ORDER' && type !== 'MERCHANT_CODE') return null;
  return landingPage({ type, id });
}
