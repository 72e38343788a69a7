import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import BillLookupPage from '@/packageBills/pages/lookup/index';
import BillReceiptPage from '@/packageBills/pages/receipt/index';
import { type FakeApi, fakeApi } from '../support/api';
import {
  catalog,
  PAYEE_ID,
  payeeBill,
  PAYMENT_ID,
  paymentResult,
  phoneTopUp,
  powerBill,
  propertyBill,
} from '../support/bill-examples';
import { refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { AUTHORIZE, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo,  review, secondFactorOf, submitAndPay, expectOnePaymentPerDoubleTap } from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const BILLERS = 'GET /v1/billers';
const LOOKUP = 'POST /v1/bill-lookups';
const PAY = 'POST /v1/bill-payments';
const PAYEE_BILL = `GET /v1/bill-payees/${PAYEE_ID}/bill` as const;
const pageFor = (billerId: string) => `/packageBills/pages/lookup/index?billerId=${billerId}`;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(BILLERS, 200, catalog);
  api.answer(LOOKUP, 200, powerBill);
  issueNonces(api, { ...review, amountFen: 40000, amountInWords: '人民币肆佰元整' });
});

async function renderLookup(billerId = 'nj-power') {
  await renderAt(pageFor(billerId), <BillLookupPage />);
  await screen.findByText('查询账单');
}

/** Looks the account up and waits for the bill the server answered. */
async function lookUp(accountNumber: string) {
  await typeInto('bill-account', accountNumber);
  await userEvent.click(screen.getByText('查询账单'));
  await screen.findByText('确认缴费');
}

/** 确认缴费, then the review and the PIN. */
async function pay(pin: string) {
  await submitAndPay('确认缴费', pin);
}

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('bill payment: look-up', () => {
  test('looks the account up with the biller the route names and shows the bill as the server answered it', async () => {
    await renderLookup();
    expect(screen.getByText('国网南京供电公司')).toBeInTheDocument();
    expect(screen.getByText('10 位数字，见电费通知单')).toBeInTheDocument();
    await lookUp('3201234578');

    expect(api.requests(LOOKUP)[0]!.body).toEqual({ billerId: 'nj-power', accountNumber: '3201234578' });
    expect(text('bill-holder')).toBe('*小明');
    expect(screen.getByText('32******78')).toBeInTheDocument();
    expect(text('bill-period')).toBe('2026-02');
    expect(screen.getByText('2026-03-15')).toBeInTheDocument();
    expect(text('bill-amount-due')).toBe('¥356.78');
  });

  test("arrears are flagged with the server's amounts, before the amount due", async () => {
    await renderLookup();
    await lookUp('3201234578');
    const flag = document.getElementById('bill-arrears')!;
    expect(flag.textContent).toBe('已欠费自 2026-02-15 起逾期未缴 ¥160.00，滞纳金 ¥12.34，均已计入应缴金额');
    const due = document.getElementById('bill-amount-due')!;
    expect(flag.compareDocumentPosition(due) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('a bill not in arrears has no flag', async () => {
    api.answer(LOOKUP, 200, { ...powerBill, bill: { ...powerBill.bill!, arrears: null } });
    await renderLookup();
    await lookUp('3201234578');
    expect(text('bill-amount-due')).toBe('¥356.78');
    expect(document.getElementById('bill-arrears')).toBeNull();
    expect(screen.queryByText('已欠费')).toBeNull();
  });

  test.each([
    ['nj-power', 'numeric', 10],
    ['js-mobile', 'numeric', 11],
    ['nj-property', 'text', 30],
  ])("%s's account number takes the keyboard and length the server gives: %s, %i", async (billerId, inputMode, maxLength) => {
    await renderLookup(billerId);
    await waitFor(() => expect(input('bill-account')).toHaveAttribute('inputmode', inputMode));
    expect(input('bill-account').maxLength).toBe(maxLength);
  });

  test('a billed biller with nothing due says so', async () => {
    api.answer(LOOKUP, 200, { ...powerBill, bill: null, amount: { ...powerBill.amount!, minFen: 1000, presetsFen: [] } });
    await renderLookup();
    await lookUp('3201234578');
    expect(screen.getByText('当前没有待缴账单')).toBeInTheDocument();
    expect(document.getElementById('bill-amount-due')).toBeNull();
  });

  test('a numeric account number keeps digits only', async () => {
    await renderLookup();
    await typeInto('bill-account', '3201 2345-78');
    expect(input('bill-account').value).toBe('3201234578');
  });

  test('an empty account number is refused before looking up', async () => {
    await renderLookup();
    await userEvent.click(screen.getByText('查询账单'));
    expect(await screen.findByText('请输入户号')).toBeInTheDocument();
    expect(api.requests(LOOKUP)).toHaveLength(0);
  });

  test('an account number with characters the contract refuses is refused before looking up', async () => {
    await renderLookup('nj-property');
    await typeInto('bill-account', 'A3#1202');
    await userEvent.click(screen.getByText('查询账单'));
    expect(await screen.findByText('房号只能包含字母、数字、空格和“-”')).toBeInTheDocument();
    expect(api.requests(LOOKUP)).toHaveLength(0);
  });

  test.each([
    [400, 'ACCOUNT_NUMBER_INVALID', '户号应为 10 位数字'],
    [422, 'BILL_ACCOUNT_NOT_FOUND', '缴费单位未查询到该户号，请核对后重试'],
  ])("a %s %s look-up is answered in the server's words, and nothing is offered to pay", async (status, code, message) => {
    api.answer(LOOKUP, status, refusal(code, message));
    await renderLookup();
    await typeInto('bill-account', '320123457');
    await userEvent.click(screen.getByText('查询账单'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByText('确认缴费')).toBeNull();
  });

  test('while the look-up is in flight its button is disabled, and a double tap asks once', async () => {
    const reply = api.hold(LOOKUP);
    await renderLookup();
    await typeInto('bill-account', '3201234578');
    await userEvent.dblClick(screen.getByText('查询账单'));
    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(api.requests(LOOKUP)).toHaveLength(1);

    reply(200, powerBill);
    expect(await screen.findByText('确认缴费')).toBeInTheDocument();
    expect(api.requests(LOOKUP)).toHaveLength(1);
  });

  test('editing the account number after the look-up takes the bill away: only the account looked up is paid', async () => {
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-account', '3201234579');
    expect(screen.queryByText('确认缴费')).toBeNull();
    expect(document.getElementById('bill-amount-due')).toBeNull();
  });

  test('an unknown biller is said so, with the way to the billers', async () => {
    await renderAt(pageFor('xx-unknown'), <BillLookupPage />);
    expect(await screen.findByText('未找到该缴费单位')).toBeInTheDocument();
    expect(screen.queryByText('查询账单')).toBeNull();
    await userEvent.click(document.getElementById('missing-target-next')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageBills/pages/index/index' });
  });

  test('a saved payee the server does not know (404) is said so, with the way to the saved payees', async () => {
    api.answer(PAYEE_BILL, 404, refusal('PAYEE_NOT_FOUND', '未找到该常用缴费户'));
    await renderAt(`/packageBills/pages/lookup/index?payeeId=${PAYEE_ID}`, <BillLookupPage />);
    expect(await screen.findByText('未找到该常用缴费户')).toBeInTheDocument();
    await userEvent.click(document.getElementById('missing-target-next')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageBills/pages/payees/index' });
  });

  test("a saved payee's bill the server cannot look up is answered in the server's words", async () => {
    api.answer(PAYEE_BILL, 422, refusal('BILL_ACCOUNT_NOT_FOUND', '缴费单位未查询到该户号，请核对后重试'));
    await renderAt(`/packageBills/pages/lookup/index?payeeId=${PAYEE_ID}`, <BillLookupPage />);
    expect(await screen.findByText('缴费单位未查询到该户号，请核对后重试')).toBeInTheDocument();
    expect(screen.queryByText('确认缴费')).toBeNull();
  });

  test('opened with neither a biller nor a payee (a link cut short) it says so and offers the billers', async () => {
    await renderAt('/packageBills/pages/lookup/index', <BillLookupPage />);
    expect(await screen.findByText('未找到该缴费单位')).toBeInTheDocument();
    expect(document.getElementById('missing-target-home')).not.toBeNull();
    expect(api.sent).toHaveLength(0);
  });
});

describe('bill payment: the amount rule', () => {
  test('a bill-or-more biller: the bill prefilled, the range the server allows shown', async () => {
    await renderLookup();
    await lookUp('3201234578');
    await waitFor(() => expect(input('bill-amount').value).toBe('356.78'));
    expect(screen.getByText('可缴 ¥356.78 – ¥5,000.00，超出账单的部分作为预存')).toBeInTheDocument();
    // A single preset (the bill) is the prefilled amount, not a chip.
    expect(document.getElementById('bill-preset-35678')).toBeNull();
  });

  test('an exact-bill biller: the bill’s amount is the payment, nothing to type', async () => {
    api.answer(LOOKUP, 200, propertyBill);
    api.answer(PAY, 200, { ...paymentResult, amountFen: 123456, prepaymentFen: 0 });
    await renderLookup('nj-property');
    await lookUp('A3-1202');
    expect(text('bill-amount-fixed')).toBe('¥1,234.56');
    expect(document.getElementById('bill-amount')).toBeNull();

    await pay('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(PAY)[0]!.body).toEqual({
      billerId: 'nj-property',
      accountNumber: 'A3-1202',
      amountFen: 123456,
      billPeriod: '2026-Q1',
      secondFactor: expect.any(Object),
    });
  });

  test('a prepaid biller (top-up): no bill and no amount due, its presets as chips, the first prefilled, a tap picks another; no bill period is sent', async () => {
    api.answer(LOOKUP, 200, phoneTopUp);
    api.answer(PAY, 200, { ...paymentResult, amountFen: 10000, prepaymentFen: 0, period: null, amountDueFen: null });
    await renderLookup('js-mobile');
    await lookUp('13800000000');
    expect(text('bill-holder')).toBe('*小明');
    expect(document.getElementById('bill-amount-due')).toBeNull();
    expect(screen.queryByText('应缴金额')).toBeNull();
    expect(screen.queryByText('当前没有待缴账单')).toBeNull();
    expect(screen.getByText('充值金额')).toBeInTheDocument();
    expect(screen.getByText('¥30.00')).toBeInTheDocument();
    expect(screen.getByText('¥50.00')).toBeInTheDocument();
    await waitFor(() => expect(input('bill-amount').value).toBe('30.00'));
    expect(screen.getByText('可缴 ¥10.00 – ¥500.00')).toBeInTheDocument();

    await userEvent.click(screen.getByText('¥100.00'));
    await waitFor(() => expect(input('bill-amount').value).toBe('100.00'));
    await pay('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(PAY)[0]!.body).toEqual({ billerId: 'js-mobile', accountNumber: '13800000000', amountFen: 10000, secondFactor: expect.any(Object) });
  });

  test.each([
    ['', '请输入金额'],
    ['0', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
  ])('amount %j is refused before asking the server anything: %s', async (amount, message) => {
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-amount', amount);
    await userEvent.click(screen.getByText('确认缴费'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(PAY)).toHaveLength(0);
  });

  test.each([
    ['356.77', 'AMOUNT_BELOW_BILL', '缴费金额不能少于账单金额 ¥356.78'],
    ['5000.01', 'AMOUNT_OUT_OF_RANGE', '缴费金额须在 ¥356.78 至 ¥5000.00 之间'],
  ])("an amount outside the rule, %j, is answered %s in the server's words", async (amount, code, message) => {
    api.answer(PAY, 422, refusal(code, message));
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-amount', amount);
    await pay('123456');
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});

describe('bill payment: paying', () => {
  test('asks a nonce for the biller, the account looked up, the bill period shown and the amount in fen, then sends them with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(PAY, 200, paymentResult);
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-amount', '400');
    await pay('602791');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const payment = { billerId: 'nj-power', accountNumber: '3201234578', amountFen: 40000, billPeriod: '2026-02' };
    const [request] = api.requests(PAY);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/bill-payments', idempotencyKey: idempotencyKeyOf(request), body: payment }]);
    expect(request!.body).toEqual({ ...payment, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602791', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the payment is in flight the keypad takes nothing', async () => {
    await renderLookup();
    await lookUp('3201234578');
    await expectOnePaymentPerDoubleTap(api, PAY, '确认缴费', paymentResult);
  });

  test('on success the receipt shows the payment the server keeps and the balance it answered', async () => {
    api.answer(PAY, 200, paymentResult);
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-amount', '400');
    await pay('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageBills/pages/receipt/index');
    expect(Object.fromEntries(query)).toEqual({ paymentId: PAYMENT_ID, balanceFen: '1194567' });

    cleanup();
    const { balanceFen: _balance, ...kept } = paymentResult;
    api.answer(`GET /v1/bill-payments/${PAYMENT_ID}`, 200, kept);
    await renderAt(url, <BillReceiptPage />);
    expect(await screen.findByText('缴费成功')).toBeInTheDocument();
    expect(text('receipt-amount')).toBe('¥400.00');
    expect(screen.getByText('其中预存')).toBeInTheDocument();
    expect(screen.getByText('¥43.22')).toBeInTheDocument();
    // One reference to read out: the hold journal's 参考号 (with copy), not the payment key.
    expect(text('reference')).toBe('B3HX-7QTM-5YPC');
    expect(document.getElementById('reference-copy')).toHaveTextContent('复制');
    expect(screen.queryByText('交易流水号')).toBeNull();
    expect(screen.queryByText(PAYMENT_ID)).toBeNull();
    expect(text('result-balance')).toBe('¥11,945.67');
  });

  test("BILL_ALREADY_PAID is shown in the server's words, the sheets closed and the amount kept", async () => {
    api.answer(PAY, 422, refusal('BILL_ALREADY_PAID', '该账单已缴清，请勿重复缴费'));
    await renderLookup();
    await lookUp('3201234578');
    await typeInto('bill-amount', '400');
    await pay('123456');

    expect(await screen.findByText('该账单已缴清，请勿重复缴费')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(input('bill-amount').value).toBe('400'));
    expect(screen.getByText('确认缴费')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('a bill the server says is paid already offers its receipt, not a payment', async () => {
    api.answer(LOOKUP, 200, { ...powerBill, alreadyPaid: { paymentId: PAYMENT_ID } });
    await renderLookup();
    await typeInto('bill-account', '3201234578');
    await userEvent.click(screen.getByText('查询账单'));
    expect(await screen.findByText('本期账单已缴清，无需重复缴费')).toBeInTheDocument();
    expect(screen.queryByText('确认缴费')).toBeNull();
    await userEvent.click(screen.getByText(/查看回单/));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packageBills/pages/receipt/index?paymentId=${PAYMENT_ID}` });
  });

  test('a saved payee (payeeId route parameter): its bill at once, paid by payee id alone', async () => {
    api.answer(PAYEE_BILL, 200, payeeBill);
    api.answer(PAY, 200, paymentResult);
    await renderAt(`/packageBills/pages/lookup/index?payeeId=${PAYEE_ID}`, <BillLookupPage />);
    await screen.findByText('确认缴费');
    expect(text('bill-amount-due')).toBe('¥356.78');
    expect(screen.queryByText('查询账单')).toBeNull();
    expect(screen.queryByText('保存为常用缴费户')).toBeNull();

    await pay('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests(BILLERS)).toHaveLength(0);
    expect(api.requests(LOOKUP)).toHaveLength(0);
    // The contract takes either a payee, or a biller with an account number, never both.
    expect(authorizationsAsked(api)).toEqual([
      { method: 'POST', path: '/v1/bill-payments', idempotencyKey: idempotencyKeyOf(api.requests(PAY)[0]), body: { payeeId: PAYEE_ID, amountFen: 35678, billPeriod: '2026-02' } },
    ]);
    expect(api.requests(PAY)[0]!.body).toEqual({ payeeId: PAYEE_ID, amountFen: 35678, billPeriod: '2026-02', secondFactor: expect.any(Object) });
  });
});
