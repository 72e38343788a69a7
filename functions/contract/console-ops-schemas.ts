// The operations part of the console's contract (运营): the day close's status, runs and history;
// reconciliation mismatches as alerts with their timelines; overdue loans by days-past-due bucket;
// wealth orders awaiting confirmation; the business date (local and test stages). Self-contained
// (zod and the domain's enumerations), so the consoleOps function bundles no customer schema.
import * as z from 'zod/mini';
import { PAYMENT_STATUSES } from '../domain/bills/bill.js';
import { MISMATCH_KINDS, RECONCILIATION_ACTIONS } from '../domain/bills/reconciliation.js';
import { DAY_CLOSE_RUN_STATUSES, DAY_CLOSE_STEP_STATUSES, DAY_CLOSE_STEPS } from '../domain/day-close.js';
import { OVERDUE_BUCKETS } from '../domain/loan/product.js';
import {
  ACCEPT_REASON_MAX_CHARS,
  ACCEPT_REASON_MIN_CHARS,
  ALERT_EVENT_TYPES,
  ALERT_ID_PATTERN,
  ALERT_NOTE_MAX_CHARS,
  ALERT_STATUSES,
  BOOKING_REFERENCE_PATTERN,
} from '../domain/bills/reconciliation-alerts.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Business date YYYY-MM-DD (China)' })));
/** Text typed by an operator: no control characters, trimmed by the console. */
const Typed = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[^\p{Cc}\p{Cs}]*$/u), z.regex(/\S/));

export const OPS_PAGE_MAX = 100;
export const OPS_PAGE_DEFAULT = 20;
const Limit = /* @__PURE__ */ lazySchema(() => z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(OPS_PAGE_MAX), z.meta({ description: `At most ${OPS_PAGE_MAX}; ${OPS_PAGE_DEFAULT} when absent` }))));

const Party = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ operatorId: z.string(), login: z.string(), displayName: z.string() })
    .check(z.meta({ id: 'OpsOperatorParty', description: 'The operator who acted' })),
);

// ---- the day close ------------------------------------------------------------------------

const StepView = /* @__PURE__ */ lazySchema(() =>
  z.object({
    step: z.enum(DAY_CLOSE_STEPS),
    status: z.enum(DAY_CLOSE_STEP_STATUSES),
    startedAt: IsoTime,
    finishedAt: IsoTime,
    counts: z.record(z.string(), z.number()).check(z.meta({ description: 'Named counts; names ending in Fen are amounts in fen' })),
    errorCount: z.int(),
    errors: z.array(z.object({ ref: z.string(), message: z.string() })).check(z.meta({ description: 'The first 20 errors the step went on past' })),
  }),
);

export const DayCloseRunView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      closedDate: IsoDate,
      status: z.enum(DAY_CLOSE_RUN_STATUSES),
      attempts: z.int().check(z.meta({ description: 'Closes started for this date (a failed close is run again)' })),
      startedAt: IsoTime,
      finishedAt: z.nullable(IsoTime),
      startedBy: z.object({ kind: z.enum(['operator', 'system']), id: z.string(), login: z.optional(z.string()), displayName: z.optional(z.string()) }),
      steps: z.array(StepView),
      failure: z.nullable(z.string()).check(z.meta({ description: 'Why the run failed, when it did' })),
    })
    .check(z.meta({ id: 'DayCloseRunView' })),
);
export type DayCloseRunView = z.infer<typeof DayCloseRunView>;

export const DayCloseStatus = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      businessDate: IsoDate,
      calendarDate: IsoDate.check(z.meta({ description: 'Today in China' })),
      runMode: z.enum(['CLOSE_CURRENT', 'CATCH_UP']).check(
        z.meta({ description: 'CLOSE_CURRENT (local and test stages): 立即执行 closes the business date now; CATCH_UP: it closes only dates before today, as the schedule would' }),
      ),
      schedule: z.string().check(z.meta({ description: 'When the scheduled close runs, in Chinese' })),
      latest: z.nullable(DayCloseRunView),
    })
    .check(z.meta({ id: 'DayCloseStatus' })),
);

export const DayCloseRunsQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ limit: Limit, cursor: z.optional(IsoDate.check(z.meta({ description: 'nextCursor of the previous page' }))) })
    .check(z.meta({ id: 'DayCloseRunsQuery' })),
);

export const DayCloseRunsPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ runs: z.array(DayCloseRunView).check(z.meta({ description: 'Newest closed date first' })), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'DayCloseRunsPage' })),
);

export const DayCloseStarted = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      started: z.literal(true),
      businessDate: IsoDate.check(z.meta({ description: 'The business date the close started on' })),
      runId: z.string().check(z.meta({ description: 'Its run; GET /v1/console/day-close shows its progress until it is no longer RUNNING' })),
    })
    .check(z.meta({ id: 'DayCloseStarted', description: 'The close runs on in the dayClose function after this answer' })),
);

// ---- reconciliation alerts ----------------------------------------------------------------

const AlertId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(ALERT_ID_PATTERN)));
export const AlertParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ alertId: AlertId }).check(z.meta({ id: 'ReconciliationAlertParams' })));

export const AlertsQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      status: z.optional(z.enum(ALERT_STATUSES)),
      limit: Limit,
      cursor: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}#RA\d{8}[0-9A-F]{16}$/), z.meta({ description: 'nextCursor of the previous page' }))),
    })
    .check(z.meta({ id: 'ReconciliationAlertsQuery' })),
);

export const AlertView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      alertId: AlertId,
      date: IsoDate.check(z.meta({ description: 'The business date reconciled' })),
      kind: z.enum(MISMATCH_KINDS),
      reference: z.string().check(z.meta({ description: 'The payment reference both sides file it under' })),
      billerId: z.string(),
      jinlinAmountFen: z.nullable(z.int()),
      gatewayAmountFen: z.nullable(z.int()),
      differenceFen: z.int().check(z.meta({ description: 'Jinlin minus the gateway (a missing side counts 0)' })),
      jinlinStatus: z.enum([...PAYMENT_STATUSES, 'NONE']).check(z.meta({ description: 'The payment on Jinlin\'s side (NONE: no such payment)' })),
      action: z.enum(RECONCILIATION_ACTIONS),
      note: z.string().check(z.meta({ description: 'What the bank does about it, in Chinese' })),
      status: z.enum(ALERT_STATUSES),
      openedAt: IsoTime,
      updatedAt: IsoTime,
      bookingReference: z.nullable(z.string()),
      acceptReason: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'ReconciliationAlert' })),
);
export type AlertView = z.infer<typeof AlertView>;

export const AlertsPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ alerts: z.array(AlertView).check(z.meta({ description: 'Newest date first' })), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'ReconciliationAlertsPage' })),
);

const AlertEventView = /* @__PURE__ */ lazySchema(() =>
  z.object({
    at: IsoTime,
    type: z.enum(ALERT_EVENT_TYPES),
    operator: z.nullable(Party).check(z.meta({ description: 'null for the day close that opened it' })),
    note: z.nullable(z.string()),
    bookingReference: z.nullable(z.string()),
    reason: z.nullable(z.string()),
    auditSeq: z.nullable(z.int()).check(z.meta({ description: 'The audit log entry that records the step' })),
  }),
);

export const AlertDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ alert: AlertView, events: z.array(AlertEventView).check(z.meta({ description: 'The timeline, oldest first' })) })
    .check(z.meta({ id: 'ReconciliationAlertDetail' })),
);
export type AlertDetail = z.infer<typeof AlertDetail>;

const Note = /* @__PURE__ */ lazySchema(() => z.optional(Typed(1, ALERT_NOTE_MAX_CHARS)));
export const AcknowledgeAlertRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ note: Note }).check(z.meta({ id: 'AcknowledgeAlertRequest' })));
export const ResolveAlertRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      bookingReference: z.string().check(z.regex(BOOKING_REFERENCE_PATTERN), z.meta({ description: 'The booking that corrected the difference (journal id, voucher, the biller’s reversal number)' })),
      note: Note,
    })
    .check(z.meta({ id: 'ResolveAlertRequest' })),
);
export const AcceptAlertRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ reason: Typed(ACCEPT_REASON_MIN_CHARS, ACCEPT_REASON_MAX_CHARS).check(z.meta({ description: 'Why the difference is accepted as it is' })) })
    .check(z.meta({ id: 'AcceptAlertRequest' })),
);

// ---- overdue loans ------------------------------------------------------------------------

export const OverdueLoansQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      bucket: z.optional(z.enum(OVERDUE_BUCKETS)),
      limit: Limit,
      cursor: z.optional(z.string().check(z.regex(/^L[A-Za-z0-9_-]{10,40}$/), z.meta({ description: 'nextCursor of the previous page' }))),
    })
    .check(z.meta({ id: 'OverdueLoansQuery' })),
);

export const OverdueLoansPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      asOf: z.nullable(IsoDate).check(z.meta({ description: 'The business date the last day close computed the list for; null before the first close' })),
      buckets: z.array(z.object({ bucket: z.enum(OVERDUE_BUCKETS), loans: z.int(), overdueTotalFen: z.int() })),
      bucket: z.enum(OVERDUE_BUCKETS),
      loans: z.array(
        z.object({
          loanId: z.string(),
          customerId: z.string(),
          productName: z.string(),
          daysPastDue: z.int(),
          oldestUnpaidDueDate: z.nullable(IsoDate),
          overduePrincipalFen: z.int(),
          overdueInterestFen: z.int(),
          unpaidPenaltyFen: z.int(),
          overdueTotalFen: z.int(),
        }),
      ),
      nextCursor: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'OverdueLoansPage' })),
);

// ---- wealth orders awaiting confirmation ----------------------------------------------------

export const PendingWealthOrdersQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      limit: Limit,
      cursor: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}#W[A-Za-z0-9_-]{20,40}$/), z.meta({ description: 'nextCursor of the previous page' }))),
    })
    .check(z.meta({ id: 'PendingWealthOrdersQuery' })),
);

export const PendingWealthOrdersPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      businessDate: IsoDate,
      orders: z.array(
        z.object({
          orderId: z.string(),
          customerId: z.string(),
          kind: z.enum(['PURCHASE', 'REDEMPTION']),
          productId: z.string(),
          productName: z.string(),
          amountFen: z.nullable(z.int()).check(z.meta({ description: 'A purchase: what was paid' })),
          unitsCenti: z.nullable(z.int()).check(z.meta({ description: 'A redemption: units (hundredths) to redeem' })),
          placedAt: IsoTime,
          confirmDate: IsoDate,
          cancellableUntil: z.nullable(IsoTime).check(z.meta({ description: 'A purchase with cooling-off: the customer may cancel it until then, and no close confirms it before' })),
          inCoolingOff: z.boolean().check(z.meta({ description: "A purchase still inside its cooling-off on the bank's clock now" })),
          dueAtNextClose: z
            .boolean()
            .check(z.meta({ description: 'A close run now would confirm it: its date is on or before the business date and it is past any cooling-off' })),
        }),
      ).check(z.meta({ description: 'Earliest confirmation date first' })),
      nextCursor: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'PendingWealthOrdersPage' })),
);

// ---- the business date ----------------------------------------------------------------------

export const OpsBusinessDateView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      businessDate: IsoDate,
      calendarDate: IsoDate,
      controlAllowed: z.boolean().check(z.meta({ description: 'Local and test stages only: the business date may be moved forward' })),
    })
    .check(z.meta({ id: 'OpsBusinessDateView' })),
);

export const OpsBusinessDateRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ businessDate: IsoDate.check(z.meta({ description: 'Later than the current business date' })) })
    .check(z.meta({ id: 'OpsBusinessDateRequest' })),
);
