// The writes of 挂失 on the customer (domain/loss-report.ts): the report in force and the time
// every session before it ends. Each is conditional, so two reports (or two lifts) racing cannot
// both be written.
import type { LossReport } from '../domain/loss-report.js';
import { db } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** Records the report and revokes every session; refused when a report is already in force. */
export function reportLossItem(customerId: string, report: LossReport): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET lossReport = :report, sessionsRevokedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(lossReport)',
      ExpressionAttributeValues: { ':report': report, ':at': report.reportedAt },
    },
  };
}

/** Lifts the report read (refused if it is no longer the one in force) and revokes every session
 *  again: whoever held one while the loss was reported signs in anew. */
export function liftLossItem(customerId: string, reportedAt: string, liftedAt: string): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET sessionsRevokedAt = :at REMOVE lossReport',
      ConditionExpression: 'lossReport.reportedAt = :reported',
      ExpressionAttributeValues: { ':at': liftedAt, ':reported': reportedAt },
    },
  };
}
