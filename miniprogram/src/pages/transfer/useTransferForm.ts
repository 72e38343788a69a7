import type { Payee } from '@contract/schemas';
import { useRef, useState } from 'react';
import { findPayee, TRANSFER_PATH, transfer } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { usePayment } from '@/hooks/usePayment';
import { formatFen, typedAmount } from '@/lib/money';
import { showResult } from '@/lib/result';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export interface ConfirmedPayee extends Payee {
  phone: string;
}

/** A transfer to another Jinlin customer: find the payee by phone, then amount and memo, paid
 *  through the review and the PIN (usePayment).
 *  `maxSingleAmountFen` is the account's single-movement limit as the server sent it (never above
 *  the contract's largest amount). */
export function useTransferForm(maxSingleAmountFen: number) {
  const [phone, setPhone] = useState('');
  const [payee, setPayee] = useState<ConfirmedPayee | null>(null);
  const [lookingUp, setLookingUp] = useState(false);
  // A second tap can land before the disabled button renders: one lookup at a time.
  const lookupInFlight = useRef(false);
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [memo, setMemo] = useState('');
  const payment = usePayment();
  const { setError } = payment;

  function changePhone(value: string) {
    setPhone(value);
    setPayee(null);
  }

  async function lookUp() {
    if (lookupInFlight.current) return;
    if (!PHONE_PATTERN.test(phone)) return setError('请输入收款人 11 位手机号');
    lookupInFlight.current = true;
    setError('');
    setLookingUp(true);
    try {
      setPayee({ ...(await findPayee(phone)), phone });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      lookupInFlight.current = false;
      setLookingUp(false);
    }
  }

  function submit() {
    if (!payee) return;
    if (!amount.parsed.ok) return setError(amount.parsed.message);
    if (amount.parsed.amountFen > maxSingleAmountFen) return setError(`单笔转账金额不能超过 ${formatFen(maxSingleAmountFen)}`);
    const trimmedMemo = memo.trim();
    void payment.start({
      path: TRANSFER_PATH,
      body: { toPhone: payee.phone, amountFen: amount.parsed.amountFen, ...(trimmedMemo ? { memo: trimmedMemo } : {}) },
      send: transfer,
      onPaid: (result) => showResult(result, payee.nameMasked),
    });
  }

  return { phone, changePhone, payee, lookingUp, lookUp, amount, changeAmount: setAmount, memo, setMemo, payment, submit };
}

export type TransferForm = ReturnType<typeof useTransferForm>;
