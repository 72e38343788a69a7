// Wealth products as data: what customers see of them (with the latest NAV or yield) and what
// operators do to them — publish versions, open or close subscriptions, publish NAVs and yields.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { addDays } from '../domain/loan/dates.js';
import { custodyAccountOf } from '../domain/wealth/journals.js';
import { isMoneyMarket, MONEY_MARKET_NAV_CENTI_FEN, type WealthProduct, wealthProductSchema } from '../domain/wealth/product.js';
import { currentBusinessDate } from '../store/business-date.js';
import { openHouseAccount } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';

const DEFAULT_HISTORY_DAYS = 30;

/** A product as shown on a business date: with its latest price and today's fast-redemption cap. */
export interface ProductQuote {
  product: WealthProduct;
  price: wealth.PriceRecord | undefined;
  today: string;
  fastCapFen: number;
}

export const fastRedeemDailyCapFen = (): number => config().WEALTH_FAST_REDEEM_DAILY_FEN;

export async function findProduct(productId: string): Promise<WealthProduct> {
  return (await wealth.currentWealthProduct(productId)) ?? refuse('not_found', 'PRODUCT_NOT_FOUND', '未找到该理财产品');
}

export async function quoteOn(product: WealthProduct, today: string): Promise<ProductQuote> {
  return { product, price: await wealth.latestPrice(product.productId, today), today, fastCapFen: fastRedeemDailyCapFen() };
}

// ---- what customers see -------------------------------------------------------------------------

export async function listProducts(now: Date): Promise<{ items: ProductQuote[]; businessDate: string }> {
  const today = await currentBusinessDate(now);
  const products = await wealth.currentWealthProducts();
  return { items: await Promise.all(products.map((product) => quoteOn(product, today))), businessDate: today };
}

export async function productQuote(productId: string, now: Date): Promise<ProductQuote> {
  const product = await findProduct(productId);
  return quoteOn(product, await currentBusinessDate(now));
}

/** The product's prices over the `days` business dates ending today, oldest first. */
export async function productHistory(
  productId: string,
  days: number | undefined,
  now: Date,
): Promise<{ product: WealthProduct; prices: wealth.PriceRecord[] }> {
  const product = await findProduct(productId);
  const today = await currentBusinessDate(now);
  return { product, prices: await wealth.priceHistory(product.productId, addDays(today, 1 - (days ?? DEFAULT_HISTORY_DAYS)), today) };
}

// ---- operators ----------------------------------------------------------------------------------

/** Publishes `draft` as the product's next version. Versions are immutable (orders name the one
 *  they were placed under), and a product's type cannot change once published: holdings depend
 *  on it. */
export async function publishProduct(draft: WealthProduct, now: Date): Promise<ProductQuote> {
  const previous = await wealth.currentWealthProduct(draft.productId);
  if (previous && previous.type !== draft.type) refuse('unprocessable', 'PRODUCT_TYPE_FIXED', '产品类型发布后不可更改');
  const published = wealthProductSchema.parse({ ...draft, version: (previous?.version ?? 0) + 1 });
  // The custody account exists before the product can be on sale (opening is idempotent).
  if (!previous) await openHouseAccount(custodyAccountOf(published.productId), config().HOUSE_SHARDS);
  await wealth.saveWealthProductVersion(published, now);
  return quoteOn(published, await currentBusinessDate(now));
}

/** Opens or closes subscriptions; the same status again publishes nothing. */
export async function setProductStatus(productId: string, status: WealthProduct['status'], now: Date): Promise<ProductQuote> {
  const product = await findProduct(productId);
  if (product.status !== status) return publishProduct({ ...product, status }, now);
  return quoteOn(product, await currentBusinessDate(now));
}

/** Today's price may be replaced until the close; a closed date's is only filled in if missing
 *  (confirmations already used whatever was there). */
async function publishPrice(price: wealth.PriceRecord, now: Date): Promise<wealth.PriceRecord> {
  const today = await currentBusinessDate(now);
  if (price.date > today) refuse('invalid', 'PRICE_DATE_IN_FUTURE', '不能发布未来日期的净值或收益率');
  if (!(await wealth.putPrice(price, now, { replace: price.date === today }))) {
    refuse('conflict', 'PRICE_ALREADY_CLOSED', '该日期已日终且已有净值，不能修改');
  }
  return price;
}

export async function publishNav(input: { productId: string; navDate: string; navCentiFen: number }, now: Date): Promise<wealth.PriceRecord> {
  const product = await findProduct(input.productId);
  if (isMoneyMarket(product)) refuse('unprocessable', 'NAV_FIXED', '货币基金净值固定为 1.0000，请发布七日年化收益率与万份收益');
  return publishPrice(
    { productId: product.productId, date: input.navDate, navCentiFen: input.navCentiFen, sevenDayYieldBps: null, incomePer10kCentiFen: null },
    now,
  );
}

export async function publishYield(
  input: { productId: string; yieldDate: string; sevenDayYieldBps: number; incomePer10kCentiFen: number },
  now: Date,
): Promise<wealth.PriceRecord> {
  const product = await findProduct(input.productId);
  if (!isMoneyMarket(product)) refuse('unprocessable', 'NOT_MONEY_MARKET', '只有货币基金发布七日年化收益率，其他产品请发布净值');
  return publishPrice(
    {
      productId: product.productId,
      date: input.yieldDate,
      navCentiFen: MONEY_MARKET_NAV_CENTI_FEN,
      sevenDayYieldBps: input.sevenDayYieldBps,
      incomePer10kCentiFen: input.incomePer10kCentiFen,
    },
    now,
  );
}
