import { Button, Text, View } from '@tarojs/components';
import type { Remote } from '@/hooks/useRemote';
import { Skeleton } from '@/components/Skeleton';

export function ErrorText({ message }: { message: string }) {
  if (!message) return null;
  return (
    <Text id='error-message' className='error-text'>
      {message}
    </Text>
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='status'>
      <Text id='error-message' className='status__text status__text--error'>
        {message}
      </Text>
      <Button className='btn btn--ghost status__retry' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** What a page shows until its server data is ready: its skeleton, or the failure with 重试. */
export function RemoteStatus({ remote, onRetry }: { remote: Exclude<Remote<unknown>, { status: 'ready' }>; onRetry: () => void }) {
  return remote.status === 'loading' ? <Skeleton /> : <LoadFailed message={remote.message} onRetry={onRetry} />;
}
