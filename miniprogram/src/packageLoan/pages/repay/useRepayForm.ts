import type { LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { isPinShaped, PIN_MISSING } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { type TypedAmount, typedAmount } from '@/lib/money';
import { repayLoan } from '../../api';
import { showRepaymentResult } from '../../repayment';

/** 'current': what the server says is payable now; 'custom': an amount the customer typed. */
export type RepayMode = 'current' | 'custom';

/** A repayment from the e-account: the server's amount due, or one of the customer's choosing. */
export function useRepayForm(loan: LoanView) {
  const [mode, setMode] = useState<RepayMode>('current');
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  function chooseCurrent() {
    setMode('current');
    setAmount(typedAmount(''));
  }

  function changeAmount(value: TypedAmount) {
    setAmount(value);
    setMode(value.text === '' ? 'current' : 'custom');
  }

  async function submit() {
    if (mode === 'custom' && !amount.parsed.ok) return setError(amount.parsed.message);
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    // Without an amount the server takes what is due now.
    const body = mode === 'custom' && amount.parsed.ok ? { amountFen: amount.parsed.amountFen, pin } : { pin };
    const result = await run((idempotencyKey) => repayLoan(loan.loanId, body, idempotencyKey), body);
    if (result) showRepaymentResult('REPAY', result);
    else setPin('');
  }

  return { mode, chooseCurrent, amount, changeAmount, pin, setPin, busy, error, submit };
}
