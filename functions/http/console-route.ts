// Routes of the operations console: the same as every route, with the middleware `auth:
// 'console'` needs — the session token checked against the store (services/operators.ts), then
// the route's permission against what the operator's roles allow. Only the console's functions
// bundle it, and with it the operators' code.
import type { RouteSpec } from '../contract/route-spec.js';
import { Refusal } from '../domain/errors.js';
import type { Permission } from '../domain/operator-roles.js';
import { verifyConsoleToken } from '../services/operators.js';
import { bearerToken, defineRoute, type Middleware, type Route, type RouteWork } from './route.js';

const authenticateConsole = (permission: Permission): Middleware => ({
  before: async ({ event, context }) => {
    const token = bearerToken(event);
    const operator = token ? await verifyConsoleToken(token, new Date()) : undefined;
    if (!operator) throw new Refusal('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
    if (!operator.permissions.includes(permission)) throw new Refusal('forbidden', 'FORBIDDEN', '无权执行该操作');
    context.operator = operator;
  },
});

export function defineConsoleRoute<S extends RouteSpec>(name: string, spec: S, work: RouteWork<S>): Route {
  if (spec.auth !== 'console') return defineRoute(name, spec, work);
  if (!spec.permission) throw new Error(`route ${name} is a console route: it must name its permission`);
  return defineRoute(name, spec, work, undefined, 'reserved', authenticateConsole(spec.permission));
}
