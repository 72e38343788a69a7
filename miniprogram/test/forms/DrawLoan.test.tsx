import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import DrawLoanPage from '@/packageLoan/pages/draw/index';
import LoanContractPage from '@/packageLoan/pages/contract/index';
import LoanResultPage from '@/packageLoan/pages/result/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { businessLine, creditLine, drawdownQuote, drawnLoan, loanContract, productList } from '../support/loan-examples';
import { AUTHORIZE, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo,  secondFactorOf, submitAndPay, expectOnePaymentPerDoubleTap } from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const LINES = 'GET /v1/credit-lines';
const PRODUCTS = 'GET /v1/loan-products';
const QUOTE = 'POST /v1/loan-quotes';
const DRAW = 'POST /v1/loans';
const CONTRACT = 'GET /v1/loan-contract';
const PAGE = '/packageLoan/pages/draw/index';
/** The preview asks for a price 300 ms after typing pauses: more than the default 1 s to wait on
 *  a busy machine. */
const PRICED = { timeout: 3000 };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(LINES, 200, { items: [creditLine] });
  api.answer(PRODUCTS, 200, productList);
  api.answer(QUOTE, 200, drawdownQuote);
  api.answer(CONTRACT, 200, loanContract);
  issueNonces(api);
});

/** Ticks 我已阅读并同意 the contract. */
async function agree() {
  await userEvent.click(document.getElementById('draw-contract-consent')!);
}

async function renderDraw(url = PAGE) {
  await renderAt(url, <DrawLoanPage />);
  await screen.findByText('确认借款');
}


function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('loan drawdown', () => {
  test('shows the credit line as the server answered it; the most it offers is the line’s available figure', async () => {
    await renderDraw();
    expect(text('draw-available')).toBe('¥54,321.00');
    expect(screen.getByText('¥80,000.00')).toBeInTheDocument();
    expect(screen.getByText('2027-03-01')).toBeInTheDocument();
    // The product allows ¥200,000.00; the line has ¥54,321.00 left.
    expect(screen.getByText('本次可借 ¥1,000.00 至 ¥54,321.00。')).toBeInTheDocument();
    expect(screen.getByText(/冷静期内以任何方式还款均不收利息/)).toBeInTheDocument();
  });

  test('the schedule shown is the one the server priced for the terms chosen', async () => {
    const asked = () => api.requests(QUOTE).map((request) => request.body);
    await renderDraw();
    await typeInto('draw-amount', '12000');
    // Priced once typing pauses, at the product's default term and first method.
    await waitFor(() => expect(asked().at(-1)).toEqual({ productId: 'jinlin-e-loan', amountFen: 1200000, termMonths: 12, method: 'EQUAL_INSTALLMENT' }), PRICED);
    await userEvent.click(document.getElementById('draw-term-3')!);
    await waitFor(() => expect(asked().at(-1)).toEqual({ productId: 'jinlin-e-loan', amountFen: 1200000, termMonths: 3, method: 'EQUAL_INSTALLMENT' }), PRICED);
    await screen.findByText('¥122.57', {}, PRICED);

    expect(text('draw-annualized-rate')).toBe('6.13%');
    expect(screen.getByText('6.12%')).toBeInTheDocument();
    expect(text('draw-total-interest')).toBe('¥122.57');
    expect(screen.getByText('¥12,122.57')).toBeInTheDocument();
    // 每月还款 is the server's first installment, the last one is its own figure.
    expect(screen.getAllByText('¥4,040.82')).toHaveLength(3);
    expect(screen.getByText('¥4,040.93')).toBeInTheDocument();
    expect(screen.getByText('本金 ¥4,020.45 · 利息 ¥20.48')).toBeInTheDocument();
  });

  test("a quote the server refuses is shown in the server's words", async () => {
    api.answer(QUOTE, 503, refusal('UPSTREAM_UNAVAILABLE', '外部服务暂时不可用，请稍后再试'));
    await renderDraw();
    await typeInto('draw-amount', '12000');
    expect(await screen.findByText('外部服务暂时不可用，请稍后再试', {}, PRICED)).toBeInTheDocument();
  });

  test.each([
    ['', '请输入金额'],
    ['0', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
    // Below the product's minimum, and above what the line has left.
    ['999.99', '借款金额须在 ¥1,000.00 至 ¥54,321.00 之间'],
    ['54321.01', '借款金额须在 ¥1,000.00 至 ¥54,321.00 之间'],
  ])('amount %j is refused before asking the server anything: %s', async (amount, message) => {
    await renderDraw();
    await typeInto('draw-amount', amount);
    await userEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(DRAW)).toHaveLength(0);
  });

  test('asks a nonce for the terms chosen, as integer fen, then sends them with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(DRAW, 200, drawnLoan);
    await renderDraw();
    await typeInto('draw-amount', '54321');
    await userEvent.click(document.getElementById('draw-term-24')!);
    await userEvent.click(document.getElementById('draw-method-EQUAL_PRINCIPAL')!);
    await agree();
    await submitAndPay('确认借款', '731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    // The contract agreed to, by the version the server published.
    const terms = { productId: 'jinlin-e-loan', amountFen: 5432100, termMonths: 24, method: 'EQUAL_PRINCIPAL', contractConsent: { agreed: true, textVersion: 'loan-contract-2026-12' } };
    const [request] = api.requests(DRAW);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/loans', idempotencyKey: idempotencyKeyOf(request), body: terms }]);
    expect(request!.body).toEqual({ ...terms, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the drawdown is in flight the keypad takes nothing', async () => {
    await renderDraw();
    await typeInto('draw-amount', '12000');
    await agree();
    await expectOnePaymentPerDoubleTap(api, DRAW, '确认借款', drawnLoan);
  });

  test('on success the result page shows the loan the server made: principal, contract, rates, and the balance it reports', async () => {
    api.answer(DRAW, 200, drawnLoan);
    await renderDraw();
    await typeInto('draw-amount', '12000');
    await agree();
    await submitAndPay('确认借款');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageLoan/pages/result/index');
    expect(query.get('kind')).toBe('DRAW');
    expect(query.get('loanId')).toBe(drawnLoan.loanId);
    expect(query.get('amountFen')).toBe(String(drawnLoan.principalFen));
    expect(query.get('contractNo')).toBe(drawnLoan.contractNo);
    expect(query.get('reference')).toBe(drawnLoan.drawdownReference);

    // The page the form replaced itself with, opened at that URL.
    cleanup();
    api.answer('GET /v1/account', 200, account);
    await renderAt(url, <LoanResultPage />);
    expect(screen.getByText('借款成功，已发放至电子账户')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥12,000.00');
    expect(screen.getByText('JL-2026-000123')).toBeInTheDocument();
    expect(text('result-annualized-rate')).toBe('6.13%');
    expect(screen.getByText('6.12%')).toBeInTheDocument();
    // The drawdown journal's 参考号, with its copy action.
    expect(text('reference')).toBe('D7QM-4PX9-2HTR');
    expect(document.getElementById('reference-copy')).toHaveTextContent('复制');
    // A drawdown answers with the loan, not the account: the balance is the account's figure.
    await waitFor(() => expect(text('result-balance')).toBe('¥12,345.67'));
  });

  test("a refusal is shown in the server's words, the sheets closed and the amount kept", async () => {
    api.answer(DRAW, 422, refusal('CREDIT_LIMIT_EXCEEDED', '超过可用借款额度'));
    await renderDraw();
    await typeInto('draw-amount', '12000');
    await agree();
    await submitAndPay('确认借款');

    expect(await screen.findByText('超过可用借款额度')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(input('draw-amount').value).toBe('12000'));
    expect(screen.getByText('确认借款')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('the productId route parameter opens that credit line, and its own limits apply', async () => {
    api.answer(LINES, 200, { items: [creditLine, businessLine] });
    api.answer(DRAW, 200, { ...drawnLoan, productId: 'jinlin-biz-loan' });
    await renderDraw(`${PAGE}?productId=jinlin-biz-loan`);
    expect(text('draw-available')).toBe('¥276,543.00');
    expect(screen.getByText('本次可借 ¥5,000.00 至 ¥276,543.00。')).toBeInTheDocument();

    await typeInto('draw-amount', '4999');
    await userEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText('借款金额须在 ¥5,000.00 至 ¥276,543.00 之间')).toBeInTheDocument();

    await typeInto('draw-amount', '60000');
    await agree();
    await submitAndPay('确认借款');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(DRAW)[0]!.body).toMatchObject({ productId: 'jinlin-biz-loan', amountFen: 6000000 });
  });

  test('the contract is linked and must be agreed to: without the tick nothing is asked of the server', async () => {
    await renderDraw();
    expect(screen.getByText('我已阅读并同意《近邻银行个人借款合同》（合同版本 loan-contract-2026-12）')).toBeInTheDocument();
    await typeInto('draw-amount', '12000');
    await userEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText('请阅读并同意借款合同')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    await userEvent.click(document.getElementById('draw-contract-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageLoan/pages/contract/index' });
  });

  test('without a route parameter the first line is drawn on; another can be chosen', async () => {
    api.answer(LINES, 200, { items: [creditLine, businessLine] });
    await renderDraw();
    expect(text('draw-available')).toBe('¥54,321.00');
    await userEvent.click(document.getElementById('draw-line-jinlin-biz-loan')!);
    expect(text('draw-available')).toBe('¥276,543.00');
  });

  test('without a credit line it offers the application instead of a form', async () => {
    api.answer(LINES, 200, { items: [] });
    await renderAt(PAGE, <DrawLoanPage />);
    expect(await screen.findByText('暂无可用额度')).toBeInTheDocument();
    expect(screen.queryByText('确认借款')).toBeNull();
    await userEvent.click(screen.getByText('申请额度'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageLoan/pages/apply/index' });
  });

  test("a failed load shows the server's words", async () => {
    api.answer(LINES, 503, refusal('UNAVAILABLE', '系统维护中，请 10 分钟后再试'));
    await renderAt(PAGE, <DrawLoanPage />);
    expect(await screen.findByText('系统维护中，请 10 分钟后再试')).toBeInTheDocument();
    expect(screen.queryByText('确认借款')).toBeNull();
  });
});

describe('loan contract page', () => {
  test('shows the contract text and version exactly as the server published them', async () => {
    await renderAt('/packageLoan/pages/contract/index', <LoanContractPage />);
    expect(await screen.findByText('近邻银行个人借款合同')).toBeInTheDocument();
    expect(text('contract-version')).toBe('合同版本 loan-contract-2026-12');
    for (const clause of loanContract.clauses) expect(screen.getByText(clause)).toBeInTheDocument();
  });

  test("a failed load shows the server's words", async () => {
    api.answer(CONTRACT, 503, refusal('UNAVAILABLE', '系统维护中，请 10 分钟后再试'));
    await renderAt('/packageLoan/pages/contract/index', <LoanContractPage />);
    expect(await screen.findByText('系统维护中，请 10 分钟后再试')).toBeInTheDocument();
  });
});
