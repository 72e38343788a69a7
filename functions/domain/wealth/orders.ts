// The rules of a wealth order: what may be bought when and for how much, when it confirms and
// until when it may be cancelled, and how a redemption splits between fast (T+0) and normal (T+1).
import { refuse } from '../errors.js';
import { assertFen } from '../money.js';
import { formatYuan } from '../format.js';
import { addDays } from '../loan/dates.js';
import { chinaMinute } from '../time.js';
import { isMoneyMarket, type WealthProduct } from './product.js';

const HOUR_MS = 3_600_000;

/** The earliest date whose day close may confirm a purchase placed on `placedOn`: the next (T+1),
 *  or as many days on as the cooling-off hours span in whole days. Placed on a date, an order's cooling-off ends
 *  before that close's date is over, so a close run after its date has ended never finds it
 *  still inside its period; a close run earlier (a business date behind the calendar, a clock
 *  moved on a test stage) leaves it pending for a later close (`inCoolingOff`). */
export const confirmDateFor = (product: Pick<WealthProduct, 'coolingOffHours'>, placedOn: string): string =>
  addDays(placedOn, Math.max(1, Math.ceil(product.coolingOffHours / 24)));

export interface OrderDates {
  placedOn: string;
  /** The earliest date whose day close confirms the order. */
  confirmDate: string;
  /** The instant the cooling-off ends: exactly `coolingOffHours` after the order time, whatever the
   *  day close does meanwhile. Null without cooling-off. */
  cancellableUntil: string | null;
}

/** The dates of a purchase placed at `placedAt` (the bank's clock) on the business date `placedOn`. */
export function orderDates(product: Pick<WealthProduct, 'coolingOffHours'>, placedOn: string, placedAt: Date): OrderDates {
  return {
    placedOn,
    confirmDate: confirmDateFor(product, placedOn),
    cancellableUntil: product.coolingOffHours > 0 ? new Date(placedAt.getTime() + product.coolingOffHours * HOUR_MS).toISOString() : null,
  };
}

/** Whether the product takes a purchase placed on `today` (whatever its amount). */
export function isOnSale(product: WealthProduct, today: string): boolean {
  if (product.status !== 'OPEN' || today < product.subscriptionOpensOn) return false;
  if (product.subscriptionClosesOn !== null && today > product.subscriptionClosesOn) return false;
  return product.maturityDate === null || confirmDateFor(product, today) < product.maturityDate;
}

/** Refuses a purchase of `amountFen` the product does not take today. */
export function assertPurchasable(product: WealthProduct, amountFen: number, today: string, now: Date): OrderDates {
  assertFen(amountFen);
  if (product.status !== 'OPEN') refuse('unprocessable', 'PRODUCT_CLOSED', '该产品暂停申购');
  if (today < product.subscriptionOpensOn) refuse('unprocessable', 'SUBSCRIPTION_NOT_OPEN', `该产品 ${product.subscriptionOpensOn} 开放申购`);
  if (product.subscriptionClosesOn !== null && today > product.subscriptionClosesOn) {
    refuse('unprocessable', 'SUBSCRIPTION_CLOSED', '该产品募集期已结束');
  }
  const dates = orderDates(product, today, now);
  // A fixed-term order must hold units before the product matures.
  if (product.maturityDate !== null && dates.confirmDate >= product.maturityDate) {
    refuse('unprocessable', 'SUBSCRIPTION_CLOSED', '该产品募集期已结束');
  }
  if (amountFen < product.minPurchaseFen) {
    refuse('unprocessable', 'AMOUNT_BELOW_MINIMUM', `起购金额为 ${formatYuan(product.minPurchaseFen)} 元`);
  }
  if (amountFen > product.maxPurchaseFen) {
    refuse('unprocessable', 'AMOUNT_ABOVE_MAXIMUM', `单笔最多购买 ${formatYuan(product.maxPurchaseFen)} 元`);
  }
  if ((amountFen - product.minPurchaseFen) % product.stepFen !== 0) {
    refuse('unprocessable', 'AMOUNT_NOT_ON_STEP', `购买金额须为 ${formatYuan(product.minPurchaseFen)} 元起、按 ${formatYuan(product.stepFen)} 元递增`);
  }
  return dates;
}

/** An order's id mirrors the journal id it derives from (J… → W…): a retried request finds both. */
export const orderIdFor = (journalId: string): string => `W${journalId.slice(1)}`;
/** The journal a purchase order was paid by (the inverse of orderIdFor). */
export const journalIdOfOrder = (orderId: string): string => `J${orderId.slice(1)}`;

/** What the customer is told when an order may no longer be cancelled, whether the rule or the
 *  order's write finds it so. */
export const NOT_CANCELLABLE = ['ORDER_NOT_CANCELLABLE', '该订单已过冷静期或已确认，不能撤销'] as const;

/** The order is still inside its cooling-off period at `now` (the bank's clock). */
export const inCoolingOff = (order: { cancellableUntil?: string | null }, now: Date): boolean =>
  order.cancellableUntil != null && now.getTime() < Date.parse(order.cancellableUntil);

/** A pending purchase may be cancelled until its cooling-off ends: `cancellableUntil` itself is
 *  already too late. */
export const isCancellable = (order: { kind: string; status: string; cancellableUntil?: string | null }, now: Date): boolean =>
  order.kind === 'PURCHASE' && order.status === 'PENDING' && inCoolingOff(order, now);

/** Refuses to cancel an order that may not be cancelled at `now`, saying why: its cooling-off is
 *  over (and when it ended), or it is no pending purchase with one. */
export function assertCancellable(order: { kind: string; status: string; cancellableUntil?: string | null }, now: Date): void {
  if (isCancellable(order, now)) return;
  if (order.kind === 'PURCHASE' && order.status === 'PENDING' && order.cancellableUntil != null) {
    refuse('unprocessable', 'COOLING_OFF_ENDED', `冷静期已于 ${chinaMinute(new Date(order.cancellableUntil))} 结束，不能撤销`);
  }
  refuse('unprocessable', ...NOT_CANCELLABLE);
}

/** What the customer is told when the units asked for are more than those available, whether the
 *  check or the holding's write finds it so. */
export const INSUFFICIENT_UNITS = ['INSUFFICIENT_UNITS', '可赎回份额不足'] as const;

export type RedemptionMode = 'FAST' | 'NORMAL';

export interface RedemptionSplit {
  /** Paid now (money-market fast redemption, within today's cap). */
  fastUnitsCenti: number;
  /** Settled by the day close of T+1. */
  normalUnitsCenti: number;
}

/** Checks a redemption request against the product and the holding and splits it. A money-market
 *  fund's NAV is 1.0000, so one unitCenti is worth exactly one fen and the fast part is capped by
 *  what is left of today's cap in fen directly. */
export function splitRedemption(args: {
  product: WealthProduct;
  mode: RedemptionMode;
  unitsCenti: number;
  availableUnitsCenti: number;
  fastCapLeftFen: number;
}): RedemptionSplit {
  const { product, mode, unitsCenti } = args;
  if (product.type === 'FIXED_TERM') refuse('unprocessable', 'REDEMPTION_NOT_ALLOWED', '定期产品在封闭期内不可赎回，到期后自动赎回至电子账户');
  if (mode === 'FAST' && !isMoneyMarket(product)) refuse('unprocessable', 'FAST_REDEMPTION_NOT_SUPPORTED', '该产品不支持快速赎回');
  if (!Number.isSafeInteger(unitsCenti) || unitsCenti <= 0) refuse('invalid', 'UNITS_INVALID', '请输入赎回份额');
  if (unitsCenti > args.availableUnitsCenti) refuse('unprocessable', ...INSUFFICIENT_UNITS);
  if (mode === 'NORMAL') return { fastUnitsCenti: 0, normalUnitsCenti: unitsCenti };
  const fastUnitsCenti = Math.max(0, Math.min(unitsCenti, args.fastCapLeftFen));
  return { fastUnitsCenti, normalUnitsCenti: unitsCenti - fastUnitsCenti };
}

/** Total earnings of a holding: what its units are worth plus what was redeemed, less what was
 *  invested (confirmed purchases at their confirmation value). Income paid as units counts
 *  through the units. */
export const totalEarningsFen = (holding: { marketValueFen: number; redeemedFen: number; investedFen: number }): number =>
  holding.marketValueFen + holding.redeemedFen - holding.investedFen;
