// A business date's journals from the movementsByDay index (serverless.yml), which every journal
// carries: its 16 shards read at once, each page by page, up to a limit. The index is kept by
// DynamoDB after the write, so a journal of the last moment may not be in it yet.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DayJournal } from '../domain/aml-patterns.js';
import type { JournalKind } from '../domain/ledger.js';
import type { RecordedMovement } from '../domain/risk-backtest.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { MOVEMENT_DAY_SHARDS } from './ledger.js';

type Item = Record<string, unknown>;

const QUERY_PAGE = 500;

export type IndexedJournal = DayJournal & { risk?: RecordedMovement['risk']; origin?: 'DAY_CLOSE' };

/** Up to `limit` journals of `date` (YYYY-MM-DD, CST), of `kinds` only when given; `truncated`
 *  when there were more. */
export async function journalsOfDay(date: string, limit: number, kinds?: readonly JournalKind[]): Promise<{ journals: IndexedJournal[]; truncated: boolean }> {
  const { doc, tableName } = db();
  const filter = kinds && kinds.length > 0 ? { FilterExpression: `#kind IN (${kinds.map((_, i) => `:k${i}`).join(', ')})`, ExpressionAttributeNames: { '#kind': 'kind' } } : undefined;
  const shards = await Promise.all(
    Array.from({ length: MOVEMENT_DAY_SHARDS }, async (_, shard) => {
      const found: IndexedJournal[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'movementsByDay',
            KeyConditionExpression: 'movementDay = :day',
            ExpressionAttributeValues: { ':day': keys.movementDay(date, shard), ...Object.fromEntries((kinds ?? []).map((kind, i) => [`:k${i}`, kind])) },
            ...filter,
            Limit: Math.min(QUERY_PAGE, limit - found.length),
            ExclusiveStartKey: cursor,
          }),
        );
        for (const item of page.Items ?? []) found.push(indexedJournal(item));
        cursor = page.LastEvaluatedKey;
      } while (cursor && found.length < limit);
      return { found, more: cursor !== undefined };
    }),
  );
  const journals = shards.flatMap((shard) => shard.found);
  return { journals: journals.slice(0, limit), truncated: journals.length > limit || shards.some((shard) => shard.more) };
}

function indexedJournal(item: Item): IndexedJournal {
  const postings = (item.postings ?? []) as { accountId: string; amountFen: number }[];
  return {
    journalId: String(item.journalId),
    kind: item.kind as JournalKind,
    createdAt: String(item.createdAt),
    postings: postings.map(({ accountId, amountFen }) => ({ accountId, amountFen })),
    ...(typeof item.completes === 'string' ? { completes: item.completes } : {}),
    ...(item.risk ? { risk: item.risk as RecordedMovement['risk'] } : {}),
    ...(item.origin === 'DAY_CLOSE' ? { origin: 'DAY_CLOSE' as const } : {}),
  };
}
