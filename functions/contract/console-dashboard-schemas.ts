// The dashboard part of the console's contract (经营看板): a snapshot per closed business date,
// written by the day close, and the trend of the last ones. Self-contained (zod and the domain's
// enumerations), so the consoleDashboard function bundles no other section's schema.
import * as z from 'zod/mini';
import { BILL_CATEGORIES } from '../domain/bills/biller.js';
import { FUNNEL_EVENT_KINDS } from '../domain/customer-events.js';
import { DASHBOARD_TREND_DAYS } from '../domain/dashboard/figures.js';
import { DPD_BUCKETS } from '../domain/loan/product.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Business date YYYY-MM-DD (China)' })));
const Fen = /* @__PURE__ */ lazySchema(() => z.int().check(z.meta({ description: 'Amount in fen' })));
const Count = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(0)));
const Label = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'What the console shows (Chinese)' })));
const Bps = /* @__PURE__ */ lazySchema(() => z.nullable(z.int()).check(z.meta({ description: 'Basis points, rounded half up on the server; null when the base is 0' })));

export const DashboardSnapshot = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      businessDate: IsoDate,
      takenAt: IsoTime,
      funnel: z.array(
        z.object({
          stage: z.enum(FUNNEL_EVENT_KINDS),
          label: Label,
          customers: Count.check(z.meta({ description: 'Customers who have reached the stage by the close of the date' })),
          newCustomers: Count.check(z.meta({ description: 'Of them, first reached in the dates this close read' })),
          ofSignedUpBps: Bps,
          ofSignedUpDisplay: Label,
        }),
      ),
      funnelReadThrough: IsoDate.check(z.meta({ description: 'The China date through which the funnel events have been read' })),
      eAccounts: z.object({ totalBalanceFen: Fen }),
      loans: z.object({
        loans: Count,
        outstandingPrincipalFen: Fen,
        buckets: z.array(z.object({ bucket: z.enum(DPD_BUCKETS), label: Label, loans: Count, outstandingPrincipalFen: Fen })),
      }),
      wealth: z.object({
        marketValueFen: Fen,
        products: z.array(z.object({ productId: z.string(), name: z.string(), holders: Count, marketValueFen: Fen })),
      }),
      bills: z.object({
        payments: Count,
        amountFen: Fen,
        categories: z.array(z.object({ category: z.enum(BILL_CATEGORIES), label: Label, payments: Count, amountFen: Fen })),
      }),
      leaderboard: z.object({
        from: IsoDate,
        to: IsoDate,
        rows: z.array(
          z.object({
            rank: z.int(),
            staffId: z.string(),
            staffNo: z.string(),
            name: z.string(),
            branchName: z.string(),
            referred: Count,
            accountsOpened: Count,
            moneyFen: Fen,
          }),
        ),
        truncated: z.boolean().check(z.meta({ description: 'A manager had more activity than one read takes, or the directory more staff than are ranked: figures are a lower bound' })),
      }),
    })
    .check(z.meta({ id: 'DashboardSnapshot', description: 'The figures as the day close of businessDate left them' })),
);
export type DashboardSnapshotView = z.infer<typeof DashboardSnapshot>;

export const DashboardQuery = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    date: z.optional(IsoDate.check(z.meta({ description: 'The snapshot of this business date, or the newest before it; the newest when absent' }))),
  }),
);

export const DashboardView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      snapshot: z.nullable(DashboardSnapshot).check(z.meta({ description: 'null until the first day close has run' })),
      trend: z
        .array(z.object({ businessDate: IsoDate, eAccountsTotalFen: Fen, loansOutstandingFen: Fen, wealthMarketValueFen: Fen, billAmountFen: Fen }))
        .check(z.meta({ description: `The last ${DASHBOARD_TREND_DAYS} snapshots through the one shown, oldest first` })),
    })
    .check(z.meta({ id: 'DashboardView' })),
);
export type DashboardView = z.infer<typeof DashboardView>;
