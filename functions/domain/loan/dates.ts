// Calendar dates as YYYY-MM-DD strings, computed in UTC so the host's time zone never moves a day.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** Longest shift any loan rule needs (a 120-month term plus a year of line, with room). */
const MAX_MONTHS_SHIFT = 1200;

function partsOf(date: string, what: string): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year >= MIN_YEAR && year <= MAX_YEAR && formatUtc(Date.UTC(year, month - 1, day)) === date) {
      return [year, month, day];
    }
  }
  throw new Error(`${what} must be a real date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}, got ${date}`);
}

function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function assertIsoDate(date: string, what = 'date'): string {
  partsOf(date, what);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months`, on the same day of month or the month's last day when that is shorter
 *  (Jan 31 + 1 → Feb 28/29, Jan 31 + 2 → Mar 31). Always count from the original date: chaining
 *  from a clamped date would drift (Feb 29 + 1 → Mar 29). */
export function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = partsOf(date, 'date');
  if (!Number.isSafeInteger(months) || Math.abs(months) > MAX_MONTHS_SHIFT) {
    throw new Error(`months must be an integer within ±${MAX_MONTHS_SHIFT}, got ${months}`);
  }
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatUtc(Date.UTC(targetYear, targetMonth - 1, targetDay));
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = partsOf(date, 'date');
  if (!Number.isSafeInteger(days) || Math.abs(days) > MAX_MONTHS_SHIFT * 31) {
    throw new Error(`days must be a bounded integer, got ${days}`);
  }
  return formatUtc(Date.UTC(year, month - 1, day) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = partsOf(from, 'from');
  const [y2, m2, d2] = partsOf(to, 'to');
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}
