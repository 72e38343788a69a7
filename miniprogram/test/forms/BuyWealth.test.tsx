import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import WealthBuyPage from '@/packageWealth/pages/buy/index';
import WealthResultPage from '@/packageWealth/pages/result/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { AUTHORIZE, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo,  secondFactorOf, submitAndPay, expectOnePaymentPerDoubleTap } from '../support/payment';
import { formatDateTime } from '@/lib/time';
import { redirectedTo, renderAt } from '../support/router';
import { purchaseResult, purchaseTerms, unassessedTerms, unsuitableTerms } from '../support/wealth-examples';

const TERMS = 'GET /v1/wealth-products/jinlin-bond-a/purchase-terms';
const BUY = 'POST /v1/wealth-orders';
const PAGE = '/packageWealth/pages/buy/index?productId=jinlin-bond-a';
const ACKNOWLEDGE = '我已阅读并理解《近邻稳健债券A产品风险揭示书》，自愿承担投资风险';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(TERMS, 200, purchaseTerms);
  issueNonces(api);
});

async function renderBuy() {
  await renderAt(PAGE, <WealthBuyPage />);
  await screen.findByText('确认购买');
}

/** Amount and the disclosure ticked (or not), as a customer fills the form in. */
async function fillIn(amount: string, acknowledge: boolean) {
  await typeInto('buy-amount', amount);
  if (acknowledge) await userEvent.click(screen.getByText(ACKNOWLEDGE));
}

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('wealth purchase', () => {
  test('shows the purchase terms as the server answered them: balance, level, dates, the product’s own minimum and step', async () => {
    await renderBuy();
    expect(api.requests(TERMS)).toHaveLength(1);
    expect(screen.getByText('近邻稳健债券A')).toBeInTheDocument();
    expect(screen.getByText('债券基金')).toBeInTheDocument();
    expect(screen.getByText('R2 中低风险')).toBeInTheDocument();
    expect(text('buy-balance')).toBe('¥23,456.78');
    expect(screen.getByText('C3 平衡型')).toBeInTheDocument();
    expect(screen.getByText('2026-03-03 日终')).toBeInTheDocument();
    // Until when the server says it could be cancelled, bought now: 24 hours on, not the next close.
    expect(text('buy-cooling-off')).toBe(`24 小时，${formatDateTime('2026-03-03T09:28:00.000Z')} 前可撤销`);
    // The minimum and step in the server's words, the maximum its figure formatted.
    expect(screen.getByText('1,000.00 元起购，按 100.00 元递增，单笔最多 ¥500,000.00。')).toBeInTheDocument();
    expect(screen.getByText('近邻稳健债券A产品风险揭示书')).toBeInTheDocument();
    expect(screen.getByText('理财非存款，产品有风险，投资须谨慎。本产品不保证本金和收益。')).toBeInTheDocument();
    expect(screen.getByText(ACKNOWLEDGE)).toBeInTheDocument();
  });

  test('a product above the customer’s level shows the server’s reason and the products the server says suit, not a nudge to retake the test', async () => {
    api.answer(TERMS, 200, unsuitableTerms);
    await renderAt(PAGE, <WealthBuyPage />);
    expect(await screen.findByText('该产品风险等级 R4 高于您的风险承受能力 C3，暂不能购买')).toBeInTheDocument();
    expect(screen.queryByText('确认购买')).toBeNull();
    const suitable = document.getElementById('buy-suitable-products')!;
    expect(suitable.textContent).toContain('近邻现金宝');
    expect(suitable.textContent).toContain('七日年化');
    expect(suitable.textContent).toContain('1.73%');
    expect(screen.queryByText('去做风险评估')).toBeNull();
    await userEvent.click(screen.getByText('近邻现金宝'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageWealth/pages/product/index?productId=jinlin-cash' });
  });

  test('without an assessment the questionnaire comes first', async () => {
    api.answer(TERMS, 200, unassessedTerms);
    await renderAt(PAGE, <WealthBuyPage />);
    expect(await screen.findByText('购买理财产品前，请先完成风险承受能力评估')).toBeInTheDocument();
    expect(document.getElementById('buy-suitable-products')).toBeNull();
    await userEvent.click(screen.getByText('去做风险评估'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageWealth/pages/questionnaire/index' });
  });

  test.each([
    ['', true, '请输入金额'],
    ['0', true, '金额须大于 0'],
    ['1.234', true, '金额最多保留两位小数'],
    ['1.2.3', true, '请输入正确的金额'],
    ['12300', false, '请阅读并确认产品风险揭示书'],
  ])('amount %j, disclosure acknowledged %j is refused before asking the server anything: %s', async (amount, acknowledge, message) => {
    await renderBuy();
    await fillIn(amount, acknowledge);
    await userEvent.click(screen.getByText('确认购买'));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(BUY)).toHaveLength(0);
  });

  test('a second tap on the acknowledgement takes it back', async () => {
    await renderBuy();
    await fillIn('12300', true);
    await userEvent.click(screen.getByText(ACKNOWLEDGE));
    await userEvent.click(screen.getByText('确认购买'));
    expect(await screen.findByText('请阅读并确认产品风险揭示书')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
  });

  test('asks a nonce for the amount as integer fen and the acknowledged disclosure’s version, then sends them with the nonce and the encrypted PIN under an Idempotency-Key', async () => {
    api.answer(BUY, 200, purchaseResult);
    await renderBuy();
    await fillIn('12300', true);
    await submitAndPay('确认购买', '602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const purchase = { productId: 'jinlin-bond-a', amountFen: 1230000, riskDisclosure: { acknowledged: true, version: 'bond-a-2026-02' } };
    const [request] = api.requests(BUY);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/wealth-orders', idempotencyKey: idempotencyKeyOf(request), body: purchase }]);
    expect(request!.body).toEqual({ ...purchase, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602819', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test.each([
    ['999.99', 'AMOUNT_BELOW_MINIMUM', '起购金额为 1,000.00 元'],
    ['1050', 'AMOUNT_NOT_ON_STEP', '购买金额须为 1,000.00 元起、按 100.00 元递增'],
    ['500000.01', 'AMOUNT_ABOVE_MAXIMUM', '单笔最多购买 500,000.00 元'],
  ])("the product's amount rules are the server's: %j is answered %s in the server's words", async (amount, code, message) => {
    api.answer(BUY, 422, refusal(code, message));
    await renderBuy();
    await fillIn(amount, true);
    await submitAndPay('确认购买');
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the purchase is in flight the keypad takes nothing', async () => {
    await renderBuy();
    await fillIn('12300', true);
    await expectOnePaymentPerDoubleTap(api, BUY, '确认购买', purchaseResult);
  });

  test('on success the result page shows the order and the balance the server answered', async () => {
    api.answer(BUY, 200, purchaseResult);
    await renderBuy();
    await fillIn('12300', true);
    await submitAndPay('确认购买');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageWealth/pages/result/index');
    expect(Object.fromEntries(query)).toEqual({
      kind: 'BUY',
      reference: 'B7QX-4MKD-9TRA',
      productName: '近邻稳健债券A',
      balanceFen: '1105678',
      confirmDate: '2026-03-03',
      orderId: purchaseResult.order.orderId,
      amountFen: '1230000',
      cancellableUntil: '2026-03-03T09:30:00.000Z',
    });

    cleanup();
    await renderAt(url, <WealthResultPage />);
    expect(screen.getByText('购买成功，份额确认中')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥12,300.00');
    expect(screen.getByText('近邻稳健债券A')).toBeInTheDocument();
    expect(screen.getByText('2026-03-03 日终')).toBeInTheDocument();
    expect(text('result-cooling-off')).toBe(`${formatDateTime('2026-03-03T09:30:00.000Z')} 前可撤销`);
    expect(text('result-balance')).toBe('¥11,056.78');
    expect(text('reference')).toBe('B7QX-4MKD-9TRA');
  });

  test("a refusal is shown in the server's words, the sheets closed and the amount kept", async () => {
    api.answer(BUY, 422, refusal('INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值'));
    await renderBuy();
    await fillIn('12300', true);
    await submitAndPay('确认购买');

    expect(await screen.findByText('电子账户余额不足，请先充值')).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    await waitFor(() => expect(input('buy-amount').value).toBe('12300'));
    expect(screen.getByText('确认购买')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test("a failed load shows the server's words", async () => {
    api.answer(TERMS, 404, refusal('WEALTH_PRODUCT_NOT_FOUND', '未找到该理财产品'));
    await renderAt(PAGE, <WealthBuyPage />);
    expect(await screen.findByText('未找到该理财产品')).toBeInTheDocument();
    expect(screen.queryByText('确认购买')).toBeNull();
  });
});
