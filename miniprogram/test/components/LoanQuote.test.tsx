import { describe, expect, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { CalculatorResponse } from '@contract/loan-schemas';
import { LoanQuote } from '@/packageLoan/components/LoanQuote';

/** A 3-month ¥12,000.00 quote as the server prices it: the last line absorbs the rounding, so
 *  its payment differs from the first by a fen, and the total interest is the schedule's — not
 *  amount × nominal rate × months (¥195.00), which a client computing it would show. */
const quote: CalculatorResponse = {
  productId: 'jinlin-e-loan',
  amountFen: 1200000,
  termMonths: 3,
  method: 'EQUAL_INSTALLMENT',
  grade: 'A',
  annualRateBps: 650,
  annualRateDisplay: '6.50%',
  annualizedRateBps: 651,
  annualizedRateDisplay: '6.51%',
  totalInterestFen: 13024,
  totalPaymentFen: 1213024,
  installments: [
    { period: 1, dueDate: '2026-04-02', principalFen: 397841, interestFen: 6500, paymentFen: 404341, closingPrincipalFen: 802159 },
    { period: 2, dueDate: '2026-05-02', principalFen: 399996, interestFen: 4345, paymentFen: 404341, closingPrincipalFen: 402163 },
    { period: 3, dueDate: '2026-06-02', principalFen: 402163, interestFen: 2179, paymentFen: 404342, closingPrincipalFen: 0 },
  ],
};

/** The value an InfoRow shows beside `label` (the row's second text). */
function rowValue(label: string): string | null | undefined {
  return screen.getByText(label).nextElementSibling?.textContent;
}

function byId(id: string): Element | null {
  return document.querySelector(`#${id}`);
}

describe('LoanQuote', () => {
  test('the rates are the strings the server wrote: the annualized (IRR) rate as the headline, the nominal beside it', () => {
    render(<LoanQuote idPrefix='calc' quote={quote} />);
    const annualized = byId('calc-annualized-rate');
    expect(annualized).toHaveTextContent(/^6\.51%$/);
    expect(annualized?.previousElementSibling).toHaveTextContent('年化利率（单利）');
    expect(screen.getByText('6.50%').previousElementSibling).toHaveTextContent('年利率');
  });

  test("the totals are the server's, formatted; nothing is recomputed from the amount or the rate", () => {
    render(<LoanQuote idPrefix='calc' quote={quote} />);
    expect(byId('calc-total-interest')).toHaveTextContent(/^¥130\.24$/);
    expect(rowValue('利息总额')).toBe('¥130.24');
    expect(rowValue('还款总额')).toBe('¥12,130.24');
    expect(screen.queryByText('¥195.00')).toBeNull();
  });

  test('every schedule line shows its period, due date, payment and parts exactly as given', () => {
    render(<LoanQuote idPrefix='calc' quote={quote} />);
    const schedule = screen.getByText('还款计划').parentElement!;
    expect(schedule.textContent).toBe(
      '还款计划' +
        '第 1 期2026-04-02¥4,043.41本金 ¥3,978.41 · 利息 ¥65.00' +
        '第 2 期2026-05-02¥4,043.41本金 ¥3,999.96 · 利息 ¥43.45' +
        '第 3 期2026-06-02¥4,043.42本金 ¥4,021.63 · 利息 ¥21.79',
    );
  });

  test.each([
    ['EQUAL_INSTALLMENT', [['每月还款', '¥4,043.41']]],
    ['EQUAL_PRINCIPAL', [['首月还款', '¥4,043.41'], ['末月还款', '¥4,043.42']]],
    ['INTEREST_FIRST', [['每月付息', '¥4,043.41'], ['到期还本付息', '¥4,043.42']]],
  ] as const)('%s: the headline payments are lines of the server schedule', (method, figures) => {
    render(<LoanQuote idPrefix='calc' quote={{ ...quote, method }} />);
    for (const [label, value] of figures) expect(rowValue(label)).toBe(value);
    const others = ['每月还款', '首月还款', '末月还款', '每月付息', '到期还本付息'].filter(
      (label) => !figures.some(([shown]) => shown === label),
    );
    for (const label of others) expect(screen.queryByText(label)).toBeNull();
  });

  test('a note given to the quote is shown under the totals', () => {
    render(
      <LoanQuote idPrefix='draw' quote={quote}>
        <span>以实际放款日计息</span>
      </LoanQuote>,
    );
    expect(screen.getByText('以实际放款日计息')).toBeInTheDocument();
    expect(byId('draw-annualized-rate')).toHaveTextContent('6.51%');
  });
});
