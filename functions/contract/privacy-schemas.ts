// 个人信息与隐私 (domain/data-rights.ts): what personal data the bank holds and why, masked as
// every screen masks it; the optional consents and their history; correcting a saved payee's
// name; a request to delete, answered with the retention rule; and the copy of everything, in
// full (the customer's own data), confirmed by the PIN.
import * as z from 'zod/mini';
import { CONSENT_KINDS, DATA_CATEGORIES, DATA_COPY_SECTIONS } from '../domain/data-rights.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { PayeeNickname } from './bill-schemas.js';
import { PinSecondFactor } from './second-factor-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

/** How a value the customer sees is corrected: here, on another screen, at the counter, or not at
 *  all (a record of what happened). */
const CORRECTIONS = ['HERE', 'SCREEN', 'COUNTER', 'RECORD'] as const;

export const DataCategoryView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      category: z.enum(DATA_CATEGORIES),
      title: z.string(),
      holds: z.string().check(z.meta({ description: 'What this category holds, in words' })),
      purpose: z.string(),
      legalBasis: z.string(),
      retention: z.string(),
      values: z
        .array(
          z.object({
            label: z.string(),
            value: z.string().check(z.meta({ description: 'Masked as the app masks it, or a count' })),
            correction: z.nullable(z.object({ how: z.enum(CORRECTIONS), text: z.string() })),
            payee: z
              .nullable(z.object({ payeeId: z.string(), nickname: z.string() }))
              .check(z.meta({ description: 'A saved payee, whose name (备注名) is corrected here (POST /v1/bill-payees/{payeeId}/nickname)' })),
          }),
        )
        .check(z.maxLength(30)),
    })
    .check(z.meta({ id: 'DataCategoryView' })),
);

export const ConsentView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      kind: z.enum(CONSENT_KINDS),
      title: z.string(),
      text: z.string(),
      granted: z.boolean(),
      changedAt: z.nullable(IsoTime).check(z.meta({ description: 'When last given or withdrawn; null: never given (opt-in)' })),
    })
    .check(z.meta({ id: 'ConsentView' })),
);

export const ConsentChangeView = /* @__PURE__ */ lazySchema(() =>
  z.object({ kind: z.enum(CONSENT_KINDS), granted: z.boolean(), at: IsoTime }).check(z.meta({ id: 'ConsentChangeView' })),
);

export const PrivacySummary = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      categories: z.array(DataCategoryView),
      consents: z.array(ConsentView),
      retentionYears: z.int(),
      closure: z.nullable(z.object({ closedAt: IsoTime, retainUntil: IsoTime })),
      copyLimits: z.object({ postings: z.int(), billPayments: z.int(), wealthOrders: z.int(), complaints: z.int(), consentHistory: z.int(), maxBytes: z.int() }),
    })
    .check(z.meta({ id: 'PrivacySummary' })),
);
export type PrivacySummary = z.infer<typeof PrivacySummary>;

export const ConsentsView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      consents: z.array(ConsentView),
      history: z.array(ConsentChangeView).check(z.maxLength(100), z.meta({ description: 'Newest first' })),
    })
    .check(z.meta({ id: 'ConsentsView' })),
);
export type ConsentsView = z.infer<typeof ConsentsView>;

export const ConsentRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ kind: z.enum(CONSENT_KINDS), granted: z.boolean() }).check(z.meta({ id: 'ConsentRequest' })),
);
export type ConsentRequest = z.infer<typeof ConsentRequest>;

export const PayeeNicknameRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ nickname: PayeeNickname }).check(z.meta({ id: 'PayeeNicknameRequest' })));
export type PayeeNicknameRequest = z.infer<typeof PayeeNicknameRequest>;

export const PayeeNicknameResult = /* @__PURE__ */ lazySchema(() =>
  z.object({ payeeId: z.string(), nickname: z.string() }).check(z.meta({ id: 'PayeeNicknameResult' })),
);
export type PayeeNicknameResult = z.infer<typeof PayeeNicknameResult>;

export const DeletionRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ reason: z.optional(z.string().check(z.maxLength(200))) })
    .check(z.meta({ id: 'DeletionRequest' })),
);

/** Never answered with success: before the retention period ends the answer is 409 with the rule,
 *  and after it the job has deleted the data (and the customer with it). */
export const DeletionAnswer = /* @__PURE__ */ lazySchema(() => z.never().check(z.meta({ id: 'DeletionAnswer' })));

export const DATA_COPY_FORMATS = ['JSON', 'PDF'] as const;

export const DataCopyRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      format: z.enum(DATA_COPY_FORMATS),
      // The PIN only: the copy holds the full name, ID number, phone and card number.
      secondFactor: PinSecondFactor,
    })
    .check(z.meta({ id: 'DataCopyRequest' })),
);
export type DataCopyRequest = z.infer<typeof DataCopyRequest>;

export const DataCopyFile = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      format: z.enum(DATA_COPY_FORMATS),
      fileName: z.string(),
      contentType: z.enum(['application/json', 'application/pdf']),
      sizeBytes: z.int(),
      contentBase64: z.string().check(z.meta({ description: 'The file, base64' })),
      truncated: z
        .array(z.enum(DATA_COPY_SECTIONS))
        .check(z.meta({ description: 'Sections cut at their limit (the oldest records are kept)' })),
    })
    .check(z.meta({ id: 'DataCopyFile' })),
);
export type DataCopyFile = z.infer<typeof DataCopyFile>;
