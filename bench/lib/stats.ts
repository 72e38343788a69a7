// Small statistics helpers: nearest-rank percentiles, medians, ratios and their formatting.

/** Nearest-rank percentile of `values` (0 < p ≤ 100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

export const fmt = {
  ms: (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–'),
  perSecond: (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–'),
  ratio: (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–'),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
  int: (value: number) => value.toLocaleString('en-US'),
};

export function metOrMissed(met: boolean | undefined): string {
  if (met === undefined) return 'n/a';
  return met ? 'met' : 'MISSED';
}

/** How a set of samples spreads: fewest, median, 90th percentile (nearest rank) and most. */
export interface Spread {
  samples: number[];
  minMs: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

export function spreadOf(samples: number[]): Spread {
  return { samples, minMs: Math.min(...samples), medianMs: median(samples), p90Ms: percentile(samples, 90), maxMs: Math.max(...samples) };
}
