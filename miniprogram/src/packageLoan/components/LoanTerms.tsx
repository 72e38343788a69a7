import type { LoanProductView } from '@contract/loan-schemas';
import { AmountInput } from '@/components/AmountInput';
import { Options } from '@/components/Options';
import { type LoanTermsChoice, methodOptions, productOptions, termOptions } from '../form';

interface LoanTermsProps {
  /** Ids `<idPrefix>-amount`, `<idPrefix>-term-<months>` and `<idPrefix>-method-<method>`. */
  idPrefix: string;
  product: LoanProductView;
  value: LoanTermsChoice;
  onChange: (value: LoanTermsChoice) => void;
  /** Offers the product first (`<idPrefix>-product-<productId>`) where there is a choice of it. */
  productChoice?: { products: readonly LoanProductView[]; onSelect: (productId: string) => void };
}

/** Amount, term and method, offered as the product allows (calculator, application, drawdown). */
export function LoanTerms({ idPrefix, product, value, onChange, productChoice }: LoanTermsProps) {
  return (
    <>
      {productChoice && (
        <Options
          idPrefix={`${idPrefix}-product`}
          label='产品'
          options={productOptions(productChoice.products)}
          selected={product.productId}
          onSelect={productChoice.onSelect}
        />
      )}
      <AmountInput id={`${idPrefix}-amount`} label='借款金额' value={value.amount} onChange={(amount) => onChange({ ...value, amount })} />
      <Options
        idPrefix={`${idPrefix}-term`}
        label='借款期限'
        options={termOptions(product)}
        selected={value.termMonths}
        onSelect={(termMonths) => onChange({ ...value, termMonths })}
      />
      <Options
        idPrefix={`${idPrefix}-method`}
        label='还款方式'
        options={methodOptions(product)}
        selected={value.method}
        onSelect={(method) => onChange({ ...value, method })}
      />
    </>
  );
}
