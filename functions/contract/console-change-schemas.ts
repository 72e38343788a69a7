// Maker-checker changes (四眼复核) in the console's contract: a change as the checker reads it (with
// the before/after diff), the inbox's query and the decisions. Self-contained (zod and the
// domain's enumerations only), so the console functions bundle no customer schema.
import * as z from 'zod/mini';
import { CHANGE_KINDS, CHANGE_STATUSES, DECISION_NOTE_MAX_LENGTH } from '../domain/change-requests.js';
import { lazySchema } from '../domain/lazy-schema.js';

export { CHANGE_KIND_LABELS, CHANGE_STATUS_LABELS } from '../domain/change-requests.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
/** What an operator types: no control characters or unpaired surrogates. */
const NoControl = /^[^\p{Cc}\p{Cs}]*$/u;
export const CHANGE_PAGE_MAX = 100;
export const CHANGE_PAGE_DEFAULT = 20;

export const ChangeIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ changeId: z.string().check(z.regex(/^C[0-9a-f]{32}$/)) }));

const ChangeParty = /* @__PURE__ */ lazySchema(() => z.object({ operatorId: z.string(), login: z.string(), displayName: z.string() }).check(z.meta({ id: 'ChangeParty' })));
const Snapshot = /* @__PURE__ */ lazySchema(() => z.record(z.string(), z.unknown()));

const changeShape = /* @__PURE__ */ lazySchema(() => ({
  changeId: z.string(),
  kind: z.enum(CHANGE_KINDS),
  entityId: z.string().check(z.meta({ description: 'One pending change per entity: loan-product:<productId>, lpr, account:<accountId>' })),
  entityLabel: z.string().check(z.meta({ description: 'What the change is to, in Chinese (贷款产品 近邻消费贷 v3)' })),
  status: z.enum(CHANGE_STATUSES),
  before: z.nullable(Snapshot).check(z.meta({ description: 'The entity when the change was submitted; null for a new one' })),
  after: Snapshot,
  maker: ChangeParty,
  submittedAt: IsoTime,
  effectiveAt: IsoTime.check(z.meta({ description: 'When it takes effect once approved' })),
  checker: z.optional(ChangeParty),
  decidedAt: z.optional(IsoTime),
  decisionNote: z.optional(z.string()),
  appliedAt: z.optional(IsoTime),
  failedAt: z.optional(IsoTime),
  failure: z.optional(z.string().check(z.meta({ description: 'FAILED: why the rules refused the change when it was applied' }))),
}));

export const ChangeRequestView = /* @__PURE__ */ lazySchema(() => z.object(changeShape).check(z.meta({ id: 'ChangeRequest' })));

export const ChangeDetailView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ...changeShape,
      diff: z.array(
        z.object({
          path: z.string().check(z.meta({ description: 'Dotted path: minAmountFen, spreadBpsByGrade.A, termsMonths.2' })),
          before: z.optional(z.unknown()),
          after: z.optional(z.unknown()),
        }),
      ),
    })
    .check(z.meta({ id: 'ChangeDetail', description: 'A change with what it alters, leaf by leaf (a side that has no such member is absent)' })),
);

export const ChangeListQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      status: z.optional(z.enum(CHANGE_STATUSES)),
      kind: z.optional(z.enum(CHANGE_KINDS)),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(CHANGE_PAGE_MAX), z.meta({ description: `At most ${CHANGE_PAGE_MAX}; ${CHANGE_PAGE_DEFAULT} when absent` }))),
      cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]*$/))),
    })
    .check(z.meta({ id: 'ChangeListQuery' })),
);

export const ChangeList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ changes: z.array(ChangeRequestView), nextCursor: z.optional(z.string()) })
    .check(z.meta({ id: 'ChangeList', description: 'Newest first' })),
);

export const ApproveChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ note: z.optional(z.string().check(z.maxLength(DECISION_NOTE_MAX_LENGTH), z.regex(NoControl))) })
    .check(z.meta({ id: 'ApproveChangeRequest' })),
);

export const RejectChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      note: z.string().check(z.maxLength(DECISION_NOTE_MAX_LENGTH), z.regex(NoControl), z.meta({ description: 'Why: required (400 DECISION_NOTE_REQUIRED when blank)' })),
    })
    .check(z.meta({ id: 'RejectChangeRequest' })),
);

/** Submitting a change: when it takes effect once approved (now when absent or past; ≤ 1 year ahead). */
export const EffectiveAt = /* @__PURE__ */ lazySchema(() => z.optional(z.iso.datetime({ offset: true }).check(z.meta({ description: 'When it takes effect once approved; now when absent' }))));
