import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn, topUpResult } from '../support/examples';
import { input, typeInto } from '../support/form';
import { renderShown } from '../support/page';

const ACCOUNT = 'GET /v1/account';
const TOP_UP = 'POST /v1/account/top-up';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(ACCOUNT, 200, account);
});

async function renderTopUp() {
  await renderShown(<CardMoneyForm direction='top-up' />);
  await screen.findByText('确认充值');
}

async function fillIn(amount: string, pin: string) {
  await typeInto('amount-input', amount);
  await typeInto('pin-input', pin);
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

  test.each([
    ['', '123456', '请输入金额'],
    ['0', '123456', '金额须大于 0'],
    ['0.00', '123456', '金额须大于 0'],
    ['1.234', '123456', '金额最多保留两位小数'],
    ['1.2.3', '123456', '请输入正确的金额'],
    ['100', '', '请输入 6 位支付密码'],
    ['100', '12345', '请输入 6 位支付密码'],
  ])('amount %j with PIN %j is refused before sending: %s', async (amount, pin, message) => {
    await renderTopUp();
    await fillIn(amount, pin);
    await userEvent.click(screen.getByText('确认充值'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(TOP_UP)).toHaveLength(0);
  });

  test('the amount field keeps only digits and the point, the PIN field only digits', async () => {
    await renderTopUp();
    await fillIn('1a2,3.4-5', '12ab34');
    expect(input('amount-input').value).toBe('123.45');
    expect(input('pin-input').value).toBe('1234');
  });

  test('sends the yuan typed as exact integer fen, with the PIN and an Idempotency-Key', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await renderTopUp();
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    await fillIn('0.29', '123456');
    await userEvent.click(screen.getByText('确认充值'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [request] = api.requests(TOP_UP);
    expect(request!.body).toEqual({ amountFen: 29, pin: '123456' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('while the request is in flight the button is disabled, and a double tap sends one request', async () => {
    const reply = api.hold(TOP_UP);
    await renderTopUp();
    await fillIn('123.45', '123456');
    await userEvent.dblClick(screen.getByText('确认充值'));

    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(api.requests(TOP_UP)).toHaveLength(1);

    reply(200, topUpResult);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(TOP_UP)).toHaveLength(1);
  });

  test('on success it shows the result page with the amount and balance the server answered', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await renderTopUp();
    await fillIn('123.45', '123456');
    await userEvent.click(screen.getByText('确认充值'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { path, query } = redirectedTo();
    expect(path).toBe('/pages/result/index');
    expect(query.get('kind')).toBe('TOP_UP');
    expect(query.get('amountFen')).toBe(String(topUpResult.amountFen));
    expect(query.get('balanceFen')).toBe(String(topUpResult.balanceFen));
  });

  test("a refusal is shown in the server's words, the PIN is cleared and the amount kept", async () => {
    api.answer(TOP_UP, 403, refusal('PIN_INCORRECT', '支付密码错误，还可尝试 2 次'));
    await renderTopUp();
    await fillIn('123.45', '123456');
    await userEvent.click(screen.getByText('确认充值'));

    expect(await screen.findByText('支付密码错误，还可尝试 2 次')).toBeInTheDocument();
    expect(input('pin-input').value).toBe('');
    expect(input('amount-input').value).toBe('123.45');
    expect(screen.getByText('确认充值')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('after a dropped connection the same amount is retried under the same Idempotency-Key, a changed one under a new key', async () => {
    api.dropConnection(TOP_UP);
    await renderTopUp();
    // The PIN is cleared after each failure; the amount stays unless `amount` retypes it.
    const submitAndFail = async (attempt: number, amount?: string) => {
      if (amount !== undefined) await typeInto('amount-input', amount);
      await typeInto('pin-input', '123456');
      await userEvent.click(screen.getByText('确认充值'));
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
  });

  test('withdraw: its own labels, and the money goes out through the withdraw route', async () => {
    api.answer('POST /v1/account/withdraw', 200, { ...topUpResult, kind: 'WITHDRAW' });
    await renderShown(<CardMoneyForm direction='withdraw' />);
    expect(await screen.findByText('提现金额')).toBeInTheDocument();
    await fillIn('123.45', '123456');
    await userEvent.click(screen.getByText('确认提现'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.requests('POST /v1/account/withdraw')).toHaveLength(1);
    expect(api.requests(TOP_UP)).toHaveLength(0);
  });
});
