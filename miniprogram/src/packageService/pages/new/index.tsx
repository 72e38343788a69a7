import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getHistoryEntry } from '@/api/bank';
import { InfoRow } from '@/components/InfoRow';
import { type Option, Options } from '@/components/Options';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { characterCount, type ComplaintCategory, DESCRIPTION_MAX_CHARS, DESCRIPTION_MIN_CHARS, openComplaint } from '../../api';
import '../../service.css';

const GENERAL: readonly Option<ComplaintCategory>[] = [
  { value: 'SERVICE', label: '服务态度' },
  { value: 'PRODUCT', label: '产品问题' },
  { value: 'OTHER', label: '其他' },
];

/** The disputed movement, as the history shows it. */
function DisputedEntry({ entryId }: { entryId: string }) {
  const { remote, reload } = useRemoteTarget(entryId, getHistoryEntry);
  if (remote.status === 'missing') return null;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const entry = remote.data;
  return (
    <View className='card'>
      <Text className='card__title'>争议交易</Text>
      <InfoRow label='交易' value={entry.label} id='dispute-label' />
      <InfoRow label='金额' value={formatFen(entry.amountFen, { signed: true })} id='dispute-amount' />
      <InfoRow label='时间' value={formatDateTime(entry.createdAt)} />
      <InfoRow label='参考号' value={entry.reference} />
    </View>
  );
}

/** 投诉与建议: a complaint, or — opened from a movement's detail (its journalId) — a dispute of
 *  that movement. The bank answers within 15 days; the ticket's status is in 我的投诉. */
export default function NewComplaintPage() {
  const { params } = useRouter();
  const journalId = params.journalId || undefined;
  const [category, setCategory] = useState<ComplaintCategory | null>(journalId ? 'DISPUTE' : null);
  const [description, setDescription] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const length = characterCount(description.trim());

  async function submit() {
    if (!category) return setError('请选择投诉类别');
    if (length < DESCRIPTION_MIN_CHARS || length > DESCRIPTION_MAX_CHARS) return setError(`请用 ${DESCRIPTION_MIN_CHARS}–${DESCRIPTION_MAX_CHARS} 个字描述问题`);
    const ticket = await run(() => openComplaint({ category, description: description.trim(), ...(journalId ? { journalId } : {}) }));
    if (ticket) replaceWith(PAGES.complaint, { ticketId: ticket.ticketId });
  }

  return (
    <View className='page'>
      {journalId && <DisputedEntry entryId={journalId} />}
      <View className='card'>
        {journalId ? <Text className='card__title'>对此交易有疑问</Text> : <Options idPrefix='complaint-category' label='投诉类别' options={GENERAL} selected={category} onSelect={setCategory} />}
        <Textarea
          id='complaint-description'
          className='complaint__textarea'
          value={description}
          placeholder='请描述您遇到的问题'
          maxlength={DESCRIPTION_MAX_CHARS * 2}
          // One paragraph: the server takes no line breaks.
          onInput={(event) => setDescription(event.detail.value.replace(/\s*[\r\n]+\s*/g, ' '))}
        />
        <Text id='complaint-count' className='complaint__count'>{`${length}/${DESCRIPTION_MAX_CHARS}`}</Text>
        <Text className='hint'>我们将在受理之日起 15 日内答复，您可在「我的投诉」中查看处理进度与答复。</Text>
      </View>
      <SubmitActions id='complaint-submit' busy={busy} onClick={() => void submit()} error={error}>
        提交
      </SubmitActions>
    </View>
  );
}
