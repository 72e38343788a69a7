// The complaint routes' calls (shapes from functions/contract/complaint-schemas.ts); only
// packageService uses them.
import type { ComplaintDetailView, ComplaintList, ComplaintView } from '@contract/complaint-schemas';
import { customerRequest } from '@/api/http';

export type Complaint = ComplaintView;
/** One ticket read on its own: with the corrections (差错调整) paid for its movement. */
export type ComplaintDetail = ComplaintDetailView;
export type ComplaintCategory = ComplaintView['category'];

/** functions/domain/complaints.ts's bounds, mirrored so the form can say them before sending (the
 *  server checks them again): characters, not UTF-16 units. */
export const DESCRIPTION_MIN_CHARS = 5;
export const DESCRIPTION_MAX_CHARS = 500;
export const characterCount = (text: string): number => [...text].length;

export function openComplaint(body: { category: ComplaintCategory; description: string; journalId?: string }): Promise<Complaint> {
  return customerRequest<Complaint>({ method: 'POST', path: '/v1/complaints', body });
}

export function getMyComplaints(cursor?: string): Promise<ComplaintList> {
  return customerRequest<ComplaintList>({ method: 'GET', path: '/v1/complaints', query: { cursor } });
}

export function getComplaint(ticketId: string): Promise<ComplaintDetail> {
  return customerRequest<ComplaintDetail>({ method: 'GET', path: `/v1/complaints/${encodeURIComponent(ticketId)}` });
}

export function closeComplaint(ticketId: string): Promise<Complaint> {
  return customerRequest<Complaint>({ method: 'POST', path: `/v1/complaints/${encodeURIComponent(ticketId)}/close` });
}
