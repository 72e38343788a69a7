// 产品工厂 → 缴费机构: every biller, suspended ones included, as the server lists them, each to its
// detail; 新增缴费机构 for those who draft product changes.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Badge, Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type BillerSummary, fetchBillers } from '@/api/billers';
import { chinaTime } from '@/pages/AuditLog';
import { sectionTabs } from '../sections';

interface Props {
  canDraft: boolean;
  changePath(changeId: string): string;
}

const columns = (changePath: Props['changePath']): ProColumns<BillerSummary>[] => [
  { title: '机构编号', dataIndex: 'billerId', width: 170, render: (_, biller) => <Link to={biller.billerId}>{biller.billerId}</Link> },
  { title: '机构名称', dataIndex: 'name', width: 200 },
  { title: '类别', dataIndex: 'categoryLabel', width: 100 },
  { title: '城市', dataIndex: 'cityName', width: 80 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (_, biller) => (biller.status === 'ACTIVE' ? <Badge status="success" text="正常服务" /> : <Badge status="default" text="暂停服务" />),
  },
  { title: '更新时间', dataIndex: 'updatedAt', width: 180, render: (_, biller) => chinaTime(biller.updatedAt) },
  {
    title: '待复核变更',
    key: 'pending',
    width: 110,
    render: (_, biller) => (biller.pendingChangeId ? <Link to={changePath(biller.pendingChangeId)}>查看</Link> : '—'),
  },
];

export function BillerList({ canDraft, changePath }: Props) {
  const navigate = useNavigate();
  return (
    <PageContainer title="产品工厂" subTitle="缴费机构是数据：新增、修改、暂停均须他人复核，无需发版" {...sectionTabs('billers', navigate)}>
      <ProTable<BillerSummary>
        id="billers-table"
        rowKey="billerId"
        columns={columns(changePath)}
        search={false}
        pagination={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="缴费机构"
        request={async () => {
          const { billers } = await fetchBillers();
          return { data: billers, success: true, total: billers.length };
        }}
        toolBarRender={() =>
          canDraft
            ? [
                <Button key="new" id="biller-new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
                  新增缴费机构
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
