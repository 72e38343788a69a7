// 逾期贷款: overdue loans by days-past-due bucket as the last day close listed them — a card per
// bucket with the server's count and total, and the chosen bucket's loans, paged by the server.
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { OVERDUE_BUCKET_LABELS } from '../../../../functions/domain/loan/product';
import { fetchOverdueLoans, type OverdueBucket, type OverduePage as Page } from '@/api/operations';
import { yuan } from './format';
import { useCursorPages } from '@/shell/cursor-pages';

type OverdueLoan = Page['loans'][number];
const PAGE_SIZE = 20;

const columns: ProColumns<OverdueLoan>[] = [
  { title: '贷款编号', dataIndex: 'loanId', width: 230, copyable: true },
  { title: '客户编号', dataIndex: 'customerId', width: 300, ellipsis: true },
  { title: '产品', dataIndex: 'productName', width: 120 },
  { title: '逾期天数', dataIndex: 'daysPastDue', width: 90, align: 'right' },
  { title: '最早未还到期日', dataIndex: 'oldestUnpaidDueDate', width: 130 },
  { title: '逾期本金', key: 'principal', width: 120, align: 'right', render: (_, loan) => yuan(loan.overduePrincipalFen) },
  { title: '逾期利息', key: 'interest', width: 110, align: 'right', render: (_, loan) => yuan(loan.overdueInterestFen) },
  { title: '罚息', key: 'penalty', width: 100, align: 'right', render: (_, loan) => yuan(loan.unpaidPenaltyFen) },
  { title: '逾期合计', key: 'total', width: 120, align: 'right', render: (_, loan) => <Typography.Text strong>{yuan(loan.overdueTotalFen)}</Typography.Text> },
];

export function OverduePage() {
  const [bucket, setBucket] = useState<OverdueBucket>();
  const [summary, setSummary] = useState<Pick<Page, 'asOf' | 'buckets' | 'bucket'>>();
  const pageOf = useCursorPages();
  return (
    <>
      {summary && !summary.asOf && <Alert style={{ marginBottom: 16 }} type="info" showIcon message="尚无日终批处理结果：逾期贷款清单由日终生成。" />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(summary?.buckets ?? []).map((entry) => (
          <Col span={6} key={entry.bucket}>
            <Card hoverable size="small" onClick={() => setBucket(entry.bucket)} style={entry.bucket === summary?.bucket ? { borderColor: '#1677ff' } : undefined}>
              <Statistic title={OVERDUE_BUCKET_LABELS[entry.bucket]} value={entry.loans} suffix="笔" />
              <Typography.Text type="secondary">逾期合计 {yuan(entry.overdueTotalFen)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <ProTable<OverdueLoan>
        key={bucket ?? 'first'}
        headerTitle={summary ? `${OVERDUE_BUCKET_LABELS[summary.bucket]}${summary.asOf ? `（截至营业日 ${summary.asOf}）` : ''}` : '逾期贷款'}
        rowKey="loanId"
        search={false}
        options={false}
        columns={columns}
        scroll={{ x: 1300 }}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
        request={({ current = 1 }) =>
          pageOf(bucket ?? '', current, PAGE_SIZE, async (cursor) => {
            const page = await fetchOverdueLoans(bucket, PAGE_SIZE, cursor);
            setSummary({ asOf: page.asOf, buckets: page.buckets, bucket: page.bucket });
            return { rows: page.loans, nextCursor: page.nextCursor };
          })
        }
      />
    </>
  );
}
