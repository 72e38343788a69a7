// 更换手机号: the bound phone and its history from the server; two ways to verify — the old
// phone's code, or (the old phone lost) the identity check — each checked for shape before
// anything is asked; then the new phone and its code, and the change. The page says which phone
// is bound now and where the notices went; a refusal sends the customer back to the step it is
// about, in the server's words; a locked check stops the page with the customer service line.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PhoneBindings, PhoneChangeResult, PhoneCodeSent } from '@contract/phone-change-schemas';
import { CUSTOMER_SERVICE_PHONE } from '@/lib/contact';
import PhoneChangePage from '@/packageCard/pages/phone/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';

const BINDINGS = 'GET /v1/me/phone-changes';
const SEND_CODE = 'POST /v1/me/phone-change/code';
const CHANGE = 'POST /v1/me/phone-change';

const NEW_PHONE = '13612345678';
const OLD_CODE = '204816';
const NEW_CODE = '731902';
const IDENTITY = { realName: '王小明', idNumber: '11010519900307123X', cardNumber: '6222020000000000001' };

const before: PhoneBindings = { phoneMasked: '139****0001', changes: [] };
const change = { oldPhoneMasked: '139****0001', newPhoneMasked: '136****5678', changedAt: '2026-03-02T09:30:00.000Z', verifiedBy: 'OLD_PHONE_CODE' as const };
const changed: PhoneChangeResult = { phoneMasked: '136****5678', change };
const sentTo = (phoneMasked: string): PhoneCodeSent => ({ phoneMasked, expiresAt: '2026-03-02T09:35:00.000Z', resendAfterSeconds: 60, sendsLeftToday: 4 });

// Each test types its answers key by key over a few steps: more than jest's default 5 s on a busy machine.
jest.setTimeout(20_000);

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  let reads = 0;
  api.answerEach(BINDINGS, () => ({ status: 200, body: ++reads === 1 ? before : { phoneMasked: '136****5678', changes: [change] } }));
  api.answerEach(SEND_CODE, (request) => ({ status: 200, body: sentTo((request.body as { to: string }).to === 'OLD' ? '139****0001' : '136****5678') }));
  api.answer(CHANGE, 200, changed);
});

const click = (id: string) => userEvent.click(document.getElementById(id)!);

async function opened() {
  await renderShown(<PhoneChangePage />);
  expect(await screen.findByText('暂无变更记录')).toBeInTheDocument();
  expect(document.getElementById('bound-phone')).toHaveTextContent('139****0001');
}

async function oldPhoneStep() {
  await opened();
  await click('phone-via-old');
  expect(screen.getByText('验证码将发送至当前手机号 139****0001。')).toBeInTheDocument();
  await click('phone-old-send-code');
  await screen.findByText('验证码已发送至 139****0001，5 分钟内有效。');
  await typeInto('phone-old-code', OLD_CODE);
  await click('phone-old-code-next');
}

async function newPhoneStep(phone = NEW_PHONE, code = NEW_CODE) {
  await typeInto('phone-new-number', phone);
  await click('phone-new-send-code');
  await screen.findByText('验证码已发送至 136****5678，5 分钟内有效。');
  await typeInto('phone-new-code', code);
  await click('phone-new-code-next');
}

describe('更换手机号', () => {
  test('with the old phone: its code, then the new phone and its code; the request carries both codes, the page shows the new phone and the history', async () => {
    await oldPhoneStep();
    await newPhoneStep();

    expect(await screen.findByText('手机号已更换为 136****5678')).toBeInTheDocument();
    expect(document.getElementById('phone-change-notice')).toHaveTextContent('已发送至 139****0001 和 136****5678');
    expect(api.requests(SEND_CODE).map((request) => request.body)).toEqual([{ to: 'OLD' }, { to: 'NEW', newPhone: NEW_PHONE }]);
    expect(api.requests(CHANGE).map((request) => request.body)).toEqual([{ newPhone: NEW_PHONE, newPhoneCode: NEW_CODE, oldPhoneCode: OLD_CODE }]);
    await waitFor(() => expect(document.getElementById('bound-phone')).toHaveTextContent('136****5678'));
  });

  test('with the old phone lost: the identity check instead of its code', async () => {
    await opened();
    await click('phone-via-identity');
    await typeInto('phone-identity-name', IDENTITY.realName);
    await typeInto('phone-identity-id', IDENTITY.idNumber.toLowerCase());
    await typeInto('phone-identity-card', IDENTITY.cardNumber);
    await click('phone-identity-identity-next');
    await newPhoneStep();

    await screen.findByText('手机号已更换为 136****5678');
    expect(api.requests(SEND_CODE).map((request) => request.body)).toEqual([{ to: 'NEW', newPhone: NEW_PHONE }]);
    expect(api.requests(CHANGE).map((request) => request.body)).toEqual([{ newPhone: NEW_PHONE, newPhoneCode: NEW_CODE, ...IDENTITY }]);
  });

  test('shapes are checked before anything is asked: a code not sent, a short code, a short phone, a bad ID number', async () => {
    await opened();
    await click('phone-via-old');
    await click('phone-old-code-next');
    expect(await screen.findByText('请先获取验证码')).toBeInTheDocument();
    await click('phone-old-send-code');
    await typeInto('phone-old-code', '123');
    await click('phone-old-code-next');
    expect(await screen.findByText('请输入 6 位短信验证码')).toBeInTheDocument();
    await typeInto('phone-old-code', OLD_CODE);
    await click('phone-old-code-next');
    await typeInto('phone-new-number', '1361234');
    await click('phone-new-send-code');
    expect(await screen.findByText('请输入 11 位手机号')).toBeInTheDocument();
    expect(api.requests(SEND_CODE)).toHaveLength(1);

    await click('phone-new-code-back');
    await click('phone-old-code-back');
    await click('phone-via-identity');
    await typeInto('phone-identity-name', IDENTITY.realName);
    await typeInto('phone-identity-id', '110105199003071');
    await typeInto('phone-identity-card', IDENTITY.cardNumber);
    await click('phone-identity-identity-next');
    expect(await screen.findByText('请输入 18 位居民身份证号码')).toBeInTheDocument();
    expect(api.requests(CHANGE)).toHaveLength(0);
  });

  test('a phone another customer holds is refused in the server\'s words when its code is asked', async () => {
    api.answer(SEND_CODE, 409, refusal('PHONE_IN_USE', '该手机号已被其他用户绑定'));
    await opened();
    await click('phone-via-identity');
    await typeInto('phone-identity-name', IDENTITY.realName);
    await typeInto('phone-identity-id', IDENTITY.idNumber);
    await typeInto('phone-identity-card', IDENTITY.cardNumber);
    await click('phone-identity-identity-next');
    await typeInto('phone-new-number', NEW_PHONE);
    await click('phone-new-send-code');
    expect(await screen.findByText('该手机号已被其他用户绑定')).toBeInTheDocument();
    expect(document.getElementById('phone-new-send-code')).toHaveTextContent('发送验证码');
  });

  test('a wrong old-phone code sends the customer back to that step, in the server\'s words', async () => {
    api.answer(CHANGE, 422, refusal('SMS_CODE_INVALID', '原手机号验证码错误，还可尝试 2 次'));
    await oldPhoneStep();
    await newPhoneStep();
    expect(await screen.findByText('原手机号验证码错误，还可尝试 2 次')).toBeInTheDocument();
    expect(document.getElementById('phone-old-code')).not.toBeNull();
    expect(document.getElementById('phone-new-number')).toBeNull();
    expect(document.getElementById('bound-phone')).toHaveTextContent('139****0001');
  });

  test('a locked check stops the page with the server\'s words and the customer service line', async () => {
    api.answer(CHANGE, 423, refusal('PIN_RESET_LOCKED', '验证失败次数过多，身份核验已暂停 24 小时，请联系客服'));
    await oldPhoneStep();
    await newPhoneStep();
    expect(await screen.findByText('验证失败次数过多，身份核验已暂停 24 小时，请联系客服')).toBeInTheDocument();
    expect(document.getElementById('service-phone')).toHaveTextContent(`如需帮助，请拨打客服电话 ${CUSTOMER_SERVICE_PHONE}`);
    expect(document.getElementById('back-home')).toBeInTheDocument();
  });
});
