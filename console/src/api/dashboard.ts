// The dashboard route (/v1/console/dashboard), typed from the contract (`import type` only). Every
// figure is the day close's snapshot as the server wrote it; the console only draws it.
import type { DashboardSnapshotView, DashboardView } from '@contract/console-dashboard-schemas';
import { consoleRequest } from './http';

export type Dashboard = DashboardView;
export type DashboardSnapshot = DashboardSnapshotView;
export type TrendPoint = DashboardView['trend'][number];

/** The snapshot of `date` (or the newest before it); the newest when no date is given. */
export const fetchDashboard = (date?: string): Promise<Dashboard> =>
  consoleRequest({ method: 'GET', path: '/v1/console/dashboard', ...(date ? { query: { date } } : {}) });
