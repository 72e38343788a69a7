import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ShareLinkView } from '@contract/rm-schemas';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { errorMessage } from '@/api/http';
import { goTo, PAGES } from '@/lib/nav';
import { getShareLinks } from '../../api';
import { dateOf } from '../../labels';
import '../../rm.css';

/** My share links, newest first, with their state; tap one for its card and poster. */
export default function LinksPage() {
  const { remote, reload } = useRemote(() => getShareLinks());
  const [more, setMore] = useState<{ items: ShareLinkView[]; cursor: string | null } | null>(null);
  const [error, setError] = useState('');
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const items = [...remote.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : remote.data.nextCursor;

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await getShareLinks(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        {items.length === 0 ? (
          <Text className='rm-empty'>还没有分享过产品</Text>
        ) : (
          items.map((link) => (
            <View key={link.code} className='rm-item rm-link' onClick={() => goTo(PAGES.rmShare, { code: link.code })}>
              <View className='rm-item__top'>
                <Text>{link.product.name}</Text>
                <Text className={link.status === 'ACTIVE' ? 'rm-badge' : 'rm-badge rm-badge--off'}>{link.statusLabel}</Text>
              </View>
              <Text className='rm-item__meta'>
                {link.campaign ?? '无活动'} · 创建于 {dateOf(link.createdAt)} · 有效期至 {dateOf(link.expiresAt)}
              </Text>
            </View>
          ))
        )}
      </View>
      {cursor && (
        <View className='actions'>
          <Button className='btn btn--ghost' onClick={loadMore}>
            加载更多
          </Button>
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}
