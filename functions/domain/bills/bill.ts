// What a biller gateway answers, as the rules see it: a bill lookup, a payment's fate, and the
// statement lines reconciliation compares with Jinlin's own settled payments.

/** A bill period: a month (2025-06), a year (2025), or a term code the biller uses. */
export const BILL_PERIOD = /^[0-9A-Z-]{4,12}$/;

export type BillLookup =
  | {
      outcome: 'BILL';
      /** Masked by the biller already (e.g. 林*). */
      holderNameMasked: string;
      period: string;
      amountDueFen: number;
      dueDate: string | null;
      /** Set when the account is in arrears (欠费): unpaid since `sinceDate`, `overdueFen` of
       *  earlier periods' bills and the late fee, both part of amountDueFen. */
      arrears: { sinceDate: string; overdueFen: number; lateFeeFen: number } | null;
    }
  | { outcome: 'NO_BILL'; holderNameMasked: string }
  | { outcome: 'ACCOUNT_NOT_FOUND' };

/** The gateway's answer to a payment: accepted with its own reference, or a definite no. */
export type PayAnswer = { ok: true; gatewayReference: string } | { ok: false; code: string; message: string };

/** What the gateway knows about a reference it may or may not have accepted. */
export type PaymentStatusAnswer =
  | { state: 'ACCEPTED'; gatewayReference: string; amountFen: number; settlementDate: string }
  | { state: 'UNKNOWN' };

export interface StatementLine {
  reference: string;
  gatewayReference: string;
  billerId: string;
  amountFen: number;
}

export const PAYMENT_STATUSES = ['HELD', 'SETTLED', 'VOIDED'] as const;
export type BillPaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<BillPaymentStatus, string> = {
  HELD: '处理中',
  SETTLED: '缴费成功',
  VOIDED: '缴费失败，款项已退回',
};

/** Customer-facing reasons a payment was voided. */
export function declinedMessage(gatewayMessage: string): string {
  return `缴费单位未受理本次缴费（${gatewayMessage}），款项已退回您的电子账户`;
}
export const TIMEOUT_MESSAGE = '缴费单位系统暂无响应，本次缴费未成功，款项已退回您的电子账户';
