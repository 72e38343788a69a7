// 产品工厂 · 理财产品: the wealth products as the server lists them (latest NAV or 7-day yield, the
// change waiting on each), each to its page; 新建理财产品 for those who draft product changes.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Badge, Button, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchWealthProducts, type WealthProductSummary } from '@/api/wealth';
import { chinaTime } from '@/pages/AuditLog';
import { sectionTabs } from '../sections';

interface Props {
  canDraft: boolean;
  changePath(changeId: string): string;
}

const columns = (changePath: Props['changePath']): ProColumns<WealthProductSummary>[] => [
  { title: '产品编号', dataIndex: 'productId', width: 160, render: (_, product) => <Link to={product.productId}>{product.productId}</Link> },
  { title: '产品名称', dataIndex: 'name', width: 200 },
  { title: '类型', dataIndex: 'typeLabel', width: 100 },
  { title: '风险等级', dataIndex: 'riskLabel', width: 120 },
  {
    title: '申购状态',
    dataIndex: 'status',
    width: 100,
    render: (_, product) => <Badge status={product.status === 'OPEN' ? 'success' : 'default'} text={product.status === 'OPEN' ? '开放申购' : '暂停申购'} />,
  },
  {
    title: '最新净值/收益',
    key: 'headline',
    width: 190,
    render: (_, product) => `${product.headline.label} ${product.headline.display}${product.headline.date ? `（${product.headline.date}）` : ''}`,
  },
  { title: '当前版本', dataIndex: 'currentVersion', width: 90, render: (_, product) => `v${product.currentVersion}` },
  { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (_, product) => chinaTime(product.updatedAt) },
  {
    title: '待复核变更',
    key: 'pending',
    width: 100,
    render: (_, product) => (product.pendingChangeId ? <Link to={changePath(product.pendingChangeId)}>查看</Link> : '—'),
  },
];

export function WealthList({ canDraft, changePath }: Props) {
  const navigate = useNavigate();
  const [businessDate, setBusinessDate] = useState<string | undefined>();
  return (
    <PageContainer title="产品工厂" subTitle="理财产品、净值与收益率是数据：起草 → 他人复核 → 按生效时间发布，无需发版" {...sectionTabs('wealth', navigate)}>
      <ProTable<WealthProductSummary>
        id="wealth-products-table"
        rowKey="productId"
        columns={columns(changePath)}
        search={false}
        pagination={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle={
          <span>
            理财产品
            {businessDate && (
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                业务日期 {businessDate}
              </Typography.Text>
            )}
          </span>
        }
        request={async () => {
          const page = await fetchWealthProducts();
          setBusinessDate(page.businessDate);
          return { data: page.products, success: true, total: page.products.length };
        }}
        toolBarRender={() =>
          canDraft
            ? [
                <Button key="new" id="wealth-new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
                  新建理财产品
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
