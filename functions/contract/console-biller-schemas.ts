// 缴费机构 in the console's contract (the product factory's billers) and the day close's bill
// reconciliation report as operations reads it. A biller is data: a draft is the whole biller,
// submitted as a change for a checker (console-change-schemas.ts); opening is a new biller,
// closing is status SUSPENDED (it takes no payments). The same schema checks a draft on the server
// and gives the form its inline messages (billerDraftIssues).
import * as z from 'zod/mini';
import { PAYMENT_STATUSES } from '../domain/bills/bill.js';
import { BILL_CATEGORIES, billerSchema } from '../domain/bills/biller.js';
import { MISMATCH_KINDS, RECONCILIATION_ACTIONS } from '../domain/bills/reconciliation.js';
import { ChangeRequestView, EffectiveAt } from './console-change-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

export { billerDraftIssues } from '../domain/bills/biller-draft.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));

export const Biller = /* @__PURE__ */ lazySchema(() => billerSchema.check(z.meta({ id: 'Biller', description: 'A biller: who it is, where, how its account numbers look, which amounts it takes, its gateway' })));
export type Biller = z.infer<typeof Biller>;

export const BillerIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ billerId: z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)) }));

export const ConsoleBillerList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      billers: z.array(
        z.object({
          billerId: z.string(),
          name: z.string(),
          category: z.enum(BILL_CATEGORIES),
          categoryLabel: z.string(),
          cityName: z.string(),
          status: z.enum(['ACTIVE', 'SUSPENDED']),
          updatedAt: IsoTime,
          pendingChangeId: z.optional(z.string().check(z.meta({ description: 'The change waiting on this biller (pending, or approved and not yet effective)' }))),
        }),
      ),
    })
    .check(z.meta({ id: 'ConsoleBillerList', description: 'By category, then city, then name' })),
);

export const ConsoleBillerDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      current: Biller,
      updatedAt: IsoTime,
      /** The change that made the biller what it is (absent for a seeded one). */
      lastChangeId: z.optional(z.string()),
      pendingChange: z.optional(ChangeRequestView),
    })
    .check(z.meta({ id: 'ConsoleBillerDetail' })),
);

export const BillerChangeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ biller: Biller, effectiveAt: EffectiveAt }).check(z.meta({ id: 'BillerChangeRequest' })));

export const ReconciliationDateParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ date: IsoDate }));

export const ReconciliationReport = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      date: IsoDate,
      ranAt: IsoTime,
      matched: z.int(),
      matchedFen: z.int(),
      jinlinCount: z.int(),
      jinlinFen: z.int(),
      gatewayCount: z.int(),
      gatewayFen: z.int(),
      mismatchCount: z.int(),
      mismatches: z.array(
        z.object({
          kind: z.enum(MISMATCH_KINDS),
          reference: z.string(),
          billerId: z.string(),
          jinlinAmountFen: z.nullable(z.int()),
          gatewayAmountFen: z.nullable(z.int()),
          jinlinStatus: z.enum([...PAYMENT_STATUSES, 'NONE']),
          action: z.enum(RECONCILIATION_ACTIONS),
          note: z.string(),
        }),
      ),
    })
    .check(z.meta({ id: 'ReconciliationReport' })),
);

export { ChangeRequestView };
