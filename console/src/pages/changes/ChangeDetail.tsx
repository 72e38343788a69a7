// One change: who submitted what and when it takes effect, the before/after diff field by field,
// and the decisions the signed-in operator may take — 通过 and 驳回 (with a reason) for a checker
// who did not make it, 撤回 for its maker. The server refuses anything else whatever is shown;
// its refusal is shown in its own words.
import { PageContainer, ProCard, ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Badge, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Table, type BadgeProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { approveChange, fetchChange, rejectChange, withdrawChange } from '@/api/changes';
import { errorMessage } from '@/api/http';
import type { ChangeDetail as Detail, ChangeDiffLine, ChangeRequest, OperatorView, RiskRuleSet } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { RiskBacktest } from '@/pages/risk/RiskBacktest';
import { DECISION_NOTE_MAX_LENGTH } from '../../../../functions/domain/change-requests';
import { APPROVE_PERMISSION, CHANGE_STATUSES_SHOWN, fieldLabel, formatValue, kindLabel, LOAN_PRODUCT_FIELDS, RISK_RULES_VERSION_PATH, WATCH_LIST_VERSION_PATH } from './labels';

const CHANGED_STYLE = { background: '#fffbe6' } as const;

/** The order fields are shown in: the product form's; others after them. */
const FIELD_ORDER: string[] = [...LOAN_PRODUCT_FIELDS, 'oneYearLprBps'];
const rank = (path: string) => {
  const index = FIELD_ORDER.indexOf(path.split('.')[0] ?? '');
  return index === -1 ? FIELD_ORDER.length : index;
};

/** The member of a snapshot a dotted path names (ruleSet.rules.2). */
const valueAt = (snapshot: Record<string, unknown> | null, path: string) =>
  path.split('.').reduce<unknown>((value, step) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined), snapshot);

/** The row a leaf of the diff belongs to: a grade's spread, a risk rule set's or watch list's
 *  version and each of its rules (ruleSet.rules.2) or entries (watchList.entries.2) are rows of
 *  their own; any other field is one row. */
function rowKey(path: string): string {
  const [head = '', second, third] = path.split('.');
  if (head === 'spreadBpsByGrade' || head === '' || path === RISK_RULES_VERSION_PATH || path === WATCH_LIST_VERSION_PATH) return path;
  if (head === 'ruleSet' && second === 'rules' && third !== undefined) return `ruleSet.rules.${third}`;
  if (head === 'watchList' && second === 'entries' && third !== undefined) return `watchList.entries.${third}`;
  return head;
}

/** The server's leaf-by-leaf diff as people compare it: a list changes as a whole (可选期限
 *  3、6 个月 → 3、6、12 个月, from the change's before and after), a grade's spread is a field of its
 *  own, so is each risk rule; in the form's order. */
export function diffRows(change: Pick<Detail, 'diff' | 'before' | 'after'>): ChangeDiffLine[] {
  const rows = new Map<string, ChangeDiffLine>();
  for (const line of change.diff) {
    const key = rowKey(line.path);
    if (rows.has(key)) continue;
    rows.set(key, key === line.path ? line : { path: key, before: valueAt(change.before, key), after: valueAt(change.after, key) });
  }
  // Numeric: 规则 2 before 规则 10.
  return [...rows.values()].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path, undefined, { numeric: true }));
}

/** The diff, field by field: 变更前 → 变更后 as people read them. */
export function DiffTable({ change }: { change: Pick<Detail, 'kind' | 'diff' | 'before' | 'after'> }) {
  const isNew = change.before === null;
  return (
    <Table<ChangeDiffLine>
      id="change-diff"
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={diffRows(change)}
      onRow={() => ({ style: isNew ? undefined : CHANGED_STYLE })}
      columns={[
        { title: '字段', dataIndex: 'path', width: 200, render: (path: string) => fieldLabel(path, change.kind) },
        {
          title: '变更前',
          key: 'before',
          render: (_, line) => (isNew ? <span style={{ color: '#999' }}>（新建）</span> : formatValue(line.path, line.before)),
        },
        { title: '变更后', key: 'after', render: (_, line) => <strong>{formatValue(line.path, line.after)}</strong> },
      ]}
      locale={{ emptyText: '无字段变化' }}
    />
  );
}

type State = { kind: 'loading' } | { kind: 'ready'; change: Detail } | { kind: 'failed'; message: string };

interface Props {
  changeId: string;
  operator: OperatorView;
}

const party = (who: { displayName: string; login: string }) => `${who.displayName}（${who.login}）`;

export function ChangeDetail({ changeId, operator }: Props) {
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = () =>
    fetchChange(changeId).then(
      (change) => setState({ kind: 'ready', change }),
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  useEffect(() => {
    void load();
  }, [changeId]);

  /** Runs a decision; true when the server took it (the change is read again). */
  async function decide(action: () => Promise<ChangeRequest>, doneText: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const decided = await action();
      // Approved, and refused by the rules as it was applied: say so, not "approved".
      if (decided.status === 'FAILED') setProblem(`已通过，但未能生效：${decided.failure ?? ''}`);
      else setDone(doneText);
      await load();
      return true;
    } catch (error) {
      setProblem(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (state.kind === 'loading') return <PageContainer title="变更详情"><Skeleton active /></PageContainer>;
  if (state.kind === 'failed') return <Result status="warning" title="无法加载该变更" subTitle={state.message} extra={<Link to="..">返回复核中心</Link>} />;
  const { change } = state;
  const isMaker = change.maker.operatorId === operator.operatorId;
  const pending = change.status === 'PENDING';
  const approvePermission = APPROVE_PERMISSION[change.kind];
  const mayDecide = pending && !isMaker && (approvePermission === undefined || operator.permissions.includes(approvePermission));
  const status = CHANGE_STATUSES_SHOWN[change.status];

  const actions = [
    mayDecide && (
      <ModalForm<{ note?: string }>
        key="approve"
        title="通过该变更"
        width={480}
        trigger={<Button id="change-approve" type="primary" disabled={busy}>通过</Button>}
        modalProps={{ destroyOnHidden: true }}
        submitter={{ searchConfig: { submitText: '确认通过' } }}
        onFinish={({ note }) => decide(() => approveChange(change.changeId, note?.trim() || undefined), '已通过')}
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`通过后将于 ${chinaTime(change.effectiveAt)} 起生效（已到时间的立即生效）。`} />
        <ProFormTextArea name="note" label="复核意见（选填）" fieldProps={{ maxLength: DECISION_NOTE_MAX_LENGTH, showCount: true }} />
      </ModalForm>
    ),
    mayDecide && (
      <ModalForm<{ note: string }>
        key="reject"
        title="驳回该变更"
        width={480}
        trigger={<Button id="change-reject" danger disabled={busy}>驳回</Button>}
        modalProps={{ destroyOnHidden: true }}
        submitter={{ searchConfig: { submitText: '确认驳回' } }}
        onFinish={({ note }) => decide(() => rejectChange(change.changeId, note.trim()), '已驳回')}
      >
        <ProFormTextArea
          name="note"
          label="驳回理由"
          fieldProps={{ maxLength: DECISION_NOTE_MAX_LENGTH, showCount: true }}
          rules={[
            { required: true, whitespace: true, message: '请填写驳回理由' },
            { max: DECISION_NOTE_MAX_LENGTH, message: `驳回理由不超过 ${DECISION_NOTE_MAX_LENGTH} 个字` },
          ]}
        />
      </ModalForm>
    ),
    pending && isMaker && (
      <Popconfirm key="withdraw" title="撤回该变更？" description="撤回后可修改重新提交。" okText="撤回" cancelText="取消" onConfirm={() => decide(() => withdrawChange(change.changeId), '已撤回')}>
        <Button id="change-withdraw" disabled={busy}>撤回</Button>
      </Popconfirm>
    ),
  ].filter(Boolean);

  return (
    <PageContainer title={change.entityLabel} subTitle={kindLabel(change.kind)} onBack={() => navigate('..')} tags={<Badge status={status.status.toLowerCase() as BadgeProps['status']} text={status.text} />} extra={actions}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {problem && <Alert id="change-problem" type="error" showIcon closable message={problem} onClose={() => setProblem(undefined)} />}
        {done && <Alert id="change-done" type="success" showIcon message={done} />}
        {pending && isMaker && <Alert id="change-own" type="info" showIcon message="这是您提交的变更，须由其他有复核权限的操作员复核。" />}
        <ProCard bordered>
          <Descriptions id="change-facts" column={2} size="small">
            <Descriptions.Item label="变更类型">{kindLabel(change.kind)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <span id="change-status">{status.text}</span>
            </Descriptions.Item>
            <Descriptions.Item label="提交人">{party(change.maker)}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{chinaTime(change.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="生效时间">{chinaTime(change.effectiveAt)}</Descriptions.Item>
            <Descriptions.Item label="复核人">{change.checker ? party(change.checker) : '—'}</Descriptions.Item>
            {change.decidedAt && <Descriptions.Item label="复核时间">{chinaTime(change.decidedAt)}</Descriptions.Item>}
            {change.decisionNote && <Descriptions.Item label="复核意见">{change.decisionNote}</Descriptions.Item>}
            {change.appliedAt && <Descriptions.Item label="生效于">{chinaTime(change.appliedAt)}</Descriptions.Item>}
            {change.failedAt && <Descriptions.Item label="未能生效于">{chinaTime(change.failedAt)}</Descriptions.Item>}
            {change.failure && <Descriptions.Item label="未能生效的原因">{change.failure}</Descriptions.Item>}
          </Descriptions>
        </ProCard>
        <ProCard title="变更内容" subTitle={change.before === null ? '新建：以下为全部字段' : '仅列出有变化的字段'} bordered>
          <DiffTable change={change} />
        </ProCard>
        {/* The checker tries the proposed rules on recent transfers before deciding. */}
        {change.kind === 'RISK_RULES' && pending && operator.permissions.includes('risk.rules.draft') && (
          <ProCard title="回测" bordered>
            <RiskBacktest ruleSet={async () => (change.after as { ruleSet: RiskRuleSet } | null)?.ruleSet} />
          </ProCard>
        )}
      </Space>
    </PageContainer>
  );
}
