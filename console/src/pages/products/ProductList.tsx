// 产品工厂: the loan products on sale, as the server lists them (with the LPR they are priced on),
// each to its detail; 新建产品 and 调整 LPR for those who draft product changes.
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormDateTimePicker, ProFormDigit, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { JUDICIAL_RATE_CEILING_BPS } from '../../../../functions/domain/loan/product';
import { errorMessage } from '@/api/http';
import { fetchLoanProducts, submitLprChange } from '@/api/products';
import type { ChangeRequest, LoanProductPage, LoanProductSummary } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { LOAN_KIND_LABELS } from '../changes/labels';
import { sectionTabs } from './sections';

interface Props {
  canDraft: boolean;
  /** Where a submitted change is shown (复核中心's detail). */
  changePath(changeId: string): string;
}

const columns = (changePath: Props['changePath']): ProColumns<LoanProductSummary>[] => [
  { title: '产品编号', dataIndex: 'productId', width: 180, render: (_, product) => <Link to={product.productId}>{product.productId}</Link> },
  { title: '产品名称', dataIndex: 'name', width: 180 },
  { title: '类型', dataIndex: 'kind', width: 140, render: (_, product) => LOAN_KIND_LABELS[product.kind] ?? product.kind },
  { title: '当前版本', dataIndex: 'currentVersion', width: 100, render: (_, product) => `v${product.currentVersion}` },
  { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: (_, product) => chinaTime(product.updatedAt) },
  {
    title: '待复核变更',
    key: 'pending',
    width: 120,
    render: (_, product) => (product.pendingChangeId ? <Link to={changePath(product.pendingChangeId)}>查看</Link> : '—'),
  },
];

function LprForm({ lprDisplay, onSubmitted }: { lprDisplay: string | undefined; onSubmitted(change: ChangeRequest): void }) {
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <ModalForm<{ oneYearLprBps: number; effectiveAt?: number }>
      title="调整一年期 LPR"
      width={480}
      dateFormatter="number"
      trigger={<Button id="lpr-change">调整 LPR</Button>}
      modalProps={{ destroyOnHidden: true, onCancel: () => setProblem(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核' } }}
      onFinish={async ({ oneYearLprBps, effectiveAt }) => {
        setProblem(undefined);
        try {
          onSubmitted(await submitLprChange(oneYearLprBps, effectiveAt === undefined ? undefined : new Date(effectiveAt).toISOString()));
          return true;
        } catch (error) {
          setProblem(errorMessage(error));
          return false;
        }
      }}
    >
      {problem && <Alert id="lpr-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        当前一年期 LPR：{lprDisplay ?? '—'}。所有产品按“LPR + 利差”定价，复核通过后对新发放的借款生效。
      </Typography.Paragraph>
      <ProFormDigit
        name="oneYearLprBps"
        label="新的一年期 LPR（基点，1 基点 = 0.01%）"
        fieldProps={{ id: 'oneYearLprBps', precision: 0 }}
        rules={[
          { required: true, message: '请输入一年期 LPR' },
          { type: 'number', min: 1, max: JUDICIAL_RATE_CEILING_BPS, message: `一年期 LPR 须在 1–${JUDICIAL_RATE_CEILING_BPS} 基点之间` },
        ]}
      />
      <ProFormDateTimePicker name="effectiveAt" label="生效时间" tooltip="不填则复核通过后立即生效" fieldProps={{ placeholder: '复核通过后立即生效' }} />
    </ModalForm>
  );
}

export function ProductList({ canDraft, changePath }: Props) {
  const navigate = useNavigate();
  const [lpr, setLpr] = useState<Pick<LoanProductPage, 'lprDisplay' | 'lprPendingChangeId'> | undefined>();
  const toChange = (change: ChangeRequest) => navigate(changePath(change.changeId));
  return (
    <PageContainer title="产品工厂" subTitle="贷款产品是数据：起草 → 他人复核 → 按生效时间发布，无需发版" {...sectionTabs('loans', navigate)}>
      <ProTable<LoanProductSummary>
        id="products-table"
        rowKey="productId"
        columns={columns(changePath)}
        search={false}
        pagination={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle={
          <Space size="middle">
            <span>贷款产品</span>
            {lpr && (
              <Typography.Text type="secondary" id="products-lpr">
                一年期 LPR {lpr.lprDisplay}
                {lpr.lprPendingChangeId && (
                  <>
                    {'（'}
                    <Link to={changePath(lpr.lprPendingChangeId)}>有待复核的调整</Link>
                    {'）'}
                  </>
                )}
              </Typography.Text>
            )}
          </Space>
        }
        request={async () => {
          const page = await fetchLoanProducts();
          setLpr({ lprDisplay: page.lprDisplay, lprPendingChangeId: page.lprPendingChangeId });
          return { data: page.products, success: true, total: page.products.length };
        }}
        toolBarRender={() =>
          canDraft
            ? [
                <LprForm key="lpr" lprDisplay={lpr?.lprDisplay} onSubmitted={toChange} />,
                <Button key="new" id="product-new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
                  新建产品
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
