// A queue of alerts (对账差异, 可疑交易预警): a ProTable filtered by status and paged by the
// server, each row opening its drawer; a step taken in the drawer reloads the queue. And the
// drawer's frame: the alert read on opening, a spinner until then, a refusal in its own words;
// and its timeline of steps, each with who took it and its audit entry.
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Drawer, Spin, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { chinaTime } from '@/pages/operations/format';
import { type CursorPage, useCursorPages } from './cursor-pages';
import { valueEnumOf } from './value-enum';

const PAGE_SIZE = 20;

/** An alert's status as a coloured tag, from the contract's labels. */
export interface AlertStatuses<Status extends string> {
  labels: Readonly<Record<Status, string>>;
  colors: Readonly<Record<Status, string>>;
}

export function alertStatusTag<Status extends string>(statuses: AlertStatuses<Status>, status: Status) {
  return <Tag color={statuses.colors[status]}>{statuses.labels[status]}</Tag>;
}

/** The queue: 营业日 and 状态 (the filter) first, then the queue's own `columns`, then 详情. */
export function AlertQueue<Row extends { alertId: string; date: string; status: Status }, Status extends string>({
  headerTitle,
  statuses,
  columns,
  scrollX,
  fetchPage,
  drawer,
}: {
  headerTitle: string;
  statuses: AlertStatuses<Status>;
  columns: ProColumns<Row>[];
  scrollX: number;
  fetchPage: (status: Status | undefined, limit: number, cursor: string | null) => Promise<CursorPage<Row>>;
  /** The open alert's drawer; `onChanged` after a step, `onClose` to close it. */
  drawer: (alertId: string, handlers: { onClose: () => void; onChanged: () => void }) => ReactNode;
}) {
  const [selected, setSelected] = useState<string>();
  const [reloadKey, setReloadKey] = useState(0);
  const pageOf = useCursorPages();
  return (
    <>
      <ProTable<Row, { status?: Status }>
        key={reloadKey}
        headerTitle={headerTitle}
        rowKey="alertId"
        options={false}
        columns={[
          { title: '营业日', dataIndex: 'date', width: 110, search: false },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            valueType: 'select',
            valueEnum: valueEnumOf(statuses.labels),
            render: (_, alert) => alertStatusTag(statuses, alert.status),
          },
          ...columns,
          {
            title: '操作',
            key: 'open',
            width: 80,
            search: false,
            fixed: 'right',
            render: (_, alert) => (
              <Button type="link" size="small" onClick={() => setSelected(alert.alertId)}>
                详情
              </Button>
            ),
          },
        ]}
        search={{ labelWidth: 'auto', searchText: '查询', resetText: '重置' }}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        scroll={{ x: scrollX }}
        request={({ current = 1, status }) => pageOf(status ?? '', current, PAGE_SIZE, (cursor) => fetchPage(status, PAGE_SIZE, cursor))}
      />
      {selected && drawer(selected, { onClose: () => setSelected(undefined), onChanged: () => setReloadKey((key) => key + 1) })}
    </>
  );
}

/** The alert `alertId` as `fetch` (a module's function, the same at every render) reads it, with
 *  a setter for the detail a step answers. */
export function useAlertDetail<Detail>(alertId: string, fetch: (alertId: string) => Promise<Detail>) {
  const [detail, setDetail] = useState<Detail>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    fetch(alertId).then(setDetail, (error: unknown) => setLoadError(errorMessage(error)));
  }, [alertId, fetch]);
  return { detail, setDetail, loadError };
}

export function AlertDrawerFrame({ title, width, loading, loadError, onClose, children }: { title: string; width: number; loading: boolean; loadError: string | undefined; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer open width={width} title={title} onClose={onClose}>
      {loadError && <Alert type="error" showIcon message={loadError} />}
      {loading && !loadError && <Spin />}
      {children}
    </Drawer>
  );
}

export interface AlertTimelineEntry {
  color: 'red' | 'orange' | 'green';
  title: string;
  at: string;
  /** Who took the step; none: the day close that opened the alert. */
  operator: { displayName: string; login: string } | null;
  /** The step's own lines (理由：…, 备注：…), the empty ones left out. */
  details: (string | null | false)[];
  auditSeq: number | null;
}

export function AlertTimeline({ entries, systemName }: { entries: AlertTimelineEntry[]; systemName: string }) {
  return (
    <div>
      <Typography.Title level={5}>处理记录</Typography.Title>
      <Timeline
        items={entries.map((entry) => ({
          color: entry.color,
          children: (
            <div>
              <Typography.Text strong>{entry.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {chinaTime(entry.at)} · {entry.operator ? `${entry.operator.displayName}（${entry.operator.login}）` : systemName}
              </Typography.Text>
              {entry.details.filter(Boolean).map((line) => (
                <div key={line as string}>{line}</div>
              ))}
              {entry.auditSeq !== null && <div style={{ color: '#999' }}>审计日志 #{entry.auditSeq}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
