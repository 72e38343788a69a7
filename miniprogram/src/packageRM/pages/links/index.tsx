import { Text, View } from '@tarojs/components';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { goTo, PAGES } from '@/lib/nav';
import { getShareLinks } from '../../api';
import { PagedCard } from '../../components/PagedCard';
import { dateOf } from '../../labels';
import '../../rm.css';

/** My share links, newest first, with their state; tap one for its card and poster. */
export default function LinksPage() {
  const list = usePagedRemote(getShareLinks);
  return (
    <View className='page'>
      <PagedCard list={list} empty='还没有分享过产品'>
        {(link) => (
          <View key={link.code} className='rm-item rm-link' onClick={() => goTo(PAGES.rmShare, { code: link.code })}>
            <View className='rm-item__top'>
              <Text>{link.product.name}</Text>
              <Text className={link.status === 'ACTIVE' ? 'badge' : 'badge badge--muted'}>{link.statusLabel}</Text>
            </View>
            <Text className='meta'>
              {link.campaign ?? '无活动'} · 创建于 {dateOf(link.createdAt)} · 有效期至 {dateOf(link.expiresAt)}
            </Text>
          </View>
        )}
      </PagedCard>
    </View>
  );
}
