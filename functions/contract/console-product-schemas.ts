// The product factory (产品工厂) in the console's contract: loan products and the LPR as product
// managers see them, a draft's preview, and drafts submitted as changes (console-change-schemas.ts).
// A draft is the product without its version; the same schema checks it on the server and gives
// the form its inline messages (loanProductDraftIssues).
import * as z from 'zod/mini';
import { JUDICIAL_RATE_CEILING_BPS, loanProductSchema, MAX_PRODUCT_AMOUNT_FEN, MAX_PRODUCT_TERM_MONTHS, MIN_PRODUCT_AMOUNT_FEN, REPAYMENT_METHODS } from '../domain/loan/product.js';
import { loanProductDraftSchema } from '../domain/loan/product-draft.js';
import { ChangeRequestView, EffectiveAt } from './console-change-schemas.js';
import { CalculatorResponse, LoanProductView } from './loan-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

export type { DraftIssue } from '../domain/draft-issues.js';
export { loanProductDraftIssues } from '../domain/loan/product-draft.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const LoanProductDraft = /* @__PURE__ */ lazySchema(() => loanProductDraftSchema.check(z.meta({ id: 'LoanProductDraft', description: 'A loan product without its version (publishing numbers it)' })));
export type LoanProductDraft = z.infer<typeof LoanProductDraft>;

/** A published version, as stored (immutable). */
export const LoanProduct = /* @__PURE__ */ lazySchema(() => loanProductSchema.check(z.meta({ id: 'LoanProduct' })));

export const ProductIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ productId: z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)) }));

export const ConsoleLoanProductList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      products: z.array(
        z.object({
          productId: z.string(),
          name: z.string(),
          kind: z.string(),
          currentVersion: z.int(),
          updatedAt: IsoTime.check(z.meta({ description: 'When the version on sale was published' })),
          pendingChangeId: z.optional(z.string().check(z.meta({ description: 'The change waiting on this product (pending, or approved and not yet effective)' }))),
        }),
      ),
      lprBps: z.int(),
      lprDisplay: z.string(),
      lprPendingChangeId: z.optional(z.string()),
    })
    .check(z.meta({ id: 'ConsoleLoanProductList' })),
);

export const ConsoleLoanProductDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      current: LoanProduct,
      /** What the customers' loan list shows of the version on sale. */
      card: LoanProductView,
      versions: z.array(
        z.object({
          version: z.int(),
          publishedAt: IsoTime,
          changeId: z.optional(z.string()),
          makerLogin: z.optional(z.string()),
          checkerLogin: z.optional(z.string()),
        }),
      ),
      pendingChange: z.optional(ChangeRequestView),
    })
    .check(z.meta({ id: 'ConsoleLoanProductDetail', description: 'Versions newest first; an approved version is never edited, a new one supersedes it' })),
);

export const LoanProductPreviewRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      product: LoanProductDraft,
      sampleAmountFen: z.int().check(z.minimum(MIN_PRODUCT_AMOUNT_FEN), z.maximum(MAX_PRODUCT_AMOUNT_FEN)),
      sampleTermMonths: z.int().check(z.minimum(1), z.maximum(MAX_PRODUCT_TERM_MONTHS)),
      sampleMethod: z.enum(REPAYMENT_METHODS),
    })
    .check(z.meta({ id: 'LoanProductPreviewRequest' })),
);

export const LoanProductPreview = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      /** The customers' product card, numbered as the version it would become. */
      card: LoanProductView,
      /** The sample priced as the customers' calculator prices it: best grade, today's LPR. */
      sample: CalculatorResponse,
      lprBps: z.int(),
    })
    .check(z.meta({ id: 'LoanProductPreview' })),
);

export const LoanProductChangeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ product: LoanProductDraft, effectiveAt: EffectiveAt }).check(z.meta({ id: 'LoanProductChangeRequest' })));

export const LprChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ oneYearLprBps: z.int().check(z.minimum(1), z.maximum(JUDICIAL_RATE_CEILING_BPS)), effectiveAt: EffectiveAt })
    .check(z.meta({ id: 'LprChangeRequest' })),
);

export { ChangeRequestView };
