// 延时到账: the customer's cancel of a held transfer (services/held-transfers.ts).
import { heldTransferRoutes as routes } from '../contract/held-transfer-routes.js';
import { historyEntry } from '../services/accounts.js';
import { cancelHeldTransfer } from '../services/held-transfers.js';
import { defineRoute, lambda } from './route.js';
import { historyEntryView } from './views.js';

const cancel = defineRoute('heldTransferCancel', routes.heldTransferCancel, async ({ customerId, params }) => {
  await cancelHeldTransfer(customerId, params.entryId);
  return historyEntryView(await historyEntry(customerId, params.entryId));
});

export const handler = lambda([cancel]);
