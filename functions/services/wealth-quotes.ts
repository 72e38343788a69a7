// What a wealth order's review sheet shows before the second factor (reads only): a cancel's
// refund and a redemption's proceeds. Apart from the order workflow (wealth-orders.ts) so that the
// function that issues every payment's nonce (account) does not bundle that workflow.
import { isCancellable } from '../domain/wealth/orders.js';
import { currentNavCentiFen, isMoneyMarket } from '../domain/wealth/product.js';
import { valueFen } from '../domain/wealth/units.js';
import { allInOrder } from '../platform/all-in-order.js';
import { bankDay, currentBusinessDate } from '../store/business-date.js';
import { deterministicJournalId } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';

/** The journal id of the customer's cancel under an Idempotency-Key: a retry finds its order. */
export const cancelJournalId = (customerId: string, idempotencyKey: string) => deterministicJournalId(customerId, 'wealth-cancel', idempotencyKey);

/** The order was cancelled by the request whose journal is `journalId` (its answer was lost). */
export const cancelledBy = (order: wealth.WealthOrderRecord, journalId: string): boolean => order.status === 'CANCELLED' && order.settlementJournalId === journalId;

/** What cancelling the purchase refunds into the e-account, for its review sheet (reads only): all
 *  it paid, as `cancelPurchase` refunds it, while it can be cancelled — or when the request under
 *  the same key already cancelled it. Null when the cancel will be refused (no such order, past its
 *  cooling-off or no longer pending), which it says itself. */
export async function cancelRefundFen(customerId: string, orderId: string, { idempotencyKey, now }: { idempotencyKey: string | undefined; now: Date }): Promise<number | null> {
  const [order, { now: clock }] = await allInOrder([wealth.getOrder(customerId, orderId), bankDay(now)]);
  if (!order) return null;
  const refunds = isCancellable(order, clock) || (idempotencyKey !== undefined && cancelledBy(order, cancelJournalId(customerId, idempotencyKey)));
  return refunds ? (order.amountFen ?? null) : null;
}

/** What a redemption pays into the e-account, as its review sheet shows it. */
export interface RedemptionValue {
  proceedsFen: number;
  /** The latest NAV it was valued at, when the amount is an estimate; null when it is exact. */
  estimatedAt: { navCentiFen: number; navDate: string } | null;
}

/** What redeeming `unitsCenti` of the product pays into the e-account, for its review sheet (reads
 *  only): the units' value (`valueFen`, as the payment itself is worked out) at the product's NAV
 *  now. A money-market fund's NAV is fixed, so its amount is exact, fast or normal; another fund's
 *  redemption is paid at the NAV of its confirmation day (T+1), so its amount is an estimate at the
 *  latest NAV published. Null where there is nothing to value — no such product, no NAV yet — and
 *  the redemption says why itself; the holding is not checked here either (as a transfer's
 *  balance is not checked on its review): what cannot be redeemed is the redemption's to refuse. */
export async function redemptionValue(productId: string, unitsCenti: number, now: Date): Promise<RedemptionValue | null> {
  const [product, today] = await allInOrder([wealth.currentWealthProduct(productId), currentBusinessDate(now)]);
  if (!product) return null;
  const latest = await wealth.latestPrice(product.productId, today);
  const navCentiFen = currentNavCentiFen(product, latest);
  if (navCentiFen === null) return null;
  const proceedsFen = valueFen(unitsCenti, navCentiFen);
  return { proceedsFen, estimatedAt: isMoneyMarket(product) || !latest ? null : { navCentiFen, navDate: latest.date } };
}

