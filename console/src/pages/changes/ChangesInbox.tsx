// 复核中心: the changes makers submitted, the pending ones first (the default filter), filtered by
// kind and status, a page at a time by the server's cursor.
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { fetchChanges } from '@/api/changes';
import type { ChangeKind, ChangeRequest, ChangeStatus } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { CHANGE_KIND_LABELS, CHANGE_STATUSES_SHOWN, kindLabel } from './labels';

const PAGE_SIZE = 20;

const valueEnum = (labels: Record<string, { text: string; status?: string } | string>): Record<string, { text: string; status?: string }> =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, typeof label === 'string' ? { text: label } : label]));

const columns: ProColumns<ChangeRequest>[] = [
  { title: '提交时间', dataIndex: 'submittedAt', width: 176, search: false, render: (_, change) => chinaTime(change.submittedAt) },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 120,
    ellipsis: true,
    valueType: 'select',
    valueEnum: valueEnum(CHANGE_KIND_LABELS),
    fieldProps: { id: 'filter-kind' },
    render: (_, change) => <Tag>{kindLabel(change.kind)}</Tag>,
  },
  {
    title: '变更对象',
    dataIndex: 'entityLabel',
    search: false,
    ellipsis: true,
    render: (_, change) => <Link to={encodeURIComponent(change.changeId)}>{change.entityLabel}</Link>,
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 120,
    valueType: 'select',
    valueEnum: valueEnum(CHANGE_STATUSES_SHOWN),
    fieldProps: { id: 'filter-status' },
  },
  { title: '提交人', key: 'maker', width: 130, search: false, render: (_, change) => `${change.maker.displayName}（${change.maker.login}）` },
  { title: '生效时间', dataIndex: 'effectiveAt', width: 176, search: false, render: (_, change) => chinaTime(change.effectiveAt) },
  { title: '复核人', key: 'checker', width: 130, search: false, render: (_, change) => (change.checker ? `${change.checker.displayName}（${change.checker.login}）` : '—') },
  { title: '操作', key: 'open', width: 60, search: false, render: (_, change) => <Link to={encodeURIComponent(change.changeId)}>查看</Link> },
];

interface Filters {
  kind?: ChangeKind;
  status?: ChangeStatus;
}

export function ChangesInbox() {
  // Page n's cursor, as the server answered page n − 1 (page 1 has none); reset when filters change.
  const cursors = useRef<{ filters: string; byPage: Map<number, string> }>({ filters: '', byPage: new Map() });
  return (
    <PageContainer title="复核中心" subTitle="四眼原则：变更须由提交人以外的操作员复核，通过后按生效时间生效">
      <ProTable<ChangeRequest, Filters>
        id="changes-table"
        rowKey="changeId"
        columns={columns}
        form={{ initialValues: { status: 'PENDING' } }}
        search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="变更单"
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        request={async ({ current = 1, kind, status }) => {
          const filters = JSON.stringify([kind, status]);
          if (cursors.current.filters !== filters) cursors.current = { filters, byPage: new Map() };
          // The pager offers only the page after the last one read, whose cursor is known.
          const page = await fetchChanges({ kind, status, limit: PAGE_SIZE, cursor: cursors.current.byPage.get(current) });
          if (page.nextCursor) cursors.current.byPage.set(current + 1, page.nextCursor);
          // The server does not count: one more page is offered while it says there is one.
          const total = (current - 1) * PAGE_SIZE + page.changes.length + (page.nextCursor ? 1 : 0);
          return { data: page.changes, success: true, total };
        }}
      />
    </PageContainer>
  );
}
