// The bank's business date is the calendar date in China Standard Time (UTC+8, no DST).
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function businessDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The time in China to the minute, as a message to the customer says it: 2026-12-05 21:05. */
export function chinaMinute(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
