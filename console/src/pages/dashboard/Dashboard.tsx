// 经营看板: the day close's snapshot of a business date, drawn. Every figure (counts, amounts,
// shares of the funnel, ranks) is the server's; the page converts fen to yuan for the charts' axes
// and formats, nothing else. The chart library loads with this page only (Shell.tsx imports it
// lazily), so the sign-in page and the shell stay small (docs/BENCHMARKS.md item 7).
import { Bar, Column, Funnel, Line, Pie } from '@ant-design/plots';
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Dashboard as DashboardView, type DashboardSnapshot, fetchDashboard } from '@/api/dashboard';
import { chinaTime, yuan } from '@/pages/operations/format';

/** Fen as yuan, for a chart's scale only (the labels show the server's fen formatted). */
const toYuan = (amountFen: number) => amountFen / 100;
const CHART_HEIGHT = 280;

type LeaderRow = DashboardSnapshot['leaderboard']['rows'][number];

const leaderColumns = [
  { title: '名次', dataIndex: 'rank', width: 64 },
  { title: '客户经理', key: 'name', render: (_: unknown, row: LeaderRow) => `${row.name}（${row.staffNo}）` },
  { title: '网点', dataIndex: 'branchName' },
  { title: '推荐客户', dataIndex: 'referred', align: 'right' as const },
  { title: '开户', dataIndex: 'accountsOpened', align: 'right' as const },
  { title: '带来交易额', key: 'money', align: 'right' as const, render: (_: unknown, row: LeaderRow) => yuan(row.moneyFen) },
];

function Figures({ snapshot }: { snapshot: DashboardSnapshot }) {
  const cards = [
    { title: '电子账户余额合计', value: yuan(snapshot.eAccounts.totalBalanceFen) },
    { title: `贷款余额（${snapshot.loans.loans} 笔）`, value: yuan(snapshot.loans.outstandingPrincipalFen) },
    { title: '理财资产市值', value: yuan(snapshot.wealth.marketValueFen) },
    { title: `当日缴费（${snapshot.bills.payments} 笔）`, value: yuan(snapshot.bills.amountFen) },
  ];
  return (
    <Row gutter={16}>
      {cards.map((card) => (
        <Col span={6} key={card.title}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ view, snapshot }: { view: DashboardView; snapshot: DashboardSnapshot }) {
  const funnel = snapshot.funnel.map((row) => ({ stage: row.label, customers: row.customers, share: row.ofSignedUpDisplay }));
  const trend = view.trend.flatMap((point) => [
    { date: point.businessDate, series: '电子账户余额', yuan: toYuan(point.eAccountsTotalFen) },
    { date: point.businessDate, series: '贷款余额', yuan: toYuan(point.loansOutstandingFen) },
    { date: point.businessDate, series: '理财市值', yuan: toYuan(point.wealthMarketValueFen) },
  ]);
  const buckets = snapshot.loans.buckets.map((row) => ({ bucket: row.label, yuan: toYuan(row.outstandingPrincipalFen), text: `${row.loans} 笔 ${yuan(row.outstandingPrincipalFen)}` }));
  // A pie of nothing draws equal slices: products nobody holds are left out of it.
  const wealth = snapshot.wealth.products.filter((row) => row.marketValueFen > 0).map((row) => ({ product: row.name, yuan: toYuan(row.marketValueFen), text: `${row.holders} 人 ${yuan(row.marketValueFen)}` }));
  const bills = snapshot.bills.categories.map((row) => ({ category: row.label, yuan: toYuan(row.amountFen), text: `${row.payments} 笔 ${yuan(row.amountFen)}` }));
  const none = (description: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ height: CHART_HEIGHT - 40 }} />;
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="客户转化漏斗（累计客户数）" size="small">
            <Funnel data={funnel} xField="stage" yField="customers" height={CHART_HEIGHT} label={{ text: (d: { stage: string; customers: number; share: string }) => `${d.stage} ${d.customers} 人（${d.share}）` }} legend={false} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={`近 ${view.trend.length} 个营业日（元）`} size="small">
            <Line data={trend} xField="date" yField="yuan" colorField="series" height={CHART_HEIGHT} point={{ shapeField: 'circle', sizeField: 3 }} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="贷款余额（按逾期天数）" size="small">
            <Column data={buckets} xField="bucket" yField="yuan" height={CHART_HEIGHT} label={{ text: 'text', position: 'top' }} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="理财资产市值（按产品）" size="small">
            {wealth.length ? <Pie data={wealth} angleField="yuan" colorField="product" height={CHART_HEIGHT} innerRadius={0.5} label={{ text: 'text', position: 'outside' }} /> : none('暂无理财持仓')}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="当日缴费（按类别）" size="small">
            {bills.length ? <Bar data={bills} xField="category" yField="yuan" height={CHART_HEIGHT} label={{ text: 'text' }} /> : none('当日无缴费')}
          </Card>
        </Col>
        <Col span={12}>
          <Card title={`客户经理排行（${snapshot.leaderboard.from} 至 ${snapshot.leaderboard.to}）`} size="small">
            {snapshot.leaderboard.truncated && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message="部分客户经理的业务量超出单次统计上限，数字为下限。" />}
            <Table<LeaderRow> rowKey="staffId" size="small" pagination={false} columns={leaderColumns} dataSource={snapshot.leaderboard.rows} locale={{ emptyText: '暂无客户经理' }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function Dashboard() {
  const [date, setDate] = useState<string>();
  const [view, setView] = useState<DashboardView>();
  const [failure, setFailure] = useState<string>();
  // The dates offered are those of the newest answer's trend: every snapshot of the last weeks.
  const [dates, setDates] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    setFailure(undefined);
    fetchDashboard(date).then(
      (answer) => {
        if (!current) return;
        setView(answer);
        if (date === undefined) setDates(answer.trend.map((point) => point.businessDate).reverse());
      },
      (error: Error) => current && setFailure(error.message),
    );
    return () => {
      current = false;
    };
  }, [date]);

  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!view) return <Skeleton active />;
  const { snapshot } = view;
  if (!snapshot) return <Alert type="info" showIcon message="尚无经营数据：看板数据由日终批处理生成，首次日终后可见。" />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          经营看板
        </Typography.Title>
        <Typography.Text type="secondary">
          截至营业日 {snapshot.businessDate} 日终（生成于 {chinaTime(snapshot.takenAt)}）
        </Typography.Text>
        <Select
          aria-label="营业日"
          style={{ width: 160 }}
          value={snapshot.businessDate}
          options={dates.map((value) => ({ value, label: value }))}
          onChange={(value: string) => setDate(value)}
        />
      </Space>
      <Figures snapshot={snapshot} />
      <Charts view={view} snapshot={snapshot} />
    </Space>
  );
}
