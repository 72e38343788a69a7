import type { ReactNode } from 'react';
import { type TypedAmount, typedAmount } from '@/lib/money';
import { Field } from './Field';

interface AmountInputProps {
  id: string;
  label: string;
  /** The yuan typed so far and the integer fen it parses to (lib/money.ts). */
  value: TypedAmount;
  onChange: (value: TypedAmount) => void;
  placeholder?: string;
  /** Ten integer digits, a point and two decimals. */
  maxlength?: number;
  /** Shown at the right end of the row. */
  extra?: ReactNode;
}

/** An amount in yuan: the customer types text, the form reads integer fen (or why it is not an
 *  amount) from `value.parsed`. No arithmetic happens here. */
export function AmountInput({ id, label, value, onChange, placeholder = '0.00', maxlength = 13, extra }: AmountInputProps) {
  return (
    <Field
      id={id}
      label={label}
      kind='amount'
      value={value.text}
      onChange={(text) => onChange(typedAmount(text))}
      maxlength={maxlength}
      placeholder={placeholder}
      extra={extra}
    />
  );
}
