// Wealth orders awaiting confirmation (待确认理财订单): the pending index the day close works
// through, earliest confirmation date first, and whether the next close confirms each.
import { currentBusinessDate } from '../store/business-date.js';
import { pendingOrdersPage } from '../store/pending-wealth-orders.js';
import type { WealthOrderRecord } from '../store/wealth.js';

export async function pendingWealthOrders(limit: number, cursor: string | undefined, now: Date): Promise<{ businessDate: string; orders: WealthOrderRecord[]; nextCursor: string | null }> {
  const [date, page] = await Promise.all([currentBusinessDate(now), pendingOrdersPage(limit, cursor)]);
  return { businessDate: date, orders: page.orders, nextCursor: page.lastKey ?? null };
}
