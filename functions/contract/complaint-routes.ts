// Routes of the customer's complaints and disputes (投诉与争议): open one, list and read their own,
// close one the bank answered. Another customer's ticket answers 404.
import * as s from './complaint-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const complaintRoutes = {
  complaintOpen: {
    method: 'POST',
    path: '/v1/complaints',
    summary: 'Open a complaint, or dispute one of the customer\'s own movements (journalId with DISPUTE; 404 HISTORY_ENTRY_NOT_FOUND otherwise), answered within the response deadline (409 TOO_MANY_OPEN_COMPLAINTS)',
    auth: 'customer',
    idempotent: false,
    body: s.ComplaintOpenRequest,
    response: s.ComplaintView,
  },
  complaints: {
    method: 'GET',
    path: '/v1/complaints',
    summary: 'The customer\'s complaints (我的投诉), newest first, with their status, deadline and the bank\'s answer',
    auth: 'customer',
    idempotent: false,
    query: s.ComplaintListQuery,
    response: s.ComplaintList,
  },
  complaint: {
    method: 'GET',
    path: '/v1/complaints/{ticketId}',
    summary: 'One of the customer\'s complaints, with the corrections (差错调整) paid for its movement (404 COMPLAINT_NOT_FOUND for anyone else\'s)',
    auth: 'customer',
    idempotent: false,
    params: s.ComplaintParams,
    response: s.ComplaintDetailView,
  },
  complaintClose: {
    method: 'POST',
    path: '/v1/complaints/{ticketId}/close',
    summary: 'The customer accepts the bank\'s answer and closes the complaint (409 COMPLAINT_NOT_ANSWERED)',
    auth: 'customer',
    idempotent: false,
    params: s.ComplaintParams,
    response: s.ComplaintView,
  },
} as const satisfies Record<string, RouteSpec>;
