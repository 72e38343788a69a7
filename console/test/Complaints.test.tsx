import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ChangeRequest, DeskComplaintDetail } from '@/api/types';
import { ComplaintPage } from '@/pages/service/ComplaintPage';
import { ComplaintQueue } from '@/pages/service/ComplaintQueue';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const TICKET_ID = `T${'a'.repeat(32)}`;
const QUEUE = 'GET /v1/console/complaints';
const TICKET = `GET /v1/console/complaints/${TICKET_ID}` as const;
const ANSWER = `POST /v1/console/complaints/${TICKET_ID}/answer` as const;
const CORRECT = `POST /v1/console/complaints/${TICKET_ID}/corrections` as const;

const desk = (changes: Partial<DeskComplaintDetail['ticket']> = {}, rest: Partial<DeskComplaintDetail> = {}): DeskComplaintDetail => ({
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
  corrections: [],
  correctionRoomFen: 123_400,
  ...rest,
});

const pending = (amountFen: number): DeskComplaintDetail['corrections'][number] => ({
  changeId: `C${'c'.repeat(32)}`,
  amountFen,
  reason: '缴费机构确认重复扣款',
  status: 'PENDING',
  statusLabel: '待复核',
  proposedBy: 'cs.zhao',
  approvedBy: null,
  proposedAt: '2026-12-02T03:00:00.000Z',
  paidAt: null,
  reference: null,
  failure: null,
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

const renderTicket = (canAnswer: boolean, canCorrect = false) =>
  render(
    <MemoryRouter>
      <ComplaintPage ticketId={TICKET_ID} canAnswer={canAnswer} canCorrect={canCorrect} canReadCustomers={false} />
    </MemoryRouter>,
  );

async function openCorrectionForm() {
  fireEvent.click(await screen.findByRole('button', { name: '差错调整' }));
  return { amount: await screen.findByLabelText('调整金额（元）'), reason: screen.getByLabelText('原因（复核人将看到）') };
}

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

  describe('差错调整', () => {
    test('an amount above what may still be corrected is refused in the form: nothing is sent', async () => {
      api.answer(TICKET, 200, desk({}, { correctionRoomFen: 1_000 }));
      renderTicket(true, true);
      expect(await screen.findByText('该笔交易尚可调整 ¥10；调整须经另一名运营人员复核后入账。')).toBeTruthy();
      const { amount, reason } = await openCorrectionForm();
      fireEvent.change(reason, { target: { value: '缴费机构确认重复扣款' } });
      fireEvent.change(amount, { target: { value: '10.01' } });
      fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
      expect(await screen.findByText('调整金额不能超过 ¥10')).toBeTruthy();
      expect(api.requests(CORRECT)).toHaveLength(0);
    });

    test('yuan typed are sent as exact fen with the reason; the ticket is read again and lists the correction waiting for review', async () => {
      api.answer(TICKET, 200, desk());
      renderTicket(true, true);
      const { amount, reason } = await openCorrectionForm();
      fireEvent.change(amount, { target: { value: '0.29' } });
      fireEvent.change(reason, { target: { value: '  缴费机构确认重复扣款  ' } });
      const change = { changeId: `C${'c'.repeat(32)}`, kind: 'COMPLAINT_CORRECTION', status: 'PENDING' } as ChangeRequest;
      api.answer(CORRECT, 200, change);
      api.answer(TICKET, 200, desk({}, { corrections: [pending(29)], correctionRoomFen: 123_400 }));
      fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
      expect(await screen.findByText('待复核')).toBeTruthy();
      // 0.29 × 100 is 28.999999999999996 in floating point: the text is read digit by digit.
      expect(api.requests(CORRECT)[0]!.body).toEqual({ amountFen: 29, reason: '缴费机构确认重复扣款' });
      expect(screen.getByText('+¥0.29')).toBeTruthy();
      expect(screen.getByRole('link', { name: '复核详情' }).getAttribute('href')).toBe(`/changes/C${'c'.repeat(32)}`);
      // One correction waits: no second one until it is decided.
      expect(screen.queryByRole('button', { name: '差错调整' })).toBeNull();
    });

    test('the server\'s refusal is shown in its words and the form stays open', async () => {
      api.answer(TICKET, 200, desk());
      renderTicket(true, true);
      const { amount, reason } = await openCorrectionForm();
      fireEvent.change(amount, { target: { value: '12' } });
      fireEvent.change(reason, { target: { value: '缴费机构确认重复扣款' } });
      api.answer(CORRECT, 409, { error: { code: 'ACCOUNT_CLOSED', message: '该电子账户已销户，不能入账' } });
      fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
      expect(await screen.findByText('该电子账户已销户，不能入账')).toBeTruthy();
      expect(api.requests(CORRECT)[0]!.body).toEqual({ amountFen: 1_200, reason: '缴费机构确认重复扣款' });
      expect(screen.getByLabelText('调整金额（元）')).toBeTruthy();
    });

    test('a paid correction shows its reference; without the permission there is no button', async () => {
      const paid = { ...pending(5_000), status: 'EFFECTIVE' as const, statusLabel: '已生效', approvedBy: 'ops.qian', paidAt: '2026-12-02T04:00:00.000Z', reference: 'K7QM-4PX9-2HTR' };
      api.answer(TICKET, 200, desk({}, { corrections: [paid], correctionRoomFen: 118_400 }));
      renderTicket(false, false);
      expect(await screen.findByText('已生效')).toBeTruthy();
      expect(screen.getByText(/参考号 K7QM-4PX9-2HTR/)).toBeTruthy();
      expect(screen.getByText('ops.qian')).toBeTruthy();
      expect(screen.queryByRole('button', { name: '差错调整' })).toBeNull();
    });
  });
});
