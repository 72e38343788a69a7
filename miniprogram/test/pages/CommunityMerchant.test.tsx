// 社区生活: the directory of a community's merchants (社区商户) — the remembered or first community,
// category tabs, paged with the server's cursor — and a merchant's page (付款给商户), which its
// static code (收款码) opens: the server's limit figures, the amount the customer entered paid
// through the review sheet and PIN, a refusal in the server's words, the missing merchant, and a
// signed-out scan that reopens after sign-in.
import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { takeLanding } from '@/lib/share-landing';
import type { MerchantLine, MerchantOrderPaidView } from '@/packageCommunity/api';
import CommunityMerchantPage from '@/packageCommunity/pages/merchant/index';
import CommunityMerchantsPage from '@/packageCommunity/pages/merchants/index';
import { type FakeApi, fakeApi } from '../support/api';
import { codeMerchant, communities, MERCHANT_ID, unpaidOrder } from '../support/community-examples';
import { refusal, signIn } from '../support/examples';
import { typeInto } from '../support/form';
import { AUTHORIZE, authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, nonceNo, payWith, review, secondFactorOf } from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const COMMUNITIES = 'GET /v1/community/communities' as const;
const MERCHANTS = 'GET /v1/community/merchants' as const;
const GET_MERCHANT = `GET /v1/community/merchants/${MERCHANT_ID}` as const;
const PAY = `POST /v1/community/merchants/${MERCHANT_ID}/payments` as const;
const DIRECTORY = '/packageCommunity/pages/merchants/index';
const PAGE = `/packageCommunity/pages/merchant/index?merchantId=${MERCHANT_ID}`;

const text = (id: string) => document.getElementById(id)?.textContent;
const button = (id: string) => document.getElementById(id) as HTMLButtonElement | null;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

describe('社区商户', () => {
  const line = (n: number, category: MerchantLine['category'] = 'GROCERY', communityName = '幸福里社区'): MerchantLine => ({
    merchantId: `MTEST${String(n).padStart(11, '0')}`,
    shortName: `商户${n}号`,
    category,
    communityName,
  });

  test('lists the first community’s merchants with their category and community, then a row opens the merchant page', async () => {
    api.answer(COMMUNITIES, 200, { communities });
    api.answer(MERCHANTS, 200, { merchants: [line(1), line(2, 'PROPERTY')], nextCursor: null });
    await renderAt(DIRECTORY, <CommunityMerchantsPage />);
    expect(await screen.findByText('商户1号')).toBeInTheDocument();
    expect(text('community-name')).toBe('幸福里社区');
    const [asked] = api.requests(MERCHANTS);
    expect(Object.fromEntries(asked!.query)).toEqual({ cityCode: '110105', community: '幸福里社区' });
    expect(document.getElementById(`community-merchant-${line(2).merchantId}`)?.textContent).toContain('物业服务 · 幸福里社区');
    // The avatar is the name's first character, as on the order page.
    expect(document.querySelector(`#community-merchant-${line(1).merchantId} .merchant__avatar`)?.textContent).toBe('商');
    expect(screen.queryByText('加载更多')).toBeNull();

    await userEvent.click(screen.getByText('商户2号'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packageCommunity/pages/merchant/index?merchantId=${line(2).merchantId}` });
  });

  test('opens on the community remembered on this device; choosing another remembers it and lists its merchants', async () => {
    Taro.setStorageSync('jinlin.community', { cityCode: '110108', name: '和平里社区' });
    api.answer(COMMUNITIES, 200, { communities });
    api.answerEach(MERCHANTS, (request) => ({
      status: 200,
      body: { merchants: [line(request.query.get('community') === '和平里社区' ? 7 : 8, 'CLINIC', request.query.get('community')!)], nextCursor: null },
    }));
    await renderAt(DIRECTORY, <CommunityMerchantsPage />);
    expect(await screen.findByText('商户7号')).toBeInTheDocument();
    expect(text('community-name')).toBe('和平里社区');
    expect(api.requests(MERCHANTS).map((request) => request.query.get('cityCode'))).toEqual(['110108']);

    await userEvent.click(document.getElementById('community-picker')!);
    expect(document.getElementById('community-sheet')).not.toBeNull();
    expect(document.getElementById('community-option-1')?.textContent).toContain('✓ 当前');
    await userEvent.click(document.getElementById('community-option-0')!);
    expect(await screen.findByText('商户8号')).toBeInTheDocument();
    expect(document.getElementById('community-sheet')).toBeNull();
    expect(text('community-name')).toBe('幸福里社区');
    expect(api.requests(MERCHANTS).map((request) => request.query.get('community'))).toEqual(['和平里社区', '幸福里社区']);
    expect(Taro.getStorageSync('jinlin.community')).toEqual({ cityCode: '110105', name: '幸福里社区' });
  });

  test('a remembered community the server no longer lists: the first one', async () => {
    Taro.setStorageSync('jinlin.community', { cityCode: '310101', name: '旧社区' });
    api.answer(COMMUNITIES, 200, { communities });
    api.answer(MERCHANTS, 200, { merchants: [line(1)], nextCursor: null });
    await renderAt(DIRECTORY, <CommunityMerchantsPage />);
    await screen.findByText('商户1号');
    expect(text('community-name')).toBe('幸福里社区');
  });

  test('the category of the home tile is asked; another tab asks the server with that category, 全部 without one', async () => {
    api.answer(COMMUNITIES, 200, { communities });
    api.answerEach(MERCHANTS, (request) => {
      const category = request.query.get('category');
      return { status: 200, body: { merchants: category === 'CLINIC' ? [line(3, 'CLINIC')] : category === 'GROCERY' ? [line(1)] : [line(1), line(3, 'CLINIC')], nextCursor: null } };
    });
    await renderAt(`${DIRECTORY}?category=GROCERY`, <CommunityMerchantsPage />);
    expect(await screen.findByText('商户1号')).toBeInTheDocument();
    expect(document.getElementById('category-GROCERY')?.className).toContain('chip--selected');

    await userEvent.click(screen.getByText('社区诊所'));
    expect(await screen.findByText('商户3号')).toBeInTheDocument();
    expect(screen.queryByText('商户1号')).toBeNull();
    expect(document.getElementById('category-CLINIC')?.className).toContain('chip--selected');

    await userEvent.click(screen.getByText('全部'));
    await waitFor(() => expect(screen.getByText('商户1号')).toBeInTheDocument());
    expect(screen.getByText('商户3号')).toBeInTheDocument();
    expect(api.requests(MERCHANTS).map((request) => request.query.get('category'))).toEqual(['GROCERY', 'CLINIC', null]);
  });

  test('a skeleton while the merchants are on their way; 加载更多 asks the next page with the server’s cursor', async () => {
    api.answer(COMMUNITIES, 200, { communities });
    const first = api.hold(MERCHANTS);
    await renderAt(DIRECTORY, <CommunityMerchantsPage />);
    await waitFor(() => expect(api.requests(MERCHANTS)).toHaveLength(1));
    expect(document.getElementById('skeleton')).not.toBeNull();
    first(200, { merchants: [line(1)], nextCursor: 'cursor-2' });
    expect(await screen.findByText('商户1号')).toBeInTheDocument();
    expect(document.getElementById('skeleton')).toBeNull();

    api.answer(MERCHANTS, 200, { merchants: [line(2)], nextCursor: null });
    await userEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('商户2号')).toBeInTheDocument();
    expect(screen.getByText('商户1号')).toBeInTheDocument();
    const [, second] = api.requests(MERCHANTS);
    expect(Object.fromEntries(second!.query)).toEqual({ cityCode: '110105', community: '幸福里社区', cursor: 'cursor-2' });
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  test('no community takes payments yet: says so in words, asks for no merchants', async () => {
    api.answer(COMMUNITIES, 200, { communities: [] });
    await renderAt(DIRECTORY, <CommunityMerchantsPage />);
    expect(await screen.findByText('暂无开通社区付款的社区')).toBeInTheDocument();
    expect(api.requests(MERCHANTS)).toHaveLength(0);
  });
});

describe('付款给商户', () => {
  /** The payment's answer: an order the server made for the code's payment, and its balance. */
  const paidAnswer: MerchantOrderPaidView = {
    order: { ...unpaidOrder, orderId: 'O20261207STATIC00001', description: '收款码付款', amountFen: 12345, state: 'PAID', stateLabel: '已支付', paidAt: '2026-12-07T10:05:00.000Z' },
    journalId: 'jnl_code_01',
    reference: 'C4QK-7PXD-2HTR',
    balanceFen: 7654321,
  };

  beforeEach(() => {
    issueNonces(api, { ...review, payeeMasked: '邻里鲜·幸福里店' });
  });

  test('shows the merchant and the server’s two limit figures', async () => {
    api.answer(GET_MERCHANT, 200, codeMerchant);
    await renderAt(PAGE, <CommunityMerchantPage />);
    expect(await screen.findByText('邻里鲜·幸福里店')).toBeInTheDocument();
    expect(text('merchant-meta')).toBe('生鲜超市 · 幸福里社区');
    expect(text('merchant-limit')).toBe('收款码单日累计限额 ¥500.00，今日还可付 ¥321.50');
    // Nothing typed yet: nothing to pay.
    expect(button('merchant-pay')?.disabled).toBe(true);
  });

  test('付款 pays exactly the amount entered with the second factor, under the Idempotency-Key the nonce was asked for, then the result', async () => {
    api.answer(GET_MERCHANT, 200, codeMerchant);
    api.answer(PAY, 200, paidAnswer);
    await renderAt(PAGE, <CommunityMerchantPage />);
    await typeInto('merchant-amount', '123.45');
    expect(button('merchant-pay')?.disabled).toBe(false);
    await userEvent.click(screen.getByText('付款'));
    await waitFor(() => expect(text('review-payee')).toBe('邻里鲜·幸福里店'));
    await payWith('602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.sent.map((request) => request.route)).toEqual([GET_MERCHANT, AUTHORIZE, PAY]);
    const [request] = api.requests(PAY);
    expect(authorizationsAsked(api)).toEqual([
      { method: 'POST', path: `/v1/community/merchants/${MERCHANT_ID}/payments`, idempotencyKey: idempotencyKeyOf(request), body: { amountFen: 12345 } },
    ]);
    expect(request!.body).toEqual({ amountFen: 12345, secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602819', challenge: 'challenge-000000000001' });

    const { path, query } = redirectedTo();
    expect(path).toBe('/packageCommunity/pages/result/index');
    expect(Object.fromEntries(query)).toMatchObject({
      orderId: 'O20261207STATIC00001',
      amountFen: '12345',
      merchant: '邻里鲜·幸福里店',
      reference: 'C4QK-7PXD-2HTR',
      balanceFen: '7654321',
      paidAt: '2026-12-07T10:05:00.000Z',
    });
  });

  test('STATIC_CODE_LIMIT_EXCEEDED: the server’s words, the page and the amount stay, no result', async () => {
    api.answer(GET_MERCHANT, 200, codeMerchant);
    api.answer(PAY, 422, refusal('STATIC_CODE_LIMIT_EXCEEDED', '收款码单日累计付款已达 ¥500.00 上限'));
    await renderAt(PAGE, <CommunityMerchantPage />);
    await typeInto('merchant-amount', '300');
    await userEvent.click(screen.getByText('付款'));
    await payWith('602819');
    expect(await screen.findByText('收款码单日累计付款已达 ¥500.00 上限')).toBeInTheDocument();
    expect(api.requests(PAY)).toHaveLength(1);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#merchant-amount input')?.value).toBe('300');
  });

  test('付款 is disabled above what the server says is left today, and for nothing or zero; no nonce is asked', async () => {
    api.answer(GET_MERCHANT, 200, codeMerchant);
    await renderAt(PAGE, <CommunityMerchantPage />);
    await typeInto('merchant-amount', '321.51');
    expect(button('merchant-pay')?.disabled).toBe(true);
    expect(text('merchant-over')).toBe('超过今日还可付金额');
    await userEvent.click(screen.getByText('付款'));
    await typeInto('merchant-amount', '0');
    expect(button('merchant-pay')?.disabled).toBe(true);
    await typeInto('merchant-amount', '');
    expect(button('merchant-pay')?.disabled).toBe(true);
    // Exactly what is left may be paid.
    await typeInto('merchant-amount', '321.50');
    expect(button('merchant-pay')?.disabled).toBe(false);
    expect(document.getElementById('merchant-over')).toBeNull();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
  });

  test('nothing left today: 付款 stays disabled for any amount', async () => {
    api.answer(GET_MERCHANT, 200, { ...codeMerchant, staticCode: { dailyLimitFen: 50000, remainingTodayFen: 0 } });
    await renderAt(PAGE, <CommunityMerchantPage />);
    await typeInto('merchant-amount', '0.01');
    expect(text('merchant-limit')).toBe('收款码单日累计限额 ¥500.00，今日还可付 ¥0.00');
    expect(button('merchant-pay')?.disabled).toBe(true);
  });

  test('a merchant the server does not know: the missing-target screen with a way on', async () => {
    api.answer(GET_MERCHANT, 404, refusal('MERCHANT_NOT_FOUND', '商户不存在'));
    await renderAt(PAGE, <CommunityMerchantPage />);
    expect(await screen.findByText('商户不存在或暂停收款')).toBeInTheDocument();
    expect(document.getElementById('merchant-pay')).toBeNull();
    await userEvent.click(screen.getByText('查看社区商户'));
    expect(redirectedTo().url).toBe('/packageCommunity/pages/merchants/index');
  });

  test('signed out (a scanned code): the merchant is remembered and the customer goes to sign in first, then lands on it again', async () => {
    localStorage.clear();
    await renderAt(PAGE, <CommunityMerchantPage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(api.requests(GET_MERCHANT)).toHaveLength(0);
    expect(takeLanding()).toEqual({ path: '/packageCommunity/pages/merchant/index', query: { merchantId: MERCHANT_ID } });
  });
});
