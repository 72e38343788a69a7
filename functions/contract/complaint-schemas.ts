// Complaints and disputes (投诉与争议, domain/complaints.ts): what the customer sends, the ticket
// as the customer and the service desk read it. Self-contained (zod and the domain), so the
// console's service desk bundles it without the customers' schemas.
import * as z from 'zod/mini';
import {
  COMPLAINT_ANSWER_MAX_CHARS,
  COMPLAINT_ANSWER_MIN_CHARS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_DESCRIPTION_MAX_CHARS,
  COMPLAINT_DESCRIPTION_MIN_CHARS,
  COMPLAINT_PAGE_DEFAULT,
  COMPLAINT_PAGE_MAX,
  COMPLAINT_QUEUES,
  COMPLAINT_STATUSES,
} from '../domain/complaints.js';
import { CHANGE_STATUSES } from '../domain/change-requests.js';
import { CORRECTION_REASON_MAX_CHARS, CORRECTION_REASON_MIN_CHARS, MAX_CORRECTION_FEN } from '../domain/complaint-corrections.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { characterCount } from '../domain/person-name.js';

/** Text a person types and another reads, counted in characters: no control characters, unpaired
 *  surrogates or invisible format characters (ZWJ/ZWNJ allowed, as emoji need them). */
const TypedText = (min: number, max: number, what: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(max * 2),
      z.regex(/^(?:[^\p{Cc}\p{Cf}\p{Cs}]|[\u200c\u200d])*$/u),
      z.refine((text) => characterCount(text) >= min && characterCount(text) <= max, `${min}–${max} characters`),
      z.meta({ description: `${what}: ${min}–${max} characters` }),
    );

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const JournalId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^J[A-Za-z0-9_-]{26}$/)));

export const ComplaintOpenRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      category: z.enum(COMPLAINT_CATEGORIES),
      description: TypedText(COMPLAINT_DESCRIPTION_MIN_CHARS, COMPLAINT_DESCRIPTION_MAX_CHARS, 'What happened, in the customer’s words'),
      journalId: z.optional(JournalId.check(z.meta({ description: 'The disputed movement: required for DISPUTE, absent otherwise (404 HISTORY_ENTRY_NOT_FOUND when not the customer’s)' }))),
    })
    .check(
      z.refine((body) => (body.category === 'DISPUTE') === (body.journalId !== undefined), { message: 'journalId with DISPUTE, and only then' }),
      z.meta({ id: 'ComplaintOpenRequest' }),
    ),
);

export const ComplaintParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ ticketId: z.string().check(z.regex(/^T[0-9a-f]{32}$/)) }));

const PageLimit = /* @__PURE__ */ lazySchema(() =>
  z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(COMPLAINT_PAGE_MAX), z.meta({ description: `At most ${COMPLAINT_PAGE_MAX}; ${COMPLAINT_PAGE_DEFAULT} when absent` }))),
);
const Cursor = /* @__PURE__ */ lazySchema(() => z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]*$/))));

export const ComplaintListQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ limit: PageLimit, cursor: Cursor }).check(z.meta({ id: 'ComplaintListQuery' })));

const complaintShape = /* @__PURE__ */ lazySchema(() => ({
  ticketId: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  categoryLabel: z.string(),
  description: z.string(),
  movement: z.nullable(
    z.object({
      journalId: z.string(),
      reference: z.string(),
      label: z.string(),
      counterparty: z.string().check(z.meta({ description: 'Masked' })),
      amountFen: z.int().check(z.meta({ description: 'Signed, in fen: negative for money out' })),
      createdAt: IsoTime,
    }),
  ),
  status: z.enum(COMPLAINT_STATUSES),
  statusLabel: z.string(),
  openedAt: IsoTime,
  dueAt: IsoTime.check(z.meta({ description: 'The bank answers by then (15 days, CBIRC Order 2020 No. 3 Art. 22)' })),
  overdue: z.boolean(),
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(IsoTime),
  closedAt: z.nullable(IsoTime),
}));

export const ComplaintView = /* @__PURE__ */ lazySchema(() => z.object(complaintShape).check(z.meta({ id: 'Complaint' })));
export type ComplaintView = z.infer<typeof ComplaintView>;

/** One ticket read on its own: with the corrections (差错调整) paid for its movement. */
export const ComplaintDetailView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ...complaintShape,
      corrections: z
        .array(
          z.object({
            amountFen: z.int().check(z.meta({ description: 'Credited to the e-account, in fen' })),
            paidAt: IsoTime,
            reference: z.string().check(z.meta({ description: 'The credit’s reference (参考号), as in the history' })),
          }),
        )
        .check(z.meta({ description: 'Corrections paid, oldest first; one waiting for approval is not shown' })),
    })
    .check(z.meta({ id: 'ComplaintDetail' })),
);
export type ComplaintDetailView = z.infer<typeof ComplaintDetailView>;

export const ComplaintList = /* @__PURE__ */ lazySchema(() =>
  z.object({ items: z.array(ComplaintView), nextCursor: z.nullable(z.string().check(z.meta({ description: 'The next page’s cursor; null after the last page' }))) }).check(z.meta({ id: 'ComplaintList', description: 'Newest first' })),
);
export type ComplaintList = z.infer<typeof ComplaintList>;

// ---- the service desk (投诉工单) ----

export const DeskQueueQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      queue: z.optional(z.enum(COMPLAINT_QUEUES).check(z.meta({ description: 'OPEN (default: waiting for an answer, nearest deadline first), ANSWERED, CLOSED' }))),
      limit: PageLimit,
      cursor: Cursor,
    })
    .check(z.meta({ id: 'DeskComplaintQuery' })),
);

export const DeskComplaintView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ticket: ComplaintView,
      customer: z.object({ customerId: z.string(), nameMasked: z.nullable(z.string()), phoneMasked: z.nullable(z.string()) }),
      takenBy: z.nullable(z.string()),
      answeredBy: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'DeskComplaint', description: 'A ticket with its customer, masked' })),
);
export type DeskComplaintView = z.infer<typeof DeskComplaintView>;

/** A ticket read on its own by the desk: with every correction proposed from it and what of the
 *  disputed movement may still be corrected. */
export const DeskComplaintDetailView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ticket: ComplaintView,
      customer: z.object({ customerId: z.string(), nameMasked: z.nullable(z.string()), phoneMasked: z.nullable(z.string()) }),
      takenBy: z.nullable(z.string()),
      answeredBy: z.nullable(z.string()),
      corrections: z.array(
        z.object({
          changeId: z.string(),
          amountFen: z.int().check(z.meta({ description: 'The credit, in fen' })),
          reason: z.string(),
          status: z.enum(CHANGE_STATUSES),
          statusLabel: z.string(),
          proposedBy: z.string().check(z.meta({ description: 'The maker’s login' })),
          approvedBy: z.nullable(z.string().check(z.meta({ description: 'The checker’s login, once approved' }))),
          proposedAt: IsoTime,
          paidAt: z.nullable(IsoTime),
          reference: z.nullable(z.string().check(z.meta({ description: 'The credit’s reference, once paid' }))),
          failure: z.nullable(z.string().check(z.meta({ description: 'Why it was rejected or failed' }))),
        }),
      ),
      correctionRoomFen: z.nullable(z.int().check(z.meta({ description: 'What of the disputed movement may still be corrected, in fen; null for a complaint' }))),
    })
    .check(z.meta({ id: 'DeskComplaintDetail' })),
);
export type DeskComplaintDetailView = z.infer<typeof DeskComplaintDetailView>;

export const DeskComplaintList = /* @__PURE__ */ lazySchema(() =>
  z.object({ items: z.array(DeskComplaintView), nextCursor: z.nullable(z.string().check(z.meta({ description: 'The next page’s cursor; null after the last page' }))) }).check(z.meta({ id: 'DeskComplaintList' })),
);
export type DeskComplaintList = z.infer<typeof DeskComplaintList>;

export const ComplaintAnswerRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ answer: TypedText(COMPLAINT_ANSWER_MIN_CHARS, COMPLAINT_ANSWER_MAX_CHARS, 'The bank’s answer, as the customer reads it') }).check(z.meta({ id: 'ComplaintAnswerRequest' })),
);

export const CorrectionRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      amountFen: z.int().check(z.positive(), z.maximum(MAX_CORRECTION_FEN), z.meta({ description: 'Credited to the customer, in fen: > 0 and ≤ the disputed amount less what its corrections paid (422 CORRECTION_EXCEEDS_DISPUTED)' })),
      reason: TypedText(CORRECTION_REASON_MIN_CHARS, CORRECTION_REASON_MAX_CHARS, 'Why, for the checker'),
    })
    .check(z.meta({ id: 'CorrectionRequest' })),
);
