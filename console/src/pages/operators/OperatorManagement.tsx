// 运营人员管理 (administrators): operators by login with roles, status and lock, searched and
// filtered by the server a page at a time. 新建运营人员, 调整角色 and 停用 are submitted as changes
// another administrator approves in 复核中心; 解锁, 重置动态口令 and 生成激活码 are done at once
// (audited). An activation code is shown once, here, to be handed to the operator in person: with
// it they choose their own password and enrol their own authenticator (首次登录激活 on the
// sign-in page). No action is offered on the administrator's own account; the server refuses it anyway.
import { ModalForm, PageContainer, ProFormCheckbox, ProFormText, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App as AntApp, Badge, Button, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { OPERATOR_ROLE_LABELS, OPERATOR_ROLES, OPERATOR_LOGIN_PATTERN } from '../../../../functions/domain/operator-roles';
import { DEACTIVATION_REASON_MAX_LENGTH, DEACTIVATION_REASON_MIN_LENGTH, OPERATOR_DISPLAY_NAME_MAX_LENGTH, OPERATOR_STATUS_LABELS } from '../../../../functions/domain/operator-admin';
import { errorMessage } from '@/api/http';
import {
  fetchOperators,
  issueActivationCode,
  resetOperatorTotp,
  submitOperatorCreate,
  submitOperatorDeactivation,
  submitOperatorRoles,
  unlockOperator,
  type IssuedCode,
  type OperatorRole,
  type OperatorRow,
  type OperatorStatus,
} from '@/api/operators';
import { fetchChanges } from '@/api/changes';
import type { ChangeRequest, OperatorView } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { changePath } from '@/shell/menu';
import { valueEnumOf } from '@/shell/value-enum';

const PAGE_SIZE = 20;
/** Pending creations listed above the table. */
const PENDING_SHOWN = 20;

const STATUS_MARKS: Record<OperatorStatus, 'success' | 'warning' | 'default'> = { ACTIVE: 'success', PENDING_ACTIVATION: 'warning', DEACTIVATED: 'default' };
const ROLE_OPTIONS = OPERATOR_ROLES.map((role) => ({ label: OPERATOR_ROLE_LABELS[role], value: role }));
const ROLE_RULE = { required: true, type: 'array' as const, min: 1, message: '请至少选择一个角色' };
/** The server's rule (domain/operator-admin.ts), told before submitting. */
const rolesConflict = (roles: OperatorRole[] = []) =>
  roles.length > 1 && roles.includes('ADMIN') ? '管理员不得兼任其他角色' : roles.length > 1 && roles.includes('AUDITOR') ? '审计不得兼任其他角色' : undefined;
const rolesValidator = { validator: (_: unknown, roles: OperatorRole[]) => (rolesConflict(roles) ? Promise.reject(new Error(rolesConflict(roles))) : Promise.resolve()) };

interface Filters {
  q?: string;
  status?: OperatorStatus;
  role?: OperatorRole;
}

function StatusCell({ row }: { row: OperatorRow }) {
  return (
    <Space size={4} wrap>
      <Badge status={STATUS_MARKS[row.status]} text={OPERATOR_STATUS_LABELS[row.status]} />
      {row.lockedUntil ? <Tag color="red">锁定至 {chinaTime(row.lockedUntil)}</Tag> : null}
      {row.status === 'PENDING_ACTIVATION' && row.activationExpiresAt ? <Tag>激活码有效至 {chinaTime(row.activationExpiresAt)}</Tag> : null}
    </Space>
  );
}

/** The code, once: the dialog says so and where it goes. */
function CodeDialog({ issued, onClose }: { issued?: IssuedCode & { why: string }; onClose: () => void }) {
  return (
    <Modal open={issued !== undefined} title="激活码（仅显示一次）" onCancel={onClose} footer={<Button type="primary" onClick={onClose}>我已交给本人</Button>} destroyOnHidden>
      {issued ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{issued.why}</Typography.Paragraph>
          <Typography.Title level={3} copyable id="activation-code" style={{ fontFamily: 'monospace', textAlign: 'center', margin: '8px 0' }}>
            {issued.activationCode}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            登录名 {issued.login}，有效至 {chinaTime(issued.expiresAt)}，只能使用一次。请当面交给本人，由其在登录页「首次登录激活」中设置本人密码并绑定动态口令；关闭后无法再次查看，遗失请重新生成（原激活码随即失效）。
          </Typography.Paragraph>
        </Space>
      ) : null}
    </Modal>
  );
}

export default function OperatorManagement({ operator }: { operator: OperatorView }) {
  // antd's App gives the page its message and confirm context (App.useApp).
  return (
    <AntApp>
      <OperatorList operator={operator} />
    </AntApp>
  );
}

/** New operators drafted and waiting for a checker: not operators yet, so not in the table. */
function PendingCreations({ version }: { version: number }) {
  const [changes, setChanges] = useState<ChangeRequest[]>([]);
  useEffect(() => {
    fetchChanges({ kind: 'OPERATOR_CREATE', status: 'PENDING', limit: PENDING_SHOWN }).then(
      (page) => setChanges(page.changes),
      () => setChanges([]),
    );
  }, [version]);
  if (changes.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message="待复核的新建申请"
      description={
        <Space size={[16, 4]} wrap>
          {changes.map((change) => (
            <Link key={change.changeId} to={changePath(change.changeId)}>
              {String(change.after.displayName)}（{String(change.after.login)}）· 提交人 {change.maker.displayName}
            </Link>
          ))}
        </Space>
      }
    />
  );
}

function OperatorList({ operator }: { operator: OperatorView }) {
  const { message, modal } = AntApp.useApp();
  const [version, setVersion] = useState(0);
  const table = useRef<ActionType>(null);
  // Page n's cursor, as the server answered page n − 1; reset when the filters change.
  const cursors = useRef<{ filters: string; byPage: Map<number, string> }>({ filters: '', byPage: new Map() });
  const [issued, setIssued] = useState<IssuedCode & { why: string }>();
  const [editing, setEditing] = useState<{ row: OperatorRow; action: 'roles' | 'deactivate' }>();

  const submitted = (what: string) => {
    void message.success(`${what}已提交，待另一名管理员在复核中心复核`);
    setVersion((v) => v + 1);
    table.current?.reload();
  };

  // One direct action at a time: a second click while one is in flight sends nothing.
  const inFlight = useRef(false);
  async function direct(run: () => Promise<void>) {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await run();
      table.current?.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      inFlight.current = false;
    }
  }

  const confirmReset = (row: OperatorRow) =>
    modal.confirm({
      title: `重置 ${row.displayName}（${row.login}）的动态口令？`,
      content: '其当前登录立即失效，原密码与动态口令作废；须凭新激活码重新设置密码并绑定动态口令。',
      okText: '重置并生成激活码',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => direct(async () => setIssued({ ...(await resetOperatorTotp(row.operatorId)), why: `${row.displayName} 的动态口令已重置。` })),
    });

  const actions = (row: OperatorRow) => {
    if (row.operatorId === operator.operatorId) return <Typography.Text type="secondary">本人</Typography.Text>;
    if (row.status === 'DEACTIVATED') return null;
    if (row.pendingChangeId) return <Link to={changePath(row.pendingChangeId)}>待复核变更</Link>;
    return (
      <Space size={0} split={<Typography.Text type="secondary">|</Typography.Text>} wrap>
        <Button type="link" size="small" onClick={() => setEditing({ row, action: 'roles' })}>
          调整角色
        </Button>
        {row.status === 'PENDING_ACTIVATION' ? (
          <Button type="link" size="small" onClick={() => direct(async () => setIssued({ ...(await issueActivationCode(row.operatorId)), why: `${row.displayName} 的激活码已生成。` }))}>
            生成激活码
          </Button>
        ) : null}
        {row.lockedUntil ? (
          <Button type="link" size="small" onClick={() => direct(async () => void message.success(`已解锁 ${(await unlockOperator(row.operatorId)).displayName}`))}>
            解锁
          </Button>
        ) : null}
        {row.status === 'ACTIVE' && !row.roles.includes('ADMIN') ? (
          <Button type="link" size="small" onClick={() => confirmReset(row)}>
            重置动态口令
          </Button>
        ) : null}
        <Button type="link" size="small" danger onClick={() => setEditing({ row, action: 'deactivate' })}>
          停用
        </Button>
      </Space>
    );
  };

  const columns: ProColumns<OperatorRow>[] = [
    { title: '登录名或姓名', dataIndex: 'q', hideInTable: true, fieldProps: { id: 'filter-q', placeholder: '部分登录名或姓名' } },
    { title: '登录名', dataIndex: 'login', width: 170, search: false, copyable: true },
    { title: '姓名', dataIndex: 'displayName', width: 100, search: false },
    {
      title: '角色',
      dataIndex: 'role',
      width: 180,
      valueType: 'select',
      valueEnum: valueEnumOf(OPERATOR_ROLE_LABELS),
      fieldProps: { id: 'filter-role' },
      render: (_, row) => row.roles.map((role) => <Tag key={role} color={role === 'ADMIN' ? 'gold' : undefined}>{OPERATOR_ROLE_LABELS[role]}</Tag>),
    },
    { title: '状态', dataIndex: 'status', width: 220, valueType: 'select', valueEnum: valueEnumOf(OPERATOR_STATUS_LABELS), fieldProps: { id: 'filter-status' }, render: (_, row) => <StatusCell row={row} /> },
    { title: '最近登录', dataIndex: 'lastSignInAt', width: 170, search: false, render: (_, row) => (row.lastSignInAt ? chinaTime(row.lastSignInAt) : '—') },
    { title: '创建时间', dataIndex: 'createdAt', width: 120, search: false, render: (_, row) => chinaTime(row.createdAt).slice(0, 10) },
    { title: '操作', key: 'actions', width: 340, search: false, render: (_, row) => actions(row) },
  ];

  return (
    <PageContainer title="运营人员管理" subTitle="新建、调整角色与停用须经另一名管理员复核；本人账户不能自行变更">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="新运营人员经复核生效后处于「待激活」：为其生成激活码并当面交付，由本人设置密码并绑定动态口令——管理员不会知道任何人的密码或动态口令。"
      />
      <PendingCreations version={version} />
      <ProTable<OperatorRow, Filters>
        id="operators-table"
        actionRef={table}
        rowKey="operatorId"
        columns={columns}
        search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="运营人员"
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        toolBarRender={() => [
          <ModalForm<{ login: string; displayName: string; roles: OperatorRole[] }>
            key="create"
            title="新建运营人员"
            trigger={<Button type="primary" id="operator-create">新建运营人员</Button>}
            modalProps={{ destroyOnHidden: true }}
            submitter={{ searchConfig: { submitText: '提交复核' } }}
            onFinish={async (values) => {
              try {
                await submitOperatorCreate({ ...values, displayName: values.displayName.trim() });
              } catch (error) {
                void message.error(errorMessage(error));
                return false;
              }
              submitted(`新建 ${values.login}`);
              return true;
            }}
          >
            <ProFormText
              name="login"
              label="登录名"
              placeholder="如 pm.wang"
              rules={[{ required: true, pattern: OPERATOR_LOGIN_PATTERN, message: '登录名须为 3–32 位小写字母、数字或 . _ -' }]}
            />
            <ProFormText
              name="displayName"
              label="姓名"
              rules={[{ required: true, whitespace: true, max: OPERATOR_DISPLAY_NAME_MAX_LENGTH, message: `姓名须为 1–${OPERATOR_DISPLAY_NAME_MAX_LENGTH} 个字符` }]}
            />
            <ProFormCheckbox.Group name="roles" label="角色" options={ROLE_OPTIONS} rules={[ROLE_RULE, rolesValidator]} />
          </ModalForm>,
        ]}
        request={async ({ current = 1, q, status, role }) => {
          const filters = JSON.stringify([q, status, role]);
          if (cursors.current.filters !== filters) cursors.current = { filters, byPage: new Map() };
          const page = await fetchOperators({ q: q?.trim() || undefined, status, role, limit: PAGE_SIZE, cursor: cursors.current.byPage.get(current) });
          if (page.nextCursor) cursors.current.byPage.set(current + 1, page.nextCursor);
          // The server does not count: one more page is offered while it says there is one.
          const total = (current - 1) * PAGE_SIZE + page.operators.length + (page.nextCursor ? 1 : 0);
          return { data: page.operators, success: true, total };
        }}
      />
      <ModalForm<{ roles: OperatorRole[] }>
        title={editing ? `调整 ${editing.row.displayName}（${editing.row.login}）的角色` : ''}
        open={editing?.action === 'roles'}
        initialValues={{ roles: editing?.row.roles }}
        modalProps={{ destroyOnHidden: true, onCancel: () => setEditing(undefined) }}
        submitter={{ searchConfig: { submitText: '提交复核' } }}
        onFinish={async ({ roles }) => {
          try {
            await submitOperatorRoles(editing!.row.operatorId, roles);
          } catch (error) {
            void message.error(errorMessage(error));
            return false;
          }
          setEditing(undefined);
          submitted('角色调整');
          return true;
        }}
      >
        <ProFormCheckbox.Group name="roles" label="角色" options={ROLE_OPTIONS} rules={[ROLE_RULE, rolesValidator]} />
      </ModalForm>
      <ModalForm<{ reason: string }>
        title={editing ? `停用 ${editing.row.displayName}（${editing.row.login}）` : ''}
        open={editing?.action === 'deactivate'}
        modalProps={{ destroyOnHidden: true, onCancel: () => setEditing(undefined), okButtonProps: { danger: true } }}
        submitter={{ searchConfig: { submitText: '提交复核' } }}
        onFinish={async ({ reason }) => {
          try {
            await submitOperatorDeactivation(editing!.row.operatorId, reason.trim());
          } catch (error) {
            void message.error(errorMessage(error));
            return false;
          }
          setEditing(undefined);
          submitted('停用申请');
          return true;
        }}
      >
        <Typography.Paragraph>复核通过后立即停用：其所有登录会话随即失效，不能再登录。</Typography.Paragraph>
        <ProFormTextArea
          name="reason"
          label="停用原因"
          fieldProps={{ maxLength: DEACTIVATION_REASON_MAX_LENGTH, showCount: true }}
          rules={[{ required: true, whitespace: true, min: DEACTIVATION_REASON_MIN_LENGTH, message: `请填写 ${DEACTIVATION_REASON_MIN_LENGTH}–${DEACTIVATION_REASON_MAX_LENGTH} 个字的原因` }]}
        />
      </ModalForm>
      <CodeDialog issued={issued} onClose={() => setIssued(undefined)} />
    </PageContainer>
  );
}
