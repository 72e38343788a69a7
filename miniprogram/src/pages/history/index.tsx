import { Button, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { HistoryItem, JournalKind } from '@contract/schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getHistory } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
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

interface Pages {
  items: HistoryItem[];
  nextCursor: string | null;
}

function HistoryRow({ item }: { item: HistoryItem }) {
  return (
    <View className='history-item'>
      <View className={`history-item__icon history-item__icon--${item.kind.toLowerCase()}`}>
        <Text>{KIND_GLYPH[item.kind]}</Text>
      </View>
      <View className='history-item__body'>
        <Text className='history-item__label'>{item.label}</Text>
        <Text className='history-item__meta'>{item.counterparty}</Text>
      </View>
      <View className='history-item__side'>
        <Text className={`history-item__amount ${item.amountFen > 0 ? 'amount-in' : 'amount-out'}`}>
          {formatFen(item.amountFen, { signed: true })}
        </Text>
        <Text className='history-item__time'>{formatDateTime(item.createdAt)}</Text>
      </View>
    </View>
  );
}

export default function HistoryPage() {
  const [pages, setPages] = useState<Pages | null>(null);
  const [firstPageError, setFirstPageError] = useState('');
  const [moreError, setMoreError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const loadingRef = useRef(false);

  const loadFirstPage = useCallback(async () => {
    setFirstPageError('');
    try {
      const page = await getHistory();
      setPages({ items: page.items, nextCursor: page.nextCursor });
    } catch (failure) {
      setFirstPageError(errorMessage(failure));
    }
  }, []);

  const loadMore = useCallback(async () => {
    const cursor = pages?.nextCursor;
    if (!cursor || loadingRef.current) return;
    loadingRef.current = true;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await getHistory(cursor);
      setPages((current) => ({
        items: [...(current?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
      }));
    } catch (failure) {
      setMoreError(errorMessage(failure));
    } finally {
      loadingRef.current = false;
      setLoadingMore(false);
    }
  }, [pages]);

  useEffect(() => {
    void loadFirstPage();
  }, [loadFirstPage]);

  useReachBottom(() => {
    void loadMore();
  });

  if (firstPageError) return <LoadFailed message={firstPageError} onRetry={loadFirstPage} />;
  if (!pages) return <Loading />;

  if (pages.items.length === 0) {
    return (
      <View className='page'>
        <View id='history-empty' className='history-empty'>
          <Text className='history-empty__title'>暂无交易记录</Text>
          <Text className='history-empty__text'>充值、提现和转账的记录会显示在这里</Text>
        </View>
      </View>
    );
  }

  return (
    <View className='page'>
      <View className='card history-list'>
        {pages.items.map((item) => (
          <HistoryRow key={item.journalId} item={item} />
        ))}
      </View>
      {pages.nextCursor ? (
        <Button
          id='history-more'
          className={loadingMore ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'}
          disabled={loadingMore}
          onClick={loadingMore ? undefined : loadMore}
        >
          {loadingMore ? '加载中…' : '加载更多'}
        </Button>
      ) : (
        <Text className='history-end'>没有更多记录了</Text>
      )}
      <ErrorText message={moreError} />
    </View>
  );
}
