// The audit log (审计日志): every operator action — sign-in, failed sign-in, each PII reveal, each
// change — recorded as the next entry of a MAC chain (domain/audit-chain.ts) under `auditMacKey`,
// a secret that is not in the table; the head anchored outside the table at each day close
// (adapters/audit-anchor.ts); verification and export read the chain page by page.
import { type AuditAnchor, auditAnchors } from '../adapters/audit-anchor.js';
import {
  type AuditEntry,
  type AuditInput,
  type ChainItem,
  chainVerifier,
  type ChainVerdict,
  describeChainProblem,
  sealEntry,
} from '../domain/audit-chain.js';
import { logger } from '../platform/logger.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { secrets } from '../secrets.js';
import { AUDIT_PAGE_SIZE, appendAuditEntry, readAuditHead, readAuditRange } from '../store/audit.js';
import { isRetryableContention } from '../store/errors.js';
import type { TransactItems } from '../store/transact.js';

/** Appends race for the head: each loser reads it again and reseals. Spread wide enough that a
 *  burst of a few dozen concurrent appends all land within the bound. */
const AUDIT_APPEND_RETRY: RetryPolicy = {
  attempts: 10,
  baseDelayMs: 20,
  maxDelayMs: 1_000,
  retryable: (error) => isTryAgain(error) || isRetryableContention(error),
};

async function macKey(): Promise<Buffer> {
  return Buffer.from((await secrets()).auditMacKey, 'base64');
}

/** Records `input` as the next entry of the chain, sealed under the key from the head's MAC. */
export async function recordAudit(input: AuditInput, now: Date): Promise<AuditEntry> {
  const key = await macKey();
  return retry(AUDIT_APPEND_RETRY, async () => {
    const head = await readAuditHead();
    const entry = sealEntry(input, now, head, key);
    if (!(await appendAuditEntry(entry, head.seq)).written) throw new TryAgain('another audit entry took the head');
    return entry;
  });
}

/** Records `input` and writes the change it records (`changes` of the sealed entry, e.g. to note
 *  its seq; with their own conditions) in one transaction: both or neither. `refusedChange` names
 *  the change whose condition refused it (nothing was written: the caller reads again and decides). */
export async function recordAuditWith(
  input: AuditInput,
  now: Date,
  changes: (entry: AuditEntry) => TransactItems,
): Promise<{ entry: AuditEntry } | { refusedChange: number }> {
  const key = await macKey();
  return retry(AUDIT_APPEND_RETRY, async () => {
    const head = await readAuditHead();
    const entry = sealEntry(input, now, head, key);
    const outcome = await appendAuditEntry(entry, head.seq, changes(entry));
    if (outcome.written) return { entry };
    if (outcome.refusedChange !== undefined) return { refusedChange: outcome.refusedChange };
    throw new TryAgain('another audit entry took the head');
  });
}

export type AuditVerification = ChainVerdict & {
  /** The newest anchor the chain was checked against (none before the first day close). */
  anchor: AuditAnchor | undefined;
  /** The problem in Chinese, when there is one. */
  message?: string;
};

/** The pages of entries 1…lastSeq + 1: one entry past the head is enough to see that the head
 *  was moved back (the verifier then finds the chain longer than the head says). */
async function* chainPages(lastSeq: number): AsyncGenerator<ChainItem[]> {
  for (let from = 1; from <= lastSeq + 1; from += AUDIT_PAGE_SIZE) yield readAuditRange(from, from + AUDIT_PAGE_SIZE - 1);
}

/** Verifies the whole chain under the key, against the head item and the newest anchor. */
export async function verifyAudit(): Promise<AuditVerification> {
  const [key, head, anchor] = await Promise.all([macKey(), readAuditHead(), auditAnchors().latest()]);
  const verifier = chainVerifier(key, anchor);
  // Each page is checked with the next as lookahead, so a swap across two pages is named as such.
  let pending: ChainItem[] = [];
  for await (const page of chainPages(Math.max(head.seq, anchor?.seq ?? 0))) {
    if (verifier.add(pending, page)) break;
    pending = page;
  }
  verifier.add(pending);
  const verdict = verifier.finish(head);
  return verdict.ok ? { ...verdict, anchor } : { ...verdict, anchor, message: describeChainProblem(verdict.problem) };
}

/** The chain as JSON lines, one entry a line in sequence order (an unreadable item as
 *  {"seq":…,"unreadable":true}), a page at a time. */
export async function* exportAudit(): AsyncGenerator<string> {
  const head = await readAuditHead();
  for await (const page of chainPages(head.seq)) {
    for (const item of page) yield JSON.stringify(item);
  }
}

export interface AuditPage {
  /** The head's seq when the page was read: how many entries the chain holds. */
  headSeq: number;
  /** Newest first. */
  items: ChainItem[];
  /** Where the next (older) page starts; undefined after entry 1. */
  nextBeforeSeq: number | undefined;
}

/** What operators read: up to `limit` (at most AUDIT_PAGE_SIZE) entries numbered below
 *  `beforeSeq` (from the head when absent), newest first. Sequence numbers are gap-free, so a page
 *  is a key range: one Query, whatever the log's size (a removed entry is simply not there, and
 *  verification names it). */
export async function readAuditPage(beforeSeq: number | undefined, limit: number): Promise<AuditPage> {
  const head = await readAuditHead();
  const toSeq = Math.min(head.seq, (beforeSeq ?? head.seq + 1) - 1);
  if (toSeq < 1) return { headSeq: head.seq, items: [], nextBeforeSeq: undefined };
  const fromSeq = Math.max(1, toSeq - Math.min(limit, AUDIT_PAGE_SIZE) + 1);
  const items = (await readAuditRange(fromSeq, toSeq)).reverse();
  return { headSeq: head.seq, items, nextBeforeSeq: fromSeq > 1 ? fromSeq : undefined };
}

export interface AnchorReport {
  seq: number;
  /** False when this head was anchored already (the same seq and MAC). */
  written: boolean;
}

/** Writes the head {seq, mac, at} to write-once storage outside the table. An anchor already there
 *  for the seq with another MAC means the chain was rewritten since: that is thrown, never hidden. */
export async function anchorAuditHead(now: Date): Promise<AnchorReport | undefined> {
  const head = await readAuditHead();
  if (head.seq === 0) return undefined;
  const anchor: AuditAnchor = { seq: head.seq, macHex: head.macHex, at: now.toISOString() };
  const outcome = await auditAnchors().put(anchor);
  if (!outcome.written && outcome.existing.macHex !== anchor.macHex) {
    logger.error('audit anchor conflict', { seq: anchor.seq });
    throw new Error(`audit entry ${anchor.seq} was anchored with another MAC: the chain was rewritten`);
  }
  return { seq: anchor.seq, written: outcome.written };
}
