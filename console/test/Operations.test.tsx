import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import type { DayCloseRun, DayCloseState, ReconciliationAlertDetail } from '@/api/operations';
import { AlertsPage } from '@/pages/operations/AlertsPage';
import { BusinessDatePage } from '@/pages/operations/BusinessDatePage';
import { DayClosePage } from '@/pages/operations/DayClosePage';
import { OverduePage } from '@/pages/operations/OverduePage';
import { PendingOrdersPage } from '@/pages/operations/PendingOrdersPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

// antd's tables and forms render slowly in jsdom on a shared machine.
const SLOW = { timeout: 10_000 };
const withApp = (node: ReactNode) => render(<App>{node}</App>);

const run: DayCloseRun = {
  closedDate: '2026-03-01',
  status: 'SUCCEEDED',
  attempts: 1,
  startedAt: '2026-03-01T16:05:00.000Z',
  finishedAt: '2026-03-01T16:05:09.000Z',
  startedBy: { kind: 'operator', id: 'O3', login: 'ops.chen', displayName: '陈敏' },
  steps: [
    { step: 'LOANS', status: 'SUCCEEDED', startedAt: '2026-03-01T16:05:00.000Z', finishedAt: '2026-03-01T16:05:02.000Z', counts: { loansChecked: 12, autoDebitedFen: 123_456, overdueLoans: 3 }, errorCount: 1, errors: [{ ref: 'loan:L0000000001', message: 'gateway timeout' }] },
    { step: 'BILLS', status: 'SUCCEEDED', startedAt: '2026-03-01T16:05:02.000Z', finishedAt: '2026-03-01T16:05:05.000Z', counts: { reconciliationMismatches: 2 }, errorCount: 0, errors: [] },
  ],
  failure: null,
};
const status: DayCloseState = { businessDate: '2026-03-02', calendarDate: '2026-03-02', runMode: 'CLOSE_CURRENT', schedule: '每日 00:05（北京时间）自动执行', latest: run };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-ops',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O3', login: 'ops.chen', displayName: '陈敏', roles: ['OPERATIONS'], permissions: ['console.me', 'dayclose.read', 'dayclose.run', 'reconciliation.read', 'reconciliation.manage'] },
  });
});

describe('日终批处理', () => {
  beforeEach(() => {
    api.answer('GET /v1/console/day-close', 200, status);
    api.answer('GET /v1/console/day-close/runs', 200, { runs: [run], nextCursor: null });
  });

  test('the server’s status and steps: counts named in Chinese, amounts in yuan as the server counted them, errors listed', async () => {
    withApp(<DayClosePage canRun />);
    expect((await screen.findAllByText('自动扣款金额：¥1,234.56', undefined, SLOW)).length).toBeGreaterThan(0);
    expect(screen.getAllByText('2026-03-02').length).toBeGreaterThan(0);
    expect(screen.getAllByText('检查贷款：12').length).toBeGreaterThan(0);
    expect(screen.getAllByText('对账差异：2').length).toBeGreaterThan(0);
    expect(screen.getAllByText('gateway timeout', { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getAllByText('陈敏（ops.chen）').length).toBeGreaterThan(0);
  });

  test('立即执行 asks for confirmation first; only then one request is sent, and the page follows the run until it ends', async () => {
    api.answer('POST /v1/console/day-close/runs', 200, { started: true, businessDate: '2026-03-02', runId: '0b7f3c1e-4a52-4d8e-9b1a-2f6c8d9e0a11' });
    withApp(<DayClosePage canRun />);
    fireEvent.click(await screen.findByRole('button', { name: /立即执行/ }, SLOW));
    expect(await screen.findByText(/将立即关闭营业日 2026-03-02/)).toBeTruthy();
    expect(api.requests('POST /v1/console/day-close/runs')).toHaveLength(0);
    const running: DayCloseRun = { ...run, closedDate: '2026-03-02', status: 'RUNNING', finishedAt: null, steps: run.steps.slice(0, 1) };
    api.answer('GET /v1/console/day-close', 200, { ...status, latest: running });
    fireEvent.click(screen.getByRole('button', { name: '确定执行' }));
    await waitFor(() => expect(api.requests('POST /v1/console/day-close/runs')).toHaveLength(1));
    expect(await screen.findByText('已开始营业日 2026-03-02 的日终批处理', undefined, SLOW)).toBeTruthy();
    // The close runs on in the background: the status shows it running until its run ends.
    expect(await screen.findByText('执行中', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByText('日终批处理完成：2026-03-02')).toBeNull();
    api.answer('GET /v1/console/day-close', 200, { ...status, businessDate: '2026-03-03', latest: { ...run, closedDate: '2026-03-02' } });
    expect(await screen.findByText('日终批处理完成：2026-03-02', undefined, SLOW)).toBeTruthy();
  });

  test('a close that fails in the background: its failure, from its run', async () => {
    api.answer('POST /v1/console/day-close/runs', 200, { started: true, businessDate: '2026-03-02', runId: '0b7f3c1e-4a52-4d8e-9b1a-2f6c8d9e0a11' });
    withApp(<DayClosePage canRun />);
    fireEvent.click(await screen.findByRole('button', { name: /立即执行/ }, SLOW));
    api.answer('GET /v1/console/day-close', 200, { ...status, latest: { ...run, closedDate: '2026-03-02', status: 'FAILED', failure: 'wealth close failed' } });
    fireEvent.click(await screen.findByRole('button', { name: '确定执行' }));
    expect(await screen.findByText('日终批处理失败（营业日 2026-03-02）：wealth close failed', undefined, SLOW)).toBeTruthy();
  });

  test('the server’s refusal in its own words; no button without dayclose.run', async () => {
    api.answer('POST /v1/console/day-close/runs', 409, { error: { code: 'DAY_CLOSE_RUNNING', message: '营业日 2026-03-02 的日终批处理正在进行中，请稍后查看结果' } });
    const { unmount } = withApp(<DayClosePage canRun />);
    fireEvent.click(await screen.findByRole('button', { name: /立即执行/ }, SLOW));
    fireEvent.click(await screen.findByRole('button', { name: '确定执行' }));
    expect(await screen.findByText('营业日 2026-03-02 的日终批处理正在进行中，请稍后查看结果', undefined, SLOW)).toBeTruthy();
    unmount();
    withApp(<DayClosePage canRun={false} />);
    await screen.findAllByText('陈敏（ops.chen）', undefined, SLOW);
    expect(screen.queryByRole('button', { name: /立即执行/ })).toBeNull();
  });
});

const openAlert: ReconciliationAlertDetail = {
  alert: {
    alertId: 'RA20260301AAAAAAAAAAAAAAAA',
    date: '2026-03-01',
    kind: 'AMOUNT_DIFFERS',
    reference: 'PAAAAAAAAAAAAAAAAAAAAAAAAAA',
    billerId: 'nj-power',
    jinlinAmountFen: 10_000,
    gatewayAmountFen: 9_900,
    differenceFen: 100,
    jinlinStatus: 'SETTLED',
    action: 'REFUND_PENDING_REVIEW',
    note: '缴费单位销账金额少于客户实付金额：差额暂缓划付，核实后退还客户',
    status: 'OPEN',
    openedAt: '2026-03-01T16:05:04.000Z',
    updatedAt: '2026-03-01T16:05:04.000Z',
    bookingReference: null,
    acceptReason: null,
  },
  events: [{ at: '2026-03-01T16:05:04.000Z', type: 'OPENED', operator: null, note: '日终对账', bookingReference: null, reason: null, auditSeq: null }],
};

describe('对账差异', () => {
  beforeEach(() => {
    api.answer('GET /v1/console/reconciliation-alerts', 200, { alerts: [openAlert.alert], nextCursor: null });
    api.answer(`GET /v1/console/reconciliation-alerts/${openAlert.alert.alertId}`, 200, openAlert);
  });

  const openDrawer = async () => {
    withApp(<AlertsPage canManage />);
    fireEvent.click(await screen.findByRole('button', { name: '详情' }, SLOW));
    return screen.findByRole('dialog');
  };

  test('the list shows the server’s amounts and difference; the detail its timeline', async () => {
    withApp(<AlertsPage canManage />);
    const row = (await screen.findByText('PAAAAAAAAAAAAAAAAAAAAAAAAAA', undefined, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('¥100')).toBeTruthy();
    expect(within(row).getByText('¥99')).toBeTruthy();
    expect(within(row).getByText('¥1')).toBeTruthy();
    expect(within(row).getByText('待处理')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '详情' }));
    expect(await screen.findByText('日终对账发现差异')).toBeTruthy();
  });

  test('an auditor reads the alert and its timeline, with no step to take', async () => {
    withApp(<AlertsPage canManage={false} />);
    fireEvent.click(await screen.findByRole('button', { name: '详情' }, SLOW));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('日终对账发现差异', undefined, SLOW)).toBeTruthy();
    for (const step of ['确认', '挂账解决', '接受差异']) expect(within(drawer).queryByRole('button', { name: step })).toBeNull();
  });

  test('挂账解决 needs a booking reference: refused in the form, nothing sent; then sent as typed', async () => {
    api.answer(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/resolve`, 200, {
      alert: { ...openAlert.alert, status: 'RESOLVED', bookingReference: 'JRNL-2026-000123' },
      events: [...openAlert.events, { at: '2026-03-02T02:00:00.000Z', type: 'RESOLVED', operator: { operatorId: 'O3', login: 'ops.chen', displayName: '陈敏' }, note: null, bookingReference: 'JRNL-2026-000123', reason: null, auditSeq: 42 }],
    });
    const drawer = await openDrawer();
    fireEvent.click(await within(drawer).findByRole('button', { name: '挂账解决' }, SLOW));
    fireEvent.click(await screen.findByRole('button', { name: /提\s*交/ }, SLOW));
    expect(await screen.findByText('请填写挂账凭证号', undefined, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('挂账凭证号'), { target: { value: '中文' } });
    expect(await screen.findByText('凭证号为 4–64 位字母、数字或 - _ . : #', undefined, SLOW)).toBeTruthy();
    expect(api.requests(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/resolve`)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('挂账凭证号'), { target: { value: 'JRNL-2026-000123' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(api.requests(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/resolve`)).toHaveLength(1));
    expect(api.requests(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/resolve`)[0]!.body).toEqual({ bookingReference: 'JRNL-2026-000123' });
    expect(await screen.findByText('审计日志 #42', undefined, SLOW)).toBeTruthy();
    // A resolved alert offers no further step.
    await waitFor(() => expect(screen.queryByRole('button', { name: '挂账解决' })).toBeNull());
  });

  test('接受差异 needs a reason; the server’s refusal is shown in its words', async () => {
    api.answer(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/accept`, 409, { error: { code: 'ALERT_CLOSED', message: '该差异已挂账解决，不能再操作' } });
    const drawer = await openDrawer();
    fireEvent.click(await within(drawer).findByRole('button', { name: '接受差异' }, SLOW));
    fireEvent.click(await screen.findByRole('button', { name: /提\s*交/ }, SLOW));
    expect(await screen.findByText('请填写接受差异的理由', undefined, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('接受理由'), { target: { value: '差额在容忍范围内' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('该差异已挂账解决，不能再操作', undefined, SLOW)).toBeTruthy();
    expect(api.requests(`POST /v1/console/reconciliation-alerts/${openAlert.alert.alertId}/accept`)[0]!.body).toEqual({ reason: '差额在容忍范围内' });
  });
});

describe('逾期贷款, 待确认理财订单, 业务日期', () => {
  test('overdue buckets: the server’s counts and totals; the bucket’s loans', async () => {
    api.answer('GET /v1/console/overdue-loans', 200, {
      asOf: '2026-03-02',
      bucket: 'DPD_1_30',
      buckets: [
        { bucket: 'DPD_1_30', loans: 1, overdueTotalFen: 54_321 },
        { bucket: 'DPD_31_60', loans: 0, overdueTotalFen: 0 },
        { bucket: 'DPD_61_90', loans: 0, overdueTotalFen: 0 },
        { bucket: 'DPD_90_PLUS', loans: 0, overdueTotalFen: 0 },
      ],
      loans: [{ loanId: 'L0000000000001', customerId: 'C1', productName: '邻里贷', daysPastDue: 2, oldestUnpaidDueDate: '2026-02-28', overduePrincipalFen: 50_000, overdueInterestFen: 4_000, unpaidPenaltyFen: 321, overdueTotalFen: 54_321 }],
      nextCursor: null,
    });
    withApp(<OverduePage />);
    expect(await screen.findByText('逾期合计 ¥543.21', undefined, SLOW)).toBeTruthy();
    expect(await screen.findByText('逾期 1–30 天（截至营业日 2026-03-02）')).toBeTruthy();
    const row = screen.getByText('邻里贷').closest('tr') as HTMLElement;
    expect(within(row).getByText('¥543.21')).toBeTruthy();
    expect(within(row).getByText('¥3.21')).toBeTruthy();
  });

  test('pending wealth orders: amounts and units as the server sent them, the ones the next close confirms marked, those inside their cooling-off too', async () => {
    api.answer('GET /v1/console/wealth-orders/pending', 200, {
      businessDate: '2026-03-02',
      orders: [
        { orderId: 'W00000000000000000001', customerId: 'C1', kind: 'REDEMPTION', productId: 'p', productName: '稳健30天', amountFen: null, unitsCenti: 5_005, placedAt: '2026-03-01T02:00:00.000Z', confirmDate: '2026-03-02', cancellableUntil: null, inCoolingOff: false, dueAtNextClose: true },
        { orderId: 'W00000000000000000002', customerId: 'C2', kind: 'PURCHASE', productId: 'p', productName: '稳健30天', amountFen: 100_000, unitsCenti: null, placedAt: '2026-03-01T02:00:00.000Z', confirmDate: '2026-03-04', cancellableUntil: null, inCoolingOff: false, dueAtNextClose: false },
        { orderId: 'W00000000000000000003', customerId: 'C3', kind: 'PURCHASE', productId: 'p', productName: '稳健30天', amountFen: 200_000, unitsCenti: null, placedAt: '2026-03-01T15:50:00.000Z', confirmDate: '2026-03-02', cancellableUntil: '2026-03-02T15:50:00.000Z', inCoolingOff: true, dueAtNextClose: false },
      ],
      nextCursor: null,
    });
    withApp(<PendingOrdersPage />);
    const redemption = (await screen.findByText('50.05 份', undefined, SLOW)).closest('tr') as HTMLElement;
    expect(within(redemption).getByText('下次日终确认')).toBeTruthy();
    const purchase = screen.getByText('¥1,000').closest('tr') as HTMLElement;
    expect(within(purchase).getByText('等待确认日')).toBeTruthy();
    const coolingOff = screen.getByText('¥2,000').closest('tr') as HTMLElement;
    expect(within(coolingOff).getByText('冷静期内')).toBeTruthy();
    expect(within(coolingOff).getByText('2026-03-02 23:50:00')).toBeTruthy();
  });

  test('the business date: a form only where the server allows it', async () => {
    api.answer('GET /v1/console/business-date', 200, { businessDate: '2026-03-02', calendarDate: '2026-03-02', controlAllowed: false });
    const { unmount } = withApp(<BusinessDatePage canMove />);
    expect(await screen.findByText('本环境的营业日期只随日终批处理推进，不能手工调整。', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '调整营业日期' })).toBeNull();
    unmount();
    api.answer('GET /v1/console/business-date', 200, { businessDate: '2026-03-02', calendarDate: '2026-03-02', controlAllowed: true });
    withApp(<BusinessDatePage canMove />);
    expect(await screen.findByRole('button', { name: '调整营业日期' }, SLOW)).toBeTruthy();
  });
});
