// WEALTH_NAV and WEALTH_YIELD: a product's NAV, or a money-market fund's 7-day annualized yield and
// income per 10,000 units, for one business date (entity `wealth-price:<productId>_<date>`, so one
// change waits per product and date). Applying writes the price (services/wealth-products.ts);
// writing the same price again is harmless, so a second applier changes nothing.
import type { ChangeRequest } from '../../domain/change-requests.js';
import { MONEY_MARKET_NAV_CENTI_FEN } from '../../domain/wealth/product.js';
import { WealthNavChangeRequest, WealthYieldChangeRequest } from '../../contract/wealth-price-schemas.js';
import { publishApprovedPrice } from '../wealth-products.js';
import type { ChangeKindHandler } from './handler.js';

export const wealthPriceEntityId = (productId: string, date: string) => `wealth-price:${productId}_${date}`;

export const wealthNavChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    const { productId, navDate, navCentiFen } = WealthNavChangeRequest.parse(change.after);
    await publishApprovedPrice({ productId, date: navDate, navCentiFen, sevenDayYieldBps: null, incomePer10kCentiFen: null }, now);
  },
};

export const wealthYieldChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    const { productId, yieldDate, sevenDayYieldBps, incomePer10kCentiFen } = WealthYieldChangeRequest.parse(change.after);
    await publishApprovedPrice({ productId, date: yieldDate, navCentiFen: MONEY_MARKET_NAV_CENTI_FEN, sevenDayYieldBps, incomePer10kCentiFen }, now);
  },
};
