import { beforeEach, describe, expect, test } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { AccountDetail, MoneyMovementResult, Payee } from '@contract/schemas';
import type { PaymentReview } from '@contract/second-factor-schemas';
import MoneyResultPage from '@/pages/result/index';
import TransferPage from '@/pages/transfer/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account as baseAccount, refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { renderShown } from '../support/page';
import {
  AUTHORIZE,
  authorization,
  authorizationsAsked,
  decryptPin,
  idempotencyKeyOf,
  issueNonces,
  keysAsked,
  nonceNo,
  payWith,
  review,
  secondFactorOf,
  submitAndPay,
  tapPin,
} from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const ACCOUNT = 'GET /v1/account';
const PAYEE = 'GET /v1/account/payee';
const TRANSFER = 'POST /v1/account/transfer';

/** Class II limits as the server reports them: what is left today is its figure, not limit − used. */
const account: AccountDetail = {
  ...baseAccount,
  limits: {
    ...baseAccount.limits,
    nonBoundOutToday: { limitFen: 1000000, usedFen: 234567, remainingFen: 765433 },
  },
};

const payee: Payee = { nameMasked: '*小明', phoneMasked: '139****8888' };

/** ¥123.45 out of a balance of ¥12,345.67; the server's new balance is its own figure. */
const transferResult: MoneyMovementResult = {
  journalId: 'jnl_02',
  reference: 'P3XW-8MHT-5RZA',
  kind: 'TRANSFER',
  status: 'SUCCEEDED',
  amountFen: 12345,
  balanceFen: 1122222,
  createdAt: '2026-03-02T09:30:00.000Z',
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(ACCOUNT, 200, account);
  api.answer(PAYEE, 200, payee);
  issueNonces(api, { ...review, payeeMasked: '*小明（139****8888）' });
});

async function renderTransfer() {
  await renderShown(<TransferPage />);
  await screen.findByText('下一步');
}

async function lookUp(phone = '13900008888') {
  await typeInto('transfer-phone', phone);
  await userEvent.click(screen.getByText('下一步'));
}

/** The transfer page with the payee found, ready for amount and memo. */
async function renderWithPayee() {
  await renderTransfer();
  await lookUp();
  await screen.findByText('确认转账');
}

/** A double tap faster than a render: both taps reach the button as it was. */
function tapTwiceAtOnce(button: HTMLElement) {
  act(() => {
    fireEvent.click(button);
    fireEvent.click(button);
  });
}

async function fillIn(amount: string, memo?: string) {
  await typeInto('amount-input', amount);
  if (memo !== undefined) await typeInto('transfer-memo', memo);
}

describe('transfer: the payee', () => {
  test("the lookup shows the payee's masked name and phone as the server answered them", async () => {
    await renderTransfer();
    await lookUp('13900008888');

    expect(await screen.findByText('*小明')).toHaveAttribute('id', 'payee-name');
    expect(screen.getByText('139****8888')).toBeInTheDocument();
    expect(screen.getByText('请核对收款人')).toBeInTheDocument();
    const [lookup] = api.requests(PAYEE);
    expect(lookup!.query.get('phone')).toBe('13900008888');
    expect(screen.queryByText('下一步')).toBeNull();
  });

  test.each([
    ['', '请输入收款人 11 位手机号'],
    ['1390000888', '请输入收款人 11 位手机号'],
    ['12900008888', '请输入收款人 11 位手机号'],
  ])('phone %j is refused before any lookup: %s', async (phone, message) => {
    await renderTransfer();
    await lookUp(phone);
    expect(await screen.findByText(message)).toHaveAttribute('id', 'error-message');
    expect(api.requests(PAYEE)).toHaveLength(0);
  });

  test('the phone field keeps digits only, eleven at most', async () => {
    await renderTransfer();
    await typeInto('transfer-phone', '139-0000 8888a99');
    expect(input('transfer-phone').value).toBe('13900008888');
  });

  test("an unknown payee is the server's words, and no payment can be entered", async () => {
    api.answer(PAYEE, 404, refusal('PAYEE_NOT_FOUND', '未找到该手机号对应的近邻银行账户'));
    await renderTransfer();
    await lookUp();
    expect(await screen.findByText('未找到该手机号对应的近邻银行账户')).toHaveAttribute('id', 'error-message');
    expect(screen.queryByText('确认转账')).toBeNull();
    expect(screen.getByText('下一步')).toHaveProperty('disabled', false);
  });

  test('while the lookup is in flight its button is disabled, and a double tap looks up once', async () => {
    const reply = api.hold(PAYEE);
    await renderTransfer();
    await typeInto('transfer-phone', '13900008888');
    await userEvent.dblClick(screen.getByText('下一步'));

    const button = screen.getByText('查询中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(api.requests(PAYEE)).toHaveLength(1);

    reply(200, payee);
    expect(await screen.findByText('*小明')).toBeInTheDocument();
    expect(api.requests(PAYEE)).toHaveLength(1);
  });

  test('two taps on 下一步 before the page re-renders look up once', async () => {
    const reply = api.hold(PAYEE);
    await renderTransfer();
    await typeInto('transfer-phone', '13900008888');
    tapTwiceAtOnce(screen.getByText('下一步'));
    await waitFor(() => expect(api.requests(PAYEE)).toHaveLength(1));
    reply(200, payee);
    expect(await screen.findByText('*小明')).toBeInTheDocument();
    expect(api.requests(PAYEE)).toHaveLength(1);
  });

  test('changing the phone drops the payee: the payment goes away until the new one is looked up', async () => {
    await renderWithPayee();
    await typeInto('transfer-phone', '1390000888');
    expect(screen.queryByText('*小明')).toBeNull();
    expect(screen.queryByText('确认转账')).toBeNull();
    expect(screen.getByText('下一步')).toBeInTheDocument();
  });
});

describe('transfer: the payment', () => {
  test("shows the balance and today's remaining limit as the server answered them", async () => {
    await renderWithPayee();
    expect(screen.getByText('可用余额').nextElementSibling).toHaveTextContent(/^¥12,345\.67$/);
    expect(screen.getByText('今日剩余转出额度').nextElementSibling).toHaveTextContent(/^¥7,654\.33$/);
    expect(screen.getByText(/每日限额 ¥10,000\.00。$/)).toBeInTheDocument();
  });

  test.each([
    ['', '请输入金额'],
    ['0', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
    // Above the single-movement limit the server sent (¥50,000.00), and above the contract's
    // largest amount (¥1,000,000.00).
    ['50000.01', '单笔转账金额不能超过 ¥50,000.00'],
    ['1000000.01', '单笔转账金额不能超过 ¥50,000.00'],
  ])('amount %j is refused before asking the server anything: %s', async (amount, message) => {
    await renderWithPayee();
    await fillIn(amount);
    await userEvent.click(screen.getByText('确认转账'));
    expect(await screen.findByText(message)).toHaveAttribute('id', 'error-message');
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(TRANSFER)).toHaveLength(0);
  });

  test("the review shows the server's payee, amount in capitals, fee and paying account", async () => {
    await renderWithPayee();
    await fillIn('123.45');
    await userEvent.click(screen.getByText('确认转账'));
    expect(await screen.findByText('*小明（139****8888）')).toHaveAttribute('id', 'review-payee');
    expect(document.getElementById('review-amount')).toHaveTextContent(/^¥123\.45$/);
    expect(document.getElementById('review-amount-words')).toHaveTextContent('人民币壹佰贰拾叁元肆角伍分');
    expect(document.getElementById('review-fee')).toHaveTextContent('免费');
    expect(document.getElementById('review-source')).toHaveTextContent('6230 **** **** 4321');
  });

  test('the memo takes 20 characters at most', async () => {
    await renderWithPayee();
    await typeInto('transfer-memo', '一二三四五六七八九十一二三四五六七八九十多出的字');
    expect(input('transfer-memo').value).toBe('一二三四五六七八九十一二三四五六七八九十');
  });

  test('asks a nonce for the exact transfer (phone, exact fen, trimmed memo), then sends it with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(TRANSFER, 200, transferResult);
    await renderWithPayee();
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    await fillIn('0.29', '  房租  ');
    await submitAndPay('确认转账', '731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const transferBody = { toPhone: '13900008888', amountFen: 29, memo: '房租' };
    const [request] = api.requests(TRANSFER);
    // The nonce is bound to the Idempotency-Key the transfer then carries.
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/account/transfer', idempotencyKey: idempotencyKeyOf(request), body: transferBody }]);
    expect(request!.body).toEqual({ ...transferBody, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('a blank memo is left out', async () => {
    api.answer(TRANSFER, 200, transferResult);
    await renderWithPayee();
    await fillIn('123.45', '   ');
    await submitAndPay('确认转账');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(authorizationsAsked(api)).toEqual([
      { method: 'POST', path: '/v1/account/transfer', idempotencyKey: idempotencyKeyOf(api.requests(TRANSFER)[0]), body: { toPhone: '13900008888', amountFen: 12345 } },
    ]);
    expect(api.requests(TRANSFER)[0]!.body).toEqual({ toPhone: '13900008888', amountFen: 12345, secondFactor: expect.any(Object) });
  });

  test('while the review is asked for the button and the phone are disabled, and a double tap asks once', async () => {
    const reply = api.hold(AUTHORIZE);
    await renderWithPayee();
    await fillIn('123.45');
    await userEvent.dblClick(screen.getByText('确认转账'));

    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await waitFor(() => expect(input('transfer-phone')).toHaveProperty('disabled', true));
    await userEvent.click(button);
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    reply(200, authorization(1));
    expect(await screen.findByText('确认付款')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
  });

  test('two taps on 确认转账 before the page re-renders ask once, and the transfer is sent once', async () => {
    api.answer(TRANSFER, 200, transferResult);
    await renderWithPayee();
    await fillIn('123.45');
    tapTwiceAtOnce(screen.getByText('确认转账'));
    await waitFor(() => expect(api.requests(AUTHORIZE)).toHaveLength(1));
    await payWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    expect(api.requests(TRANSFER)).toHaveLength(1);
  });

  test("a refusal is shown in the server's words; the form is kept as typed", async () => {
    api.answer(TRANSFER, 422, refusal('DAILY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户日累计限额'));
    await renderWithPayee();
    await fillIn('123.45', '房租');
    await submitAndPay('确认转账');

    expect(await screen.findByText('超过电子账户（二类户）非绑定账户日累计限额')).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(input('amount-input').value).toBe('123.45');
    expect(input('transfer-memo').value).toBe('房租');
    expect(screen.getByText('*小明')).toBeInTheDocument();
    expect(screen.getByText('确认转账')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test("the result page shows the server's amount, payee and new balance, not one computed here", async () => {
    api.answer(TRANSFER, 200, transferResult);
    await renderWithPayee();
    await fillIn('123.45');
    await submitAndPay('确认转账');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/pages/result/index');
    expect(query.get('balanceFen')).toBe('1122222');
    await renderAt(url, <MoneyResultPage />);
    expect(document.querySelector('#result-message')).toHaveTextContent('转账成功');
    expect(document.querySelector('#result-amount')).toHaveTextContent(/^¥123\.45$/);
    expect(document.querySelector('#result-balance')).toHaveTextContent(/^¥11,222\.22$/);
    expect(document.querySelector('#reference')).toHaveTextContent(/^P3XW-8MHT-5RZA$/);
    // ¥12,345.67 − ¥123.45: what a client subtracting would show.
    expect(screen.queryByText('¥12,222.22')).toBeNull();
    expect(screen.getByText('收款人').nextElementSibling).toHaveTextContent('*小明');
  });
});

describe('transfer: one Idempotency-Key per transfer', () => {
  /** Submits into a dropped connection; `edit` changes the form first. */
  async function submitAndFail(attempt: number, edit: () => Promise<void>) {
    await edit();
    await submitAndPay('确认转账');
    await waitFor(() => expect(api.requests(TRANSFER)).toHaveLength(attempt));
    await screen.findByText('网络异常，请检查网络后重试');
    await screen.findByText('确认转账');
  }

  function sentKeys(): string[] {
    return api.requests(TRANSFER).map((request) => request.headers['Idempotency-Key']!);
  }

  test('after a dropped connection, retyping the same amount, payee or memo sends the same key', async () => {
    api.dropConnection(TRANSFER);
    await renderWithPayee();
    await submitAndFail(1, () => fillIn('123.45', '房租'));
    await submitAndFail(2, async () => {
      await typeInto('amount-input', '');
      await typeInto('amount-input', '123.45');
    });
    await submitAndFail(3, async () => {
      await lookUp('13900008888');
      await screen.findByText('确认转账');
    });
    // The memo is sent trimmed: a trailing space changes nothing the request carries.
    await submitAndFail(4, () => typeInto('transfer-memo', '房租 '));

    const [first, ...retries] = sentKeys();
    expect(retries).toEqual([first, first, first]);
  });

  test('after a dropped connection, a different amount or memo is a new transfer with a new key', async () => {
    api.dropConnection(TRANSFER);
    await renderWithPayee();
    await submitAndFail(1, () => fillIn('123.45', '房租'));
    await submitAndFail(2, () => typeInto('amount-input', '123.46'));
    await submitAndFail(3, () => typeInto('transfer-memo', '水电'));

    const [first, otherAmount, otherMemo] = sentKeys();
    expect(otherAmount).not.toBe(first);
    expect(otherMemo).not.toBe(first);
    expect(otherMemo).not.toBe(otherAmount);
  });
});

describe('transfer: the anti-fraud warning', () => {
  const REASON = '您正向首次付款的收款人转出大额资金，请警惕冒充公检法、刷单返利等电信网络诈骗';
  const transferBody = { toPhone: '13900008888', amountFen: 600000, memo: '货款' };
  const warned = (acknowledged: boolean): PaymentReview => ({
    ...review,
    amountFen: 600000,
    payeeMasked: '*小明（139****8888）',
    risk: { outcome: 'WARN', reasons: [REASON], acknowledged, delayHours: null },
  });

  /** The server's rule set warns this transfer: its review carries the warning, acknowledged once
   *  the body asked for says so. */
  function warnUntilAcknowledged() {
    let issued = 0;
    api.answerEach(AUTHORIZE, (request) => {
      const { body } = request.body as { body: { riskAcknowledged?: true } };
      return { status: 200, body: authorization(++issued, warned(body.riskAcknowledged === true)) };
    });
  }

  async function submitWarned() {
    await renderWithPayee();
    await fillIn('6000', '货款');
    await userEvent.click(screen.getByText('确认转账'));
    await screen.findByText('风险提示');
  }

  beforeEach(warnUntilAcknowledged);

  test("a warned review shows 风险提示 with the server's reason, not the review or the keypad", async () => {
    await submitWarned();
    expect(document.getElementById('risk-reason-0')).toHaveTextContent(new RegExp(`^${REASON}$`));
    expect(document.getElementById('risk-reasons')!.children).toHaveLength(1);
    expect(document.getElementById('risk-advice')).toHaveTextContent('不存在“安全账户”');
    expect(screen.getByText('取消转账')).toHaveClass('btn--primary');
    expect(screen.getByText('我已知晓风险，继续转账')).toBeInTheDocument();
    expect(document.getElementById('review-confirm')).toBeNull();
    expect(document.getElementById('pin-sheet')).toBeNull();
  });

  test('取消转账 goes back to the form as typed, with nothing sent', async () => {
    await submitWarned();
    await userEvent.click(screen.getByText('取消转账'));

    expect(document.getElementById('risk-sheet')).toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    expect(api.requests(TRANSFER)).toHaveLength(0);
    expect(input('amount-input').value).toBe('6000');
    expect(input('transfer-memo').value).toBe('货款');
    expect(screen.getByText('确认转账')).toHaveProperty('disabled', false);
    expect(document.getElementById('error-message')).toBeNull();
  });

  test('going on asks the review again with riskAcknowledged under the same key; the transfer sends exactly that body with the new nonce', async () => {
    api.answer(TRANSFER, 200, { ...transferResult, amountFen: 600000 });
    await submitWarned();
    await userEvent.click(screen.getByText('我已知晓风险，继续转账'));

    // The review of the acknowledged request, then the keypad as for any transfer.
    await waitFor(() => expect(document.getElementById('review-amount')).toHaveTextContent('¥6,000.00'));
    expect(document.getElementById('risk-sheet')).toBeNull();
    await payWith('731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [request] = api.requests(TRANSFER);
    const key = idempotencyKeyOf(request);
    expect(authorizationsAsked(api)).toEqual([
      { method: 'POST', path: '/v1/account/transfer', idempotencyKey: key, body: transferBody },
      { method: 'POST', path: '/v1/account/transfer', idempotencyKey: key, body: { ...transferBody, riskAcknowledged: true } },
    ]);
    expect(request!.body).toEqual({ ...transferBody, riskAcknowledged: true, secondFactor: { nonce: nonceNo(2), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000002' });
  });

  test('after a wrong PIN the new nonce is asked for the acknowledged body, and the keypad comes back without a second warning', async () => {
    let tries = 0;
    api.answerEach(TRANSFER, () =>
      ++tries === 1 ? { status: 403, body: refusal('PIN_INCORRECT', '支付密码错误，还可尝试 2 次') } : { status: 200, body: transferResult },
    );
    await submitWarned();
    await userEvent.click(screen.getByText('我已知晓风险，继续转账'));
    await payWith('111111');
    expect(await screen.findByText('支付密码错误，还可尝试 2 次')).toHaveAttribute('id', 'pin-message');
    await tapPin('480213');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(document.getElementById('risk-sheet')).toBeNull();
    const sent = api.requests(TRANSFER).map((request) => request.body as { riskAcknowledged?: true; secondFactor: { nonce: string } });
    expect(sent.map((body) => [body.riskAcknowledged, body.secondFactor.nonce])).toEqual([
      [true, nonceNo(2)],
      [true, nonceNo(3)],
    ]);
    const keys = api.requests(TRANSFER).map((request) => request.headers['Idempotency-Key']);
    expect(keysAsked(api)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[1]).toBe(keys[0]);
  });

  test('a review the server already marks acknowledged goes to the review and the keypad, with no warning', async () => {
    issueNonces(api, warned(true));
    api.answer(TRANSFER, 200, transferResult);
    await renderWithPayee();
    await fillIn('6000');
    await submitAndPay('确认转账');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(AUTHORIZE)).toHaveLength(1);
    expect(api.requests(TRANSFER)).toHaveLength(1);
    // Acknowledging is the customer's act on the warning, never added by the app on its own.
    expect(api.requests(TRANSFER)[0]!.body).toEqual({ toPhone: '13900008888', amountFen: 600000, secondFactor: expect.any(Object) });
  });

  test("a transfer the rules block is refused at the review: the server's reason on the form, no sheet, nothing sent", async () => {
    api.answer(AUTHORIZE, 422, refusal('RISK_BLOCKED', '该笔转账存在较高的诈骗风险，已被拦截。如有疑问请致电客服'));
    await renderWithPayee();
    await fillIn('6000', '货款');
    await userEvent.click(screen.getByText('确认转账'));

    expect(await screen.findByText('该笔转账存在较高的诈骗风险，已被拦截。如有疑问请致电客服')).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('risk-sheet')).toBeNull();
    expect(document.getElementById('review-sheet')).toBeNull();
    expect(api.requests(TRANSFER)).toHaveLength(0);
    expect(input('amount-input').value).toBe('6000');
  });

  test.each([
    [422, 'RISK_BLOCKED', '该笔转账存在较高的诈骗风险，已被拦截。如有疑问请致电客服'],
    [409, 'RISK_WARNING', '该笔转账存在诈骗风险，请阅读风险提示后再确认'],
  ])("a %i %s answer to the transfer itself is shown in the server's words; the form is kept", async (status, code, message) => {
    issueNonces(api, { ...review, payeeMasked: '*小明（139****8888）' });
    api.answer(TRANSFER, status, refusal(code, message));
    await renderWithPayee();
    await fillIn('6000', '货款');
    await submitAndPay('确认转账');

    expect(await screen.findByText(message)).toHaveAttribute('id', 'error-message');
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(input('amount-input').value).toBe('6000');
    expect(input('transfer-memo').value).toBe('货款');
    expect(screen.getByText('确认转账')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
