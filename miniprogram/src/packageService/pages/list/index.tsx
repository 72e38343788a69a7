import { Button, Text, View } from '@tarojs/components';
import { LoadMore } from '@/components/LoadMore';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getMyComplaints } from '../../api';
import '../../service.css';

/** 我的投诉: the customer's tickets, newest first, each with its status and deadline; a new
 *  complaint from here. */
export default function MyComplaintsPage() {
  const list = usePagedRemote(getMyComplaints);
  return (
    <View className='page'>
      {list.remote.status !== 'ready' ? (
        <RemoteStatus remote={list.remote} onRetry={list.reload} />
      ) : (
        <View className='card'>
          {list.items.length === 0 && <Text className='empty'>暂无投诉记录</Text>}
          {list.items.map((ticket) => (
            <View key={ticket.ticketId} className='row-link complaint-item' onClick={() => goTo(PAGES.complaint, { ticketId: ticket.ticketId })}>
              <View className='row-link__main'>
                <Text className='row-link__title'>{ticket.categoryLabel}</Text>
                <Text className='row-link__meta'>{`受理于 ${formatDateTime(ticket.openedAt)}`}</Text>
              </View>
              <View className='row-link__side'>
                <Text className={ticket.answer === null ? 'badge' : 'badge badge--muted'}>{ticket.statusLabel}</Text>
                {ticket.answer === null && <Text className='row-link__meta'>{`${formatDateTime(ticket.dueAt)} 前答复`}</Text>}
              </View>
            </View>
          ))}
          {list.cursor && <LoadMore loading={list.loadingMore} onClick={list.loadMore} />}
        </View>
      )}
      <ErrorText message={list.error} />
      <View className='actions'>
        <Button id='complaint-new' className='btn btn--primary' onClick={() => goTo(PAGES.complaintNew)}>
          提交投诉或建议
        </Button>
      </View>
    </View>
  );
}
