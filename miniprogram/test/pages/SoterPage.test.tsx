// The 指纹/面容支付 settings page: turned on with the PIN (entered on the keypad, encrypted with the
// challenge of a nonce asked for the enrolment itself), turned off at any time; a phone or
// browser without SOTER only says so. What the phone offers comes from lib/soter.ts, stubbed here.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '@contract/schemas';
import type { PinSecondFactor, SoterAuthMode } from '@contract/second-factor-schemas';
import { availableSoterModes } from '@/lib/soter';
import SoterPage from '@/pages/soter/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { renderShown } from '../support/page';
import { authorizationsAsked, challengeNo, decryptPin, issueNonces, nonceNo, tapPin } from '../support/payment';

jest.mock('@/lib/soter', () => ({
  ...jest.requireActual<typeof import('@/lib/soter')>('@/lib/soter'),
  availableSoterModes: jest.fn(),
}));

const ME = 'GET /v1/me';
const ENROL = 'POST /v1/me/soter';
const REVOKE = 'POST /v1/me/soter/revoke';
const ENROLMENT = { authMode: 'facial', enrolledAt: '2026-03-02T09:30:00.000Z' } as const;
const me = (soterEnrolled: Me['soterEnrolled'] = null, pinSet = true): Me => ({
  customerId: 'cus_01',
  phoneMasked: '138****0000',
  realName: null,
  pinSet,
  pinLockedUntil: null,
  soterEnrolled,
  account: null,
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  issueNonces(api);
});

async function renderPage(shown: Me, modes: SoterAuthMode[]) {
  jest.mocked(availableSoterModes).mockResolvedValue(modes);
  api.answer(ME, 200, shown);
  await renderShown(<SoterPage />);
  await screen.findByText('开启后，付款时可用指纹或面容代替支付密码；支付密码随时可用。');
}

describe('the 指纹/面容支付 page', () => {
  test('turning on face payment: the mode, then the PIN on the keypad, sent with a nonce asked for /v1/me/soter and { authMode }', async () => {
    api.answerEach(ENROL, () => {
      api.answer(ME, 200, me(ENROLMENT));
      return { status: 200, body: me(ENROLMENT) };
    });
    await renderPage(me(), ['fingerPrint', 'facial']);
    await userEvent.click(await waitFor(() => document.getElementById('soter-mode-facial')!));
    await userEvent.click(screen.getByText('开启面容支付'));
    await tapPin('480213');

    expect(await screen.findByText('面容支付')).toHaveAttribute('id', 'soter-mode');
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/me/soter', body: { authMode: 'facial' } }]);
    const [sent] = api.requests(ENROL).map((request) => request.body as { authMode: string; secondFactor: PinSecondFactor });
    expect(sent!.authMode).toBe('facial');
    expect(sent!.secondFactor.nonce).toBe(nonceNo(1));
    expect(decryptPin(sent!.secondFactor.pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(1) });
    expect(JSON.stringify(sent)).not.toContain('480213');
  });

  test("a wrong PIN: the server's words and the PIN again, under a new nonce", async () => {
    let tries = 0;
    api.answerEach(ENROL, () => (++tries === 1 ? { status: 403, body: refusal('PIN_INCORRECT', '支付密码错误，还可尝试 4 次') } : { status: 200, body: me(ENROLMENT) }));
    await renderPage(me(), ['fingerPrint']);
    expect(document.getElementById('soter-mode-fingerPrint')).toBeNull();
    await userEvent.click(await screen.findByText('开启指纹支付'));
    await tapPin('111111');
    expect(await screen.findByText('支付密码错误，还可尝试 4 次')).toHaveAttribute('id', 'pin-message');
    await waitFor(() => expect(authorizationsAsked(api)).toHaveLength(2));
    await tapPin('480213');
    await waitFor(() => expect(api.requests(ENROL)).toHaveLength(2));
    const retry = api.requests(ENROL)[1]!.body as { secondFactor: PinSecondFactor };
    expect(retry.secondFactor.nonce).toBe(nonceNo(2));
    expect(decryptPin(retry.secondFactor.pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(2) });
  });

  test('on: how and since when, and turning it off', async () => {
    api.answerEach(REVOKE, () => {
      api.answer(ME, 200, me());
      return { status: 200, body: me() };
    });
    await renderPage(me(ENROLMENT), []);
    expect(await screen.findByText('面容支付')).toHaveAttribute('id', 'soter-mode');
    await userEvent.click(screen.getByText('关闭指纹/面容支付'));
    await waitFor(() => expect(api.requests(REVOKE)).toHaveLength(1));
    expect(await screen.findByText(/本机暂不支持指纹\/面容支付/)).toBeInTheDocument();
  });

  test('a browser or a phone without SOTER: said so, and nothing to turn on', async () => {
    await renderPage(me(), []);
    expect(await screen.findByText(/本机暂不支持指纹\/面容支付/)).toBeInTheDocument();
    expect(screen.queryByText(/^开启.*支付$/)).toBeNull();
    expect(authorizationsAsked(api)).toEqual([]);
  });

  test('no PIN yet: set one first', async () => {
    await renderPage(me(null, false), ['fingerPrint']);
    expect(await screen.findByText('开启前请先设置支付密码。')).toBeInTheDocument();
    expect(screen.queryByText('开启指纹支付')).toBeNull();
  });
});
