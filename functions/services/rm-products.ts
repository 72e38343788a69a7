// What a relationship manager can share, with the names customers see: the account-opening page,
// the published loan products, the wealth products open for subscription and the biller
// categories that have an active biller. Read from each capability's own store.
import type { NamedProduct } from '../contract/rm-schemas.js';
import { BILL_CATEGORIES, CATEGORY_LABELS, type BillCategory } from '../domain/bills/biller.js';
import { formatYuan } from '../domain/format.js';
import { ACCOUNT_OPENING, type ShareProduct } from '../domain/rm/product.js';
import { RISK_LEVEL_LABELS } from '../domain/wealth/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { listBillers } from '../store/bills.js';
import * as loans from '../store/loans.js';
import { currentWealthProduct, currentWealthProducts } from '../store/wealth.js';

const ACCOUNT_OPENING_NAME = '开通电子账户';

const isBillCategory = (id: string): id is BillCategory => (BILL_CATEGORIES as readonly string[]).includes(id);

export async function shareableProducts(): Promise<NamedProduct[]> {
  const [loanProducts, wealthProducts, billers] = await allInOrder([loans.currentProducts(), currentWealthProducts(), listBillers()]);
  const categories = BILL_CATEGORIES.filter((category) => billers.some((b) => b.category === category && b.status === 'ACTIVE'));
  return [
    { ...ACCOUNT_OPENING, name: ACCOUNT_OPENING_NAME },
    ...loanProducts.map((p) => ({ type: 'LOAN' as const, id: p.productId, name: p.name })),
    ...wealthProducts.filter((p) => p.status === 'OPEN').map((p) => ({ type: 'WEALTH' as const, id: p.productId, name: p.name })),
    ...categories.map((category) => ({ type: 'BILL' as const, id: category, name: CATEGORY_LABELS[category] })),
  ];
}

/** The product with its name, when it exists and may be shared now; undefined otherwise. */
export async function shareableProduct(product: ShareProduct): Promise<NamedProduct | undefined> {
  switch (product.type) {
    case 'ACCOUNT':
      return product.id === ACCOUNT_OPENING.id ? { ...ACCOUNT_OPENING, name: ACCOUNT_OPENING_NAME } : undefined;
    case 'LOAN': {
      const found = await loans.currentProduct(product.id);
      return found ? { ...product, name: found.name } : undefined;
    }
    case 'WEALTH': {
      const found = await currentWealthProduct(product.id);
      return found?.status === 'OPEN' ? { ...product, name: found.name } : undefined;
    }
    case 'BILL': {
      if (!isBillCategory(product.id)) return undefined;
      const billers = await listBillers();
      return billers.some((b) => b.category === product.id && b.status === 'ACTIVE') ? { ...product, name: CATEGORY_LABELS[product.id] } : undefined;
    }
  }
}

/** A name for a product customers came in through, even if it has since been withdrawn. */
export async function productName(product: ShareProduct): Promise<string> {
  switch (product.type) {
    case 'ACCOUNT':
      return ACCOUNT_OPENING_NAME;
    case 'LOAN':
      return (await loans.currentProduct(product.id))?.name ?? product.id;
    case 'WEALTH':
      return (await currentWealthProduct(product.id))?.name ?? product.id;
    case 'BILL':
      return isBillCategory(product.id) ? CATEGORY_LABELS[product.id] : product.id;
  }
}

/** The product's key figure for a share poster, from its current terms (a withdrawn product, or
 *  one without a figure, gets what the bank offers in general). */
export async function productHighlight(product: ShareProduct): Promise<string> {
  switch (product.type) {
    case 'ACCOUNT':
      return '线上开户，全程无需跑网点';
    case 'LOAN': {
      const found = await loans.currentProduct(product.id);
      return found ? `最高可借 ${formatYuan(found.maxAmountFen)} 元` : '线上申请，系统自动审批';
    }
    case 'WEALTH': {
      const found = await currentWealthProduct(product.id);
      return found ? `${formatYuan(found.minPurchaseFen)} 元起购 · ${RISK_LEVEL_LABELS[found.riskLevel]}` : '线上购买，随时查看收益';
    }
    case 'BILL':
      return '足不出户，线上缴费';
  }
}
