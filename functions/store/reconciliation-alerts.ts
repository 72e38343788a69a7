// Reconciliation alerts (backOfficeKeys.reconAlert) with their timelines (backOfficeKeys.reconAlertEvent) and the
// lists operators page through (backOfficeKeys.reconAlertIndex: a copy of each alert under its status and
// under ALL, newest date first). A change of state is one transaction — the alert, conditional on
// the state and version it was read in, the lists and the event — which the service writes
// together with its audit entry.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { BillPaymentStatus } from '../domain/bills/bill.js';
import type { MismatchKind, ReconciliationAction } from '../domain/bills/reconciliation.js';
import { type AlertEventType, type AlertStatus, MAX_ALERT_EVENTS } from '../domain/bills/reconciliation-alerts.js';
import { db } from './client.js';
import { type TransactItems, transactWrite } from './transact.js';
import { backOfficeKeys } from './back-office-keys.js';
import { partitionPage } from './partition-page.js';

export interface AlertRecord {
  alertId: string;
  date: string;
  kind: MismatchKind;
  reference: string;
  billerId: string;
  jinlinAmountFen: number | null;
  gatewayAmountFen: number | null;
  jinlinStatus: BillPaymentStatus | 'NONE';
  action: ReconciliationAction;
  note: string;
  status: AlertStatus;
  openedAt: string;
  updatedAt: string;
  bookingReference: string | null;
  acceptReason: string | null;
  /** Each change adds one: a change is conditional on the version it was decided on. */
  version: number;
}

export interface AlertEventRecord {
  at: string;
  type: AlertEventType;
  operator: { operatorId: string; login: string; displayName: string } | null;
  note: string | null;
  bookingReference: string | null;
  reason: string | null;
  auditSeq: number | null;
}

const ALL = 'ALL';

const alertFields = (item: Record<string, unknown>): AlertRecord => {
  const { alertId, date, kind, reference, billerId, jinlinAmountFen, gatewayAmountFen, jinlinStatus, action, note, status, openedAt, updatedAt, bookingReference, acceptReason, version } =
    item as unknown as AlertRecord;
  return {
    alertId,
    date,
    kind,
    reference,
    billerId,
    jinlinAmountFen: jinlinAmountFen ?? null,
    gatewayAmountFen: gatewayAmountFen ?? null,
    jinlinStatus,
    action,
    note,
    status,
    openedAt,
    updatedAt,
    bookingReference: bookingReference ?? null,
    acceptReason: acceptReason ?? null,
    version,
  };
};

function listItems(alert: AlertRecord): TransactItems {
  const { tableName } = db();
  return [alert.status, ALL].map((list) => ({ Put: { TableName: tableName, Item: { ...backOfficeKeys.reconAlertIndex(list, alert.date, alert.alertId), type: 'RECON_ALERT_LISTED', ...alert } } }));
}

// `type` names the kind of item in the table: the event's own type is stored as eventType.
function eventItem(alertId: string, { type: eventType, ...event }: AlertEventRecord): TransactItems[number] {
  const { tableName } = db();
  return {
    Put: { TableName: tableName, Item: { ...backOfficeKeys.reconAlertEvent(alertId, event.at, eventType), type: 'RECON_ALERT_EVENT', eventType, ...event }, ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

/** Opens the alert with its first event, unless it exists (a date reconciled again): true when
 *  this call opened it. */
export async function openAlert(alert: AlertRecord, event: AlertEventRecord): Promise<boolean> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...backOfficeKeys.reconAlert(alert.alertId), type: 'RECON_ALERT', ...alert }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ...listItems(alert),
    eventItem(alert.alertId, event),
  ]);
  return refusedAt === undefined;
}

export async function getAlert(alertId: string): Promise<AlertRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.reconAlert(alertId), ConsistentRead: true }));
  return Item ? alertFields(Item) : undefined;
}

/** The alert's timeline, oldest first. */
export async function alertEvents(alertId: string): Promise<AlertEventRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.reconAlert(alertId).PK, ':prefix': backOfficeKeys.reconAlertEventPrefix },
      ConsistentRead: true,
      Limit: MAX_ALERT_EVENTS,
    }),
  );
  return (Items ?? []).map((item) => {
    const { at, eventType, operator, note, bookingReference, reason, auditSeq } = item as unknown as Omit<AlertEventRecord, 'type'> & { eventType: AlertEventRecord['type'] };
    return { at, type: eventType, operator: operator ?? null, note: note ?? null, bookingReference: bookingReference ?? null, reason: reason ?? null, auditSeq: auditSeq ?? null };
  });
}

/** A page of alerts in `status` (all when undefined), newest date first, after the list key `after`. */
export async function alertPage(status: AlertStatus | undefined, limit: number, after?: string): Promise<{ alerts: AlertRecord[]; lastKey: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({ partition: backOfficeKeys.reconAlertIndexPartition(status ?? ALL), afterSortKey: after, limit, newestFirst: true });
  return { alerts: items.map(alertFields), lastKey: lastSortKey };
}

/** The list key of an alert (a page's cursor). */
export const alertListKey = (alert: Pick<AlertRecord, 'date' | 'alertId'>) => backOfficeKeys.reconAlertIndex(ALL, alert.date, alert.alertId).SK;

/** The writes that move `before` to `after` with `event`: the alert first, conditional on the
 *  state and version `before` was read in (so a refusal at index 0 means someone else changed it). */
export function alertChangeItems(before: AlertRecord, after: AlertRecord, event: AlertEventRecord): TransactItems {
  const { tableName } = db();
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.reconAlert(after.alertId), type: 'RECON_ALERT', ...after },
        ConditionExpression: '#status = :status AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': before.status, ':version': before.version },
      },
    },
    { Delete: { TableName: tableName, Key: backOfficeKeys.reconAlertIndex(before.status, before.date, before.alertId) } },
    ...listItems(after),
    eventItem(after.alertId, event),
  ];
}
