// The bank's clock: the wall clock in production. On local and test stages (ALLOW_CLOCK_CONTROL)
// operators may move it (POST /v1/admin/clock), so a test can place a wealth order at 23:50 and
// come back the next morning, or a day later, without waiting. What is stored is the offset from
// the wall clock, so the moved clock keeps running. It is kept on the business date's item
// (store/business-date.ts): the one read that gives a workflow its business date gives it the
// time as well, so the clock costs no DynamoDB round trip.

/** How far the clock may be moved from the wall clock, either way: about ten years. */
export const MAX_CLOCK_OFFSET_MS = 3_660 * 24 * 3_600_000;

/** The clock's time when the wall clock reads `wallNow` and the clock is `offsetMs` off it. */
export const clockTime = (wallNow: Date, offsetMs: number): Date => new Date(wallNow.getTime() + offsetMs);

/** The offset that makes the clock read `target` when the wall clock reads `wallNow`, or null when
 *  that is further than MAX_CLOCK_OFFSET_MS away. */
export function offsetTo(target: Date, wallNow: Date): number | null {
  const offsetMs = target.getTime() - wallNow.getTime();
  return Number.isSafeInteger(offsetMs) && Math.abs(offsetMs) <= MAX_CLOCK_OFFSET_MS ? offsetMs : null;
}
