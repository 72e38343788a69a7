// The product factory's wealth section (理财产品): wealth products as product managers see them
// (the catalog with the change waiting on each, a product's versions and latest prices), a preview
// of a draft as the customer will see it, and drafts, openings, closings, NAVs and yields submitted
// as maker-checker changes (services/change-requests.ts) — nothing here publishes by itself.
import type { ChangeRequest } from '../domain/change-requests.js';
import { addDays } from '../domain/loan/dates.js';
import type { WealthProductDraft } from '../domain/wealth/product-draft.js';
import type { WealthProduct } from '../domain/wealth/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { currentBusinessDate } from '../store/business-date.js';
import * as wealth from '../store/wealth.js';
import { wealthPriceEntityId } from './change-kinds/wealth-price.js';
import { wealthProductEntityId } from './change-kinds/wealth-product.js';
import { pendingChangeIds, pendingChangeOf, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';
import { checkNavProduct, checkPriceDate, checkTypeKept, checkYieldProduct, findProduct, type ProductQuote, quoteOn } from './wealth-products.js';

/** Versions a product's history shows. */
const MAX_VERSIONS_SHOWN = 100;
/** Business days of prices a product's page shows. */
const PRICE_DAYS_SHOWN = 10;

export interface ConsoleWealthRow {
  quote: ProductQuote;
  /** When the version on sale was published. */
  updatedAt: string;
  pendingChangeId?: string;
}

const withoutVersion = ({ version: _version, ...draft }: WealthProduct): WealthProductDraft => draft;

/** Every wealth product with its latest price and the change waiting on it. */
export async function consoleWealthProducts(now: Date): Promise<{ rows: ConsoleWealthRow[]; businessDate: string }> {
  const [products, today] = await allInOrder([wealth.currentWealthProducts(), currentBusinessDate(now)]);
  const [quotes, publishedAt, pending] = await allInOrder([
    Promise.all(products.map((product) => quoteOn(product, today))),
    wealth.wealthVersionsPublishedAt(products),
    pendingChangeIds(products.map((product) => wealthProductEntityId(product.productId))),
  ]);
  const rows = quotes.map((quote) => {
    const { productId, version } = quote.product;
    const pendingChangeId = pending.get(wealthProductEntityId(productId));
    return { quote, updatedAt: publishedAt.get(`${productId}#${version}`) ?? '', ...(pendingChangeId ? { pendingChangeId } : {}) };
  });
  return { rows, businessDate: today };
}

/** One product: the version on sale as customers see it, every version published (newest first),
 *  its latest prices (newest first) and the change waiting on it. */
export async function consoleWealthProduct(
  productId: string,
  now: Date,
): Promise<{ quote: ProductQuote; versions: wealth.WealthVersionRecord[]; prices: wealth.PriceRecord[]; pendingChange?: ChangeRequest }> {
  const product = await findProduct(productId);
  const today = await currentBusinessDate(now);
  const [quote, versions, prices, pendingChange] = await allInOrder([
    quoteOn(product, today),
    wealth.wealthProductVersions(productId, MAX_VERSIONS_SHOWN),
    wealth.priceHistory(productId, addDays(today, 1 - PRICE_DAYS_SHOWN), today),
    pendingChangeOf(wealthProductEntityId(productId)),
  ]);
  return { quote, versions, prices: prices.reverse(), ...(pendingChange ? { pendingChange } : {}) };
}

/** The draft as customers would see it on today's business date, numbered as the version it
 *  would become and with the product's latest price (none for a new product). */
export async function previewWealthProduct(draft: WealthProductDraft, now: Date): Promise<ProductQuote> {
  const [current, today] = await allInOrder([wealth.currentWealthProduct(draft.productId), currentBusinessDate(now)]);
  checkTypeKept(current, draft);
  return quoteOn({ ...draft, version: (current?.version ?? 0) + 1 }, today);
}

/** A new product, or the next version of one, submitted for a checker. */
export async function submitWealthProductChange(
  draft: WealthProductDraft,
  effectiveAt: string | undefined,
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  const current = await wealth.currentWealthProduct(draft.productId);
  checkTypeKept(current, draft);
  return submitChange({
    kind: 'WEALTH_PRODUCT_VERSION',
    entityId: wealthProductEntityId(draft.productId),
    entityLabel: `理财产品 ${draft.name} v${(current?.version ?? 0) + 1}`,
    before: current ? withoutVersion(current) : null,
    after: draft,
    effectiveAt,
    maker,
    now,
  });
}

/** Opening (开放申购) or closing (暂停申购) a product's subscriptions, submitted for a checker; the
 *  status it already has is refused as an empty change. */
export async function submitWealthStatusChange(
  productId: string,
  status: WealthProduct['status'],
  effectiveAt: string | undefined,
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  const product = await findProduct(productId);
  return submitChange({
    kind: 'WEALTH_PRODUCT_STATUS',
    entityId: wealthProductEntityId(productId),
    entityLabel: `理财产品 ${product.name} ${status === 'OPEN' ? '开放申购' : '暂停申购'}`,
    before: { status: product.status },
    after: { status },
    effectiveAt,
    maker,
    now,
  });
}

/** A product's NAV for a business date, submitted for a checker; effective once approved. */
export async function submitWealthNavChange(
  input: { productId: string; navDate: string; navCentiFen: number },
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  const product = await findProduct(input.productId);
  checkNavProduct(product);
  const { existing } = await checkPriceDate(product.productId, input.navDate, now);
  return submitChange({
    kind: 'WEALTH_NAV',
    entityId: wealthPriceEntityId(product.productId, input.navDate),
    entityLabel: `理财净值 ${product.name} ${input.navDate}`,
    before: existing ? { productId: product.productId, navDate: input.navDate, navCentiFen: existing.navCentiFen } : null,
    after: { productId: product.productId, navDate: input.navDate, navCentiFen: input.navCentiFen },
    maker,
    now,
  });
}

/** A money-market fund's 7-day yield and income per 10,000 units for a business date, submitted
 *  for a checker; effective once approved. */
export async function submitWealthYieldChange(
  input: { productId: string; yieldDate: string; sevenDayYieldBps: number; incomePer10kCentiFen: number },
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  const product = await findProduct(input.productId);
  checkYieldProduct(product);
  const { existing } = await checkPriceDate(product.productId, input.yieldDate, now);
  const { productId, yieldDate } = input;
  return submitChange({
    kind: 'WEALTH_YIELD',
    entityId: wealthPriceEntityId(productId, yieldDate),
    entityLabel: `七日年化 ${product.name} ${yieldDate}`,
    before: existing ? { productId, yieldDate, sevenDayYieldBps: existing.sevenDayYieldBps, incomePer10kCentiFen: existing.incomePer10kCentiFen } : null,
    after: { productId, yieldDate, sevenDayYieldBps: input.sevenDayYieldBps, incomePer10kCentiFen: input.incomePer10kCentiFen },
    maker,
    now,
  });
}
