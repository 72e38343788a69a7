import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ChangeRequest } from '@/api/types';
import type { WealthProductDetail } from '@/api/wealth';
import { WealthDetail } from '@/pages/products/wealth/WealthDetail';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const DETAIL = 'GET /v1/console/wealth-products/zhaozhao-money';
const STATUS = 'POST /v1/console/wealth-products/zhaozhao-money/status-changes';
const YIELD = 'POST /v1/console/wealth-yields/changes';

const current: WealthProductDetail['current'] = {
  productId: 'zhaozhao-money',
  version: 4,
  name: '近邻朝朝盈货币基金',
  type: 'MONEY_MARKET',
  issuerType: 'FUND',
  issuerName: '近邻基金管理有限公司',
  offering: 'PUBLIC',
  riskLevel: 'R1',
  status: 'OPEN',
  minPurchaseFen: 1,
  stepFen: 1,
  maxPurchaseFen: 50_000_000,
  subscriptionOpensOn: '2026-01-05',
  subscriptionClosesOn: null,
  termDays: null,
  maturityDate: null,
  coolingOffHours: 0,
  fees: { managementBpsPerYear: 15, custodyBpsPerYear: 5, salesServiceBpsPerYear: 1 },
  disclosureVersion: 'zhaozhao-money-2025-06',
  description: '0.01 元起购，快速赎回实时到账。',
};

/** The server's answer; its texts are ones no client code could make up. */
const detail: WealthProductDetail = {
  current,
  card: {
    ...current,
    typeLabel: '货币基金',
    issuerLabel: '公募基金',
    riskLabel: 'R1 低风险',
    onSale: true,
    purchaseRule: '服务端购买规则 0.01 元起购',
    fees: { ...current.fees, display: '管理费 0.15%/年 · 托管费 0.05%/年 · 销售服务费 0.01%/年' },
    benchmarkBps: null,
    headline: { kind: 'SEVEN_DAY_YIELD', label: '七日年化', rateBps: 173, display: '1.73%', date: '2026-03-02' },
    navCentiFen: 10_000,
    navDisplay: '1.0000',
    sevenDayYieldBps: 173,
    incomePer10kDisplay: '0.4712',
    priceDate: '2026-03-02',
    fastRedemption: true,
    fastRedemptionDailyCapFen: 1_000_000,
    redemptionRule: '服务端赎回规则：快速赎回实时到账',
  },
  disclosure: { version: 'zhaozhao-money-2025-06', title: '近邻朝朝盈货币基金风险揭示书', text: '服务端风险揭示：理财非存款。' },
  versions: [
    { version: 4, status: 'OPEN', publishedAt: '2026-03-01T02:00:00.000Z', changeId: 'C0123456789abcdef0123456789abcdef', makerLogin: 'pm.li', checkerLogin: 'pm.zhou' },
    { version: 3, status: 'CLOSED', publishedAt: '2026-02-01T02:00:00.000Z' },
  ],
  prices: [{ productId: 'zhaozhao-money', date: '2026-03-02', navCentiFen: 10_000, navDisplay: '1.0000', sevenDayYieldBps: 173, incomePer10kCentiFen: 4_712 }],
  businessDate: '2026-03-02',
};

const change: ChangeRequest = {
  changeId: 'Cfedcba9876543210fedcba9876543210',
  kind: 'WEALTH_YIELD',
  entityId: 'wealth-price:zhaozhao-money_2026-03-02',
  entityLabel: '七日年化 近邻朝朝盈货币基金 2026-03-02',
  status: 'PENDING',
  before: null,
  after: {},
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
};

let api: FakeApi;
let onSubmitted: jest.Mock<(change: ChangeRequest) => void>;
beforeEach(() => {
  api = fakeApi();
  onSubmitted = jest.fn();
  startSession({
    accessToken: 'token-01',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'products.read', 'products.draft'] },
  });
});

const renderDetail = (canDraft = true) =>
  render(
    <MemoryRouter>
      <WealthDetail productId="zhaozhao-money" canDraft={canDraft} changePath={(id) => `/changes/${id}`} onSubmitted={onSubmitted} />
    </MemoryRouter>,
  );
const confirm = () => fireEvent.click(screen.getByRole('button', { name: '提交复核' }));

describe('a wealth product', () => {
  test('shows the server’s card, rules, disclosure, prices and versions as they came; readers get no buttons', async () => {
    api.answer(DETAIL, 200, detail);
    renderDetail(false);
    const card = within(await screen.findByText('服务端购买规则 0.01 元起购', {}, { timeout: 20_000 }).then((node) => node.closest('#wealth-card') as HTMLElement));
    expect(card.getByText('1.73%', { selector: '#wealth-card-headline' })).toBeInTheDocument();
    expect(card.getByText('服务端赎回规则：快速赎回实时到账')).toBeInTheDocument();
    expect(screen.getByText('服务端风险揭示：理财非存款。')).toBeInTheDocument();
    const price = document.querySelector('#wealth-prices tbody tr.ant-table-row') as HTMLElement;
    expect(within(price).getByText('1.73%')).toBeInTheDocument();
    expect(within(price).getByText('0.4712')).toBeInTheDocument();
    const versions = document.querySelectorAll('#wealth-versions tbody tr.ant-table-row');
    expect(versions[0]!.textContent).toMatch(/v4开放.*pm\.lipm\.zhou查看/);
    expect(versions[1]!.textContent).toMatch(/v3暂停.*初始版本/);
    expect(document.getElementById('wealth-price')).toBeNull();
    expect(document.getElementById('wealth-status')).toBeNull();
  });

  test('发布七日年化: the yield in basis points and 万份收益 in hundredths of a fen, for a second operator', async () => {
    api.answer(DETAIL, 200, detail);
    api.answer(YIELD, 200, change);
    renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: /发布七日年化/ }, { timeout: 20_000 }));
    fireEvent.change(await screen.findByLabelText(/七日年化收益率（基点/), { target: { value: '181' } });
    fireEvent.change(screen.getByLabelText('万份收益（元）'), { target: { value: '0.4929' } });
    confirm();
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(change), { timeout: 20_000 });
    expect(api.requests(YIELD).map((request) => request.body)).toEqual([
      { productId: 'zhaozhao-money', yieldDate: '2026-03-02', sevenDayYieldBps: 181, incomePer10kCentiFen: 4_929 },
    ]);
  });

  test('暂停申购 asks for a change to CLOSED; a refusal is shown in the server’s words', async () => {
    api.answer(DETAIL, 200, detail);
    api.answer(STATUS, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: /暂停申购/ }, { timeout: 20_000 }));
    confirm();
    expect(await screen.findByText('该对象已有待复核的变更', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(api.requests(STATUS).map((request) => request.body)).toEqual([{ status: 'CLOSED' }]);
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});
