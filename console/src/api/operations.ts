// The operations routes (/v1/console/day-close*, reconciliation-alerts*, overdue-loans,
// wealth-orders/pending, business-date), typed from the contract (`import type` only). The server
// checks each permission and audits each change; the console only asks.
import type * as z from 'zod/mini';
import type {
  AlertDetail,
  AlertsPage,
  AlertView,
  DayCloseRunsPage,
  DayCloseRunView,
  DayCloseStarted,
  DayCloseStatus,
  OpsBusinessDateView,
  OverdueLoansPage,
  PendingWealthOrdersPage,
} from '@contract/console-ops-schemas';
import { consoleRequest } from './http';

export type DayCloseRun = DayCloseRunView;
export type DayCloseStep = DayCloseRun['steps'][number];
export type DayCloseState = z.infer<typeof DayCloseStatus>;
export type RunsPage = z.infer<typeof DayCloseRunsPage>;
export type ReconciliationAlert = AlertView;
export type ReconciliationAlertDetail = AlertDetail;
export type AlertEvent = AlertDetail['events'][number];
export type AlertStatus = AlertView['status'];
export type AlertList = z.infer<typeof AlertsPage>;
export type OverduePage = z.infer<typeof OverdueLoansPage>;
export type OverdueBucket = OverduePage['bucket'];
export type PendingOrdersPage = z.infer<typeof PendingWealthOrdersPage>;
export type BusinessDateControl = z.infer<typeof OpsBusinessDateView>;

const pageQuery = (limit: number, cursor?: string | null): Record<string, string> => ({ limit: String(limit), ...(cursor ? { cursor } : {}) });

export const fetchDayCloseStatus = (): Promise<DayCloseState> => consoleRequest({ method: 'GET', path: '/v1/console/day-close' });

export const fetchDayCloseRuns = (limit: number, cursor?: string | null): Promise<RunsPage> =>
  consoleRequest({ method: 'GET', path: '/v1/console/day-close/runs', query: pageQuery(limit, cursor) });

/** Starts the close; it runs on in the background (fetchDayCloseStatus shows how it goes). */
export const startDayCloseNow = (): Promise<z.infer<typeof DayCloseStarted>> => consoleRequest({ method: 'POST', path: '/v1/console/day-close/runs' });

export const fetchAlerts = (status: AlertStatus | undefined, limit: number, cursor?: string | null): Promise<AlertList> =>
  consoleRequest({ method: 'GET', path: '/v1/console/reconciliation-alerts', query: { ...pageQuery(limit, cursor), ...(status ? { status } : {}) } });

const alertPath = (alertId: string) => `/v1/console/reconciliation-alerts/${encodeURIComponent(alertId)}`;

export const fetchAlert = (alertId: string): Promise<ReconciliationAlertDetail> => consoleRequest({ method: 'GET', path: alertPath(alertId) });

export const acknowledgeAlert = (alertId: string, note?: string): Promise<ReconciliationAlertDetail> =>
  consoleRequest({ method: 'POST', path: `${alertPath(alertId)}/acknowledge`, body: note ? { note } : {} });

export const resolveAlert = (alertId: string, bookingReference: string, note?: string): Promise<ReconciliationAlertDetail> =>
  consoleRequest({ method: 'POST', path: `${alertPath(alertId)}/resolve`, body: { bookingReference, ...(note ? { note } : {}) } });

export const acceptAlert = (alertId: string, reason: string): Promise<ReconciliationAlertDetail> =>
  consoleRequest({ method: 'POST', path: `${alertPath(alertId)}/accept`, body: { reason } });

export const fetchOverdueLoans = (bucket: OverdueBucket | undefined, limit: number, cursor?: string | null): Promise<OverduePage> =>
  consoleRequest({ method: 'GET', path: '/v1/console/overdue-loans', query: { ...pageQuery(limit, cursor), ...(bucket ? { bucket } : {}) } });

export const fetchPendingOrders = (limit: number, cursor?: string | null): Promise<PendingOrdersPage> =>
  consoleRequest({ method: 'GET', path: '/v1/console/wealth-orders/pending', query: pageQuery(limit, cursor) });

export const fetchBusinessDate = (): Promise<BusinessDateControl> => consoleRequest({ method: 'GET', path: '/v1/console/business-date' });

export const moveBusinessDate = (businessDate: string): Promise<BusinessDateControl> => consoleRequest({ method: 'POST', path: '/v1/console/business-date', body: { businessDate } });
