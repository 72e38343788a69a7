// 开放平台 › 合作方 › 推送记录: a partner's webhook events, newest first — each with its status over
// the partner's URLs (成功 / 重试中 / 失败), the attempts of the schedule running now, when the next
// one falls due and what the partner's server last answered — and, for those who draft
// (partners.draft), 重新推送: an attempt to each URL now and the schedule from its start. It changes
// no configuration, so no checker; the server records it in the audit log.
import { Alert, Button, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { fetchWebhookEvents, redeliverWebhookEvent, type WebhookEvent } from '@/api/partners';
import { chinaTime } from '@/pages/AuditLog';

type Delivery = WebhookEvent['deliveries'][number];
type Attempt = Delivery['attempts'][number];

const STATUS_COLORS: Record<WebhookEvent['status'], string> = { DELIVERED: 'success', PENDING: 'processing', FAILED: 'error', NO_URL: 'default' };

const ERROR_LABELS: Record<NonNullable<Attempt['error']>, string> = {
  URL_REFUSED: '地址不符合要求',
  ADDRESS_REFUSED: '域名解析到内网或保留地址',
  DNS_FAILED: '域名解析失败',
  TIMEOUT: '超时未应答',
  CONNECTION_FAILED: '连接失败',
};

const attemptResult = (attempt: Attempt) => (attempt.httpStatus !== undefined ? `HTTP ${attempt.httpStatus}` : ERROR_LABELS[attempt.error!]);

function LastResult({ delivery }: { delivery: Delivery }) {
  const last = delivery.attempts.at(-1);
  if (!last) return <span>—</span>;
  return (
    <Space direction="vertical" size={0}>
      <span>
        {attemptResult(last)}（{last.durationMs} 毫秒）
      </span>
      {last.response && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: last.response }} style={{ maxWidth: 220 }}>
          {last.response}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One line per URL when the partner has two. */
const perUrl = (event: WebhookEvent, render: (delivery: Delivery) => JSX.Element | string) =>
  event.deliveries.length === 0 ? '—' : <Space direction="vertical" size={4}>{event.deliveries.map((delivery) => <div key={delivery.url}>{render(delivery)}</div>)}</Space>;

export function WebhookLogDrawer({ partnerId, partnerName, canRedeliver, onClose }: { partnerId: string; partnerName: string; canRedeliver: boolean; onClose: () => void }) {
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [redelivered, setRedelivered] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchWebhookEvents(partnerId, after);
        setEvents((shown) => (after ? [...shown, ...page.events] : page.events));
        setNextCursor(page.nextCursor);
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setLoading(false);
      }
    },
    [partnerId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const redeliver = async (eventId: string) => {
    setError(undefined);
    setRedelivered(undefined);
    try {
      const updated = await redeliverWebhookEvent(partnerId, eventId);
      setEvents((shown) => shown.map((event) => (event.eventId === eventId ? updated : event)));
      setRedelivered(eventId);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const columns: ColumnsType<WebhookEvent> = [
    { title: '事件类型', dataIndex: 'typeLabel', width: 120 },
    { title: '事件ID', dataIndex: 'eventId', width: 150, render: (eventId: string) => <code>{eventId}</code> },
    { title: '发生时间', dataIndex: 'createdAt', width: 160, render: (createdAt: string) => chinaTime(createdAt) },
    { title: '状态', dataIndex: 'status', width: 110, render: (_, event) => <Tag color={STATUS_COLORS[event.status]}>{event.statusLabel}</Tag> },
    {
      title: '尝试次数',
      key: 'attempts',
      width: 150,
      render: (_, event) => perUrl(event, (delivery) => `${event.deliveries.length > 1 ? `${new URL(delivery.url).pathname} ` : ''}${delivery.attemptsMade} / 8（${delivery.statusLabel}）`),
    },
    { title: '下次推送', dataIndex: 'nextAttemptAt', width: 160, render: (_, event) => (event.nextAttemptAt ? chinaTime(event.nextAttemptAt) : '—') },
    { title: '最近结果', key: 'last', render: (_, event) => perUrl(event, (delivery) => <LastResult delivery={delivery} />) },
    ...(canRedeliver
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, event: WebhookEvent) => (
              <Popconfirm title="重新推送该事件？" description="立即向合作方的每个通知地址推送一次，并重新开始重试计划。" okText="重新推送" cancelText="取消" onConfirm={() => redeliver(event.eventId)}>
                <Button type="link">重新推送</Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Drawer title={`推送记录 · ${partnerName}`} open width={1100} onClose={onClose} destroyOnHidden>
      {error && <Alert id="webhook-log-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {redelivered && <Alert id="webhook-redelivered" type="success" showIcon message={`已安排重新推送事件 ${redelivered}，将在下一轮推送中发出。`} style={{ marginBottom: 16 }} />}
      <Table<WebhookEvent> id="webhook-events-table" rowKey="eventId" columns={columns} dataSource={events} loading={loading} pagination={false} locale={{ emptyText: '暂无推送记录' }} size="small" />
      {nextCursor && (
        <Button style={{ marginTop: 16 }} onClick={() => void load(nextCursor)} loading={loading}>
          加载更多
        </Button>
      )}
    </Drawer>
  );
}
