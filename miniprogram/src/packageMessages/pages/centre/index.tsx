import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MessageItem } from '@contract/messages-schemas';
import { LoadMore } from '@/components/LoadMore';
import { MenuRow } from '@/components/MenuRow';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getMessages, markRead, type MessageCategory } from '../../api';
import '../../messages.css';

const TABS: { value: MessageCategory | undefined; label: string }[] = [
  { value: undefined, label: '全部' },
  { value: 'MONEY', label: '动账' },
  { value: 'SECURITY', label: '安全' },
  { value: 'SERVICE', label: '服务' },
];

function MessageRow({ message }: { message: MessageItem }) {
  const entryId = message.entryId;
  return (
    <View
      className={`list-row message-item message-item--${message.category.toLowerCase()}`}
      onClick={entryId ? () => goTo(PAGES.historyDetail, { entryId }) : undefined}
    >
      <View className='list-row__main'>
        <View className='message-item__title'>
          <Text className='list-row__title'>{message.title}</Text>
          {message.unread && <View className='message-item__dot' aria-label='未读' />}
        </View>
        <Text className='message-item__body'>{message.body}</Text>
        <Text className='message-item__time'>{formatDateTime(message.at)}</Text>
      </View>
      {message.amountFen !== undefined && (
        <View className='list-row__side'>
          <Text className={`list-row__amount ${message.amountFen > 0 ? 'amount-in' : 'amount-out'}`}>{formatFen(message.amountFen, { signed: true })}</Text>
        </View>
      )}
    </View>
  );
}

/** 消息中心: money movements, security events and service notices, newest first; opening the
 *  whole list marks what it shows read. */
export default function MessageCentrePage() {
  const [category, setCategory] = useState<MessageCategory | undefined>(undefined);
  const { remote, reload, items, cursor, loadMore, loadingMore, error } = usePagedRemote((next) => getMessages(category, next), category ?? 'ALL');
  useReachBottom(() => {
    void loadMore();
  });
  const first = category === undefined && remote.status === 'ready' ? remote.data.items : [];
  const readUpTo = first.some((item) => item.unread) ? first[0]!.at : undefined;
  useEffect(() => {
    // Failing to move the mark loses nothing: the messages stay unread until the next visit.
    if (readUpTo) markRead(readUpTo).catch(() => undefined);
  }, [readUpTo]);

  return (
    <View className='page'>
      <View className='card menu'>
        <MenuRow id='go-message-settings' label='消息设置' onClick={() => goTo(PAGES.messageSettings)} />
      </View>
      <View className='card chips chips--standalone'>
        {TABS.map((tab) => (
          <View
            key={tab.label}
            id={`messages-tab-${(tab.value ?? 'all').toLowerCase()}`}
            className={tab.value === category ? 'chip chip--selected' : 'chip'}
            onClick={() => setCategory(tab.value)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      {remote.status !== 'ready' ? (
        <RemoteStatus remote={remote} onRetry={reload} />
      ) : items.length === 0 ? (
        <View id='messages-empty' className='card'>
          <Text className='empty'>暂无消息</Text>
        </View>
      ) : (
        <View className='card message-list'>
          {items.map((message) => (
            <MessageRow key={message.messageId} message={message} />
          ))}
          {cursor ? <LoadMore id='messages-more' loading={loadingMore} onClick={loadMore} /> : <Text className='empty'>没有更多消息了</Text>}
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}
