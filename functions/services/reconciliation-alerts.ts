// Reconciliation mismatches as alerts (对账差异): the day close opens one per mismatch of a date
// (services/bills-close.ts); operators list them, read each with its timeline, acknowledge it,
// resolve it with the reference of the correcting booking, or accept the difference with a
// reason. Each step is written together with its audit entry — one transaction, both or neither
// — and is conditional on the state it was decided on.
import { createHash } from 'node:crypto';
import type { Mismatch, MismatchKind } from '../domain/bills/reconciliation.js';
import { refuse } from '../domain/errors.js';
import { type AlertAction, type AlertStatus, alertTransition, eventTypeOf } from '../domain/bills/reconciliation-alerts.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { MAX_LISTED_MISMATCHES } from '../store/bills.js';
import {
  type AlertEventRecord,
  type AlertRecord,
  alertChangeItems,
  alertEvents,
  alertListKey,
  alertPage,
  getAlert,
  openAlert,
} from '../store/reconciliation-alerts.js';
import { recordAuditWith } from './audit.js';
import type { ConsoleOperator } from './operators.js';

export type { AlertEventRecord, AlertRecord };

/** Two operators acting on one alert at once: the loser reads it again and decides again (the
 *  rules then refuse what no longer applies). */
const ALERT_RACE: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, retryable: isTryAgain };

/** One alert per mismatch of a date, however often the date is reconciled again. */
export function alertIdFor(date: string, kind: MismatchKind, reference: string): string {
  const digest = createHash('sha256').update(`${date}\n${kind}\n${reference}`).digest('hex').slice(0, 16);
  return `RA${date.replaceAll('-', '')}${digest.toUpperCase()}`;
}

/** Opens an alert for each mismatch of `date` not already alerted (a date reconciled again keeps
 *  its alerts and their states). Returns how many this call opened. */
export async function openReconciliationAlerts(date: string, mismatches: readonly Mismatch[], now: Date): Promise<number> {
  let opened = 0;
  const at = now.toISOString();
  // The reconciliation report keeps the same number: the alerts follow the report.
  for (const mismatch of mismatches.slice(0, MAX_LISTED_MISMATCHES)) {
    const alert: AlertRecord = {
      alertId: alertIdFor(date, mismatch.kind, mismatch.reference),
      date,
      kind: mismatch.kind,
      reference: mismatch.reference,
      billerId: mismatch.billerId,
      jinlinAmountFen: mismatch.jinlinAmountFen,
      gatewayAmountFen: mismatch.gatewayAmountFen,
      jinlinStatus: mismatch.jinlinStatus,
      action: mismatch.action,
      note: mismatch.note,
      status: 'OPEN',
      openedAt: at,
      updatedAt: at,
      bookingReference: null,
      acceptReason: null,
      version: 1,
    };
    const event: AlertEventRecord = { at, type: 'OPENED', operator: null, note: mismatch.note, bookingReference: null, reason: null, auditSeq: null };
    if (await openAlert(alert, event)) opened += 1;
  }
  return opened;
}

export async function listAlerts(status: AlertStatus | undefined, limit: number, cursor: string | undefined): Promise<{ alerts: AlertRecord[]; nextCursor: string | null }> {
  const page = await alertPage(status, limit, cursor);
  const last = page.alerts.at(-1);
  return { alerts: page.alerts, nextCursor: page.lastKey && last ? alertListKey(last) : null };
}

const loadAlert = async (alertId: string): Promise<AlertRecord> => (await getAlert(alertId)) ?? refuse('not_found', 'ALERT_NOT_FOUND', '对账差异不存在');

export async function alertDetail(alertId: string): Promise<{ alert: AlertRecord; events: AlertEventRecord[] }> {
  const alert = await loadAlert(alertId);
  return { alert, events: await alertEvents(alertId) };
}

export type AlertStep =
  | { action: 'acknowledge'; note?: string }
  | { action: 'resolve'; bookingReference: string; note?: string }
  | { action: 'accept'; reason: string };

const AUDIT_ACTIONS: Record<AlertAction, string> = {
  acknowledge: 'reconciliation.acknowledge',
  resolve: 'reconciliation.resolve',
  accept: 'reconciliation.accept',
};

/** Acknowledges, resolves or accepts the alert as `operator`, with its audit entry; refused
 *  (409) when the alert's state does not allow it. */
export async function changeAlert(alertId: string, step: AlertStep, operator: ConsoleOperator, now: Date): Promise<{ alert: AlertRecord; events: AlertEventRecord[] }> {
  await retry(ALERT_RACE, async (attempt) => {
    const before = await loadAlert(alertId);
    const status = alertTransition(before.status, step.action);
    const bookingReference = step.action === 'resolve' ? step.bookingReference : null;
    const reason = step.action === 'accept' ? step.reason : null;
    const note = step.action === 'accept' ? null : (step.note ?? null);
    const after: AlertRecord = {
      ...before,
      status,
      updatedAt: now.toISOString(),
      version: before.version + 1,
      bookingReference: bookingReference ?? before.bookingReference,
      acceptReason: reason ?? before.acceptReason,
    };
    const outcome = await recordAuditWith(
      {
        actor: { kind: 'operator', id: operator.operatorId },
        action: AUDIT_ACTIONS[step.action],
        target: { kind: 'reconciliation-alert', id: alertId },
        ...(reason ? { reason } : {}),
        before: { status: before.status },
        after: { status, ...(bookingReference ? { bookingReference } : {}), ...(note ? { note } : {}) },
      },
      now,
      (entry) =>
        alertChangeItems(before, after, {
          at: now.toISOString(),
          type: eventTypeOf(status),
          operator: { operatorId: operator.operatorId, login: operator.login, displayName: operator.displayName },
          note,
          bookingReference,
          reason,
          auditSeq: entry.seq,
        }),
    );
    if ('refusedChange' in outcome) {
      if (attempt >= ALERT_RACE.attempts) refuse('conflict', 'ALERT_CHANGED', '该差异刚被他人处理，请刷新后重试');
      throw new TryAgain('another operator changed the alert');
    }
  });
  return alertDetail(alertId);
}
