// Complaint tickets in the table (keys.complaint…): the ticket under its own key, a pointer under
// the customer (their list, newest first), a pointer in the service desk's queue of its status
// (by deadline), and the customer's count of tickets waiting for an answer — raised only below
// the limit, in the transaction that opens the ticket. Every move is conditional on the status
// read. Lists are Queries on a partition and a batch read: never a Scan.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type ComplaintQueue, type ComplaintTicket, complaintQueue, isOpenComplaint } from '../domain/complaints.js';
import { refuse } from '../domain/errors.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { type TransactItem, transactWrite } from './transact.js';
import { partitionPage } from './partition-page.js';

const TICKET_FIELDS = ['ticketId', 'customerId', 'category', 'description', 'movement', 'status', 'openedAt', 'dueAt', 'takenAt', 'takenBy', 'answer', 'answeredAt', 'answeredBy', 'closedAt'] as const;

function fromItem(item: Record<string, unknown>): ComplaintTicket {
  return Object.fromEntries(TICKET_FIELDS.flatMap((field) => (item[field] === undefined ? [] : [[field, item[field]]]))) as unknown as ComplaintTicket;
}

const queuePointer = (tableName: string, ticket: ComplaintTicket): TransactItem => ({
  Put: { TableName: tableName, Item: { ...keys.complaintQueue(complaintQueue(ticket.status), ticket.dueAt, ticket.ticketId), type: 'COMPLAINT_POINTER', ticketId: ticket.ticketId } },
});

/** Writes a new ticket with its pointers, counting it against the customer's open tickets. False,
 *  writing nothing, when the customer has `maxOpen` open already. */
export async function insertComplaint(ticket: ComplaintTicket, maxOpen: number): Promise<boolean> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.complaintCount(ticket.customerId),
        UpdateExpression: 'SET #type = :type ADD openCount :one',
        ConditionExpression: 'attribute_not_exists(openCount) OR openCount < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'COMPLAINT_COUNT', ':one': 1, ':max': maxOpen },
      },
    },
    { Put: { TableName: tableName, Item: { ...keys.complaint(ticket.ticketId), type: 'COMPLAINT', ...ticket }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.customerComplaint(ticket.customerId, ticket.openedAt, ticket.ticketId), type: 'COMPLAINT_POINTER', ticketId: ticket.ticketId } } },
    queuePointer(tableName, ticket),
  ]);
  if (refusedAt === undefined) return true;
  if (refusedAt === 0) return false;
  throw new Error(`complaint ${ticket.ticketId} exists already`);
}

/** The writes that move `from` (as read) to `to`: the ticket, only if its status is still
 *  `from`'s; its queue pointer when the queue changes; the open count when it is answered. For a
 *  transaction of their own, or with the audit entry that records the move. */
export function complaintMoveItems(from: ComplaintTicket, to: ComplaintTicket): TransactItem[] {
  const { tableName } = db();
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.complaint(to.ticketId), type: 'COMPLAINT', ...to },
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from.status },
      },
    },
  ];
  if (complaintQueue(from.status) !== complaintQueue(to.status)) {
    items.push({ Delete: { TableName: tableName, Key: keys.complaintQueue(complaintQueue(from.status), from.dueAt, from.ticketId) } }, queuePointer(tableName, to));
  }
  if (isOpenComplaint(from.status) && !isOpenComplaint(to.status)) {
    items.push({
      Update: { TableName: tableName, Key: keys.complaintCount(from.customerId), UpdateExpression: 'ADD openCount :minusOne', ExpressionAttributeValues: { ':minusOne': -1 } },
    });
  }
  return items;
}

/** Moves the ticket in a transaction of its own. False, writing nothing, when it moved meanwhile. */
export async function moveComplaint(from: ComplaintTicket, to: ComplaintTicket): Promise<boolean> {
  return (await transactWrite(complaintMoveItems(from, to))) === undefined;
}

export async function getComplaint(ticketId: string): Promise<ComplaintTicket | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.complaint(ticketId), ConsistentRead: true }));
  return Item?.type === 'COMPLAINT' ? fromItem(Item) : undefined;
}

async function ticketsById(ticketIds: readonly string[]): Promise<ComplaintTicket[]> {
  const byId = new Map((await batchGetItems(ticketIds.map((ticketId) => keys.complaint(ticketId)))).map((item) => [String(item.ticketId), fromItem(item)]));
  return ticketIds.flatMap((ticketId) => byId.get(ticketId) ?? []);
}

const TIME_AND_ID = '\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z#T[0-9a-f]{32}';
/** Cursors are the last pointer's sort key, base64url. */
const CUSTOMER_CURSOR = new RegExp(`^COMPLAINT#${TIME_AND_ID}$`);
const QUEUE_CURSOR = new RegExp(`^${TIME_AND_ID}$`);

export interface ComplaintPage {
  tickets: ComplaintTicket[];
  nextCursor: string | undefined;
}

async function pointerPage(partition: string, prefix: string, cursorShape: RegExp, newestFirst: boolean, limit: number, cursor: string | undefined): Promise<ComplaintPage> {
  const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (after !== undefined && !cursorShape.test(after)) refuse('invalid', 'CURSOR_INVALID', '分页参数无效');
  const { items, lastSortKey } = await partitionPage({ partition, prefix: prefix || undefined, afterSortKey: after, limit, newestFirst, consistentRead: true });
  const tickets = await ticketsById(items.map((item) => String(item.ticketId)));
  return { tickets, nextCursor: lastSortKey === undefined ? undefined : Buffer.from(lastSortKey).toString('base64url') };
}

/** A page of the customer's tickets, newest first. */
export function customerComplaints(customerId: string, limit: number, cursor: string | undefined): Promise<ComplaintPage> {
  return pointerPage(keys.customer(customerId).PK, keys.customerComplaintPrefix, CUSTOMER_CURSOR, true, limit, cursor);
}

/** A page of one queue: open tickets nearest their deadline first (the overdue before all
 *  others); answered and closed ones latest deadline first. */
export function complaintQueuePage(queue: ComplaintQueue, limit: number, cursor: string | undefined): Promise<ComplaintPage> {
  return pointerPage(keys.complaintQueuePartition(queue), '', QUEUE_CURSOR, queue !== 'OPEN', limit, cursor);
}
