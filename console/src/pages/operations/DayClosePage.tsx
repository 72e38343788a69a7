// 日终批处理: the business date and the latest run with each step's counts and errors, 立即执行
// behind a confirmation (what it will close depends on the stage: the server says) — the server
// starts the close in the background, and the page follows its run until it ends — and the
// history of runs, paged by the server.
import { PlayCircleOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Badge, Button, Card, Descriptions, Empty, List, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DAY_CLOSE_COUNT_LABELS, DAY_CLOSE_STEP_LABELS } from '../../../../functions/domain/operations-labels';
import { errorMessage } from '@/api/http';
import { type DayCloseRun, type DayCloseState, type DayCloseStep, fetchDayCloseRuns, fetchDayCloseStatus, startDayCloseNow } from '@/api/operations';
import { chinaTime, yuan } from './format';
import { useCursorPages } from '@/shell/cursor-pages';

const RUN_STATUS: Record<DayCloseRun['status'], { text: string; status: 'processing' | 'success' | 'error' }> = {
  RUNNING: { text: '执行中', status: 'processing' },
  SUCCEEDED: { text: '成功', status: 'success' },
  FAILED: { text: '失败', status: 'error' },
};

export const runStatus = (status: DayCloseRun['status']) => <Badge status={RUN_STATUS[status].status} text={RUN_STATUS[status].text} />;

const startedBy = (run: DayCloseRun) => (run.startedBy.kind === 'system' ? '定时任务' : run.startedBy.displayName ? `${run.startedBy.displayName}（${run.startedBy.login}）` : run.startedBy.id);

/** Amounts are counts whose name ends in Fen: shown in yuan. */
const countText = (name: string, value: number) => (name.endsWith('Fen') ? yuan(value) : String(value));

function StepCounts({ step }: { step: DayCloseStep }) {
  const entries = Object.entries(step.counts);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {entries.map(([name, value]) => (
        <Tag key={name}>
          {DAY_CLOSE_COUNT_LABELS[name] ?? name}：{countText(name, value)}
        </Tag>
      ))}
    </Space>
  );
}

export function StepsTable({ run }: { run: DayCloseRun }) {
  return (
    <Table
      size="small"
      rowKey="step"
      pagination={false}
      dataSource={run.steps}
      columns={[
        { title: '步骤', key: 'step', width: 260, render: (_, step) => DAY_CLOSE_STEP_LABELS[step.step] },
        { title: '状态', key: 'status', width: 90, render: (_, step) => (step.status === 'SUCCEEDED' ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>) },
        { title: '处理结果', key: 'counts', render: (_, step) => <StepCounts step={step} /> },
        {
          title: '异常',
          key: 'errors',
          width: 320,
          render: (_, step) =>
            step.errorCount === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <List
                size="small"
                header={<Typography.Text type="danger">{step.errorCount} 项未完成，下次日终重试</Typography.Text>}
                dataSource={step.errors}
                renderItem={(error) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <Typography.Text code>{error.ref}</Typography.Text> {error.message}
                  </List.Item>
                )}
              />
            ),
        },
      ]}
    />
  );
}

const historyColumns: ProColumns<DayCloseRun>[] = [
  { title: '营业日', dataIndex: 'closedDate', width: 120 },
  { title: '状态', key: 'status', width: 100, render: (_, run) => runStatus(run.status) },
  { title: '发起', key: 'startedBy', width: 200, render: (_, run) => startedBy(run) },
  { title: '开始时间', key: 'startedAt', width: 180, render: (_, run) => chinaTime(run.startedAt) },
  { title: '结束时间', key: 'finishedAt', width: 180, render: (_, run) => chinaTime(run.finishedAt) },
  { title: '执行次数', dataIndex: 'attempts', width: 90 },
  { title: '异常', key: 'errors', render: (_, run) => run.steps.reduce((sum, step) => sum + step.errorCount, 0) || '无' },
];

const HISTORY_PAGE = 10;

/** How often the page asks how a started close goes, and for how long: the job may run 15
 *  minutes (serverless.yml dayClose), after which the run would be taken for dead. */
const POLL_INTERVAL_MS = 1_500;
const POLL_FOR_MS = 16 * 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The close started on `businessDate` has ended when the latest run is of that date (or, catching
 *  up, a later one) and no longer running. */
const ended = (state: DayCloseState, businessDate: string) => state.latest !== null && state.latest.closedDate >= businessDate && state.latest.status !== 'RUNNING';

export function DayClosePage({ canRun }: { canRun: boolean }) {
  const { message } = App.useApp();
  const [state, setState] = useState<DayCloseState>();
  const [loadError, setLoadError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const historyRequest = useHistory();
  // Following a started close stops when the page goes.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const load = useCallback(() => {
    fetchDayCloseStatus().then(setState, (error) => setLoadError(errorMessage(error)));
  }, []);
  useEffect(load, [load]);

  /** Follows the close started on `businessDate` until its run ends; the status card shows it meanwhile. */
  const follow = async (businessDate: string) => {
    for (const deadline = Date.now() + POLL_FOR_MS; Date.now() < deadline && mounted.current; ) {
      await pause(POLL_INTERVAL_MS);
      const current = await fetchDayCloseStatus();
      if (!mounted.current) return;
      setState(current);
      if (ended(current, businessDate)) {
        const latest = current.latest!;
        const dates = latest.closedDate === businessDate ? businessDate : `${businessDate} 至 ${latest.closedDate}`;
        if (latest.status === 'SUCCEEDED') message.success(`日终批处理完成：${dates}`);
        else message.error(`日终批处理失败（营业日 ${latest.closedDate}）：${latest.failure ?? '见步骤'}`);
        return;
      }
    }
    if (mounted.current) message.info('日终批处理仍在进行中，请稍后查看结果');
  };

  const run = async () => {
    setRunning(true);
    try {
      const started = await startDayCloseNow();
      message.info(`已开始营业日 ${started.businessDate} 的日终批处理`);
      await follow(started.businessDate);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      if (mounted.current) {
        setRunning(false);
        load();
        setHistoryKey((key) => key + 1);
      }
    }
  };

  if (loadError) return <Alert type="error" showIcon message={loadError} />;
  if (!state) return <Spin />;
  const confirmText =
    state.runMode === 'CLOSE_CURRENT'
      ? `将立即关闭营业日 ${state.businessDate} 并切换到下一营业日（仅本地与测试环境）。确定执行？`
      : '将补做今日之前尚未完成的日终（与定时任务相同）。确定执行？';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="当前状态"
        extra={
          canRun && (
            <Popconfirm title="立即执行日终批处理" description={confirmText} okText="确定执行" cancelText="取消" onConfirm={run} disabled={running}>
              <Button type="primary" icon={<PlayCircleOutlined />} loading={running}>
                立即执行
              </Button>
            </Popconfirm>
          )
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="营业日期">{state.businessDate}</Descriptions.Item>
          <Descriptions.Item label="自然日（北京时间）">{state.calendarDate}</Descriptions.Item>
          <Descriptions.Item label="调度">{state.schedule}</Descriptions.Item>
          <Descriptions.Item label="最近一次">{state.latest ? `营业日 ${state.latest.closedDate}` : '尚未执行'}</Descriptions.Item>
          <Descriptions.Item label="结果">{state.latest ? runStatus(state.latest.status) : '—'}</Descriptions.Item>
          <Descriptions.Item label="发起">{state.latest ? startedBy(state.latest) : '—'}</Descriptions.Item>
        </Descriptions>
        {state.latest?.failure && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`失败原因：${state.latest.failure}`} />}
      </Card>
      <Card title="最近一次的步骤">{state.latest ? <StepsTable run={state.latest} /> : <Empty description="尚无日终记录" />}</Card>
      <ProTable<DayCloseRun>
        key={historyKey}
        headerTitle="执行历史"
        rowKey="closedDate"
        search={false}
        options={false}
        columns={historyColumns}
        expandable={{ expandedRowRender: (record) => <StepsTable run={record} /> }}
        pagination={{ pageSize: HISTORY_PAGE, showSizeChanger: false }}
        request={historyRequest}
      />
    </Space>
  );
}

function useHistory() {
  const pageOf = useCursorPages();
  return ({ current = 1 }: { current?: number }) =>
    pageOf('', current, HISTORY_PAGE, (cursor) => fetchDayCloseRuns(HISTORY_PAGE, cursor).then(({ runs, nextCursor }) => ({ rows: runs, nextCursor })));
}
