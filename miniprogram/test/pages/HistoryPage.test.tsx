import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { HistoryItem, HistoryPage as HistoryPageBody } from '@contract/schemas';
import { PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import HistoryPage from '@/pages/history/index';
import HistoryDetailPage from '@/pages/history-detail/index';
import { type FakeApi, fakeApi } from '../support/api';
import { historyEntry, signIn } from '../support/examples';
import { renderAt } from '../support/router';

// The account history (交易明细): month sections, the server's filters, entries whose money came
// back marked as such, and a tap opening the entry's receipt.

const HISTORY = 'GET /v1/account/history';

const item = (journalId: string, fields: Partial<HistoryItem>): HistoryItem => ({
  journalId,
  kind: 'TOP_UP',
  label: '银行卡充值',
  counterparty: '中国建设银行 1234',
  amountFen: 10000,
  createdAt: '2026-03-15T04:00:00.000Z',
  status: 'SUCCEEDED',
  ...fields,
});

const page: HistoryPageBody = {
  items: [
    item('J1', { kind: 'WITHDRAW_REVERSAL', label: '提现失败退回', amountFen: 3000, createdAt: '2026-03-16T04:00:00.000Z' }),
    item('J2', { kind: 'WITHDRAW', label: '提现到银行卡', amountFen: -3000, createdAt: '2026-03-16T03:59:00.000Z', status: 'FAILED' }),
    item('J3', { kind: 'TRANSFER', label: '转账给 陈*', counterparty: '陈*', amountFen: -2000, createdAt: '2026-03-15T04:00:00.000Z' }),
    item('J4', { createdAt: '2026-02-14T04:00:00.000Z' }),
  ],
  nextCursor: null,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(HISTORY, 200, page);
});

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

const rows = () => Array.from(document.querySelectorAll('.history-item'));

describe('the history page', () => {
  test('lists entries in month sections, newest first', async () => {
    await renderAt(PAGES.history, <HistoryPage />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    const sections = Array.from(document.querySelectorAll('.history-month'));
    expect(sections.map((section) => section.querySelector('.history-month__title')!.textContent)).toEqual(['2026年3月', '2026年2月']);
    expect(sections.map((section) => section.querySelectorAll('.history-item').length)).toEqual([3, 1]);
  });

  test('a withdrawal whose money came back is struck through and tagged 已退回; the others are not', async () => {
    await renderAt(PAGES.history, <HistoryPage />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    const [reversal, failed, transfer] = rows();
    expect(failed!.querySelector('.list-row__amount')).toHaveClass('amount-undone');
    expect(failed!).toHaveTextContent('已退回');
    expect(failed!.querySelector('.list-row__amount')).toHaveTextContent('-¥30.00');
    expect(reversal!.querySelector('.list-row__amount')).toHaveClass('amount-in');
    expect(transfer!.querySelector('.list-row__amount')).toHaveClass('amount-out');
    for (const row of [reversal, transfer]) expect(row).not.toHaveTextContent(/已退回|已退款|处理中/);
  });

  test('filters are asked of the server, one request per choice', async () => {
    await renderAt(PAGES.history, <HistoryPage />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(api.requests(HISTORY)[0]!.query.get('direction')).toBeNull();
    await userEvent.click(document.getElementById('history-direction-out')!);
    await waitFor(() => expect(api.requests(HISTORY)).toHaveLength(2));
    await userEvent.click(document.getElementById('history-group-transfer')!);
    await waitFor(() => expect(api.requests(HISTORY)).toHaveLength(3));
    const last = api.requests(HISTORY)[2]!.query;
    expect([last.get('direction'), last.get('group')]).toEqual(['OUT', 'TRANSFER']);
    expect(document.getElementById('history-group-transfer')).toHaveClass('chip--selected');
    await userEvent.click(document.getElementById('history-direction-all')!);
    await waitFor(() => expect(api.requests(HISTORY)).toHaveLength(4));
    expect(api.requests(HISTORY)[3]!.query.get('direction')).toBeNull();
  });

  test('an empty filtered list says so', async () => {
    api.answer(HISTORY, 200, { items: [], nextCursor: null });
    await renderAt(PAGES.history, <HistoryPage />);
    expect(await screen.findByText('暂无交易记录')).toBeInTheDocument();
    await userEvent.click(document.getElementById('history-group-loan')!);
    expect(await screen.findByText('没有符合条件的记录')).toBeInTheDocument();
  });

  test('tapping an entry opens its receipt', async () => {
    await renderAt(PAGES.history, <HistoryPage />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await userEvent.click(screen.getByText('转账给 陈*'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${PAGES.historyDetail}?entryId=J3` });
  });
});

describe('the receipt', () => {
  test('shows the server\'s amount, status, reference (with copy), time, masked counterparty and account', async () => {
    api.answer(`GET /v1/account/history/${historyEntry.journalId}`, 200, historyEntry);
    await renderAt(`${PAGES.historyDetail}?entryId=${historyEntry.journalId}`, <HistoryDetailPage />);
    expect(await screen.findByText('交易成功')).toBeInTheDocument();
    expect(document.getElementById('entry-amount')).toHaveTextContent(/^-¥20\.00$/);
    expect(document.getElementById('reference')).toHaveTextContent(/^K7QM-4PX9-2HTR$/);
    expect(document.getElementById('entry-counterparty')).toHaveTextContent(/^陈\*$/);
    expect(document.getElementById('entry-account')).toHaveTextContent('6217 **** **** 0418');
    expect(document.getElementById('entry-kind')).toHaveTextContent('转账');
    expect(document.getElementById('entry-related')).toBeNull();
    // Taro's H5 clipboard copies with execCommand (jsdom has none), keeps what it copied in its
    // storage too, and says so in a toast.
    const execCommand = jest.fn((_command: string) => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await userEvent.click(document.getElementById('reference-copy')!);
    expect(execCommand).toHaveBeenCalledWith('copy');
    await waitFor(() => expect(localStorage.getItem('taro_clipboard')).toContain('K7QM-4PX9-2HTR'));
    expect(await screen.findByText('内容已复制')).toBeInTheDocument();
  });

  test('a failed withdrawal reads 失败 and opens the entry that returned the money', async () => {
    const failed = {
      ...historyEntry,
      kind: 'WITHDRAW' as const,
      kindLabel: '提现到银行卡',
      status: 'FAILED' as const,
      related: { journalId: 'J0123456789abcdefghijABCDEG', reference: 'P3XW-8MHT-5RZA', kind: 'WITHDRAW_REVERSAL' as const, kindLabel: '提现退回', createdAt: historyEntry.createdAt, relation: 'RETURNED_BY' as const },
    };
    api.answer(`GET /v1/account/history/${failed.journalId}`, 200, failed);
    await renderAt(`${PAGES.historyDetail}?entryId=${failed.journalId}`, <HistoryDetailPage />);
    expect(await screen.findByText('交易失败，资金已退回')).toBeInTheDocument();
    expect(document.getElementById('entry-related')).toHaveTextContent('退回交易提现退回 P3XW-8MHT-5RZA');
    await userEvent.click(document.getElementById('entry-related')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${PAGES.historyDetail}?entryId=J0123456789abcdefghijABCDEG` });
  });
});

describe('a delayed transfer (延时到账)', () => {
  const held = {
    ...historyEntry,
    kind: 'TRANSFER_HOLD' as const,
    kindLabel: '转账（延时到账）',
    label: '转账给 陈*（延时到账）',
    amountFen: -500000,
    status: 'HELD' as const,
    releaseAt: '2026-03-03T09:30:00.000Z',
  };
  const cancelled = {
    ...held,
    status: 'CANCELLED' as const,
    related: { journalId: 'J0123456789abcdefghijABCDEH', reference: 'P3XW-8MHT-5RZB', kind: 'TRANSFER_RETURN' as const, kindLabel: '转账退回', createdAt: held.createdAt, relation: 'RETURNED_BY' as const },
  };
  const ENTRY = `GET /v1/account/history/${held.journalId}` as const;
  const CANCEL = `POST /v1/account/held-transfers/${held.journalId}/cancel` as const;

  test('reads 延时到账中 with when it arrives; 撤销转账 says what happens, and only 确认撤销 cancels', async () => {
    api.answer(ENTRY, 200, held);
    await renderAt(`${PAGES.historyDetail}?entryId=${held.journalId}`, <HistoryDetailPage />);
    expect(await screen.findByText('延时到账中')).toBeInTheDocument();
    expect(document.getElementById('entry-release-at')).toHaveTextContent(formatDateTime(held.releaseAt));
    await userEvent.click(document.getElementById('entry-cancel-held')!);
    expect(document.getElementById('cancel-held-text')).toHaveTextContent('撤销后，¥5,000.00 将立即退回您的电子账户，收款人 陈* 不会收到这笔钱。');
    await userEvent.click(document.getElementById('cancel-held-back')!);
    expect(document.getElementById('cancel-held-sheet')).toBeNull();
    expect(api.requests(CANCEL)).toHaveLength(0);

    api.answer(CANCEL, 200, cancelled);
    await userEvent.click(document.getElementById('entry-cancel-held')!);
    api.answer(ENTRY, 200, cancelled);
    await userEvent.click(document.getElementById('cancel-held-confirm')!);
    expect(await screen.findByText('已撤销，资金已退回')).toBeInTheDocument();
    expect(api.requests(CANCEL)).toHaveLength(1);
    expect(document.getElementById('entry-cancel-held')).toBeNull();
    expect(document.getElementById('entry-release-at')).toBeNull();
    expect(document.getElementById('entry-related')).toHaveTextContent('退回交易转账退回 P3XW-8MHT-5RZB');
  });

  test('released meanwhile: the server\'s refusal shows, nothing else changes', async () => {
    api.answer(ENTRY, 200, held);
    api.answer(CANCEL, 409, { error: { code: 'HELD_TRANSFER_RELEASED', message: '这笔转账已到账，无法撤销' } });
    await renderAt(`${PAGES.historyDetail}?entryId=${held.journalId}`, <HistoryDetailPage />);
    await userEvent.click(await screen.findByText('撤销转账'));
    await userEvent.click(document.getElementById('cancel-held-confirm')!);
    expect(await screen.findByText('这笔转账已到账，无法撤销')).toBeInTheDocument();
    expect(screen.getByText('延时到账中')).toBeInTheDocument();
  });
});
