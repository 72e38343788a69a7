import { Button } from '@tarojs/components';

interface SubmitButtonProps {
  id: string;
  busy: boolean;
  onClick: () => void;
  children: string;
}

/**
 * The primary action of a form: disabled and relabelled while its request is in flight. No
 * `loading` spinner: in H5 it makes Taro's button re-render its slot and lose React's label node.
 */
export function SubmitButton({ id, busy, onClick, children }: SubmitButtonProps) {
  return (
    <Button
      id={id}
      className={busy ? 'btn btn--primary btn--disabled' : 'btn btn--primary'}
      disabled={busy}
      onClick={busy ? undefined : onClick}
    >
      {busy ? '处理中…' : children}
    </Button>
  );
}
