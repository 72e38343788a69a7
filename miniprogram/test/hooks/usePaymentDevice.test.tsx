// A new device's first money movement, through the top-up form: the payment authorization answers
// DEVICE_VERIFICATION_REQUIRED, the sheet asks for the code sent to the bound phone, the bank
// accepts it with a fresh access token — kept, and carried by every request after — and the same
// payment goes on to its review and the PIN. A known device is never asked. A payment the anti-fraud
// rules step up (STEP_UP_REQUIRED) asks for a code the same way, with the server's reason.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { DeviceCodeSent } from '@contract/session-schemas';
import { loadSession } from '@/api/session';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn, topUpResult } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { AUTHORIZE, authorization, payWith } from '../support/payment';

const TOP_UP = 'POST /v1/account/top-up';
const SEND_CODE = 'POST /v1/sessions/current/verification-code';
const VERIFY = 'POST /v1/sessions/current/verification';
const UNVERIFIED = refusal('DEVICE_VERIFICATION_REQUIRED', '新设备首次交易需验证手机号，请获取短信验证码');
const codeSent: DeviceCodeSent = { phoneMasked: '138****0000', expiresAt: '2026-03-02T09:35:00.000Z', resendAfterSeconds: 60, sendsLeftToday: 4 };

jest.setTimeout(20_000);

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer('GET /v1/account', 200, account);
  api.answer(TOP_UP, 200, topUpResult);
  api.answer(SEND_CODE, 200, codeSent);
  // The bank refuses a nonce to the old token; the verified one gets one.
  let issued = 0;
  api.answerEach(AUTHORIZE, (request) =>
    request.headers.Authorization === 'Bearer verified-token' ? { status: 200, body: authorization(++issued) } : { status: 403, body: UNVERIFIED },
  );
});

const click = (id: string) => userEvent.click(document.getElementById(id)!);

async function startTopUp() {
  await renderShown(<CardMoneyForm direction='top-up' />);
  await typeInto('amount-input', '123.45');
  await userEvent.click(await screen.findByText('确认充值'));
  await waitFor(() => expect(document.getElementById('device-sheet')).not.toBeNull());
}

describe('usePayment on a new device', () => {
  test('the code to the bound phone first, then the same payment goes on with the fresh token', async () => {
    api.answer(VERIFY, 200, { accessToken: 'verified-token', accessTokenExpiresAt: '2026-03-02T10:00:00.000Z' });
    await startTopUp();
    expect(screen.getByText('为保障资金安全，新设备首次交易需验证绑定的手机号。验证后本机可正常交易。')).toBeInTheDocument();
    expect(document.getElementById('review-sheet')).toBeNull();

    await click('device-send-code');
    await screen.findByText('验证码已发送至 138****0000，5 分钟内有效。');
    expect(screen.getByText(/秒后重发/)).toHaveProperty('disabled', true);
    await typeInto('device-code', '042917');
    await click('device-code-next');

    await waitFor(() => expect(document.getElementById('review-sheet')).not.toBeNull());
    expect(api.requests(VERIFY).map((request) => request.body)).toEqual([{ smsCode: '042917' }]);
    expect(loadSession()).toEqual({ accessToken: 'verified-token', refreshToken: 'refresh-token-0123456789' });
    // The nonce is asked again for the very same request, under the same Idempotency-Key.
    const asked = api.requests(AUTHORIZE).map((request) => request.body as { idempotencyKey: string });
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);

    await payWith('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(TOP_UP)).toHaveLength(1);
    expect(api.requests(TOP_UP)[0]!.headers.Authorization).toBe('Bearer verified-token');
  });

  test('a wrong code is the server\'s word on the sheet; the payment waits, nothing is sent', async () => {
    api.answer(VERIFY, 422, refusal('SMS_CODE_INVALID', '验证码错误，还可尝试 2 次'));
    await startTopUp();
    await click('device-code-next');
    expect(await screen.findByText('请先获取验证码')).toBeInTheDocument();
    expect(api.requests(VERIFY)).toHaveLength(0);

    await click('device-send-code');
    await typeInto('device-code', '000000');
    await click('device-code-next');
    expect(await screen.findByText('验证码错误，还可尝试 2 次')).toBeInTheDocument();
    expect(document.getElementById('device-sheet')).not.toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    expect(api.requests(TOP_UP)).toHaveLength(0);
    expect(loadSession()?.accessToken).toBe('access-token');
  });

  test('取消 closes the sheet; the form is as it was', async () => {
    await startTopUp();
    await click('device-cancel');
    await waitFor(() => expect(document.getElementById('device-sheet')).toBeNull());
    expect(screen.getByText('确认充值')).toHaveProperty('disabled', false);
    expect(api.requests(SEND_CODE)).toHaveLength(0);
  });

  test('a known device is never asked: straight to the review', async () => {
    api.answerEach(AUTHORIZE, () => ({ status: 200, body: authorization(1) }));
    await renderShown(<CardMoneyForm direction='top-up' />);
    await typeInto('amount-input', '123.45');
    await userEvent.click(await screen.findByText('确认充值'));
    await waitFor(() => expect(document.getElementById('review-sheet')).not.toBeNull());
    expect(document.getElementById('device-sheet')).toBeNull();
  });
});

describe('usePayment when the anti-fraud rules step a payment up (STEP_UP_REQUIRED)', () => {
  const STEP_UP_CODE = 'POST /v1/sessions/current/step-up-code';
  const STEP_UP = 'POST /v1/sessions/current/step-up';
  const REASON = '该笔转账需验证绑定手机号：您正在深夜用新登录的设备转账。为确认是您本人操作，请输入发送到绑定手机号的验证码。';

  test('the server’s reason and a code to the bound phone, then the same payment’s review with the stepped-up token', async () => {
    let issued = 0;
    api.answerEach(AUTHORIZE, (request) =>
      request.headers.Authorization === 'Bearer stepped-up-token' ? { status: 200, body: authorization(++issued) } : { status: 403, body: refusal('STEP_UP_REQUIRED', REASON) },
    );
    api.answer(STEP_UP_CODE, 200, codeSent);
    api.answer(STEP_UP, 200, { accessToken: 'stepped-up-token', accessTokenExpiresAt: '2026-03-02T10:00:00.000Z' });
    await startTopUp();
    expect(screen.getByText('安全验证')).toBeInTheDocument();
    expect(screen.getByText(REASON)).toBeInTheDocument();
    expect(document.getElementById('review-sheet')).toBeNull();

    await click('device-send-code');
    await screen.findByText('验证码已发送至 138****0000，5 分钟内有效。');
    await typeInto('device-code', '731904');
    await click('device-code-next');

    await waitFor(() => expect(document.getElementById('review-sheet')).not.toBeNull());
    // The step-up's own routes, never the device verification's.
    expect([api.requests(STEP_UP_CODE).length, api.requests(SEND_CODE).length, api.requests(VERIFY).length]).toEqual([1, 0, 0]);
    expect(api.requests(STEP_UP).map((request) => request.body)).toEqual([{ smsCode: '731904' }]);
    expect(loadSession()?.accessToken).toBe('stepped-up-token');
    const asked = api.requests(AUTHORIZE).map((request) => request.body);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);

    await payWith('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(TOP_UP)[0]!.headers.Authorization).toBe('Bearer stepped-up-token');
  });
});
