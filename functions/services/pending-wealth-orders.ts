// Wealth orders awaiting confirmation (待确认理财订单): the pending index the day close works
// through, earliest confirmation date first, with the business date and the bank's clock that
// say whether the next close confirms each.
import { bankDay } from '../store/business-date.js';
import { pendingOrdersPage } from '../store/pending-wealth-orders.js';
import type { WealthOrderRecord } from '../store/wealth.js';

export async function pendingWealthOrders(
  limit: number,
  cursor: string | undefined,
  now: Date,
): Promise<{ businessDate: string; asOf: Date; orders: WealthOrderRecord[]; nextCursor: string | null }> {
  const [day, page] = await Promise.all([bankDay(now), pendingOrdersPage(limit, cursor)]);
  return { businessDate: day.businessDate, asOf: day.now, orders: page.orders, nextCursor: page.lastKey ?? null };
}
