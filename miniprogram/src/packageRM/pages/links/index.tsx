import { Button, Text, View } from '@tarojs/components';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { goTo, PAGES } from '@/lib/nav';
import { getShareLinks } from '../../api';
import { dateOf } from '../../labels';
import '../../rm.css';

/** My share links, newest first, with their state; tap one for its card and poster. */
export default function LinksPage() {
  const { remote, reload, items, cursor, loadMore, error } = usePagedRemote(getShareLinks);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;

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
