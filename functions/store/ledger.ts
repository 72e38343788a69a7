// The ledger's writes: a journal, its postings, the balances they change and the limit counters
// they consume — all in one TransactWriteItems, so either everything happened or nothing did.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import * as z from 'zod/mini';
import { assertBalanced, isHouseAccount, JOURNAL_KINDS, type Journal, type JournalKind, MAX_POSTINGS_PER_JOURNAL } from '../domain/ledger.js';
import type { AccountClosure } from '../domain/account-closure.js';
import type { LedgerRefusal } from '../domain/ledger-refusal.js';
import type { LimitCharge } from '../domain/limits.js';
import { batchGetItems, itemWithKey } from './batch-get.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { type TransactItem, transactWriteRefused } from './transact.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { businessDate } from '../domain/time.js';

/** Another record that must change together with the journal, under its own condition (a loan's
 *  version, a credit line's room); `name` comes back if that condition fails. */
export interface Guard {
  name: string;
  item: TransactItem;
}

export type PostOutcome =
  /** `atExpectedBalance`: written against the caller's expected balance, with its exact guards. */
  | { ok: true; journal: Journal; replayed: boolean; atExpectedBalance: boolean }
  | LedgerRefusal;

/** A journal id derived from what asked for it, so a retried request can only ever write the
 *  same journal once (the Put is conditional on the id being new). */
export function deterministicJournalId(...parts: string[]): string {
  return 'J' + createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 26);
}

/** Opens every shard of a house account at zero (again: no change), so the books list them before
 *  money moves and a consistent snapshot of all balances can name them. */
export async function openHouseAccount(houseAccount: string, shards: number): Promise<void> {
  if (!isHouseAccount(houseAccount)) throw new Error(`${houseAccount} is not a house account`);
  const { doc, tableName } = db();
  for (let n = 0; n < shards; n++) {
    await doc
      .send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.balance(`${houseAccount}~${String(n).padStart(2, '0')}`), type: 'HOUSE', balanceFen: 0 },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailed(error)) throw error;
      });
  }
}

/** Which shard of a house account a journal touches: spread, and stable across retries. */
export function houseShard(houseAccount: string, journalId: string, shards: number): string {
  return `${houseAccount}~${String(shardOf(journalId, shards)).padStart(2, '0')}`;
}

const shardOf = (journalId: string, shards: number) => createHash('sha256').update(journalId).digest().readUInt32BE(0) % shards;

/** Shards of a business date's journals in the movementsByDay index: a busy day's writes spread
 *  over this many index partitions. */
export const MOVEMENT_DAY_SHARDS = 16;

/** The movementsByDay index's keys, which every journal carries (serverless.yml): the
 *  anti-fraud backtest reads a day's transfers from it, the day close's monitoring every
 *  movement. */
function movementDayKeys(journal: Journal): { movementDay: string; movementAt: string } {
  return {
    movementDay: keys.movementDay(businessDate(new Date(journal.createdAt)), shardOf(journal.journalId, MOVEMENT_DAY_SHARDS)),
    movementAt: `${journal.createdAt}#${journal.journalId}`,
  };
}

/** What a failed condition on an item of a journal's transaction means; 'UNCONDITIONAL' items
 *  cannot fail a condition. A debit's refusal is the account's funds, its freeze or its closing;
 *  a credit's, its closing or its absence: which one, the refused item's old status says
 *  (`debitOf`, `creditOf`). */
type ItemMeaning = LedgerRefusal | 'JOURNAL' | 'UNCONDITIONAL' | 'BALANCE_MOVED' | { debitOf: string } | { creditOf: string };

// A frozen account (冻结, 只收不付) takes money in but none out: credits need ACTIVE or FROZEN,
// debits ACTIVE — the condition of the balance's own update, so no workflow can get around it.
// A CLOSED account (销户) meets neither, so it takes no posting at all.
const CREDITABLE = '#status IN (:active, :frozen)';
const DEBITABLE = '#status = :active';

/** A balance the caller read and would answer from. The transaction is first tried only if the
 *  account still holds exactly that — then the balance after it is known without reading it
 *  back, and `exactGuards` (writes that hold for that balance only, such as the request's stored
 *  answer) go with it. If the balance moved meanwhile (another movement of the account), it is
 *  written again under the usual conditions, with `otherwiseGuards` in their place (such as a
 *  lease on the request's key), and says so: contention costs one more round trip, never a
 *  refusal. */
export interface ExpectedBalance {
  accountId: string;
  balanceFen: number;
  exactGuards?: Guard[];
  otherwiseGuards?: Guard[];
}

/** 销户: the journal sweeps the whole balance of `accountId` (the caller's expected balance, so
 *  it ends at 0) and the same update closes the account — one item, so no posting can come
 *  between. `reopen` undoes that closing (`closure.reference`) with the sweep's reversal,
 *  when the card refused the money: the closing never completed. */
export type AccountClosing = { accountId: string; close: AccountClosure } | { accountId: string; reopen: string };

/** The guard name a closing's balance update reports when the account moved since it was read. */
export const CLOSING_BALANCE_MOVED = 'CLOSING_BALANCE_MOVED';

export interface PostOptions {
  limitCharges?: LimitCharge[];
  guards?: Guard[];
  /** Unconditional items written with the journal (a transfer's anti-fraud memory). */
  records?: TransactItem[];
  expectBalance?: ExpectedBalance;
  closing?: AccountClosing;
}

/** The one TransactWriteItems that posts `journal`: the journal, a posting and a balance update
 *  per account, the limit charges and the caller's guards (the benchmark sends the same items). */
export function journalTransaction(
  journal: Journal,
  { limitCharges = [], guards = [], records = [], expectBalance, closing }: PostOptions = {},
): { items: TransactItem[]; meaning: ItemMeaning[] } {
  const { tableName } = db();
  const items: TransactItem[] = [];
  const meaning: ItemMeaning[] = [];

  items.push({
    Put: {
      TableName: tableName,
      Item: { ...keys.journal(journal.journalId), type: 'JOURNAL', ...journal, ...movementDayKeys(journal) },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  });
  meaning.push('JOURNAL');

  // The journal it reverses, completes or refunds learns of it (its receipt reads 已退回, 已退款):
  // only this journal can be its follow-up, and it is written once.
  const original = journal.completes ?? journal.reverses ?? journal.refunds;
  if (original !== undefined) {
    items.push({
      Put: {
        TableName: tableName,
        Item: { ...keys.journalFollowUp(original), type: 'JOURNAL_FOLLOWUP', follows: original, journalId: journal.journalId, kind: journal.kind, createdAt: journal.createdAt },
      },
    });
    meaning.push('UNCONDITIONAL');
  }

  for (const posting of journal.postings) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.posting(posting.accountId, journal.createdAt, journal.journalId),
          type: 'POSTING',
          journalId: journal.journalId,
          kind: journal.kind,
          accountId: posting.accountId,
          amountFen: posting.amountFen,
          label: posting.label,
          counterparty: posting.counterparty,
          createdAt: journal.createdAt,
        },
      },
    });
    meaning.push('UNCONDITIONAL');

    if (isHouseAccount(posting.accountId)) {
      // House shards are created on first use and may go negative (clearing positions).
      items.push({
        Update: {
          TableName: tableName,
          Key: keys.balance(posting.accountId),
          UpdateExpression: 'SET #type = :house ADD balanceFen :delta',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':delta': posting.amountFen, ':house': 'HOUSE' },
        },
      });
      meaning.push('UNCONDITIONAL');
    } else if (closing?.accountId === posting.accountId) {
      items.push(closingUpdate(posting.amountFen, closing, expectBalance));
      meaning.push({ ok: false, reason: 'GUARD_FAILED', guard: CLOSING_BALANCE_MOVED });
    } else if (expectBalance?.accountId === posting.accountId) {
      if (posting.amountFen < 0 && expectBalance.balanceFen + posting.amountFen < 0) {
        throw new Error(`journal ${journal.journalId} would overdraw ${posting.accountId}: the caller checks funds first`);
      }
      const debit = posting.amountFen < 0;
      // Refused by a freeze too; the rewrite under the usual conditions then says which.
      items.push({
        Update: {
          TableName: tableName,
          Key: keys.balance(posting.accountId),
          UpdateExpression: 'SET balanceFen = balanceFen + :delta',
          ConditionExpression: `${debit ? DEBITABLE : CREDITABLE} AND balanceFen = :expected`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':delta': posting.amountFen,
            ':active': 'ACTIVE',
            ...(debit ? {} : { ':frozen': 'FROZEN' }),
            ':expected': expectBalance.balanceFen,
          },
        },
      });
      meaning.push('BALANCE_MOVED');
    } else {
      const debit = posting.amountFen < 0;
      items.push({
        Update: {
          TableName: tableName,
          Key: keys.balance(posting.accountId),
          UpdateExpression: 'SET balanceFen = balanceFen + :delta',
          ConditionExpression: debit ? `${DEBITABLE} AND balanceFen >= :need` : CREDITABLE,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':delta': posting.amountFen,
            ':active': 'ACTIVE',
            ...(debit ? { ':need': -posting.amountFen } : { ':frozen': 'FROZEN' }),
          },
          // The refused balance item comes back, so its status tells a freeze or a closing from
          // short funds (a debit), a closed account from a missing one (a credit).
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      });
      meaning.push(debit ? { debitOf: posting.accountId } : { creditOf: posting.accountId });
    }
  }

  for (const charge of limitCharges) {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.limitCounter(charge.accountId, charge.bucket),
        // movementCount: the day's velocity for the anti-fraud rules (store/movement-risk.ts).
        UpdateExpression: 'SET #bucket = :bucket, #type = :limit ADD usedFen :amount, movementCount :one',
        ConditionExpression: 'attribute_not_exists(usedFen) OR usedFen <= :room',
        ExpressionAttributeNames: { '#type': 'type', '#bucket': 'bucket' },
        ExpressionAttributeValues: {
          ':bucket': charge.bucket,
          ':limit': 'LIMIT',
          ':amount': charge.amountFen,
          ':one': 1,
          ':room': charge.limitFen - charge.amountFen,
        },
      },
    });
    meaning.push({ ok: false, reason: 'LIMIT_EXCEEDED', accountId: charge.accountId, limit: charge.limit });
  }

  for (const record of records) {
    items.push(record);
    meaning.push('UNCONDITIONAL');
  }

  for (const guard of [...guards, ...(expectBalance?.exactGuards ?? [])]) {
    items.push(guard.item);
    meaning.push({ ok: false, reason: 'GUARD_FAILED', guard: guard.name });
  }

  return { items, meaning };
}

/** Takes `amountFen` and the movement off a limit counter (gives back what a charge counted).
 *  A counter charged before movementCount existed goes below zero by one, counted as none. */
export function limitRelease(accountId: string, bucket: string, amountFen: number): Guard {
  return {
    name: 'LIMIT_RELEASE',
    item: {
      Update: {
        TableName: db().tableName,
        Key: keys.limitCounter(accountId, bucket),
        UpdateExpression: 'ADD usedFen :back, movementCount :minusOne',
        ExpressionAttributeValues: { ':back': -amountFen, ':minusOne': -1 },
      },
    },
  };
}

export async function postJournal(journal: Journal, options: PostOptions = {}): Promise<PostOutcome> {
  assertBalanced(journal);
  // A single movement above a limit's whole room can never fit: refused before any write.
  const over = options.limitCharges?.find((charge) => charge.amountFen > charge.limitFen);
  if (over) return { ok: false, reason: 'LIMIT_EXCEEDED', accountId: over.accountId, limit: over.limit };
  const { items, meaning } = journalTransaction(journal, options);
  const refused = await transactWriteRefused(items);
  if (refused === undefined) return { ok: true, journal, replayed: false, atExpectedBalance: options.expectBalance !== undefined };
  const refusedAt = refused.index;
  const cause = meaning[refusedAt]!;
  if (cause === 'JOURNAL') {
    const existing = await getJournal(journal.journalId);
    if (!existing) throw new Error(`journal ${journal.journalId} reported existing but not found`);
    assertSameMovement(existing, journal);
    return { ok: true, journal: existing, replayed: true, atExpectedBalance: false };
  }
  if (cause === 'UNCONDITIONAL') throw new Error(`journal ${journal.journalId}: item ${refusedAt}, which has no condition, was refused`);
  // The balance moved since it was read: write it again under the usual conditions.
  if (cause === 'BALANCE_MOVED') {
    return postJournal(journal, { ...options, guards: [...(options.guards ?? []), ...(options.expectBalance?.otherwiseGuards ?? [])], expectBalance: undefined });
  }
  if ('debitOf' in cause) {
    const status = refused.old?.status;
    return { ok: false, reason: status === 'FROZEN' ? 'ACCOUNT_FROZEN' : status === 'CLOSED' ? 'ACCOUNT_CLOSED' : 'INSUFFICIENT_FUNDS', accountId: cause.debitOf };
  }
  if ('creditOf' in cause) return { ok: false, reason: refused.old?.status === 'CLOSED' ? 'ACCOUNT_CLOSED' : 'ACCOUNT_INACTIVE', accountId: cause.creditOf };
  return cause;
}

/** The balance update of a closing's sweep (the account ends at 0 and CLOSED, only if it still
 *  holds what was read), or of its reversal (back to ACTIVE, only if that closing is in force). */
function closingUpdate(amountFen: number, closing: AccountClosing, expectBalance: ExpectedBalance | undefined): TransactItem {
  const { tableName } = db();
  if ('close' in closing) {
    if (expectBalance?.accountId !== closing.accountId || expectBalance.balanceFen + amountFen !== 0) {
      throw new Error(`closing ${closing.accountId}: the sweep must take the whole balance as read`);
    }
    return {
      Update: {
        TableName: tableName,
        Key: keys.balance(closing.accountId),
        UpdateExpression: 'SET balanceFen = balanceFen + :delta, #status = :closed, closure = :closure',
        ConditionExpression: '#status = :active AND balanceFen = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':delta': amountFen, ':closed': 'CLOSED', ':active': 'ACTIVE', ':expected': expectBalance.balanceFen, ':closure': closing.close },
      },
    };
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.balance(closing.accountId),
      UpdateExpression: 'SET balanceFen = balanceFen + :delta, #status = :active REMOVE closure',
      ConditionExpression: '#status = :closed AND closure.#reference = :sweep',
      ExpressionAttributeNames: { '#status': 'status', '#reference': 'reference' },
      ExpressionAttributeValues: { ':delta': amountFen, ':closed': 'CLOSED', ':active': 'ACTIVE', ':sweep': closing.reopen },
    },
  };
}

/** What posting `journal` comes to when the balance as read cannot pay it: refused for funds —
 *  unless this very journal is written already, by an earlier run of the same request (its answer
 *  lost and its lease lapsed), whose movement is why the balance read is short. One read, on the
 *  refusal path only. */
export async function postingShortOfFunds(journal: Journal, accountId: string): Promise<PostOutcome> {
  const existing = await getJournal(journal.journalId);
  if (!existing) return { ok: false, reason: 'INSUFFICIENT_FUNDS', accountId };
  assertSameMovement(existing, journal);
  return { ok: true, journal: existing, replayed: true, atExpectedBalance: false };
}

/** A replay must be the same movement; anything else would mean two requests share an id. */
function assertSameMovement(existing: Journal, requested: Journal): void {
  const shape = (j: Journal) =>
    JSON.stringify([j.kind, j.postings.map((p) => [isHouseAccount(p.accountId) ? 'HOUSE' : p.accountId, p.amountFen])]);
  if (shape(existing) !== shape(requested)) {
    throw new Error(`journal id ${requested.journalId} reused for a different movement`);
  }
}

// A journal read back is checked, not trusted: a malformed or unbalanced item stops the
// workflow here instead of moving money on what it says.
const StoredJournal = /* @__PURE__ */ lazySchema(() =>
  z.object({
    journalId: z.string().check(z.minLength(1)),
    kind: z.enum(JOURNAL_KINDS),
    postings: z
      .array(z.object({ accountId: z.string(), amountFen: z.number().check(z.int()), label: z.string(), counterparty: z.string() }))
      .check(z.minLength(2), z.maxLength(MAX_POSTINGS_PER_JOURNAL)),
    createdAt: z.string(),
    reverses: z.optional(z.string()),
    completes: z.optional(z.string()),
    refunds: z.optional(z.string()),
    origin: z.optional(z.literal('DAY_CLOSE')),
    risk: z.optional(
      z.object({
        ruleSetVersion: z.int(),
        outcome: z.enum(['ALLOW', 'WARN', 'STEP_UP', 'DELAY']),
        delayHours: z.optional(z.int()),
        matched: z.array(z.object({ ruleId: z.string(), version: z.int() })).check(z.maxLength(50)),
        acknowledged: z.boolean(),
        fields: z.optional(z.record(z.string(), z.number())),
      }),
    ),
  }),
);

/** A journal's key, to read it in a batch with others (a retried request finds what it wrote). */
export const journalKey = (journalId: string): Record<string, string> => keys.journal(journalId);

/** Whether the journal is among `items` read under journalKey: written already. */
export const journalAmong = (items: readonly Record<string, unknown>[], journalId: string): boolean => itemWithKey(items, keys.journal(journalId)) !== undefined;

export async function getJournal(journalId: string): Promise<Journal | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.journal(journalId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  // The schema strips the item's keys and type; optional fields absent stay absent.
  const journal: Journal = StoredJournal.parse(Item);
  if (journal.journalId !== journalId) throw new Error(`journal item ${journalId} holds journal ${journal.journalId}`);
  return assertBalanced(journal);
}

export interface PostingLine {
  journalId: string;
  kind: JournalKind;
  label: string;
  counterparty: string;
  amountFen: number;
  createdAt: string;
}

export const MAX_HISTORY_PAGE = 50;
/** Queries one filtered page may take: a rare kind can come back short, with a cursor. */
const MAX_HISTORY_QUERIES = 5;

export interface HistoryFilter {
  /** Credits (IN) or debits (OUT) of the account only. */
  direction?: 'IN' | 'OUT';
  /** These kinds only. */
  kinds?: readonly JournalKind[];
}

function postingLine(item: Record<string, unknown>): PostingLine {
  return {
    journalId: String(item.journalId),
    kind: item.kind as JournalKind,
    label: String(item.label),
    counterparty: String(item.counterparty),
    amountFen: Number(item.amountFen),
    createdAt: String(item.createdAt),
  };
}

/** Newest-first postings of one account, optionally filtered. The cursor is the last sort key,
 *  opaque to clients. */
export async function historyPage(
  accountId: string,
  limit: number,
  cursor: string | undefined,
  { direction, kinds }: HistoryFilter = {},
): Promise<{ items: PostingLine[]; nextCursor: string | null }> {
  const { doc, tableName } = db();
  const pk = keys.balance(accountId).PK;
  let startSortKey = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (startSortKey !== undefined && !startSortKey.startsWith(keys.postingPrefix)) {
    refuse('invalid', 'INVALID_CURSOR', '分页参数无效');
  }
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':pk': pk, ':prefix': keys.postingPrefix };
  if (direction) {
    conditions.push(direction === 'IN' ? 'amountFen > :zero' : 'amountFen < :zero');
    values[':zero'] = 0;
  }
  if (kinds) {
    conditions.push(`#kind IN (${kinds.map((_, i) => `:kind${i}`).join(', ')})`);
    kinds.forEach((kind, i) => (values[`:kind${i}`] = kind));
  }
  const wanted = Math.min(limit, MAX_HISTORY_PAGE);
  const items: PostingLine[] = [];
  let more = true;
  for (let query = 0; query < MAX_HISTORY_QUERIES && items.length < wanted && more; query++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
        ...(kinds ? { ExpressionAttributeNames: { '#kind': 'kind' } } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: wanted - items.length,
        ExclusiveStartKey: startSortKey ? { PK: pk, SK: startSortKey } : undefined,
      }),
    );
    items.push(...(page.Items ?? []).map(postingLine));
    startSortKey = page.LastEvaluatedKey ? String(page.LastEvaluatedKey.SK) : undefined;
    more = startSortKey !== undefined;
  }
  return { items, nextCursor: more && startSortKey ? Buffer.from(startSortKey).toString('base64url') : null };
}

export interface FollowUp {
  journalId: string;
  kind: JournalKind;
  createdAt: string;
}

/** The follow-ups of these journals (distinct ids), by the journal they follow. */
export async function followUps(journalIds: readonly string[]): Promise<Map<string, FollowUp>> {
  if (journalIds.length === 0) return new Map();
  const found = await batchGetItems(journalIds.map((journalId) => keys.journalFollowUp(journalId)));
  return new Map(
    found.map((item) => [
      String(item.follows),
      { journalId: String(item.journalId), kind: item.kind as JournalKind, createdAt: String(item.createdAt) },
    ]),
  );
}
