import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Customer360, CustomerMatch, Permission } from '@/api/types';
import { Customer360Page, type ServiceAccess } from '@/pages/service/Customer360Page';
import { CustomerSearch } from '@/pages/service/CustomerSearch';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const SEARCH = 'GET /v1/console/customers';
const VIEW = 'GET /v1/console/customers/C1';
const REVEAL = 'POST /v1/console/customers/C1/reveal';
const FREEZE = 'POST /v1/console/accounts/A1/freeze';
const UNFREEZE = 'POST /v1/console/accounts/A1/unfreeze-requests';

const HINT = '工作人员不能代客户解锁支付密码。请引导客户在近邻银行小程序「我的 → 忘记支付密码」中通过本人身份核验后重置。';

const match: CustomerMatch = {
  customerId: 'C1',
  nameMasked: '林*',
  phoneMasked: '138****8000',
  accountId: 'A1',
  accountNumberMasked: '6236 **** **** 0048',
  accountStatus: 'ACTIVE',
  realNameVerified: true,
  createdAt: '2026-03-01T02:00:00.000Z',
};

const account: NonNullable<Customer360['account']> = {
  accountId: 'A1',
  accountNumberMasked: '6236 **** **** 0048',
  accountClass: 'II',
  balanceFen: 1_288_800,
  status: 'ACTIVE',
  freeze: null,
  closure: null,
  boundCard: { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 5678' },
  openedAt: '2026-03-01T02:00:00.000Z',
  pendingUnfreeze: null,
};

const view = (changes: Partial<Customer360> = {}): Customer360 => ({
  profile: {
    customerId: 'C1',
    nameMasked: '林*',
    phoneMasked: '138****8000',
    idNumberMasked: '1****************X',
    realNameVerifiedAt: '2026-03-01T02:00:00.000Z',
    createdAt: '2026-03-01T02:00:00.000Z',
  },
  riskRating: null,
  devices: [{ deviceLabel: 'iPhone 15', platform: 'ios', place: '上海', signedInAt: '2026-03-01T02:00:00.000Z', lastUsedAt: '2026-03-01T03:00:00.000Z', deviceVerified: true, knownSince: '2026-03-01T02:00:00.000Z' }],
  account,
  journals: [{ journalId: 'J1', kind: 'TOP_UP', label: '充值', counterparty: '中国工商银行 5678', amountFen: 1_288_800, createdAt: '2026-03-01T02:00:00.000Z' }],
  loans: [],
  bills: [],
  wealth: [],
  manager: null,
  pin: { set: true, failedAttempts: 0, lockedUntil: null, hint: HINT },
  ...changes,
});

const AGENT: ServiceAccess = { canReveal: true, canFreeze: true, canRequestUnfreeze: true };
const AGENT_PERMISSIONS: Permission[] = ['console.me', 'customers.read', 'customers.reveal', 'accounts.freeze', 'accounts.unfreeze.request'];

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-cs',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O5', login: 'cs.zhao', displayName: '赵敏', roles: ['CUSTOMER_SERVICE'], permissions: AGENT_PERMISSIONS },
  });
});

const renderSearch = () =>
  render(
    <MemoryRouter>
      <CustomerSearch />
    </MemoryRouter>,
  );
const render360 = (access: ServiceAccess = AGENT) =>
  render(
    <MemoryRouter>
      <Customer360Page customerId="C1" access={access} />
    </MemoryRouter>,
  );

async function typeReasonAndConfirm(reason: string, ok: RegExp) {
  const dialog = await screen.findByRole('dialog');
  fireEvent.change(within(dialog).getByPlaceholderText(/例如/), { target: { value: reason } });
  fireEvent.click(within(dialog).getByRole('button', { name: ok }));
  return dialog;
}

describe('查找客户', () => {
  test('a malformed phone is refused in the form and nothing is sent; a phone finds the masked match', async () => {
    renderSearch();
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '1380013' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    expect(await screen.findByText('请输入 11 位手机号')).toBeTruthy();
    expect(api.sent).toHaveLength(0);

    api.answer(SEARCH, 200, { customers: [match] });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    expect(await screen.findByText('查找结果（1 位客户）')).toBeTruthy();
    expect(Object.fromEntries(api.requests(SEARCH)[0]!.query)).toEqual({ phone: '13800138000' });
    const row = screen.getByText('138****8000').closest('tr') as HTMLElement;
    expect(within(row).getByText('林*')).toBeTruthy();
    expect(within(row).getByText('6236 **** **** 0048')).toBeTruthy();
    expect(within(row).getByText('正常')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '查看客户' }).getAttribute('href')).toBe('/service/customers/C1');
  });

  test('no match says so; a refusal is shown in the server’s words', async () => {
    renderSearch();
    api.answer(SEARCH, 200, { customers: [] });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13900000000' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    expect(await screen.findByText('未找到匹配的客户')).toBeTruthy();
    api.answer(SEARCH, 403, { error: { code: 'FORBIDDEN', message: '无权执行该操作' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*找/ }));
    expect(await screen.findByText('无权执行该操作')).toBeTruthy();
  });
});

describe('客户视图', () => {
  test('masked by default; 查看完整 needs a reason of 4 or more characters, then shows the value the server answered', async () => {
    api.answer(VIEW, 200, view());
    render360();
    expect(await screen.findByText('138****8000')).toBeTruthy();
    expect(screen.getByText('¥12,888')).toBeTruthy();
    expect(screen.queryByText('13800138000')).toBeNull();

    api.answer(REVEAL, 200, { value: '13800138000' });
    fireEvent.click(within(screen.getByText('138****8000').parentElement!.parentElement!).getByRole('button', { name: '查看完整' }));
    const dialog = await typeReasonAndConfirm('核实', /确认查看/);
    expect(await within(dialog).findByText('原因需 4–200 个字')).toBeTruthy();
    expect(api.requests(REVEAL)).toHaveLength(0);

    await typeReasonAndConfirm('客户来电核实身份', /确认查看/);
    expect(await screen.findByText('13800138000')).toBeTruthy();
    expect(api.requests(REVEAL)[0]!.body).toEqual({ field: 'phone', reason: '客户来电核实身份' });
    expect(screen.getByText('已记录审计')).toBeTruthy();
  });

  test('冻结账户 with a reason, then the frozen state and 申请解冻, which submits the request', async () => {
    api.answer(VIEW, 200, view());
    render360();
    fireEvent.click(await screen.findByRole('button', { name: /冻结账户/ }));
    api.answer(FREEZE, 200, { ...account, status: 'FROZEN' });
    api.answer(VIEW, 200, view({ account: { ...account, status: 'FROZEN', freeze: { reason: '疑似诈骗，客户要求止付', frozenAt: '2026-03-02T02:00:00.000Z', frozenBy: 'cs.zhao' } } }));
    await typeReasonAndConfirm('疑似诈骗，客户要求止付', /确认冻结/);
    expect(await screen.findByText('已冻结')).toBeTruthy();
    expect(api.requests(FREEZE)[0]!.body).toEqual({ reason: '疑似诈骗，客户要求止付' });
    expect(screen.getByText(/疑似诈骗，客户要求止付（cs.zhao/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /冻结账户/ })).toBeNull();

    api.answer(UNFREEZE, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    fireEvent.click(screen.getByRole('button', { name: /申请解冻/ }));
    const dialog = await typeReasonAndConfirm('客户身份已核实', /提交申请/);
    // The server's refusal, in its words; the dialog stays open.
    expect(await within(dialog).findByText('该对象已有待复核的变更')).toBeTruthy();
    api.answer(UNFREEZE, 200, { changeId: 'CH1', kind: 'ACCOUNT_UNFREEZE', status: 'PENDING' });
    api.answer(VIEW, 200, view({ account: { ...account, status: 'FROZEN', freeze: null, pendingUnfreeze: { changeId: 'CH1', status: 'PENDING', makerLogin: 'cs.zhao', submittedAt: '2026-03-02T03:00:00.000Z' } } }));
    fireEvent.click(within(dialog).getByRole('button', { name: /提交申请/ }));
    expect(await screen.findByText('待复核')).toBeTruthy();
    expect(api.requests(UNFREEZE)[1]!.body).toEqual({ reason: '客户身份已核实' });
    expect(screen.queryByRole('button', { name: /申请解冻/ })).toBeNull();
  });

  test('a locked PIN: until when, and the server’s hint that the customer resets it', async () => {
    api.answer(VIEW, 200, view({ pin: { set: true, failedAttempts: 0, lockedUntil: '2026-03-02T04:00:00.000Z', hint: HINT } }));
    render360();
    expect(await screen.findByText('已锁定')).toBeTruthy();
    expect(screen.getByText('2026-03-02 12:00:00')).toBeTruthy();
    expect(screen.getByText(HINT)).toBeTruthy();
  });

  test('登录设备: each live device with where and when it signed in and whether it is verified', async () => {
    api.answer(VIEW, 200, view());
    render360();
    fireEvent.click(await screen.findByRole('tab', { name: /登录设备（1）/ }));
    const row = (await screen.findByText('iPhone 15')).closest('tr') as HTMLElement;
    expect(within(row).getByText('上海')).toBeTruthy();
    expect(within(row).getByText('已验证（2026-03-01 10:00:00 起）')).toBeTruthy();
  });

  test('洗钱风险等级 as the server rated it, with its reasons; absent when the server sends none (the service desk)', async () => {
    const riskRating = { rating: 'HIGH' as const, label: '高风险', reasons: ['近 12 个月已提交可疑交易报告 1 份', '有 1 条待处理的可疑交易预警'], ratedAt: '2026-03-02T04:00:00.000Z' };
    api.answer(VIEW, 200, view({ riskRating }));
    const { unmount } = render360();
    expect(await screen.findByText('高风险')).toBeTruthy();
    for (const reason of riskRating.reasons) expect(screen.getByText(reason)).toBeTruthy();
    expect(screen.getByText('评定于 2026-03-02 12:00:00')).toBeTruthy();
    unmount();
    api.answer(VIEW, 200, view());
    render360();
    expect(await screen.findByText('138****8000')).toBeTruthy();
    expect(screen.queryByText('洗钱风险等级')).toBeNull();
  });

  test('without the permissions, no 查看完整 and no 冻结账户', async () => {
    api.answer(VIEW, 200, view());
    render360({ canReveal: false, canFreeze: false, canRequestUnfreeze: false });
    expect(await screen.findByText('138****8000')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看完整' })).toBeNull();
    expect(screen.queryByRole('button', { name: /冻结账户/ })).toBeNull();
  });

  test('a closed account (销户): 已销户, the closing date and the records kept until, read-only', async () => {
    const closure = { closedAt: '2026-03-05T02:00:00.000Z', retainUntil: '2036-03-05T02:00:00.000Z', sweptFen: 1_288_800 };
    api.answer(VIEW, 200, view({ account: { ...account, balanceFen: 0, status: 'CLOSED', closure } }));
    render360();
    expect(await screen.findByText('已销户')).toBeTruthy();
    expect(screen.getByText('2026-03-05 10:00:00')).toBeTruthy();
    expect(screen.getByText(/2036-03-05 10:00:00/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /冻结账户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /申请解冻/ })).toBeNull();
  });

  test('an unknown customer: the server’s words', async () => {
    api.answer(VIEW, 404, { error: { code: 'CUSTOMER_NOT_FOUND', message: '未找到该客户' } });
    render360();
    expect(await screen.findByText('未找到该客户')).toBeTruthy();
  });
});

test('the 客户服务 entry follows customers.read', async () => {
  const { accessFor } = await import('@/shell/access');
  const { menuFor } = await import('@/shell/menu');
  expect(menuFor(accessFor({ permissions: AGENT_PERMISSIONS })).map((entry) => entry.name)).toContain('客户服务');
  expect(menuFor(accessFor({ permissions: ['console.me', 'audit.read'] })).map((entry) => entry.name)).not.toContain('客户服务');
  await waitFor(() => undefined);
});
