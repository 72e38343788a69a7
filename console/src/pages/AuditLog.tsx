// 审计日志: the hash-chained audit log, newest first, a page at a time by sequence number (the
// server's paging: the sequence is gap-free, so page n of size s ends at head + 1 − (n − 1)·s);
// each row expands to the before/after JSON; 「校验完整性」 asks the server to verify the chain.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Col, Row, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_KIND_LABELS, AUDIT_TARGET_KIND_LABELS } from '../../../functions/domain/audit-actions';
import { fetchAuditPage, verifyAuditLog } from '@/api/audit';
import { errorMessage } from '@/api/http';
import type { AuditEntry, AuditItem, AuditParty, AuditVerification } from '@/api/types';

const PAGE_SIZES = [20, 50, 100];
const SNAPSHOT_STYLE = { margin: '8px 0 0', padding: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, maxHeight: 320, overflow: 'auto', fontSize: 12 } as const;

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 2026-03-02 10:00:00, in China time whatever the browser's zone. */
export function chinaTime(iso: string): string {
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** An operator as 孙丽（audit.sun）; anyone else as what they are and their id. */
export function partyLabel(party: AuditParty, labels: Record<string, string>): string {
  if (party.displayName) return `${party.displayName}（${party.login}）`;
  if (party.kind === 'anonymous') return AUDIT_ACTOR_KIND_LABELS.anonymous;
  return `${labels[party.kind] ?? party.kind} ${party.id}`;
}

const isFailure = (action: string) => action.includes('.failed');
const isEntry = (item: AuditItem): item is AuditEntry => !('unreadable' in item);

const columns: ProColumns<AuditItem>[] = [
  { title: '序号', dataIndex: 'seq', width: 88 },
  { title: '时间', key: 'at', width: 180, render: (_, item) => (isEntry(item) ? chinaTime(item.at) : '—') },
  {
    title: '操作人',
    key: 'actor',
    width: 200,
    render: (_, item) => (isEntry(item) ? partyLabel(item.actor, AUDIT_ACTOR_KIND_LABELS) : '—'),
  },
  {
    title: '操作',
    key: 'action',
    width: 220,
    render: (_, item) => {
      if (!isEntry(item)) return <Tag color="error">记录无法读取</Tag>;
      return <Tag color={isFailure(item.action) ? 'error' : 'processing'}>{actionLabel(item.action)}</Tag>;
    },
  },
  {
    title: '对象',
    key: 'target',
    width: 220,
    ellipsis: true,
    render: (_, item) => (isEntry(item) ? partyLabel(item.target, AUDIT_TARGET_KIND_LABELS) : '—'),
  },
  { title: '原因', key: 'reason', ellipsis: true, render: (_, item) => (isEntry(item) && item.reason) || '—' },
];

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <Col xs={24} lg={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={SNAPSHOT_STYLE}>{value === undefined ? '（无）' : JSON.stringify(value, null, 2)}</pre>
    </Col>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  return (
    <Row gutter={16}>
      <Snapshot title="变更前" value={entry.before} />
      <Snapshot title="变更后" value={entry.after} />
    </Row>
  );
}

function Verdict({ verdict, onClose }: { verdict: AuditVerification; onClose(): void }) {
  const anchor = verdict.anchor ? `最近锚定：第 ${verdict.anchor.seq} 条（${chinaTime(verdict.anchor.at)}）` : '尚未锚定（首次日终批处理后锚定）';
  if (verdict.ok) {
    return (
      <Alert
        id="audit-verdict"
        type="success"
        showIcon
        closable
        onClose={onClose}
        message="校验通过：审计日志完整"
        description={`已校验 ${verdict.checkedEntries} 条记录，链头为第 ${verdict.headSeq} 条，每条的 MAC 均与内容及前一条相符。${anchor}。`}
      />
    );
  }
  return (
    <Alert
      id="audit-verdict"
      type="error"
      showIcon
      closable
      onClose={onClose}
      message={`校验未通过：第 ${verdict.problem.seq} 条`}
      description={`${verdict.message}。${anchor}。`}
    />
  );
}

export function AuditLog() {
  // The head when page 1 was read: later pages count down from it, so new entries do not shift them.
  const head = useRef<number | undefined>(undefined);
  const [verdict, setVerdict] = useState<AuditVerification | undefined>();
  const [verifyError, setVerifyError] = useState<string | undefined>();
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerdict(undefined);
    setVerifyError(undefined);
    try {
      setVerdict(await verifyAuditLog());
    } catch (error) {
      setVerifyError(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <PageContainer title="审计日志" subTitle="操作员的每一次操作，按序号倒序；每条带有与前一条相链的 MAC，删改可被校验发现">
      {verdict && <Verdict verdict={verdict} onClose={() => setVerdict(undefined)} />}
      {verifyError && <Alert id="audit-verdict" type="warning" showIcon message="校验未完成" description={verifyError} />}
      <ProTable<AuditItem>
        id="audit-table"
        style={{ marginTop: verdict || verifyError ? 16 : 0 }}
        rowKey="seq"
        columns={columns}
        search={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="操作记录"
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: PAGE_SIZES[0], pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
        request={async ({ current = 1, pageSize = PAGE_SIZES[0]! }) => {
          const first = current === 1 || head.current === undefined;
          const beforeSeq = first ? undefined : head.current! + 1 - (current - 1) * pageSize;
          const page = await fetchAuditPage(beforeSeq, pageSize);
          if (first) head.current = page.headSeq;
          return { data: page.entries, total: head.current, success: true };
        }}
        expandable={{
          rowExpandable: (item) => isEntry(item) && (item.before !== undefined || item.after !== undefined),
          expandedRowRender: (item) => (isEntry(item) ? <Changes entry={item} /> : null),
        }}
        toolBarRender={() => [
          <Button key="verify" id="audit-verify" type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            校验完整性
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
