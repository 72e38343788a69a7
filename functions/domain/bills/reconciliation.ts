// Day-end reconciliation (对账): Jinlin's settled payments of a business date against the
// gateway's statement of the same date. Every difference is listed with what the bank does
// about it; nothing is corrected silently.
import { sumFen } from '../money.js';
import type { BillPaymentStatus, StatementLine } from './bill.js';

export interface SettledPayment {
  paymentId: string;
  billerId: string;
  amountFen: number;
}

export const MISMATCH_KINDS = ['MISSING_AT_GATEWAY', 'MISSING_IN_JINLIN', 'AMOUNT_DIFFERS'] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

/** REFUND_PENDING_REVIEW: the customer paid and the biller did not credit (all or part) — the
 *  money is held back from the biller's settlement and refunded after an operator's review.
 *  BILLER_TO_REVERSE: the biller credited money Jinlin did not send (or sent back to the
 *  customer) — the biller is asked to reverse the credit. */
export const RECONCILIATION_ACTIONS = ['REFUND_PENDING_REVIEW', 'BILLER_TO_REVERSE'] as const;
export type ReconciliationAction = (typeof RECONCILIATION_ACTIONS)[number];

export interface Mismatch {
  kind: MismatchKind;
  reference: string;
  billerId: string;
  jinlinAmountFen: number | null;
  gatewayAmountFen: number | null;
  /** Jinlin's status of the payment ('NONE': Jinlin has no payment with that reference). */
  jinlinStatus: BillPaymentStatus | 'NONE';
  action: ReconciliationAction;
  note: string;
}

export interface ReconciliationResult {
  matched: number;
  matchedFen: number;
  jinlinFen: number;
  gatewayFen: number;
  mismatches: Mismatch[];
}

/** Compares the two sides by reference. `statusOf` tells Jinlin's status of references the
 *  gateway has and Jinlin did not settle. */
export function reconcile(
  settled: readonly SettledPayment[],
  statement: readonly StatementLine[],
  statusOf: (reference: string) => BillPaymentStatus | 'NONE',
): ReconciliationResult {
  const gatewayByRef = new Map(statement.map((line) => [line.reference, line]));
  const jinlinRefs = new Set(settled.map((payment) => payment.paymentId));
  const mismatches: Mismatch[] = [];
  let matched = 0;
  const matchedAmounts: number[] = [];
  for (const payment of settled) {
    const line = gatewayByRef.get(payment.paymentId);
    if (!line) {
      mismatches.push({
        kind: 'MISSING_AT_GATEWAY',
        reference: payment.paymentId,
        billerId: payment.billerId,
        jinlinAmountFen: payment.amountFen,
        gatewayAmountFen: null,
        jinlinStatus: 'SETTLED',
        action: 'REFUND_PENDING_REVIEW',
        note: '近邻银行已扣款并清算，缴费单位无销账记录：暂缓向缴费单位划付该笔，核实后退款给客户',
      });
    } else if (line.amountFen !== payment.amountFen) {
      const overpaid = payment.amountFen > line.amountFen;
      mismatches.push({
        kind: 'AMOUNT_DIFFERS',
        reference: payment.paymentId,
        billerId: payment.billerId,
        jinlinAmountFen: payment.amountFen,
        gatewayAmountFen: line.amountFen,
        jinlinStatus: 'SETTLED',
        action: overpaid ? 'REFUND_PENDING_REVIEW' : 'BILLER_TO_REVERSE',
        note: overpaid
          ? '缴费单位销账金额少于客户实付金额：差额暂缓划付，核实后退还客户'
          : '缴费单位销账金额多于近邻银行划付金额：通知缴费单位冲正多销部分',
      });
    } else {
      matched += 1;
      matchedAmounts.push(payment.amountFen);
    }
  }
  for (const line of statement) {
    if (jinlinRefs.has(line.reference)) continue;
    const status = statusOf(line.reference);
    mismatches.push({
      kind: 'MISSING_IN_JINLIN',
      reference: line.reference,
      billerId: line.billerId,
      jinlinAmountFen: null,
      gatewayAmountFen: line.amountFen,
      jinlinStatus: status,
      action: 'BILLER_TO_REVERSE',
      note:
        status === 'VOIDED'
          ? '近邻银行已撤销该笔并将款项退回客户，缴费单位却已销账：通知缴费单位冲正'
          : '近邻银行无对应的成功缴费：通知缴费单位冲正该笔销账',
    });
  }
  return {
    matched,
    matchedFen: sumFen(matchedAmounts),
    jinlinFen: sumFen(settled.map((payment) => payment.amountFen)),
    gatewayFen: sumFen(statement.map((line) => line.amountFen)),
    mismatches,
  };
}
