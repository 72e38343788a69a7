// 销户 (closing the e-account): allowed only when nothing is outstanding — no loan owed, no wealth
// holding or order waiting, no bill payment with the biller, no freeze (挂失 or the console's). The
// pre-check lists every blocker at once, so the customer knows what to settle first. The balance
// is then swept to the bound card and the account is CLOSED for good: the ledger refuses every
// posting to it, credits included (store/ledger.ts). The customer's identity and transaction
// records are kept, not deleted: the PRC Anti-Money Laundering Law (revised 2024, in force
// 1 January 2025) keeps customer due-diligence records and transaction records at least 10 years
// after the business relationship ends (the 2006 law said 5), so the account records when that
// period ends (`retainUntil`); the deletion job removes the personal values after it
// (domain/data-rights.ts).
import type { AccountFreeze, AccountStatus } from './customer-service.js';

/** What stops a closing, in the order the pre-check lists them. */
export const CLOSURE_BLOCKERS = ['ACCOUNT_FROZEN', 'LOAN_OUTSTANDING', 'WEALTH_HOLDING', 'WEALTH_ORDER_PENDING', 'BILL_PAYMENT_IN_FLIGHT', 'TRANSFER_HELD'] as const;
export type ClosureBlocker = (typeof CLOSURE_BLOCKERS)[number];

export const CLOSURE_BLOCKER_TEXT: Record<ClosureBlocker, { title: string; message: string }> = {
  ACCOUNT_FROZEN: { title: '账户已冻结', message: '电子账户处于冻结或挂失状态，请先解除后再销户' },
  LOAN_OUTSTANDING: { title: '有未结清的贷款', message: '请先结清全部贷款后再销户' },
  WEALTH_HOLDING: { title: '持有理财产品', message: '请先赎回全部理财产品后再销户' },
  WEALTH_ORDER_PENDING: { title: '有处理中的理财交易', message: '请等待理财申购或赎回确认后再销户' },
  BILL_PAYMENT_IN_FLIGHT: { title: '有处理中的缴费', message: '请等待缴费处理完成后再销户' },
  TRANSFER_HELD: { title: '有延时到账的转账', message: '请等待延时到账的转账到账，或在交易详情中撤销后再销户' },
};

/** A closed account's record of its closing, kept on the account for the retention period. */
export interface AccountClosure {
  closedAt: string;
  /** The AML retention period's end: identity and transaction records are kept until then. */
  retainUntil: string;
  /** What was swept to the bound card (0: nothing was left). */
  sweptFen: number;
  /** The sweep's journal id (derived from the request: when nothing was swept, no journal has
   *  it), so a retry of the request that closed the account is known as such. */
  reference: string;
  sweptToCard: { bankName: string; cardNumberMasked: string };
}

/** What the pre-check weighs: the account and what the customer still has with the bank. */
export interface ClosureState {
  status: AccountStatus;
  freeze?: AccountFreeze;
  loansOutstanding: number;
  holdingsWithUnits: number;
  ordersPending: number;
  billPaymentsHeld: number;
  /** Transfers of the customer's the anti-fraud rules hold (延时到账), not yet released or returned. */
  transfersHeld: number;
}

/** Every blocker of closing, in the pre-check's order; none: the account may be closed. */
export function closureBlockers(state: ClosureState): ClosureBlocker[] {
  const blocked: Record<ClosureBlocker, boolean> = {
    ACCOUNT_FROZEN: state.status === 'FROZEN',
    LOAN_OUTSTANDING: state.loansOutstanding > 0,
    WEALTH_HOLDING: state.holdingsWithUnits > 0,
    WEALTH_ORDER_PENDING: state.ordersPending > 0,
    BILL_PAYMENT_IN_FLIGHT: state.billPaymentsHeld > 0,
    TRANSFER_HELD: state.transfersHeld > 0,
  };
  return CLOSURE_BLOCKERS.filter((blocker) => blocked[blocker]);
}

/** The end of the retention period: `years` after the relationship ended, same day and time. */
export function retentionEnd(closedAt: Date, years: number): Date {
  const end = new Date(closedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}
