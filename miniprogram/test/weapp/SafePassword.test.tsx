// The WeChat build: the PIN is typed on WeChat's safe keyboard (<input type="safe-password">), so
// the digits never reach our code; the H5 build's own keypad is not in it. Two parts:
// 1. Taro's weapp runtime, as the mini-program runs it: what our PIN entry sends to the compiled
//    wxml template (the data base.wxml's <input> reads: type, safe-password-*).
// 2. Every PIN screen, rendered with the WeChat branch: each one's PIN step is that input, with
//    the challenge of the nonce asked for that screen's own request.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { cleanup, createEvent, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { DeferralPlanView } from '@contract/loan-schemas';
import { SECOND_FACTOR_ROUTES, type SecondFactorRoute } from '@contract/second-factor-routes';
import type { PayeeView } from '@contract/bill-schemas';
import { CardMoneyForm } from '@/components/CardMoneyForm';
import { SAFE_PASSWORD_CERT_PATH } from '@/components/PinInput';
import PayeesPage from '@/packageBills/pages/payees/index';
import CardChangePage from '@/packageCard/pages/change/index';
import AccountClosurePage from '@/packageSecurity/pages/close/index';
import PrivacyPage from '@/packagePrivacy/pages/privacy/index';
import BillLookupPage from '@/packageBills/pages/lookup/index';
import DeferralPage from '@/packageLoan/pages/deferral/index';
import DrawLoanPage from '@/packageLoan/pages/draw/index';
import PayoffPage from '@/packageLoan/pages/payoff/index';
import RepayPage from '@/packageLoan/pages/repay/index';
import CommunityMerchantPage from '@/packageCommunity/pages/merchant/index';
import CommunityOrderPage from '@/packageCommunity/pages/order/index';
import WealthBuyPage from '@/packageWealth/pages/buy/index';
import WealthOrderPage from '@/packageWealth/pages/order/index';
import RedeemPage from '@/packageWealth/pages/redeem/index';
import PinPage from '@/pages/pin/index';
import PinResetPage from '@/pages/pin-reset/index';
import SoterPage from '@/pages/soter/index';
import TransferPage from '@/pages/transfer/index';
import { type FakeApi, fakeApi } from '../support/api';
import { catalog, powerBill, powerBiller } from '../support/bill-examples';
import { codeMerchant, MERCHANT_ID, ORDER_ID as MERCHANT_ORDER_ID, unpaidOrder } from '../support/community-examples';
import { account, signIn, topUpResult } from '../support/examples';
import { typeInto } from '../support/form';
import { creditLine, drawdownQuote, LOAN_ID, loan, loanContract, payoffQuote, productList } from '../support/loan-examples';
import { renderShown } from '../support/page';
import { AUTHORIZE, challengeNo, confirmReview, issueNonces } from '../support/payment';
import { renderAt } from '../support/router';
import { holdings, purchaseResult, purchaseTerms } from '../support/wealth-examples';

// A phone with a fingerprint set up, for the SOTER enrolment screen (lib/soter.ts asks WeChat).
jest.mock('@/lib/soter', () => ({
  ...jest.requireActual<typeof import('@/lib/soter')>('@/lib/soter'),
  availableSoterModes: async () => ['fingerPrint'],
}));

/** What Taro's mini-program build defines at compile time (MiniWebpackPlugin), its defaults. */
const MINI_BUILD_CONSTANTS = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: false,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: false,
  ENABLE_CLONE_NODE: false,
  ENABLE_CONTAINS: false,
  ENABLE_MUTATION_OBSERVER: false,
};

interface HydratedNode {
  nn: string;
  uid?: string;
  cn?: HydratedNode[];
  [prop: string]: unknown;
}

function findNode(node: HydratedNode, uid: string): HydratedNode | undefined {
  if (node.uid === uid) return node;
  for (const child of node.cn ?? []) {
    const found = findNode(child, uid);
    if (found) return found;
  }
  return undefined;
}

describe('the WeChat build: Taro’s weapp runtime', () => {
  const saved = { env: process.env.TARO_ENV, platform: process.env.TARO_PLATFORM };
  afterEach(() => {
    process.env.TARO_ENV = saved.env;
    process.env.TARO_PLATFORM = saved.platform;
  });

  test('the PIN entry reaches the wxml template as <input type="safe-password"> with the challenge as nonce, 6 digits, the certificate and a time stamp', () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_PLATFORM = 'mini';
    Object.assign(globalThis, MINI_BUILD_CONSTANTS);
    jest.isolateModules(() => {
      // The weapp build's resolution: components are the host's own tags, the platform plugin
      // registers their attributes with the runtime, and React renders into Taro's own DOM.
      jest.doMock('@tarojs/components', () => jest.requireActual('@tarojs/plugin-platform-weapp/dist/components-react.js'));
      jest.doMock('@tarojs/taro', () => ({ __esModule: true, default: { hideKeyboard: () => Promise.resolve() } }));
      require('@tarojs/plugin-platform-weapp/dist/runtime.js');
      const runtime = require('@tarojs/runtime');
      const shared = require('@tarojs/shared');
      const React = require('react');
      const { render } = require('@tarojs/react');
      const { PinInput } = require('@/components/PinInput');

      const root = runtime.document.createElement('view');
      render(React.createElement(PinInput, { challenge: 'Zk3-w_9aQ2c8LmN0pR4sT6', disabled: false, onEntered: () => undefined }), root);
      // What setData hands the page: the tree base.wxml renders, attributes under the short keys
      // its templates read (`type="{{i.p24||''}}"` and so on, from the same alias table).
      const tree: HydratedNode = runtime.hydrate(root);
      const alias = shared.getComponentsAlias(shared.internalComponents).input as Record<string, string>;
      const input = findNode(tree, 'pin-safe-input')!;
      expect(input.nn).toBe(alias._num);
      expect(input[alias.type!]).toBe('safe-password');
      expect(input[alias.safePasswordNonce!]).toBe('Zk3-w_9aQ2c8LmN0pR4sT6');
      expect(input[alias.safePasswordLength!]).toBe(6);
      expect(input[alias.safePasswordCertPath!]).toBe(SAFE_PASSWORD_CERT_PATH);
      expect(input[alias.safePasswordTimeStamp!]).toEqual(expect.any(Number));
      expect(input[alias.maxlength!]).toBe(6);
      // And no keypad of ours beside it.
      expect(findNode(tree, 'pin-keys')).toBeUndefined();
    });
  });
});

// ---- Every PIN screen --------------------------------------------------------------------------

const ORDER_ID = purchaseResult.order.orderId;
const PAYEE_ID = 'Y01HQ7Z3K9AUTOPAY';

const payee: PayeeView = {
  payeeId: PAYEE_ID,
  nickname: '家里电费',
  biller: powerBiller,
  accountNumberMasked: '32******78',
  autoPay: null,
  lastAutoPay: null,
  createdAt: '2026-03-01T08:00:00.000Z',
};

const deferralPlan: DeferralPlanView = {
  loanId: LOAN_ID,
  deferredMonths: 1,
  addedInterestFen: 4102,
  newMaturityDate: '2027-04-02',
  annualRateBps: 612,
  annualRateDisplay: '6.12%',
  annualizedRateBps: 613,
  annualizedRateDisplay: '6.13%',
  installments: [
    { period: 1, dueDate: '2026-04-02', principalFen: 0, interestFen: 4102, penaltyFen: 0, dueFen: 4102, paidFen: 0, status: 'UPCOMING' },
    { period: 2, dueDate: '2026-05-02', principalFen: 397962, interestFen: 6120, penaltyFen: 0, dueFen: 404082, paidFen: 0, status: 'UPCOMING' },
  ],
};

/** Opens a screen and goes as far as its PIN step. */
type Opening = (api: FakeApi) => Promise<void>;

async function submitAndReview(label: string) {
  await userEvent.click(await screen.findByText(label));
  await confirmReview();
}

/** The second-factor routes sent without an Idempotency-Key (`idempotent: false` in
 *  functions/contract/*-routes.ts; routes.ts itself cannot be loaded here, its imports name .js
 *  files): their nonce is bound to no key. Every other one is a money movement with a key. */
const WITHOUT_KEY: ReadonlySet<SecondFactorRoute> = new Set(['setPin', 'pinReset', 'soterEnrol', 'billPayeeAutoPay', 'changeCard', 'dataCopy']);
const idempotent = (route: SecondFactorRoute) => !WITHOUT_KEY.has(route);

/** Every PIN screen, by the second-factor route it pays and the path it asks a nonce for. */
const SCREENS: [SecondFactorRoute, string, Opening][] = [
  ['topUp', '/v1/account/top-up', async () => {
    await renderShown(<CardMoneyForm direction='top-up' />);
    await typeInto('amount-input', '100');
    await submitAndReview('确认充值');
  }],
  ['withdraw', '/v1/account/withdraw', async () => {
    await renderShown(<CardMoneyForm direction='withdraw' />);
    await typeInto('amount-input', '100');
    await submitAndReview('确认提现');
  }],
  ['transfer', '/v1/account/transfer', async (api) => {
    api.answer('GET /v1/account/payee', 200, { nameMasked: '*小明', phoneMasked: '139****8888' });
    await renderShown(<TransferPage />);
    await typeInto('transfer-phone', '13900008888');
    await userEvent.click(await screen.findByText('下一步'));
    await typeInto('amount-input', '100');
    await submitAndReview('确认转账');
  }],
  ['billPay', '/v1/bill-payments', async (api) => {
    api.answer('GET /v1/billers', 200, catalog);
    api.answer('POST /v1/bill-lookups', 200, powerBill);
    await renderAt('/packageBills/pages/lookup/index?billerId=nj-power', <BillLookupPage />);
    await typeInto('bill-account', '3201234578');
    await userEvent.click(await screen.findByText('查询账单'));
    await submitAndReview('确认缴费');
  }],
  ['billPayeeAutoPay', `/v1/bill-payees/${PAYEE_ID}/auto-pay`, async (api) => {
    api.answer('GET /v1/bill-payees', 200, { items: [payee] });
    await renderShown(<PayeesPage />);
    await userEvent.click(await screen.findByText('自动缴费'));
    await typeInto(`autopay-cap-${PAYEE_ID}`, '500');
    await typeInto(`autopay-day-${PAYEE_ID}`, '15');
    await submitAndReview('开启自动缴费');
  }],
  ['merchantOrderPay', `/v1/merchant-orders/${MERCHANT_ORDER_ID}/payment`, async (api) => {
    api.answer(`GET /v1/merchant-orders/${MERCHANT_ORDER_ID}`, 200, unpaidOrder);
    await renderAt(`/packageCommunity/pages/order/index?orderId=${MERCHANT_ORDER_ID}`, <CommunityOrderPage />);
    await submitAndReview('确认付款');
  }],
  ['merchantCodePay', `/v1/community/merchants/${MERCHANT_ID}/payments`, async (api) => {
    api.answer(`GET /v1/community/merchants/${MERCHANT_ID}`, 200, codeMerchant);
    await renderAt(`/packageCommunity/pages/merchant/index?merchantId=${MERCHANT_ID}`, <CommunityMerchantPage />);
    await typeInto('merchant-amount', '100');
    await submitAndReview('付款');
  }],
  ['drawdown', '/v1/loans', async (api) => {
    api.answer('GET /v1/credit-lines', 200, { items: [creditLine] });
    api.answer('GET /v1/loan-products', 200, productList);
    api.answer('POST /v1/loan-quotes', 200, drawdownQuote);
    api.answer('GET /v1/loan-contract', 200, loanContract);
    await renderAt('/packageLoan/pages/draw/index', <DrawLoanPage />);
    await typeInto('draw-amount', '12000');
    await userEvent.click(await screen.findByText(/我已阅读并同意/));
    await submitAndReview('确认借款');
  }],
  ['repay', `/v1/loans/${LOAN_ID}/repayments`, async (api) => {
    api.answer(`GET /v1/loans/${LOAN_ID}`, 200, loan);
    await renderAt(`/packageLoan/pages/repay/index?loanId=${LOAN_ID}`, <RepayPage />);
    await submitAndReview('确认还款');
  }],
  ['payoff', `/v1/loans/${LOAN_ID}/payoff`, async (api) => {
    api.answer(`GET /v1/loans/${LOAN_ID}`, 200, loan);
    api.answer(`POST /v1/loans/${LOAN_ID}/payoff-quote`, 200, payoffQuote);
    await renderAt(`/packageLoan/pages/payoff/index?loanId=${LOAN_ID}`, <PayoffPage />);
    await submitAndReview('确认结清');
  }],
  ['deferral', `/v1/loans/${LOAN_ID}/deferral`, async (api) => {
    api.answer(`GET /v1/loans/${LOAN_ID}`, 200, loan);
    api.answer(`POST /v1/loans/${LOAN_ID}/deferral-plan`, 200, deferralPlan);
    await renderAt(`/packageLoan/pages/deferral/index?loanId=${LOAN_ID}`, <DeferralPage />);
    await userEvent.click(await waitFor(() => document.getElementById('deferral-months-1')!));
    await userEvent.click(document.getElementById('deferral-reason-ILLNESS')!);
    await userEvent.click(screen.getByText('查看延期后的还款计划'));
    await submitAndReview('确认延期');
  }],
  ['wealthPurchase', '/v1/wealth-orders', async (api) => {
    api.answer('GET /v1/wealth-products/jinlin-bond-a/purchase-terms', 200, purchaseTerms);
    await renderAt('/packageWealth/pages/buy/index?productId=jinlin-bond-a', <WealthBuyPage />);
    await typeInto('buy-amount', '12300');
    await userEvent.click(await screen.findByText(/^我已阅读并理解/));
    await submitAndReview('确认购买');
  }],
  ['wealthCancel', `/v1/wealth-orders/${ORDER_ID}/cancel`, async (api) => {
    api.answer(`GET /v1/wealth-orders/${ORDER_ID}`, 200, purchaseResult.order);
    await renderAt(`/packageWealth/pages/order/index?orderId=${ORDER_ID}`, <WealthOrderPage />);
    await submitAndReview('撤销购买');
  }],
  ['wealthRedeem', '/v1/wealth-redemptions', async (api) => {
    api.answer('GET /v1/wealth-holdings', 200, holdings);
    await renderAt('/packageWealth/pages/redeem/index?productId=jinlin-cash', <RedeemPage />);
    await typeInto('redeem-units', '100');
    await submitAndReview('确认赎回');
  }],
  ['setPin', '/v1/me/pin', async (api) => {
    api.answer('GET /v1/me', 200, { customerId: 'cus_01', phoneMasked: '138****0000', realName: null, pinSet: true, pinLockedUntil: null, soterEnrolled: null, account: null });
    await renderShown(<PinPage />);
  }],
  ['pinReset', '/v1/me/pin-reset', async (api) => {
    api.answer('POST /v1/me/pin-reset/code', 200, { phoneMasked: '139****5678', expiresAt: '2026-03-02T09:35:00.000Z', resendAfterSeconds: 60, sendsLeftToday: 4 });
    await renderShown(<PinResetPage />);
    await typeInto('reset-name', '王小明');
    await typeInto('reset-id', '11010519900307123X');
    await typeInto('reset-card', '6222020000000000001');
    await userEvent.click(document.getElementById('reset-identity-next')!);
    await userEvent.click(document.getElementById('reset-send-code')!);
    await screen.findByText(/^验证码已发送至/);
    await typeInto('reset-code', '042917');
    await userEvent.click(document.getElementById('reset-code-next')!);
  }],
  ['changeCard', '/v1/account/card', async (api) => {
    api.answer('GET /v1/account/card-bindings', 200, { boundCard: { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 3452' }, boundSince: '2026-03-01T08:00:00.000Z', changes: [] });
    await renderAt('/packageCard/pages/change/index', <CardChangePage />);
    await screen.findByText('暂无变更记录');
    await typeInto('card-change-id-number', '11010519491231002X');
    await typeInto('card-change-card-number', '6217000000678901');
    await submitAndReview('确认更换');
  }],
  ['dataCopy', '/v1/me/data-copy', async (api) => {
    api.answer('GET /v1/me/privacy', 200, {
      categories: [],
      consents: [],
      retentionYears: 10,
      closure: null,
      copyLimits: { postings: 2000, billPayments: 500, wealthOrders: 500, complaints: 200, consentHistory: 100, maxBytes: 3_145_728 },
    });
    await renderShown(<PrivacyPage />);
    await submitAndReview('下载 JSON 副本');
  }],
  ['closeAccount', '/v1/account/closure', async (api) => {
    api.answer('GET /v1/account/closure', 200, {
      accountNumberMasked: '6236 **** **** 0048',
      balanceFen: 12_345,
      boundCard: { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 3452' },
      blockers: [],
      retentionYears: 10,
    });
    await renderShown(<AccountClosurePage />);
    await submitAndReview('确认注销');
  }],
  ['soterEnrol', '/v1/me/soter', async (api) => {
    api.answer('GET /v1/me', 200, { customerId: 'cus_01', phoneMasked: '138****0000', realName: null, pinSet: true, pinLockedUntil: null, soterEnrolled: null, account: null });
    await renderShown(<SoterPage />);
    await userEvent.click(await screen.findByText('开启指纹支付'));
  }],
];

describe('the WeChat build: every PIN screen', () => {
  let api: FakeApi;
  const savedEnv = process.env.TARO_ENV;
  beforeEach(() => {
    api = fakeApi();
    signIn();
    api.answer('GET /v1/account', 200, account);
    issueNonces(api);
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = savedEnv;
  });

  test('the screens below are every second-factor route of the contract', () => {
    const covered = SCREENS.map(([route]) => route).sort();
    expect(covered).toEqual((Object.keys(SECOND_FACTOR_ROUTES) as SecondFactorRoute[]).sort());
  });

  test.each(SCREENS)('%s: the PIN is typed on WeChat’s safe keyboard, nonce = the challenge for %s', async (route, path, open) => {
    await open(api);
    const field = await waitFor(() => {
      const found = document.getElementById('pin-safe-input');
      if (!found || found.getAttribute('safe-password-nonce') === '') throw new Error('no safe-password input with a nonce yet');
      return found;
    });
    const asked = api.requests(AUTHORIZE)[0]!.body as { path: string; idempotencyKey?: string };
    expect(asked.path).toBe(path);
    // The nonce is bound to an Idempotency-Key exactly where the route takes one (contract §6).
    if (idempotent(route)) expect(asked.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    else expect(asked).not.toHaveProperty('idempotencyKey');
    expect(field).toHaveAttribute('type', 'safe-password');
    expect(field).toHaveAttribute('safe-password-nonce', challengeNo(1));
    expect(field).toHaveAttribute('safe-password-length', '6');
    expect(field).toHaveAttribute('safe-password-cert-path', SAFE_PASSWORD_CERT_PATH);
    expect(document.getElementById('pin-keys')).toBeNull();
  });

  test("WeChat's cipher, handed over when the keyboard closes, is sent as the pinCipher of the nonce", async () => {
    api.answer('POST /v1/account/top-up', 200, topUpResult);
    await renderShown(<CardMoneyForm direction='top-up' />);
    await typeInto('amount-input', '100');
    await submitAndReview('确认充值');
    const field = await waitFor(() => document.getElementById('pin-safe-input')!);
    const wechatCipher = 'ab'.repeat(120);
    // The safe keyboard's blur event (WeChat input docs: detail { value, encryptedValue }).
    const blur = createEvent('blur', field, { detail: { value: '••••••', encryptedValue: wechatCipher } });
    Object.defineProperty(blur, 'detail', { value: { value: '••••••', encryptedValue: wechatCipher } });
    fireEvent(field, blur);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(api.requests('POST /v1/account/top-up')[0]!.body).toEqual({ amountFen: 10000, secondFactor: { nonce: 'v1.test-nonce-1.signature', pinCipher: wechatCipher } });
    cleanup();
  });
});
