import type { CalculatorResponse, CreditLineView, LoanContractView, LoanProductView } from '@contract/loan-schemas';
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

/** A drawdown on a credit line: terms (priced as they are typed), the loan contract agreed to,
 *  then the payment. */
export function useDrawForm(line: CreditLineView, product: LoanProductView, contract: LoanContractView) {
  const [terms, setTerms] = useState(() => initialTerms(product));
  const [agreed, setAgreed] = useState(false);
  const payment = usePayment();
  // The smaller of two amounts the server gave: the product's maximum and what the line has left.
  const maxFen = Math.min(product.maxAmountFen, line.availableFen);
  const checked = checkTerms(terms, product.minAmountFen, maxFen);
  const preview = useDrawdownPreview(product.productId, checked);

  function submit() {
    if (!checked.ok) return payment.setError(checked.message);
    if (!agreed) return payment.setError('请阅读并同意借款合同');
    const { amountFen, termMonths, method } = checked;
    void payment.start({
      path: DRAW_PATH,
      // The version of the text the customer was shown, as the server published it.
      body: { productId: line.productId, amountFen, termMonths, method, contractConsent: { agreed: true as const, textVersion: contract.textVersion } },
      send: drawLoan,
      onPaid: (loan) =>
        replaceWith(PAGES.loanResult, {
          kind: 'DRAW',
          loanId: loan.loanId,
          reference: loan.drawdownReference,
          amountFen: loan.principalFen,
          contractNo: loan.contractNo,
          annualizedRate: loan.annualizedRateDisplay,
          annualRate: loan.annualRateDisplay,
        }),
    });
  }

  return { terms, changeTerms: setTerms, agreed, toggleAgreed: () => setAgreed((value) => !value), maxFen, preview, payment, submit };
}
