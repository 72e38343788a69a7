// The audit log's hash chain (functions/domain/audit-chain.ts): a chain sealed under the key
// verifies; each tampering someone without the key can do is reported as what it is, at the
// sequence number where it is; a truncated tail is caught by the anchor.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  type AuditEntry,
  type AuditInput,
  canonicalJson,
  chainVerifier,
  type ChainItem,
  describeChainProblem,
  GENESIS,
  MAX_SNAPSHOT_BYTES,
  sealEntry,
  verifyChain,
} from '../../functions/domain/audit-chain.js';

const KEY = randomBytes(32);
const START = Date.parse('2026-03-01T08:00:00.000Z');

const input = (n: number): AuditInput => ({
  actor: { kind: 'operator', id: `op-${n % 3}` },
  action: n % 2 ? 'console.sign-in' : 'customer.reveal',
  target: { kind: 'customer', id: `cust-${n}` },
  ...(n % 2 ? {} : { reason: `客户来电核实 ${n}` }),
  ...(n % 4 === 0 ? { before: { status: 'ACTIVE', n }, after: { status: 'FROZEN', n, tags: ['a', 'b'] } } : {}),
});

function chain(length: number, key = KEY): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = GENESIS;
  for (let n = 1; n <= length; n++) {
    const entry = sealEntry(input(n), new Date(START + n * 1000), previous, key);
    entries.push(entry);
    previous = { seq: entry.seq, macHex: entry.macHex };
  }
  return entries;
}

const point = (entry: AuditEntry) => ({ seq: entry.seq, macHex: entry.macHex });

describe('audit chain', () => {
  test('a sealed chain verifies, gap-free from 1, with its anchor and head', () => {
    const entries = chain(12);
    assert.deepEqual(entries.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const verdict = verifyChain(entries, KEY, point(entries[9]!), point(entries[11]!));
    assert.deepEqual(verdict, { ok: true, entries: 12, last: point(entries[11]!), anchoredSeq: 10 });
    assert.deepEqual(verifyChain([], KEY), { ok: true, entries: 0, last: GENESIS, anchoredSeq: undefined });
  });

  test('canonical JSON does not depend on key order and leaves undefined out', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined, w: null }], c: 'x' } }), '{"a":{"c":"x","d":[1,{"w":null,"y":2}]},"b":1}');
  });

  test('verifying in pages gives the same verdict as all at once', () => {
    const entries = chain(25);
    const verifier = chainVerifier(KEY);
    for (let from = 0; from < entries.length; from += 7) assert.equal(verifier.add(entries.slice(from, from + 7)), undefined);
    assert.deepEqual(verifier.finish(point(entries[24]!)), verifyChain(entries, KEY, undefined, point(entries[24]!)));
  });

  test('an edited field is reported at its entry', () => {
    for (const edit of [
      (e: AuditEntry) => ({ ...e, actor: { ...e.actor, id: 'someone-else' } }),
      (e: AuditEntry) => ({ ...e, reason: '改过的理由' }),
      (e: AuditEntry) => ({ ...e, after: { status: 'ACTIVE', n: 8, tags: ['a', 'b'] } }),
      (e: AuditEntry) => ({ ...e, at: '2026-03-01T09:00:00.000Z' }),
    ]) {
      const entries = chain(10);
      entries[7] = edit(entries[7]!);
      const verdict = verifyChain(entries, KEY);
      assert.deepEqual(verdict, { ok: false, problem: { kind: 'edited', seq: 8 } });
    }
  });

  test('an entry resealed under another key is an edit', () => {
    const entries = chain(6);
    entries[3] = sealEntry({ ...input(4), reason: '伪造' }, new Date(START), point(entries[2]!), randomBytes(32));
    assert.deepEqual(verifyChain(entries, KEY), { ok: false, problem: { kind: 'edited', seq: 4 } });
  });

  test('an unreadable item is reported at its sequence number', () => {
    const entries: ChainItem[] = chain(5);
    entries[2] = { seq: 3, unreadable: true };
    assert.deepEqual(verifyChain(entries, KEY), { ok: false, problem: { kind: 'edited', seq: 3 } });
  });

  test('a removed entry is reported as missing, with its sequence number', () => {
    const entries = chain(10);
    entries.splice(4, 1);
    assert.deepEqual(verifyChain(entries, KEY), { ok: false, problem: { kind: 'missing', seq: 5 } });
    const first = chain(3).slice(1);
    assert.deepEqual(verifyChain(first, KEY), { ok: false, problem: { kind: 'missing', seq: 1 } });
  });

  test('a pair swapped in place (contents exchanged, numbers kept) is reported as reordered', () => {
    for (const [a, b] of [[4, 5], [2, 9], [1, 2]] as const) {
      const entries = chain(10);
      const [x, y] = [entries[a - 1]!, entries[b - 1]!];
      entries[a - 1] = { ...y, seq: a };
      entries[b - 1] = { ...x, seq: b };
      assert.deepEqual(verifyChain(entries, KEY), { ok: false, problem: { kind: 'reordered', seq: a, sealedAs: b } }, `${a}↔${b}`);
    }
  });

  test('a swap whose partner is in the next page is still named, through the lookahead', () => {
    const entries = chain(10);
    const [x, y] = [entries[4]!, entries[5]!];
    entries[4] = { ...y, seq: 5 };
    entries[5] = { ...x, seq: 6 };
    const verifier = chainVerifier(KEY);
    assert.deepEqual(verifier.add(entries.slice(0, 5), entries.slice(5)), { kind: 'reordered', seq: 5, sealedAs: 6 });
  });

  test('entries listed out of order or twice are out of sequence', () => {
    const entries = chain(6);
    assert.deepEqual(verifyChain([...entries.slice(0, 4), entries[2]!, ...entries.slice(4)], KEY), {
      ok: false,
      problem: { kind: 'out-of-sequence', seq: 3, expectedSeq: 5 },
    });
  });

  test('the last entries removed (what remains still verifies) are caught by the anchor', () => {
    const entries = chain(10);
    const anchor = point(entries[9]!);
    const truncated = entries.slice(0, 9);
    assert.equal(verifyChain(truncated, KEY).ok, true, 'without the anchor, a truncated chain looks whole');
    assert.deepEqual(verifyChain(truncated, KEY, anchor), { ok: false, problem: { kind: 'truncated', seq: 10, lastSeq: 9 } });
  });

  test('a chain rewritten under the key from before the anchor does not match it', () => {
    const entries = chain(8);
    const anchor = point(entries[7]!);
    const forged: AuditEntry[] = [];
    let previous = GENESIS;
    for (const [i, entry] of entries.entries()) {
      const sealed = sealEntry(i === 2 ? { ...entry, reason: '改写' } : entry, new Date(entry.at), previous, KEY);
      forged.push(sealed);
      previous = point(sealed);
    }
    assert.equal(verifyChain(forged, KEY).ok, true, 'resealed under the key, the chain alone verifies');
    assert.deepEqual(verifyChain(forged, KEY, anchor), { ok: false, problem: { kind: 'anchor-mismatch', seq: 8 } });
  });

  test('a head that does not name the last entry is reported', () => {
    const entries = chain(5);
    assert.deepEqual(verifyChain(entries, KEY, undefined, { seq: 6, macHex: entries[4]!.macHex }), {
      ok: false,
      problem: { kind: 'head-mismatch', seq: 6, lastSeq: 5 },
    });
  });

  test('sealing refuses a short key, a malformed action and an oversized snapshot', () => {
    assert.throws(() => sealEntry(input(1), new Date(START), GENESIS, randomBytes(16)), /at least 32 bytes/);
    assert.throws(() => sealEntry({ ...input(1), action: 'Sign In' }, new Date(START), GENESIS, KEY));
    const big = { text: 'x'.repeat(MAX_SNAPSHOT_BYTES) };
    assert.throws(() => sealEntry({ ...input(1), after: big }, new Date(START), GENESIS, KEY), /after snapshot/);
  });

  test('every problem reads in Chinese with its sequence number', () => {
    assert.match(describeChainProblem({ kind: 'missing', seq: 17 }), /第 17 条.*删除/);
    assert.match(describeChainProblem({ kind: 'truncated', seq: 20, lastSeq: 19 }), /第 20 条.*第 19 条/);
    assert.match(describeChainProblem({ kind: 'reordered', seq: 4, sealedAs: 5 }), /第 4 条.*第 5 条/);
  });
});
