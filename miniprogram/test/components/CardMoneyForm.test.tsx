import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn, topUpResult } from '../support/examples';
import { input, typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { AUTHORIZE, authorization, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo, payWith, review, secondFactorOf, submitAndPay } from '../support/payment';

const ACCOUNT = 'GET /v1/account';
const TOP_UP = 'POST /v1/account/top-up';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(ACCOUNT, 200, account);
  issueNonces(api);
});

async function renderTopUp() {
  await renderShown(<CardMoneyForm direction='top-up' />);
  await screen.findByText('确认充值');
}

/** The page the form replaced itself with (Taro.redirectTo): its path and query. */
function redirectedTo(): { path: string; query: URLSearchParams } {
  expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  const [{ url }] = jest.mocked(Taro.redirectTo).mock.calls[0]! as [{ url: string }];
  const [path, query] = url.split('?');
  return { path: path!, query: new URLSearchParams(query) };
}

describe('CardMoneyForm', () => {
  test('shows the account as the server answered it, formatted and not recomputed', async () => {
    const reply = api.hold(ACCOUNT);
    await renderShown(<CardMoneyForm direction='top-up' />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();

    reply(200, account);
    expect(await screen.findByText('¥12,345.67')).toBeInTheDocument();
    expect(screen.getByText('中国工商银行 **** 8888')).toBeInTheDocument();
    expect(screen.getByText('6230 **** **** 4321')).toBeInTheDocument();
    expect(screen.getByText('单笔最高 ¥50,000.00，与绑定卡之间充值不限日累计额度。')).toBeInTheDocument();
    expect(screen.getByText('充值金额')).toBeInTheDocument();
  });

  test("a failed load shows the server's words, and 重试 loads again", async () => {
    api.answer(ACCOUNT, 503, refusal('UNAVAILABLE', '系统维护中，请 10 分钟后再试'));
    await renderShown(<CardMoneyForm direction='top-up' />);
    expect(await screen.findByText('系统维护中，请 10 分钟后再试')).toBeInTheDocument();

    api.answer(ACCOUNT, 200, account);
    await userEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('¥12,345.67')).toBeInTheDocument();
    expect(api.requests(ACCOUNT)).toHaveLength(2);
  });

  test('the form has no PIN field: the PIN is asked for after the review', async () => {
    await renderTopUp();
    await waitFor(() => expect(input('amount-input')).toBeInTheDocument());
    expect(document.querySelectorAll('input')).toHaveLength(1);
    expect(screen.queryByText('支付密码')).toBeNull();
  });

  test.each([
    ['', '请输入金额'],
    ['0', '金额须大于 0'],
    ['0.00', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
  ])('amount %j is refused before asking the server anything: %s', async (amount, message) => {
    await renderTopUp();
    await typeInto('amount-input', amount);
    await userEvent.click(screen.getByText('确认充值'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(document.getElementById('review-sheet')).toBeNull();
  });

  test('the amount field keeps only digits and the point', async () => {
    await renderTopUp();
    await typeInto('amount-input', '1a2,3.4-5');
    expect(input('amount-input').value).toBe('123.45');
  });

  test('asks a nonce for the exact top-up, then sends exact integer fen with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await renderTopUp();
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    await typeInto('amount-input', '0.29');
    await submitAndPay('确认充值', '480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [request] = api.requests(TOP_UP);
    // The nonce is bound to the Idempotency-Key the top-up then carries.
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/account/top-up', idempotencyKey: idempotencyKeyOf(request), body: { amountFen: 29 } }]);
    expect(request!.body).toEqual({ amountFen: 29, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '480213', challenge: 'challenge-000000000001' });
    expect(JSON.stringify(request!.body)).not.toContain('480213');
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('while the nonce is asked for the button is disabled, and a double tap asks once', async () => {
    const reply = api.hold(AUTHORIZE);
    await renderTopUp();
    await typeInto('amount-input', '123.45');
    await userEvent.dblClick(screen.getByText('确认充值'));

    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    expect(document.getElementById('review-skeleton')).not.toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    reply(200, authorization(1));
    expect(await screen.findByText('¥123.45')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
  });

  test('while the top-up is in flight the keypad takes nothing, and one request is sent', async () => {
    const reply = api.hold(TOP_UP);
    await renderTopUp();
    await typeInto('amount-input', '123.45');
    await submitAndPay('确认充值');
    expect(await screen.findByText('正在付款…')).toBeInTheDocument();
    for (const digit of '654321') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
    expect(api.requests(TOP_UP)).toHaveLength(1);

    reply(200, topUpResult);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(TOP_UP)).toHaveLength(1);
  });

  test('on success it shows the result page with the amount and balance the server answered', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await renderTopUp();
    await typeInto('amount-input', '123.45');
    await submitAndPay('确认充值');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { path, query } = redirectedTo();
    expect(path).toBe('/pages/result/index');
    expect(query.get('kind')).toBe('TOP_UP');
    expect(query.get('amountFen')).toBe(String(topUpResult.amountFen));
    expect(query.get('balanceFen')).toBe(String(topUpResult.balanceFen));
  });

  test("a refusal is shown on the form in the server's words; the sheets close and the amount is kept", async () => {
    api.answer(TOP_UP, 422, refusal('INSUFFICIENT_FUNDS', '绑定卡余额不足，请更换金额'));
    await renderTopUp();
    await typeInto('amount-input', '123.45');
    await submitAndPay('确认充值');

    expect(await screen.findByText('绑定卡余额不足，请更换金额')).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(input('amount-input').value).toBe('123.45');
    expect(screen.getByText('确认充值')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('after a dropped connection the same amount is retried under the same Idempotency-Key, a changed one under a new key', async () => {
    api.dropConnection(TOP_UP);
    await renderTopUp();
    const submitAndFail = async (attempt: number, amount?: string) => {
      if (amount !== undefined) await typeInto('amount-input', amount);
      await submitAndPay('确认充值');
      await waitFor(() => expect(api.requests(TOP_UP)).toHaveLength(attempt));
      await screen.findByText('网络异常，请检查网络后重试');
      await screen.findByText('确认充值');
    };
    await submitAndFail(1, '123.45');
    await submitAndFail(2);
    await submitAndFail(3, '123.46');

    const [first, retry, changed] = api.requests(TOP_UP).map((request) => request.headers['Idempotency-Key']);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
    // Each try is paid with a nonce of its own.
    expect(api.requests(TOP_UP).map((request) => secondFactorOf(request).nonce)).toEqual([nonceNo(1), nonceNo(2), nonceNo(3)]);
  });

  test('withdraw: its own labels, and the money goes out through the withdraw route', async () => {
    api.answer('POST /v1/account/withdraw', 200, { ...topUpResult, kind: 'WITHDRAW' });
    await renderShown(<CardMoneyForm direction='withdraw' />);
    expect(await screen.findByText('提现金额')).toBeInTheDocument();
    await typeInto('amount-input', '123.45');
    await submitAndPay('确认提现');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const withdrawKey = idempotencyKeyOf(api.requests('POST /v1/account/withdraw')[0]);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/account/withdraw', idempotencyKey: withdrawKey, body: { amountFen: 12345 } }]);
    expect(api.requests('POST /v1/account/withdraw')).toHaveLength(1);
    expect(api.requests(TOP_UP)).toHaveLength(0);
  });

  test('withdraw the rules warn about: 风险提示 in the server’s words, named for a withdrawal; going on sends the acknowledged body', async () => {
    const REASON = '大额提现到银行卡，请确认不是他人要求您操作';
    let issued = 0;
    api.answerEach(AUTHORIZE, (request) => {
      const { body } = request.body as { body: { riskAcknowledged?: true } };
      const risk = { outcome: 'WARN' as const, reasons: [REASON], acknowledged: body.riskAcknowledged === true, delayHours: null };
      return { status: 200, body: authorization(++issued, { ...review, amountFen: 300000, risk }) };
    });
    api.answer('POST /v1/account/withdraw', 200, { ...topUpResult, kind: 'WITHDRAW' });
    await renderShown(<CardMoneyForm direction='withdraw' />);
    expect(await screen.findByText('提现金额')).toBeInTheDocument();
    await typeInto('amount-input', '3000');
    await userEvent.click(screen.getByText('确认提现'));
    await screen.findByText('风险提示');
    expect(document.getElementById('risk-reason-0')).toHaveTextContent(new RegExp(`^${REASON}$`));
    expect(document.getElementById('risk-delay')).toBeNull();
    expect(document.getElementById('pin-sheet')).toBeNull();

    await userEvent.click(screen.getByText('我已知晓风险，继续提现'));
    await payWith('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    const [request] = api.requests('POST /v1/account/withdraw');
    const key = idempotencyKeyOf(request);
    expect(authorizationsAsked(api)).toEqual([
      { method: 'POST', path: '/v1/account/withdraw', idempotencyKey: key, body: { amountFen: 300000 } },
      { method: 'POST', path: '/v1/account/withdraw', idempotencyKey: key, body: { amountFen: 300000, riskAcknowledged: true } },
    ]);
    expect(request!.body).toEqual({ amountFen: 300000, riskAcknowledged: true, secondFactor: { nonce: nonceNo(2), pinCipher: expect.any(String) } });
  });
});
