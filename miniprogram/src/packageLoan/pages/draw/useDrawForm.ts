import type { CalculatorResponse, CreditLineView, LoanProductView } from '@contract/loan-schemas';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { usePayment } from '@/hooks/usePayment';
import { PAGES, replaceWith } from '@/lib/nav';
import { DRAW_PATH, drawLoan, quoteDrawdown } from '../../api';
import { type CheckedTerms, checkTerms, initialTerms } from '../../form';

export type Preview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; quote: CalculatorResponse }
  | { status: 'failed'; message: string };

const PREVIEW_DELAY_MS = 300;

/** The server's price of the terms being typed, asked for once typing pauses. */
function useDrawdownPreview(productId: string, checked: CheckedTerms): Preview {
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const amountFen = checked.ok ? checked.amountFen : null;
  const termMonths = checked.ok ? checked.termMonths : null;
  const method = checked.ok ? checked.method : null;

  useEffect(() => {
    if (amountFen === null || termMonths === null || method === null) {
      setPreview({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setPreview({ status: 'loading' });
    const timer = setTimeout(() => {
      quoteDrawdown({ productId, amountFen, termMonths, method }).then(
        (quote) => current && setPreview({ status: 'ready', quote }),
        (failure: unknown) => current && setPreview({ status: 'failed', message: errorMessage(failure) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [productId, amountFen, termMonths, method]);

  return preview;
}

/** A drawdown on a credit line: terms (priced as they are typed), then the payment. */
export function useDrawForm(line: CreditLineView, product: LoanProductView) {
  const [terms, setTerms] = useState(() => initialTerms(product));
  const payment = usePayment();
  // The smaller of two amounts the server gave: the product's maximum and what the line has left.
  const maxFen = Math.min(product.maxAmountFen, line.availableFen);
  const checked = checkTerms(terms, product.minAmountFen, maxFen);
  const preview = useDrawdownPreview(product.productId, checked);

  function submit() {
    if (!checked.ok) return payment.setError(checked.message);
    const { amountFen, termMonths, method } = checked;
    void payment.start({
      path: DRAW_PATH,
      body: { productId: line.productId, amountFen, termMonths, method },
      send: drawLoan,
      onPaid: (loan) =>
        replaceWith(PAGES.loanResult, {
          kind: 'DRAW',
          loanId: loan.loanId,
          amountFen: loan.principalFen,
          contractNo: loan.contractNo,
          annualizedRate: loan.annualizedRateDisplay,
          annualRate: loan.annualRateDisplay,
        }),
    });
  }

  return { terms, changeTerms: setTerms, maxFen, preview, payment, submit };
}
