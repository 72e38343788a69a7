// 更换绑定卡: the card in force and its history from the server; the ID number and the new card
// checked for shape before anything is asked; then the review and the PIN (never a fingerprint,
// even in WeChat with one enrolled) and the request with its second factor; the page then says
// which card is bound now and where the notice went, and shows the history again from the server.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CardBindings, CardChangeResult } from '@contract/card-change-schemas';
import { availableSoterModes } from '@/lib/soter';
import CardChangePage from '@/packageCard/pages/change/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { authorizationsAsked, challengeNo, decryptPin, issueNonces, keysAsked, nonceNo, payWith, review, secondFactorOf } from '../support/payment';

jest.mock('@/lib/soter', () => ({
  ...jest.requireActual<typeof import('@/lib/soter')>('@/lib/soter'),
  availableSoterModes: jest.fn(),
}));

const BINDINGS = 'GET /v1/account/card-bindings';
const CHANGE = 'POST /v1/account/card';
const ID_NUMBER = '11010519491231002X';
const NEW_CARD = '6217000000678901';

const icbc = { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 3452' };
const ccb = { bankName: '中国建设银行', cardNumberMasked: '**** **** **** 8901' };
const before: CardBindings = { boundCard: icbc, boundSince: '2026-03-01T08:00:00.000Z', changes: [] };
const change = { oldCard: icbc, unboundAt: '2026-03-02T09:30:00.000Z', newCard: ccb, boundAt: '2026-03-02T09:30:00.000Z' };
const changed: CardChangeResult = { boundCard: ccb, change, phoneMasked: '138****0000' };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  issueNonces(api, { ...review, amountFen: null, amountInWords: null });
  let reads = 0;
  api.answerEach(BINDINGS, () => ({ status: 200, body: ++reads === 1 ? before : { boundCard: ccb, boundSince: change.boundAt, changes: [change] } }));
  api.answer(CHANGE, 200, changed);
});

async function fillForm(idNumber = ID_NUMBER, cardNumber = NEW_CARD) {
  await renderShown(<CardChangePage />);
  expect(await screen.findByText('暂无变更记录')).toBeInTheDocument();
  expect(document.getElementById('bound-card')).toHaveTextContent('中国工商银行 **** **** **** 3452');
  await typeInto('card-change-id-number', idNumber);
  await typeInto('card-change-card-number', cardNumber);
}

test('the ID number and the new card, the review, the PIN: the request carries both and the PIN under a nonce asked for exactly it', async () => {
  await fillForm();
  await userEvent.click(screen.getByText('确认更换'));
  await payWith('258036');

  await screen.findByText('已更换为 中国建设银行 **** **** **** 8901');
  expect(document.getElementById('card-change-done')).toHaveTextContent('已向 138****0000 发送短信通知');
  const [sent] = api.requests(CHANGE);
  const { secondFactor: _factor, ...body } = sent!.body as Record<string, unknown>;
  expect(body).toEqual({ idNumber: ID_NUMBER, cardNumber: NEW_CARD });
  expect(secondFactorOf(sent).nonce).toBe(nonceNo(1));
  expect(decryptPin(secondFactorOf(sent).pinCipher)).toMatchObject({ pin: '258036', challenge: challengeNo(1) });
  // Not a money movement: no Idempotency-Key, and the nonce is asked for the body alone.
  expect(keysAsked(api)).toEqual([undefined]);
  expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: CHANGE.slice('POST '.length), body: { idNumber: ID_NUMBER, cardNumber: NEW_CARD } }]);
  // The card and the history as the server has them now.
  await waitFor(() => expect(document.getElementById('bound-card')).toHaveTextContent('中国建设银行 **** **** **** 8901'));
  expect(document.querySelectorAll('.card-change')).toHaveLength(1);
  expect(document.getElementById('card-changes')).toHaveTextContent('原卡 中国工商银行 **** **** **** 3452');
});

test.each([
  ['an ID number too short', '11010519491231002', NEW_CARD, '请输入 18 位身份证号'],
  ['a card number too short', ID_NUMBER, '621700000067', '请输入 16–19 位借记卡卡号'],
])('%s is named on the form and nothing is asked of the server', async (_what, idNumber, cardNumber, message) => {
  await fillForm(idNumber, cardNumber);
  await userEvent.click(screen.getByText('确认更换'));
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(authorizationsAsked(api)).toEqual([]);
  expect(api.requests(CHANGE)).toHaveLength(0);
});

test('the server’s refusal is shown in its words and the card stays', async () => {
  api.answer(CHANGE, 422, refusal('IDENTITY_MISMATCH', '身份证号与实名信息不一致'));
  await fillForm();
  await userEvent.click(screen.getByText('确认更换'));
  await payWith('258036');
  expect(await screen.findByText('身份证号与实名信息不一致')).toBeInTheDocument();
  expect(document.getElementById('card-change-done')).toBeNull();
  expect(document.getElementById('bound-card')).toHaveTextContent('中国工商银行');
});

describe('in WeChat, with 指纹/面容支付 enrolled', () => {
  const savedEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(availableSoterModes).mockResolvedValue(['fingerPrint']);
  });
  afterEach(() => {
    process.env.TARO_ENV = savedEnv;
  });

  test('the PIN is asked, never the fingerprint', async () => {
    await fillForm();
    await userEvent.click(screen.getByText('确认更换'));
    const confirm = await waitFor(() => {
      const button = document.getElementById('review-confirm');
      if (!button || (button as HTMLButtonElement).disabled) throw new Error('no review yet');
      return button;
    });
    // No payment: the review's button says what it confirms.
    expect(confirm).toHaveTextContent('确认更换');
    await userEvent.click(confirm);
    await waitFor(() => expect(document.getElementById('pin-sheet')).not.toBeNull());
    expect(document.getElementById('soter-sheet')).toBeNull();
    expect(availableSoterModes).not.toHaveBeenCalled();
    expect(api.requests('GET /v1/me')).toHaveLength(0);
  });
});
