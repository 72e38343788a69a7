// Wealth products as data: what customers see of them (with the latest NAV or yield), and the
// versions, openings, closings, NAVs and yields that operators' approved changes publish.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { type ChartPeriod, type Headline, headline, type HeadlineFacts, periodStart, samplePoints, yearBefore } from '../domain/wealth/figures.js';
import { custodyAccountOf } from '../domain/wealth/journals.js';
import type { WealthProductDraft } from '../domain/wealth/product-draft.js';
import { isMoneyMarket, type WealthProduct, wealthProductSchema } from '../domain/wealth/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { currentBusinessDate } from '../store/business-date.js';
import type { VersionProvenance } from '../store/catalog.js';
import { openHouseAccount } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';

/** A product as shown on a business date: with its latest price, its headline figure and today's
 *  fast-redemption cap. */
export interface ProductQuote {
  product: WealthProduct;
  price: wealth.PriceRecord | undefined;
  headline: Headline;
  today: string;
  fastCapFen: number;
}

export const fastRedeemDailyCapFen = (): number => config().WEALTH_FAST_REDEEM_DAILY_FEN;

export async function findProduct(productId: string): Promise<WealthProduct> {
  return (await wealth.currentWealthProduct(productId)) ?? refuse('not_found', 'PRODUCT_NOT_FOUND', '未找到该理财产品');
}

/** What the product's headline is worked out from, read for its latest price. */
async function headlineFacts(product: WealthProduct, latest: wealth.PriceRecord | undefined): Promise<HeadlineFacts> {
  const { productId, type } = product;
  switch (type) {
    case 'MONEY_MARKET':
      return { type, latest };
    case 'FIXED_TERM':
      return { type, benchmarkBps: product.benchmarkBps ?? null };
    default: {
      const before = latest ? await wealth.latestPrice(productId, yearBefore(latest.date)) : undefined;
      return { type, latest, yearBefore: before, first: latest && !before ? await wealth.firstPrice(productId) : undefined };
    }
  }
}

export async function quoteOn(product: WealthProduct, today: string): Promise<ProductQuote> {
  const price = await wealth.latestPrice(product.productId, today);
  return { product, price, headline: headline(await headlineFacts(product, price)), today, fastCapFen: fastRedeemDailyCapFen() };
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

/** A product's chart over a period ending today, oldest first and sampled: a money-market fund's
 *  published 7-day annualized yield, another product's NAV. */
export async function productHistory(
  productId: string,
  period: ChartPeriod,
  now: Date,
): Promise<{ product: WealthProduct; period: ChartPeriod; values: { date: string; value: number }[] }> {
  const product = await findProduct(productId);
  const today = await currentBusinessDate(now);
  const from = periodStart(period, today) ?? (await wealth.firstPrice(product.productId))?.date ?? today;
  const prices = await wealth.priceHistory(product.productId, from, today);
  const values = isMoneyMarket(product)
    ? prices.flatMap((price) => (price.sevenDayYieldBps === null ? [] : [{ date: price.date, value: price.sevenDayYieldBps }]))
    : prices.map((price) => ({ date: price.date, value: price.navCentiFen }));
  return { product, period, values: samplePoints(values) };
}

// ---- publishing: operators' approved changes (services/change-kinds/wealth-*.ts) -----------------

/** The price rules a NAV or yield for `date` must meet: not a future date, and a date already
 *  closed only when it has no price yet (confirmations used whatever was there). */
export async function checkPriceDate(productId: string, date: string, now: Date): Promise<{ today: string; existing: wealth.PriceRecord | undefined }> {
  const [today, existing] = await allInOrder([currentBusinessDate(now), wealth.priceOn(productId, date)]);
  if (date > today) refuse('invalid', 'PRICE_DATE_IN_FUTURE', '不能发布未来日期的净值或收益率');
  if (date < today && existing) refuse('conflict', 'PRICE_ALREADY_CLOSED', '该日期已日终且已有净值，不能修改');
  return { today, existing };
}

/** Checks a NAV against its product: a money-market fund's is fixed. */
export function checkNavProduct(product: WealthProduct): void {
  if (isMoneyMarket(product)) refuse('unprocessable', 'NAV_FIXED', '货币基金净值固定为 1.0000，请发布七日年化收益率与万份收益');
}

/** Checks a yield against its product: only money-market funds publish one. */
export function checkYieldProduct(product: WealthProduct): void {
  if (!isMoneyMarket(product)) refuse('unprocessable', 'NOT_MONEY_MARKET', '只有货币基金发布七日年化收益率，其他产品请发布净值');
}

/** A product's type is fixed once published: holdings depend on it. */
export function checkTypeKept(previous: WealthProduct | undefined, draft: WealthProductDraft): void {
  if (previous && previous.type !== draft.type) refuse('unprocessable', 'PRODUCT_TYPE_FIXED', '产品类型发布后不可更改');
}

/** Publishes, once, the version an approved change makes of the product: `next` gives it from the
 *  version on sale (undefined: nothing to publish — the product already is as the change wants).
 *  A version this change already published (an earlier try cut short, or another applier racing)
 *  is the answer, put on sale if it is not yet. Versions are immutable: orders name theirs. */
export async function publishApprovedWealthProduct(
  productId: string,
  next: (current: WealthProduct | undefined) => WealthProductDraft | undefined,
  provenance: VersionProvenance,
  now: Date,
): Promise<void> {
  const publishedByThis = async () => {
    const [latest] = await wealth.wealthProductVersions(productId, 1);
    return latest?.provenance?.changeId === provenance.changeId ? latest.product : undefined;
  };
  const earlier = await publishedByThis();
  if (earlier) return wealth.putWealthProductOnSale(earlier);
  const current = await wealth.currentWealthProduct(productId);
  const draft = next(current);
  if (!draft) return;
  checkTypeKept(current, draft);
  const published = wealthProductSchema.parse({ ...draft, version: (current?.version ?? 0) + 1 });
  // The custody account exists before the product can be on sale (opening is idempotent).
  if (!current) await openHouseAccount(custodyAccountOf(productId), config().HOUSE_SHARDS);
  try {
    await wealth.saveWealthProductVersion(published, now, provenance);
  } catch (error) {
    // Another applier of this same change took the version number first.
    const raced = await publishedByThis();
    if (!raced) throw error;
    await wealth.putWealthProductOnSale(raced);
  }
}

/** Writes an approved NAV or yield. Today's price is replaced until the close; a closed date's is
 *  only filled in — the same price there already is this change applied before. */
export async function publishApprovedPrice(price: wealth.PriceRecord, now: Date): Promise<void> {
  const today = await currentBusinessDate(now);
  if (await wealth.putPrice(price, now, { replace: price.date === today })) return;
  const there = await wealth.priceOn(price.productId, price.date);
  const same = there?.navCentiFen === price.navCentiFen && there.sevenDayYieldBps === price.sevenDayYieldBps && there.incomePer10kCentiFen === price.incomePer10kCentiFen;
  if (!same) refuse('conflict', 'PRICE_ALREADY_CLOSED', '该日期已日终且已有净值，不能修改');
}

/** A demo product's first version (scripts/lib/seed-wealth.ts seeds those not there yet), like
 *  the loan seed: later versions only come through approved changes. */
export async function seedWealthProduct(product: WealthProduct, now: Date): Promise<void> {
  await openHouseAccount(custodyAccountOf(product.productId), config().HOUSE_SHARDS);
  await wealth.saveWealthProductVersion(product, now);
}
