// 投诉详情: a dispute's ticket shows the corrections (差错调整) paid for its movement, as the server
// listed them (amount, time, the credit's reference); a ticket without one shows no such card.
import { beforeEach, expect, test } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ComplaintDetailView } from '@contract/complaint-schemas';
import ComplaintPage from '@/packageService/pages/ticket/index';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { renderAt } from '../support/router';

const TICKET_ID = `T${'a'.repeat(32)}`;
const READ = `GET /v1/complaints/${TICKET_ID}` as const;

const ticket = (corrections: ComplaintDetailView['corrections']): ComplaintDetailView => ({
  ticketId: TICKET_ID,
  category: 'DISPUTE',
  categoryLabel: '交易争议',
  description: '这笔缴费被重复扣款了。',
  movement: { journalId: `J${'b'.repeat(26)}`, reference: 'K7QM-4PX9-2HTR', label: '国网电费缴费', counterparty: '32******78', amountFen: -12_340, createdAt: '2026-12-01T02:00:00.000Z' },
  status: 'ANSWERED',
  statusLabel: '已答复',
  openedAt: '2026-12-01T03:00:00.000Z',
  dueAt: '2026-12-16T15:59:59.999Z',
  overdue: false,
  answer: '经核实为重复扣款，已为您调整。',
  answeredAt: '2026-12-02T03:00:00.000Z',
  closedAt: null,
  corrections,
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

test('a paid correction: its amount, time and reference on the ticket', async () => {
  api.answer(READ, 200, ticket([{ amountFen: 12_340, paidAt: '2026-12-02T04:00:00.000Z', reference: 'NATR-5AH2-Z42Z' }]));
  await renderAt(`/packageService/pages/ticket/index?ticketId=${TICKET_ID}`, <ComplaintPage />);
  const card = await screen.findByText('差错调整');
  expect(card).toBeTruthy();
  expect(screen.getByText('+¥123.40')).toBeTruthy();
  expect(screen.getByText('NATR-5AH2-Z42Z')).toBeTruthy();
  expect(screen.getByText('款项已存入您的电子账户，可在交易明细中查看。')).toBeTruthy();
});

test('no correction paid: no such card', async () => {
  api.answer(READ, 200, ticket([]));
  await renderAt(`/packageService/pages/ticket/index?ticketId=${TICKET_ID}`, <ComplaintPage />);
  expect(await screen.findByText('经核实为重复扣款，已为您调整。')).toBeTruthy();
  expect(screen.queryByText('差错调整')).toBeNull();
});
