// 开放平台 › 合作方 › 详情: one partner as it is in force — its status, webhook URL and the change
// waiting on it — and its 保证金 (reserve): the balance as the server books it, the deposit waiting
// for a checker if there is one, and, for those who draft (partners.draft), 登记保证金入账: a
// deposit as the bank's statement shows it (amount in yuan, read into fen exactly, and the
// statement's reference), counted only once a second operator approves it in 复核中心.
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Alert, Badge, Button, Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fenOfYuanText, formatRateBps } from '../../../../functions/domain/format';
import { errorMessage } from '@/api/http';
import { fetchPartner, type PartnerDetail, type PartnerSummary, submitReserveDeposit } from '@/api/partners';
import type { ChangeRequest } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { money } from '@/money';
import { changePath } from '@/shell/menu';
import { SubmittedAlert } from '@/shell/SubmittedAlert';

/** The contract's ceiling for one deposit: ¥10,000,000.00. */
const MAX_DEPOSIT_FEN = 1_000_000_000;
const BANK_REFERENCE = /^[A-Za-z0-9-]{6,40}$/;

interface DepositValues {
  amountYuan: string;
  bankReference: string;
}

function ReserveDepositForm({ partnerId, partnerName, onSubmitted }: { partnerId: string; partnerName: string; onSubmitted: (change: ChangeRequest) => void }) {
  const [error, setError] = useState<string>();
  return (
    <ModalForm<DepositValues>
      title={`登记保证金入账 · ${partnerName}`}
      trigger={<Button id="reserve-deposit-open">登记保证金入账</Button>}
      width={520}
      modalProps={{ destroyOnHidden: true, onCancel: () => setError(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核', resetText: '取消' } }}
      onFinish={async ({ amountYuan, bankReference }) => {
        setError(undefined);
        try {
          onSubmitted(await submitReserveDeposit(partnerId, { amountFen: fenOfYuanText(amountYuan)!, bankReference: bankReference.trim() }));
          return true;
        } catch (failure) {
          setError(errorMessage(failure));
          return false;
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="按银行对账单登记合作方汇入的保证金"
        description="提交后须由另一名有复核权限的运营人员在复核中心复核，通过后才计入保证金余额。"
      />
      {error && <Alert id="reserve-deposit-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <ProFormText
        name="amountYuan"
        label="入账金额（元）"
        placeholder="例如 50000.00"
        fieldProps={{ prefix: '¥', inputMode: 'decimal', autoComplete: 'off' }}
        rules={[
          {
            validator: async (_, value: string = '') => {
              const amountFen = fenOfYuanText(value);
              if (amountFen === undefined) throw new Error('请输入金额，最多两位小数');
              if (amountFen <= 0) throw new Error('入账金额须大于 0');
              if (amountFen > MAX_DEPOSIT_FEN) throw new Error(`单笔入账不能超过 ${money(MAX_DEPOSIT_FEN)}`);
            },
          },
        ]}
      />
      <ProFormText
        name="bankReference"
        label="银行流水号"
        placeholder="对账单上该笔来账的流水号"
        fieldProps={{ autoComplete: 'off', style: { fontFamily: 'monospace' } }}
        rules={[
          {
            validator: async (_, value: string = '') => {
              if (!BANK_REFERENCE.test(value.trim())) throw new Error('6–40 位字母、数字或 -');
            },
          },
        ]}
      />
    </ModalForm>
  );
}

function ReserveSection({ partner, detail, canDraft, onSubmitted }: { partner: PartnerSummary; detail: PartnerDetail; canDraft: boolean; onSubmitted: (change: ChangeRequest) => void }) {
  const { reserveBalanceFen, pendingChangeId } = detail.reserve;
  return (
    <Descriptions
      id="partner-reserve"
      title="保证金"
      extra={canDraft && !pendingChangeId ? <ReserveDepositForm partnerId={partner.partnerId} partnerName={partner.name} onSubmitted={onSubmitted} /> : undefined}
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
    >
      <Descriptions.Item label="保证金余额">
        <span id="partner-reserve-balance" style={{ fontSize: 16, fontWeight: 600 }}>
          {money(reserveBalanceFen)}
        </span>
      </Descriptions.Item>
      {pendingChangeId && (
        <Descriptions.Item label="待复核入账">
          <Space size={8}>
            <Badge status="processing" text="待复核" />
            <Link id="partner-reserve-pending" to={changePath(pendingChangeId)}>
              查看待复核的入账
            </Link>
          </Space>
          <div style={{ marginTop: 4 }}>复核通过后计入余额；此前不能再登记入账。</div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function PartnerDrawer({ partner, scopeLabels, canDraft, onClose }: { partner: PartnerSummary; scopeLabels?: Record<string, string>; canDraft: boolean; onClose: () => void }) {
  const [detail, setDetail] = useState<PartnerDetail>();
  const [error, setError] = useState<string>();
  const [submitted, setSubmitted] = useState<ChangeRequest>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setDetail(await fetchPartner(partner.partnerId));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [partner.partnerId]);
  useEffect(() => {
    void load();
  }, [load]);

  const onSubmitted = (change: ChangeRequest) => {
    setSubmitted(change);
    void load();
  };

  const current = detail?.current;
  return (
    <Drawer open title={`合作方详情 · ${partner.name}`} width={720} onClose={onClose} destroyOnHidden footer={<Button onClick={onClose}>关闭</Button>}>
      {submitted && <SubmittedAlert id="reserve-submitted" change={submitted} note="须由另一名有复核权限的运营人员在复核中心复核，通过后计入保证金余额。" />}
      {error && <Alert id="partner-detail-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {!detail && !error && <Spin />}
      {detail && current && (
        <Space direction="vertical" size={24} style={{ width: '100%' }}>
          <Descriptions title="接入信息" column={1} size="small" bordered styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="合作方编号">{current.partnerId}</Descriptions.Item>
            <Descriptions.Item label="接入状态">{current.status === 'ACTIVE' ? <Badge status="success" text="正常接入" /> : <Badge status="default" text="暂停接入" />}</Descriptions.Item>
            <Descriptions.Item label="接口权限">
              <Space size={4} wrap>
                {current.scopes.map((scope) => (
                  <Tag key={scope}>{scopeLabels?.[scope] ?? scope}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="事件通知地址">{current.webhookUrls.length > 0 ? current.webhookUrls.join('，') : '—'}</Descriptions.Item>
            <Descriptions.Item label="商户手续费率">{`${current.feeRateBps} 基点（${formatRateBps(current.feeRateBps)}）`}</Descriptions.Item>
            <Descriptions.Item label="每分钟请求上限">{`${current.rateLimitPerMinute} 次`}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{chinaTime(detail.updatedAt)}</Descriptions.Item>
            {detail.pendingChange && (
              <Descriptions.Item label="待复核变更">
                <Link to={changePath(detail.pendingChange.changeId)}>{detail.pendingChange.entityLabel}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <ReserveSection partner={partner} detail={detail} canDraft={canDraft} onSubmitted={onSubmitted} />
        </Space>
      )}
    </Drawer>
  );
}
