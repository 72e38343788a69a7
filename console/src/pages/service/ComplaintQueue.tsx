// 客户服务 › 投诉工单: the tickets of one queue — 待答复 (default) nearest deadline first, so the
// overdue come first and are marked — a page at a time by the server's cursor.
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { fetchComplaintQueue } from '@/api/complaints';
import type { ComplaintQueue as Queue, DeskComplaint } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';

const PAGE_SIZE = 20;

const QUEUES: Record<Queue, { text: string }> = { OPEN: { text: '待答复' }, ANSWERED: { text: '已答复' }, CLOSED: { text: '已关闭' } };

export const complaintPath = (ticketId: string) => `/service/complaints/${encodeURIComponent(ticketId)}`;

const columns: ProColumns<DeskComplaint>[] = [
  {
    title: '答复期限',
    key: 'dueAt',
    width: 230,
    search: false,
    render: (_, { ticket }) => (
      <Space>
        {chinaTime(ticket.dueAt)}
        {ticket.overdue && <Tag color="error">已逾期</Tag>}
      </Space>
    ),
  },
  { title: '队列', dataIndex: 'queue', hideInTable: true, valueType: 'select', valueEnum: QUEUES, fieldProps: { id: 'filter-queue', allowClear: false } },
  { title: '类别', key: 'category', width: 100, search: false, render: (_, { ticket }) => <Tag>{ticket.categoryLabel}</Tag> },
  { title: '客户', key: 'customer', width: 150, search: false, render: (_, { customer }) => `${customer.nameMasked ?? '未实名'} ${customer.phoneMasked ?? ''}` },
  { title: '内容', key: 'description', search: false, ellipsis: true, render: (_, { ticket }) => ticket.description },
  { title: '状态', key: 'status', width: 90, search: false, render: (_, { ticket }) => ticket.statusLabel },
  { title: '受理时间', key: 'openedAt', width: 176, search: false, render: (_, { ticket }) => chinaTime(ticket.openedAt) },
  { title: '操作', key: 'open', width: 60, search: false, render: (_, { ticket }) => <Link to={complaintPath(ticket.ticketId)}>查看</Link> },
];

export function ComplaintQueue() {
  // Page n's cursor, as the server answered page n − 1; reset when the queue changes.
  const cursors = useRef<{ queue: string; byPage: Map<number, string> }>({ queue: '', byPage: new Map() });
  return (
    <PageContainer title="投诉工单" subTitle="客户投诉与交易争议：自受理之日起 15 日内答复（银保监会令 2020 年第 3 号第二十二条）">
      <ProTable<DeskComplaint, { queue?: Queue }>
        id="complaints-table"
        rowKey={(row) => row.ticket.ticketId}
        columns={columns}
        form={{ initialValues: { queue: 'OPEN' } }}
        search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="工单"
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        request={async ({ current = 1, queue = 'OPEN' }) => {
          if (cursors.current.queue !== queue) cursors.current = { queue, byPage: new Map() };
          const page = await fetchComplaintQueue(queue, PAGE_SIZE, cursors.current.byPage.get(current));
          if (page.nextCursor) cursors.current.byPage.set(current + 1, page.nextCursor);
          // The server does not count: one more page is offered while it says there is one.
          const total = (current - 1) * PAGE_SIZE + page.items.length + (page.nextCursor ? 1 : 0);
          return { data: page.items, success: true, total };
        }}
      />
    </PageContainer>
  );
}
