// The service desk's side of complaints and disputes (投诉工单): the queues by deadline, a ticket
// with its customer (masked), taking a ticket (处理中) and answering it. Taking and answering are
// each recorded in the audit log in the same transaction as the move: both or neither. A ticket
// read on its own comes with its corrections (差错调整, services/complaint-corrections.ts).
import type { AuditActor } from '../domain/audit-chain.js';
import { type ComplaintQueue, type ComplaintTicket, isOpenComplaint } from '../domain/complaints.js';
import { refuse } from '../domain/errors.js';
import { batchGetItems } from '../store/batch-get.js';
import { type ComplaintPage, complaintMoveItems, complaintQueuePage, getComplaint } from '../store/complaints.js';
import { type CustomerRecord, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { recordAuditWith } from './audit.js';
import { deskCorrections, type TicketCorrections } from './complaint-corrections.js';
import { postMessage } from './messages.js';
import type { ConsoleOperator } from './operators.js';

export interface DeskTicket {
  ticket: ComplaintTicket;
  customer: Pick<CustomerRecord, 'customerId' | 'nameMasked' | 'phoneMasked'> | undefined;
}

/** A ticket read on its own: with its corrections. */
export type DeskTicketDetail = DeskTicket & TicketCorrections;

async function detailOf(ticket: ComplaintTicket): Promise<DeskTicketDetail> {
  const [customer, corrections] = await Promise.all([getCustomer(ticket.customerId), deskCorrections(ticket)]);
  return { ticket, customer, ...corrections };
}

const operatorActor = (operator: ConsoleOperator): AuditActor => ({ kind: 'operator', id: operator.operatorId });

/** A page of one queue, each ticket with its customer's masked name and phone. */
export async function complaintQueueTickets(queue: ComplaintQueue, limit: number, cursor: string | undefined): Promise<{ items: DeskTicket[]; nextCursor: string | undefined }> {
  const page: ComplaintPage = await complaintQueuePage(queue, limit, cursor);
  const customerIds = [...new Set(page.tickets.map((ticket) => ticket.customerId))];
  const customers = customerIds.length === 0 ? [] : ((await batchGetItems(customerIds.map((id) => keys.customer(id)))) as unknown as CustomerRecord[]);
  const byId = new Map(customers.map((customer) => [customer.customerId, customer]));
  return { items: page.tickets.map((ticket) => ({ ticket, customer: byId.get(ticket.customerId) })), nextCursor: page.nextCursor };
}

async function loadTicket(ticketId: string): Promise<ComplaintTicket> {
  const ticket = await getComplaint(ticketId);
  if (!ticket) return refuse('not_found', 'COMPLAINT_NOT_FOUND', '未找到该投诉工单');
  return ticket;
}

export async function deskTicket(ticketId: string): Promise<DeskTicketDetail> {
  return detailOf(await loadTicket(ticketId));
}

/** Moves the ticket and records who did it, in one transaction; a ticket another agent moved
 *  meanwhile is refused with `moved`. */
async function auditedMove(from: ComplaintTicket, to: ComplaintTicket, action: 'complaint.take' | 'complaint.answer', operator: ConsoleOperator, now: Date, moved: () => never): Promise<DeskTicketDetail> {
  const outcome = await recordAuditWith(
    {
      actor: operatorActor(operator),
      action,
      target: { kind: 'complaint', id: from.ticketId },
      before: { status: from.status },
      after: { status: to.status, ...(to.answer === undefined ? {} : { answer: to.answer }) },
    },
    now,
    () => complaintMoveItems(from, to),
  );
  if ('refusedChange' in outcome) return moved();
  return detailOf(to);
}

/** An agent takes a ticket nobody took yet: 处理中. */
export async function takeComplaint(ticketId: string, operator: ConsoleOperator, now: Date): Promise<DeskTicketDetail> {
  const ticket = await loadTicket(ticketId);
  const taken = () => refuse('conflict', 'COMPLAINT_ALREADY_TAKEN', '该工单已有人处理或已答复');
  if (ticket.status !== 'RECEIVED') return taken();
  return auditedMove(ticket, { ...ticket, status: 'IN_PROGRESS', takenAt: now.toISOString(), takenBy: operator.login }, 'complaint.take', operator, now, taken);
}

/** The bank's answer, which the customer then reads: allowed while the ticket is open. */
export async function answerComplaint(ticketId: string, answer: string, operator: ConsoleOperator, now: Date): Promise<DeskTicketDetail> {
  const ticket = await loadTicket(ticketId);
  const answered = () => refuse('conflict', 'COMPLAINT_ALREADY_ANSWERED', '该工单已答复');
  if (!isOpenComplaint(ticket.status)) return answered();
  const detail = await auditedMove(ticket, { ...ticket, status: 'ANSWERED', answer, answeredAt: now.toISOString(), answeredBy: operator.login }, 'complaint.answer', operator, now, answered);
  await postMessage({ customerId: ticket.customerId, kind: 'COMPLAINT_ANSWERED', ref: ticketId, at: now });
  return detail;
}
