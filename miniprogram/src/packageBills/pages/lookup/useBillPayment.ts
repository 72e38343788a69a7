import type { BillPaymentRequest, BillView } from '@contract/bill-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { usePayment } from '@/hooks/usePayment';
import { typedAmount, yuanInputText } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { BILL_PAYMENT_PATH, payBill, savePayee } from '../../api';

/** Paying the bill the gateway showed: the fixed amount, or one typed (a preset prefilled), then
 *  the review and PIN. */
export function useBillPayment(view: BillView, accountNumber: string) {
  const options = view.amount;
  const firstPresetFen = options && options.fixedFen === null ? options.presetsFen[0] : undefined;
  const [amount, setAmount] = useState(() => typedAmount(firstPresetFen === undefined ? '' : yuanInputText(firstPresetFen)));
  const payment = usePayment();

  function submit() {
    if (!options) return;
    let amountFen = options.fixedFen;
    if (amountFen === null) {
      if (!amount.parsed.ok) return payment.setError(amount.parsed.message);
      amountFen = amount.parsed.amountFen;
    }
    const target = view.payeeId ? { payeeId: view.payeeId } : { billerId: view.biller.billerId, accountNumber };
    const body: Omit<BillPaymentRequest, 'secondFactor'> = { ...target, amountFen, ...(view.bill ? { billPeriod: view.bill.period } : {}) };
    void payment.start({
      path: BILL_PAYMENT_PATH,
      body,
      send: payBill,
      onPaid: (result) => replaceWith(PAGES.billReceipt, { paymentId: result.paymentId, balanceFen: result.balanceFen }),
    });
  }

  return { amount, changeAmount: setAmount, payment, submit };
}

export type BillPayment = ReturnType<typeof useBillPayment>;

/** Keeping a looked-up account as a saved payee (常用缴费户), under a nickname. */
export function useSavePayee(view: BillView, accountNumber: string) {
  const [nickname, setNickname] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState('');

  async function save() {
    setError('');
    try {
      await savePayee({ nickname: nickname.trim() || view.biller.name, billerId: view.biller.billerId, accountNumber });
      setSaved(true);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return { nickname, setNickname, saved, error, save };
}
