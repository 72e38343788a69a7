import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { ReactElement } from 'react';
import { PAGES, type PagePath } from '@/lib/nav';
import BillReceiptPage from '@/packageBills/pages/receipt/index';
import DeferralPage from '@/packageLoan/pages/deferral/index';
import LoanPage from '@/packageLoan/pages/loan/index';
import PayoffPage from '@/packageLoan/pages/payoff/index';
import LoanResultPage from '@/packageLoan/pages/result/index';
import WealthBuyPage from '@/packageWealth/pages/buy/index';
import WealthOrderPage from '@/packageWealth/pages/order/index';
import WealthProductPage from '@/packageWealth/pages/product/index';
import WealthResultPage from '@/packageWealth/pages/result/index';
import HistoryDetailPage from '@/pages/history-detail/index';
import MoneyResultPage from '@/pages/result/index';
import { type FakeApi, fakeApi, type Route } from '../support/api';
import { PAYMENT_ID, paymentResult } from '../support/bill-examples';
import { historyEntry, refusal, signIn } from '../support/examples';
import { LOAN_ID, loan } from '../support/loan-examples';
import { renderAt } from '../support/router';
import { purchaseResult } from '../support/wealth-examples';

// A page opened from a shared or stale link without the id it needs, or with one the server does
// not know (404) or cannot be (400, a link cut short): one clear sentence and a way on — the list
// the thing lives in, or home — not a crash, "undefined", or a 重试 that cannot help.

interface Case {
  name: string;
  page: () => ReactElement;
  path: PagePath;
  param: string;
  knownId: string;
  known: unknown;
  route: (id: string) => Route;
  message: string;
  list: PagePath;
  /** What the page shows of a record it found. */
  shown: string;
}

const CASES: Case[] = [
  {
    name: 'loan detail',
    page: () => <LoanPage />,
    path: PAGES.loan,
    param: 'loanId',
    knownId: LOAN_ID,
    known: loan,
    route: (id) => `GET /v1/loans/${id}`,
    message: '未找到这笔借款',
    list: PAGES.loans,
    shown: loan.contractNo,
  },
  {
    name: 'wealth order',
    page: () => <WealthOrderPage />,
    path: PAGES.wealthOrder,
    param: 'orderId',
    knownId: purchaseResult.order.orderId,
    known: purchaseResult.order,
    route: (id) => `GET /v1/wealth-orders/${id}`,
    message: '未找到这笔理财订单',
    list: PAGES.wealthOrders,
    shown: purchaseResult.order.statusLabel,
  },
  {
    name: 'bill receipt',
    page: () => <BillReceiptPage />,
    path: PAGES.billReceipt,
    param: 'paymentId',
    knownId: PAYMENT_ID,
    known: paymentResult,
    route: (id) => `GET /v1/bill-payments/${id}`,
    message: '未找到这笔缴费',
    list: PAGES.billHistory,
    shown: paymentResult.statusLabel,
  },
  {
    name: 'history entry',
    page: () => <HistoryDetailPage />,
    path: PAGES.historyDetail,
    param: 'entryId',
    knownId: historyEntry.journalId,
    known: historyEntry,
    route: (id) => `GET /v1/account/history/${id}`,
    message: '未找到这笔交易',
    list: PAGES.history,
    shown: historyEntry.reference,
  },
];

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

const UNKNOWN_ID = { loanId: 'L01HQ7Z3K9ZZZZZZ', orderId: 'W01HQ7Z3K9ZZZZZZZZZZZZZZ', paymentId: 'P01HQ7Z3K9ZZZZZZZZZZZZZZZZ', entryId: 'JZZZZZZZZZZZZZZZZZZZZZZZZZZ' } as Record<string, string>;

/** The clear state: the sentence, nothing of a record, and both ways on working. */
async function expectWayOn({ message, list }: Case) {
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(screen.getByText('链接可能已失效或不完整，请从列表中重新查看。')).toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/undefined|NaN|重试/);
  await userEvent.click(document.getElementById('missing-target-next')!);
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: list });
  await userEvent.click(document.getElementById('missing-target-home')!);
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: PAGES.home });
}

describe.each(CASES)('the $name page', (c) => {
  test('opened without its id: the clear state at once, no request sent', async () => {
    await renderAt(c.path, c.page());
    await expectWayOn(c);
    expect(api.sent).toEqual([]);
  });

  test('opened with an id the server does not know (404): the same clear state', async () => {
    const id = UNKNOWN_ID[c.param]!;
    api.answer(c.route(id), 404, refusal('NOT_FOUND', '未找到'));
    await renderAt(`${c.path}?${c.param}=${id}`, c.page());
    await expectWayOn(c);
    expect(api.requests(c.route(id))).toHaveLength(1);
  });

  test('opened with an id cut short (400 on the id): the same clear state', async () => {
    api.answer(c.route('x1'), 400, refusal('VALIDATION_FAILED', `请求参数有误：${c.param}`));
    await renderAt(`${c.path}?${c.param}=x1`, c.page());
    await expectWayOn(c);
  });

  test('a known id shows the record', async () => {
    api.answer(c.route(c.knownId), 200, c.known);
    await renderAt(`${c.path}?${c.param}=${c.knownId}`, c.page());
    expect(await screen.findByText(c.shown)).toBeInTheDocument();
    expect(document.getElementById('missing-target')).toBeNull();
  });

  test('a server failure that is not about the id keeps 重试, not the missing state', async () => {
    api.answer(c.route(c.knownId), 503, refusal('UPSTREAM_UNAVAILABLE', '外部服务暂时不可用，请稍后再试'));
    await renderAt(`${c.path}?${c.param}=${c.knownId}`, c.page());
    expect(await screen.findByText('外部服务暂时不可用，请稍后再试')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
    expect(document.getElementById('missing-target')).toBeNull();
  });
});

// A result page is its URL: without a result it knows (no kind, or one it does not have) it has
// nothing to show, and must not read as a success (办理成功 with no amount).
const RESULT_CASES = [
  { name: 'wealth result', page: () => <WealthResultPage />, path: PAGES.wealthResult, message: '未找到这笔理财业务的结果', list: PAGES.wealthHoldings, known: 'kind=BUY&amountFen=1230000', shown: '购买成功，份额确认中' },
  { name: 'loan result', page: () => <LoanResultPage />, path: PAGES.loanResult, message: '未找到这笔借款业务的结果', list: PAGES.loans, known: 'kind=REPAY&amountFen=404082', shown: '还款成功' },
  { name: 'money result', page: () => <MoneyResultPage />, path: PAGES.result, message: '未找到这笔交易的结果', list: PAGES.history, known: 'kind=TOP_UP&amountFen=12345', shown: '充值成功' },
];

describe.each(RESULT_CASES)('the $name page', (c) => {
  test.each(['', '?amountFen=100', '?kind=undefined', '?kind=toString'])('opened as %j: the clear state, no success shown', async (query) => {
    await renderAt(`${c.path}${query}`, c.page());
    expect(await screen.findByText(c.message)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/成功|undefined|NaN/);
    await userEvent.click(document.getElementById('missing-target-next')!);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: c.list }));
  });

  test('a result it knows is shown as before', async () => {
    await renderAt(`${c.path}?${c.known}`, c.page());
    expect(await screen.findByText(c.shown)).toBeInTheDocument();
    expect(document.getElementById('missing-target')).toBeNull();
  });
});

// The other pages opened for one record: the same state, with the way to their list.
const MORE_CASES = [
  { name: 'loan deferral', page: () => <DeferralPage />, path: PAGES.loanDeferral, query: 'loanId=L01HQ7Z3K9ZZZZZZ', route: 'GET /v1/loans/L01HQ7Z3K9ZZZZZZ', message: '未找到这笔借款', list: PAGES.loans },
  { name: 'loan payoff', page: () => <PayoffPage />, path: PAGES.loanPayoff, query: 'loanId=L01HQ7Z3K9ZZZZZZ', route: 'GET /v1/loans/L01HQ7Z3K9ZZZZZZ', message: '未找到这笔借款', list: PAGES.loans },
  { name: 'wealth product', page: () => <WealthProductPage />, path: PAGES.wealthProduct, query: 'productId=gone-fund', route: 'GET /v1/wealth-products/gone-fund', message: '未找到该理财产品', list: PAGES.wealth },
  { name: 'wealth purchase', page: () => <WealthBuyPage />, path: PAGES.wealthBuy, query: 'productId=gone-fund', route: 'GET /v1/wealth-products/gone-fund/purchase-terms', message: '未找到该理财产品', list: PAGES.wealth },
] as const;

describe.each(MORE_CASES)('the $name page', (c) => {
  test('without its id, or with one the server does not know: the clear state and the way to the list', async () => {
    await renderAt(c.path, c.page());
    expect(await screen.findByText(c.message)).toBeInTheDocument();
    expect(api.sent).toEqual([]);
    cleanup();
    api.answer(c.route, 404, refusal('NOT_FOUND', '未找到'));
    await renderAt(`${c.path}?${c.query}`, c.page());
    expect(await screen.findByText(c.message)).toBeInTheDocument();
    expect(api.requests(c.route)).toHaveLength(1);
    await userEvent.click(document.getElementById('missing-target-next')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: c.list });
  });
});
