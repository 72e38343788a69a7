// The day close's runs (backOfficeKeys.dayCloseRun, one per closed business date) and the overdue-loan
// snapshot each close leaves (backOfficeKeys.overdueLoan, by date and bucket). A run item is written when a
// close of its date starts — conditionally, so it is also the lock that keeps two closes of one
// date apart — and rewritten as each step finishes.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DayCloseRunStatus, DayCloseStepResult } from '../domain/day-close.js';
import type { OverdueBucket } from '../domain/loan/product.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import type { TransactItem } from './transact.js';
import { backOfficeKeys } from './back-office-keys.js';

export interface DayCloseRunRecord {
  closedDate: string;
  /** Changes with every start, so a close taken over cannot write over its successor. */
  runId: string;
  status: DayCloseRunStatus;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: { kind: 'operator' | 'system'; id: string };
  steps: DayCloseStepResult[];
  failure: string | null;
  /** The overdue loans the close listed, by bucket, for the business date it opened. */
  overdue: { asOf: string; buckets: Record<OverdueBucket, { loans: number; overdueTotalFen: number }> } | null;
}

const runItem = (run: DayCloseRunRecord) => ({ ...backOfficeKeys.dayCloseRun(run.closedDate), type: 'DAY_CLOSE_RUN', ...run });

export async function getDayCloseRun(closedDate: string): Promise<DayCloseRunRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.dayCloseRun(closedDate), ConsistentRead: true }));
  return Item ? toRun(Item) : undefined;
}

/** The conditional write that starts `run` unless a close of its date has succeeded or is running
 *  and was heard from after `staleBefore` (for a transaction, e.g. with the audit entry). */
export function dayCloseRunStart(run: DayCloseRunRecord, staleBefore: string): NonNullable<TransactItem['Put']> {
  return {
    TableName: db().tableName,
    Item: { ...runItem(run), heardAt: run.startedAt },
    ConditionExpression: 'attribute_not_exists(PK) OR #status = :failed OR (#status = :running AND heardAt < :stale)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':failed': 'FAILED', ':running': 'RUNNING', ':stale': staleBefore },
  };
}

/** Starts `run` as dayCloseRunStart says; false when refused. */
export async function startDayCloseRun(run: DayCloseRunRecord, staleBefore: string): Promise<boolean> {
  try {
    await db().doc.send(new PutCommand(dayCloseRunStart(run, staleBefore)));
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Records the run's progress, as long as no later close of the date took it over. */
export async function saveDayCloseRun(run: DayCloseRunRecord, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...runItem(run), heardAt: now.toISOString() },
      ConditionExpression: 'runId = :runId',
      ExpressionAttributeValues: { ':runId': run.runId },
    }),
  );
}

/** Runs newest closed date first, `limit` of them, older than `beforeDate` when given. */
export async function dayCloseRuns(limit: number, beforeDate?: string): Promise<{ runs: DayCloseRunRecord[]; more: boolean }> {
  const { doc, tableName } = db();
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      // The partition holds runs only: every key below the cursor's is an earlier run.
      KeyConditionExpression: beforeDate === undefined ? 'PK = :pk' : 'PK = :pk AND SK < :before',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.dayCloseRunPartition, ...(beforeDate === undefined ? {} : { ':before': backOfficeKeys.dayCloseRun(beforeDate).SK }) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return { runs: (Items ?? []).map(toRun), more: LastEvaluatedKey !== undefined };
}

function toRun(item: Record<string, unknown>): DayCloseRunRecord {
  const { closedDate, runId, status, attempts, startedAt, finishedAt, startedBy, steps, failure, overdue } = item as unknown as DayCloseRunRecord;
  return { closedDate, runId, status, attempts, startedAt, finishedAt: finishedAt ?? null, startedBy, steps: steps ?? [], failure: failure ?? null, overdue: overdue ?? null };
}

// ---- the overdue-loan snapshot --------------------------------------------------------------

export interface OverdueLoanRecord {
  loanId: string;
  customerId: string;
  productName: string;
  daysPastDue: number;
  oldestUnpaidDueDate: string | null;
  overduePrincipalFen: number;
  overdueInterestFen: number;
  unpaidPenaltyFen: number;
  overdueTotalFen: number;
}

/** A snapshot is read for the latest close only; older ones go by TTL. */
const OVERDUE_SNAPSHOT_DAYS = 35;

export async function putOverdueLoan(asOf: string, bucket: OverdueBucket, loan: OverdueLoanRecord, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...backOfficeKeys.overdueLoan(asOf, bucket, loan.loanId), type: 'OVERDUE_LOAN', ...loan, expiresAtEpoch: Math.floor(now.getTime() / 1000) + OVERDUE_SNAPSHOT_DAYS * 86_400 },
    }),
  );
}

/** A page of one bucket's overdue loans of the snapshot for `asOf`, by loan id. */
export async function overdueLoans(asOf: string, bucket: OverdueBucket, limit: number, afterLoanId?: string): Promise<{ loans: OverdueLoanRecord[]; lastLoanId: string | undefined }> {
  const { doc, tableName } = db();
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.overdueLoanPartition(asOf, bucket) },
      ...(afterLoanId ? { ExclusiveStartKey: backOfficeKeys.overdueLoan(asOf, bucket, afterLoanId) } : {}),
      Limit: limit,
    }),
  );
  const loans = (Items ?? []).map((item) => {
    const { loanId, customerId, productName, daysPastDue, oldestUnpaidDueDate, overduePrincipalFen, overdueInterestFen, unpaidPenaltyFen, overdueTotalFen } = item as unknown as OverdueLoanRecord;
    return { loanId, customerId, productName, daysPastDue, oldestUnpaidDueDate: oldestUnpaidDueDate ?? null, overduePrincipalFen, overdueInterestFen, unpaidPenaltyFen, overdueTotalFen };
  });
  return { loans, lastLoanId: LastEvaluatedKey ? String(LastEvaluatedKey.SK) : undefined };
}
