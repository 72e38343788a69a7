// How amounts and rates are written for people, built from integers so no float formatting can
// misround them. Shared by every capability (and kept apart from the loan arithmetic, whose
// decimal library the other functions need not bundle).
import { assertFen } from './money.js';

/** 721 → "7.21%", built from integers so no float formatting can misround it. */
export function formatRateBps(rateBps: number): string {
  const whole = Math.floor(rateBps / 100);
  return `${whole}.${String(rateBps - whole * 100).padStart(2, '0')}%`;
}

/** 123456789 → "1,234,567.89"; whole yuan print without decimals ("1,000"). */
export function formatYuan(amountFen: number): string {
  assertFen(amountFen);
  const yuan = Math.floor(amountFen / 100);
  const cents = amountFen - yuan * 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === 0 ? grouped : `${grouped}.${String(cents).padStart(2, '0')}`;
}
