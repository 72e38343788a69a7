import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import type { PinSecondFactor } from '@contract/second-factor-schemas';
import PinPage from '@/pages/pin/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { renderShown } from '../support/page';
import { authorization, authorizationsAsked, challengeNo, decryptPin, issueNonces, nonceNo, tapPin } from '../support/payment';

const ME = 'GET /v1/me';
const SET_PIN = 'POST /v1/me/pin';
const me = (pinSet: boolean): Me => ({ customerId: 'cus_01', phoneMasked: '138****0000', realName: null, pinSet, pinLockedUntil: null, soterEnrolled: null, account: null });

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  issueNonces(api);
});

async function renderPinPage(pinSet: boolean) {
  api.answer(ME, 200, me(pinSet));
  await renderShown(<PinPage />);
  await screen.findByText(pinSet ? '修改支付密码' : '设置支付密码');
}

const prompt = () => document.getElementById('pin-prompt')?.textContent;
type SetPinBody = { newPin: PinSecondFactor; secondFactor?: PinSecondFactor };
const sentBodies = () => api.requests(SET_PIN).map((request) => request.body as SetPinBody);

describe('the PIN page', () => {
  test('setting a first PIN: typed twice on the keypad, sent once as newPin under a nonce asked for /v1/me/pin', async () => {
    api.answer(SET_PIN, 200, me(true));
    await renderPinPage(false);
    expect(prompt()).toBe('请设置 6 位数字支付密码');
    await tapPin('480213');
    expect(prompt()).toBe('请再次输入，确认支付密码');
    expect(api.requests(SET_PIN)).toHaveLength(0);
    await tapPin('480213');
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));

    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/me/pin', body: {} }]);
    const [body] = sentBodies();
    expect(Object.keys(body!)).toEqual(['newPin']);
    expect(body!.newPin.nonce).toBe(nonceNo(1));
    expect(decryptPin(body!.newPin.pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(1) });
  });

  test('changing the PIN: the current one as the second factor and the new one as newPin, both under the same nonce', async () => {
    api.answer(SET_PIN, 200, me(true));
    await renderPinPage(true);
    expect(prompt()).toBe('请输入原支付密码，验证身份');
    expect(screen.getByText('忘记支付密码')).toBeInTheDocument();
    await tapPin('111111');
    expect(prompt()).toBe('请设置 6 位数字支付密码');
    await tapPin('480213');
    await tapPin('480213');
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());

    const [body] = sentBodies();
    expect(body!.secondFactor!.nonce).toBe(nonceNo(1));
    expect(body!.newPin.nonce).toBe(nonceNo(1));
    expect(decryptPin(body!.secondFactor!.pinCipher)).toMatchObject({ pin: '111111', challenge: challengeNo(1) });
    expect(decryptPin(body!.newPin.pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(1) });
    expect(JSON.stringify(body)).not.toContain('"480213"');
    expect(JSON.stringify(body)).not.toContain('"111111"');
  });

  test('a confirmation that differs is said so, nothing is sent, and the new PIN is asked for again', async () => {
    await renderPinPage(false);
    await tapPin('480213');
    await tapPin('480214');
    expect(await screen.findByText('两次输入的支付密码不一致，请重新设置')).toHaveAttribute('id', 'pin-message');
    expect(prompt()).toBe('请设置 6 位数字支付密码');
    expect(api.requests(SET_PIN)).toHaveLength(0);
  });

  test("a wrong current PIN: the server's words, and everything again from the current PIN under a new nonce", async () => {
    let tries = 0;
    api.answerEach(SET_PIN, () => (++tries === 1 ? { status: 403, body: refusal('PIN_INCORRECT', '支付密码错误，还可尝试 2 次') } : { status: 200, body: me(true) }));
    await renderPinPage(true);
    await tapPin('111111');
    await tapPin('480213');
    await tapPin('480213');
    expect(await screen.findByText('支付密码错误，还可尝试 2 次')).toHaveAttribute('id', 'pin-message');
    expect(prompt()).toBe('请输入原支付密码，验证身份');
    await waitFor(() => expect(api.requests('POST /v1/payment-authorizations')).toHaveLength(2));

    await tapPin('222222');
    await tapPin('480213');
    await tapPin('480213');
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    const retry = sentBodies()[1]!;
    expect(retry.secondFactor!.nonce).toBe(nonceNo(2));
    expect(decryptPin(retry.secondFactor!.pinCipher)).toMatchObject({ pin: '222222', challenge: challengeNo(2) });
  });

  test('a locked PIN: the server’s words, 忘记支付密码 and the customer service line instead of the keypad', async () => {
    api.answer(SET_PIN, 423, refusal('PIN_LOCKED', '支付密码错误次数过多，已暂时锁定'));
    await renderPinPage(true);
    await tapPin('111111');
    await tapPin('480213');
    await tapPin('480213');
    expect(await screen.findByText('支付密码错误次数过多，已暂时锁定')).toBeInTheDocument();
    expect(document.getElementById('pin-keys')).toBeNull();
    expect(document.getElementById('service-phone')).not.toBeNull();
  });

  test('the keypad takes nothing until the nonce is there, and no PIN is ever typed into a text field', async () => {
    const reply = api.hold('POST /v1/payment-authorizations');
    api.answer(ME, 200, me(false));
    await renderShown(<PinPage />);
    await screen.findByText('正在准备…');
    for (const digit of '123456') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
    expect(prompt()).toBe('请设置 6 位数字支付密码');
    expect(document.querySelector('input')).toBeNull();
    reply(200, authorization(1));
    await waitFor(() => expect(screen.queryByText('正在准备…')).toBeNull());
  });
});
