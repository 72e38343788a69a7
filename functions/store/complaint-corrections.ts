// A ticket's corrections (差错调整) in the table: a record per proposed correction under the ticket
// (keys.complaintCorrection), written in the transaction that submits its change request and
// marked paid in the transaction of its journal; and per disputed movement the total its
// corrections paid (keys.movementCorrected), raised by that same transaction only while it stays
// within the movement's amount.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export interface CorrectionRecord {
  ticketId: string;
  changeId: string;
  amountFen: number;
  proposedAt: string;
  /** Set by the journal's transaction. */
  journalId?: string;
  paidAt?: string;
}

/** The record of a correction just proposed (with its change request). */
export function correctionRecordItem(record: CorrectionRecord): TransactItem {
  const { tableName } = db();
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.complaintCorrection(record.ticketId, record.changeId), type: 'COMPLAINT_CORRECTION', ...record },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Marks the record paid by `journalId` (in the journal's own transaction). */
export function correctionPaidItem(ticketId: string, changeId: string, journalId: string, paidAt: string): TransactItem {
  const { tableName } = db();
  return {
    Update: {
      TableName: tableName,
      Key: keys.complaintCorrection(ticketId, changeId),
      UpdateExpression: 'SET journalId = :journalId, paidAt = :paidAt',
      ExpressionAttributeValues: { ':journalId': journalId, ':paidAt': paidAt },
    },
  };
}

/** Raises the movement's corrected total by `amountFen`, only if it then stays ≤ `limitFen`. */
export function correctedTotalItem(movementJournalId: string, amountFen: number, limitFen: number): TransactItem {
  const { tableName } = db();
  return {
    Update: {
      TableName: tableName,
      Key: keys.movementCorrected(movementJournalId),
      UpdateExpression: 'SET #type = :type ADD correctedFen :amount',
      ConditionExpression: 'attribute_not_exists(correctedFen) OR correctedFen <= :room',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'MOVEMENT_CORRECTED', ':amount': amountFen, ':room': limitFen - amountFen },
    },
  };
}

/** What the corrections of a movement have paid so far. */
export async function correctedFen(movementJournalId: string): Promise<number> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.movementCorrected(movementJournalId), ConsistentRead: true }));
  return typeof Item?.correctedFen === 'number' ? Item.correctedFen : 0;
}

/** Tickets hold few corrections (one waits at a time): a single page of at most this many. */
const MAX_CORRECTIONS_READ = 50;

/** A ticket's corrections, oldest first. */
export async function ticketCorrections(ticketId: string): Promise<CorrectionRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.complaint(ticketId).PK, ':prefix': keys.complaintCorrectionPrefix },
      ConsistentRead: true,
      Limit: MAX_CORRECTIONS_READ,
    }),
  );
  const records = (Items ?? []).map((item) => ({
    ticketId: String(item.ticketId),
    changeId: String(item.changeId),
    amountFen: Number(item.amountFen),
    proposedAt: String(item.proposedAt),
    ...(typeof item.journalId === 'string' ? { journalId: item.journalId } : {}),
    ...(typeof item.paidAt === 'string' ? { paidAt: item.paidAt } : {}),
  }));
  return records.sort((x, y) => x.proposedAt.localeCompare(y.proposedAt));
}
