import type { WealthHoldingView } from '@contract/wealth-schemas';
import { useState } from 'react';
import { isPinShaped, PIN_MISSING } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { PAGES, replaceWith } from '@/lib/nav';
import { redeemWealth } from '../../api';
import { parseUnits } from '../../units';

export type RedeemMode = 'FAST' | 'NORMAL';

/** A redemption of units of one holding: how many, fast or normal, and the PIN. */
export function useRedeemForm(holding: WealthHoldingView) {
  const [units, setUnits] = useState('');
  const [mode, setMode] = useState<RedeemMode>(holding.fastRedemption ? 'FAST' : 'NORMAL');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function submit() {
    const parsed = parseUnits(units);
    if (!parsed.ok) return setError(parsed.message);
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const body = { productId: holding.productId, unitsCenti: parsed.unitsCenti, mode, pin };
    const result = await run((idempotencyKey) => redeemWealth(body, idempotencyKey), body);
    if (!result) return setPin('');
    const proceedsFen = result.fast?.proceedsFen ?? null;
    replaceWith(PAGES.wealthResult, {
      kind: 'REDEEM',
      productName: holding.productName,
      balanceFen: result.balanceFen,
      message: result.message,
      ...(proceedsFen === null ? {} : { amountFen: proceedsFen }),
    });
  }

  return { units, changeUnits: setUnits, mode, changeMode: setMode, pin, setPin, busy, error, submit };
}
