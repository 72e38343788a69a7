import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BottomSheet } from '@/components/BottomSheet';
import { LoadMore } from '@/components/LoadMore';
import { Skeleton } from '@/components/Skeleton';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { useRemote } from '@/hooks/useRemote';
import { categoryParam, MERCHANT_CATEGORIES, type MerchantCategory } from '@/lib/merchant-categories';
import { goTo, PAGES } from '@/lib/nav';
import { type Community, getCommunities, getCommunityMerchants, type MerchantLine } from '../../api';
import { merchantMeta } from '../../labels';
import '../../community.css';

/** The community last chosen on this device: the directory opens on it next time. */
const COMMUNITY_KEY = 'jinlin.community';

type Chosen = Pick<Community, 'cityCode' | 'name'>;

function storedCommunity(): Chosen | null {
  const stored: unknown = Taro.getStorageSync(COMMUNITY_KEY);
  if (!stored || typeof stored !== 'object') return null;
  const { cityCode, name } = stored as { cityCode?: unknown; name?: unknown };
  return typeof cityCode === 'string' && typeof name === 'string' ? { cityCode, name } : null;
}

const sameCommunity = (a: Chosen, b: Chosen) => a.cityCode === b.cityCode && a.name === b.name;

/** The communities to choose from, the current one marked. */
function CommunitySheet({ communities, chosen, onChoose, onClose }: { communities: Community[]; chosen: Community; onChoose: (community: Community) => void; onClose: () => void }) {
  return (
    <BottomSheet id='community-sheet' title='选择社区' back={{ id: 'community-sheet-close', label: '取消', onClick: onClose }}>
      <View className='community-sheet'>
        {communities.map((community, index) => (
          <View key={`${community.cityCode}-${community.name}`} id={`community-option-${index}`} className='list-row community-option' onClick={() => onChoose(community)}>
            <View className='list-row__main'>
              <Text className='list-row__title'>{community.name}</Text>
              <Text className='meta'>{community.merchantCount} 家商户</Text>
            </View>
            {sameCommunity(community, chosen) && <Text className='community-option__mark'>✓ 当前</Text>}
          </View>
        ))}
      </View>
    </BottomSheet>
  );
}

function MerchantRow({ merchant }: { merchant: MerchantLine }) {
  return (
    <View id={`community-merchant-${merchant.merchantId}`} className='list-row merchant-row' onClick={() => goTo(PAGES.communityMerchant, { merchantId: merchant.merchantId })}>
      <View className='merchant__avatar merchant__avatar--small' aria-hidden='true'>
        <Text>{merchant.shortName.slice(0, 1)}</Text>
      </View>
      <View className='list-row__main'>
        <Text className='list-row__title order-row__title'>{merchant.shortName}</Text>
        <Text className='meta'>{merchantMeta({ merchantCategory: merchant.category, communityName: merchant.communityName })}</Text>
      </View>
      <Text className='menu__arrow'>›</Text>
    </View>
  );
}

/** The chosen community's merchants of the chosen category, paged with the server's cursor. */
function Merchants({ community, category }: { community: Community; category: MerchantCategory | null }) {
  const list = usePagedRemote(
    (cursor?: string) => getCommunityMerchants(community, category, cursor),
    `${community.cityCode}/${community.name}/${category ?? ''}`,
  );
  const { reload } = list;
  // Shown once the communities have loaded, after the page's show: the first page is asked here.
  useEffect(() => {
    void reload();
  }, [reload]);
  if (list.remote.status === 'loading') return <Skeleton />;
  if (list.remote.status === 'failed') return <RemoteStatus remote={list.remote} onRetry={list.reload} />;
  return (
    <>
      <View className='card'>
        {list.items.length === 0 ? (
          <Text id='merchants-empty' className='empty'>
            {category ? '该社区暂无此类商户' : '该社区暂无商户'}
          </Text>
        ) : (
          list.items.map((merchant) => <MerchantRow key={merchant.merchantId} merchant={merchant} />)
        )}
        {list.cursor && <LoadMore id='merchants-more' loading={list.loadingMore} onClick={list.loadMore} />}
      </View>
      <ErrorText message={list.error} />
    </>
  );
}

function Directory({ communities }: { communities: Community[] }) {
  const { params } = useRouter();
  const [remembered, setRemembered] = useState(storedCommunity);
  const [category, setCategory] = useState(() => categoryParam(params.category));
  const [picking, setPicking] = useState(false);
  // The remembered community while the server still lists it, else the first.
  const chosen = communities.find((community) => remembered && sameCommunity(community, remembered)) ?? communities[0]!;

  function choose(community: Community) {
    const next = { cityCode: community.cityCode, name: community.name };
    Taro.setStorageSync(COMMUNITY_KEY, next);
    setRemembered(next);
    setPicking(false);
  }

  return (
    <View className='page'>
      <View id='community-picker' className='card community-picker' onClick={() => setPicking(true)}>
        <View className='list-row__main'>
          <Text className='meta community-picker__label'>当前社区</Text>
          <Text id='community-name' className='list-row__title'>
            {chosen.name}
          </Text>
        </View>
        <Text className='community-picker__action'>切换社区 ›</Text>
      </View>
      <View className='chips community-tabs'>
        {[{ code: null, label: '全部' }, ...MERCHANT_CATEGORIES].map(({ code, label }) => (
          <View
            key={code ?? 'ALL'}
            id={`category-${code ?? 'ALL'}`}
            className={code === category ? 'chip chip--selected' : 'chip'}
            aria-selected={code === category}
            onClick={() => setCategory(code)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      <Merchants community={chosen} category={category} />
      {picking && <CommunitySheet communities={communities} chosen={chosen} onChoose={choose} onClose={() => setPicking(false)} />}
    </View>
  );
}

/** 社区商户: the merchants of a community that take payments here, by category. */
export default function CommunityMerchantsPage() {
  const { remote, reload } = useRemote(getCommunities);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.length === 0) {
    return (
      <View className='page'>
        <View className='card'>
          <Text id='communities-empty' className='empty'>
            暂无开通社区付款的社区
          </Text>
          <Text className='hint'>社区商户开通近邻银行收款后，将在这里列出。</Text>
        </View>
      </View>
    );
  }
  return <Directory communities={remote.data} />;
}
