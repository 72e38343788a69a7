// The service desk's side of complaints and disputes (投诉工单): the queues by deadline, a ticket
// with its customer (masked), taking a ticket (处理中) and answering it. Taking and answering are
// each recorded in the audit log in the same transaction as the move: both or neither.
import type { AuditActor } from '../domain/audit-chain.js';
import { type ComplaintQueue, type ComplaintTicket, isOpenComplaint } from '../domain/complaints.js';
import { refuse } from '../domain/errors.js';
import { batchGetItems } from '../store/batch-get.js';
import { type ComplaintPage, complaintMoveItems, complaintQueuePage, getComplaint } from '../store/complaints.js';
import { type CustomerRecord, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { recordAuditWith } from './audit.js';
import type { ConsoleOperator } from './operators.js';

export interface DeskTicket {
  ticket: ComplaintTicket;
  customer: Pick<CustomerRecord, 'customerId' | 'nameMasked' | 'phoneMasked'> | undefined;
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

export async function deskTicket(ticketId: string): Promise<DeskTicket> {
  const ticket = await loadTicket(ticketId);
  return { ticket, customer: await getCustomer(ticket.customerId) };
}

/** Moves the ticket and records who did it, in one transaction; a ticket another agent moved
 *  meanwhile is refused with `moved`. */
async function auditedMove(from: ComplaintTicket, to: ComplaintTicket, action: 'complaint.take' | 'complaint.answer', operator: ConsoleOperator, now: Date, moved: () => never): Promise<DeskTicket> {
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
  return { ticket: to, customer: await getCustomer(to.customerId) };
}

/** An agent takes a ticket nobody took yet: 处理中. */
export async function takeComplaint(ticketId: string, operator: ConsoleOperator, now: Date): Promise<DeskTicket> {
  const ticket = await loadTicket(ticketId);
  const taken = () => refuse('conflict', 'COMPLAINT_ALREADY_TAKEN', '该工单已有人处理或已答复');
  if (ticket.status !== 'RECEIVED') return taken();
  return auditedMove(ticket, { ...ticket, status: 'IN_PROGRESS', takenAt: now.toISOString(), takenBy: operator.login }, 'complaint.take', operator, now, taken);
}

/** The bank's answer, which the customer then reads: allowed while the ticket is open. */
export async function answerComplaint(ticketId: string, answer: string, operator: ConsoleOperator, now: Date): Promise<DeskTicket> {
  const ticket = await loadTicket(ticketId);
  const answered = () => refuse('conflict', 'COMPLAINT_ALREADY_ANSWERED', '该工单已答复');
  if (!isOpenComplaint(ticket.status)) return answered();
  return auditedMove(ticket, { ...ticket, status: 'ANSWERED', answer, answeredAt: now.toISOString(), answeredBy: operator.login }, 'complaint.answer', operator, now, answered);
}
