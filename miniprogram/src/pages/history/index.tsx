import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { HistoryItem, JournalKind } from '@contract/schemas';
import { getHistory, type HistoryFilter } from '@/api/bank';
import { LoadMore } from '@/components/LoadMore';
import { MenuRow } from '@/components/MenuRow';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { byMonth, DIRECTION_CHIPS, GROUP_CHIPS, isUndone, STATUS_TAGS } from '@/lib/history';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import './index.css';

const KIND_GLYPH: Record<JournalKind, string> = {
  TOP_UP: '充',
  WITHDRAW: '提',
  WITHDRAW_REVERSAL: '退',
  TRANSFER: '转',
  TRANSFER_HOLD: '转',
  TRANSFER_RELEASE: '转',
  TRANSFER_RETURN: '退',
  LOAN_DRAWDOWN: '贷',
  LOAN_REPAYMENT: '还',
  WEALTH_PURCHASE: '理',
  WEALTH_REFUND: '退',
  WEALTH_REDEMPTION: '赎',
  WEALTH_INCOME: '益',
  BILL_HOLD: '缴',
  BILL_SETTLEMENT: '缴',
  BILL_VOID: '退',
  CORRECTION: '调',
  MERCHANT_PAYMENT: '购',
  MERCHANT_REFUND: '退',
  RESERVE_DEPOSIT: '保',
  MERCHANT_SETTLEMENT: '结',
  SETTLEMENT_RETURN: '退',
};

function HistoryRow({ item }: { item: HistoryItem }) {
  const tag = STATUS_TAGS[item.status];
  const tone = isUndone(item.status) ? 'amount-undone' : item.amountFen > 0 ? 'amount-in' : 'amount-out';
  return (
    <View className='list-row history-item' onClick={() => goTo(PAGES.historyDetail, { entryId: item.journalId })}>
      <View className={`history-item__icon history-item__icon--${item.kind.toLowerCase()}`}>
        <Text>{KIND_GLYPH[item.kind]}</Text>
      </View>
      <View className='list-row__main'>
        <Text className='list-row__title history-item__label'>{item.label}</Text>
        <Text className='meta history-item__meta'>{item.counterparty}</Text>
      </View>
      <View className='list-row__side'>
        <Text className={`list-row__amount ${tone}`}>{formatFen(item.amountFen, { signed: true })}</Text>
        {tag && <Text className='badge badge--muted history-item__tag'>{tag}</Text>}
        <Text className='history-item__time'>{formatDateTime(item.createdAt)}</Text>
      </View>
    </View>
  );
}

function FilterChips<T extends string>({ name, chips, value, onSelect }: { name: string; chips: { value: T | undefined; label: string }[]; value: T | undefined; onSelect: (value: T | undefined) => void }) {
  return (
    <View className='chips history-filter'>
      {chips.map((chip) => (
        <View
          key={chip.label}
          id={`history-${name}-${(chip.value ?? 'all').toLowerCase()}`}
          className={chip.value === value ? 'chip chip--selected' : 'chip'}
          onClick={() => onSelect(chip.value)}
        >
          <Text>{chip.label}</Text>
        </View>
      ))}
    </View>
  );
}

function NoHistory({ filtered }: { filtered: boolean }) {
  return (
    <View id='history-empty' className='history-empty'>
      <Text className='history-empty__title'>{filtered ? '没有符合条件的记录' : '暂无交易记录'}</Text>
      <Text className='history-empty__text'>{filtered ? '换个筛选条件试试' : '充值、提现和转账的记录会显示在这里'}</Text>
    </View>
  );
}

/** The account's movements, newest first, in month sections; filtered on the server. */
export default function HistoryPage() {
  const [filter, setFilter] = useState<HistoryFilter>({});
  const { remote, reload, items, cursor, loadMore, loadingMore, error } = usePagedRemote(
    (next) => getHistory(filter, next),
    `${filter.direction ?? ''}/${filter.group ?? ''}`,
  );
  useReachBottom(() => {
    void loadMore();
  });

  return (
    <View className='page'>
      <View className='card menu'>
        <MenuRow id='history-statements' label='对账单（PDF）' onClick={() => goTo(PAGES.statements)} />
      </View>
      <View className='card history-filters'>
        <FilterChips name='direction' chips={DIRECTION_CHIPS} value={filter.direction} onSelect={(direction) => setFilter({ ...filter, direction })} />
        <FilterChips name='group' chips={GROUP_CHIPS} value={filter.group} onSelect={(group) => setFilter({ ...filter, group })} />
      </View>
      {remote.status !== 'ready' ? (
        <RemoteStatus remote={remote} onRetry={reload} />
      ) : items.length === 0 ? (
        <NoHistory filtered={filter.direction !== undefined || filter.group !== undefined} />
      ) : (
        <>
          {byMonth(items).map((section) => (
            <View key={section.title} className='history-month'>
              <Text className='history-month__title'>{section.title}</Text>
              <View className='card history-list'>
                {section.items.map((item) => (
                  <HistoryRow key={item.journalId} item={item} />
                ))}
              </View>
            </View>
          ))}
          {cursor ? <LoadMore id='history-more' loading={loadingMore} onClick={loadMore} /> : <Text className='history-end'>没有更多记录了</Text>}
        </>
      )}
      <ErrorText message={error} />
    </View>
  );
}
