import type { LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { usePayment } from '@/hooks/usePayment';
import { type TypedAmount, typedAmount } from '@/lib/money';
import { repaymentPath, repayLoan } from '../../api';
import { showRepaymentResult } from '../../repayment';

/** 'current': what the server says is payable now; 'custom': an amount the customer typed. */
export type RepayMode = 'current' | 'custom';

/** A repayment from the e-account: the server's amount due, or one of the customer's choosing. */
export function useRepayForm(loan: LoanView) {
  const [mode, setMode] = useState<RepayMode>('current');
  const [amount, setAmount] = useState(() => typedAmount(''));
  const payment = usePayment();

  function chooseCurrent() {
    setMode('current');
    setAmount(typedAmount(''));
  }

  function changeAmount(value: TypedAmount) {
    setAmount(value);
    setMode(value.text === '' ? 'current' : 'custom');
  }

  function submit() {
    if (mode === 'custom' && !amount.parsed.ok) return payment.setError(amount.parsed.message);
    void payment.start({
      path: repaymentPath(loan.loanId),
      // Without an amount the server takes what is due now.
      body: mode === 'custom' && amount.parsed.ok ? { amountFen: amount.parsed.amountFen } : {},
      send: (body, idempotencyKey) => repayLoan(loan.loanId, body, idempotencyKey),
      onPaid: (result) => showRepaymentResult('REPAY', result),
    });
  }

  return { mode, chooseCurrent, amount, changeAmount, payment, submit };
}
