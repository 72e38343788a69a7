// Auto-pay (自动缴费): once a month, on or after the day the customer chose, the day close pays a
// saved payee's bill if it is within the customer's cap. Anything it cannot pay is reported to
// the customer instead of retried every night.
import type { BillLookup } from './bill.js';

export interface AutoPaySetting {
  capFen: number;
  /** 1–28, so every month has the day. */
  dayOfMonth: number;
  /** YYYY-MM of the last month the auto-pay ran to a conclusion (paid, or told the customer why not). */
  lastRunMonth: string | null;
}

export const MAX_AUTO_PAY_DAY = 28;

/** Whether the close of `closedDate` should try this payee. */
export function autoPayDue(setting: AutoPaySetting, closedDate: string): boolean {
  return Number(closedDate.slice(8, 10)) >= setting.dayOfMonth && setting.lastRunMonth !== closedDate.slice(0, 7);
}

export type AutoPayStep =
  | { action: 'PAY'; amountFen: number; period: string }
  /** Nothing due yet this month: try again at the next close, quietly. */
  | { action: 'WAIT' }
  /** Done for this month without paying; `notify` carries what to tell the customer. */
  | { action: 'SKIP'; code: string; notify: string | null };

/** What the auto-pay does with the bill the gateway showed. Only a bill is ever paid, and exactly
 *  its amount: a prepayment is the customer's own decision. */
export function autoPayStep(setting: AutoPaySetting, lookup: BillLookup, alreadyPaid: boolean): AutoPayStep {
  if (lookup.outcome === 'ACCOUNT_NOT_FOUND') return { action: 'SKIP', code: 'ACCOUNT_NOT_FOUND', notify: '缴费单位未查询到该户号' };
  if (lookup.outcome === 'NO_BILL') return { action: 'WAIT' };
  if (alreadyPaid) return { action: 'SKIP', code: 'ALREADY_PAID', notify: null };
  if (lookup.amountDueFen > setting.capFen) {
    return { action: 'SKIP', code: 'OVER_CAP', notify: `账单金额超过自动缴费上限 ¥${(setting.capFen / 100).toFixed(2)}，请手动缴费` };
  }
  return { action: 'PAY', amountFen: lookup.amountDueFen, period: lookup.period };
}
