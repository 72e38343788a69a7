import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ErrorText } from './Status';

interface SubmitButtonProps {
  id: string;
  busy: boolean;
  onClick: () => void;
  children: string;
  /** The form cannot be sent as it stands (e.g. an amount above what may be paid): greyed out,
   *  its label kept. */
  disabled?: boolean;
}

/**
 * The primary action of a form: disabled and relabelled while its request is in flight. No
 * `loading` spinner: in H5 it makes Taro's button re-render its slot and lose React's label node.
 */
export function SubmitButton({ id, busy, onClick, children, disabled = false }: SubmitButtonProps) {
  const off = busy || disabled;
  return (
    <Button
      id={id}
      className={off ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
      disabled={off}
      onClick={off ? undefined : onClick}
    >
      {busy ? '处理中…' : children}
    </Button>
  );
}

interface SubmitActionsProps extends SubmitButtonProps {
  /** What the last attempt answered, in the server's words ('' for nothing). */
  error: string;
  /** Further buttons after the primary one. */
  extra?: ReactNode;
}

/** The foot of a form: its primary action, then the error of the last attempt. */
export function SubmitActions({ error, extra, ...button }: SubmitActionsProps) {
  return (
    <>
      <View className='actions'>
        <SubmitButton {...button} />
        {extra}
      </View>
      <ErrorText message={error} />
    </>
  );
}
