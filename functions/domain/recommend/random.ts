// Seeded randomness for the ranker: a string hash, a small PRNG and Beta sampling. Pure JS (no
// node:crypto) so a decision is a function of its inputs alone and cheap enough to run per request.
// test/bank/rng.ts uses the same generator, but domain may not import test code.

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so nearby strings ("c1", "c2") land
 *  far apart — the holdout share depends on the low and high bits being well mixed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A hash of the parts (joined by a separator no id contains) as a share in [0, 1). */
export const hashShare = (...parts: string[]): number => hash32(parts.join('\u001f')) / 4_294_967_296;

/** mulberry32: 32 bits of state, passes the usual statistical batteries for this use. */
export class SeededRng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal by Box–Muller (one of the pair; simplicity over speed). */
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1]: log(0) never happens
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Gamma(shape, 1) for shape ≥ 1 by Marsaglia–Tsang (2000); the ranker's shapes are 1 + counts. */
  gamma(shape: number): number {
    if (!(shape >= 1) || !Number.isFinite(shape)) throw new Error(`gamma shape must be ≥ 1, got ${shape}`);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta); alpha, beta ≥ 1. */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    return x / (x + this.gamma(beta));
  }
}
