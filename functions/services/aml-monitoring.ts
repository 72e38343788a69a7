// Suspicious-pattern monitoring (可疑交易监测) and its alerts. The day close reads the movements
// of the closed date and the six before it (store/day-journals.ts), finds the patterns
// (domain/aml-patterns.ts) and opens an alert per finding — none while the account has one of the
// pattern open. Risk officers list them, read each with the movements that met the rule, and close
// it as not suspicious or file a suspicious transaction report, each with a reason and its audit
// entry in one transaction. A filed report is built again from the alert, its timeline and its
// journals (which never change), so it reads the same every time it is fetched.
import { AML_PATTERN_LABELS, type AmlFinding, type AmlThresholds, DEFAULT_AML_THRESHOLDS, detectAmlPatterns, type DayJournal } from '../domain/aml-patterns.js';
import { type AmlAlertAction, amlAlertTransition, reportKindOf, reportNumberOf } from '../domain/aml-alerts.js';
import type { ReportFailure } from '../domain/day-close.js';
import { refuse } from '../domain/errors.js';
import type { JournalKind } from '../domain/ledger.js';
import { addDays } from '../domain/loan/dates.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { getAccount } from '../store/accounts.js';
import { type AmlAlertEventRecord, type AmlAlertRecord, amlAlertChangeItems, amlAlertEvents, amlAlertId, amlAlertListKey, amlAlertPage, getAmlAlert, openAmlAlert } from '../store/aml-alerts.js';
import { getCustomer } from '../store/customers.js';
import { journalsOfDay } from '../store/day-journals.js';
import { getJournal } from '../store/ledger.js';
import { recordAuditWith } from './audit.js';
import { class2Limits } from './customer-guards.js';
import type { ConsoleOperator } from './operators.js';
import { rerateCustomer } from './customer-risk-rating.js';

/** Journals read per day: a day past it is monitored in part, and the step says so. */
export const MAX_MONITORED_JOURNALS_PER_DAY = 50_000;
/** Alerts one close opens at most: more findings than this are counted, not opened. */
export const MAX_ALERTS_PER_CLOSE = 500;

const ALERT_RACE: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, retryable: isTryAgain };

/** The thresholds, with the limits in force as the ones structuring stays under: the
 *  Class II non-bound daily limit and the single-movement limit. */
export function amlThresholds(): AmlThresholds {
  const limits = class2Limits();
  return { ...DEFAULT_AML_THRESHOLDS, structuring: { ...DEFAULT_AML_THRESHOLDS.structuring, limitsFen: [limits.nonBoundDailyFen, limits.maxSingleAmountFen] } };
}


export interface AmlMonitoringReport {
  journals: number;
  findings: number;
  opened: number;
  /** Findings whose account already had an open alert of the pattern (or this close's, run again). */
  alreadyOpen: number;
  /** Days that held more journals than were read. */
  truncatedDays: number;
}

/** The day close's step: the patterns over the window ending on `closedDate`, an alert opened
 *  for each new finding. A finding that cannot be opened is reported, and the others go on. */
export async function monitorSuspiciousPatterns(closedDate: string, now: Date, reportFailure: ReportFailure): Promise<AmlMonitoringReport> {
  const thresholds = amlThresholds();
  const days = Array.from({ length: thresholds.rapidInOut.windowDays }, (_, back) => addDays(closedDate, -back));
  const read = await Promise.all(days.map((day) => journalsOfDay(day, MAX_MONITORED_JOURNALS_PER_DAY)));
  const journals: DayJournal[] = read.flatMap((day) => day.journals);
  const findings = detectAmlPatterns(journals, closedDate, thresholds);
  const report: AmlMonitoringReport = { journals: journals.length, findings: findings.length, opened: 0, alreadyOpen: 0, truncatedDays: read.filter((day) => day.truncated).length };
  for (const finding of findings.slice(0, MAX_ALERTS_PER_CLOSE)) {
    try {
      if (await openAlertFor(closedDate, finding, now)) report.opened += 1;
      else report.alreadyOpen += 1;
    } catch (error) {
      reportFailure(`${finding.pattern} ${finding.accountId}`, error);
    }
  }
  return report;
}

async function openAlertFor(date: string, finding: AmlFinding, now: Date): Promise<boolean> {
  const account = await getAccount(finding.accountId);
  if (!account) throw new Error(`account ${finding.accountId} of a ${finding.pattern} finding not found`);
  const customer = await getCustomer(account.ownerCustomerId);
  const at = now.toISOString();
  const opened = await openAmlAlert({
    // One alert per finding: the same pattern on the same account found by the same close.
    alertId: amlAlertId(date, finding.pattern, finding.accountId),
    date,
    pattern: finding.pattern,
    accountId: account.accountId,
    customerId: account.ownerCustomerId,
    customerNameMasked: customer?.nameMasked ?? '—',
    accountNumberMasked: account.accountNumberMasked,
    summary: finding.summary,
    journalIds: finding.journalIds,
    status: 'OPEN',
    openedAt: at,
    updatedAt: at,
    reason: null,
    version: 1,
  });
  if (opened) await rerateCustomer(account.ownerCustomerId, now);
  return opened;
}

export async function listAmlAlerts(status: AmlAlertRecord['status'] | undefined, limit: number, cursor: string | undefined): Promise<{ alerts: AmlAlertRecord[]; nextCursor: string | null }> {
  const page = await amlAlertPage(status, limit, cursor);
  const last = page.alerts.at(-1);
  return { alerts: page.alerts, nextCursor: page.lastKey && last ? amlAlertListKey(last) : null };
}

export interface AmlMovement {
  journalId: string;
  kind: JournalKind;
  createdAt: string;
  amountFen: number;
  label: string;
  counterparty: string;
}

export interface AmlAlertDetailRecord {
  alert: AmlAlertRecord;
  rule: string;
  movements: AmlMovement[];
  events: AmlAlertEventRecord[];
}

const loadAlert = async (alertId: string): Promise<AmlAlertRecord> => (await getAmlAlert(alertId)) ?? refuse('not_found', 'AML_ALERT_NOT_FOUND', '可疑交易预警不存在');

/** The movements of the alert's account that met the rule, oldest first, as the account saw them. */
async function evidence(alert: AmlAlertRecord): Promise<AmlMovement[]> {
  const journals = await Promise.all(alert.journalIds.map(getJournal));
  return journals
    .flatMap((journal) => {
      const own = journal?.postings.find((posting) => posting.accountId === alert.accountId);
      return journal && own ? [{ journalId: journal.journalId, kind: journal.kind, createdAt: journal.createdAt, amountFen: own.amountFen, label: own.label, counterparty: own.counterparty }] : [];
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function amlAlertDetail(alertId: string): Promise<AmlAlertDetailRecord> {
  const alert = await loadAlert(alertId);
  const [movements, events] = await Promise.all([evidence(alert), amlAlertEvents(alertId)]);
  return { alert, rule: AML_PATTERN_LABELS[alert.pattern].rule, movements, events };
}

const AUDIT_ACTIONS: Record<AmlAlertAction, string> = { close: 'aml-alert.close', report: 'aml-alert.report' };

/** Closes the alert as not suspicious, or files its report, as `operator` with `reason`; refused
 *  (409) when it is no longer open. */
export async function changeAmlAlert(alertId: string, action: AmlAlertAction, reason: string, operator: ConsoleOperator, now: Date): Promise<AmlAlertDetailRecord> {
  const customerId = await retry(ALERT_RACE, async (attempt) => {
    const before = await loadAlert(alertId);
    const status = amlAlertTransition(before.pattern, before.status, action);
    const after: AmlAlertRecord = { ...before, status, reason, updatedAt: now.toISOString(), version: before.version + 1 };
    const outcome = await recordAuditWith(
      {
        actor: { kind: 'operator', id: operator.operatorId },
        action: AUDIT_ACTIONS[action],
        target: { kind: 'aml-alert', id: alertId },
        reason,
        before: { status: before.status },
        after: { status, ...(action === 'report' ? { reportNumber: reportNumberOf(alertId, before.pattern) } : {}) },
      },
      now,
      (entry) =>
        amlAlertChangeItems(before, after, {
          at: now.toISOString(),
          status,
          operator: { operatorId: operator.operatorId, login: operator.login, displayName: operator.displayName },
          reason,
          auditSeq: entry.seq,
        }),
    );
    if ('refusedChange' in outcome) {
      if (attempt >= ALERT_RACE.attempts) refuse('conflict', 'AML_ALERT_CHANGED', '该预警刚被他人处理，请刷新后重试');
      throw new TryAgain('another officer changed the alert');
    }
    return before.customerId;
  });
  await rerateCustomer(customerId, now);
  return amlAlertDetail(alertId);
}

/** 可疑交易报告 or 大额交易报告: the report filed from the alert; 404 until one is. */
export async function amlReport(alertId: string) {
  const { alert, rule, movements, events } = await amlAlertDetail(alertId);
  const filed = events.find((event) => event.status === 'REPORTED');
  if (alert.status !== 'REPORTED' || !filed?.operator) return refuse('not_found', 'AML_REPORT_NOT_FOUND', '该预警尚未提交报告');
  return {
    reportNumber: reportNumberOf(alertId, alert.pattern),
    reportType: reportKindOf(alert.pattern),
    basis: '《金融机构大额交易和可疑交易报告管理办法》（中国人民银行令〔2016〕第3号）',
    filedAt: filed.at,
    filedBy: filed.operator,
    reason: alert.reason ?? '',
    alert,
    rule,
    subject: { customerId: alert.customerId, nameMasked: alert.customerNameMasked, accountNumberMasked: alert.accountNumberMasked },
    transactions: movements,
  };
}
