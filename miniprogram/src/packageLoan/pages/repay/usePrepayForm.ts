import type { LoanView, PrepaymentQuoteView } from '@contract/loan-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { usePayment } from '@/hooks/usePayment';
import { type TypedAmount, typedAmount } from '@/lib/money';
import { quotePrepayment, repaymentPath, repayLoan } from '../../api';
import type { PrepaymentAdjustment } from '../../labels';
import { showRepaymentResult } from '../../repayment';

/** A prepayment (提前还款): principal and the customer's choice of 减少月供 or 缩短期限, the
 *  server's quote of its interest and of the new schedule with its annualized rate, then the
 *  payment (review and PIN) carrying that choice. Nothing here is computed on the device. */
export function usePrepayForm(loan: LoanView) {
  const [principal, setPrincipal] = useState(() => typedAmount(''));
  const [adjustment, setAdjustment] = useState<PrepaymentAdjustment | null>(null);
  const [quote, setQuote] = useState<PrepaymentQuoteView | null>(null);
  const [quoting, setQuoting] = useState(false);
  const payment = usePayment();
  const { setError } = payment;

  // A new amount or choice makes the quote on screen stale.
  function changePrincipal(value: TypedAmount) {
    setPrincipal(value);
    setQuote(null);
  }

  function chooseAdjustment(value: PrepaymentAdjustment) {
    setAdjustment(value);
    setQuote(null);
  }

  async function showQuote() {
    if (!principal.parsed.ok) return setError(principal.parsed.message);
    if (adjustment === null) return setError('请选择减少月供或缩短期限');
    setError('');
    setQuoting(true);
    try {
      setQuote(await quotePrepayment(loan.loanId, { principalFen: principal.parsed.amountFen, adjustment }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setQuoting(false);
    }
  }

  function submit() {
    if (!quote) return;
    void payment.start({
      path: repaymentPath(loan.loanId),
      // What was quoted; the server works the amount out again and the review shows its figure.
      body: { prepayment: { principalFen: quote.principalFen, adjustment: quote.adjustment } },
      send: (body, idempotencyKey) => repayLoan(loan.loanId, body, idempotencyKey),
      onPaid: (result) => showRepaymentResult('PREPAY', result),
    });
  }

  return { principal, changePrincipal, adjustment, chooseAdjustment, quote, quoting, showQuote, payment, submit };
}
