import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { HistoryItem, JournalKind } from '@contract/schemas';
import { getHistory } from '@/api/bank';
import { LoadMore } from '@/components/LoadMore';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { formatFen } from '@/lib/money';
import { formatDateTime } from '@/lib/time';
import './index.css';

const KIND_GLYPH: Record<JournalKind, string> = {
  TOP_UP: '充',
  WITHDRAW: '提',
  WITHDRAW_REVERSAL: '退',
  TRANSFER: '转',
  LOAN_DRAWDOWN: '贷',
  LOAN_REPAYMENT: '还',
  WEALTH_PURCHASE: '理',
  WEALTH_REFUND: '退',
  WEALTH_REDEMPTION: '赎',
  WEALTH_INCOME: '益',
  BILL_HOLD: '缴',
  BILL_SETTLEMENT: '缴',
  BILL_VOID: '退',
};

function HistoryRow({ item }: { item: HistoryItem }) {
  return (
    <View className='list-row history-item'>
      <View className={`history-item__icon history-item__icon--${item.kind.toLowerCase()}`}>
        <Text>{KIND_GLYPH[item.kind]}</Text>
      </View>
      <View className='list-row__main'>
        <Text className='list-row__title history-item__label'>{item.label}</Text>
        <Text className='meta history-item__meta'>{item.counterparty}</Text>
      </View>
      <View className='list-row__side'>
        <Text className={`list-row__amount ${item.amountFen > 0 ? 'amount-in' : 'amount-out'}`}>
          {formatFen(item.amountFen, { signed: true })}
        </Text>
        <Text className='history-item__time'>{formatDateTime(item.createdAt)}</Text>
      </View>
    </View>
  );
}

function NoHistory() {
  return (
    <View className='page'>
      <View id='history-empty' className='history-empty'>
        <Text className='history-empty__title'>暂无交易记录</Text>
        <Text className='history-empty__text'>充值、提现和转账的记录会显示在这里</Text>
      </View>
    </View>
  );
}

export default function HistoryPage() {
  const { remote, reload, items, cursor, loadMore, loadingMore, error } = usePagedRemote(getHistory);
  useReachBottom(() => {
    void loadMore();
  });

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (items.length === 0) return <NoHistory />;
  return (
    <View className='page'>
      <View className='card history-list'>
        {items.map((item) => (
          <HistoryRow key={item.journalId} item={item} />
        ))}
      </View>
      {cursor ? (
        <LoadMore id='history-more' loading={loadingMore} onClick={loadMore} />
      ) : (
        <Text className='history-end'>没有更多记录了</Text>
      )}
      <ErrorText message={error} />
    </View>
  );
}
