// The service desk's complaint routes (/v1/console/complaints*): a queue a page at a time, a ticket,
// taking it and answering it. The server audits both moves; the console only asks.
import { consoleRequest } from './http';
import type { ComplaintQueue, DeskComplaint, DeskComplaintPage } from './types';

export function fetchComplaintQueue(queue: ComplaintQueue, limit: number, cursor?: string): Promise<DeskComplaintPage> {
  return consoleRequest({ method: 'GET', path: '/v1/console/complaints', query: { queue, limit: String(limit), ...(cursor ? { cursor } : {}) } });
}

export function fetchComplaint(ticketId: string): Promise<DeskComplaint> {
  return consoleRequest({ method: 'GET', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}` });
}

export function takeComplaint(ticketId: string): Promise<DeskComplaint> {
  return consoleRequest({ method: 'POST', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}/take` });
}

export function answerComplaint(ticketId: string, answer: string): Promise<DeskComplaint> {
  return consoleRequest({ method: 'POST', path: `/v1/console/complaints/${encodeURIComponent(ticketId)}/answer`, body: { answer } });
}
