import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import RepayPage from '@/packageLoan/pages/repay/index';
import LoanResultPage from '@/packageLoan/pages/result/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { drawnLoan, LOAN_ID, loan, overdueLoan, paidOffLoan, prepaymentQuote, prepaymentResult, repaymentResult } from '../support/loan-examples';
import {
  AUTHORIZE,
  authorizationsAsked,
  confirmReview,
  decryptPin,
  idempotencyKeyOf,
  issueNonces,
  keysAsked,
  nonceNo,
  payWith,
  review,
  secondFactorOf,
  submitAndPay,
} from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const LOAN = `GET /v1/loans/${LOAN_ID}` as const;
const ACCOUNT = 'GET /v1/account';
const REPAY = `POST /v1/loans/${LOAN_ID}/repayments` as const;
const PAGE = `/packageLoan/pages/repay/index?loanId=${LOAN_ID}`;
const PREPAY_QUOTE = `POST /v1/loans/${LOAN_ID}/prepayment-quote` as const;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(LOAN, 200, loan);
  api.answer(ACCOUNT, 200, account);
  issueNonces(api);
});

async function renderRepay() {
  await renderAt(PAGE, <RepayPage />);
  await screen.findByText('确认还款');
}

/** 确认还款, then the review and the PIN. */
async function submitWith(pin: string) {
  await submitAndPay('确认还款', pin);
}

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('loan repayment', () => {
  test('shows what the loan owes and the account it is paid from, as the server answered them', async () => {
    api.answer(LOAN, 200, overdueLoan);
    await renderRepay();
    expect(api.requests(LOAN)).toHaveLength(1);
    expect(screen.getByText('近邻e贷')).toBeInTheDocument();
    expect(screen.getByText('合同编号 JL-2026-000123')).toBeInTheDocument();
    expect(screen.getByText('¥8,020.38')).toBeInTheDocument();
    expect(screen.getByText('逾期应还（12 天）')).toBeInTheDocument();
    expect(screen.getByText('¥4,088.71')).toBeInTheDocument();
    expect(screen.getByText('本期应还（2026-05-02）')).toBeInTheDocument();
    expect(text('repay-next-due')).toBe('¥4,040.82');
    expect(screen.getByText('还逾期及本期应还')).toBeInTheDocument();
    expect(screen.getByText(/^从电子账户 6230 \*\*\*\* \*\*\*\* 4321 扣款，可用余额 ¥12,345.67/)).toBeInTheDocument();
  });

  test('a loan without arrears offers what is due this period', async () => {
    await renderRepay();
    expect(screen.getByText('还本期应还')).toBeInTheDocument();
    expect(screen.queryByText(/逾期应还/)).toBeNull();
  });

  test('paying what is due sends only the second factor: the server decides the amount', async () => {
    api.answer(REPAY, 200, repaymentResult);
    await renderRepay();
    await submitWith('731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [request] = api.requests(REPAY);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: `/v1/loans/${LOAN_ID}/repayments`, idempotencyKey: idempotencyKeyOf(request), body: {} }]);
    expect(request!.body).toEqual({ secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('paying what is due: the review shows the figure the server worked out for it, with its capitals, and the PIN sheet that figure', async () => {
    // Deliberately not the loan's nextDue (¥4,040.82): the sheet can only have it from the review.
    issueNonces(api, { ...review, amountFen: 404083, amountInWords: '人民币肆仟零肆拾元捌角叁分' });
    await renderRepay();
    await userEvent.click(screen.getByText('确认还款'));
    await waitFor(() => expect(text('review-amount')).toBe('¥4,040.83'));
    expect(text('review-amount-words')).toBe('人民币肆仟零肆拾元捌角叁分');
    expect(document.getElementById('review-estimate')).toBeNull();
    expect((authorizationsAsked(api)[0] as { body: object }).body).toEqual({});

    await confirmReview();
    expect(screen.getByText('¥4,040.83')).toBeInTheDocument();
  });

  test('another amount is sent as exact integer fen; choosing what is due again drops it', async () => {
    api.answer(REPAY, 422, refusal('AMOUNT_EXCEEDS_PAYABLE', '本次最多可还 ¥4,040.82，如需全部还清请选择提前结清'));
    await renderRepay();
    await typeInto('repay-amount', '0.29');
    await submitWith('123456');
    await screen.findByText('本次最多可还 ¥4,040.82，如需全部还清请选择提前结清');
    expect(api.requests(REPAY)[0]!.body).toEqual({ amountFen: 29, secondFactor: expect.any(Object) });

    await userEvent.click(screen.getByText('还本期应还'));
    await waitFor(() => expect(input('repay-amount').value).toBe(''));
    await submitWith('123456');
    await waitFor(() => expect(api.requests(REPAY)).toHaveLength(2));
    expect(api.requests(REPAY)[1]!.body).toEqual({ secondFactor: expect.any(Object) });
    expect(authorizationsAsked(api).map((asked) => (asked as { body: object }).body)).toEqual([{ amountFen: 29 }, {}]);
    // Two requests, two keys: each nonce under its own request's.
    const sentKeys = api.requests(REPAY).map(idempotencyKeyOf);
    expect(keysAsked(api)).toEqual(sentKeys);
    expect(sentKeys[1]).not.toBe(sentKeys[0]);
  });

  test.each([
    ['0', '金额须大于 0'],
    ['0.00', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
  ])('amount %j is refused before asking the server anything: %s', async (amount, message) => {
    await renderRepay();
    await typeInto('repay-amount', amount);
    await userEvent.click(screen.getByText('确认还款'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(REPAY)).toHaveLength(0);
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the repayment is in flight the keypad takes nothing', async () => {
    const reply = api.hold(REPAY);
    await renderRepay();
    await userEvent.dblClick(screen.getByText('确认还款'));
    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(api.requests(AUTHORIZE)).toHaveLength(1);

    await payWith('123456');
    await screen.findByText('正在付款…');
    for (const digit of '654321') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
    expect(api.requests(REPAY)).toHaveLength(1);

    reply(200, repaymentResult);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(REPAY)).toHaveLength(1);
  });

  test('on success the result page shows what the server applied and the balances it reports', async () => {
    api.answer(REPAY, 200, repaymentResult);
    await renderRepay();
    await submitWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageLoan/pages/result/index');
    expect(Object.fromEntries(query)).toEqual({
      kind: 'REPAY',
      loanId: LOAN_ID,
      reference: 'R8KW-3NMB-7CXE',
      amountFen: '404082',
      principalFen: '399993',
      interestFen: '4089',
      penaltyFen: '0',
      balanceFen: '876543',
      outstandingFen: '402045',
    });

    cleanup();
    await renderAt(url, <LoanResultPage />);
    expect(screen.getByText('还款成功')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥4,040.82');
    expect(screen.getByText('¥3,999.93')).toBeInTheDocument();
    expect(screen.getByText('¥40.89')).toBeInTheDocument();
    expect(screen.queryByText('其中罚息')).toBeNull();
    expect(screen.getByText('¥4,020.45')).toBeInTheDocument();
    expect(text('result-balance')).toBe('¥8,765.43');
    expect(text('reference')).toBe('R8KW-3NMB-7CXE');
    expect(document.getElementById('reference-copy')).toHaveTextContent('复制');
  });

  test("a refusal is shown in the server's words, the sheets closed and the amount kept", async () => {
    api.answer(REPAY, 422, refusal('INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值'));
    await renderRepay();
    await typeInto('repay-amount', '4040.82');
    await submitWith('123456');

    expect(await screen.findByText('电子账户余额不足，请先充值')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(input('repay-amount').value).toBe('4040.82'));
    expect(screen.getByText('确认还款')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('a loan already paid off offers no form', async () => {
    api.answer(LOAN, 200, paidOffLoan);
    await renderAt(PAGE, <RepayPage />);
    expect(await screen.findByText('该笔借款已结清')).toBeInTheDocument();
    expect(screen.queryByText('确认还款')).toBeNull();
  });

  test("a failed load shows the server's words", async () => {
    api.answer(LOAN, 503, refusal('UPSTREAM_UNAVAILABLE', '外部服务暂时不可用，请稍后再试'));
    await renderAt(PAGE, <RepayPage />);
    expect(await screen.findByText('外部服务暂时不可用，请稍后再试')).toBeInTheDocument();
    expect(screen.queryByText('确认还款')).toBeNull();
  });

  test('a loan the server does not know (404): said so, with the way to the loans', async () => {
    api.answer(LOAN, 404, refusal('LOAN_NOT_FOUND', '未找到该笔借款'));
    await renderAt(PAGE, <RepayPage />);
    expect(await screen.findByText('未找到这笔借款')).toBeInTheDocument();
    expect(screen.queryByText('确认还款')).toBeNull();
    expect(document.getElementById('missing-target-next')).not.toBeNull();
  });
});

describe('loan prepayment (提前还款)', () => {
  beforeEach(() => {
    // Drawn, nothing due yet: the server says a repayment without an amount would pay nothing.
    api.answer(LOAN, 200, drawnLoan);
    api.answer(PREPAY_QUOTE, 200, prepaymentQuote);
  });

  async function renderPrepay() {
    await renderAt(PAGE, <RepayPage />);
    await screen.findByText('查看新的还款计划');
  }

  async function quoteFor(principal: string, adjustment: 'REDUCE_PAYMENT' | 'SHORTEN_TERM') {
    await typeInto('prepay-principal', principal);
    await userEvent.click(document.getElementById(`prepay-adjustment-${adjustment}`)!);
    await userEvent.click(screen.getByText('查看新的还款计划'));
    await screen.findByText('确认提前还款');
  }

  test('with nothing due the page offers only a prepayment, and the choice is 减少月供 or 缩短期限', async () => {
    await renderPrepay();
    expect(screen.getByText('当前没有到期应还款项，到期日前还款按提前还款办理。')).toBeInTheDocument();
    expect(screen.queryByText('确认还款')).toBeNull();
    expect(screen.getByText('减少月供')).toBeInTheDocument();
    expect(screen.getByText('缩短期限')).toBeInTheDocument();
  });

  test('a loan with something due offers both, what is due first', async () => {
    api.answer(LOAN, 200, loan);
    await renderRepay();
    await userEvent.click(document.getElementById('repay-kind-prepay')!);
    expect(await screen.findByText('查看新的还款计划')).toBeInTheDocument();
    expect(screen.queryByText('确认还款')).toBeNull();
  });

  test("the quote asked for is the customer's principal in fen and choice; what is shown is the server's figures, schedule and annualized rate", async () => {
    await renderPrepay();
    await quoteFor('3000', 'SHORTEN_TERM');
    expect(api.requests(PREPAY_QUOTE).map((request) => request.body)).toEqual([{ principalFen: 300000, adjustment: 'SHORTEN_TERM' }]);
    expect(text('prepay-total')).toBe('¥3,010.20');
    expect(screen.getByText('利息（20 天，按实际天数/360计）')).toBeInTheDocument();
    expect(text('prepay-interest')).toBe('¥10.20');
    expect(screen.getByText('缩短期限后')).toBeInTheDocument();
    expect(text('prepay-annualized-rate')).toBe('6.11%');
    expect(text('prepay-next-payment')).toBe('¥4,040.82');
    expect(text('prepay-periods')).toBe('2 期');
    expect(text('prepay-maturity')).toBe('2026-05-02');
    expect(screen.getByText('提前还款后的还款计划')).toBeInTheDocument();
    expect(document.querySelectorAll('.installment-row')).toHaveLength(2);
    expect(screen.getByText('¥5,028.15')).toBeInTheDocument();
  });

  test('a new amount or choice takes the quote away: only a quoted prepayment can be confirmed', async () => {
    await renderPrepay();
    await quoteFor('3000', 'SHORTEN_TERM');
    await userEvent.click(document.getElementById('prepay-adjustment-REDUCE_PAYMENT')!);
    expect(screen.queryByText('确认提前还款')).toBeNull();
    expect(document.getElementById('prepay-total')).toBeNull();
    await userEvent.click(screen.getByText('查看新的还款计划'));
    await screen.findByText('确认提前还款');
    await typeInto('prepay-principal', '2000');
    expect(screen.queryByText('确认提前还款')).toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
  });

  test.each([
    ['', '缩短期限', '请输入金额'],
    ['0', '缩短期限', '金额须大于 0'],
    ['1.234', '缩短期限', '金额最多保留两位小数'],
    ['3000', null, '请选择减少月供或缩短期限'],
  ])('principal %j with choice %j is refused before asking the server anything: %s', async (principal, choice, message) => {
    await renderPrepay();
    if (principal) await typeInto('prepay-principal', principal);
    if (choice) await userEvent.click(screen.getByText(choice));
    await userEvent.click(screen.getByText('查看新的还款计划'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(PREPAY_QUOTE)).toHaveLength(0);
  });

  test("a quote the server refuses is shown in its words, and nothing can be confirmed", async () => {
    api.answer(PREPAY_QUOTE, 422, refusal('PREPAYMENT_COVERS_ALL', '提前还款本金须少于剩余本金 12,000 元；全部还清请使用「提前结清」'));
    await renderPrepay();
    await typeInto('prepay-principal', '12000');
    await userEvent.click(screen.getByText('减少月供'));
    await userEvent.click(screen.getByText('查看新的还款计划'));
    expect(await screen.findByText('提前还款本金须少于剩余本金 12,000 元；全部还清请使用「提前结清」')).toBeInTheDocument();
    expect(screen.queryByText('确认提前还款')).toBeNull();
  });

  test('confirming goes through the review (the server\'s figure) and the PIN, carrying the choice; the result shows the new rate and maturity', async () => {
    issueNonces(api, { ...review, amountFen: 301020, amountInWords: '人民币叁仟零壹拾元贰角' });
    api.answer(REPAY, 200, prepaymentResult);
    await renderPrepay();
    await quoteFor('3000', 'SHORTEN_TERM');
    await userEvent.click(screen.getByText('确认提前还款'));
    await waitFor(() => expect(text('review-amount')).toBe('¥3,010.20'));
    await payWith('731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const [request] = api.requests(REPAY);
    const body = { prepayment: { principalFen: 300000, adjustment: 'SHORTEN_TERM' } };
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: `/v1/loans/${LOAN_ID}/repayments`, idempotencyKey: idempotencyKeyOf(request), body }]);
    expect(request!.body).toEqual({ ...body, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });

    const { url, query } = redirectedTo();
    expect(Object.fromEntries(query)).toMatchObject({ kind: 'PREPAY', reference: 'P5TQ-9HZV-4GMA', amountFen: '301020', interestFen: '1020', maturityDate: '2026-05-02', annualizedRate: '6.11%' });
    cleanup();
    await renderAt(url, <LoanResultPage />);
    expect(screen.getByText('提前还款成功')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥3,010.20');
    expect(text('result-annualized-rate')).toBe('6.11%');
    expect(screen.getByText('2026-05-02')).toBeInTheDocument();
    expect(text('reference')).toBe('P5TQ-9HZV-4GMA');
  });

  test('a double tap on 查看新的还款计划 asks for one quote', async () => {
    const reply = api.hold(PREPAY_QUOTE);
    await renderPrepay();
    await typeInto('prepay-principal', '3000');
    await userEvent.click(screen.getByText('缩短期限'));
    await userEvent.dblClick(screen.getByText('查看新的还款计划'));
    expect(screen.getByText('计算中…')).toHaveProperty('disabled', true);
    reply(200, prepaymentQuote);
    await screen.findByText('确认提前还款');
    expect(api.requests(PREPAY_QUOTE)).toHaveLength(1);
  });
});
