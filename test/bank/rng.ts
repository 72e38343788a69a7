// A small seeded PRNG: the bank test derives every choice from one 32-bit seed, so the same seed
// always plans the same customers, operations, duplicates and fault points.
import { createHash } from 'node:crypto';

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A sub-generator for one purpose (a client, the customers…): independent of call order. */
  fork(label: string): Rng {
    return new Rng(createHash('sha256').update(`${this.state}:${label}`).digest().readUInt32BE(0));
  }

  /** mulberry32, in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [key, weight] of entries) {
      x -= weight;
      if (x < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** A log-uniform integer in [lo, hi]: small amounts common, large ones present. */
  logInt(lo: number, hi: number): number {
    const x = Math.exp(Math.log(lo) + this.next() * (Math.log(hi + 1) - Math.log(lo)));
    return Math.min(hi, Math.max(lo, Math.floor(x)));
  }
}

/** The seed from JINLIN_BANK_SEED, or a fresh random one. */
export function chooseSeed(env: string | undefined): number {
  if (env !== undefined && env !== '') {
    if (!/^\d{1,10}$/.test(env) || Number(env) > 0xffffffff) throw new Error(`JINLIN_BANK_SEED must be an integer 0..4294967295, got ${env}`);
    return Number(env);
  }
  return createHash('sha256').update(`${process.pid}:${process.hrtime.bigint()}:${Math.random()}`).digest().readUInt32BE(0);
}
