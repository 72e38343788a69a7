// Units, NAVs and money, in integers only. The rounding rules, stated once:
//
//   value in fen of units      = floor(unitsCenti × navCentiFen / 10,000)
//   units an order buys        = floor(amountFen × 10,000 / navCentiFen)
//   residual of an order       = amountFen − value of the units it bought  (≥ 0, refunded, booked)
//   money-market daily income  = unitsCenti × incomePer10kCentiFen / 10^8 fen, exactly; the whole
//                                fen of (income + carried remainder) are paid as new units and the
//                                remainder (a numerator over 10^8) is carried to the next day.
//
// Every floor is in the bank's favour by less than a fen, and each such fraction is either refunded
// (a purchase residual) or carried (income), so the customer never loses a fen unnoticed.
import { assertFen } from '../money.js';
import { MAX_NAV_CENTI_FEN } from './product.js';

const NAV_SCALE = 10_000n;
/** unitsCenti × incomePer10kCentiFen is in 1/10^8 fen. */
export const INCOME_DENOMINATOR = 100_000_000;

function assertUnits(unitsCenti: number, what = 'unitsCenti'): number {
  if (!Number.isSafeInteger(unitsCenti) || unitsCenti < 0) throw new Error(`${what} must be a non-negative safe integer, got ${unitsCenti}`);
  return unitsCenti;
}

export function assertNav(navCentiFen: number): number {
  if (!Number.isSafeInteger(navCentiFen) || navCentiFen < 1 || navCentiFen > MAX_NAV_CENTI_FEN) {
    throw new Error(`navCentiFen must be an integer in [1, ${MAX_NAV_CENTI_FEN}], got ${navCentiFen}`);
  }
  return navCentiFen;
}

const toSafe = (value: bigint, what: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${what} left the safe-integer range`);
  return n;
};

/** What `unitsCenti` are worth at `navCentiFen`, floored to the fen. */
export function valueFen(unitsCenti: number, navCentiFen: number): number {
  assertUnits(unitsCenti);
  assertNav(navCentiFen);
  return toSafe((BigInt(unitsCenti) * BigInt(navCentiFen)) / NAV_SCALE, 'valueFen');
}

export interface Confirmation {
  unitsCenti: number;
  /** The units' value at the confirmation NAV: what was invested. */
  valueFen: number;
  /** amountFen − valueFen, refunded to the customer with the confirmation. */
  residualFen: number;
}

/** Units for an order of `amountFen` at `navCentiFen`. unitsCenti = 0 means the order fails. */
export function confirmOrder(amountFen: number, navCentiFen: number): Confirmation {
  assertFen(amountFen);
  if (amountFen <= 0) throw new Error(`an order amount must be positive, got ${amountFen}`);
  assertNav(navCentiFen);
  const unitsCenti = toSafe((BigInt(amountFen) * NAV_SCALE) / BigInt(navCentiFen), 'unitsCenti');
  const value = valueFen(unitsCenti, navCentiFen);
  const residualFen = amountFen - value;
  // Floors twice, never over: the units are worth at most what was paid, and less by under one
  // unit-centi's worth (the invariant the property tests check).
  if (residualFen < 0 || residualFen > Math.ceil(navCentiFen / 10_000)) throw new Error(`residual ${residualFen} out of range`);
  return { unitsCenti, valueFen: value, residualFen };
}

export interface IncomeAccrual {
  /** Whole fen paid today (as new units at NAV 1.0000). */
  paidFen: number;
  /** Numerator over INCOME_DENOMINATOR carried to the next day, in [0, 10^8). */
  carry: number;
}

/** One day of money-market income on `unitsCenti`, with yesterday's carried remainder. */
export function accrueIncome(unitsCenti: number, incomePer10kCentiFen: number, carry: number): IncomeAccrual {
  assertUnits(unitsCenti);
  if (!Number.isSafeInteger(incomePer10kCentiFen) || incomePer10kCentiFen < 0) throw new Error(`incomePer10kCentiFen must be a non-negative integer, got ${incomePer10kCentiFen}`);
  if (!Number.isSafeInteger(carry) || carry < 0 || carry >= INCOME_DENOMINATOR) throw new Error(`carry out of range: ${carry}`);
  const total = BigInt(unitsCenti) * BigInt(incomePer10kCentiFen) + BigInt(carry);
  const denominator = BigInt(INCOME_DENOMINATOR);
  return { paidFen: toSafe(total / denominator, 'income'), carry: Number(total % denominator) };
}

/** 10234 → "1.0234". */
export function formatNav(navCentiFen: number): string {
  assertNav(navCentiFen);
  const whole = Math.floor(navCentiFen / 10_000);
  return `${whole}.${String(navCentiFen - whole * 10_000).padStart(4, '0')}`;
}

/** 12345 unitsCenti → "123.45". */
export function formatUnits(unitsCenti: number): string {
  assertUnits(unitsCenti);
  const whole = Math.floor(unitsCenti / 100);
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(unitsCenti - whole * 100).padStart(2, '0')}`;
}

/** 万份收益 in centi-fen → yuan with four decimals: 4321 → "0.4321". */
export function formatIncomePer10k(incomePer10kCentiFen: number): string {
  if (!Number.isSafeInteger(incomePer10kCentiFen) || incomePer10kCentiFen < 0) throw new Error(`bad income ${incomePer10kCentiFen}`);
  const whole = Math.floor(incomePer10kCentiFen / 10_000);
  return `${whole}.${String(incomePer10kCentiFen - whole * 10_000).padStart(4, '0')}`;
}
