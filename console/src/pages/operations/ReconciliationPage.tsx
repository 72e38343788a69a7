// 对账报告: a business date's bill reconciliation as the day close ran it — counts and amounts on
// both sides, and each mismatch with the action taken (the alerts in 对账差异 are worked from these).
// Figures are the server's, only formatted.
import { ProCard, StatisticCard } from '@ant-design/pro-components';
import { Alert, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { MISMATCH_KIND_LABELS } from '../../../../functions/domain/bills/reconciliation-alerts';
import { fetchReconciliation, type ReconciliationMismatch, type ReconciliationReport } from '@/api/billers';
import { errorMessage } from '@/api/http';
import { chinaTime, yuan } from './format';

const ACTION_LABELS: Record<ReconciliationMismatch['action'], string> = {
  REFUND_PENDING_REVIEW: '暂扣结算款，复核后退还客户',
  BILLER_TO_REVERSE: '通知缴费单位冲正',
};

/** Yesterday in China: the last date a day close can have reconciled. */
const lastClosedDate = () => dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)).subtract(1, 'day');

type State = { kind: 'loading' } | { kind: 'ready'; report: ReconciliationReport } | { kind: 'failed'; message: string };

export function ReconciliationPage() {
  const [date, setDate] = useState<Dayjs>(lastClosedDate);
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchReconciliation(date.format('YYYY-MM-DD')).then(
      (report) => live && setState({ kind: 'ready', report }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [date]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>营业日</Typography.Text>
        <DatePicker id="reconciliation-date" value={date} allowClear={false} onChange={(picked) => picked && setDate(picked)} />
      </Space>
      {state.kind === 'failed' && <Alert id="reconciliation-problem" type="warning" showIcon message={state.message} />}
      {state.kind === 'ready' && <Report report={state.report} />}
    </Space>
  );
}

function Report({ report }: { report: ReconciliationReport }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} id="reconciliation-report">
      <StatisticCard.Group direction="row">
        <StatisticCard statistic={{ title: '本行已结算', value: `${report.jinlinCount} 笔`, description: yuan(report.jinlinFen) }} />
        <StatisticCard statistic={{ title: '渠道对账单', value: `${report.gatewayCount} 笔`, description: yuan(report.gatewayFen) }} />
        <StatisticCard statistic={{ title: '一致', value: `${report.matched} 笔`, description: yuan(report.matchedFen) }} />
        <StatisticCard statistic={{ title: '差异', value: `${report.mismatchCount} 笔`, status: report.mismatchCount > 0 ? 'error' : 'success' }} />
      </StatisticCard.Group>
      <ProCard title="差异明细" subTitle={`对账时间 ${chinaTime(report.ranAt)}`} bordered>
        {report.mismatches.length === 0 ? (
          <Empty description="两边一致，无差异" />
        ) : (
          <Table<ReconciliationMismatch>
            id="reconciliation-mismatches"
            size="small"
            rowKey="reference"
            pagination={false}
            dataSource={report.mismatches}
            columns={[
              { title: '类型', dataIndex: 'kind', width: 130, render: (kind: ReconciliationMismatch['kind']) => <Tag color="red">{MISMATCH_KIND_LABELS[kind]}</Tag> },
              { title: '交易参考号', dataIndex: 'reference', width: 260, ellipsis: true },
              { title: '缴费单位', dataIndex: 'billerId', width: 140 },
              { title: '本行金额', dataIndex: 'jinlinAmountFen', width: 110, align: 'right', render: (fen: number | null) => yuan(fen) },
              { title: '渠道金额', dataIndex: 'gatewayAmountFen', width: 110, align: 'right', render: (fen: number | null) => yuan(fen) },
              { title: '处理', dataIndex: 'action', width: 200, render: (action: ReconciliationMismatch['action']) => ACTION_LABELS[action] },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
        )}
      </ProCard>
    </Space>
  );
}
