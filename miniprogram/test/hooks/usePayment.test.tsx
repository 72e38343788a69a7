// usePayment through the smallest real form that uses it (top-up): the review, the keypad, and
// what happens after each second-factor refusal; every nonce bound to the Idempotency-Key its
// request carries (second-factor contract §6).
import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { PayeeView } from '@contract/bill-schemas';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import PayeesPage from '@/packageBills/pages/payees/index';
import { CUSTOMER_SERVICE_PHONE } from '@/lib/contact';
import { type FakeApi, fakeApi } from '../support/api';
import { powerBiller } from '../support/bill-examples';
import { account, refusal, signIn, topUpResult } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';
import {
  AUTHORIZE,
  authorization,
  authorizationsAsked,
  challengeNo,
  confirmReview,
  decryptPin,
  idempotencyKeyOf,
  issueNonces,
  keysAsked,
  nonceNo,
  payWith,
  review,
  secondFactorOf,
  tapPin,
} from '../support/payment';

const TOP_UP = 'POST /v1/account/top-up';
const ASKED = { method: 'POST', path: '/v1/account/top-up', body: { amountFen: 12345 } };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer('GET /v1/account', 200, account);
  issueNonces(api);
});

/** The top-up form with `amount` typed and 确认充值 tapped: the review is on its way. */
async function startTopUp(amount = '123.45') {
  await renderShown(<CardMoneyForm direction='top-up' />);
  await typeInto('amount-input', amount);
  await userEvent.click(await screen.findByText('确认充值'));
}

/** The top-up answers `first` to the first try and succeeds on the next. */
function refuseOnceThenPay(status: number, code: string, message: string) {
  let tries = 0;
  api.answerEach(TOP_UP, () => (++tries === 1 ? { status, body: refusal(code, message) } : { status: 200, body: topUpResult }));
}

const boxes = () => Array.from(document.getElementById('pin-boxes')!.children);
const filledBoxes = () => boxes().filter((box) => box.childElementCount > 0).length;
const keys = () => api.requests(TOP_UP).map((request) => request.headers['Idempotency-Key']);

describe('usePayment: the second factor', () => {
  test.each([
    [403, 'NONCE_EXPIRED', '支付验证已超时，请重新发起'],
    [409, 'NONCE_USED', '该支付验证已使用，请重新发起'],
    [403, 'NONCE_MISMATCH', '支付信息已变更，请重新确认'],
    [403, 'NONCE_INVALID', '支付验证无效，请重新发起'],
  ])('after %i %s it asks a new nonce for the same request and shows the keypad again; the retry keeps its Idempotency-Key', async (status, code, message) => {
    refuseOnceThenPay(status, code, message);
    await startTopUp();
    await payWith('480213');

    expect(await screen.findByText(message)).toHaveAttribute('id', 'pin-message');
    await waitFor(() => expect(api.requests(AUTHORIZE)).toHaveLength(2));
    // Both nonces asked under the key the refused request carried: the new one pays only its retry.
    const firstKey = idempotencyKeyOf(api.requests(TOP_UP)[0]);
    expect(authorizationsAsked(api)).toEqual([
      { ...ASKED, idempotencyKey: firstKey },
      { ...ASKED, idempotencyKey: firstKey },
    ]);
    expect(filledBoxes()).toBe(0);

    await tapPin('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    const [first, retry] = api.requests(TOP_UP);
    expect(secondFactorOf(first).nonce).toBe(nonceNo(1));
    expect(secondFactorOf(retry).nonce).toBe(nonceNo(2));
    expect(decryptPin(secondFactorOf(retry).pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(2) });
    expect(keys()).toEqual([firstKey, firstKey]);
    expect(keysAsked(api)).toEqual(keys());
  });

  test("a wrong PIN: the boxes are cleared, the server's words shown, and the next PIN goes under a fresh nonce and the same key", async () => {
    refuseOnceThenPay(403, 'PIN_INCORRECT', '支付密码错误，还可尝试 2 次');
    await startTopUp();
    await payWith('111111');

    expect(await screen.findByText('支付密码错误，还可尝试 2 次')).toHaveAttribute('id', 'pin-message');
    expect(filledBoxes()).toBe(0);
    // Not on the form behind the sheet: the keypad is where the customer is looking.
    expect(document.getElementById('error-message')).toBeNull();

    await tapPin('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    const retry = api.requests(TOP_UP)[1];
    expect(decryptPin(secondFactorOf(retry).pinCipher)).toMatchObject({ pin: '480213', challenge: challengeNo(2) });
    const key = idempotencyKeyOf(api.requests(TOP_UP)[0]);
    expect(keys()).toEqual([key, key]);
    // The nonce asked after the wrong PIN is bound to that same key, as the first was.
    expect(keysAsked(api)).toEqual([key, key]);
  });

  test('the PIN never travels in clear: no request carries it or a `pin` field, and the nonce request has no second factor', async () => {
    refuseOnceThenPay(403, 'PIN_INCORRECT', '支付密码错误，还可尝试 2 次');
    await startTopUp();
    await payWith('602819');
    await screen.findByText('支付密码错误，还可尝试 2 次');
    await tapPin('602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.sent.length).toBeGreaterThanOrEqual(5);
    for (const request of api.sent) {
      const sent = JSON.stringify(request.body ?? {});
      expect(sent).not.toContain('"602819"');
      expect(sent).not.toMatch(/"pin"\s*:/);
    }
    for (const asked of authorizationsAsked(api)) expect(JSON.stringify(asked)).not.toContain('secondFactor');
    for (const request of api.requests(TOP_UP)) expect(Object.keys(request.body as object).sort()).toEqual(['amountFen', 'secondFactor']);
  });

  test('a locked PIN: the server’s words, 忘记支付密码 to the reset page, and the customer service line', async () => {
    api.answer(TOP_UP, 423, refusal('PIN_LOCKED', '支付密码错误次数过多，已暂时锁定'));
    await startTopUp();
    await payWith('111111');

    expect(await screen.findByText('支付密码错误次数过多，已暂时锁定')).toHaveAttribute('id', 'pin-message');
    expect(document.getElementById('pin-keys')).toBeNull();
    expect(document.getElementById('service-phone')).toHaveTextContent(new RegExp(`客服电话\\s*${CUSTOMER_SERVICE_PHONE}$`));
    await userEvent.click(document.getElementById('pin-forgot')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/pin-reset/index' });

    // 关闭 goes back to the form, which may start again.
    await userEvent.click(screen.getByText('关闭'));
    expect(document.getElementById('pin-locked-sheet')).toBeNull();
    expect(screen.getByText('确认充值')).toHaveProperty('disabled', false);
  });

  test('忘记支付密码 is on the keypad too', async () => {
    await startTopUp();
    await confirmReview();
    await userEvent.click(screen.getByText('忘记支付密码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/pin-reset/index' });
  });

  test("a nonce the server refuses to give is shown on the form in its words, and nothing is paid", async () => {
    api.answer(AUTHORIZE, 404, refusal('PAYMENT_ROUTE_UNKNOWN', '该操作无需支付验证'));
    await startTopUp();
    expect(await screen.findByText('该操作无需支付验证')).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('review-sheet')).toBeNull();
    expect(screen.getByText('确认充值')).toHaveProperty('disabled', false);
    expect(api.requests(TOP_UP)).toHaveLength(0);
  });

  test('取消 on the review closes it with nothing sent; the next 确认充值 asks a fresh nonce', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await startTopUp();
    await screen.findByText('确认付款');
    await waitFor(() => expect(document.getElementById('review-amount')).not.toBeNull());
    await userEvent.click(screen.getByText('取消'));
    expect(document.getElementById('review-sheet')).toBeNull();
    expect(api.requests(TOP_UP)).toHaveLength(0);

    await userEvent.click(screen.getByText('确认充值'));
    await payWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(secondFactorOf(api.requests(TOP_UP)[0]).nonce).toBe(nonceNo(2));
  });

  test('a review answered after 取消 opens nothing', async () => {
    const reply = api.hold(AUTHORIZE);
    await startTopUp();
    expect(document.getElementById('review-skeleton')).not.toBeNull();
    await userEvent.click(screen.getByText('取消'));
    reply(200, authorization(1));
    await waitFor(() => expect(screen.getByText('确认充值')).toHaveProperty('disabled', false));
    expect(document.getElementById('review-sheet')).toBeNull();
  });

  test('返回 on the keypad shows the review again; its 确认付款 brings the keypad back, empty', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await startTopUp();
    await confirmReview();
    for (const digit of '12') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
    await userEvent.click(screen.getByText('返回'));
    expect(document.getElementById('review-amount')).toHaveTextContent('¥123.45');
    expect(document.getElementById('pin-keys')).toBeNull();

    await payWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    expect(decryptPin(secondFactorOf(api.requests(TOP_UP)[0]).pinCipher).pin).toBe('123456');
  });

  test('when no new nonce can be had after a refusal, the sheets close and the form says why', async () => {
    let asked = 0;
    api.answerEach(AUTHORIZE, () => (++asked === 1 ? { status: 200, body: authorization(1) } : { status: 503, body: refusal('UNAVAILABLE', '服务暂时不可用，请稍后重试') }));
    api.answer(TOP_UP, 403, refusal('NONCE_EXPIRED', '支付验证已超时，请重新发起'));
    await startTopUp();
    await payWith('123456');
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('pin-sheet')).toBeNull();
  });

  test('the keypad takes nothing while the new nonce is on its way', async () => {
    let asked = 0;
    let release!: () => void;
    const renewed = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.answerEach(AUTHORIZE, async () => {
      const n = ++asked;
      if (n === 2) await renewed;
      return { status: 200, body: authorization(n) };
    });
    refuseOnceThenPay(403, 'NONCE_EXPIRED', '支付验证已超时，请重新发起');
    await startTopUp();
    await payWith('123456');
    expect(await screen.findByText('正在重新验证…')).toHaveAttribute('id', 'pin-status');
    for (const digit of '123456') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
    expect(filledBoxes()).toBe(0);
    expect(api.requests(TOP_UP)).toHaveLength(1);

    release();
    await waitFor(() => expect(screen.queryByText('正在重新验证…')).toBeNull());
    await tapPin('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(secondFactorOf(api.requests(TOP_UP)[1]).nonce).toBe(nonceNo(2));
  });

  test('the nonce is asked under the Idempotency-Key its request then carries; another amount is another request, with a key of its own', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await startTopUp('123.45');
    await waitFor(() => expect(document.getElementById('review-amount')).not.toBeNull());
    await userEvent.click(screen.getByText('取消'));
    await typeInto('amount-input', '200');
    await userEvent.click(screen.getByText('确认充值'));
    await payWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [first, second] = keysAsked(api);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    expect(authorizationsAsked(api)).toEqual([
      { ...ASKED, idempotencyKey: first },
      { ...ASKED, body: { amountFen: 20000 }, idempotencyKey: second },
    ]);
    expect(keys()).toEqual([second]);
  });

  test('after a refusal that ends the request (422) the next try is a new request: a new key, and its nonce asked under it', async () => {
    let tries = 0;
    api.answerEach(TOP_UP, () => (++tries === 1 ? { status: 422, body: refusal('CARD_DECLINED', '银行卡余额不足或已冻结') } : { status: 200, body: topUpResult }));
    await startTopUp();
    await payWith('123456');
    expect(await screen.findByText('银行卡余额不足或已冻结')).toHaveAttribute('id', 'error-message');
    await userEvent.click(screen.getByText('确认充值'));
    await payWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [refusedKey, paidKey] = keys();
    expect(paidKey).not.toBe(refusedKey);
    expect(keysAsked(api)).toEqual([refusedKey, paidKey]);
  });

  test('a setting sent without an Idempotency-Key (bill auto-pay): its nonce is asked under none, and the request carries none', async () => {
    const payeeId = 'Y01HQ7Z3K9AUTOPAY';
    const payee: PayeeView = {
      payeeId,
      nickname: '家里电费',
      biller: powerBiller,
      accountNumberMasked: '32******78',
      autoPay: null,
      lastAutoPay: null,
      createdAt: '2026-03-01T08:00:00.000Z',
    };
    const AUTO_PAY = `POST /v1/bill-payees/${payeeId}/auto-pay` as const;
    api.answer('GET /v1/bill-payees', 200, { items: [payee] });
    api.answer(AUTO_PAY, 200, { ...payee, autoPay: { capFen: 50000, dayOfMonth: 15 } });
    await renderShown(<PayeesPage />);
    await userEvent.click(await screen.findByText('自动缴费'));
    await typeInto(`autopay-cap-${payeeId}`, '500');
    await typeInto(`autopay-day-${payeeId}`, '15');
    await userEvent.click(screen.getByText('开启自动缴费'));
    await payWith('123456');
    await waitFor(() => expect(api.requests(AUTO_PAY)).toHaveLength(1));

    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: `/v1/bill-payees/${payeeId}/auto-pay`, body: { autoPay: { capFen: 50000, dayOfMonth: 15 } } }]);
    expect(api.requests(AUTHORIZE)[0]!.body).not.toHaveProperty('idempotencyKey');
    expect(api.requests(AUTO_PAY)[0]!.headers).not.toHaveProperty('Idempotency-Key');
  });
});

describe('usePayment: an anti-fraud warning on any movement', () => {
  const REASON = '该笔交易与您的交易习惯不符，请警惕诈骗';

  test('a warning first carried by a renewed nonce (after a wrong PIN) is shown before the keypad; going on re-asks with riskAcknowledged and pays that body under the same key', async () => {
    let asked = 0;
    api.answerEach(AUTHORIZE, (request) => {
      const { body } = request.body as { body: { riskAcknowledged?: true } };
      const risk = ++asked === 1 ? null : { outcome: 'WARN' as const, reasons: [REASON], acknowledged: body.riskAcknowledged === true, delayHours: null };
      return { status: 200, body: authorization(asked, { ...review, risk }) };
    });
    refuseOnceThenPay(403, 'PIN_INCORRECT', '支付密码错误，还可尝试 2 次');
    await startTopUp();
    await payWith('111111');

    expect(await screen.findByText(REASON)).toHaveAttribute('id', 'risk-reason-0');
    expect(document.getElementById('pin-sheet')).toBeNull();
    await userEvent.click(screen.getByText('我已知晓风险，继续充值'));
    await payWith('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const key = idempotencyKeyOf(api.requests(TOP_UP)[0]);
    expect(authorizationsAsked(api)).toEqual([
      { ...ASKED, idempotencyKey: key },
      { ...ASKED, idempotencyKey: key },
      { ...ASKED, body: { amountFen: 12345, riskAcknowledged: true }, idempotencyKey: key },
    ]);
    const retry = api.requests(TOP_UP)[1]!;
    expect(retry.body).toEqual({ amountFen: 12345, riskAcknowledged: true, secondFactor: { nonce: nonceNo(3), pinCipher: expect.any(String) } });
    expect(keys()).toEqual([key, key]);
  });

  test('取消 on a warning ends the payment: the next try starts from the form body again, without riskAcknowledged', async () => {
    api.answerEach(AUTHORIZE, (request) => {
      const { body } = request.body as { body: { riskAcknowledged?: true } };
      return { status: 200, body: authorization(1, { ...review, risk: { outcome: 'WARN', reasons: [REASON], acknowledged: body.riskAcknowledged === true, delayHours: null } }) };
    });
    await startTopUp();
    await userEvent.click(await screen.findByText('我已知晓风险，继续充值'));
    await screen.findByText('确认付款');
    await userEvent.click(screen.getByText('取消'));
    await userEvent.click(screen.getByText('确认充值'));
    await screen.findByText('取消充值');
    await userEvent.click(screen.getByText('取消充值'));

    expect(document.getElementById('risk-sheet')).toBeNull();
    expect(api.requests(TOP_UP)).toHaveLength(0);
    expect(authorizationsAsked(api).map((asked) => (asked as { body: object }).body)).toEqual([
      { amountFen: 12345 },
      { amountFen: 12345, riskAcknowledged: true },
      { amountFen: 12345 },
    ]);
  });
});
