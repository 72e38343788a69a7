// Routes of delayed arrival (延时到账): a customer cancels a transfer the anti-fraud rules hold.
import * as s from './schemas.js';
import type { RouteSpec } from './route-spec.js';

export const heldTransferRoutes = {
  heldTransferCancel: {
    method: 'POST',
    path: '/v1/account/held-transfers/{entryId}/cancel',
    summary:
      'Cancel (撤销) a delayed transfer before it reaches the payee: the money back to the account, the limits it used given back; answers the entry as it now stands. Asked again, answers the same (no Idempotency-Key needed: the hold is cancelled once whatever the number of calls). 409 HELD_TRANSFER_RELEASED once released; 404 for an entry that is not the customer\'s delayed transfer',
    auth: 'customer',
    idempotent: false,
    params: s.HistoryEntryParams,
    response: s.HistoryEntry,
  },
} as const satisfies Record<string, RouteSpec>;
