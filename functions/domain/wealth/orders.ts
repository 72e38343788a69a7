// The rules of a wealth order: what may be bought when and for how much, when it confirms and
// until when it may be cancelled, and how a redemption splits between fast (T+0) and normal (T+1).
import { refuse } from '../errors.js';
import { assertFen } from '../money.js';
import { formatYuan } from '../format.js';
import { addDays } from '../loan/dates.js';
import { isMoneyMarket, type WealthProduct } from './product.js';

/** Calendar days of cooling-off: ceil(hours / 24). 24 h → the order may be cancelled on the day it
 *  was placed; 48 h → that day and the next. */
export const coolingOffDays = (coolingOffHours: number): number => Math.ceil(coolingOffHours / 24);

export interface OrderDates {
  placedOn: string;
  /** Cancellable while the business date is before this date (no cooling-off: the placing date). */
  coolingOffEndsOn: string;
  /** The day close of this date confirms the order: max(T+1, coolingOffEndsOn). */
  confirmDate: string;
}

export function orderDates(product: Pick<WealthProduct, 'coolingOffHours'>, placedOn: string): OrderDates {
  const coolingOffEndsOn = addDays(placedOn, coolingOffDays(product.coolingOffHours));
  const nextDay = addDays(placedOn, 1);
  return { placedOn, coolingOffEndsOn, confirmDate: coolingOffEndsOn > nextDay ? coolingOffEndsOn : nextDay };
}

/** Refuses a purchase of `amountFen` the product does not take today. */
export function assertPurchasable(product: WealthProduct, amountFen: number, today: string): OrderDates {
  assertFen(amountFen);
  if (product.status !== 'OPEN') refuse('unprocessable', 'PRODUCT_CLOSED', '该产品暂停申购');
  if (today < product.subscriptionOpensOn) refuse('unprocessable', 'SUBSCRIPTION_NOT_OPEN', `该产品 ${product.subscriptionOpensOn} 开放申购`);
  if (product.subscriptionClosesOn !== null && today > product.subscriptionClosesOn) {
    refuse('unprocessable', 'SUBSCRIPTION_CLOSED', '该产品募集期已结束');
  }
  const dates = orderDates(product, today);
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

/** What the customer is told when an order may no longer be cancelled, whether the rule or the
 *  order's write finds it so. */
export const NOT_CANCELLABLE = ['ORDER_NOT_CANCELLABLE', '该订单已过冷静期或已确认，不能撤销'] as const;

export const isCancellable = (order: { kind: string; status: string; coolingOffEndsOn?: string | null }, today: string): boolean =>
  order.kind === 'PURCHASE' && order.status === 'PENDING' && order.coolingOffEndsOn != null && today < order.coolingOffEndsOn;

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
