import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { closeComplaint, getComplaint } from '../../api';
import '../../service.css';

/** One ticket: what the customer wrote (and the disputed movement), its status, the deadline, the
 *  corrections paid for the movement (差错调整) and, once given, the bank's answer — which the
 *  customer may accept, closing the ticket. */
export default function ComplaintPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.ticketId, getComplaint);
  const { busy, error, run } = useSubmit();
  if (remote.status === 'missing') return <MissingTarget message='未找到该投诉' next={{ label: '查看我的投诉', onClick: () => replaceWith(PAGES.complaints) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const ticket = remote.data;

  async function close() {
    if (await run(() => closeComplaint(ticket.ticketId))) await reload();
  }

  return (
    <View className='page'>
      <View className='card'>
        <InfoRow label='状态' value={ticket.statusLabel} id='ticket-status' />
        <InfoRow label='类别' value={ticket.categoryLabel} />
        <InfoRow label='受理时间' value={formatDateTime(ticket.openedAt)} />
        <InfoRow label='答复期限' value={formatDateTime(ticket.dueAt)} id='ticket-due' />
        <Text id='ticket-description' className='complaint__text'>{ticket.description}</Text>
      </View>
      {ticket.movement && (
        <View className='card'>
          <Text className='card__title'>争议交易</Text>
          <InfoRow label='交易' value={ticket.movement.label} />
          <InfoRow label='金额' value={formatFen(ticket.movement.amountFen, { signed: true })} />
          <InfoRow label='时间' value={formatDateTime(ticket.movement.createdAt)} />
          <InfoRow label='参考号' value={ticket.movement.reference} />
        </View>
      )}
      {ticket.corrections.length > 0 && (
        <View className='card' id='ticket-corrections'>
          <Text className='card__title'>差错调整</Text>
          {ticket.corrections.map((correction) => (
            <View key={correction.reference}>
              <InfoRow label='已入账' value={formatFen(correction.amountFen, { signed: true })} />
              <InfoRow label='入账时间' value={formatDateTime(correction.paidAt)} />
              <InfoRow label='参考号' value={correction.reference} />
            </View>
          ))}
          <Text className='hint'>款项已存入您的电子账户，可在交易明细中查看。</Text>
        </View>
      )}
      <View className='card'>
        <Text className='card__title'>银行答复</Text>
        {ticket.answer === null ? (
          <Text className='hint'>{`我们正在处理，将于 ${formatDateTime(ticket.dueAt)} 前答复您。`}</Text>
        ) : (
          <>
            <Text id='ticket-answer' className='complaint__text'>{ticket.answer}</Text>
            {ticket.answeredAt && <Text className='hint'>{`答复于 ${formatDateTime(ticket.answeredAt)}`}</Text>}
          </>
        )}
      </View>
      {ticket.status === 'ANSWERED' && (
        <SubmitActions id='ticket-close' busy={busy} onClick={() => void close()} error={error}>
          问题已解决，关闭投诉
        </SubmitActions>
      )}
    </View>
  );
}
