// 开放平台 › 合作方: every partner of the open platform, as the server lists them — its scopes, the
// serials of its keys, its fee rate and rate limit — and, for those who draft (partners.draft), 接入
// a new one or 修改 one: its keys (two at once while it rotates), scopes, webhook URL, fee rate,
// rate limit, or its suspension. Each is a change a second operator approves in 复核中心; the
// partner's requests verify against what is in force. Each partner's 详情 — with its 保证金 and
// 登记保证金入账 — opens in a drawer (PartnerDrawer.tsx), and so does its 推送记录
// (WebhookLogDrawer.tsx). Loaded on demand by the shell.
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormCheckbox, ProFormDigit, ProFormList, ProFormSelect, ProFormText, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Badge, Button, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/api/http';
import { fetchPartner, fetchPartners, type PartnerDraft, type PartnerSummary, submitPartnerChange } from '@/api/partners';
import type { ChangeRequest, OperatorView } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { accessFor } from '@/shell/access';
import { changePath } from '@/shell/menu';
import { SubmittedAlert } from '@/shell/SubmittedAlert';
import { PartnerDrawer } from './PartnerDrawer';
import { WebhookLogDrawer } from './WebhookLogDrawer';

type Scope = PartnerSummary['scopes'][number];
const KEY_SERIAL = /^[0-9A-F]{8,40}$/;

interface FormValues {
  name: string;
  status: PartnerDraft['status'];
  scopes: Scope[];
  keys: { serialNo: string; publicKeyPem: string }[];
  webhookUrl?: string;
  feeRateBps: number;
  rateLimitPerMinute: number;
}

const NEW_PARTNER: FormValues = { name: '', status: 'ACTIVE', scopes: ['merchants', 'payments', 'refunds'], keys: [{ serialNo: '', publicKeyPem: '' }], feeRateBps: 30, rateLimitPerMinute: 600 };

function PartnerForm({ partnerId, scopeLabels, trigger, onSubmitted }: { partnerId?: string; scopeLabels: Record<Scope, string>; trigger: JSX.Element; onSubmitted: (change: ChangeRequest) => void }) {
  const [error, setError] = useState<string>();
  return (
    <ModalForm<FormValues>
      title={partnerId ? `修改合作方 ${partnerId}` : '接入合作方'}
      trigger={trigger}
      width={640}
      modalProps={{ destroyOnHidden: true, onCancel: () => setError(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核', resetText: '取消' } }}
      request={async () => {
        if (!partnerId) return NEW_PARTNER;
        const { current } = await fetchPartner(partnerId);
        return {
          ...current,
          keys: current.keys.map(({ serialNo, publicKeyPem }) => ({ serialNo, publicKeyPem })),
          ...(current.webhookUrls[0] ? { webhookUrl: current.webhookUrls[0] } : {}),
        };
      }}
      onFinish={async (values) => {
        setError(undefined);
        try {
          onSubmitted(
            await submitPartnerChange({
              ...(partnerId ? { partnerId } : {}),
              name: values.name.trim(),
              // A new partner starts active: the status is offered only when changing one.
              status: partnerId ? values.status : 'ACTIVE',
              scopes: values.scopes,
              keys: values.keys.map((key) => ({ serialNo: key.serialNo.trim(), publicKeyPem: `${key.publicKeyPem.trim()}\n` })),
              webhookUrls: values.webhookUrl?.trim() ? [values.webhookUrl.trim()] : [],
              feeRateBps: values.feeRateBps,
              rateLimitPerMinute: values.rateLimitPerMinute,
            }),
          );
          return true;
        } catch (failure) {
          setError(errorMessage(failure));
          return false;
        }
      }}
    >
      {error && <Alert id="partner-form-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <ProFormText name="name" label="合作方名称" placeholder="例如：幸福里物业服务中心" rules={[{ required: true, message: '请输入合作方名称' }, { min: 2, max: 40, message: '2–40 个字' }]} />
      {partnerId && (
        <ProFormSelect
          name="status"
          label="接入状态"
          options={[
            { value: 'ACTIVE', label: '正常接入' },
            { value: 'SUSPENDED', label: '暂停接入（其请求一律拒绝）' },
          ]}
          rules={[{ required: true }]}
        />
      )}
      <ProFormCheckbox.Group name="scopes" label="接口权限" options={(Object.keys(scopeLabels) as Scope[]).map((scope) => ({ value: scope, label: scopeLabels[scope] }))} rules={[{ required: true, message: '至少选择一项' }]} />
      <ProFormList
        name="keys"
        label="合作方公钥（轮换时可同时登记两把）"
        min={1}
        max={2}
        creatorButtonProps={{ creatorButtonText: '再登记一把公钥' }}
        copyIconProps={false}
      >
        <ProFormText name="serialNo" label="证书序列号" placeholder="8–40 位大写十六进制" rules={[{ required: true, message: '请输入序列号' }, { pattern: KEY_SERIAL, message: '8–40 位大写十六进制' }]} />
        <ProFormTextArea
          name="publicKeyPem"
          label="公钥（PEM）"
          placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
          fieldProps={{ rows: 5, style: { fontFamily: 'monospace' } }}
          rules={[{ required: true, message: '请粘贴合作方提供的 RSA 公钥' }, { max: 1000, message: '公钥过长' }]}
        />
      </ProFormList>
      <ProFormText name="webhookUrl" label="事件通知地址（可选）" placeholder="https://…" rules={[{ type: 'url', message: '须为有效的 https 地址' }, { max: 300, message: '最多 300 个字符' }]} />
      <ProFormDigit name="feeRateBps" label="商户手续费率（基点，1 基点 = 0.01%）" min={0} max={100} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请输入费率' }]} />
      <ProFormDigit name="rateLimitPerMinute" label="每分钟请求上限" min={1} max={6000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请输入上限' }]} />
    </ModalForm>
  );
}


export function PartnerList({ canDraft }: { canDraft: boolean }) {
  const table = useRef<ActionType>();
  const [scopeLabels, setScopeLabels] = useState<Record<Scope, string>>();
  const [submitted, setSubmitted] = useState<ChangeRequest>();
  const [logOf, setLogOf] = useState<PartnerSummary>();
  const [detailOf, setDetailOf] = useState<PartnerSummary>();
  const onSubmitted = (change: ChangeRequest) => {
    setSubmitted(change);
    void table.current?.reload();
  };
  const columns: ProColumns<PartnerSummary>[] = [
    { title: '合作方编号', dataIndex: 'partnerId', width: 120 },
    { title: '名称', dataIndex: 'name', width: 200 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, partner) => (partner.status === 'ACTIVE' ? <Badge status="success" text="正常接入" /> : <Badge status="default" text="暂停接入" />),
    },
    { title: '接口权限', dataIndex: 'scopes', render: (_, partner) => <Space size={4} wrap>{partner.scopes.map((scope) => <Tag key={scope}>{scopeLabels?.[scope] ?? scope}</Tag>)}</Space> },
    { title: '公钥序列号', dataIndex: 'keySerials', width: 180, render: (_, partner) => <Space direction="vertical" size={0}>{partner.keySerials.map((serial) => <code key={serial}>{serial}</code>)}</Space> },
    { title: '费率（基点）', dataIndex: 'feeRateBps', width: 100 },
    { title: '每分钟上限', dataIndex: 'rateLimitPerMinute', width: 100 },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (_, partner) => chinaTime(partner.updatedAt) },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, partner) => (
        <Space size={0}>
          <Button type="link" onClick={() => setDetailOf(partner)}>
            详情
          </Button>
          {partner.pendingChangeId ? (
            <Link to={changePath(partner.pendingChangeId)}>待复核变更</Link>
          ) : (
            canDraft && scopeLabels && <PartnerForm partnerId={partner.partnerId} scopeLabels={scopeLabels} onSubmitted={onSubmitted} trigger={<Button type="link">修改</Button>} />
          )}
          <Button type="link" onClick={() => setLogOf(partner)}>
            推送记录
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title="合作方" subTitle="开放平台的合作方是数据：接入、修改、暂停均须他人复核；合作方的每个请求都以生效中的公钥验签">
      {submitted && <SubmittedAlert id="partner-submitted" change={submitted} note="须由另一名有复核权限的运营人员在复核中心复核，通过后生效。" />}
      <ProTable<PartnerSummary>
        id="partners-table"
        rowKey="partnerId"
        actionRef={table}
        columns={columns}
        search={false}
        pagination={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="合作方"
        request={async () => {
          const page = await fetchPartners();
          setScopeLabels(page.scopeLabels);
          return { data: page.partners, success: true, total: page.partners.length };
        }}
        toolBarRender={() =>
          canDraft && scopeLabels
            ? [<PartnerForm key="new" scopeLabels={scopeLabels} onSubmitted={onSubmitted} trigger={<Button id="partner-new" type="primary" icon={<PlusOutlined />}>接入合作方</Button>} />]
            : []
        }
      />
      {detailOf && <PartnerDrawer partner={detailOf} scopeLabels={scopeLabels} canDraft={canDraft} onClose={() => setDetailOf(undefined)} />}
      {logOf && <WebhookLogDrawer partnerId={logOf.partnerId} partnerName={logOf.name} canRedeliver={canDraft} onClose={() => setLogOf(undefined)} />}
    </PageContainer>
  );
}

export default function PartnersPage({ operator }: { operator: OperatorView }) {
  return <PartnerList canDraft={accessFor(operator).canDraftPartners} />;
}
