import { View } from '@tarojs/components';
import type { CalculatorResponse } from '@contract/loan-schemas';
import type { ReactNode } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { formatFen } from '@/lib/money';
import { paymentFigures } from '../payments';
import { Rates } from './Rates';
import { PlanSchedule } from './Schedule';

interface LoanQuoteProps {
  /** Ids `<idPrefix>-annualized-rate` and `<idPrefix>-total-interest`. */
  idPrefix: string;
  quote: CalculatorResponse;
  /** A note under the totals. */
  children?: ReactNode;
}

/** A loan the server priced before borrowing (calculator, drawdown preview): its rates, headline
 *  payments and totals, then every installment. */
export function LoanQuote({ idPrefix, quote, children }: LoanQuoteProps) {
  return (
    <View>
      <View className='card'>
        <Rates id={`${idPrefix}-annualized-rate`} rates={quote} />
        {paymentFigures(quote.method, quote.installments).map((figure) => (
          <InfoRow key={figure.label} label={figure.label} value={formatFen(figure.amountFen)} />
        ))}
        <InfoRow label='利息总额' value={formatFen(quote.totalInterestFen)} id={`${idPrefix}-total-interest`} />
        <InfoRow label='还款总额' value={formatFen(quote.totalPaymentFen)} />
        {children}
      </View>
      <PlanSchedule lines={quote.installments} />
    </View>
  );
}
