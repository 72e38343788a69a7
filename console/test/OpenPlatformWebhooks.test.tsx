import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { PartnerPage, WebhookEvent, WebhookEventPage } from '@/api/partners';
import { PartnerList } from '@/pages/open/PartnersPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PARTNERS = 'GET /v1/console/partners';
const EVENTS = 'GET /v1/console/partners/PSANDBOX/webhook-events';
const REDELIVER = 'POST /v1/console/partners/PSANDBOX/webhook-events/evt_0123456789abcdef01234567/redeliver';

const partners: PartnerPage = {
  partners: [{ partnerId: 'PSANDBOX', name: '邻里鲜社区超市（沙箱）', status: 'ACTIVE', scopes: ['merchants', 'payments'], keySerials: ['3C5A4E4C53414E44'], feeRateBps: 30, rateLimitPerMinute: 600, updatedAt: '2026-12-07T02:00:00.000Z' }],
  scopeLabels: { merchants: '商户进件', payments: '收款', refunds: '退款' },
};

const attempt = (httpStatus: number, at: string) => ({ at, httpStatus, durationMs: 37, response: '服务暂不可用' });

const failed: WebhookEvent = {
  eventId: 'evt_0123456789abcdef01234567',
  type: 'order.paid',
  typeLabel: '订单支付成功',
  createdAt: '2026-12-06T02:00:00.000Z',
  status: 'FAILED',
  statusLabel: '失败',
  nextAttemptAt: null,
  deliveries: [{ url: 'https://llx.example.com/jinlin/webhooks', status: 'FAILED', statusLabel: '失败', attemptsMade: 8, totalAttempts: 8, nextAttemptAt: null, attempts: [attempt(500, '2026-12-07T05:35:00.000Z')] }],
};

const retrying: WebhookEvent = {
  eventId: 'evt_fedcba9876543210fedcba98',
  type: 'refund.succeeded',
  typeLabel: '退款成功',
  createdAt: '2026-12-07T01:00:00.000Z',
  status: 'PENDING',
  statusLabel: '重试中',
  nextAttemptAt: '2026-12-07T03:30:00.000Z',
  deliveries: [
    {
      url: 'https://llx.example.com/jinlin/webhooks',
      status: 'PENDING',
      statusLabel: '重试中',
      attemptsMade: 3,
      totalAttempts: 3,
      nextAttemptAt: '2026-12-07T03:30:00.000Z',
      attempts: [{ at: '2026-12-07T01:05:00.000Z', error: 'TIMEOUT', durationMs: 5_001, response: '' }],
    },
  ],
};

const page: WebhookEventPage = { events: [retrying, failed], nextCursor: null };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(PARTNERS, 200, partners);
  api.answer(EVENTS, 200, page);
  startSession({
    accessToken: 'token-pm',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'partners.read', 'partners.draft'] },
  });
});

const within20s = { timeout: 20_000 };

async function openLog(canDraft: boolean): Promise<HTMLElement> {
  render(<MemoryRouter><PartnerList canDraft={canDraft} /></MemoryRouter>);
  const row = (await screen.findByText('邻里鲜社区超市（沙箱）')).closest('tr') as HTMLElement;
  fireEvent.click(within(row).getByRole('button', { name: '推送记录' }));
  const drawer = await screen.findByRole('dialog');
  await within(drawer).findByText('订单支付成功', undefined, within20s);
  return drawer;
}

const rowOf = (drawer: HTMLElement, eventId: string) => within(drawer).getByText(eventId).closest('tr') as HTMLElement;

describe('开放平台 › 合作方 › 推送记录', () => {
  test('each event with its type, id, status, attempts, next attempt and the last answer, newest first', async () => {
    const drawer = await openLog(false);
    expect(within(drawer).getByText('推送记录 · 邻里鲜社区超市（沙箱）')).toBeInTheDocument();
    const rows = within(drawer).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('退款成功')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('订单支付成功')).toBeInTheDocument();
    const failedRow = rowOf(drawer, failed.eventId);
    expect(within(failedRow).getByText('失败', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(within(failedRow).getByText('8 / 8（失败）')).toBeInTheDocument();
    expect(within(failedRow).getByText('HTTP 500（37 毫秒）')).toBeInTheDocument();
    const retryingRow = rowOf(drawer, retrying.eventId);
    expect(within(retryingRow).getByText('重试中', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(within(retryingRow).getByText('超时未应答（5001 毫秒）')).toBeInTheDocument();
    expect(within(retryingRow).getByText('2026-12-07 11:30:00')).toBeInTheDocument();
    // A reader sees the log and cannot redeliver.
    expect(within(drawer).queryByRole('button', { name: '重新推送' })).toBeNull();
  });

  test('重新推送 asks first, then sends the event’s redelivery and shows its new schedule', async () => {
    const scheduled: WebhookEvent = {
      ...failed,
      status: 'PENDING',
      statusLabel: '重试中',
      nextAttemptAt: '2026-12-07T06:00:00.000Z',
      deliveries: [{ ...failed.deliveries[0]!, status: 'PENDING', statusLabel: '重试中', attemptsMade: 0, nextAttemptAt: '2026-12-07T06:00:00.000Z' }],
    };
    api.answer(REDELIVER, 200, scheduled);
    const drawer = await openLog(true);
    fireEvent.click(within(rowOf(drawer, failed.eventId)).getByRole('button', { name: '重新推送' }));
    await waitFor(() => expect(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')).not.toBeNull(), within20s);
    expect(api.requests(REDELIVER)).toHaveLength(0);
    fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')!);
    await waitFor(() => expect(api.requests(REDELIVER)).toHaveLength(1), within20s);
    expect(await within(drawer).findByText(`已安排重新推送事件 ${failed.eventId}，将在下一轮推送中发出。`)).toBeInTheDocument();
    const row = rowOf(drawer, failed.eventId);
    expect(within(row).getByText('0 / 8（重试中）')).toBeInTheDocument();
    expect(within(row).getByText('2026-12-07 14:00:00')).toBeInTheDocument();
  });

  test('a refusal is shown in the server’s words', async () => {
    api.answer(REDELIVER, 409, { error: { code: 'WEBHOOK_EVENT_BUSY', message: '该事件正在推送，请稍后重试' } });
    const drawer = await openLog(true);
    fireEvent.click(within(rowOf(drawer, failed.eventId)).getByRole('button', { name: '重新推送' }));
    await waitFor(() => expect(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')).not.toBeNull(), within20s);
    fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')!);
    expect(await within(drawer).findByText('该事件正在推送，请稍后重试', undefined, within20s)).toBeInTheDocument();
  });
});
