// Early payoff: a quote (valid for minutes), then a commit that checks the quote still holds.
// The customer owes everything already due (with penalty through today), all principal not yet
// due, and on that principal the interest of any early repayment (prepayment.ts): the days of
// the current period elapsed, on the ACT/360 basis, and nothing within the cooling-off days.
import { refuse } from '../errors.js';
import { sumFen } from '../money.js';
import { assertIsoDate } from './dates.js';
import { accruePenalty } from './overdue.js';
import { currentRowIndex, earlyRepaymentInterest } from './prepayment.js';
import { type Amounts, isSettled, type LoanState, unpaidOf } from './state.js';

export const PAYOFF_QUOTE_TTL_MINUTES = 10;

export interface PayoffLine extends Amounts {
  period: number;
  /** The row's interest once paid off: scheduled for rows already due, accrued for the current
   *  row, nothing for rows after it. */
  settledInterestFen: number;
}

export interface PayoffQuote extends Amounts {
  /** Business date the quote is for. */
  asOf: string;
  validUntil: string;
  totalFen: number;
  accruedInterestDays: number;
  coolingOff: boolean;
  lines: PayoffLine[];
}

export function quotePayoff(loan: LoanState, today: string, now: Date): PayoffQuote {
  const validUntil = new Date(now.getTime() + PAYOFF_QUOTE_TTL_MINUTES * 60_000).toISOString();
  return { ...computePayoff(loan, today), validUntil };
}

function computePayoff(loan: LoanState, today: string): Omit<PayoffQuote, 'validUntil'> {
  assertIsoDate(today, 'today');
  if (today < loan.drawdownDate) throw new Error('payoff quoted before drawdown');
  if (loan.installments.every(isSettled)) refuse('unprocessable', 'LOAN_PAID_OFF', '该笔借款已结清');
  const accrued = accruePenalty(loan, today);
  const { installments } = accrued;
  const currentIndex = currentRowIndex(installments, today);
  const notYetDuePrincipalFen =
    currentIndex < 0 ? 0 : sumFen(installments.slice(currentIndex).map((row) => unpaidOf(row).principalFen));
  const early = earlyRepaymentInterest(accrued, notYetDuePrincipalFen, today);
  const lines: PayoffLine[] = [];
  installments.forEach((row, index) => {
    if (isSettled(row)) return;
    const unpaid = unpaidOf(row);
    if (row.dueDate <= today) {
      lines.push({ period: row.period, ...unpaid, settledInterestFen: row.interestFen });
    } else if (index === currentIndex) {
      // Interest already paid on this row is kept, not refunded, even above what accrued.
      const settledInterestFen = Math.max(early.interestFen, row.interestPaidFen);
      lines.push({
        period: row.period,
        penaltyFen: unpaid.penaltyFen,
        interestFen: settledInterestFen - row.interestPaidFen,
        principalFen: unpaid.principalFen,
        settledInterestFen,
      });
    } else {
      // Not yet begun: principal only, no interest beyond any already paid on it (a row paid
      // early and then moved by a deferral), which is kept as the current row's is.
      const settledInterestFen = row.interestPaidFen;
      lines.push({ period: row.period, penaltyFen: 0, interestFen: 0, principalFen: unpaid.principalFen, settledInterestFen });
    }
  });

  const penaltyFen = sumFen(lines.map((line) => line.penaltyFen));
  const interestFen = sumFen(lines.map((line) => line.interestFen));
  const principalFen = sumFen(lines.map((line) => line.principalFen));
  return {
    asOf: today,
    penaltyFen,
    interestFen,
    principalFen,
    totalFen: sumFen([penaltyFen, interestFen, principalFen]),
    accruedInterestDays: early.interestDays,
    coolingOff: early.coolingOff,
    lines,
  };
}

export type QuoteStanding = 'HOLDS' | 'EXPIRED' | 'STALE';

/** Whether a quote can still be paid at: it holds while unexpired, for today, with the loan as it
 *  was quoted (its payoff today is the quote's, line by line). */
export function quoteStanding(loan: LoanState, quote: PayoffQuote, today: string, now: Date): QuoteStanding {
  if (now.getTime() > Date.parse(quote.validUntil) || quote.asOf !== today) return 'EXPIRED';
  const fresh = computePayoff(loan, today);
  const sameLine = (a: PayoffLine, b: PayoffLine | undefined) =>
    b !== undefined &&
    a.period === b.period &&
    a.penaltyFen === b.penaltyFen &&
    a.interestFen === b.interestFen &&
    a.principalFen === b.principalFen &&
    a.settledInterestFen === b.settledInterestFen;
  return fresh.lines.length === quote.lines.length && fresh.lines.every((line, i) => sameLine(line, quote.lines[i])) ? 'HOLDS' : 'STALE';
}

/** Commits a quote: refuses it once expired or when the loan has changed since, then returns
 *  the loan with every row settled at the quoted amounts. */
export function payOff(loan: LoanState, quote: PayoffQuote, today: string, now: Date): LoanState {
  const standing = quoteStanding(loan, quote, today, now);
  if (standing === 'EXPIRED') refuse('conflict', 'PAYOFF_QUOTE_EXPIRED', '提前还款报价已过期，请重新获取');
  if (standing === 'STALE') refuse('conflict', 'PAYOFF_QUOTE_STALE', '借款信息已变化，请重新获取提前还款报价');
  const accrued = accruePenalty(loan, today);
  const byPeriod = new Map(quote.lines.map((line) => [line.period, line]));
  return {
    ...accrued,
    installments: accrued.installments.map((row) => {
      const line = byPeriod.get(row.period);
      if (!line) return row;
      return {
        ...row,
        interestFen: line.settledInterestFen,
        paymentFen: row.principalFen + line.settledInterestFen,
        principalPaidFen: row.principalFen,
        interestPaidFen: line.settledInterestFen,
        penaltyPaidFen: row.penaltyFen,
      };
    }),
  };
}
