// Routes of the bank's automation (x-operator-key): the business date, the bank's clock, the
// day close and a webhook delivery pass. A table of their own, so the admin function bundles no
// customer route table. The LPR and loan products are changed by people in the console (console-product-routes.ts), four eyes on
// each change.
import type { RouteSpec } from './route-spec.js';
import * as clock from './clock-schemas.js';
import * as s from './schemas.js';
import { WebhookDeliveryPass } from './webhook-pass-schema.js';

export const adminRoutes = {
  adminBusinessDate: {
    method: 'POST',
    path: '/v1/admin/business-date',
    summary: 'Operator (local and test stages only): move the business date forward',
    auth: 'operator',
    idempotent: false,
    body: s.BusinessDateRequest,
    response: s.BusinessDateView,
  },
  adminClock: {
    method: 'POST',
    path: '/v1/admin/clock',
    summary: "Operator (local and test stages only): set the bank's clock (wealth order times, cooling-off)",
    auth: 'operator',
    idempotent: false,
    body: clock.ClockRequest,
    response: clock.ClockView,
  },
  adminDayClose: {
    method: 'POST',
    path: '/v1/admin/day-close',
    summary: 'Operator: run the day close now (auto-debit, overdue, reminders) and open the next day',
    auth: 'operator',
    idempotent: false,
    response: s.DayCloseResult,
  },
  adminWebhooksDeliver: {
    method: 'POST',
    path: '/v1/admin/webhooks/deliver',
    summary: 'Operator (local and test stages only): run one webhook delivery pass now, as the every-minute job does (serverless offline runs no schedule)',
    auth: 'operator',
    idempotent: false,
    response: WebhookDeliveryPass,
  },
} as const satisfies Record<string, RouteSpec>;
