import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SEED_BILLERS } from '../../functions/domain/bills/biller';
import type { ReconciliationReport } from '@/api/billers';
import type { StaffPage } from '@/api/staff';
import type { ChangeRequest } from '@/api/types';
import { ReconciliationPage } from '@/pages/operations/ReconciliationPage';
import { BillerEditor } from '@/pages/products/billers/BillerEditor';
import StaffManagement from '@/pages/staff/StaffManagement';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

// antd's tables and forms render slowly in jsdom on a shared machine.
const SLOW = { timeout: 10_000 };
const byIdNow = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element;
};
const byId = (id: string) => waitFor(() => byIdNow(id), SLOW);
const openSelect = (id: string) => fireEvent.mouseDown(byIdNow(id).closest('.ant-select')!.querySelector('.ant-select-selector')!);
const withApp = (node: ReactNode) => render(<MemoryRouter><App>{node}</App></MemoryRouter>);

const change = (kind: ChangeRequest['kind'], entityLabel: string): ChangeRequest => ({
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind,
  entityId: 'x:1',
  entityLabel,
  status: 'PENDING',
  before: null,
  after: {},
  maker: { operatorId: 'O7', login: 'admin.qian', displayName: '钱敏' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
});

const STAFF_ID = `S${'a'.repeat(32)}`;
const staffPage: StaffPage = {
  staff: [
    { staffId: STAFF_ID, name: '王芳', staffNo: 'HD0002', branchId: 'BJ-HAIDIAN', branchName: '北京海淀支行', role: 'RELATIONSHIP_MANAGER', roleLabel: '客户经理', status: 'ACTIVE', wechatBound: true, workPhone: '13800138002', createdAt: '2026-03-01T02:00:00.000Z' },
    { staffId: `S${'b'.repeat(32)}`, name: '吴磊', staffNo: 'HD0009', branchId: 'BJ-HAIDIAN', branchName: '北京海淀支行', role: 'RELATIONSHIP_MANAGER', roleLabel: '客户经理', status: 'INACTIVE', wechatBound: false, workPhone: null, createdAt: '2026-03-01T02:00:00.000Z' },
  ],
  pendingCreations: [change('STAFF_CREATE', '新建客户经理 林晓（NJ0001）')],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-admin',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O7', login: 'admin.qian', displayName: '钱敏', roles: ['ADMIN', 'PRODUCT_MANAGER', 'OPERATIONS'], permissions: ['console.me', 'staff.manage', 'products.read', 'products.draft', 'reconciliation.manage'] },
  });
});

describe('客户经理管理', () => {
  beforeEach(() => api.answer('GET /v1/console/staff', 200, staffPage));

  test('the server’s staff, with their status, work phone and WeChat binding, and the creations waiting for a checker', async () => {
    withApp(<StaffManagement />);
    const table = await screen.findByText('HD0002', undefined, SLOW);
    const row = table.closest('tr')!;
    expect(within(row).getByText('王芳')).toBeTruthy();
    expect(within(row).getByText('13800138002')).toBeTruthy();
    expect(within(row).getByText('已绑定')).toBeTruthy();
    expect(within(row).getByText('正常')).toBeTruthy();
    const gone = screen.getByText('HD0009').closest('tr')!;
    expect(within(gone).getByText('已停用')).toBeTruthy();
    // Created before work phones were recorded: none, nothing made up.
    expect(within(gone).queryByText(/^1\d{10}$/)).toBeNull();
    expect(within(gone).queryByText('生成绑定码')).toBeNull();
    expect(screen.getByText(/新建客户经理 林晓（NJ0001）/)).toBeTruthy();
    expect(api.requests('GET /v1/console/staff')[0]!.query.get('limit')).toBe('20');
  });

  test('searching by part of a name, branch, role and status asks the server with them, trimmed', async () => {
    withApp(<StaffManagement />);
    await screen.findByText('HD0002', undefined, SLOW);
    fireEvent.change(byIdNow('staff-filter-q'), { target: { value: ' 王 ' } });
    fireEvent.change(byIdNow('staff-filter-branch'), { target: { value: 'BJ-HAIDIAN' } });
    openSelect('staff-filter-role');
    fireEvent.click(await screen.findByTitle('客户经理'));
    openSelect('staff-filter-status');
    fireEvent.click(await screen.findByTitle('已停用'));
    fireEvent.click(document.querySelector('.ant-pro-query-filter button[type=submit], .ant-pro-query-filter .ant-btn-primary')!);
    await waitFor(() => expect(api.requests('GET /v1/console/staff').length).toBeGreaterThanOrEqual(2), SLOW);
    expect(Object.fromEntries(api.requests('GET /v1/console/staff').at(-1)!.query)).toEqual({ limit: '20', q: '王', branchId: 'BJ-HAIDIAN', role: 'RELATIONSHIP_MANAGER', status: 'INACTIVE' });
  });

  test('生成绑定码 asks first (it unbinds the WeChat bound now), sends one request, and shows the server’s code once', async () => {
    const release = api.hold(`POST /v1/console/staff/${STAFF_ID}/binding-code`);
    withApp(<StaffManagement />);
    fireEvent.click(await screen.findByText('生成绑定码', undefined, SLOW));
    expect(await screen.findByText('生成新绑定码将解除当前微信绑定，确定吗？')).toBeTruthy();
    expect(api.requests(`POST /v1/console/staff/${STAFF_ID}/binding-code`)).toHaveLength(0);
    const confirm = screen.getByRole('button', { name: '生 成' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    release(200, { staff: staffPage.staff[0], bindingCode: 'K7Q2M9XPA3RT', bindingCodeExpiresAt: '2026-03-05T02:00:00.000Z' });
    expect(await screen.findByText('K7Q2M9XPA3RT', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText(/有效期至 2026-03-05 10:00:00/)).toBeTruthy();
    expect(api.requests(`POST /v1/console/staff/${STAFF_ID}/binding-code`)).toHaveLength(1);
  });

  test('新建客户经理: the contract’s rules inline (a name in any Han character), nothing sent until they hold; the server’s refusal in its own words', async () => {
    api.answer('POST /v1/console/staff/changes', 409, { error: { code: 'STAFF_NO_IN_USE', message: '该工号已存在' } });
    withApp(<StaffManagement />);
    fireEvent.click(await screen.findByText('新建客户经理', { selector: 'button span' }, SLOW));
    fireEvent.change(await byId('staff-name'), { target: { value: 'Lin' } });
    fireEvent.change(byIdNow('staff-no'), { target: { value: 'N1' } });
    fireEvent.change(byIdNow('staff-branch-id'), { target: { value: 'NJ-GULOU' } });
    fireEvent.change(byIdNow('staff-branch-name'), { target: { value: '南京鼓楼支行' } });
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('工号须为 3–20 位字母或数字')).toBeTruthy();
    expect(screen.getByText('请输入办公电话')).toBeTruthy();
    fireEvent.change(byIdNow('staff-work-phone'), { target: { value: '12345678901' } });
    expect(await screen.findByText('手机号须为 11 位，第二位为 3–9', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/staff/changes')).toHaveLength(0);
    fireEvent.change(byIdNow('staff-name'), { target: { value: '林𠮷' } });
    fireEvent.change(byIdNow('staff-no'), { target: { value: 'NJ0001' } });
    fireEvent.change(byIdNow('staff-work-phone'), { target: { value: '0571-8888 6666' } });
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('该工号已存在', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/staff/changes').map((request) => request.body)).toEqual([
      { staff: { name: '林𠮷', staffNo: 'NJ0001', role: 'RELATIONSHIP_MANAGER', branchId: 'NJ-GULOU', branchName: '南京鼓楼支行', workPhone: '0571-88886666' } },
    ]);
  });
});

describe('客户经理管理: 修改电话', () => {
  beforeEach(() => api.answer('GET /v1/console/staff', 200, staffPage));

  test('the current number to start from, the contract’s rule inline, and a valid number sent once, normalized, for a second administrator', async () => {
    api.answer(`POST /v1/console/staff/${STAFF_ID}/work-phone-changes`, 201, change('STAFF_WORK_PHONE', '修改客户经理 王芳（HD0002）的办公电话'));
    withApp(<StaffManagement />);
    const row = (await screen.findByText('HD0002', undefined, SLOW)).closest('tr')!;
    // A deactivated manager has no number to change.
    expect(within(screen.getByText('HD0009').closest('tr')!).queryByText('修改电话')).toBeNull();
    fireEvent.click(within(row).getByText('修改电话'));
    const input = (await byId('staff-phone-input')) as HTMLInputElement;
    expect(input.value).toBe('13800138002');
    fireEvent.change(input, { target: { value: '88886666' } });
    expect(await screen.findByText('办公电话须为 11 位手机号或带区号的座机号（如 0571-88886666）', undefined, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    await waitFor(() => expect(screen.getByText('办公电话须为 11 位手机号或带区号的座机号（如 0571-88886666）')).toBeTruthy(), SLOW);
    expect(api.requests(`POST /v1/console/staff/${STAFF_ID}/work-phone-changes`)).toHaveLength(0);
    fireEvent.change(input, { target: { value: '025-8456 1234' } });
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    await waitFor(() => expect(api.requests(`POST /v1/console/staff/${STAFF_ID}/work-phone-changes`)).toHaveLength(1), SLOW);
    expect(api.requests(`POST /v1/console/staff/${STAFF_ID}/work-phone-changes`)[0]!.body).toEqual({ workPhone: '025-84561234' });
  });

  test('a refusal from the server is shown in its own words', async () => {
    api.answer(`POST /v1/console/staff/${STAFF_ID}/work-phone-changes`, 422, { error: { code: 'WORK_PHONE_UNCHANGED', message: '新的办公电话与当前相同' } });
    withApp(<StaffManagement />);
    const row = (await screen.findByText('HD0002', undefined, SLOW)).closest('tr')!;
    fireEvent.click(within(row).getByText('修改电话'));
    await byId('staff-phone-input');
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('新的办公电话与当前相同', undefined, SLOW)).toBeTruthy();
  });
});

describe('缴费机构 editor', () => {
  const base = SEED_BILLERS.find((biller) => biller.billerId === 'js-mobile')!;

  test('the contract’s own messages under the fields as they are typed; a valid change is sent once, in fen, as the whole biller', async () => {
    const onSubmitted = jest.fn<(change: ChangeRequest) => void>();
    const release = api.hold('POST /v1/console/billers/changes');
    withApp(<BillerEditor mode={{ kind: 'edit', base }} onSubmitted={onSubmitted} />);
    const min = (await byId('biller-min-yuan')) as HTMLInputElement;
    expect(min.value).toBe('10.00');
    fireEvent.change(min, { target: { value: '900' } });
    fireEvent.blur(min);
    expect(await screen.findByText(/最低不超过最高/, undefined, SLOW)).toBeTruthy();
    fireEvent.change(min, { target: { value: '20' } });
    fireEvent.blur(min);
    await waitFor(() => expect(screen.queryByText(/最低不超过最高/)).toBeNull(), SLOW);
    fireEvent.change(byIdNow('biller-name'), { target: { value: '江苏移动话费' } });
    const submit = screen.getByRole('button', { name: '提交复核' });
    fireEvent.click(submit);
    await waitFor(() => expect(api.requests('POST /v1/console/billers/changes')).toHaveLength(1), SLOW);
    fireEvent.click(submit);
    release(200, change('BILLER', '变更缴费机构 江苏移动话费'));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1), SLOW);
    expect(api.requests('POST /v1/console/billers/changes')).toHaveLength(1);
    expect(api.requests('POST /v1/console/billers/changes')[0]!.body).toEqual({
      biller: { ...base, name: '江苏移动话费', amountRule: { ...base.amountRule, minFen: 2_000 } },
    });
    // The customers' page as it will read, from the same draft.
    expect(within(document.getElementById('biller-preview')!).getByText(/¥20–¥500，按 ¥1 递增/)).toBeTruthy();
  });

  test('a refusal from the server is shown in its own words', async () => {
    api.answer('POST /v1/console/billers/changes', 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    withApp(<BillerEditor mode={{ kind: 'edit', base }} onSubmitted={() => undefined} />);
    fireEvent.change(await byId('biller-name'), { target: { value: '江苏移动' } });
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('该对象已有待复核的变更', undefined, SLOW)).toBeTruthy();
  });
});

describe('对账报告', () => {
  const report: ReconciliationReport = {
    date: '2026-03-01',
    ranAt: '2026-03-01T16:05:03.000Z',
    matched: 41,
    matchedFen: 1_234_567,
    jinlinCount: 42,
    jinlinFen: 1_239_999,
    gatewayCount: 42,
    gatewayFen: 1_240_000,
    mismatchCount: 1,
    mismatches: [
      { kind: 'AMOUNT_DIFFERS', reference: `P${'Q'.repeat(26)}`, billerId: 'nj-power', jinlinAmountFen: 5_432, gatewayAmountFen: 5_332, jinlinStatus: 'SETTLED', action: 'REFUND_PENDING_REVIEW', note: '渠道少记 ¥1.00，退还客户' },
    ],
  };

  test('the server’s counts and amounts, formatted only; each mismatch with the action taken; a date not reconciled says so', async () => {
    api.answer(`GET /v1/console/bill-reconciliations/${reportDate()}`, 200, report);
    withApp(<ReconciliationPage />);
    expect(await screen.findByText('¥12,399.99', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('¥12,345.67')).toBeTruthy();
    expect(screen.getByText('金额不一致')).toBeTruthy();
    expect(screen.getByText('暂扣结算款，复核后退还客户')).toBeTruthy();
    expect(screen.getByText('¥54.32')).toBeTruthy();
  });

  test('a date not reconciled: the server’s message', async () => {
    api.answer(`GET /v1/console/bill-reconciliations/${reportDate()}`, 404, { error: { code: 'RECONCILIATION_NOT_FOUND', message: '该营业日尚未对账' } });
    withApp(<ReconciliationPage />);
    expect(await screen.findByText('该营业日尚未对账', undefined, SLOW)).toBeTruthy();
  });
});

/** The date the page opens on: yesterday in China. */
function reportDate(): string {
  const china = new Date(Date.now() + 8 * 3_600_000 - 86_400_000);
  return china.toISOString().slice(0, 10);
}
