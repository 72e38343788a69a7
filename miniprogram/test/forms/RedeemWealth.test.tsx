import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import RedeemPage from '@/packageWealth/pages/redeem/index';
import WealthResultPage from '@/packageWealth/pages/result/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import {
  AUTHORIZE,
  authorizationsAsked,
  confirmReview,
  decryptPin,
  idempotencyKeyOf,
  issueNonces,
  nonceNo,
  payWith,
  review,
  secondFactorOf,
  submitAndPay,
  expectOnePaymentPerDoubleTap,
} from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';
import { holdings, redemptionResult } from '../support/wealth-examples';

const HOLDINGS = 'GET /v1/wealth-holdings';
const REDEEM = 'POST /v1/wealth-redemptions';
const pageFor = (productId: string) => `/packageWealth/pages/redeem/index?productId=${productId}`;
const MONEY_MARKET = pageFor('jinlin-cash');

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(HOLDINGS, 200, holdings);
  // Units, not an amount: the server values them — a money-market fund's exactly (NAV 1.0000).
  issueNonces(api, { ...review, amountFen: 29, amountInWords: '人民币贰角玖分' });
});

async function renderRedeem(url = MONEY_MARKET) {
  await renderAt(url, <RedeemPage />);
  await screen.findByText('确认赎回');
}


function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('wealth redemption', () => {
  test('shows the holding the route names, as the server answered it', async () => {
    await renderRedeem();
    expect(screen.getByText('近邻现金宝')).toBeInTheDocument();
    expect(text('redeem-available')).toBe('12,345.67');
    expect(screen.getByText('1.0000')).toBeInTheDocument();
    expect(screen.getByText('今日快速赎回剩余额度')).toBeInTheDocument();
    expect(screen.getByText('¥9,876.54')).toBeInTheDocument();
    expect(screen.getByText('快速赎回（实时到账）')).toBeInTheDocument();
    expect(screen.getByText('普通赎回（下一营业日）')).toBeInTheDocument();
  });

  test('全部 fills in exactly the units the server says are available', async () => {
    api.answer(REDEEM, 200, redemptionResult);
    await renderRedeem();
    await userEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(input('redeem-units').value).toBe('12345.67'));

    await submitAndPay('确认赎回');
    await waitFor(() => expect(api.requests(REDEEM)).toHaveLength(1));
    expect(api.requests(REDEEM)[0]!.body).toMatchObject({ unitsCenti: 1234567 });
  });

  test('asks a nonce for the units as integer hundredths, fast by default, then sends them with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(REDEEM, 200, redemptionResult);
    await renderRedeem();
    await typeInto('redeem-units', '0.29');
    await userEvent.click(screen.getByText('确认赎回'));
    // What the units pay, as the server valued them: exact, so 到账金额 and no estimate note.
    await waitFor(() => expect(text('review-amount')).toBe('¥0.29'));
    expect(text('review-amount-label')).toBe('到账金额');
    expect(text('review-amount-words')).toBe('人民币贰角玖分');
    expect(document.getElementById('review-estimate')).toBeNull();
    await payWith('602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const redemption = { productId: 'jinlin-cash', unitsCenti: 29, mode: 'FAST' };
    const [request] = api.requests(REDEEM);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/wealth-redemptions', idempotencyKey: idempotencyKeyOf(request), body: redemption }]);
    expect(request!.body).toEqual({ ...redemption, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602819', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('a fund’s redemption: the review shows the server’s estimate as 预计到账, with its capitals and the NAV it was valued at; the PIN sheet says 预计到账 too', async () => {
    issueNonces(api, { ...review, amountFen: 511700, amountInWords: '人民币伍仟壹佰壹拾柒元整', estimate: { navDisplay: '1.0234', navDate: '2026-03-01' } });
    await renderRedeem(pageFor('jinlin-bond-a'));
    await typeInto('redeem-units', '5000');
    await userEvent.click(screen.getByText('确认赎回'));
    await waitFor(() => expect(text('review-amount')).toBe('¥5,117.00'));
    expect(text('review-amount-label')).toBe('预计到账');
    expect(text('review-amount-words')).toBe('人民币伍仟壹佰壹拾柒元整');
    expect(text('review-estimate')).toBe('按 2026-03-01 单位净值 1.0234 估算，实际到账金额以确认日净值为准');
    expect(authorizationsAsked(api)).toEqual([expect.objectContaining({ body: { productId: 'jinlin-bond-a', unitsCenti: 500000, mode: 'NORMAL' } })]);

    await confirmReview();
    expect(screen.getByText('预计到账 ¥5,117.00')).toBeInTheDocument();
  });

  test('choosing normal redemption sends NORMAL', async () => {
    api.answer(REDEEM, 200, { ...redemptionResult, fast: null, journalId: null, capExceeded: false });
    await renderRedeem();
    await userEvent.click(screen.getByText('普通赎回（下一营业日）'));
    await typeInto('redeem-units', '100');
    await submitAndPay('确认赎回');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(REDEEM)[0]!.body).toEqual({ productId: 'jinlin-cash', unitsCenti: 10000, mode: 'NORMAL', secondFactor: expect.any(Object) });
  });

  test('a product without fast redemption offers no choice and redeems NORMAL', async () => {
    api.answer(REDEEM, 200, { ...redemptionResult, fast: null, journalId: null, capExceeded: false });
    await renderRedeem(pageFor('jinlin-bond-a'));
    expect(text('redeem-available')).toBe('5,000.00');
    expect(screen.queryByText('快速赎回（实时到账）')).toBeNull();
    expect(screen.queryByText('今日快速赎回剩余额度')).toBeNull();
    expect(screen.getByText('赎回按下一营业日日终净值确认，资金确认后到账电子账户。')).toBeInTheDocument();

    await typeInto('redeem-units', '5000');
    await submitAndPay('确认赎回');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(REDEEM)[0]!.body).toEqual({ productId: 'jinlin-bond-a', unitsCenti: 500000, mode: 'NORMAL', secondFactor: expect.any(Object) });
  });

  test('a fixed-term holding has nothing to redeem and no form', async () => {
    await renderAt(pageFor('jinlin-fixed-90'), <RedeemPage />);
    expect(await screen.findByText('暂无可赎回份额')).toBeInTheDocument();
    expect(screen.queryByText('确认赎回')).toBeNull();
  });

  test.each([
    ['a product not held', pageFor('jinlin-other')],
    ['no product at all (a link cut short)', '/packageWealth/pages/redeem/index'],
  ])('%s: no form, the holding not found and the way to the holdings', async (_case, url) => {
    await renderAt(url, <RedeemPage />);
    expect(await screen.findByText('未找到该笔持仓')).toBeInTheDocument();
    expect(screen.queryByText('确认赎回')).toBeNull();
    await userEvent.click(document.getElementById('missing-target-next')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageWealth/pages/holdings/index' });
  });

  test.each([
    ['', '请输入赎回份额'],
    ['0', '赎回份额须大于 0'],
    ['0.00', '赎回份额须大于 0'],
    ['1.234', '份额最多保留两位小数'],
    ['1.2.3', '请输入正确的份额'],
  ])('units %j are refused before asking the server anything: %s', async (units, message) => {
    await renderRedeem();
    await typeInto('redeem-units', units);
    await userEvent.click(screen.getByText('确认赎回'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(REDEEM)).toHaveLength(0);
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the redemption is in flight the keypad takes nothing', async () => {
    await renderRedeem();
    await typeInto('redeem-units', '100');
    await expectOnePaymentPerDoubleTap(api, REDEEM, '确认赎回', redemptionResult);
  });

  test('on success the result page shows what the server paid at once, its message and the balance it reports', async () => {
    api.answer(REDEEM, 200, redemptionResult);
    await renderRedeem();
    await typeInto('redeem-units', '12345.67');
    await submitAndPay('确认赎回');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageWealth/pages/result/index');
    expect(Object.fromEntries(query)).toEqual({
      kind: 'REDEEM',
      productName: '近邻现金宝',
      balanceFen: '3333332',
      message: redemptionResult.message,
      amountFen: '987654',
      reference: 'R3FN-8WZK-2HPD',
    });

    cleanup();
    await renderAt(url, <WealthResultPage />);
    expect(screen.getByText('赎回已受理')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥9,876.54');
    expect(text('result-detail')).toBe('今日快速赎回额度已用完，其余 246.80 份转为普通赎回，下一营业日到账');
    expect(text('result-balance')).toBe('¥33,333.32');
    expect(text('reference')).toBe('R3FN-8WZK-2HPD');
  });

  test('a normal redemption pays nothing at once: the result shows no amount', async () => {
    const normalOnly = { ...redemptionResult, fast: null, journalId: null, reference: null, capExceeded: false, message: '赎回已受理，下一营业日到账' };
    api.answer(REDEEM, 200, normalOnly);
    await renderRedeem(pageFor('jinlin-bond-a'));
    await typeInto('redeem-units', '100');
    await submitAndPay('确认赎回');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, query } = redirectedTo();
    expect(query.has('amountFen')).toBe(false);
    cleanup();
    await renderAt(url, <WealthResultPage />);
    expect(document.getElementById('result-amount')).toBeNull();
    expect(text('result-detail')).toBe('赎回已受理，下一营业日到账');
  });

  test("a refusal is shown in the server's words, the sheets closed and the units kept", async () => {
    api.answer(REDEEM, 422, refusal('INSUFFICIENT_UNITS', '可赎回份额不足'));
    await renderRedeem();
    await typeInto('redeem-units', '12345.68');
    await submitAndPay('确认赎回');

    expect(await screen.findByText('可赎回份额不足')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(input('redeem-units').value).toBe('12345.68'));
    expect(screen.getByText('确认赎回')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test("a failed load shows the server's words", async () => {
    api.answer(HOLDINGS, 503, refusal('UNAVAILABLE', '系统维护中，请 10 分钟后再试'));
    await renderAt(MONEY_MARKET, <RedeemPage />);
    expect(await screen.findByText('系统维护中，请 10 分钟后再试')).toBeInTheDocument();
    expect(screen.queryByText('确认赎回')).toBeNull();
  });
});
