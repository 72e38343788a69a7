// Reconciliation mismatches as alerts (对账差异): each mismatch the day close finds
// (domain/bills/reconciliation.ts) becomes an alert an operator acknowledges, then resolves with
// the reference of the booking that corrected it, or accepts with a reason. Resolved and accepted
// alerts are closed: nothing changes them again. Every step is an event of the alert's timeline.
// No import but types and errors: the console bundles the labels from here.
import { refuse } from '../errors.js';
import type { BillPaymentStatus } from './bill.js';
import type { MismatchKind } from './reconciliation.js';

export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'ACCEPTED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  OPEN: '待处理',
  ACKNOWLEDGED: '已确认',
  RESOLVED: '已挂账解决',
  ACCEPTED: '已接受差异',
};

export const MISMATCH_KIND_LABELS: Record<MismatchKind, string> = {
  MISSING_AT_GATEWAY: '缴费单位无记录',
  MISSING_IN_JINLIN: '本行无记录',
  AMOUNT_DIFFERS: '金额不一致',
};

/** The payment's state on Jinlin's side (NONE: Jinlin holds no such payment), as the alert shows it. */
export const JINLIN_STATUS_LABELS: Record<BillPaymentStatus | 'NONE', string> = {
  HELD: '处理中（资金已冻结）',
  SETTLED: '已销账',
  VOIDED: '已撤销并退款',
  NONE: '本行无此笔缴费',
};

export const ALERT_EVENT_TYPES = ['OPENED', 'ACKNOWLEDGED', 'RESOLVED', 'ACCEPTED'] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

export const ALERT_EVENT_LABELS: Record<AlertEventType, string> = {
  OPENED: '日终对账发现差异',
  ACKNOWLEDGED: '确认差异',
  RESOLVED: '挂账解决',
  ACCEPTED: '接受差异',
};

export type AlertAction = 'acknowledge' | 'resolve' | 'accept';

/** The booking that corrected the difference: a journal id, a voucher or the biller's reversal
 *  number — letters, digits and - _ . : # only. */
export const BOOKING_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#-]{3,63}$/;
export const ACCEPT_REASON_MIN_CHARS = 4;
export const ACCEPT_REASON_MAX_CHARS = 200;
export const ALERT_NOTE_MAX_CHARS = 200;
/** Events one alert keeps: the open, an acknowledgement and a closing step leave ample room. */
export const MAX_ALERT_EVENTS = 20;

const NEXT: Record<AlertAction, AlertStatus> = { acknowledge: 'ACKNOWLEDGED', resolve: 'RESOLVED', accept: 'ACCEPTED' };

/** What `action` turns an alert in `status` into, or the refusal (409) when it may not. */
export function alertTransition(status: AlertStatus, action: AlertAction): AlertStatus {
  if (status === 'RESOLVED' || status === 'ACCEPTED') return refuse('conflict', 'ALERT_CLOSED', `该差异${ALERT_STATUS_LABELS[status]}，不能再操作`);
  if (action === 'acknowledge' && status === 'ACKNOWLEDGED') return refuse('conflict', 'ALERT_ALREADY_ACKNOWLEDGED', '该差异已确认');
  return NEXT[action];
}

export const eventTypeOf = (status: AlertStatus): AlertEventType => (status === 'OPEN' ? 'OPENED' : status);


export const ALERT_ID_PATTERN = /^RA\d{8}[0-9A-F]{16}$/;
