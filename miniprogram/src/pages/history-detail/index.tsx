import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { HistoryEntry } from '@contract/schemas';
import { getHistoryEntry } from '@/api/bank';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { ReferenceRow } from '@/components/ReferenceRow';
import { ResultCard } from '@/components/ResultPage';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { STATUS_MESSAGES } from '@/lib/history';
import { formatFen } from '@/lib/money';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import './index.css';

/** The other entry of the same movement, opened by a tap: the one that gave the money back, or
 *  the one this gives back. */
function RelatedRow({ related }: { related: NonNullable<HistoryEntry['related']> }) {
  return (
    <View id='entry-related' className='info-row entry-related' onClick={() => goTo(PAGES.historyDetail, { entryId: related.journalId })}>
      <Text className='info-row__label'>{related.relation === 'RETURNED_BY' ? '退回交易' : '原交易'}</Text>
      <Text className='info-row__value entry-related__value'>
        {related.kindLabel} {related.reference} ›
      </Text>
    </View>
  );
}

/** One entry's receipt (交易详情), as the server keeps it: amount, status, 参考号 and the parties,
 *  masked; its signed e-receipt (电子回单) and a dispute of it (对此交易有疑问) one tap away. */
export default function HistoryDetailPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.entryId, getHistoryEntry);
  if (remote.status === 'missing') return <MissingTarget message='未找到这笔交易' next={{ label: '查看交易记录', onClick: () => replaceWith(PAGES.history) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const entry = remote.data;
  return (
    <View className='page result'>
      <ResultCard
        warn={entry.status !== 'SUCCEEDED'}
        message={STATUS_MESSAGES[entry.status]}
        messageId='entry-status'
        figure={{ label: entry.label, value: formatFen(entry.amountFen, { signed: true }), id: 'entry-amount' }}
      >
        <ReferenceRow reference={entry.reference} />
        <InfoRow label='交易时间' value={formatDateTime(entry.createdAt)} id='entry-time' />
        <InfoRow label='交易类型' value={entry.kindLabel} id='entry-kind' />
        <InfoRow label='交易对方' value={entry.counterparty} id='entry-counterparty' />
        <InfoRow label='本方账户' value={entry.accountNumberMasked} id='entry-account' />
        {entry.related && <RelatedRow related={entry.related} />}
      </ResultCard>
      <View className='actions'>
        <Button id='entry-receipt' className='btn btn--ghost' onClick={() => goTo(PAGES.receipt, { entryId: entry.journalId })}>
          电子回单
        </Button>
        <Button id='entry-dispute' className='btn btn--ghost' onClick={() => goTo(PAGES.complaintNew, { journalId: entry.journalId })}>
          对此交易有疑问
        </Button>
      </View>
    </View>
  );
}
