import type { WealthPurchaseTerms } from '@contract/wealth-schemas';
import { useState } from 'react';
import { isPinShaped, PIN_MISSING } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { typedAmount } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { buyWealth } from '../../api';

/** A purchase under the server's terms: amount, the acknowledged risk disclosure, the PIN. */
export function useBuyForm(terms: WealthPurchaseTerms) {
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [acknowledged, setAcknowledged] = useState(false);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function submit() {
    if (!amount.parsed.ok) return setError(amount.parsed.message);
    if (!acknowledged) return setError('请阅读并确认产品风险揭示书');
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const body = {
      productId: terms.product.productId,
      amountFen: amount.parsed.amountFen,
      riskDisclosure: { acknowledged: true as const, version: terms.disclosure.version },
      pin,
    };
    const result = await run((idempotencyKey) => buyWealth(body, idempotencyKey), body);
    if (!result) return setPin('');
    const { order } = result;
    replaceWith(PAGES.wealthResult, {
      kind: 'BUY',
      productName: order.productName,
      balanceFen: result.balanceFen,
      confirmDate: order.confirmDate,
      orderId: order.orderId,
      ...(order.amountFen === null ? {} : { amountFen: order.amountFen }),
      ...(order.coolingOffEndsOn ? { coolingOffEndsOn: order.coolingOffEndsOn } : {}),
    });
  }

  return {
    amount,
    changeAmount: setAmount,
    acknowledged,
    toggleAcknowledged: () => setAcknowledged(!acknowledged),
    pin,
    setPin,
    busy,
    error,
    submit,
  };
}
