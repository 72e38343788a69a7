// 开放平台 › 商户进件审核: the merchants partners proposed, oldest first, each with its licence, its
// community and its settlement account as the server shows it (last four digits). Those who draft
// (partners.draft) give an opinion — 通过 or 不通过, with a note — which the server checks against
// the settlement gateway (an approval needs the account held in the merchant's registered name)
// and a second operator approves in 复核中心. Loaded on demand by the shell.
import { ModalForm, PageContainer, ProFormRadio, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/api/http';
import { fetchReviewQueue, type MerchantReview, type MerchantUnderReview, submitMerchantReview } from '@/api/partners';
import type { ChangeRequest, OperatorView } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { accessFor } from '@/shell/access';
import { useCursorPages } from '@/shell/cursor-pages';
import { changePath } from '@/shell/menu';
import { SubmittedAlert } from '@/shell/SubmittedAlert';

/** The server's page size (services/partner-factory.ts REVIEW_PAGE_SIZE). */
const REVIEW_PAGE_SIZE = 50;

function ReviewForm({ merchant, onSubmitted }: { merchant: MerchantUnderReview; onSubmitted: (change: ChangeRequest) => void }) {
  const [error, setError] = useState<string>();
  return (
    <ModalForm<Pick<MerchantReview, 'decision' | 'reviewNote'>>
      title={`审核商户：${merchant.shortName}`}
      trigger={<Button type="link">审核</Button>}
      modalProps={{ destroyOnHidden: true, onCancel: () => setError(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核', resetText: '取消' } }}
      onFinish={async ({ decision, reviewNote }) => {
        setError(undefined);
        try {
          onSubmitted(await submitMerchantReview({ partnerId: merchant.partnerId, merchantId: merchant.merchantId, decision, reviewNote: reviewNote.trim() }));
          return true;
        } catch (failure) {
          setError(errorMessage(failure));
          return false;
        }
      }}
    >
      {error && <Alert id="review-form-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        通过前系统会向清算通道核验结算账户户名是否为「{merchant.name}」，不一致或账户不存在则不能通过。审核意见须由另一名运营人员复核后生效。
      </Typography.Paragraph>
      <ProFormRadio.Group
        name="decision"
        label="审核意见"
        options={[
          { value: 'APPROVE', label: '通过（可收款）' },
          { value: 'REJECT', label: '不通过' },
        ]}
        rules={[{ required: true, message: '请选择审核意见' }]}
      />
      <ProFormTextArea name="reviewNote" label="说明（合作方可见）" placeholder="例如：营业执照与结算账户信息一致" fieldProps={{ rows: 3, showCount: true, maxLength: 200 }} rules={[{ required: true, message: '请填写说明' }, { min: 2, message: '至少 2 个字' }]} />
    </ModalForm>
  );
}

export function MerchantReviews({ canDraft }: { canDraft: boolean }) {
  const table = useRef<ActionType>();
  const pageOf = useCursorPages();
  const [submitted, setSubmitted] = useState<ChangeRequest>();
  const columns: ProColumns<MerchantUnderReview>[] = [
    { title: '商户', dataIndex: 'shortName', width: 170, render: (_, merchant) => <Space direction="vertical" size={0}><Typography.Text strong>{merchant.shortName}</Typography.Text><Typography.Text type="secondary">{merchant.name}</Typography.Text></Space> },
    { title: '合作方', dataIndex: 'partnerName', width: 150 },
    { title: '类别', dataIndex: 'categoryLabel', width: 90 },
    { title: '所在社区', dataIndex: ['community', 'name'], width: 110 },
    { title: '统一社会信用代码', dataIndex: 'licenceNo', width: 180, render: (_, merchant) => <code>{merchant.licenceNo}</code> },
    {
      title: '结算账户',
      key: 'settlement',
      render: (_, merchant) => (
        <Space direction="vertical" size={0}>
          <span>{merchant.settlementAccount.bankName} {merchant.settlementAccount.accountNumberMasked}</span>
          <Typography.Text type="secondary">户名：{merchant.settlementAccount.holderName}</Typography.Text>
        </Space>
      ),
    },
    { title: '进件时间', dataIndex: 'proposedAt', width: 170, render: (_, merchant) => chinaTime(merchant.proposedAt) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, merchant) =>
        merchant.pendingChangeId ? (
          <Link to={changePath(merchant.pendingChangeId)}>待复核意见</Link>
        ) : canDraft ? (
          <ReviewForm
            merchant={merchant}
            onSubmitted={(change) => {
              setSubmitted(change);
              void table.current?.reload();
            }}
          />
        ) : (
          '—'
        ),
    },
  ];
  return (
    <PageContainer title="商户进件审核" subTitle="合作方进件的商户须经银行审核（了解你的商户）：一人提出审核意见，另一人复核后生效">
      {submitted && <SubmittedAlert id="review-submitted" change={submitted} note="须由另一名有复核权限的运营人员在复核中心复核，通过后生效。" />}
      <ProTable<MerchantUnderReview>
        id="merchant-reviews-table"
        rowKey="merchantId"
        actionRef={table}
        columns={columns}
        search={false}
        pagination={{ pageSize: REVIEW_PAGE_SIZE, showSizeChanger: false }}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="待审核商户"
        locale={{ emptyText: '没有待审核的商户' }}
        request={({ current = 1 }) =>
          pageOf('', current, REVIEW_PAGE_SIZE, async (cursor) => {
            const queue = await fetchReviewQueue(cursor ?? undefined);
            return { rows: queue.merchants, nextCursor: queue.nextCursor };
          })
        }
      />
    </PageContainer>
  );
}

export default function MerchantReviewsPage({ operator }: { operator: OperatorView }) {
  return <MerchantReviews canDraft={accessFor(operator).canDraftPartners} />;
}
