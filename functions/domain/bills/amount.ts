// Which amounts a payment may carry, from the biller's amount rule and the bill the gateway
// showed. The server decides; the mini-program shows the bounds it is given.
import { refuse } from '../errors.js';
import { assertFen } from '../money.js';
import type { BillLookup } from './bill.js';
import type { AmountRule } from './biller.js';

/** What the customer may pay right now: a fixed amount, or a range in steps. */
export interface AmountOptions {
  kind: AmountRule['kind'];
  /** Set when only one amount is accepted (the bill, exactly). */
  fixedFen: number | null;
  minFen: number;
  maxFen: number;
  stepFen: number;
  presetsFen: number[];
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The amounts a payment may carry, given the bill due (null: no bill). Throws a refusal when
 *  nothing can be paid (an exact-bill biller with no bill). */
export function amountOptions(rule: AmountRule, amountDueFen: number | null): AmountOptions {
  if (amountDueFen !== null) assertFen(amountDueFen, 'amountDueFen');
  switch (rule.kind) {
    case 'EXACT':
      if (amountDueFen === null || amountDueFen <= 0) return refuse('unprocessable', 'NO_BILL_DUE', '当前没有待缴账单');
      return { kind: rule.kind, fixedFen: amountDueFen, minFen: amountDueFen, maxFen: amountDueFen, stepFen: 1, presetsFen: [amountDueFen] };
    case 'AT_LEAST_BILL': {
      const due = amountDueFen ?? 0;
      // A bill larger than the biller's prepayment cap can still be paid in full.
      const minFen = Math.max(due, rule.minFen);
      const maxFen = Math.max(rule.maxFen, due);
      return { kind: rule.kind, fixedFen: null, minFen, maxFen, stepFen: 1, presetsFen: due > 0 ? [due] : [] };
    }
    case 'RANGE':
      return { kind: rule.kind, fixedFen: null, minFen: rule.minFen, maxFen: rule.maxFen, stepFen: rule.stepFen, presetsFen: rule.presetsFen };
  }
}

/** Refuses an amount the rule does not accept for this bill; returns the prepayment part (what
 *  a utility keeps beyond the bill). */
export function checkAmount(rule: AmountRule, amountDueFen: number | null, amountFen: number): { prepaymentFen: number } {
  assertFen(amountFen, 'amountFen');
  const options = amountOptions(rule, amountDueFen);
  if (options.fixedFen !== null && amountFen !== options.fixedFen) {
    refuse('unprocessable', 'AMOUNT_MUST_EQUAL_BILL', `请按账单金额 ${yuan(options.fixedFen)} 缴费`);
  }
  if (amountFen < options.minFen) {
    if (rule.kind === 'AT_LEAST_BILL' && amountDueFen !== null && amountDueFen >= options.minFen) {
      refuse('unprocessable', 'AMOUNT_BELOW_BILL', `缴费金额不能少于账单金额 ${yuan(amountDueFen)}`);
    }
    refuse('unprocessable', 'AMOUNT_OUT_OF_RANGE', `缴费金额须在 ${yuan(options.minFen)} 至 ${yuan(options.maxFen)} 之间`);
  }
  if (amountFen > options.maxFen) {
    refuse('unprocessable', 'AMOUNT_OUT_OF_RANGE', `缴费金额须在 ${yuan(options.minFen)} 至 ${yuan(options.maxFen)} 之间`);
  }
  if (amountFen % options.stepFen !== 0) {
    refuse('unprocessable', 'AMOUNT_STEP', `缴费金额须为 ${yuan(options.stepFen)} 的整数倍`);
  }
  // Only a utility keeps what is paid beyond the bill as a balance on the account.
  return { prepaymentFen: rule.kind === 'AT_LEAST_BILL' ? amountFen - (amountDueFen ?? 0) : 0 };
}

/** A prepaid biller (a range rule: phone top-up) is paid ahead, never billed: the customer
 *  chooses the amount. */
export const isPrepaid = (rule: AmountRule): boolean => rule.kind === 'RANGE';

/** The lookup as the customer is shown and pays it: for a prepaid biller only the account's
 *  holder — whatever its gateway reports due (a balance owed, last month's spend) is no bill. */
export function payableLookup<L extends BillLookup>(rule: AmountRule, lookup: L): L | { outcome: 'NO_BILL'; holderNameMasked: string } {
  return isPrepaid(rule) && lookup.outcome === 'BILL' ? { outcome: 'NO_BILL', holderNameMasked: lookup.holderNameMasked } : lookup;
}

/** The period a payment settles, when it pays a bill: what the per-bill duplicate guard keys on.
 *  A top-up pays no bill, so any number of them may go through. */
export function billPeriodPaid(rule: AmountRule, lookup: BillLookup): string | null {
  return !isPrepaid(rule) && lookup.outcome === 'BILL' ? lookup.period : null;
}
