// Complaint tickets shaped into the contract, for the customer and for the service desk (masked:
// the customer's name and phone as the profile keeps them masked).
import type { ComplaintView, DeskComplaintView } from '../contract/complaint-schemas.js';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintTicket, isComplaintOverdue } from '../domain/complaints.js';
import type { DeskTicket } from '../services/complaint-desk.js';

export function complaintView(ticket: ComplaintTicket, now: Date): ComplaintView {
  return {
    ticketId: ticket.ticketId,
    category: ticket.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[ticket.category],
    description: ticket.description,
    movement: ticket.movement ?? null,
    status: ticket.status,
    statusLabel: COMPLAINT_STATUS_LABELS[ticket.status],
    openedAt: ticket.openedAt,
    dueAt: ticket.dueAt,
    overdue: isComplaintOverdue(ticket, now),
    answer: ticket.answer ?? null,
    answeredAt: ticket.answeredAt ?? null,
    closedAt: ticket.closedAt ?? null,
  };
}

export function deskComplaintView({ ticket, customer }: DeskTicket, now: Date): DeskComplaintView {
  return {
    ticket: complaintView(ticket, now),
    customer: { customerId: ticket.customerId, nameMasked: customer?.nameMasked ?? null, phoneMasked: customer?.phoneMasked ?? null },
    takenBy: ticket.takenBy ?? null,
    answeredBy: ticket.answeredBy ?? null,
  };
}
