// Routes of the console's dashboard (经营看板). A table of its own, so the consoleDashboard
// function bundles none of the other sections' schemas. It reads the day close's snapshots only:
// one Query, never a Scan (test/integration/console-dashboard.test.ts records its commands).
import * as d from './console-dashboard-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleDashboardRoutes = {
  consoleDashboard: {
    method: 'GET',
    path: '/v1/console/dashboard',
    summary:
      'Operator: the dashboard as the day close of a business date left it (funnel, e-account balances, loan book by days-past-due bucket, wealth assets by product, bill volume by category, managers\' leaderboard) and the trend of the last snapshots',
    auth: 'console',
    permission: 'dashboards.read',
    idempotent: false,
    query: d.DashboardQuery,
    response: d.DashboardView,
  },
} as const satisfies Record<string, RouteSpec>;
