// The ledger's postings to one account read for a statement (domain/documents.ts): the month's in
// time order, and the sum of every one before it (the opening balance; postings never change, so
// a month that has ended always sums the same).
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StatementPosting } from '../domain/documents.js';
import type { JournalKind } from '../domain/ledger.js';
import { sumFen } from '../domain/money.js';
import { db } from './client.js';
import { keys } from './keys.js';

async function* queryPages(input: Omit<QueryCommandInput, 'TableName'>) {
  const { doc, tableName } = db();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: start }));
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** The account's balance before `beforeIso`: the sum of its postings up to then. */
export async function balanceBefore(accountId: string, beforeIso: string): Promise<number> {
  const amounts: number[] = [];
  for await (const items of queryPages({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.balance(accountId).PK, ':from': keys.postingPrefix, ':to': `${keys.postingPrefix}${beforeIso}` },
    ProjectionExpression: 'amountFen',
  })) {
    amounts.push(...items.map((item) => Number(item.amountFen)));
  }
  return sumFen(amounts);
}

/** The account's postings at or after `fromIso` and before `toIso`, oldest first; at most
 *  `max` + 1, so the caller can tell a period over its limit. */
export async function postingsBetween(accountId: string, fromIso: string, toIso: string, max: number): Promise<StatementPosting[]> {
  const postings: StatementPosting[] = [];
  for await (const items of queryPages({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.balance(accountId).PK, ':from': `${keys.postingPrefix}${fromIso}`, ':to': `${keys.postingPrefix}${toIso}` },
    Limit: max + 1,
  })) {
    postings.push(
      ...items.map((item) => ({
        kind: item.kind as JournalKind,
        label: String(item.label),
        counterparty: String(item.counterparty),
        amountFen: Number(item.amountFen),
        createdAt: String(item.createdAt),
      })),
    );
    if (postings.length > max) break;
  }
  return postings;
}
