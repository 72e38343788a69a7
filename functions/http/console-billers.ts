// The product factory's billers (缴费机构) in the operations console — the list, a biller, drafts
// submitted as maker-checker changes (services/biller-factory.ts); a biller changes only when a
// checker approves — and the day close's bill reconciliation report for operations.
import { consoleBillerRoutes as routes } from '../contract/console-biller-routes.js';
import { CATEGORY_LABELS } from '../domain/bills/biller.js';
import { consoleBiller, consoleBillers, reconciliationReport, submitBillerChange } from '../services/biller-factory.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const list = defineConsoleRoute('consoleBillers', routes.consoleBillers, async () => ({
  billers: (await consoleBillers()).map(({ biller, updatedAt, pendingChangeId }) => ({
    billerId: biller.billerId,
    name: biller.name,
    category: biller.category,
    categoryLabel: CATEGORY_LABELS[biller.category],
    cityName: biller.city.name,
    status: biller.status,
    updatedAt,
    ...(pendingChangeId ? { pendingChangeId } : {}),
  })),
}));

const detail = defineConsoleRoute('consoleBiller', routes.consoleBiller, async ({ params }) => {
  const { biller, updatedAt, changeId, pendingChange } = await consoleBiller(params.billerId);
  return { current: biller, updatedAt, ...(changeId ? { lastChangeId: changeId } : {}), ...(pendingChange ? { pendingChange } : {}) };
});

const change = defineConsoleRoute('consoleBillerChange', routes.consoleBillerChange, ({ body, operator, now }) =>
  submitBillerChange(body.biller, body.effectiveAt, operator, now),
);

const reconciliation = defineConsoleRoute('consoleBillReconciliation', routes.consoleBillReconciliation, ({ params }) => reconciliationReport(params.date));

export const handler = lambda([list, detail, change, reconciliation]);
