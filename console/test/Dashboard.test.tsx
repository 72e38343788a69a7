import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { Dashboard as DashboardView } from '@/api/dashboard';
import Dashboard from '@/pages/dashboard/Dashboard';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

// The charts draw on a canvas jsdom does not have: each is replaced by a list of what the page
// handed it, so the test sees the figures the page charts (and that it computed none of them).
jest.mock('@ant-design/plots', () => {
  const chart = (name: string) => (props: { data: Record<string, unknown>[] }) => (
    <ul aria-label={name}>
      {props.data.map((row, index) => (
        <li key={index}>{Object.values(row).join(' | ')}</li>
      ))}
    </ul>
  );
  return { Funnel: chart('漏斗图'), Line: chart('趋势图'), Column: chart('柱状图'), Pie: chart('饼图'), Bar: chart('条形图') };
});

const SLOW = { timeout: 10_000 };

const funnelRow = (stage: string, label: string, customers: number, ofSignedUpBps: number, ofSignedUpDisplay: string) => ({ stage, label, customers, newCustomers: 1, ofSignedUpBps, ofSignedUpDisplay });

const snapshot = (businessDate: string, eAccountsFen: number): NonNullable<DashboardView['snapshot']> => ({
  businessDate,
  takenAt: '2026-03-01T16:05:09.000Z',
  funnel: [
    funnelRow('SIGNED_UP', '注册登录', 3, 10_000, '100.00%'),
    funnelRow('REAL_NAME_VERIFIED', '实名认证', 2, 6_667, '66.67%'),
    funnelRow('ACCOUNT_OPENED', '开通电子账户', 2, 6_667, '66.67%'),
  ] as NonNullable<DashboardView['snapshot']>['funnel'],
  funnelReadThrough: businessDate,
  eAccounts: { totalBalanceFen: eAccountsFen },
  loans: {
    loans: 2,
    outstandingPrincipalFen: 1_200_000,
    buckets: [
      { bucket: 'CURRENT', label: '正常', loans: 1, outstandingPrincipalFen: 600_000 },
      { bucket: 'DPD_1_30', label: '逾期 1–30 天', loans: 1, outstandingPrincipalFen: 600_000 },
    ],
  },
  wealth: { marketValueFen: 1_050_025, products: [{ productId: 'jijiwen-90d', name: '季季稳90天', holders: 2, marketValueFen: 1_050_025 }] },
  bills: { payments: 3, amountFen: 45_600, categories: [{ category: 'ELECTRICITY', label: '电费', payments: 3, amountFen: 45_600 }] },
  leaderboard: {
    from: '2026-01-31',
    to: businessDate,
    rows: [{ rank: 1, staffId: 'S1', staffNo: 'RM001', name: '钱多多', branchName: '新街口支行', referred: 4, accountsOpened: 3, moneyFen: 600_000 }],
    truncated: false,
  },
});

const view: DashboardView = {
  snapshot: snapshot('2026-03-01', 737_941),
  trend: [
    { businessDate: '2026-02-28', eAccountsTotalFen: 500_000, loansOutstandingFen: 600_000, wealthMarketValueFen: 0, billAmountFen: 0 },
    { businessDate: '2026-03-01', eAccountsTotalFen: 737_941, loansOutstandingFen: 1_200_000, wealthMarketValueFen: 1_050_025, billAmountFen: 45_600 },
  ],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-pm',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'dashboards.read'] },
  });
});

describe('经营看板', () => {
  test('the server’s figures, in yuan as the server counted them; each chart gets the server’s rows', async () => {
    api.answer('GET /v1/console/dashboard', 200, view);
    render(<App><Dashboard /></App>);
    expect(await screen.findByText('¥7,379.41', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('¥12,000')).toBeTruthy();
    expect(screen.getByText('¥10,500.25')).toBeTruthy();
    expect(screen.getByText('¥456')).toBeTruthy();
    expect(screen.getByText('贷款余额（2 笔）')).toBeTruthy();
    expect(screen.getByText('截至营业日 2026-03-01 日终（生成于 2026-03-02 00:05:09）')).toBeTruthy();
    expect(screen.getByRole('list', { name: '漏斗图' }).textContent).toContain('实名认证 | 2 | 66.67%');
    expect(screen.getByRole('list', { name: '柱状图' }).textContent).toContain('逾期 1–30 天 | 6000 | 1 笔 ¥6,000');
    expect(screen.getByRole('list', { name: '饼图' }).textContent).toContain('季季稳90天 | 10500.25 | 2 人 ¥10,500.25');
    expect(screen.getByRole('list', { name: '条形图' }).textContent).toContain('电费 | 456 | 3 笔 ¥456');
    expect(screen.getByRole('list', { name: '趋势图' }).querySelectorAll('li')).toHaveLength(6);
    expect(screen.getByText('钱多多（RM001）')).toBeTruthy();
    expect(screen.getByText('¥6,000')).toBeTruthy();
    expect(screen.getByText('客户经理排行（2026-01-31 至 2026-03-01）')).toBeTruthy();
    expect(api.requests('GET /v1/console/dashboard')[0]!.query.get('date')).toBeNull();
  });

  test('another business date asks the server for that date’s snapshot', async () => {
    api.answer('GET /v1/console/dashboard', 200, view);
    render(<App><Dashboard /></App>);
    await screen.findByText('¥7,379.41', undefined, SLOW);
    api.answer('GET /v1/console/dashboard', 200, { snapshot: snapshot('2026-02-28', 500_000), trend: view.trend.slice(0, 1) });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '营业日' }));
    fireEvent.click(await screen.findByTitle('2026-02-28'));
    expect(await screen.findByText('¥5,000', undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(api.requests('GET /v1/console/dashboard').map((r) => r.query.get('date'))).toEqual([null, '2026-02-28']));
  });

  test('before the first day close: says so; a refusal is shown in the server’s words', async () => {
    api.answer('GET /v1/console/dashboard', 200, { snapshot: null, trend: [] });
    const { unmount } = render(<App><Dashboard /></App>);
    expect(await screen.findByText('尚无经营数据：看板数据由日终批处理生成，首次日终后可见。', undefined, SLOW)).toBeTruthy();
    unmount();
    api.answer('GET /v1/console/dashboard', 403, { error: { code: 'FORBIDDEN', message: '无权执行该操作' } });
    render(<App><Dashboard /></App>);
    expect(await screen.findByText('无权执行该操作', undefined, SLOW)).toBeTruthy();
  });
});
