// 指纹/面容支付 in usePayment: in the WeChat build, a customer whose profile (GET /v1/me) has SOTER
// enrolled, on a phone that can use that mode now, confirms with the finger or face first; the
// PIN is the way on when WeChat gives nothing, when the server refuses the SOTER result, or when
// the customer taps 使用支付密码. The H5 build never asks WeChat: PIN only. WeChat itself is
// lib/soter.ts, mocked here (test/lib/soter.test.ts covers it against Taro's API).
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { createEvent, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import type { SoterAuthMode, SoterResult } from '@contract/second-factor-schemas';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import { availableSoterModes, soterResultFor } from '@/lib/soter';
import RedeemPage from '@/packageWealth/pages/redeem/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn, topUpResult } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { AUTHORIZE, challengeNo, decryptPin, idempotencyKeyOf, issueNonces, keysAsked, nonceNo, payWith, review } from '../support/payment';
import { renderAt } from '../support/router';
import { holdings } from '../support/wealth-examples';

jest.mock('@/lib/soter', () => ({
  ...jest.requireActual<typeof import('@/lib/soter')>('@/lib/soter'),
  availableSoterModes: jest.fn(),
  soterResultFor: jest.fn(),
}));

const phoneModes = jest.mocked(availableSoterModes);
const wechatSoter = jest.mocked(soterResultFor);

const TOP_UP = 'POST /v1/account/top-up';
const ME = 'GET /v1/me';

function me(soterMode: SoterAuthMode | null): Me {
  return {
    customerId: 'cus_01',
    phoneMasked: '138****0000',
    realName: null,
    pinSet: true,
    pinLockedUntil: null,
    soterEnrolled: soterMode && { authMode: soterMode, enrolledAt: '2026-03-01T08:00:00.000Z' },
    account: null,
  };
}

/** What WeChat answers for the nth nonce's challenge. */
function soterResult(n: number): SoterResult {
  return { resultJson: JSON.stringify({ raw: challengeNo(n), counter: n }), resultJsonSignature: `c2lnbmF0dXJl${n}` };
}

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer('GET /v1/account', 200, account);
  issueNonces(api);
  phoneModes.mockReset();
  wechatSoter.mockReset();
  phoneModes.mockResolvedValue(['fingerPrint', 'facial']);
});

/** The top-up form with ¥123.45 typed and 确认充值 tapped: the review is on its way. */
async function startTopUp() {
  await renderShown(<CardMoneyForm direction='top-up' />);
  await typeInto('amount-input', '123.45');
  await userEvent.click(await screen.findByText('确认充值'));
}

/** 确认付款 once the server's review is on the sheet. */
async function confirm() {
  const button = await waitFor(() => {
    const found = document.getElementById('review-confirm');
    if (!found || (found as HTMLButtonElement).disabled) throw new Error('no review to confirm yet');
    return found;
  });
  await userEvent.click(button);
}

/** WeChat's answer held until `answer` is called with it. */
function holdWechat(): (result: SoterResult | null) => void {
  let answer!: (result: SoterResult | null) => void;
  wechatSoter.mockImplementation(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  return (result) => answer(result);
}

/** The PIN on WeChat's safe keyboard (the weapp PIN input), once it has the nth nonce's challenge:
 *  WeChat hands over its cipher when the keyboard closes. */
async function enterWechatPin(n: number, wechatCipher: string) {
  const field = await waitFor(() => {
    const found = document.getElementById('pin-safe-input');
    if (!found || found.getAttribute('safe-password-nonce') !== challengeNo(n)) throw new Error(`no safe-password input for nonce ${n} yet`);
    return found;
  });
  const detail = { value: '••••••', encryptedValue: wechatCipher };
  const blur = createEvent('blur', field, { detail });
  Object.defineProperty(blur, 'detail', { value: detail });
  fireEvent(field, blur);
}

const topUps = () => api.requests(TOP_UP);
const secondFactorSent = (n: number) => (topUps()[n]!.body as { secondFactor: unknown }).secondFactor;

describe('usePayment in the WeChat build: 指纹/面容支付 first, when enrolled', () => {
  const savedEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = savedEnv;
  });

  test.each([
    ['fingerPrint', '指纹'],
    ['facial', '面容'],
  ] as const)('%s enrolled: 确认付款 opens %s支付, WeChat asks with the nonce’s challenge and the amount, and the result pays under that nonce and its key', async (mode, label) => {
    api.answer(ME, 200, me(mode));
    api.answer(TOP_UP, 200, topUpResult);
    const answer = holdWechat();
    await startTopUp();
    await confirm();

    const sheet = await waitFor(() => document.getElementById('soter-sheet')!);
    expect(sheet).toHaveTextContent(`${label}支付`);
    expect(sheet).toHaveTextContent('¥123.45');
    expect(document.getElementById('soter-status')).toHaveTextContent(`请验证${label}`);
    expect(screen.getByText('使用支付密码')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(wechatSoter).toHaveBeenCalledWith(challengeNo(1), mode, '确认付款 ¥123.45'));

    answer(soterResult(1));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(topUps()).toHaveLength(1);
    expect(topUps()[0]!.body).toEqual({ amountFen: 12345, secondFactor: { nonce: nonceNo(1), soter: soterResult(1) } });
    expect(keysAsked(api)).toEqual([idempotencyKeyOf(topUps()[0])]);
    expect(api.requests(ME)).toHaveLength(1);
    expect(wechatSoter).toHaveBeenCalledTimes(1);
  });

  test('a redemption: WeChat’s prompt and the sheet name what arrives — the server’s estimate as 预计到账 — not a payment', async () => {
    api.answer(ME, 200, me('fingerPrint'));
    api.answer('GET /v1/wealth-holdings', 200, holdings);
    issueNonces(api, { ...review, amountFen: 511700, amountInWords: '人民币伍仟壹佰壹拾柒元整', estimate: { navDisplay: '1.0234', navDate: '2026-03-01' } });
    holdWechat();
    await renderAt('/packageWealth/pages/redeem/index?productId=jinlin-bond-a', <RedeemPage />);
    await typeInto('redeem-units', '5000');
    await userEvent.click(await screen.findByText('确认赎回'));
    await confirm();

    const sheet = await waitFor(() => document.getElementById('soter-sheet')!);
    expect(sheet).toHaveTextContent('预计到账 ¥5,117.00');
    await waitFor(() => expect(wechatSoter).toHaveBeenCalledWith(challengeNo(1), 'fingerPrint', '预计到账 ¥5,117.00'));
  });

  test('WeChat gives nothing (cancelled, not recognised): a new nonce under the same key, and the PIN', async () => {
    api.answer(ME, 200, me('fingerPrint'));
    api.answer(TOP_UP, 200, topUpResult);
    wechatSoter.mockResolvedValue(null);
    await startTopUp();
    await confirm();

    await waitFor(() => expect(document.getElementById('pin-sheet')).not.toBeNull());
    await waitFor(() => expect(api.requests(AUTHORIZE)).toHaveLength(2));
    expect(topUps()).toHaveLength(0);
    const wechatCipher = 'cd'.repeat(120);
    await enterWechatPin(2, wechatCipher);

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(topUps()[0]!.body).toEqual({ amountFen: 12345, secondFactor: { nonce: nonceNo(2), pinCipher: wechatCipher } });
    const key = idempotencyKeyOf(topUps()[0]);
    expect(keysAsked(api)).toEqual([key, key]);
    expect(wechatSoter).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['SOTER_NOT_ENROLLED', '未开启指纹/面容支付，请使用支付密码'],
    ['SOTER_CHALLENGE_MISMATCH', '指纹/面容验证与本次支付不符，请重新验证或使用支付密码'],
    ['SOTER_SIGNATURE_INVALID', '指纹/面容验证未通过，请使用支付密码'],
  ])('the server refuses the SOTER result (403 %s): its words over the PIN, asked under a new nonce and the same Idempotency-Key', async (code, message) => {
    api.answer(ME, 200, me('fingerPrint'));
    let tries = 0;
    api.answerEach(TOP_UP, () => (++tries === 1 ? { status: 403, body: refusal(code, message) } : { status: 200, body: topUpResult }));
    wechatSoter.mockImplementation(async (challenge) => soterResult(Number(challenge.slice(-12))));
    await startTopUp();
    await confirm();

    expect(await screen.findByText(message)).toHaveAttribute('id', 'pin-message');
    expect(document.getElementById('pin-sheet')).not.toBeNull();
    await waitFor(() => expect(api.requests(AUTHORIZE)).toHaveLength(2));
    const wechatCipher = 'ef'.repeat(120);
    await enterWechatPin(2, wechatCipher);

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(secondFactorSent(0)).toEqual({ nonce: nonceNo(1), soter: soterResult(1) });
    expect(secondFactorSent(1)).toEqual({ nonce: nonceNo(2), pinCipher: wechatCipher });
    // One request, one key: on both tries and both nonces.
    const key = idempotencyKeyOf(topUps()[0]);
    expect(idempotencyKeyOf(topUps()[1])).toBe(key);
    expect(keysAsked(api)).toEqual([key, key]);
    // The PIN from then on: WeChat is not asked again.
    expect(wechatSoter).toHaveBeenCalledTimes(1);
  });

  test('使用支付密码 on the SOTER step: the PIN under a new nonce; what WeChat answers afterwards is not sent', async () => {
    api.answer(ME, 200, me('fingerPrint'));
    api.answer(TOP_UP, 200, topUpResult);
    const answer = holdWechat();
    await startTopUp();
    await confirm();
    await waitFor(() => expect(wechatSoter).toHaveBeenCalled());

    await userEvent.click(screen.getByText('使用支付密码'));
    await waitFor(() => expect(document.getElementById('pin-sheet')).not.toBeNull());
    expect(document.getElementById('soter-sheet')).toBeNull();
    answer(soterResult(1));
    const wechatCipher = 'ab'.repeat(120);
    await enterWechatPin(2, wechatCipher);

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(topUps()).toHaveLength(1);
    expect(secondFactorSent(0)).toEqual({ nonce: nonceNo(2), pinCipher: wechatCipher });
    const key = idempotencyKeyOf(topUps()[0]);
    expect(keysAsked(api)).toEqual([key, key]);
  });

  test('while the SOTER result is on its way to the server, 使用支付密码 is disabled', async () => {
    api.answer(ME, 200, me('fingerPrint'));
    const reply = api.hold(TOP_UP);
    wechatSoter.mockResolvedValue(soterResult(1));
    await startTopUp();
    await confirm();
    await waitFor(() => expect(topUps()).toHaveLength(1));
    await waitFor(() => expect(document.getElementById('soter-status')).toHaveTextContent('正在付款…'));
    const usePin = screen.getByText('使用支付密码');
    expect(usePin.closest('taro-button-core')).toHaveAttribute('disabled');
    await userEvent.click(usePin);
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);

    reply(200, topUpResult);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
  });

  test.each<[string, (api: FakeApi) => void]>([
    ['SOTER not enrolled', (fake) => fake.answer(ME, 200, me(null))],
    ['enrolled with the face, this phone has only a fingerprint set up', (fake) => {
      fake.answer(ME, 200, me('facial'));
      phoneModes.mockResolvedValue(['fingerPrint']);
    }],
    ['the phone has no SOTER', (fake) => {
      fake.answer(ME, 200, me('fingerPrint'));
      phoneModes.mockResolvedValue([]);
    }],
    ['the profile cannot be had', (fake) => fake.answer(ME, 503, refusal('UNAVAILABLE', '服务暂时不可用，请稍后重试'))],
  ])('%s: 确认付款 goes straight to the PIN, and WeChat is not asked', async (_case, arrange) => {
    arrange(api);
    api.answer(TOP_UP, 200, topUpResult);
    await startTopUp();
    await confirm();

    await waitFor(() => expect(document.getElementById('pin-sheet')).not.toBeNull());
    expect(document.getElementById('soter-sheet')).toBeNull();
    await enterWechatPin(1, 'ab'.repeat(120));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(secondFactorSent(0)).toEqual({ nonce: nonceNo(1), pinCipher: 'ab'.repeat(120) });
    expect(wechatSoter).not.toHaveBeenCalled();
    // No nonce wasted on it either.
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
  });
});

describe('usePayment in the H5 build: PIN only', () => {
  test('even with SOTER enrolled (and a lib that would offer it), the review leads to the keypad: neither WeChat nor the profile is asked', async () => {
    expect(process.env.TARO_ENV).toBe('h5');
    api.answer(ME, 200, me('fingerPrint'));
    api.answer(TOP_UP, 200, topUpResult);
    wechatSoter.mockResolvedValue(soterResult(1));
    await startTopUp();
    await payWith('480213');

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(document.getElementById('soter-sheet')).toBeNull();
    const { secondFactor } = topUps()[0]!.body as { secondFactor: { nonce: string; pinCipher: string } };
    expect(secondFactor.nonce).toBe(nonceNo(1));
    expect(decryptPin(secondFactor.pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(1) });
    expect(phoneModes).not.toHaveBeenCalled();
    expect(wechatSoter).not.toHaveBeenCalled();
    expect(api.requests(ME)).toHaveLength(0);
    expect(keysAsked(api)).toEqual([idempotencyKeyOf(topUps()[0])]);
  });
});
