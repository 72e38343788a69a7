// The customer's side of complaints and disputes (投诉与争议): open a ticket — a complaint, or a
// dispute of one of their own movements (any other journal: 404) — read their tickets, and close
// one the bank has answered. The service desk's side is services/complaint-desk.ts.
import { randomBytes } from 'node:crypto';
import { config } from '../config.js';
import { type ComplaintCategory, type ComplaintTicket, complaintDueAt, type DisputedMovement, MAX_OPEN_COMPLAINTS } from '../domain/complaints.js';
import { refuse } from '../domain/errors.js';
import { journalReference } from '../domain/history.js';
import { ticketCorrections } from '../store/complaint-corrections.js';
import { type ComplaintPage, customerComplaints, getComplaint, insertComplaint, moveComplaint } from '../store/complaints.js';
import type { CustomerRecord } from '../store/customers.js';
import { getJournal } from '../store/ledger.js';
import { loadSignedInCustomer } from './customer-guards.js';

export interface ComplaintRequest {
  category: ComplaintCategory;
  description: string;
  journalId?: string;
}

const newTicketId = () => `T${randomBytes(16).toString('hex')}`;

/** The customer's side of the journal, or 404 as for a journal that does not exist. */
async function ownMovement(customer: CustomerRecord, journalId: string): Promise<DisputedMovement> {
  const journal = customer.accountId ? await getJournal(journalId) : undefined;
  const own = journal?.postings.find((posting) => posting.accountId === customer.accountId);
  if (!journal || !own) return refuse('not_found', 'HISTORY_ENTRY_NOT_FOUND', '未找到这笔交易');
  return { journalId, reference: journalReference(journalId), label: own.label, counterparty: own.counterparty, amountFen: own.amountFen, createdAt: journal.createdAt };
}

export async function openComplaint(customerId: string, tokenIssuedAtMs: number, request: ComplaintRequest, now: Date): Promise<ComplaintTicket> {
  const customer = await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  const movement = request.journalId === undefined ? undefined : await ownMovement(customer, request.journalId);
  const ticket: ComplaintTicket = {
    ticketId: newTicketId(),
    customerId,
    category: request.category,
    description: request.description,
    ...(movement ? { movement } : {}),
    status: 'RECEIVED',
    openedAt: now.toISOString(),
    dueAt: complaintDueAt(now, config().COMPLAINT_RESPONSE_DAYS),
  };
  if (!(await insertComplaint(ticket, MAX_OPEN_COMPLAINTS))) {
    return refuse('conflict', 'TOO_MANY_OPEN_COMPLAINTS', `您已有 ${MAX_OPEN_COMPLAINTS} 件投诉正在处理，请等待答复后再提交`);
  }
  return ticket;
}

export async function myComplaints(customerId: string, tokenIssuedAtMs: number, limit: number, cursor: string | undefined): Promise<ComplaintPage> {
  await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  return customerComplaints(customerId, limit, cursor);
}

/** One of the customer's own tickets; anyone else's answers as one that does not exist. */
export async function myComplaint(customerId: string, tokenIssuedAtMs: number, ticketId: string): Promise<ComplaintTicket> {
  await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  const ticket = await getComplaint(ticketId);
  if (ticket?.customerId !== customerId) return refuse('not_found', 'COMPLAINT_NOT_FOUND', '未找到该投诉');
  return ticket;
}

/** A correction (差错调整) of the ticket's movement that was paid: what the customer sees of it. */
export interface PaidCorrection {
  amountFen: number;
  paidAt: string;
  reference: string;
}

/** One of the customer's own tickets with the corrections paid for it (proposed and waiting ones
 *  are the bank's business until a second operator approves them). */
export async function myComplaintDetail(customerId: string, tokenIssuedAtMs: number, ticketId: string): Promise<{ ticket: ComplaintTicket; corrections: PaidCorrection[] }> {
  const ticket = await myComplaint(customerId, tokenIssuedAtMs, ticketId);
  const corrections = ticket.movement ? await ticketCorrections(ticketId) : [];
  return {
    ticket,
    corrections: corrections.flatMap((record) =>
      record.paidAt !== undefined && record.journalId !== undefined ? [{ amountFen: record.amountFen, paidAt: record.paidAt, reference: journalReference(record.journalId) }] : [],
    ),
  };
}

/** The customer accepts the bank's answer: the ticket is closed for good. */
export async function closeComplaint(customerId: string, tokenIssuedAtMs: number, ticketId: string, now: Date): Promise<ComplaintTicket> {
  const ticket = await myComplaint(customerId, tokenIssuedAtMs, ticketId);
  const notAnswered = () => refuse('conflict', 'COMPLAINT_NOT_ANSWERED', '银行答复后才能关闭投诉');
  if (ticket.status !== 'ANSWERED') return notAnswered();
  const closed: ComplaintTicket = { ...ticket, status: 'CLOSED', closedAt: now.toISOString() };
  if (!(await moveComplaint(ticket, closed))) return notAnswered();
  return closed;
}
