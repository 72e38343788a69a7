// The console's dashboard (经营看板): the day close's snapshots, read as they were written. Every
// figure is the server's; the console only draws them.
import { consoleDashboardRoutes as routes } from '../contract/console-dashboard-routes.js';
import { dashboard } from '../services/dashboard.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const view = defineConsoleRoute('consoleDashboard', routes.consoleDashboard, ({ query }) => dashboard(query.date));

export const handler = lambda([view]);
