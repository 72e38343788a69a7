// Suspicious-pattern alerts (backOfficeKeys.amlAlert) with their timelines and the lists officers
// page through (backOfficeKeys.amlAlertIndex: a copy of each alert under its status and under ALL,
// newest date first). An open alert holds its account's marker for the pattern
// (backOfficeKeys.amlOpenAlert), written with it and removed by the step that closes it, so the
// day close opens no second alert while one is being worked. A change of state is one
// transaction — the alert, conditional on the version it was read in, the lists, the marker and
// the event — which the service writes with its audit entry.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { AmlAlertStatus } from '../domain/aml-alerts.js';
import { MAX_AML_ALERT_EVENTS, openMarkerOf, reportKindOf } from '../domain/aml-alerts.js';
import type { AmlPattern } from '../domain/aml-patterns.js';
import { backOfficeKeys } from './back-office-keys.js';
import { db } from './client.js';
import { type TransactItems, transactWrite } from './transact.js';
import { partitionPage } from './partition-page.js';

export interface AmlAlertRecord {
  alertId: string;
  /** The closed business date whose monitoring found it. */
  date: string;
  pattern: AmlPattern;
  accountId: string;
  customerId: string;
  customerNameMasked: string;
  accountNumberMasked: string;
  summary: string;
  /** The movements that met the rule, at most MAX_EVIDENCE. */
  journalIds: string[];
  status: AmlAlertStatus;
  openedAt: string;
  updatedAt: string;
  reason: string | null;
  /** Each change adds one: a change is conditional on the version it was decided on. */
  version: number;
}

export interface AmlAlertEventRecord {
  at: string;
  status: AmlAlertStatus;
  operator: { operatorId: string; login: string; displayName: string } | null;
  reason: string | null;
  auditSeq: number | null;
}

const ALL = 'ALL';

const alertFields = (item: Record<string, unknown>): AmlAlertRecord => {
  const { alertId, date, pattern, accountId, customerId, customerNameMasked, accountNumberMasked, summary, journalIds, status, openedAt, updatedAt, reason, version } = item as unknown as AmlAlertRecord;
  return { alertId, date, pattern, accountId, customerId, customerNameMasked, accountNumberMasked, summary, journalIds, status, openedAt, updatedAt, reason: reason ?? null, version };
};

function listItems(alert: AmlAlertRecord): TransactItems {
  const { tableName } = db();
  return [alert.status, ALL].map((list) => ({ Put: { TableName: tableName, Item: { ...backOfficeKeys.amlAlertIndex(list, alert.date, alert.alertId), type: 'AML_ALERT_LISTED', ...alert } } }));
}

function eventItem(alertId: string, event: AmlAlertEventRecord): TransactItems[number] {
  const { tableName } = db();
  return { Put: { TableName: tableName, Item: { ...backOfficeKeys.amlAlertEvent(alertId, event.at, event.status), type: 'AML_ALERT_EVENT', ...event }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** "AML" + the date + 16 hex digits of the finding: one alert per pattern, account and date. */
export function amlAlertId(date: string, pattern: AmlPattern, accountId: string): string {
  const digest = createHash('sha256').update(`${date}\n${pattern}\n${accountId}`).digest('hex').slice(0, 16);
  return `AML${date.replaceAll('-', '')}${digest.toUpperCase()}`;
}

/** Opens the alert with its first event unless it exists (a date closed again) or the account
 *  has an open alert of the pattern: true when this call opened it. */
export async function openAmlAlert(alert: AmlAlertRecord): Promise<boolean> {
  return (await transactWrite(openAmlAlertItems(alert))) === undefined;
}

/** The writes that open the alert, each refused when it exists (the alert, its account's marker
 *  for the pattern, its opening event): for a transaction of the caller's own. */
export function openAmlAlertItems(alert: AmlAlertRecord): TransactItems {
  const { tableName } = db();
  return [
    { Put: { TableName: tableName, Item: { ...backOfficeKeys.amlAlert(alert.alertId), type: 'AML_ALERT', ...alert }, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.amlOpenAlert(openMarkerOf(alert.pattern, alert.date), alert.accountId), type: 'AML_OPEN_ALERT', alertId: alert.alertId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...listItems(alert),
    eventItem(alert.alertId, { at: alert.openedAt, status: 'OPEN', operator: null, reason: null, auditSeq: null }),
  ];
}

export async function getAmlAlert(alertId: string): Promise<AmlAlertRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.amlAlert(alertId), ConsistentRead: true }));
  return Item ? alertFields(Item) : undefined;
}

/** The alert's timeline, oldest first. */
export async function amlAlertEvents(alertId: string): Promise<AmlAlertEventRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.amlAlert(alertId).PK, ':prefix': backOfficeKeys.amlAlertEventPrefix },
      ConsistentRead: true,
      Limit: MAX_AML_ALERT_EVENTS,
    }),
  );
  return (Items ?? []).map((item) => {
    const { at, status, operator, reason, auditSeq } = item as unknown as AmlAlertEventRecord;
    return { at, status, operator: operator ?? null, reason: reason ?? null, auditSeq: auditSeq ?? null };
  });
}

/** A page of alerts in `status` (all when undefined), newest date first, after the list key `after`. */
export async function amlAlertPage(status: AmlAlertStatus | undefined, limit: number, after?: string): Promise<{ alerts: AmlAlertRecord[]; lastKey: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({ partition: backOfficeKeys.amlAlertIndexPartition(status ?? ALL), afterSortKey: after, limit, newestFirst: true });
  return { alerts: items.map(alertFields), lastKey: lastSortKey };
}

/** The list key of an alert (a page's cursor). */
export const amlAlertListKey = (alert: Pick<AmlAlertRecord, 'date' | 'alertId'>) => backOfficeKeys.amlAlertIndex(ALL, alert.date, alert.alertId).SK;

/** The writes that close `before` as `after` with `event`: the alert first, conditional on the
 *  version it was read in (so a refusal at index 0 means someone else changed it), then its
 *  lists, its account's open marker, the event and — for a suspicious transaction report — the
 *  report's mark under the customer, which their risk rating counts. */
export function amlAlertChangeItems(before: AmlAlertRecord, after: AmlAlertRecord, event: AmlAlertEventRecord): TransactItems {
  const { tableName } = db();
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.amlAlert(after.alertId), type: 'AML_ALERT', ...after },
        ConditionExpression: '#status = :status AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': before.status, ':version': before.version },
      },
    },
    { Delete: { TableName: tableName, Key: backOfficeKeys.amlAlertIndex(before.status, before.date, before.alertId) } },
    ...listItems(after),
    { Delete: { TableName: tableName, Key: backOfficeKeys.amlOpenAlert(openMarkerOf(before.pattern, before.date), before.accountId) } },
    eventItem(after.alertId, event),
    ...(after.status === 'REPORTED' && reportKindOf(after.pattern) === 'SUSPICIOUS_TRANSACTION'
      ? [{ Put: { TableName: tableName, Item: { ...backOfficeKeys.amlReportFiled(after.customerId, event.at, after.alertId), type: 'AML_REPORT_FILED', alertId: after.alertId } } }]
      : []),
  ];
}

/** At most so many of a customer's alerts or reports are counted: a rating says "some", and a
 *  count this large already rates them high. */
const MAX_COUNTED = 100;

/** What a customer's risk rating weighs from the alerts: the suspicious-pattern alerts open on
 *  their account and the suspicious transaction reports filed on them since `since`. */
export async function amlRatingFactors(customerId: string, accountId: string | undefined, since: string): Promise<{ openAlerts: number; reportsFiled: number }> {
  const { doc, tableName } = db();
  const [open, filed] = await Promise.all([
    accountId
      ? doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': backOfficeKeys.amlOpenAlertPartition(accountId) },
            ProjectionExpression: 'SK',
            Limit: MAX_COUNTED,
            ConsistentRead: true,
          }),
        )
      : Promise.resolve({ Items: [] }),
    doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK >= :since',
        ExpressionAttributeValues: { ':pk': backOfficeKeys.amlReportFiledPartition(customerId), ':since': since },
        Select: 'COUNT',
        Limit: MAX_COUNTED,
        ConsistentRead: true,
      }),
    ),
  ]);
  const openPatterns = (open.Items ?? []).map((item) => String(item.SK).split('#')[0] as AmlPattern);
  return { openAlerts: openPatterns.filter((pattern) => reportKindOf(pattern) === 'SUSPICIOUS_TRANSACTION').length, reportsFiled: filed.Count ?? 0 };
}
