// The audit log's items (backOfficeKeys.auditHead, backOfficeKeys.auditEntry). Append-only: this module writes an
// entry only together with the head, in one transaction, and offers nothing that updates or
// deletes either (test/integration/audit.test.ts holds it to that). Sealing and verifying the
// chain are services/audit.ts's, with domain/audit-chain.ts.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEntry, type ChainItem, type ChainPoint, GENESIS } from '../domain/audit-chain.js';
import { db } from './client.js';
import { type TransactItems, transactWrite } from './transact.js';
import { AUDIT_BUCKET_SIZE, backOfficeKeys } from './back-office-keys.js';

/** The most entries one read returns. */
export const AUDIT_PAGE_SIZE = 100;

/** The chain's head: the last entry's seq and MAC (GENESIS before the first entry), and when. */
export async function readAuditHead(): Promise<ChainPoint & { at?: string }> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.auditHead(), ConsistentRead: true }));
  if (!Item) return GENESIS;
  return { seq: Number(Item.seq), macHex: String(Item.macHex), at: String(Item.at) };
}

/** What an append did: written, or refused — by another append that took the head first (read
 *  it again and reseal), or by the condition of one of the `changes` (`refusedChange`, its index). */
export type AppendOutcome = { written: true } | { written: false; refusedChange?: number };

/** Appends `entry` as the head's successor: one transaction puts the entry (condition: its seq is
 *  new) and moves the head from `previousSeq` (condition: the head is still there), with the
 *  `changes` the entry records, if any, so the change and its entry are written together or not
 *  at all. Nothing is written when refused. */
export async function appendAuditEntry(entry: AuditEntry, previousSeq: number, changes: TransactItems = []): Promise<AppendOutcome> {
  if (entry.seq !== previousSeq + 1) throw new Error(`audit entry ${entry.seq} cannot follow ${previousSeq}`);
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: toItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.auditHead(), type: 'AUDIT_HEAD', seq: entry.seq, macHex: entry.macHex, at: entry.at },
        ...(previousSeq === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'seq = :previous', ExpressionAttributeValues: { ':previous': previousSeq } }),
      },
    },
    ...changes,
  ]);
  if (refusedAt === undefined) return { written: true };
  return refusedAt < 2 ? { written: false } : { written: false, refusedChange: refusedAt - 2 };
}

/** The entries numbered `fromSeq`…`toSeq` (at most AUDIT_PAGE_SIZE of them) that are there, in
 *  sequence order; an item that is not a well-formed entry comes back as unreadable. */
export async function readAuditRange(fromSeq: number, toSeq: number): Promise<ChainItem[]> {
  if (fromSeq < 1 || toSeq < fromSeq || toSeq - fromSeq >= AUDIT_PAGE_SIZE) throw new Error(`audit range ${fromSeq}…${toSeq} is not a page`);
  const { doc, tableName } = db();
  const lastInFirstBucket = Math.min(toSeq, (Math.floor(fromSeq / AUDIT_BUCKET_SIZE) + 1) * AUDIT_BUCKET_SIZE - 1);
  const spans: [number, number][] = [[fromSeq, lastInFirstBucket], ...(lastInFirstBucket < toSeq ? [[lastInFirstBucket + 1, toSeq] as [number, number]] : [])];
  const pages = await Promise.all(
    spans.map(([from, to]) =>
      doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :bucket AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':bucket': backOfficeKeys.auditBucket(from), ':from': backOfficeKeys.auditSeqKey(from), ':to': backOfficeKeys.auditSeqKey(to) },
          ConsistentRead: true,
          Limit: AUDIT_PAGE_SIZE,
        }),
      ),
    ),
  );
  return pages.flatMap((page) => (page.Items ?? []).map(fromItem));
}

// before/after are kept as their JSON text: a DynamoDB map would turn numbers into its own type
// and drop what it cannot hold, so the value read back could seal differently.
function toItem(entry: AuditEntry): Record<string, unknown> {
  const { seq, at, actor, action, target, reason, before, after, macHex } = entry;
  return {
    ...backOfficeKeys.auditEntry(seq),
    type: 'AUDIT_ENTRY',
    at,
    actor,
    action,
    target,
    reason,
    beforeJson: before === undefined ? undefined : JSON.stringify(before),
    afterJson: after === undefined ? undefined : JSON.stringify(after),
    macHex,
  };
}

function fromItem(item: Record<string, unknown>): ChainItem {
  const seq = Number(String(item.SK).slice('SEQ#'.length));
  const parsed = AuditEntry.safeParse({
    seq,
    at: item.at,
    actor: item.actor,
    action: item.action,
    target: item.target,
    reason: item.reason,
    before: parseJson(item.beforeJson),
    after: parseJson(item.afterJson),
    macHex: item.macHex,
  });
  return parsed.success ? parsed.data : { seq, unreadable: true };
}

/** Stands for text that is not JSON: no JSON value, so the entry's schema refuses it. */
const NOT_JSON = Symbol('not JSON');

function parseJson(text: unknown): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(String(text)) as unknown;
  } catch {
    return NOT_JSON;
  }
}
