// The maker-checker inbox (复核中心) of the operations console: changes listed and read with their
// diff, approved, rejected, withdrawn — each through services/change-requests.ts, which applies the
// four-eyes rules and records every step in the audit log. A function of its own: it bundles every
// change kind's handler, and nothing of the customers' functions.
import { CHANGE_PAGE_DEFAULT } from '../contract/console-change-schemas.js';
import { consoleChangeRoutes as routes } from '../contract/console-change-routes.js';
import { approveChange, changeWithDiff, listChanges, rejectChange, withdrawChange } from '../services/change-requests.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const list = defineConsoleRoute('consoleChanges', routes.consoleChanges, async ({ query }) => {
  const { changes, nextCursor } = await listChanges({ ...query, limit: query.limit ?? CHANGE_PAGE_DEFAULT });
  return { changes, ...(nextCursor ? { nextCursor } : {}) };
});

const detail = defineConsoleRoute('consoleChange', routes.consoleChange, ({ params }) => changeWithDiff(params.changeId));

const approve = defineConsoleRoute('consoleApproveChange', routes.consoleApproveChange, ({ params, body, operator, now }) =>
  approveChange(params.changeId, operator, body.note, now),
);

const reject = defineConsoleRoute('consoleRejectChange', routes.consoleRejectChange, ({ params, body, operator, now }) =>
  rejectChange(params.changeId, operator, body.note, now),
);

const withdraw = defineConsoleRoute('consoleWithdrawChange', routes.consoleWithdrawChange, ({ params, operator, now }) =>
  withdrawChange(params.changeId, operator, now),
);

export const handler = lambda([list, detail, approve, reject, withdraw]);
