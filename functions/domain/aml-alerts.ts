// AML alerts (可疑交易预警) as risk officers work them: the day close opens one per finding
// (domain/aml-patterns.ts), at most one open per account and pattern (per day for large values);
// an officer closes a suspicious pattern as not suspicious with a reason, or files a suspicious
// transaction report (可疑交易报告) with one. A large value is only ever reported (大额交易报告).
// Closed and reported alerts change no more. Every step is an event of its timeline.
// No import but types and errors: the console bundles the labels from here.
import { type AmlPattern, PER_DAY_PATTERNS } from './aml-patterns.js';
import { refuse } from './errors.js';

export const AML_ALERT_STATUSES = ['OPEN', 'CLOSED', 'REPORTED'] as const;
export type AmlAlertStatus = (typeof AML_ALERT_STATUSES)[number];

export const AML_ALERT_STATUS_LABELS: Record<AmlAlertStatus, string> = {
  OPEN: '待处理',
  CLOSED: '已排除',
  REPORTED: '已上报',
};

export const AML_ALERT_EVENT_LABELS: Record<AmlAlertStatus, string> = {
  OPEN: '日终监测发现可疑模式',
  CLOSED: '排除可疑，结案',
  REPORTED: '提交可疑交易报告',
};

export type AmlAlertAction = 'close' | 'report';

export const AML_REASON_MIN_CHARS = 4;
export const AML_REASON_MAX_CHARS = 500;
/** Events one alert keeps: its opening and one closing step. */
export const MAX_AML_ALERT_EVENTS = 10;

/** What `action` turns an alert in `status` into, or the refusal (409) when it may not. */
export function amlAlertTransition(pattern: AmlPattern, status: AmlAlertStatus, action: AmlAlertAction): AmlAlertStatus {
  if (status !== 'OPEN') return refuse('conflict', 'AML_ALERT_CLOSED', `该预警${AML_ALERT_STATUS_LABELS[status]}，不能再操作`);
  if (action === 'close' && !amlAlertClosable(pattern)) return refuse('conflict', 'AML_LARGE_VALUE_MUST_REPORT', '大额交易须按规定报告，不能排除');
  return action === 'close' ? 'CLOSED' : 'REPORTED';
}

/** A suspicious pattern may be found harmless; a large value is reported whatever it is. */
export const amlAlertClosable = (pattern: AmlPattern) => pattern !== 'LARGE_VALUE';

/** Which report an alert files, and what the console calls filing it. */
export const AML_REPORT_KINDS = {
  SUSPICIOUS_TRANSACTION: { prefix: 'STR', name: '可疑交易报告' },
  LARGE_VALUE_TRANSACTION: { prefix: 'LVR', name: '大额交易报告' },
} as const;
export type AmlReportKind = keyof typeof AML_REPORT_KINDS;
export const reportKindOf = (pattern: AmlPattern): AmlReportKind => (pattern === 'LARGE_VALUE' ? 'LARGE_VALUE_TRANSACTION' : 'SUSPICIOUS_TRANSACTION');

/** The sort key of an account's open-alert marker: per pattern, or per pattern and day for the
 *  findings reported each day. */
export const openMarkerOf = (pattern: AmlPattern, date: string) => (PER_DAY_PATTERNS.has(pattern) ? `${pattern}#${date}` : pattern);

/** "AML" + the closed date + 16 hex digits of the finding. */
export const AML_ALERT_ID_PATTERN = /^AML\d{8}[0-9A-F]{16}$/;

/** A report's number as filed: the alert's, prefixed by its kind. */
export const reportNumberOf = (alertId: string, pattern: AmlPattern) => `${AML_REPORT_KINDS[reportKindOf(pattern)].prefix}-${alertId.slice(3)}`;

export type { AmlPattern };
