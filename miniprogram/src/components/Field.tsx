import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** What the customer types; decides the keyboard and which characters are kept. */
export type FieldKind = 'text' | 'digits' | 'amount' | 'idcard';

const isH5 = process.env.TARO_ENV === 'h5';

// H5 gets text inputs with an inputmode: an <input type="number"> reports "" while "1." is being
// typed, which would wipe a controlled amount field.
const H5_INPUT_MODE: Record<FieldKind, string> = {
  text: 'text',
  digits: 'numeric',
  amount: 'decimal',
  idcard: 'text',
};

const WEAPP_TYPE = {
  text: 'text',
  digits: 'number',
  amount: 'digit',
  idcard: 'idcard',
} as const;

function keepAllowed(kind: FieldKind, value: string): string {
  switch (kind) {
    case 'digits':
      return value.replace(/\D/g, '');
    case 'amount':
      return value.replace(/[^\d.]/g, '');
    case 'idcard':
      return value.replace(/[^\dXx]/g, '').toUpperCase();
    case 'text':
      return value;
  }
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  kind?: FieldKind;
  placeholder?: string;
  maxlength?: number;
  disabled?: boolean;
  /** Shown at the right end of the row, e.g. a lookup button. */
  extra?: ReactNode;
}

export function Field({
  id,
  label,
  value,
  onChange,
  kind = 'text',
  placeholder,
  maxlength,
  disabled,
  extra,
}: FieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input
        id={id}
        className={kind === 'amount' ? 'field__input field__input--amount' : 'field__input'}
        value={value}
        type={isH5 ? 'text' : WEAPP_TYPE[kind]}
        nativeProps={isH5 ? { inputMode: H5_INPUT_MODE[kind], autoComplete: 'off' } : undefined}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        maxlength={maxlength ?? 140}
        disabled={disabled}
        onInput={(event) => onChange(keepAllowed(kind, event.detail.value))}
      />
      {extra}
    </View>
  );
}
