// Money is integer fen. These guards run wherever an amount enters or leaves the rules.

export function assertFen(amountFen: number, what = 'amountFen'): number {
  if (!Number.isSafeInteger(amountFen)) {
    throw new Error(`${what} must be a safe integer number of fen, got ${amountFen}`);
  }
  return amountFen;
}

export function assertPositiveFen(amountFen: number, what = 'amountFen'): number {
  assertFen(amountFen, what);
  if (amountFen <= 0) throw new Error(`${what} must be positive, got ${amountFen}`);
  return amountFen;
}

/** Sum of fen amounts, refusing to leave the safe-integer range. */
export function sumFen(amountsFen: readonly number[]): number {
  let totalFen = 0;
  for (const amountFen of amountsFen) {
    totalFen += assertFen(amountFen);
    assertFen(totalFen, 'running total');
  }
  return totalFen;
}
