// What a relationship manager can share: a loan product, a wealth product, a biller category, or
// the account-opening page. Funnel events name their product the same way (ProductRef).
import type { ProductRef } from '../customer-events.js';

export const SHARE_PRODUCT_TYPES = ['ACCOUNT', 'LOAN', 'WEALTH', 'BILL'] as const;
export type ShareProductType = (typeof SHARE_PRODUCT_TYPES)[number];

export interface ShareProduct {
  type: ShareProductType;
  id: string;
}

/** The account-opening page has one id. */
export const ACCOUNT_OPENING: ShareProduct = { type: 'ACCOUNT', id: 'open-account' };

export const PRODUCT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const productKey = (product: ShareProduct | ProductRef): string => `${product.type}:${product.id}`;

/** The product a `TYPE:id` key names: productKey's inverse, for keys the contract's pattern has
 *  checked (a known type, an id without colons). */
export function productFromKey(key: string): ShareProduct {
  const [type, id] = key.split(':') as [ShareProductType, string];
  return { type, id };
}
