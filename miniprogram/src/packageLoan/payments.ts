import type { CalculatorResponse } from '@contract/loan-schemas';
import type { RepaymentMethod } from './form';

export type ScheduleLine = CalculatorResponse['installments'][number];

export interface PaymentFigure {
  label: string;
  amountFen: number;
}

/** The payments worth a headline for a method, taken from the server's schedule. */
export function paymentFigures(
  method: RepaymentMethod,
  lines: readonly ScheduleLine[],
): PaymentFigure[] {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  switch (method) {
    case 'EQUAL_INSTALLMENT':
      return [{ label: '每月还款', amountFen: first.paymentFen }];
    case 'EQUAL_PRINCIPAL':
      return [
        { label: '首月还款', amountFen: first.paymentFen },
        { label: '末月还款', amountFen: last.paymentFen },
      ];
    case 'INTEREST_FIRST':
      return [
        { label: '每月付息', amountFen: first.paymentFen },
        { label: '到期还本付息', amountFen: last.paymentFen },
      ];
  }
}
