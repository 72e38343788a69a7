// 挂失 (report loss): a customer who lost the phone (or the ID card, or the bound card's details)
// stops everything in one step — signed in, or signed out from any device through the identity
// check of 忘记支付密码 (domain/pin-reset.ts). At once every session is revoked, sign-in is
// refused, and the e-account is frozen for debits the way an operator's freeze is (the ledger
// refuses any debit of a FROZEN account; money still comes in, 只收不付). Only the customer lifts
// it, and only through the identity check; a new sign-in follows.
import type { AccountFreeze } from './customer-service.js';
import { refuse } from './errors.js';

export const LOST_ITEMS = ['PHONE', 'ID_CARD', 'BANK_CARD', 'OTHER'] as const;
export type LostItem = (typeof LOST_ITEMS)[number];
export const LOST_ITEM_LABELS: Record<LostItem, string> = { PHONE: '手机', ID_CARD: '身份证', BANK_CARD: '银行卡', OTHER: '其他' };

/** How the report was made: in the signed-in mini-program, or signed out via the identity check. */
export type LossReportChannel = 'SIGNED_IN' | 'IDENTITY_CHECK';

/** A loss report in force, as the customer record keeps it. */
export interface LossReport {
  reportedAt: string;
  lost: LostItem;
  via: LossReportChannel;
  /** Whether this report froze the account. An account an operator had already frozen stays
   *  under the operator's freeze, which only the console lifts. */
  frozeAccount: boolean;
}

/** The freeze a loss report puts on an ACTIVE account; its kind keeps the console from lifting it. */
export function lossFreeze(reportedAt: string): AccountFreeze {
  return { kind: 'LOSS_REPORT', reason: '客户挂失', frozenAt: reportedAt, operatorId: 'customer', login: '客户本人' };
}

export const refuseAlreadyReported = (): never => refuse('conflict', 'LOSS_ALREADY_REPORTED', '您的账户已挂失，无需重复办理');
export const refuseNotReported = (): never => refuse('unprocessable', 'LOSS_NOT_REPORTED', '您的账户未挂失，无需解除');

export function assertNotReported(report: LossReport | undefined): void {
  if (report) refuseAlreadyReported();
}

export function assertReported(report: LossReport | undefined): LossReport {
  return report ?? refuseNotReported();
}

/** While a loss is reported nobody signs in as the customer: the lost phone's WeChat would
 *  otherwise sign straight back in. */
export function refuseSignInWhileReported(report: LossReport | undefined): void {
  if (report) refuse('forbidden', 'ACCOUNT_LOSS_REPORTED', '您的账户已挂失，暂停登录和付款。解除挂失请通过本人身份核验办理，或联系近邻银行客服');
}

/** Whether a session (or an access token) begun at `startedAtMs` was revoked by a report or a
 *  lift at `revokedAt`. The same millisecond counts as before: a revocation errs on ending. */
export function sessionRevoked(startedAtMs: number, revokedAt: string | undefined): boolean {
  return revokedAt !== undefined && startedAtMs <= Date.parse(revokedAt);
}
