// 客户经理管理: the bank's relationship managers and branch leads, a page at a time by the server's
// cursor, searched by part of a staff number or name, branch, role and status. 新建, 修改电话 and 申请停用 are changes another administrator approves in 复核中心; 生成绑定码 is
// immediate (audited by the server) and the code is shown once, to be handed to the manager.
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormDateTimePicker, ProFormSelect, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App as AntApp, Badge, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { normalizePersonName, personNameProblem } from '../../../../functions/domain/person-name';
import { BRANCH_ID_PATTERN, BRANCH_NAME_MAX_LENGTH, normalizeWorkPhone, STAFF_NO_PATTERN, STAFF_ROLE_LABELS, WORK_PHONE_INPUT_MAX_LENGTH, workPhoneProblem } from '../../../../functions/domain/rm/staff';
import { errorMessage } from '@/api/http';
import { fetchStaff, type StaffFilters, issueBindingCode, type IssuedBindingCode, type NewStaff, type StaffMember, submitStaffCreation, submitStaffDeactivation, submitStaffWorkPhone } from '@/api/staff';
import type { ChangeRequest } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { changePath } from '@/shell/menu';
import { valueEnumOf } from '@/shell/value-enum';
import { ReasonDialog } from '../service/ReasonDialog';

const PAGE_SIZE = 20;
const STAFF_STATUS_LABELS = { ACTIVE: '正常', INACTIVE: '已停用' } as const;
/** The name rule the server applies (domain/person-name.ts), said under the field; empty is `required`'s. */
const checkPersonName = (_: unknown, name: string | undefined) => {
  const problem = name ? personNameProblem(normalizePersonName(name)) : undefined;
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
};
/** The work phone rule the server applies (domain/rm/staff.ts), in its words; empty is `required`'s. */
const checkWorkPhone = (_: unknown, phone: string | undefined) => {
  const problem = phone ? workPhoneProblem(normalizeWorkPhone(phone)) : undefined;
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
};

function CreateStaffForm({ onSubmitted }: { onSubmitted(change: ChangeRequest): void }) {
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <ModalForm<NewStaff & { effectiveAt?: number }>
      title="新建客户经理"
      width={520}
      dateFormatter="number"
      trigger={
        <Button id="staff-new" type="primary" icon={<PlusOutlined />}>
          新建客户经理
        </Button>
      }
      modalProps={{ destroyOnHidden: true, onCancel: () => setProblem(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核' } }}
      initialValues={{ role: 'RELATIONSHIP_MANAGER' }}
      onFinish={async ({ effectiveAt, ...staff }) => {
        setProblem(undefined);
        try {
          onSubmitted(await submitStaffCreation({ ...staff, branchName: staff.branchName.trim(), workPhone: normalizeWorkPhone(staff.workPhone) }, effectiveAt === undefined ? undefined : new Date(effectiveAt).toISOString()));
          return true;
        } catch (error) {
          setProblem(errorMessage(error));
          return false;
        }
      }}
    >
      {problem && <Alert id="staff-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">提交后须由另一位管理员复核；生效后在列表中为其生成绑定码。</Typography.Paragraph>
      <ProFormText name="name" label="姓名" fieldProps={{ id: 'staff-name' }} rules={[{ required: true, message: '请输入姓名' }, { validator: checkPersonName }]} />
      <ProFormText name="staffNo" label="工号" fieldProps={{ id: 'staff-no' }} rules={[{ required: true, pattern: STAFF_NO_PATTERN, message: '工号须为 3–20 位字母或数字' }]} />
      <ProFormSelect
        name="role"
        label="岗位"
        fieldProps={{ id: 'staff-role' }}
        options={Object.entries(STAFF_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        rules={[{ required: true, message: '请选择岗位' }]}
      />
      <ProFormText
        name="branchId"
        label="支行代码"
        fieldProps={{ id: 'staff-branch-id', placeholder: '如 NJ-GULOU' }}
        rules={[{ required: true, pattern: BRANCH_ID_PATTERN, message: '支行代码须为 2–40 位字母、数字或连字符，以字母或数字开头' }]}
      />
      <ProFormText
        name="branchName"
        label="支行名称"
        fieldProps={{ id: 'staff-branch-name', placeholder: '如 南京鼓楼支行' }}
        rules={[{ required: true, whitespace: true, min: 2, max: BRANCH_NAME_MAX_LENGTH, message: `支行名称须为 2–${BRANCH_NAME_MAX_LENGTH} 个字符` }]}
      />
      <ProFormText
        name="workPhone"
        label="办公电话"
        tooltip="客户在小程序的客户经理卡片上可一键拨打"
        fieldProps={{ id: 'staff-work-phone', placeholder: '工作手机或座机，如 0571-88886666', maxLength: WORK_PHONE_INPUT_MAX_LENGTH }}
        rules={[{ required: true, message: '请输入办公电话' }, { validator: checkWorkPhone }]}
      />
      <ProFormDateTimePicker name="effectiveAt" label="生效时间" tooltip="不填则复核通过后立即生效" fieldProps={{ placeholder: '复核通过后立即生效' }} />
    </ModalForm>
  );
}

/** The code, once: whoever closes this dialog cannot see it again (only its hash is kept). */
function BindingCodeDialog({ issued, onClose }: { issued: IssuedBindingCode | undefined; onClose(): void }) {
  return (
    <Modal open={issued !== undefined} title="绑定码（仅显示一次）" onOk={onClose} onCancel={onClose} okText="我已交给客户经理" cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      {issued && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            {issued.staff.name}（{issued.staff.staffNo}，{issued.staff.branchName}）在小程序「客户经理入口」输入此绑定码完成微信绑定：
          </Typography.Text>
          <Typography.Title id="staff-binding-code" level={2} copyable style={{ fontFamily: 'monospace', letterSpacing: 4, margin: 0 }}>
            {issued.bindingCode}
          </Typography.Title>
          <Typography.Text type="secondary">有效期至 {chinaTime(issued.bindingCodeExpiresAt)}，仅能使用一次。请当面或通过安全渠道交付，关闭后无法再次查看。</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}

/** 修改电话: the number customers see on the manager's card, a change another administrator approves. */
function WorkPhoneForm({ member, onClose, onSubmitted }: { member: StaffMember | undefined; onClose(): void; onSubmitted(change: ChangeRequest): void }) {
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <ModalForm<{ workPhone: string }>
      title={`修改办公电话：${member?.name ?? ''}`}
      width={440}
      open={member !== undefined}
      modalProps={{ destroyOnHidden: true, onCancel: () => { setProblem(undefined); onClose(); } }}
      submitter={{ searchConfig: { submitText: '提交复核' } }}
      initialValues={{ workPhone: member?.workPhone ?? '' }}
      onFinish={async ({ workPhone }) => {
        setProblem(undefined);
        try {
          onSubmitted(await submitStaffWorkPhone(member!.staffId, normalizeWorkPhone(workPhone)));
          return true;
        } catch (error) {
          setProblem(errorMessage(error));
          return false;
        }
      }}
    >
      {problem && <Alert id="staff-phone-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">客户在客户经理名片上看到并拨打此号码；提交后须由另一位管理员复核。</Typography.Paragraph>
      <ProFormText
        name="workPhone"
        label="办公电话"
        fieldProps={{ id: 'staff-phone-input', maxLength: WORK_PHONE_INPUT_MAX_LENGTH }}
        rules={[{ required: true, message: '请输入办公电话' }, { validator: checkWorkPhone }]}
      />
    </ModalForm>
  );
}

export default function StaffManagement() {
  return (
    <AntApp>
      <StaffList />
    </AntApp>
  );
}

function StaffList() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const table = useRef<ActionType>(undefined);
  // Page n's cursor, as the server answered page n − 1 (page 1 has none), for the filters in force.
  const cursors = useRef({ filters: '', byPage: new Map<number, string>() });
  const [pendingCreations, setPendingCreations] = useState<ChangeRequest[]>([]);
  const [issued, setIssued] = useState<IssuedBindingCode | undefined>();
  const [leaving, setLeaving] = useState<StaffMember | undefined>();
  const [rephoning, setRephoning] = useState<StaffMember | undefined>();

  const submitted = (change: ChangeRequest) => {
    void message.success(`已提交复核：${change.entityLabel}`);
    navigate(changePath(change.changeId));
  };

  async function issue(member: StaffMember) {
    try {
      setIssued(await issueBindingCode(member.staffId));
      table.current?.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  const columns: ProColumns<StaffMember>[] = [
    { title: '工号或姓名', dataIndex: 'q', hideInTable: true, fieldProps: { id: 'staff-filter-q', placeholder: '部分工号或姓名', maxLength: 20 } },
    { title: '工号', dataIndex: 'staffNo', width: 120, search: false },
    { title: '姓名', dataIndex: 'name', width: 100, search: false },
    { title: '岗位', dataIndex: 'role', width: 110, valueType: 'select', valueEnum: valueEnumOf(STAFF_ROLE_LABELS), fieldProps: { id: 'staff-filter-role' }, render: (_, member) => member.roleLabel },
    { title: '支行编号', dataIndex: 'branchId', hideInTable: true, fieldProps: { id: 'staff-filter-branch', placeholder: '如 BJ-HAIDIAN', maxLength: 40 } },
    { title: '支行', dataIndex: 'branchName', width: 230, search: false, render: (_, member) => `${member.branchName}（${member.branchId}）` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      valueType: 'select',
      valueEnum: valueEnumOf(STAFF_STATUS_LABELS),
      fieldProps: { id: 'staff-filter-status' },
      render: (_, member) => <Badge status={member.status === 'ACTIVE' ? 'success' : 'default'} text={STAFF_STATUS_LABELS[member.status]} />,
    },
    { title: '办公电话', dataIndex: 'workPhone', width: 140, search: false, render: (_, member) => member.workPhone ?? '—' },
    { title: '微信', dataIndex: 'wechatBound', width: 90, search: false, render: (_, member) => (member.wechatBound ? '已绑定' : '未绑定') },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, search: false, render: (_, member) => chinaTime(member.createdAt) },
    {
      title: '操作',
      key: 'actions',
      width: 280,
      search: false,
      render: (_, member) => {
        if (member.pendingChangeId) return <Link to={changePath(member.pendingChangeId)}>变更待复核</Link>;
        if (member.status !== 'ACTIVE') return '—';
        return (
          <Space size="small">
            <Popconfirm
              title={member.wechatBound ? '生成新绑定码将解除当前微信绑定，确定吗？' : '生成绑定码？'}
              okText="生成"
              cancelText="取消"
              onConfirm={() => issue(member)}
            >
              <Button id={`staff-code-${member.staffNo}`} size="small" type="link">
                生成绑定码
              </Button>
            </Popconfirm>
            <Button id={`staff-phone-${member.staffNo}`} size="small" type="link" onClick={() => setRephoning(member)}>
              修改电话
            </Button>
            <Button id={`staff-deactivate-${member.staffNo}`} size="small" type="link" danger onClick={() => setLeaving(member)}>
              申请停用
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title="客户经理管理" subTitle="新建、修改电话与停用须由另一位管理员复核；绑定码即时签发，仅显示一次">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {pendingCreations.length > 0 && (
          <Alert
            id="staff-pending-creations"
            type="info"
            showIcon
            message={`${pendingCreations.length} 项新建申请待复核或待生效`}
            description={
              <Space direction="vertical" size={2}>
                {pendingCreations.map((change) => (
                  <Link key={change.changeId} to={changePath(change.changeId)}>
                    {change.entityLabel}（{change.maker.displayName} 提交于 {chinaTime(change.submittedAt)}）
                  </Link>
                ))}
              </Space>
            }
          />
        )}
        <ProTable<StaffMember, StaffFilters>
          id="staff-table"
          rowKey="staffId"
          actionRef={table}
          columns={columns}
          search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
          options={{ reload: true, density: false, setting: false }}
          headerTitle="客户经理与支行负责人"
          pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
          toolBarRender={() => [<CreateStaffForm key="new" onSubmitted={submitted} />]}
          request={async ({ current = 1, q, branchId, role, status }) => {
            const filters: StaffFilters = { q: q?.trim() || undefined, branchId: branchId?.trim() || undefined, role, status };
            const key = JSON.stringify(filters);
            if (cursors.current.filters !== key) cursors.current = { filters: key, byPage: new Map() };
            const page = await fetchStaff(PAGE_SIZE, cursors.current.byPage.get(current), filters);
            if (current === 1) setPendingCreations(page.pendingCreations);
            if (page.nextCursor) cursors.current.byPage.set(current + 1, page.nextCursor);
            // The server does not count: one more page is offered while it says there is one.
            const total = (current - 1) * PAGE_SIZE + page.staff.length + (page.nextCursor ? 1 : 0);
            return { data: page.staff, success: true, total };
          }}
        />
      </Space>
      <BindingCodeDialog issued={issued} onClose={() => setIssued(undefined)} />
      <WorkPhoneForm member={rephoning} onClose={() => setRephoning(undefined)} onSubmitted={(change) => { setRephoning(undefined); submitted(change); }} />
      <ReasonDialog
        open={leaving !== undefined}
        title={`申请停用 ${leaving?.name ?? ''}`}
        description="停用须由另一位管理员复核；生效后该员工无法登录，其分享链接失效。"
        okText="提交复核"
        danger
        onSubmit={async (reason) => submitted(await submitStaffDeactivation(leaving!.staffId, reason))}
        onClose={() => setLeaving(undefined)}
      />
    </PageContainer>
  );
}
