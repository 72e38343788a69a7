import type { DeferralPlanView, LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { usePayment } from '@/hooks/usePayment';
import { PAGES, replaceWith } from '@/lib/nav';
import { confirmDeferral, deferralPath, planDeferral } from '../../api';
import type { DeferralReason } from '../../labels';

/** A relief deferral: months and reason, the server's plan for them, then the confirmation paid
 *  for like a money movement (review and PIN). */
export function useDeferralForm(loan: LoanView) {
  const [months, setMonths] = useState<number | null>(null);
  const [reason, setReason] = useState<DeferralReason | null>(null);
  const [plan, setPlan] = useState<DeferralPlanView | null>(null);
  const [planning, setPlanning] = useState(false);
  const payment = usePayment();
  const { setError } = payment;

  /** A new choice makes the plan on screen stale. */
  function choose<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPlan(null);
    };
  }

  async function showPlan() {
    if (months === null || reason === null) return setError('请选择延期期数和原因');
    setError('');
    setPlanning(true);
    try {
      setPlan(await planDeferral(loan.loanId, { months, reason }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPlanning(false);
    }
  }

  function submit() {
    if (!plan || months === null || reason === null) return;
    void payment.start({
      path: deferralPath(loan.loanId),
      body: { months, reason },
      send: (body, idempotencyKey) => confirmDeferral(loan.loanId, body, idempotencyKey),
      onPaid: (updated) =>
        replaceWith(PAGES.loanResult, {
          kind: 'DEFERRAL',
          loanId: updated.loanId,
          months,
          maturityDate: updated.maturityDate,
          annualizedRate: updated.annualizedRateDisplay,
          annualRate: updated.annualRateDisplay,
        }),
    });
  }

  return {
    months,
    chooseMonths: choose(setMonths),
    reason,
    chooseReason: choose(setReason),
    plan,
    planning,
    showPlan,
    payment,
    submit,
  };
}
