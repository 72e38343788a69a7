// 登录设备管理: the devices signed in, with time and place, this one marked 本机; 退出 on another
// signs it out and the list follows the server; 退出其他所有设备; the skeleton while loading.
import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionView } from '@contract/session-schemas';
import DevicesPage from '@/packageSecurity/pages/devices/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { renderShown } from '../support/page';

const LIST = 'GET /v1/sessions';
const THIS: SessionView = {
  sessionId: '11111111-1111-4111-8111-111111111111',
  deviceLabel: 'iPhone 15',
  platform: 'ios',
  place: '223.104.3.*',
  signedInAt: '2026-03-01T01:02:00.000Z',
  lastUsedAt: '2026-03-02T08:30:00.000Z',
  current: true,
  deviceVerified: true,
};
const LAPTOP: SessionView = {
  sessionId: '22222222-2222-4222-8222-222222222222',
  deviceLabel: 'MacBook Pro',
  platform: 'mac',
  place: '114.80.10.*',
  signedInAt: '2026-02-20T12:00:00.000Z',
  lastUsedAt: '2026-02-21T03:00:00.000Z',
  current: false,
  deviceVerified: false,
};
const TABLET: SessionView = { ...LAPTOP, sessionId: '33333333-3333-4333-8333-333333333333', deviceLabel: 'iPad Air', deviceVerified: true };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

const rows = () => Array.from(document.querySelectorAll('.session-row')).map((row) => row.textContent);

describe('登录设备管理', () => {
  test('lists each device with its times and place, this one 本机 without 退出', async () => {
    api.answer(LIST, 200, { sessions: [THIS, LAPTOP] });
    await renderShown(<DevicesPage />);
    await screen.findByText('MacBook Pro');
    const [mine, laptop] = rows();
    expect(mine).toContain('本机');
    expect(mine).toContain('223.104.3.*');
    expect(mine).not.toContain('退出');
    expect(laptop).toContain('MacBook Pro');
    expect(laptop).toMatch(/登录时间 2026-02-2\d \d\d:\d\d/);
    expect(laptop).toContain('114.80.10.*');
    expect(laptop).toContain('新设备，首次交易需验证手机号');
    expect(document.getElementById(`session-sign-out-${LAPTOP.sessionId}`)).not.toBeNull();
    expect(document.getElementById(`session-sign-out-${THIS.sessionId}`)).toBeNull();
  });

  test('退出 signs that device out, and the list is asked again', async () => {
    let listed = [THIS, LAPTOP, TABLET];
    api.answerEach(LIST, () => ({ status: 200, body: { sessions: listed } }));
    api.answerEach(`POST /v1/sessions/${LAPTOP.sessionId}/sign-out`, () => {
      listed = [THIS, TABLET];
      return { status: 200, body: { signedOut: 1 } };
    });
    await renderShown(<DevicesPage />);
    await userEvent.click(await screen.findByText('退出', { selector: `#session-sign-out-${LAPTOP.sessionId}` }));
    expect(await screen.findByText('已退出 MacBook Pro')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('MacBook Pro')).toBeNull());
    expect(rows()).toHaveLength(2);
    expect(api.requests(LIST)).toHaveLength(2);
  });

  test('退出其他所有设备: only this one is left, and the button goes', async () => {
    let listed = [THIS, LAPTOP, TABLET];
    api.answerEach(LIST, () => ({ status: 200, body: { sessions: listed } }));
    api.answerEach('POST /v1/sessions/sign-out-others', () => {
      listed = [THIS];
      return { status: 200, body: { signedOut: 2 } };
    });
    await renderShown(<DevicesPage />);
    await userEvent.click(await screen.findByText('退出其他所有设备'));
    expect(await screen.findByText('已退出其他 2 台设备')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByText('退出其他所有设备')).toBeNull();
  });

  test('a refused sign-out shows the server\'s words and keeps the list', async () => {
    api.answer(LIST, 200, { sessions: [THIS, LAPTOP] });
    api.answer(`POST /v1/sessions/${LAPTOP.sessionId}/sign-out`, 404, refusal('SESSION_NOT_FOUND', '该登录设备不存在或已退出'));
    await renderShown(<DevicesPage />);
    await userEvent.click(await screen.findByText('退出', { selector: `#session-sign-out-${LAPTOP.sessionId}` }));
    expect(await screen.findByText('该登录设备不存在或已退出')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
  });

  test('the skeleton while the list is asked', async () => {
    const reply = api.hold(LIST);
    await renderShown(<DevicesPage />);
    expect(document.getElementById('skeleton')).not.toBeNull();
    reply(200, { sessions: [THIS] });
    await screen.findByText('iPhone 15');
    expect(document.getElementById('skeleton')).toBeNull();
  });
});
