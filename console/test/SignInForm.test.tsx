import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ConsoleSignIn } from '@/api/types';
import { SignInForm } from '@/sign-in/SignInForm';
import { type FakeApi, fakeApi } from './support/api';

const SIGN_IN = 'POST /v1/console/sign-in';
const TOTP = 'POST /v1/console/sign-in/totp';
const DEMO_CODE = 'GET /v1/sim/console/totp';

const challenge = { challengeId: 'chl_01', expiresAt: '2026-12-05T08:05:00.000Z' };
const signedIn: ConsoleSignIn = {
  accessToken: 'token-01',
  expiresAt: '2026-12-05T08:15:00.000Z',
  operator: { operatorId: 'opr_01', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me'] },
};
const refusal = (code: string, message: string) => ({ error: { code, message } });

let api: FakeApi;
let onSignedIn: jest.Mock<(signIn: ConsoleSignIn) => void>;
beforeEach(() => {
  api = fakeApi();
  onSignedIn = jest.fn();
});

// user-event asks jsdom for each element's computed pointer-events on every event, which parses
// every stylesheet antd injected: minutes per file. antd's controls never disable pointer events.
const user = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

function renderForm() {
  render(<SignInForm onSignedIn={onSignedIn} />);
}

/** What is typed or pasted into a field, in one input event (typing key by key through antd in
 *  jsdom costs about a second a field; the 动态口令 test types key by key where that matters). */
function enter(label: string, text: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

async function enterPassword(login = 'pm.li', password = 'Jinlin@2026') {
  enter('用户名', login);
  enter('密码', password);
  await user().click(screen.getByRole('button', { name: /下一步/ }));
}

async function reachCodeStep() {
  api.answer(SIGN_IN, 200, challenge);
  renderForm();
  await enterPassword();
  return screen.findByLabelText('动态口令');
}

const submitCode = () => user().click(screen.getByRole('button', { name: /登\s*录/ }));

describe('step 1: login and password', () => {
  test('sends the login and password, then asks for the 动态口令', async () => {
    await reachCodeStep();
    expect(api.requests(SIGN_IN).map((r) => r.body)).toEqual([{ login: 'pm.li', password: 'Jinlin@2026' }]);
    expect(screen.queryByLabelText('密码')).not.toBeInTheDocument();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  test('a refused password shows the server’s message and stays on the password step', async () => {
    api.answer(SIGN_IN, 401, refusal('SIGN_IN_FAILED', '用户名或密码错误'));
    renderForm();
    await enterPassword();
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toBeInTheDocument();
    expect(screen.queryByLabelText('动态口令')).not.toBeInTheDocument();
  });

  test('a locked operator sees that the account is locked and the server’s unlock time', async () => {
    api.answer(SIGN_IN, 423, refusal('OPERATOR_LOCKED', '账户已锁定，请于 16:45 后再试'));
    renderForm();
    await enterPassword();
    expect(await screen.findByText('账户已锁定')).toBeInTheDocument();
    expect(screen.getByText('账户已锁定，请于 16:45 后再试')).toBeInTheDocument();
  });

  test('a login or password the contract refuses is caught before any request', async () => {
    renderForm();
    await enterPassword('PM Li', 'short');
    expect(await screen.findByText('用户名为 3–32 位小写字母、数字或 . _ -')).toBeInTheDocument();
    expect(screen.getByText('密码为 8–128 位')).toBeInTheDocument();
    expect(api.sent).toEqual([]);
  });

  test('the button is busy while the password is checked: a double click sends one request', async () => {
    const release = api.hold(SIGN_IN);
    renderForm();
    const u = user();
    enter('用户名', 'pm.li');
    enter('密码', 'Jinlin@2026');
    const next = screen.getByRole('button', { name: /下一步/ });
    await u.dblClick(next);
    await waitFor(() => expect(api.requests(SIGN_IN)).toHaveLength(1));
    await u.click(next);
    release(200, challenge);
    expect(await screen.findByLabelText('动态口令')).toBeInTheDocument();
    expect(api.requests(SIGN_IN)).toHaveLength(1);
  });
});

describe('step 2: the 6-digit 动态口令', () => {
  test('the right code signs in with the server’s session', async () => {
    api.answer(TOTP, 200, signedIn);
    await reachCodeStep();
    enter('动态口令', '123456');
    await submitCode();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(signedIn));
    expect(api.requests(TOTP).map((r) => r.body)).toEqual([{ challengeId: 'chl_01', code: '123456' }]);
  });

  test('the field keeps digits only, at most six, typed or pasted', async () => {
    const field = await reachCodeStep();
    await user().type(field, '1a2-');
    expect(field).toHaveValue('12');
    enter('动态口令', '3 4b56789');
    expect(field).toHaveValue('345678');
  });

  test('fewer than six digits is refused before any request', async () => {
    await reachCodeStep();
    enter('动态口令', '12345');
    await submitCode();
    expect(await screen.findByText('动态口令为 6 位数字')).toBeInTheDocument();
    expect(api.requests(TOTP)).toEqual([]);
  });

  test('a wrong code shows the server’s message and clears the field for another try', async () => {
    api.answer(TOTP, 401, refusal('TOTP_INCORRECT', '动态口令错误，还可尝试 3 次'));
    await reachCodeStep();
    enter('动态口令', '654321');
    await submitCode();
    expect(await screen.findByText('动态口令错误，还可尝试 3 次')).toBeInTheDocument();
    expect(screen.getByLabelText('动态口令')).toHaveValue('');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  test('an expired challenge shows the server’s message and goes back to the password', async () => {
    api.answer(TOTP, 401, refusal('SIGN_IN_EXPIRED', '登录已超时，请重新输入密码'));
    await reachCodeStep();
    enter('动态口令', '654321');
    await submitCode();
    expect(await screen.findByText('登录已超时，请重新输入密码')).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toBeInTheDocument();
    expect(screen.queryByLabelText('动态口令')).not.toBeInTheDocument();
  });

  test('a lock on the code step shows the lock and goes back to the password', async () => {
    api.answer(TOTP, 423, refusal('OPERATOR_LOCKED', '账户已锁定，请于 16:45 后再试'));
    await reachCodeStep();
    enter('动态口令', '654321');
    await submitCode();
    expect(await screen.findByText('账户已锁定')).toBeInTheDocument();
    expect(screen.getByText('账户已锁定，请于 16:45 后再试')).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toBeInTheDocument();
  });
});

describe('the local stage’s demo code', () => {
  test('「获取本地演示口令」 fills in the simulator’s code for the operator', async () => {
    Object.assign(globalThis, { STAGE: 'local' });
    api.answer(DEMO_CODE, 200, { code: '802417' });
    const field = await reachCodeStep();
    await user().click(screen.getByRole('button', { name: '获取本地演示口令' }));
    await waitFor(() => expect(field).toHaveValue('802417'));
    expect(api.requests(DEMO_CODE).map((r) => r.query.get('login'))).toEqual(['pm.li']);
  });

  test('no other stage shows the link', async () => {
    await reachCodeStep();
    expect(screen.queryByRole('button', { name: '获取本地演示口令' })).not.toBeInTheDocument();
  });
});
