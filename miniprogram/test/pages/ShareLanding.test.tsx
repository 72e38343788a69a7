// A manager's shared link lands the customer on its product after sign-in: the visit's product is
// kept (lib/share-landing.ts) and home, once the signed-in customer's data has loaded, opens that
// product's page — once, and only for a recent link. A link recorded while home is already on
// screen is followed too.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import type { VisitView } from '@contract/rm-schemas';
import { lastReferral, recordShareOpen, REFERRAL_EVENT } from '@/api/rm';
import { PAGES } from '@/lib/nav';
import { landingPage, rememberLanding, takeLanding } from '@/lib/share-landing';
import HomePage from '@/pages/home/index';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { renderShown } from '../support/page';

const me: Me = { customerId: 'cus_01', phoneMasked: null, realName: null, pinSet: false, pinLockedUntil: null, soterEnrolled: null, account: null };
const WEALTH = { type: 'WEALTH', id: 'zhaozhao-money', name: '近邻朝朝盈货币基金' } as const;

describe('the landing page of a shared product', () => {
  test('loan → its calculator, wealth → its page, bills → bills, the account opening → home itself', () => {
    expect(landingPage({ type: 'LOAN', id: 'consumer-credit' })).toEqual({ path: PAGES.loanCalculator, query: { productId: 'consumer-credit' } });
    expect(landingPage(WEALTH)).toEqual({ path: PAGES.wealthProduct, query: { productId: 'zhaozhao-money' } });
    expect(landingPage({ type: 'BILL', id: 'ELECTRICITY' })).toEqual({ path: PAGES.bills, query: {} });
    expect(landingPage({ type: 'ACCOUNT', id: 'open-account' })).toBeNull();
  });

  test('a community merchant’s order → that order; its static code (收款码) → its merchant page', () => {
    expect(landingPage({ type: 'MERCHANT_ORDER', id: 'O20261207ABCDEFGH123' })).toEqual({ path: PAGES.communityOrder, query: { orderId: 'O20261207ABCDEFGH123' } });
    expect(landingPage({ type: 'MERCHANT_CODE', id: 'MGROCERY0000001A' })).toEqual({ path: PAGES.communityMerchant, query: { merchantId: 'MGROCERY0000001A' } });
    rememberLanding({ type: 'MERCHANT_CODE', id: 'MGROCERY0000001A' }, 1_000);
    expect(takeLanding(2_000)).toEqual({ path: PAGES.communityMerchant, query: { merchantId: 'MGROCERY0000001A' } });
  });

  test('handed out once; forgotten after a day; nothing from a stored value of another shape', () => {
    rememberLanding(WEALTH, 1_000);
    expect(takeLanding(2_000)).toEqual(landingPage(WEALTH));
    expect(takeLanding(3_000)).toBeNull();
    rememberLanding(WEALTH, 1_000);
    expect(takeLanding(1_000 + 86_400_001)).toBeNull();
    Taro.setStorageSync('jinlin.shareLanding', { type: 'ELSEWHERE', id: 'x', at: 1_000 });
    expect(takeLanding(2_000)).toBeNull();
  });
});

describe('opening a second link', () => {
  test('the earlier link\'s manager and product are not shown while the new visit is recorded', async () => {
    const api = fakeApi();
    const earlier: VisitView = { manager: { name: '王芳', staffNo: 'E1', branchName: '北京海淀支行' }, product: { type: 'ACCOUNT', id: 'open-account', name: '开通电子账户' }, campaign: null };
    const later: VisitView = { ...earlier, product: WEALTH };
    Taro.setStorageSync('jinlin.referral', earlier);
    const answer = api.hold('POST /v1/referral-visits');
    const recording = recordShareOpen({ rm: 'Qm9zD6xmvA' });
    expect(lastReferral()).toBeNull();
    answer(200, later);
    await recording;
    expect(lastReferral()).toEqual(later);
  });
});

describe('home', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = fakeApi();
    signIn();
    api.answer('GET /v1/me', 200, me);
  });

  const openedPages = () => jest.mocked(Taro.navigateTo).mock.calls.map(([option]) => option.url);

  test('signed in after opening a wealth link: opens that product once home has loaded, and only once', async () => {
    rememberLanding(WEALTH);
    await renderShown(<HomePage />);
    await screen.findByText('开通近邻银行电子账户');
    expect(openedPages()).toEqual([`${PAGES.wealthProduct}?productId=zhaozhao-money`]);
    expect(takeLanding()).toBeNull();
  });

  test('no link: home stays', async () => {
    await renderShown(<HomePage />);
    await screen.findByText('开通近邻银行电子账户');
    expect(openedPages()).toEqual([]);
  });

  test('a link recorded while home is on screen is followed', async () => {
    await renderShown(<HomePage />);
    await screen.findByText('开通近邻银行电子账户');
    const visit: VisitView = { manager: { name: '王芳', staffNo: 'E1', branchName: '北京海淀支行' }, product: { type: 'LOAN', id: 'consumer-credit', name: '近邻消费贷' }, campaign: null };
    rememberLanding(visit.product);
    act(() => Taro.eventCenter.trigger(REFERRAL_EVENT, visit));
    expect(openedPages()).toEqual([`${PAGES.loanCalculator}?productId=consumer-credit`]);
  });
});
