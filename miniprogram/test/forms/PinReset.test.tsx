import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { PinResetCodeSent, PinResetResult } from '@contract/pin-reset-schemas';
import { CUSTOMER_SERVICE_PHONE } from '@/lib/contact';
import PinResetPage from '@/pages/pin-reset/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { AUTHORIZE, authorizationsAsked, challengeNo, decryptPin, issueNonces, nonceNo, tapPin } from '../support/payment';

const SEND_CODE = 'POST /v1/me/pin-reset/code';
const RESET = 'POST /v1/me/pin-reset';

const IDENTITY = { realName: '王小明', idNumber: '11010519900307123X', cardNumber: '6222020000000000001' };
const CODE = '042917';
const NEW_PIN = '385027';

const codeSent: PinResetCodeSent = { phoneMasked: '139****5678', expiresAt: '2026-03-02T09:35:00.000Z', resendAfterSeconds: 60, sendsLeftToday: 4 };
const done: PinResetResult = { resetAt: '2026-03-02T09:31:00.000Z', phoneMasked: '139****5678' };

// Each test types the three answers key by key and walks up to three steps: more than jest's
// default 5 s on a busy machine.
jest.setTimeout(20_000);

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(SEND_CODE, 200, codeSent);
  api.answer(RESET, 200, done);
  issueNonces(api);
});

const click = (id: string) => userEvent.click(document.getElementById(id)!);

async function fillIdentity(identity = IDENTITY) {
  await typeInto('reset-name', identity.realName);
  await typeInto('reset-id', identity.idNumber);
  await typeInto('reset-card', identity.cardNumber);
  await click('reset-identity-next');
}

async function getCode(code = CODE) {
  await click('reset-send-code');
  await screen.findByText(`验证码已发送至 ${codeSent.phoneMasked}，5 分钟内有效。`);
  await typeInto('reset-code', code);
  await click('reset-code-next');
}

/** The page at step 3, its nonce issued. */
async function atNewPin() {
  await renderShown(<PinResetPage />);
  await fillIdentity();
  await getCode();
  await screen.findByText('请设置新的 6 位支付密码');
}

const step = () => document.querySelector('.reset-steps__step--current')?.textContent;

describe('忘记支付密码: the steps', () => {
  test('identity, then the code, then the new PIN twice — sent encrypted with the nonce asked for these very answers — then the result', async () => {
    await renderShown(<PinResetPage />);
    expect(step()).toBe('1 验证身份');
    await fillIdentity();
    expect(step()).toBe('2 短信验证');
    expect(screen.getByText('验证码将发送至您绑定的手机号。')).toBeInTheDocument();

    await getCode();
    expect(api.requests(SEND_CODE).map((request) => request.body)).toEqual([{}]);
    expect(step()).toBe('3 设置新密码');
    await waitFor(() => expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/me/pin-reset', body: { ...IDENTITY, smsCode: CODE } }]));

    await tapPin(NEW_PIN);
    await screen.findByText('请再次输入，确认新密码');
    expect(api.requests(RESET)).toHaveLength(0);
    await tapPin(NEW_PIN);

    await screen.findByText('支付密码已重置');
    expect(screen.getByText(`已发送至 ${done.phoneMasked}`)).toBeInTheDocument();
    const [sent] = api.requests(RESET);
    const body = sent!.body as Record<string, unknown> & { newPin: { nonce: string; pinCipher: string } };
    expect(Object.keys(body).sort()).toEqual(['cardNumber', 'idNumber', 'newPin', 'realName', 'smsCode']);
    expect(body).toMatchObject({ ...IDENTITY, smsCode: CODE });
    expect(body.newPin.nonce).toBe(nonceNo(1));
    expect(decryptPin(body.newPin.pinCipher)).toMatchObject({ pin: NEW_PIN, challenge: challengeNo(1) });
    // The PIN travels only inside the cipher.
    expect(JSON.stringify(api.sent.map((request) => request.body))).not.toContain(`"${NEW_PIN}"`);
    await click('back-home');
    expect(Taro.reLaunch).toHaveBeenCalled();
  });

  test('the shapes are checked before the next step: name, ID number, card number, then a code sent and six digits', async () => {
    await renderShown(<PinResetPage />);
    await fillIdentity({ ...IDENTITY, realName: 'Wang' });
    expect(await screen.findByText('请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔')).toBeInTheDocument();
    await fillIdentity({ ...IDENTITY, idNumber: '110105199003071' });
    expect(await screen.findByText('请输入 18 位居民身份证号码')).toBeInTheDocument();
    await fillIdentity({ ...IDENTITY, cardNumber: '6222' });
    expect(await screen.findByText('请输入 16–19 位银行卡号')).toBeInTheDocument();
    await fillIdentity();
    await click('reset-code-next');
    expect(await screen.findByText('请先获取验证码')).toBeInTheDocument();
    await click('reset-send-code');
    await typeInto('reset-code', '123');
    await click('reset-code-next');
    expect(await screen.findByText('请输入 6 位短信验证码')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
  });

  test('发送验证码 counts down 60 s from the server\'s answer, then offers 重新发送', async () => {
    await renderShown(<PinResetPage />);
    await fillIdentity();
    const start = Date.now();
    await click('reset-send-code');
    const button = await screen.findByText('60 秒后重发');
    expect(button.closest('taro-button-core')).toHaveAttribute('disabled');
    jest.spyOn(Date, 'now').mockReturnValue(start + 59_500);
    expect(await screen.findByText('1 秒后重发', undefined, { timeout: 3_000 })).toBeInTheDocument();
    jest.spyOn(Date, 'now').mockReturnValue(start + 61_000);
    await screen.findByText('重新发送', undefined, { timeout: 3_000 });
    await click('reset-send-code');
    await waitFor(() => expect(api.requests(SEND_CODE)).toHaveLength(2));
  });

  test('two different entries are not taken: the first is asked again, and nothing is sent', async () => {
    await atNewPin();
    await tapPin(NEW_PIN);
    await tapPin('385028');
    expect(await screen.findByText('两次输入的支付密码不一致，请重新设置')).toBeInTheDocument();
    expect(screen.getByText('请设置新的 6 位支付密码')).toBeInTheDocument();
    expect(api.requests(RESET)).toHaveLength(0);
  });
});

describe('忘记支付密码: the server\'s refusals', () => {
  test('a wrong identity goes back to step 1 with the server\'s words', async () => {
    api.answer(RESET, 422, refusal('IDENTITY_MISMATCH', '身份信息不一致，还可尝试 4 次'));
    await atNewPin();
    await tapPin(NEW_PIN);
    await tapPin(NEW_PIN);
    expect(await screen.findByText('身份信息不一致，还可尝试 4 次')).toBeInTheDocument();
    expect(step()).toBe('1 验证身份');
  });

  test('a wrong or spent code goes back to step 2, the code cleared', async () => {
    api.answer(RESET, 422, refusal('SMS_CODE_EXPIRED', '验证码已失效，请重新获取'));
    await atNewPin();
    await tapPin(NEW_PIN);
    await tapPin(NEW_PIN);
    expect(await screen.findByText('验证码已失效，请重新获取')).toBeInTheDocument();
    expect(step()).toBe('2 短信验证');
    // Step 2 is mounted again: its native input comes a task after the Taro Input (support/form).
    const codeField = await waitFor(() => input('reset-code'));
    expect(codeField.value).toBe('');
  });

  test('a weak PIN is entered again under a new nonce', async () => {
    api.answer(RESET, 400, refusal('PIN_TOO_WEAK', '支付密码不能是连续数字'));
    await atNewPin();
    await tapPin('123456');
    await tapPin('123456');
    expect(await screen.findByText('支付密码不能是连续数字')).toBeInTheDocument();
    expect(screen.getByText('请设置新的 6 位支付密码')).toBeInTheDocument();
    await waitFor(() => expect(api.requests(AUTHORIZE)).toHaveLength(2));
  });

  test('a locked reset stops the customer with the server\'s words and the customer service line', async () => {
    api.answer(SEND_CODE, 423, refusal('PIN_RESET_LOCKED', '验证失败次数过多，身份核验已暂停 24 小时，请联系客服'));
    await renderShown(<PinResetPage />);
    await fillIdentity();
    await click('reset-send-code');
    expect(await screen.findByText('验证失败次数过多，身份核验已暂停 24 小时，请联系客服')).toBeInTheDocument();
    expect(step()).toBeUndefined();
    expect(document.getElementById('service-phone')).toHaveTextContent(`如需帮助，请拨打客服电话 ${CUSTOMER_SERVICE_PHONE}`);
    expect(document.getElementById('back-home')).toBeInTheDocument();
  });

  test('every step shows how to reach customer service', async () => {
    await renderShown(<PinResetPage />);
    expect(screen.getByText(CUSTOMER_SERVICE_PHONE)).toBeInTheDocument();
    await fillIdentity();
    expect(screen.getByText(CUSTOMER_SERVICE_PHONE)).toBeInTheDocument();
    await getCode();
    expect(screen.getByText(CUSTOMER_SERVICE_PHONE)).toBeInTheDocument();
  });
});
