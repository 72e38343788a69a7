// The product factory's billers (/v1/console/billers*) and the bill reconciliation report
// (/v1/console/bill-reconciliations/{date}), typed from the contract (`import type` only). A
// draft only ever becomes a change for a second operator to approve.
import type * as z from 'zod/mini';
import type { Biller as BillerSchema, ConsoleBillerDetail, ConsoleBillerList, ReconciliationReport as ReportSchema } from '@contract/console-biller-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

export type Biller = z.infer<typeof BillerSchema>;
export type BillerPage = z.infer<typeof ConsoleBillerList>;
export type BillerSummary = BillerPage['billers'][number];
export type BillerDetail = z.infer<typeof ConsoleBillerDetail>;
export type ReconciliationReport = z.infer<typeof ReportSchema>;
export type ReconciliationMismatch = ReconciliationReport['mismatches'][number];

export const fetchBillers = (): Promise<BillerPage> => consoleRequest({ method: 'GET', path: '/v1/console/billers' });

export const fetchBiller = (billerId: string): Promise<BillerDetail> => consoleRequest({ method: 'GET', path: `/v1/console/billers/${encodeURIComponent(billerId)}` });

export const submitBillerChange = (biller: Biller, effectiveAt?: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: '/v1/console/billers/changes', body: effectiveAt ? { biller, effectiveAt } : { biller } });

export const fetchReconciliation = (date: string): Promise<ReconciliationReport> =>
  consoleRequest({ method: 'GET', path: `/v1/console/bill-reconciliations/${encodeURIComponent(date)}` });
