import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { LoadMore } from '@/components/LoadMore';
import { ErrorText, RemoteStatus } from '@/components/Status';
import type { usePagedRemote } from '@/hooks/usePagedRemote';

interface PagedCardProps<T> {
  list: ReturnType<typeof usePagedRemote<T>>;
  /** Said when the list is empty. */
  empty: string;
  children: (item: T, index: number) => ReactNode;
}

/** A manager's paged list (links, customers): one card of rows, then 加载更多. */
export function PagedCard<T>({ list, empty, children }: PagedCardProps<T>) {
  if (list.remote.status !== 'ready') return <RemoteStatus remote={list.remote} onRetry={list.reload} />;
  return (
    <View>
      <View className='card'>
        {list.items.length === 0 ? <Text className='empty'>{empty}</Text> : list.items.map(children)}
      </View>
      {list.cursor && (
        <View className='actions'>
          <LoadMore loading={list.loadingMore} onClick={list.loadMore} />
        </View>
      )}
      <ErrorText message={list.error} />
    </View>
  );
}
