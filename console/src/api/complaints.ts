// The service desk's complaint routes (/v1/console/complaints*): a queue a page at a time, a ticket,
// taking it, answering it and proposing a correction (差错调整) of its movement. The server audits
// each; the console only asks.
import { consoleRequest } from './http';
import type { ChangeRequest, ComplaintQueue, DeskComplaintDetail, DeskComplaintPage } from './types';

export function fetchComplaintQueue(queue: ComplaintQueue, limit: number, cursor?: string): Promise<DeskComplaintPage> {
  return consoleRequest({ method: 'GET', path: '/v1/console/complaints', query: { queue, limit: String(limit), ...(cursor ? { cursor } : {}) } });
}

export function fetchComplaint(ticketId: string): Promise<DeskComplaintDetail> {
  return consoleRequest({ method: 'GET', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}` });
}

export function takeComplaint(ticketId: string): Promise<DeskComplaintDetail> {
  return consoleRequest({ method: 'POST', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}/take` });
}

export function answerComplaint(ticketId: string, answer: string): Promise<DeskComplaintDetail> {
  return consoleRequest({ method: 'POST', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}/answer`, body: { answer } });
}

/** A credit of `amountFen` to the customer: a change request a second operator approves. */
export function proposeCorrection(ticketId: string, amountFen: number, reason: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}/corrections`, body: { amountFen, reason } });
}
