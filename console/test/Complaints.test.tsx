import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { DeskComplaint } from '@/api/types';
import { ComplaintPage } from '@/pages/service/ComplaintPage';
import { ComplaintQueue } from '@/pages/service/ComplaintQueue';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const TICKET_ID = `T${'a'.repeat(32)}`;
const QUEUE = 'GET /v1/console/complaints';
const TICKET = `GET /v1/console/complaints/${TICKET_ID}` as const;
const ANSWER = `POST /v1/console/complaints/${TICKET_ID}/answer` as const;

const desk = (changes: Partial<DeskComplaint['ticket']> = {}, rest: Partial<DeskComplaint> = {}): DeskComplaint => ({
  ticket: {
    ticketId: TICKET_ID,
    category: 'DISPUTE',
    categoryLabel: '交易争议',
    description: '这笔转账我没有操作过',
    movement: { journalId: `J${'b'.repeat(26)}`, reference: 'K7QM-4PX9-2HTR', label: '转账给 李*', counterparty: '李*', amountFen: -123_400, createdAt: '2026-12-01T02:00:00.000Z' },
    status: 'IN_PROGRESS',
    statusLabel: '处理中',
    openedAt: '2026-12-01T03:00:00.000Z',
    dueAt: '2026-12-16T15:59:59.999Z',
    overdue: false,
    answer: null,
    answeredAt: null,
    closedAt: null,
    ...changes,
  },
  customer: { customerId: 'C1', nameMasked: '张**', phoneMasked: '138****8000' },
  takenBy: 'cs.zhao',
  answeredBy: null,
  ...rest,
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-cs',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O5', login: 'cs.zhao', displayName: '赵敏', roles: ['CUSTOMER_SERVICE'], permissions: ['console.me', 'complaints.read', 'complaints.answer'] },
  });
});

const renderTicket = (canAnswer: boolean) =>
  render(
    <MemoryRouter>
      <ComplaintPage ticketId={TICKET_ID} canAnswer={canAnswer} canReadCustomers={false} />
    </MemoryRouter>,
  );

describe('投诉工单', () => {
  test('the open queue is asked for by default; an overdue ticket is marked', async () => {
    api.answer(QUEUE, 200, { items: [desk({ overdue: true, status: 'RECEIVED', statusLabel: '已受理' })], nextCursor: null });
    render(
      <MemoryRouter>
        <ComplaintQueue />
      </MemoryRouter>,
    );
    const row = (await screen.findByText('这笔转账我没有操作过')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已逾期')).toBeTruthy();
    expect(within(row).getByText('交易争议')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '查看' }).getAttribute('href')).toBe(`/service/complaints/${TICKET_ID}`);
    expect(Object.fromEntries(api.requests(QUEUE)[0]!.query)).toEqual({ queue: 'OPEN', limit: '20' });
  });

  test('an answer shorter than 5 characters is refused in the form; a valid one is sent and shown', async () => {
    api.answer(TICKET, 200, desk());
    renderTicket(true);
    const box = await screen.findByLabelText('答复客户（客户将在小程序中看到）');
    fireEvent.change(box, { target: { value: '已处理' } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    expect(await screen.findByText('请填写 5–1000 个字的答复')).toBeTruthy();
    expect(api.requests(ANSWER)).toHaveLength(0);

    const answer = '经核查，该笔转账由您本人设备发起。';
    api.answer(ANSWER, 200, desk({ status: 'ANSWERED', statusLabel: '已答复', answer, answeredAt: '2026-12-02T03:00:00.000Z' }, { answeredBy: 'cs.zhao' }));
    fireEvent.change(box, { target: { value: answer } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    // The typed answer is in the textarea too: wait for the server's status, then read the answer shown.
    expect(await screen.findByText('已答复')).toBeTruthy();
    expect(document.getElementById('ticket-answer')?.textContent).toBe(answer);
    expect(api.requests(ANSWER)[0]!.body).toEqual({ answer });
  });

  test('an auditor reads the ticket and the disputed movement, with nothing to take or answer', async () => {
    api.answer(TICKET, 200, desk({ status: 'RECEIVED', statusLabel: '已受理' }));
    renderTicket(false);
    expect(await screen.findByText('−¥1,234')).toBeTruthy();
    expect(screen.getByText('尚未答复')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开始处理' })).toBeNull();
    expect(screen.queryByRole('button', { name: '提交答复' })).toBeNull();
  });
});
