// The service desk's complaint queue (客服工单): tickets, taking and answering one, and proposing a
// correction (差错调整) for a second operator to approve. A function of its own beside the
// customer service routes (console-service.ts), so neither bundle carries the other's code.
import { consoleServiceRoutes as routes } from '../contract/console-service-routes.js';
import { COMPLAINT_PAGE_DEFAULT } from '../domain/complaints.js';
import { answerComplaint, complaintQueueTickets, deskTicket, takeComplaint } from '../services/complaint-desk.js';
import { proposeCorrection } from '../services/complaint-corrections.js';
import { deskComplaintDetailView, deskComplaintView } from './complaint-views.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const complaints = defineConsoleRoute('consoleComplaints', routes.consoleComplaints, async ({ query, now }) => {
  const page = await complaintQueueTickets(query.queue ?? 'OPEN', query.limit ?? COMPLAINT_PAGE_DEFAULT, query.cursor);
  return { items: page.items.map((item) => deskComplaintView(item, now)), nextCursor: page.nextCursor ?? null };
});

const complaint = defineConsoleRoute('consoleComplaint', routes.consoleComplaint, async ({ params, now }) => deskComplaintDetailView(await deskTicket(params.ticketId), now));

const takeTicket = defineConsoleRoute('consoleComplaintTake', routes.consoleComplaintTake, async ({ params, operator, now }) =>
  deskComplaintDetailView(await takeComplaint(params.ticketId, operator, now), now),
);

const answerTicket = defineConsoleRoute('consoleComplaintAnswer', routes.consoleComplaintAnswer, async ({ params, body, operator, now }) =>
  deskComplaintDetailView(await answerComplaint(params.ticketId, body.answer, operator, now), now),
);

// The change request is its own view, as for an unfreeze request.
const correction = defineConsoleRoute('consoleComplaintCorrection', routes.consoleComplaintCorrection, async ({ params, body, operator, now }) =>
  proposeCorrection(params.ticketId, body.amountFen, body.reason, operator, now),
);

export const handler = lambda([complaints, complaint, takeTicket, answerTicket, correction]);
