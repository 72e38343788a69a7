import type { WealthHoldingView } from '@contract/wealth-schemas';
import { useState } from 'react';
import { usePayment } from '@/hooks/usePayment';
import { PAGES, replaceWith } from '@/lib/nav';
import { REDEMPTION_PATH, redeemWealth } from '../../api';
import { parseUnits } from '../../units';

export type RedeemMode = 'FAST' | 'NORMAL';

/** A redemption of units of one holding: how many, fast or normal, then the review and PIN. */
export function useRedeemForm(holding: WealthHoldingView) {
  const [units, setUnits] = useState('');
  const [mode, setMode] = useState<RedeemMode>(holding.fastRedemption ? 'FAST' : 'NORMAL');
  const payment = usePayment();

  function submit() {
    const parsed = parseUnits(units);
    if (!parsed.ok) return payment.setError(parsed.message);
    void payment.start({
      path: REDEMPTION_PATH,
      body: { productId: holding.productId, unitsCenti: parsed.unitsCenti, mode },
      incoming: true,
      send: redeemWealth,
      onPaid: (result) => {
        const proceedsFen = result.fast?.proceedsFen ?? null;
        replaceWith(PAGES.wealthResult, {
          kind: 'REDEEM',
          productName: holding.productName,
          balanceFen: result.balanceFen,
          message: result.message,
          ...(proceedsFen === null ? {} : { amountFen: proceedsFen }),
          ...(result.reference === null ? {} : { reference: result.reference }),
        });
      },
    });
  }

  return { units, changeUnits: setUnits, mode, changeMode: setMode, payment, submit };
}
