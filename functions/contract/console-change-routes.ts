// Routes of the maker-checker inbox (复核中心): list and read changes, approve, reject, withdraw.
// Every route needs changes.read; approving and rejecting also need the change kind's own
// permission (services/change-kinds.ts), checked by the service, and never by the change's maker.
import * as c from './console-change-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleChangeRoutes = {
  consoleChanges: {
    method: 'GET',
    path: '/v1/console/changes',
    summary: 'Operator: changes newest first, by status and kind (limit ≤ 100, cursor)',
    auth: 'console',
    permission: 'changes.read',
    idempotent: false,
    query: c.ChangeListQuery,
    response: c.ChangeList,
  },
  consoleChange: {
    method: 'GET',
    path: '/v1/console/changes/{changeId}',
    summary: 'Operator: one change with its before/after diff (404 CHANGE_NOT_FOUND)',
    auth: 'console',
    permission: 'changes.read',
    idempotent: false,
    params: c.ChangeIdParams,
    response: c.ChangeDetailView,
  },
  consoleApproveChange: {
    method: 'POST',
    path: '/v1/console/changes/{changeId}/approve',
    summary: 'Checker: approve a pending change; applied at once when its time has come (403 SAME_OPERATOR, FORBIDDEN without the kind’s permission; 409 CHANGE_NOT_PENDING)',
    auth: 'console',
    permission: 'changes.read',
    idempotent: false,
    params: c.ChangeIdParams,
    body: c.ApproveChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleRejectChange: {
    method: 'POST',
    path: '/v1/console/changes/{changeId}/reject',
    summary: 'Checker: reject a pending change with a note (400 DECISION_NOTE_REQUIRED; 403 SAME_OPERATOR, FORBIDDEN; 409 CHANGE_NOT_PENDING)',
    auth: 'console',
    permission: 'changes.read',
    idempotent: false,
    params: c.ChangeIdParams,
    body: c.RejectChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleWithdrawChange: {
    method: 'POST',
    path: '/v1/console/changes/{changeId}/withdraw',
    summary: 'Maker: withdraw one’s own pending change (403 NOT_MAKER; 409 CHANGE_NOT_PENDING)',
    auth: 'console',
    permission: 'changes.read',
    idempotent: false,
    params: c.ChangeIdParams,
    response: c.ChangeRequestView,
  },
} as const satisfies Record<string, RouteSpec>;
