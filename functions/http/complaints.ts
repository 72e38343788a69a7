// The customer's complaints and disputes (投诉与争议). Apart from the account function, so the
// money routes' bundle and round trips stay as they are.
import { complaintRoutes as routes } from '../contract/complaint-routes.js';
import { COMPLAINT_PAGE_DEFAULT } from '../domain/complaints.js';
import { closeComplaint, myComplaintDetail, myComplaints, openComplaint } from '../services/complaints.js';
import { complaintDetailView, complaintView } from './complaint-views.js';
import { defineRoute, lambda } from './route.js';

const open = defineRoute('complaintOpen', routes.complaintOpen, async ({ customerId, tokenIssuedAtMs, body, now }) =>
  complaintView(await openComplaint(customerId, tokenIssuedAtMs, body, now), now),
);

const list = defineRoute('complaints', routes.complaints, async ({ customerId, tokenIssuedAtMs, query, now }) => {
  const page = await myComplaints(customerId, tokenIssuedAtMs, query.limit ?? COMPLAINT_PAGE_DEFAULT, query.cursor);
  return { items: page.tickets.map((ticket) => complaintView(ticket, now)), nextCursor: page.nextCursor ?? null };
});

const read = defineRoute('complaint', routes.complaint, async ({ customerId, tokenIssuedAtMs, params, now }) =>
  complaintDetailView(await myComplaintDetail(customerId, tokenIssuedAtMs, params.ticketId), now),
);

const close = defineRoute('complaintClose', routes.complaintClose, async ({ customerId, tokenIssuedAtMs, params, now }) =>
  complaintView(await closeComplaint(customerId, tokenIssuedAtMs, params.ticketId, now), now),
);

export const handler = lambda([open, list, read, close]);
