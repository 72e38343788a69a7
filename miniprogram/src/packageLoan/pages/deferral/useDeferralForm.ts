import type { DeferralPlanView, LoanView } from '@contract/loan-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { isPinShaped, PIN_MISSING } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { PAGES, replaceWith } from '@/lib/nav';
import { confirmDeferral, planDeferral } from '../../api';
import type { DeferralReason } from '../../labels';

/** A relief deferral: months and reason, the server's plan for them, then the PIN to confirm. */
export function useDeferralForm(loan: LoanView) {
  const [months, setMonths] = useState<number | null>(null);
  const [reason, setReason] = useState<DeferralReason | null>(null);
  const [plan, setPlan] = useState<DeferralPlanView | null>(null);
  const [planning, setPlanning] = useState(false);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

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

  async function submit() {
    if (!plan || months === null || reason === null) return;
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const body = { months, reason, pin };
    const updated = await run((idempotencyKey) => confirmDeferral(loan.loanId, body, idempotencyKey), body);
    if (!updated) return setPin('');
    replaceWith(PAGES.loanResult, {
      kind: 'DEFERRAL',
      loanId: updated.loanId,
      months,
      maturityDate: updated.maturityDate,
      annualizedRate: updated.annualizedRateDisplay,
      annualRate: updated.annualRateDisplay,
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
    pin,
    setPin,
    busy,
    error,
    submit,
  };
}
