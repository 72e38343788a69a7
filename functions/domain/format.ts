// How amounts and rates are written for people, built from integers so no float formatting can
// misround them. Shared by every capability (and kept apart from the loan arithmetic, whose
// decimal library the other functions need not bundle).
import { assertFen } from './money.js';

/** 721 → "7.21%", built from integers so no float formatting can misround it. */
export function formatRateBps(rateBps: number): string {
  const whole = Math.floor(rateBps / 100);
  return `${whole}.${String(rateBps - whole * 100).padStart(2, '0')}%`;
}

/** 123456789 → "1,234,567.89"; whole yuan print without decimals ("1,000"); −150 → "-1.50". */
export function formatYuan(amountFen: number): string {
  assertFen(amountFen);
  // Split the digits of the magnitude: flooring a negative would borrow a yuan (−150 → "-2.50").
  if (amountFen < 0) return `-${formatYuan(-amountFen)}`;
  const yuan = Math.floor(amountFen / 100);
  const cents = amountFen - yuan * 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === 0 ? grouped : `${grouped}.${String(cents).padStart(2, '0')}`;
}

/** Always with its two decimals, so that columns line up: 100000 → "1,000.00". */
export function formatYuanCents(amountFen: number): string {
  const shown = formatYuan(amountFen);
  return shown.includes('.') ? shown : `${shown}.00`;
}

/** Yuan as a person types them ("12", "12.5", "0.01") in whole fen, read digit by digit so no
 *  float rounding touches it; undefined when it is not such an amount (more than two decimals,
 *  a sign, anything else). Zero parses: whether it is allowed is the caller's rule. */
export function fenOfYuanText(text: string): number | undefined {
  const match = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
