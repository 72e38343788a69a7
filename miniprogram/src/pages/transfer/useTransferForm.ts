import type { Payee } from '@contract/schemas';
import { useState } from 'react';
import { findPayee, transfer } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { isPinShaped, PIN_MISSING } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { typedAmount } from '@/lib/money';
import { showResult } from '@/lib/result';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export interface ConfirmedPayee extends Payee {
  phone: string;
}

/** A transfer to another Jinlin customer: find the payee by phone, then amount, memo and PIN. */
export function useTransferForm() {
  const [phone, setPhone] = useState('');
  const [payee, setPayee] = useState<ConfirmedPayee | null>(null);
  const [lookingUp, setLookingUp] = useState(false);
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [memo, setMemo] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey, changing } = useSubmit();

  function changePhone(value: string) {
    setPhone(value);
    setPayee(null);
    resetKey();
  }

  async function lookUp() {
    if (!PHONE_PATTERN.test(phone)) return setError('请输入收款人 11 位手机号');
    setError('');
    setLookingUp(true);
    try {
      setPayee({ ...(await findPayee(phone)), phone });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLookingUp(false);
    }
  }

  async function submit() {
    if (!payee) return;
    if (!amount.parsed.ok) return setError(amount.parsed.message);
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const trimmedMemo = memo.trim();
    const body = {
      toPhone: payee.phone,
      amountFen: amount.parsed.amountFen,
      pin,
      ...(trimmedMemo ? { memo: trimmedMemo } : {}),
    };
    const result = await run((idempotencyKey) => transfer(body, idempotencyKey));
    if (result) showResult(result, payee.nameMasked);
    else setPin('');
  }

  return { phone, changePhone, payee, lookingUp, lookUp, amount, changeAmount: changing(setAmount), memo, setMemo, pin, setPin, busy, error, submit };
}

export type TransferForm = ReturnType<typeof useTransferForm>;
