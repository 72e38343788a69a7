// 社区生活: a community merchant's order as its partner's link opens it (订单支付), paid through the
// app's review sheet and PIN with the second factor alone (the amount is the server's), its other
// states without a way to pay, a refusal in the server's words; and 社区订单, the orders paid,
// paged with the server's cursor.
import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { takeLanding } from '@/lib/share-landing';
import type { MerchantOrderPaidView, MerchantOrderView, PaidOrder } from '@/packageCommunity/api';
import CommunityOrderPage from '@/packageCommunity/pages/order/index';
import CommunityOrdersPage from '@/packageCommunity/pages/orders/index';
import CommunityResultPage from '@/packageCommunity/pages/result/index';
import { formatDateTime } from '@/lib/time';
import { type FakeApi, fakeApi } from '../support/api';
import { ORDER_ID, unpaidOrder as unpaid } from '../support/community-examples';
import { refusal, signIn } from '../support/examples';
import { AUTHORIZE, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo, payWith, review, secondFactorOf } from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const GET_ORDER = `GET /v1/merchant-orders/${ORDER_ID}` as const;
const PAY = `POST /v1/merchant-orders/${ORDER_ID}/payment` as const;
const LIST = 'GET /v1/merchant-orders' as const;
const PAGE = `/packageCommunity/pages/order/index?orderId=${ORDER_ID}`;

const paid: MerchantOrderView = { ...unpaid, state: 'PAID', stateLabel: '已支付', paidAt: '2026-12-07T10:05:00.000Z' };

/** The payment's answer: the balance is the server's, not anything the page worked out. */
const paidAnswer: MerchantOrderPaidView = { order: paid, journalId: 'jnl_order_01', reference: 'M7QK-2PXD-9HTR', balanceFen: 7654321 };

/** The review as the server makes it for this order: its amount, and the merchant as the payee. */
const orderReview = { ...review, amountFen: 123456, amountInWords: '人民币壹仟贰佰叁拾肆元伍角陆分', payeeMasked: '邻里鲜·幸福里店' };

const text = (id: string) => document.getElementById(id)?.textContent;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  issueNonces(api, orderReview);
});

describe('订单支付', () => {
  test('shows the merchant, its category and community, the description and the amount from the server’s answer', async () => {
    api.answer(GET_ORDER, 200, unpaid);
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(await screen.findByText('邻里鲜·幸福里店')).toBeInTheDocument();
    expect(text('order-merchant-meta')).toBe('生鲜超市 · 幸福里社区');
    expect(text('order-description')).toBe('生鲜 3 件');
    expect(text('order-amount')).toBe('¥1,234.56');
    expect(text('order-expires')).toBe(formatDateTime(unpaid.expiresAt));
    expect(screen.getByText('订单有效期至')).toBeInTheDocument();
    expect(screen.getByText('确认付款')).toBeInTheDocument();
  });

  test('a skeleton while the order is on its way', async () => {
    const reply = api.hold(GET_ORDER);
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(document.getElementById('skeleton')).not.toBeNull();
    reply(200, unpaid);
    await screen.findByText('确认付款');
    expect(document.getElementById('skeleton')).toBeNull();
  });

  test('确认付款 reviews the server’s figures, asks the nonce for the payment path with an empty body under the Idempotency-Key the payment carries, sends only the second factor, then the result', async () => {
    api.answer(GET_ORDER, 200, unpaid);
    api.answer(PAY, 200, paidAnswer);
    await renderAt(PAGE, <CommunityOrderPage />);
    await userEvent.click(await screen.findByText('确认付款'));
    await waitFor(() => expect(text('review-amount')).toBe('¥1,234.56'));
    expect(text('review-payee')).toBe('邻里鲜·幸福里店');
    await payWith('602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.sent.map((request) => request.route)).toEqual([GET_ORDER, AUTHORIZE, PAY]);
    const [request] = api.requests(PAY);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: `/v1/merchant-orders/${ORDER_ID}/payment`, idempotencyKey: idempotencyKeyOf(request), body: {} }]);
    expect(request!.body).toEqual({ secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602819', challenge: 'challenge-000000000001' });

    const { path, query } = redirectedTo();
    expect(path).toBe('/packageCommunity/pages/result/index');
    expect(Object.fromEntries(query)).toMatchObject({ orderId: ORDER_ID, amountFen: '123456', reference: 'M7QK-2PXD-9HTR', balanceFen: '7654321' });
  });

  test('a refusal is shown in the server’s words, and nothing is paid', async () => {
    api.answer(GET_ORDER, 200, unpaid);
    api.answer(PAY, 422, refusal('INSUFFICIENT_FUNDS', '账户余额不足，请先充值'));
    await renderAt(PAGE, <CommunityOrderPage />);
    await userEvent.click(await screen.findByText('确认付款'));
    await payWith('602819');
    expect(await screen.findByText('账户余额不足，请先充值')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('a paid order says so with its time, and offers no payment', async () => {
    api.answer(GET_ORDER, 200, paid);
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(await screen.findByText('已支付')).toBeInTheDocument();
    expect(text('order-paid-at')).toBe(formatDateTime(paid.paidAt!));
    expect(screen.queryByText('确认付款')).toBeNull();
    expect(document.getElementById('order-pay')).toBeNull();
    expect(screen.getByText('查看社区订单')).toBeInTheDocument();
  });

  test('an expired order says to ask the merchant for a new one, and offers no payment', async () => {
    api.answer(GET_ORDER, 200, { ...unpaid, state: 'EXPIRED', stateLabel: '已过期' });
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(await screen.findByText('已过期：请联系商户重新下单')).toBeInTheDocument();
    expect(screen.queryByText('确认付款')).toBeNull();
    expect(document.getElementById('order-expires')).toBeNull();
  });

  test('a closed order says so, and offers no payment', async () => {
    api.answer(GET_ORDER, 200, { ...unpaid, state: 'CLOSED', stateLabel: '已关闭' });
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(await screen.findByText('已关闭')).toBeInTheDocument();
    expect(screen.queryByText('确认付款')).toBeNull();
  });

  test('an order the server does not know: 订单不存在, with a way on', async () => {
    api.answer(GET_ORDER, 404, refusal('ORDER_NOT_FOUND', '订单不存在'));
    await renderAt(PAGE, <CommunityOrderPage />);
    expect(await screen.findByText('订单不存在')).toBeInTheDocument();
    expect(screen.getByText('返回首页')).toBeInTheDocument();
  });

  test('signed out: the order is remembered and the customer goes to sign in first, then lands on it again', async () => {
    localStorage.clear();
    await renderAt(PAGE, <CommunityOrderPage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(api.requests(GET_ORDER)).toHaveLength(0);
    expect(takeLanding()).toEqual({ path: '/packageCommunity/pages/order/index', query: { orderId: ORDER_ID } });
  });
});

describe('支付结果', () => {
  test('支付成功 with the server’s amount, the merchant and the 参考号; 查看订单 opens the order', async () => {
    await renderAt(
      `/packageCommunity/pages/result/index?orderId=${ORDER_ID}&amountFen=123456&merchant=${encodeURIComponent('邻里鲜·幸福里店')}&reference=M7QK-2PXD-9HTR&balanceFen=7654321`,
      <CommunityResultPage />,
    );
    expect(screen.getByText('支付成功')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥1,234.56');
    expect(text('result-merchant')).toBe('邻里鲜·幸福里店');
    expect(screen.getAllByText('M7QK-2PXD-9HTR').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByText('查看订单'));
    expect(redirectedTo().url).toBe(`/packageCommunity/pages/order/index?orderId=${ORDER_ID}`);
  });
});

describe('社区订单', () => {
  const row = (n: number): PaidOrder => ({
    orderId: `O2026120700000000${String(n).padStart(3, '0')}`,
    merchantShortName: n === 1 ? '邻里鲜·幸福里店' : '幸福里物业',
    description: n === 1 ? '生鲜 3 件' : '12 月物业费',
    amountFen: 100000 + n,
    paidAt: '2026-12-07T10:05:00.000Z',
    refundedFen: n === 2 ? 2000 : 0,
  });

  test('rows with merchant, description, amount and paid time; 加载更多 asks the next page with the cursor; a row opens its order', async () => {
    api.answerEach(LIST, (request) =>
      request.query.get('cursor') === 'page-2' ? { status: 200, body: { orders: [row(2)], nextCursor: null } } : { status: 200, body: { orders: [row(1)], nextCursor: 'page-2' } },
    );
    await renderAt('/packageCommunity/pages/orders/index', <CommunityOrdersPage />);
    expect(await screen.findByText('邻里鲜·幸福里店')).toBeInTheDocument();
    expect(screen.getByText('生鲜 3 件')).toBeInTheDocument();
    expect(screen.getByText('-¥1,000.01')).toBeInTheDocument();
    expect(screen.getAllByText(formatDateTime(row(1).paidAt)).length).toBe(1);
    expect(api.requests(LIST)[0]!.query.has('cursor')).toBe(false);

    await userEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('幸福里物业')).toBeInTheDocument();
    // What the server says came back is shown with the row; nothing for a row with no refund.
    expect(screen.getByText('已退款 ¥20.00')).toBeInTheDocument();
    expect(screen.getAllByText(/已退款|已全额退款/).length).toBe(1);
    expect(api.requests(LIST).map((request) => request.query.get('cursor'))).toEqual([null, 'page-2']);
    expect(screen.queryByText('加载更多')).toBeNull();

    await userEvent.click(screen.getByText('幸福里物业'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packageCommunity/pages/order/index?orderId=${row(2).orderId}` });
  });

  test('none paid yet: 暂无社区订单', async () => {
    api.answer(LIST, 200, { orders: [], nextCursor: null });
    await renderAt('/packageCommunity/pages/orders/index', <CommunityOrdersPage />);
    expect(await screen.findByText('暂无社区订单')).toBeInTheDocument();
  });
});
