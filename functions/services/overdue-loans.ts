// Overdue loans by days-past-due bucket (逾期贷款), as the last successful day close listed them:
// the close writes each overdue loan under the business date it opens and the bucket totals into
// its run (services/day-close.ts, loan-close.ts), so a page here is one Query of one bucket.
import { OVERDUE_BUCKETS, type OverdueBucket } from '../domain/loan/product.js';
import { dayCloseRuns, type OverdueLoanRecord, overdueLoans } from '../store/day-close-runs.js';

/** Runs looked back through for the latest that succeeded (a failed retry or a running close
 *  may be newer). */
const RUNS_LOOKED_BACK = 10;

export interface OverduePage {
  asOf: string | null;
  buckets: { bucket: OverdueBucket; loans: number; overdueTotalFen: number }[];
  bucket: OverdueBucket;
  loans: OverdueLoanRecord[];
  nextCursor: string | null;
}

export async function overdueLoansPage(bucket: OverdueBucket | undefined, limit: number, cursor: string | undefined): Promise<OverduePage> {
  const { runs } = await dayCloseRuns(RUNS_LOOKED_BACK);
  const overdue = runs.find((run) => run.status === 'SUCCEEDED' && run.overdue)?.overdue;
  const buckets = OVERDUE_BUCKETS.map((name) => ({ bucket: name, ...(overdue?.buckets[name] ?? { loans: 0, overdueTotalFen: 0 }) }));
  // Without a bucket asked for: the earliest one that has loans.
  const shown = bucket ?? buckets.find((entry) => entry.loans > 0)?.bucket ?? OVERDUE_BUCKETS[0]!;
  if (!overdue) return { asOf: null, buckets, bucket: shown, loans: [], nextCursor: null };
  const page = await overdueLoans(overdue.asOf, shown, limit, cursor);
  return { asOf: overdue.asOf, buckets, bucket: shown, loans: page.loans, nextCursor: page.lastLoanId ?? null };
}
