import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { OperatorPage } from '@/api/operators';
import type { ChangeRequest } from '@/api/types';
import OperatorManagement from '@/pages/operators/OperatorManagement';
import ActivationPage, { asActivationCode } from '@/sign-in/ActivationPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

// antd's tables and forms render slowly in jsdom on a shared machine.
const SLOW = { timeout: 10_000 };
const withRouter = (node: ReactNode) => render(<MemoryRouter>{node}</MemoryRouter>);

const SELF = `O${'0'.repeat(32)}`;
const PM = `O${'a'.repeat(32)}`;
const NEW = `O${'b'.repeat(32)}`;
const LOCKED = `O${'c'.repeat(32)}`;
const LIST = 'GET /v1/console/operators';

const page: OperatorPage = {
  operators: [
    { operatorId: SELF, login: 'admin.qian', displayName: '钱坤', roles: ['ADMIN'], status: 'ACTIVE', createdAt: '2026-03-01T02:00:00.000Z', lastSignInAt: '2026-03-02T01:00:00.000Z' },
    { operatorId: PM, login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], status: 'ACTIVE', createdAt: '2026-03-01T02:00:00.000Z' },
    { operatorId: NEW, login: 'pm.wang', displayName: '王芳', roles: ['PRODUCT_MANAGER'], status: 'PENDING_ACTIVATION', createdAt: '2026-03-02T02:00:00.000Z' },
    { operatorId: LOCKED, login: 'cs.zhao', displayName: '赵敏', roles: ['CUSTOMER_SERVICE'], status: 'ACTIVE', createdAt: '2026-03-01T02:00:00.000Z', lockedUntil: '2026-03-02T02:30:00.000Z' },
  ],
  nextCursor: 'LOGIN#pm.wang',
};

const change = (kind: ChangeRequest['kind'], after: Record<string, unknown>): ChangeRequest => ({
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind,
  entityId: 'operator-login:706d2e6e6577',
  entityLabel: '新建运营人员 pm.new',
  status: 'PENDING',
  before: null,
  after,
  maker: { operatorId: SELF, login: 'admin.qian', displayName: '钱坤' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
});

const rowOf = async (login: string) => (await screen.findByText(login, undefined, SLOW)).closest('tr')!;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(LIST, 200, page);
  api.answer('GET /v1/console/changes', 200, { changes: [change('OPERATOR_CREATE', { login: 'pm.new', displayName: '周新' })] });
  startSession({
    accessToken: 'token-admin',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: SELF, login: 'admin.qian', displayName: '钱坤', roles: ['ADMIN'], permissions: ['console.me', 'operators.manage', 'changes.read'] },
  });
});

describe('运营人员管理', () => {
  test('the server’s operators with their roles, status and lock; what each may have done to it; nothing for the administrator’s own row', async () => {
    withRouter(<OperatorManagement operator={{ operatorId: SELF, login: 'admin.qian', displayName: '钱坤', roles: ['ADMIN'], permissions: ['operators.manage'] }} />);
    const self = await rowOf('admin.qian');
    expect(within(self).getByText('本人')).toBeTruthy();
    expect(within(self).queryByText('停用')).toBeNull();
    const pm = await rowOf('pm.li');
    expect(within(pm).getByText('产品经理')).toBeTruthy();
    expect(within(pm).getByText('在职')).toBeTruthy();
    expect(within(pm).getByText('重置动态口令')).toBeTruthy();
    expect(within(pm).queryByText('生成激活码')).toBeNull();
    const pending = await rowOf('pm.wang');
    expect(within(pending).getByText('待激活')).toBeTruthy();
    expect(within(pending).getByText('生成激活码')).toBeTruthy();
    const locked = await rowOf('cs.zhao');
    expect(within(locked).getByText('解锁')).toBeTruthy();
    expect(within(locked).getByText(/锁定至 2026-03-02 10:30/)).toBeTruthy();
    // The creations waiting for a checker, from 复核中心's list.
    expect(await screen.findByText(/周新（pm.new）/, undefined, SLOW)).toBeTruthy();
    expect(api.requests('GET /v1/console/changes')[0]!.query.get('kind')).toBe('OPERATOR_CREATE');
    expect(api.requests(LIST)[0]!.query.get('limit')).toBe('20');
  });

  test('生成激活码 sends one request however often it is clicked and shows the server’s code once, with where it goes', async () => {
    const release = api.hold(`POST /v1/console/operators/${NEW}/activation-code`);
    withRouter(<OperatorManagement operator={{ operatorId: SELF, login: 'admin.qian', displayName: '钱坤', roles: ['ADMIN'], permissions: ['operators.manage'] }} />);
    const button = within(await rowOf('pm.wang')).getByText('生成激活码');
    fireEvent.click(button);
    fireEvent.click(button);
    release(200, { operatorId: NEW, login: 'pm.wang', activationCode: 'ABCD-EFGH-JKLM-NP23', expiresAt: '2026-03-05T02:00:00.000Z' });
    expect(await screen.findByText('ABCD-EFGH-JKLM-NP23', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText(/登录名 pm.wang，有效至 2026-03-05 10:00/)).toBeTruthy();
    expect(api.requests(`POST /v1/console/operators/${NEW}/activation-code`)).toHaveLength(1);
  });

  test('新建运营人员: the contract’s rules before anything is sent (an administrator holds no other role); the server’s refusal in its own words', async () => {
    api.answer('POST /v1/console/operators/changes', 409, { error: { code: 'OPERATOR_LOGIN_IN_USE', message: '该登录名已存在' } });
    withRouter(<OperatorManagement operator={{ operatorId: SELF, login: 'admin.qian', displayName: '钱坤', roles: ['ADMIN'], permissions: ['operators.manage'] }} />);
    fireEvent.click(await screen.findByText('新建运营人员', { selector: 'button span' }, SLOW));
    fireEvent.change(await screen.findByLabelText('登录名'), { target: { value: 'PM Wang' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王芳' } });
    fireEvent.click(screen.getByLabelText('管理员'));
    fireEvent.click(screen.getByLabelText('产品经理'));
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('登录名须为 3–32 位小写字母、数字或 . _ -', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('管理员不得兼任其他角色')).toBeTruthy();
    expect(api.requests('POST /v1/console/operators/changes')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('登录名'), { target: { value: 'pm.wang' } });
    fireEvent.click(screen.getByLabelText('管理员'));
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('该登录名已存在', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/operators/changes').map((request) => request.body)).toEqual([{ login: 'pm.wang', displayName: '王芳', roles: ['PRODUCT_MANAGER'] }]);
    // A modal form typed into field by field: the slowest of these in jsdom.
  }, 120_000);
});

describe('首次登录激活', () => {
  test('the code as typed is normalized; the server’s secret is shown to scan; the password twice and the first code complete it, once', async () => {
    expect(asActivationCode('abcd efgh-jklm np23 99')).toBe('ABCD-EFGH-JKLM-NP23');
    api.answer('POST /v1/console/activation', 200, {
      enrolmentId: 'E'.repeat(43),
      login: 'pm.wang',
      displayName: '王芳',
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x:pm.wang?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      expiresAt: '2026-03-02T02:10:00.000Z',
    });
    const release = api.hold('POST /v1/console/activation/complete');
    const onDone = jest.fn();
    render(<ActivationPage onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('登录名'), { target: { value: 'pm.wang' } });
    fireEvent.change(screen.getByLabelText('激活码'), { target: { value: 'abcdefghjklmnp23' } });
    fireEvent.click(screen.getByRole('button', { name: /下一步/ }));
    expect(await screen.findByText('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/activation')[0]!.body).toEqual({ login: 'pm.wang', activationCode: 'ABCD-EFGH-JKLM-NP23' });
    fireEvent.change(screen.getByLabelText('设置登录密码'), { target: { value: 'Wang-Fang-2026' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'Wang-Fang-2027' } });
    fireEvent.change(screen.getByLabelText('验证器显示的 6 位动态口令'), { target: { value: '12 34 56' } });
    const complete = screen.getByRole('button', { name: /完成激活/ });
    fireEvent.click(complete);
    expect(await screen.findByText('两次输入的密码不一致', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/activation/complete')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'Wang-Fang-2026' } });
    fireEvent.click(complete);
    await waitFor(() => expect(api.requests('POST /v1/console/activation/complete')).toHaveLength(1), SLOW);
    fireEvent.click(complete);
    release(200, { activated: true, login: 'pm.wang' });
    expect(await screen.findByText('账户已激活', undefined, SLOW)).toBeTruthy();
    expect(api.requests('POST /v1/console/activation/complete')).toHaveLength(1);
    expect(api.requests('POST /v1/console/activation/complete')[0]!.body).toEqual({ enrolmentId: 'E'.repeat(43), password: 'Wang-Fang-2026', code: '123456' });
  });

  test('a refusal from the server is shown in its own words', async () => {
    api.answer('POST /v1/console/activation', 401, { error: { code: 'ACTIVATION_FAILED', message: '登录名或激活码错误' } });
    render(<ActivationPage onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('登录名'), { target: { value: 'pm.wang' } });
    fireEvent.change(screen.getByLabelText('激活码'), { target: { value: 'ABCD-EFGH-JKLM-NP23' } });
    fireEvent.click(screen.getByRole('button', { name: /下一步/ }));
    expect(await screen.findByText('登录名或激活码错误', undefined, SLOW)).toBeTruthy();
  });
});
