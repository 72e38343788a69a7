import type { WealthPurchaseTerms } from '@contract/wealth-schemas';
import { useState } from 'react';
import { usePayment } from '@/hooks/usePayment';
import { typedAmount } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { buyWealth, PURCHASE_PATH } from '../../api';

/** A purchase under the server's terms: amount and the acknowledged risk disclosure, then the
 *  payment. */
export function useBuyForm(terms: WealthPurchaseTerms) {
  const [amount, setAmount] = useState(() => typedAmount(''));
  const [acknowledged, setAcknowledged] = useState(false);
  const payment = usePayment();

  function submit() {
    if (!amount.parsed.ok) return payment.setError(amount.parsed.message);
    if (!acknowledged) return payment.setError('请阅读并确认产品风险揭示书');
    void payment.start({
      path: PURCHASE_PATH,
      body: {
        productId: terms.product.productId,
        amountFen: amount.parsed.amountFen,
        riskDisclosure: { acknowledged: true as const, version: terms.disclosure.version },
      },
      send: buyWealth,
      onPaid: ({ order, balanceFen, reference }) =>
        replaceWith(PAGES.wealthResult, {
          kind: 'BUY',
          reference,
          productName: order.productName,
          balanceFen,
          confirmDate: order.confirmDate,
          orderId: order.orderId,
          ...(order.amountFen === null ? {} : { amountFen: order.amountFen }),
          ...(order.cancellableUntil ? { cancellableUntil: order.cancellableUntil } : {}),
        }),
    });
  }

  return {
    amount,
    changeAmount: setAmount,
    acknowledged,
    toggleAcknowledged: () => setAcknowledged(!acknowledged),
    payment,
    submit,
  };
}
