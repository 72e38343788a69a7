// A loan product: its version on sale (an approved version never changes: a new one supersedes
// it), every version with who made and who approved it, the change waiting for review, and the
// starts of a new version or a new product from this one.
import { CopyOutlined, ForkOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Result, Skeleton, Space, Table, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '@/api/http';
import { fetchLoanProduct } from '@/api/products';
import type { LoanProductDetail } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { fieldLabel, formatValue, LOAN_PRODUCT_FIELDS } from '../changes/labels';

interface Props {
  productId: string;
  canDraft: boolean;
  changePath(changeId: string): string;
}


type State = { kind: 'loading' } | { kind: 'ready'; detail: LoanProductDetail } | { kind: 'failed'; message: string };

export function ProductDetail({ productId, canDraft, changePath }: Props) {
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    fetchLoanProduct(productId).then(
      (detail) => live && setState({ kind: 'ready', detail }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [productId]);

  if (state.kind === 'loading') return <PageContainer title={productId}><Skeleton active /></PageContainer>;
  if (state.kind === 'failed') return <Result status="warning" title="无法加载该产品" subTitle={state.message} extra={<Link to="..">返回产品列表</Link>} />;
  const { current, versions, pendingChange } = state.detail;
  const pendingNote = pendingChange ? '该产品已有待复核的变更，处理后才能提交新版本' : undefined;

  return (
    <PageContainer
      title={current.name}
      subTitle={`${current.productId} · 当前版本 v${current.version}`}
      onBack={() => navigate('..')}
      extra={
        canDraft
          ? [
              <Tooltip key="clone" title="以此产品为起点，新建另一个产品">
                <Button id="product-clone" icon={<ForkOutlined />} onClick={() => navigate('clone')}>
                  复制为新产品
                </Button>
              </Tooltip>,
              <Tooltip key="version" title={pendingNote}>
                <Button id="product-new-version" type="primary" icon={<CopyOutlined />} disabled={pendingChange !== undefined} onClick={() => navigate('new-version')}>
                  复制为新版本
                </Button>
              </Tooltip>,
            ]
          : []
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {pendingChange && (
          <Alert
            id="product-pending"
            type="info"
            showIcon
            message={`待复核：${pendingChange.entityLabel}（${pendingChange.maker.displayName} 提交于 ${chinaTime(pendingChange.submittedAt)}）`}
            action={<Link to={changePath(pendingChange.changeId)}>查看变更</Link>}
          />
        )}
        <ProCard title={`当前版本 v${current.version}`} subTitle="已发布的版本不可修改，变更将发布为新版本" bordered>
          <Descriptions id="product-current" column={2} size="small" bordered>
            {LOAN_PRODUCT_FIELDS.map((field) => (
              <Descriptions.Item key={field} label={fieldLabel(field)}>
                {formatValue(field, current[field])}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </ProCard>
        <ProCard title="版本历史" bordered>
          <Table
            id="product-versions"
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={[...versions].sort((a, b) => b.version - a.version)}
            columns={[
              { title: '版本', dataIndex: 'version', width: 80, render: (version: number) => `v${version}` },
              { title: '发布时间', dataIndex: 'publishedAt', width: 200, render: (at: string) => chinaTime(at) },
              { title: '起草人', dataIndex: 'makerLogin', render: (login?: string) => login ?? '—' },
              { title: '复核人', dataIndex: 'checkerLogin', render: (login?: string) => login ?? '—' },
              {
                title: '变更单',
                dataIndex: 'changeId',
                render: (changeId?: string) => (changeId ? <Link to={changePath(changeId)}>查看</Link> : '初始版本'),
              },
            ]}
          />
        </ProCard>
      </Space>
    </PageContainer>
  );
}
