// The bills' part of the day-close result (functions/services/bills-close.ts). Its own file so the
// core schemas can include it without importing the bill contract (which imports them).
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const BillCloseReport = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      heldSettled: z.int().check(z.meta({ description: 'Payments left HELD that the gateway had accepted: settled' })),
      heldVoided: z.int().check(z.meta({ description: 'Payments left HELD that the gateway never took: voided and refunded' })),
      autoPayChecked: z.int(),
      autoPaid: z.int(),
      autoPaidFen: z.int(),
      autoPayFailed: z.int(),
      notificationsSent: z.int(),
      reconciliation: z
        .nullable(z.object({ matched: z.int(), mismatches: z.int() }))
        .check(z.meta({ description: 'null when the gateway statement was unavailable; details at /v1/console/bill-reconciliations/{date}' })),
    })
    .check(z.meta({ id: 'BillCloseReport' })),
);
