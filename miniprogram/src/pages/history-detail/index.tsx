import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { HistoryEntry } from '@contract/schemas';
import { cancelHeldTransfer, getHistoryEntry } from '@/api/bank';
import { BottomSheet } from '@/components/BottomSheet';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { ReferenceRow } from '@/components/ReferenceRow';
import { ResultCard } from '@/components/ResultPage';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useSubmit } from '@/hooks/useSubmit';
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

/** 撤销 a delayed transfer: what happens said before it is done, then the entry as the server answers. */
function CancelHeld({ entry, onCancelled }: { entry: HistoryEntry; onCancelled: () => void }) {
  const [asking, setAsking] = useState(false);
  const { run, busy, error } = useSubmit();
  const confirm = async () => {
    const cancelled = await run(() => cancelHeldTransfer(entry.journalId));
    setAsking(false);
    if (cancelled) onCancelled();
  };
  return (
    <View>
      <ErrorText message={error} />
      <Button id='entry-cancel-held' className='btn btn--ghost btn--danger' onClick={() => setAsking(true)}>
        撤销转账
      </Button>
      {asking && (
        <BottomSheet id='cancel-held-sheet' title='撤销转账' back={busy ? undefined : { id: 'cancel-held-back', label: '取消', onClick: () => setAsking(false) }}>
          <View className='risk'>
            <Text id='cancel-held-text' className='risk__delay'>
              {`撤销后，${formatFen(-entry.amountFen)} 将立即退回您的电子账户，收款人 ${entry.counterparty} 不会收到这笔钱。`}
            </Text>
          </View>
          <View className='sheet__actions'>
            <Button id='cancel-held-confirm' className={`btn btn--primary${busy ? ' btn--disabled' : ''}`} disabled={busy} onClick={busy ? undefined : confirm}>
              {busy ? '撤销中…' : '确认撤销'}
            </Button>
          </View>
        </BottomSheet>
      )}
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
        {entry.status === 'HELD' && entry.releaseAt && <InfoRow label='预计到账时间' value={formatDateTime(entry.releaseAt)} id='entry-release-at' />}
        {entry.related && <RelatedRow related={entry.related} />}
      </ResultCard>
      <View className='actions'>
        {entry.status === 'HELD' && <CancelHeld entry={entry} onCancelled={reload} />}
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
