// Complaint tickets shaped into the contract, for the customer and for the service desk (masked:
// the customer's name and phone as the profile keeps them masked).
import type { ComplaintDetailView, ComplaintView, DeskComplaintDetailView, DeskComplaintView } from '../contract/complaint-schemas.js';
import { CHANGE_STATUS_LABELS } from '../domain/change-requests.js';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintTicket, isComplaintOverdue } from '../domain/complaints.js';
import type { DeskTicket, DeskTicketDetail } from '../services/complaint-desk.js';
import type { PaidCorrection } from '../services/complaints.js';

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

export function complaintDetailView({ ticket, corrections }: { ticket: ComplaintTicket; corrections: PaidCorrection[] }, now: Date): ComplaintDetailView {
  return { ...complaintView(ticket, now), corrections };
}

export function deskComplaintDetailView(detail: DeskTicketDetail, now: Date): DeskComplaintDetailView {
  return {
    ...deskComplaintView(detail, now),
    corrections: detail.corrections.map((correction) => ({
      changeId: correction.changeId,
      amountFen: correction.amountFen,
      reason: correction.reason,
      status: correction.status,
      statusLabel: CHANGE_STATUS_LABELS[correction.status],
      proposedBy: correction.proposedBy,
      approvedBy: correction.approvedBy ?? null,
      proposedAt: correction.proposedAt,
      paidAt: correction.paidAt ?? null,
      reference: correction.reference ?? null,
      failure: correction.failure ?? null,
    })),
    correctionRoomFen: detail.roomFen ?? null,
  };
}
