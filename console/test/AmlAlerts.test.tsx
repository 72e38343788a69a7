import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { AmlAlertDetail, AmlReport } from '@/api/aml';
import type { OperatorView } from '@/api/types';
import AmlAlerts, { AmlAlertsPage } from '@/pages/risk/AmlAlertsPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

// antd's tables and forms render slowly in jsdom on a shared machine.
const SLOW = { timeout: 10_000 };
/** The dialog's 提交 (antd spaces a two-character label), not the drawer's 提交可疑交易报告. */
const SUBMIT = /^提\s*交$/;
const withApp = (node: ReactNode) => render(<App>{node}</App>);

const LIST = 'GET /v1/console/aml-alerts';
const OPEN_ID = 'AML20260301A1B2C3D4E5F60718';
const REPORTED_ID = 'AML202603010123456789ABCDEF';

const officer: OperatorView = {
  operatorId: 'O2',
  login: 'risk.wang',
  displayName: '王强',
  roles: ['RISK_OFFICER'],
  permissions: ['console.me', 'risk.rules.read', 'aml.alerts.read', 'aml.alerts.work'],
};

const openAlert: AmlAlertDetail = {
  alert: {
    alertId: OPEN_ID,
    date: '2026-03-01',
    pattern: 'RAPID_IN_OUT',
    customerId: 'C0000000000000042',
    customerNameMasked: '*小明',
    accountNumberMasked: '6230 **** **** 0042',
    summary: '3 天快进快出：2026-02-27 转入 ¥50000.00，1 小时内转出 ¥49500.00',
    status: 'OPEN',
    openedAt: '2026-03-01T16:05:06.000Z',
    updatedAt: '2026-03-01T16:05:06.000Z',
    reason: null,
  },
  rule: '7 日内至少 3 天，当日转入资金的 80% 以上在到账 1 小时内转出',
  movements: [
    { journalId: 'J000000000000000000000001', kind: 'TRANSFER', createdAt: '2026-02-27T02:00:00.000Z', amountFen: 5_000_000, label: '转账收款', counterparty: '*大伟' },
    { journalId: 'J000000000000000000000002', kind: 'WITHDRAW', createdAt: '2026-02-27T02:30:00.000Z', amountFen: -4_950_000, label: '提现', counterparty: '工商银行(8888)' },
  ],
  events: [{ at: '2026-03-01T16:05:06.000Z', status: 'OPEN', operator: null, reason: null, auditSeq: null }],
};

const reportedAlert: AmlAlertDetail = {
  alert: {
    ...openAlert.alert,
    alertId: REPORTED_ID,
    pattern: 'STRUCTURING',
    customerId: 'C0000000000000077',
    customerNameMasked: '*丽',
    summary: '24 小时内 3 笔接近限额 ¥50000.00 的交易：¥49900.00、¥49800.00、¥49950.00',
    status: 'REPORTED',
    updatedAt: '2026-03-02T03:00:00.000Z',
    reason: '客户无法说明资金来源',
  },
  rule: '24 小时内至少 3 笔交易，每笔金额在某一限额的 90%–100% 之间',
  movements: [],
  events: [
    { at: '2026-03-01T16:05:06.000Z', status: 'OPEN', operator: null, reason: null, auditSeq: null },
    { at: '2026-03-02T03:00:00.000Z', status: 'REPORTED', operator: { operatorId: 'O2', login: 'risk.wang', displayName: '王强' }, reason: '客户无法说明资金来源', auditSeq: 77 },
  ],
};

const report: AmlReport = {
  reportNumber: 'STR-202603010123456789ABCDEF',
  reportType: 'SUSPICIOUS_TRANSACTION',
  basis: '《金融机构大额交易和可疑交易报告管理办法》',
  filedAt: '2026-03-02T03:00:00.000Z',
  filedBy: { operatorId: 'O2', login: 'risk.wang', displayName: '王强' },
  reason: '客户无法说明资金来源',
  alert: reportedAlert.alert,
  rule: reportedAlert.rule,
  subject: { customerId: 'C0000000000000077', nameMasked: '*丽', accountNumberMasked: '6230 **** **** 0042' },
  transactions: [],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(LIST, 200, { alerts: [openAlert.alert, reportedAlert.alert], nextCursor: null });
  api.answer(`GET /v1/console/aml-alerts/${OPEN_ID}`, 200, openAlert);
  api.answer(`GET /v1/console/aml-alerts/${REPORTED_ID}`, 200, reportedAlert);
  startSession({ accessToken: 'token-risk', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), operator: officer });
});

/** jsdom's Blob has no text(). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

/** The row of the customer with this masked name. */
const rowOf = async (name: string) => (await screen.findByText(name, undefined, SLOW)).closest('tr') as HTMLElement;

async function openDrawer(name: string): Promise<HTMLElement> {
  fireEvent.click(within(await rowOf(name)).getByRole('button', { name: '详情' }));
  const drawer = await screen.findByRole('dialog');
  await within(drawer).findByText('处理记录', undefined, SLOW);
  return drawer;
}

describe('可疑交易预警', () => {
  test('the list: each alert’s pattern and status by name, the first page asked for without a cursor', async () => {
    withApp(<AmlAlertsPage canWork />);
    const open = await rowOf('*小明');
    expect(within(open).getByText('快进快出')).toBeTruthy();
    expect(within(open).getByText('待处理')).toBeTruthy();
    expect(within(open).getByText('6230 **** **** 0042')).toBeTruthy();
    const reported = await rowOf('*丽');
    expect(within(reported).getByText('拆分交易')).toBeTruthy();
    expect(within(reported).getByText('已上报')).toBeTruthy();
    const [request] = api.requests(LIST);
    expect(request!.query.get('limit')).toBe('20');
    expect(request!.query.has('cursor')).toBe(false);
    expect(request!.query.has('status')).toBe(false);
  });

  test('an alert: its rule, summary, customer, the evidence movements signed in yuan at China time, and its timeline', async () => {
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*小明');
    expect(within(drawer).getByText(openAlert.rule)).toBeTruthy();
    expect(within(drawer).getByText(openAlert.alert.summary)).toBeTruthy();
    expect(within(drawer).getByText('C0000000000000042')).toBeTruthy();
    const movements = drawer.querySelector('#aml-movements') as HTMLElement;
    const inflow = within(movements).getByText('转账收款').closest('tr') as HTMLElement;
    expect(within(inflow).getByText('2026-02-27 10:00:00')).toBeTruthy();
    expect(within(inflow).getByText('转账')).toBeTruthy();
    expect(within(inflow).getByText('*大伟')).toBeTruthy();
    expect(within(inflow).getByText('+¥50,000.00')).toBeTruthy();
    const outflow = within(movements).getByText('工商银行(8888)').closest('tr') as HTMLElement;
    expect(within(outflow).getByText('提现到银行卡')).toBeTruthy();
    expect(within(outflow).getByText('-¥49,500.00')).toBeTruthy();
    expect(within(drawer).getByText('日终监测发现可疑模式')).toBeTruthy();
    expect(within(drawer).getByText(/系统（日终批处理）/)).toBeTruthy();
  });

  test('排除可疑 needs a reason of 4–500 characters: refused in the form, nothing sent; then sent trimmed, and the alert shows 已排除', async () => {
    const CLOSE = `POST /v1/console/aml-alerts/${OPEN_ID}/close` as const;
    const reason = '经电话核实为客户经营收款';
    api.answer(CLOSE, 200, {
      ...openAlert,
      alert: { ...openAlert.alert, status: 'CLOSED', reason, updatedAt: '2026-03-02T02:00:00.000Z' },
      events: [...openAlert.events, { at: '2026-03-02T02:00:00.000Z', status: 'CLOSED', operator: { operatorId: 'O2', login: 'risk.wang', displayName: '王强' }, reason, auditSeq: 42 }],
    });
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*小明');
    fireEvent.click(within(drawer).getByRole('button', { name: '排除可疑' }));
    fireEvent.click(await screen.findByRole('button', { name: SUBMIT }, SLOW));
    expect(await screen.findByText('请填写理由', undefined, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('排除理由'), { target: { value: ' 核实 ' } });
    expect(await screen.findByText('理由需 4–500 个字', undefined, SLOW)).toBeTruthy();
    expect(api.requests(CLOSE)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('排除理由'), { target: { value: ` ${reason} ` } });
    fireEvent.click(screen.getByRole('button', { name: SUBMIT }));
    await waitFor(() => expect(api.requests(CLOSE)).toHaveLength(1));
    expect(api.requests(CLOSE)[0]!.body).toEqual({ reason });
    expect(await within(drawer).findByText('已排除', undefined, SLOW)).toBeTruthy();
    expect(within(drawer).getByText('排除可疑，结案')).toBeTruthy();
    expect(within(drawer).getByText(/王强（risk\.wang）/)).toBeTruthy();
    expect(within(drawer).getByText('审计日志 #42')).toBeTruthy();
    // A closed alert offers no further step.
    expect(within(drawer).queryByRole('button', { name: '排除可疑' })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: '提交可疑交易报告' })).toBeNull();
  });

  test('提交可疑交易报告: the server’s refusal is shown in its own words', async () => {
    const REPORT = `POST /v1/console/aml-alerts/${OPEN_ID}/report` as const;
    api.answer(REPORT, 409, { error: { code: 'AML_ALERT_CLOSED', message: '该预警已排除，不能再操作' } });
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*小明');
    fireEvent.click(within(drawer).getByRole('button', { name: '提交可疑交易报告' }));
    fireEvent.change(await screen.findByLabelText('上报理由', undefined, SLOW), { target: { value: '资金快进快出且无合理经营背景' } });
    fireEvent.click(screen.getByRole('button', { name: SUBMIT }));
    expect(await screen.findByText('该预警已排除，不能再操作', undefined, SLOW)).toBeTruthy();
    expect(api.requests(REPORT)[0]!.body).toEqual({ reason: '资金快进快出且无合理经营背景' });
  });

  test('an operator without aml.alerts.work reads the alert and its timeline, with no step to take', async () => {
    withApp(
      <MemoryRouter>
        <AmlAlerts operator={{ ...officer, roles: ['AUDITOR'], permissions: ['console.me', 'aml.alerts.read'] }} />
      </MemoryRouter>,
    );
    const drawer = await openDrawer('*小明');
    expect(within(drawer).getByText(openAlert.rule)).toBeTruthy();
    expect(within(drawer).getByText('日终监测发现可疑模式')).toBeTruthy();
    for (const step of ['排除可疑', '提交可疑交易报告']) expect(within(drawer).queryByRole('button', { name: step })).toBeNull();
  });

  test('a reported alert: its reason, no step, and 下载报告 saves the filed report as <reportNumber>.json', async () => {
    api.answer(`GET /v1/console/aml-alerts/${REPORTED_ID}/report`, 200, report);
    const blobs: Blob[] = [];
    const saved: { href: string; download: string }[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:report';
      }),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*丽');
    expect(within(drawer).getByText('已上报')).toBeTruthy();
    expect(within(drawer).getByText('提交可疑交易报告')).toBeTruthy();
    expect(within(drawer).getAllByText(/客户无法说明资金来源/).length).toBeGreaterThan(0);
    expect(within(drawer).queryByRole('button', { name: '排除可疑' })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: '提交可疑交易报告' })).toBeNull();
    expect(api.requests(`GET /v1/console/aml-alerts/${REPORTED_ID}/report`)).toHaveLength(0);
    fireEvent.click(within(drawer).getByRole('button', { name: '下载报告' }));
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:report', download: 'STR-202603010123456789ABCDEF.json' }]));
    expect(blobs[0]!.type).toBe('application/json');
    expect(JSON.parse(await textOf(blobs[0]!))).toEqual(report);
  });

  test('an open alert offers no 下载报告', async () => {
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*小明');
    expect(within(drawer).getByRole('button', { name: '排除可疑' })).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: '下载报告' })).toBeNull();
  });

  test('an officer who reads customers opens the customer’s 360 view from the alert', async () => {
    withApp(
      <MemoryRouter>
        <AmlAlertsPage canWork canReadCustomers />
      </MemoryRouter>,
    );
    const drawer = await openDrawer('*小明');
    const link = within(drawer).getByRole('link', { name: '客户全景（交易、冻结）' });
    expect(link.getAttribute('href')).toBe('/service/customers/C0000000000000042');
  });

  test('a large value is only reported: no 排除可疑, and its step is 提交大额交易报告', async () => {
    const LARGE_ID = 'AML20260301FEDCBA9876543210';
    const large: AmlAlertDetail = {
      ...openAlert,
      alert: { ...openAlert.alert, alertId: LARGE_ID, pattern: 'LARGE_VALUE', customerNameMasked: '*大', summary: '当日转入 1 笔，共 ¥500,000.00（达到 ¥500,000.00 的大额报告标准）' },
      rule: '自然人客户与其他账户单笔或当日累计人民币 50 万元以上的款项划转（收、付分别累计）',
    };
    api.answer(LIST, 200, { alerts: [large.alert], nextCursor: null });
    api.answer(`GET /v1/console/aml-alerts/${LARGE_ID}`, 200, large);
    withApp(<AmlAlertsPage canWork />);
    const drawer = await openDrawer('*大');
    expect(within(drawer).getByText('大额交易')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: '排除可疑' })).toBeNull();
    fireEvent.click(within(drawer).getByRole('button', { name: '提交大额交易报告' }));
    expect(await screen.findByText('生成大额交易报告并上报：预警结案，报告可随时下载。该操作不可撤销，理由将记入审计日志。', undefined, SLOW)).toBeTruthy();
  });
});
