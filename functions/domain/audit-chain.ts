// The audit log's hash chain (审计日志): every entry carries a MAC under a key that is not in the
// table, over its own content and the previous entry's MAC, with a gap-free sequence number. Whoever
// can write the table but does not hold the key can neither edit, remove nor reorder entries
// without the chain saying where; truncating the newest entries is caught by an anchor of the
// head ({seq, mac}) kept outside the table (services/audit.ts, adapters/audit-anchor.ts).
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema.js';

/** The MAC the first entry chains to. */
export const GENESIS_MAC_HEX = '0'.repeat(64);
/** Domain separation: a MAC of this chain is never a valid MAC of anything else under the key. */
const MAC_CONTEXT = 'jinlin-audit-v1\n';
/** The most a before or after snapshot may weigh, as canonical JSON: an entry records a change,
 *  not a document (and DynamoDB items stop at 400 KB). */
export const MAX_SNAPSHOT_BYTES = 16_384;
/** At least 256 bits, like every HMAC key of the bank. */
export const MIN_AUDIT_KEY_BYTES = 32;

const Text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** `anonymous`: a request that names no one the bank knows (a sign-in with an unknown login). */
export const AuditActor = /* @__PURE__ */ lazySchema(() => z.object({ kind: z.enum(['operator', 'system', 'automation', 'anonymous']), id: Text(64) }));
export type AuditActor = z.infer<typeof AuditActor>;
export const AuditTarget = /* @__PURE__ */ lazySchema(() => z.object({ kind: Text(40), id: Text(128) }));
export type AuditTarget = z.infer<typeof AuditTarget>;
/** Dotted lower-case words: `console.sign-in`, `console.sign-in.failed`, `customer.reveal`. */
export const AuditAction = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){1,4}$/), z.maxLength(80)));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const JsonValue: z.ZodMiniType<Json> = /* @__PURE__ */ lazySchema(() =>
  z.lazy(() =>
    z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
  ),
);

/** What a caller records; the chain adds seq, time and MAC. */
export const AuditInput = /* @__PURE__ */ lazySchema(() =>
  z.object({
    actor: AuditActor,
    action: AuditAction,
    target: AuditTarget,
    /** Why (a PII reveal, a freeze): typed by the operator. */
    reason: z.optional(Text(500)),
    before: z.optional(JsonValue),
    after: z.optional(JsonValue),
  }),
);
/** Snapshots are any JSON value (a report, a record's fields); sealing checks they are. */
export type AuditInput = Omit<z.infer<typeof AuditInput>, 'before' | 'after'> & { before?: unknown; after?: unknown };

export const AuditEntry = /* @__PURE__ */ lazySchema(() =>
  z.object({
    ...AuditInput.shape,
    seq: z.int().check(z.minimum(1)),
    at: z.iso.datetime(),
    macHex: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  }),
);
export type AuditEntry = z.infer<typeof AuditEntry>;
export type UnsealedEntry = Omit<AuditEntry, 'macHex'>;

/** An item of the log that is not an entry at all (a field removed or of the wrong type). */
export interface UnreadableEntry {
  seq: number;
  unreadable: true;
}
export type ChainItem = AuditEntry | UnreadableEntry;

/** A point of the chain: an entry's sequence number and MAC (the head; an anchor). */
export interface ChainPoint {
  seq: number;
  macHex: string;
}
export const GENESIS: ChainPoint = { seq: 0, macHex: GENESIS_MAC_HEX };

/** JSON with object keys sorted at every depth and undefined members left out: one text per
 *  value, whatever order the fields were built or stored in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('audit values must be finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`);
  return `{${members.join(',')}}`;
}

function content(entry: UnsealedEntry): UnsealedEntry {
  const { seq, at, actor, action, target, reason, before, after } = entry;
  return { seq, at, actor: { kind: actor.kind, id: actor.id }, action, target: { kind: target.kind, id: target.id }, reason, before, after };
}

/** HMAC-SHA256(key, context ‖ canonical JSON of the entry without its MAC ‖ previous MAC). */
export function entryMacHex(entry: UnsealedEntry, previousMacHex: string, key: Buffer): string {
  return createHmac('sha256', key).update(MAC_CONTEXT).update(canonicalJson(content(entry))).update(previousMacHex).digest('hex');
}

/** The entry after `previous` (the head; GENESIS for the first), sealed with its MAC. Refuses an
 *  input the chain could not hold (bad action, oversized snapshot). */
export function sealEntry(input: AuditInput, at: Date, previous: ChainPoint, key: Buffer): AuditEntry {
  assertKey(key);
  const parsed = AuditInput.parse(input);
  for (const side of ['before', 'after'] as const) {
    const bytes = parsed[side] === undefined ? 0 : Buffer.byteLength(canonicalJson(parsed[side]));
    if (bytes > MAX_SNAPSHOT_BYTES) throw new Error(`audit ${side} snapshot is ${bytes} bytes, more than ${MAX_SNAPSHOT_BYTES}`);
  }
  const unsealed: UnsealedEntry = { ...parsed, seq: previous.seq + 1, at: at.toISOString() };
  return { ...unsealed, macHex: entryMacHex(unsealed, previous.macHex, key) };
}

function assertKey(key: Buffer): void {
  if (key.length < MIN_AUDIT_KEY_BYTES) throw new Error(`the audit MAC key must be at least ${MIN_AUDIT_KEY_BYTES} bytes`);
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const isUnreadable = (item: ChainItem): item is UnreadableEntry => 'unreadable' in item;

/** The first thing wrong with a chain, with the sequence number where it is. */
export type ChainProblem =
  /** The entry's MAC does not match its content: a field was changed (or the item is unreadable). */
  | { kind: 'edited'; seq: number }
  /** The entry at `seq` holds the content sealed as entry `sealedAs`: entries were swapped or moved. */
  | { kind: 'reordered'; seq: number; sealedAs: number }
  /** No entry `seq`, though a later one is there: an entry was removed. */
  | { kind: 'missing'; seq: number }
  /** An entry numbered `seq` where `expectedSeq` was due (listed twice, or out of order). */
  | { kind: 'out-of-sequence'; seq: number; expectedSeq: number }
  /** The anchor names entry `seq`, the chain ends at `lastSeq`: the newest entries were removed. */
  | { kind: 'truncated'; seq: number; lastSeq: number }
  /** The chain's entry `seq` is not the one anchored: the chain was rewritten from there or before. */
  | { kind: 'anchor-mismatch'; seq: number }
  /** The head item does not name the chain's last entry. */
  | { kind: 'head-mismatch'; seq: number; lastSeq: number };

export type ChainVerdict = { ok: true; entries: number; last: ChainPoint; anchoredSeq: number | undefined } | { ok: false; problem: ChainProblem };

/** What an operator reads: the problem in Chinese, with the sequence number. */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'edited':
      return `第 ${problem.seq} 条审计记录的内容与其 MAC 不符：记录被修改`;
    case 'reordered':
      return `第 ${problem.seq} 条位置上是原第 ${problem.sealedAs} 条审计记录：记录顺序被调换`;
    case 'missing':
      return `缺少第 ${problem.seq} 条审计记录：记录被删除`;
    case 'out-of-sequence':
      return `应为第 ${problem.expectedSeq} 条处出现第 ${problem.seq} 条审计记录：序号重复或乱序`;
    case 'truncated':
      return `锚定的第 ${problem.seq} 条审计记录不在链中（链止于第 ${problem.lastSeq} 条）：最新的记录被删除`;
    case 'anchor-mismatch':
      return `第 ${problem.seq} 条审计记录与外部锚定的 MAC 不符：链被改写`;
    case 'head-mismatch':
      return `链头记为第 ${problem.seq} 条，链实际止于第 ${problem.lastSeq} 条：链头被改动`;
  }
}

export interface ChainVerifier {
  /** Checks the next entries in sequence order; `lookahead` (the entries right after, not yet
   *  checked) only helps tell a reordered entry from an edited one. The first problem, if any. */
  add(entries: readonly ChainItem[], lookahead?: readonly ChainItem[]): ChainProblem | undefined;
  /** After the last entry: the anchor and the head against what was read. */
  finish(head?: ChainPoint): ChainVerdict;
}

/** Verifies a chain read in pages, in sequence order from entry 1, holding only the last point. */
export function chainVerifier(key: Buffer, anchor?: ChainPoint): ChainVerifier {
  assertKey(key);
  let last = GENESIS;
  let count = 0;
  let anchored: 'not-reached' | 'matched' = 'not-reached';
  let failed: ChainProblem | undefined;
  const fail = (problem: ChainProblem) => (failed = problem);
  return {
    add(entries, lookahead = []) {
      if (failed) return failed;
      for (const item of entries) {
        const expectedSeq = last.seq + 1;
        if (item.seq > expectedSeq) return fail({ kind: 'missing', seq: expectedSeq });
        if (item.seq < expectedSeq) return fail({ kind: 'out-of-sequence', seq: item.seq, expectedSeq });
        if (isUnreadable(item)) return fail({ kind: 'edited', seq: item.seq });
        if (!sameHex(entryMacHex(item, last.macHex, key), item.macHex)) {
          const sealedAs = sealedPosition(item, last, [...entries, ...lookahead], key);
          return fail(sealedAs === undefined ? { kind: 'edited', seq: item.seq } : { kind: 'reordered', seq: item.seq, sealedAs });
        }
        if (anchor && item.seq === anchor.seq) {
          if (!sameHex(item.macHex, anchor.macHex)) return fail({ kind: 'anchor-mismatch', seq: item.seq });
          anchored = 'matched';
        }
        last = { seq: item.seq, macHex: item.macHex };
        count++;
      }
      return undefined;
    },
    finish(head) {
      if (failed) return { ok: false, problem: failed };
      if (anchor && anchored === 'not-reached' && anchor.seq > 0) return { ok: false, problem: { kind: 'truncated', seq: anchor.seq, lastSeq: last.seq } };
      if (head && (head.seq !== last.seq || !sameHex(head.macHex, last.macHex))) {
        return { ok: false, problem: { kind: 'head-mismatch', seq: head.seq, lastSeq: last.seq } };
      }
      return { ok: true, entries: count, last, anchoredSeq: anchor?.seq };
    },
  };
}

/** Which other position `entry` was sealed for, if any: sealed as entry q it chains to the MAC of
 *  entry q − 1, which now sits at q − 1 — or at q, when it is the entry it was swapped with. */
function sealedPosition(entry: AuditEntry, verified: ChainPoint, window: readonly ChainItem[], key: Buffer): number | undefined {
  const macAt = new Map<number, string>([[verified.seq, verified.macHex]]);
  for (const item of window) if (!isUnreadable(item) && item.seq !== entry.seq) macAt.set(item.seq, item.macHex);
  if (verified.seq === 0) macAt.set(0, GENESIS_MAC_HEX);
  for (const item of window) {
    const q = item.seq;
    if (q === entry.seq) continue;
    const candidates = [macAt.get(q - 1), macAt.get(q)].filter((mac): mac is string => mac !== undefined);
    if (candidates.some((previous) => sameHex(entryMacHex({ ...entry, seq: q }, previous, key), entry.macHex))) return q;
  }
  return undefined;
}

/** Verifies a whole chain held in memory (tests, small exports). */
export function verifyChain(entries: readonly ChainItem[], key: Buffer, anchor?: ChainPoint, head?: ChainPoint): ChainVerdict {
  const verifier = chainVerifier(key, anchor);
  verifier.add(entries);
  return verifier.finish(head);
}
