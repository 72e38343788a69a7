// Integer bounds for the numbers the rules take from configuration and products (rates in basis
// points, terms, counts): breaking them would price or schedule money wrongly, so they throw.

/** Integer basis points within [0, maxBps]; rates come from configuration and products. */
export function assertRateBps(rateBps: number, what: string, maxBps: number): number {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > maxBps) {
    throw new Error(`${what} must be whole basis points in [0, ${maxBps}], got ${rateBps}`);
  }
  return rateBps;
}

export function assertIntIn(value: number, what: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}
