import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Field } from './Field';
import { SubmitActions } from './SubmitButton';

const PIN_PATTERN = /^\d{6}$/;

/** The message for a payment PIN that is not six digits yet. */
export const PIN_MISSING = '请输入 6 位支付密码';

/** Six digits, the shape the server accepts; whether the PIN is right only the server knows. */
export function isPinShaped(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

interface PinFieldProps {
  value: string;
  onChange: (pin: string) => void;
  /** `pin-input` unless a form asks for more than one PIN. */
  id?: string;
  label?: string;
  placeholder?: string;
}

/** The 6-digit payment PIN (支付密码) that confirms a money movement: masked, digits only. */
export function PinField({
  value,
  onChange,
  id = 'pin-input',
  label = '支付密码',
  placeholder = '6 位数字',
}: PinFieldProps) {
  return <Field id={id} label={label} kind='pin' value={value} onChange={onChange} placeholder={placeholder} />;
}

/** The last step a money form's hook offers: the PIN, and the submission it confirms. */
export interface PinSubmission {
  pin: string;
  setPin: (pin: string) => void;
  busy: boolean;
  error: string;
  submit: () => void;
}

interface PinConfirmProps {
  /** Id of the submit button. */
  id: string;
  form: PinSubmission;
  /** Said between the PIN and the button. */
  note?: ReactNode;
  /** Further buttons after the submit button. */
  extra?: ReactNode;
  /** The submit button's label. */
  children: string;
}

/** The foot of a money form: the PIN in a card of its own, then the submit button and the error. */
export function PinConfirm({ id, form, note, extra, children }: PinConfirmProps) {
  return (
    <>
      <View className='card'>
        <PinField value={form.pin} onChange={form.setPin} />
      </View>
      {note}
      <SubmitActions id={id} busy={form.busy} error={form.error} onClick={form.submit} extra={extra}>
        {children}
      </SubmitActions>
    </>
  );
}
