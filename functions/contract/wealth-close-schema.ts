// The wealth step's part of the day close result. Its own file: schemas.ts (DayCloseResult) imports
// it, and importing the rest of the wealth contract there would be a cycle.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const WealthCloseReport = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      purchasesConfirmed: z.int(),
      purchasesFailed: z.int(),
      residualRefundedFen: z.int(),
      redemptionsSettled: z.int(),
      redeemedFen: z.int(),
      incomePaidFen: z.int(),
      holdingsMatured: z.int(),
      maturedFen: z.int(),
      inCoolingOff: z.int().check(z.meta({ description: 'Purchases due but still inside their cooling-off period: a later close confirms them' })),
      skipped: z.int().check(z.meta({ description: 'Orders or holdings left for the next close (no NAV yet, or an error)' })),
    })
    .check(z.meta({ id: 'WealthCloseReport' })),
);

export type WealthCloseReport = z.infer<typeof WealthCloseReport>;
