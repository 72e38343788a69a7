// Schemas of 可疑交易预警 in the console: the alerts the day close's monitoring opens
// (domain/aml-patterns.ts), their evidence and timeline, an officer's closing step, and the
// suspicious transaction report filed from one.
import * as z from 'zod/mini';
import { AML_REPORT_KINDS, AML_ALERT_ID_PATTERN, AML_ALERT_STATUSES, AML_REASON_MAX_CHARS, AML_REASON_MIN_CHARS } from '../domain/aml-alerts.js';
import { AML_PATTERNS } from '../domain/aml-patterns.js';
import { JOURNAL_KINDS } from '../domain/ledger.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { NAME_MATCH_RULES, WATCH_LISTS, WatchListSchema } from '../domain/name-screening.js';

const AML_REPORT_KIND_NAMES = Object.keys(AML_REPORT_KINDS) as [keyof typeof AML_REPORT_KINDS, ...(keyof typeof AML_REPORT_KINDS)[]];

export const AML_PAGE_MAX = 100;
export const AML_PAGE_DEFAULT = 20;

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const AlertId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(AML_ALERT_ID_PATTERN)));

export const AmlAlertParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ alertId: AlertId }).check(z.meta({ id: 'AmlAlertParams' })));

export const AmlAlertsQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      status: z.optional(z.enum(AML_ALERT_STATUSES)),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(AML_PAGE_MAX), z.meta({ description: `At most ${AML_PAGE_MAX}; ${AML_PAGE_DEFAULT} when absent` }))),
      cursor: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}#AML\d{8}[0-9A-F]{16}$/), z.meta({ description: 'nextCursor of the previous page' }))),
    })
    .check(z.meta({ id: 'AmlAlertsQuery' })),
);

export const AmlAlertView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      alertId: AlertId,
      date: z.iso.date().check(z.meta({ description: 'The closed business date whose monitoring found it' })),
      pattern: z.enum(AML_PATTERNS),
      customerId: z.string(),
      customerNameMasked: z.string(),
      accountNumberMasked: z.string(),
      summary: z.string().check(z.meta({ description: 'The figures that met the rule, in Chinese' })),
      status: z.enum(AML_ALERT_STATUSES),
      openedAt: IsoTime,
      updatedAt: IsoTime,
      reason: z.nullable(z.string()).check(z.meta({ description: "The officer's reason for closing or reporting it" })),
    })
    .check(z.meta({ id: 'AmlAlert' })),
);
export type AmlAlertView = z.infer<typeof AmlAlertView>;

export const AmlAlertsPage = /* @__PURE__ */ lazySchema(() =>
  z.object({ alerts: z.array(AmlAlertView).check(z.meta({ description: 'Newest date first' })), nextCursor: z.nullable(z.string()) }).check(z.meta({ id: 'AmlAlertsPage' })),
);

const AmlMovementView = /* @__PURE__ */ lazySchema(() =>
  z.object({
    journalId: z.string(),
    kind: z.enum(JOURNAL_KINDS),
    createdAt: IsoTime,
    amountFen: z.int().check(z.meta({ description: "Signed, as the account saw it: + in, − out" })),
    label: z.string(),
    counterparty: z.string().check(z.meta({ description: 'As the customer sees it (names masked)' })),
  }),
);

const AmlEventView = /* @__PURE__ */ lazySchema(() =>
  z.object({
    at: IsoTime,
    status: z.enum(AML_ALERT_STATUSES),
    operator: z.nullable(z.object({ operatorId: z.string(), login: z.string(), displayName: z.string() })).check(z.meta({ description: 'null for the day close that opened it' })),
    reason: z.nullable(z.string()),
    auditSeq: z.nullable(z.int()).check(z.meta({ description: 'The audit log entry that records the step' })),
  }),
);

export const AmlAlertDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      alert: AmlAlertView,
      rule: z.string().check(z.meta({ description: "The pattern's definition, in Chinese" })),
      movements: z.array(AmlMovementView).check(z.meta({ description: 'The movements that met the rule, oldest first' })),
      events: z.array(AmlEventView).check(z.meta({ description: 'The timeline, oldest first' })),
    })
    .check(z.meta({ id: 'AmlAlertDetail' })),
);
export type AmlAlertDetail = z.infer<typeof AmlAlertDetail>;

const Reason = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.minLength(AML_REASON_MIN_CHARS), z.maxLength(AML_REASON_MAX_CHARS), z.regex(/^[^\p{Cc}\p{Cs}]*$/u), z.regex(/\S/), z.meta({ description: `${AML_REASON_MIN_CHARS}–${AML_REASON_MAX_CHARS} characters` })),
);
export const AmlAlertStepRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ reason: Reason }).check(z.meta({ id: 'AmlAlertStepRequest' })));

export const AmlReport = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      reportNumber: z.string(),
      reportType: z.enum(AML_REPORT_KIND_NAMES),
      basis: z.string().check(z.meta({ description: 'The rule the report is made under' })),
      filedAt: IsoTime,
      filedBy: z.object({ operatorId: z.string(), login: z.string(), displayName: z.string() }),
      reason: z.string(),
      alert: AmlAlertView,
      rule: z.string(),
      subject: z.object({ customerId: z.string(), nameMasked: z.string(), accountNumberMasked: z.string() }),
      transactions: z.array(AmlMovementView),
    })
    .check(z.meta({ id: 'AmlReport', description: 'A suspicious (可疑交易报告) or large-value (大额交易报告) transaction report as filed, one structured file' })),
);

export const WatchListView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      watchList: WatchListSchema,
      lists: z.array(z.object({ list: z.enum(WATCH_LISTS), label: z.string() })),
      rules: z.array(z.object({ rule: z.enum(NAME_MATCH_RULES), kind: z.enum(['EXACT', 'NEAR']), text: z.string() })).check(z.meta({ description: 'How a name matches an entry, in words' })),
      pendingChangeId: z.optional(z.string()),
    })
    .check(z.meta({ id: 'WatchListView' })),
);
export type WatchListView = z.infer<typeof WatchListView>;

export const WatchListChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ watchList: WatchListSchema }).check(z.meta({ id: 'WatchListChangeRequest', description: 'The whole list as it should be, numbered the version in force + 1' })),
);
