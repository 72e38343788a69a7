// The product factory's wealth section (理财产品) in the console's contract: products as product
// managers see them, a draft's preview (the customer's card and rules as the server renders them),
// and drafts, openings, closings, NAVs and yields submitted as changes (console-change-schemas.ts).
// A draft is the product without its version; the same schema checks it on the server and gives
// the form its inline messages (wealthProductDraftIssues).
import * as z from 'zod/mini';
import { wealthProductSchema } from '../domain/wealth/product.js';
import { wealthProductDraftSchema } from '../domain/wealth/product-draft.js';
import { ChangeRequestView, EffectiveAt } from './console-change-schemas.js';
import { WealthProductView } from './wealth-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

export { wealthProductDraftIssues } from '../domain/wealth/product-draft.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const ProductId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)));
const ProductStatus = /* @__PURE__ */ lazySchema(() => z.enum(['OPEN', 'CLOSED']));

export const WealthProductDraft = /* @__PURE__ */ lazySchema(() =>
  wealthProductDraftSchema.check(
    z.meta({ id: 'WealthProductDraft', description: 'A wealth product without its version (publishing numbers it)' }),
  ),
);
export type WealthProductDraft = z.infer<typeof WealthProductDraft>;

/** A published version, as stored (immutable). */
export const WealthProduct = /* @__PURE__ */ lazySchema(() => wealthProductSchema.check(z.meta({ id: 'WealthProduct' })));

export const WealthProductIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ productId: ProductId }));

export const ConsoleWealthProductList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      products: z.array(
        z.object({
          productId: z.string(),
          name: z.string(),
          typeLabel: z.string(),
          riskLabel: z.string(),
          status: ProductStatus,
          currentVersion: z.int(),
          updatedAt: IsoTime.check(z.meta({ description: 'When the version on sale was published' })),
          /** The figure the customer's card shows big (NAV or 7-day yield) and its date. */
          headline: z.object({ label: z.string(), display: z.string(), date: z.nullable(IsoDate) }),
          pendingChangeId: z.optional(z.string().check(z.meta({ description: 'The change waiting on this product (pending, or approved and not yet effective)' }))),
        }),
      ),
      businessDate: IsoDate,
    })
    .check(z.meta({ id: 'ConsoleWealthProductList' })),
);

export const WealthPriceView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      date: IsoDate,
      navCentiFen: z.int(),
      navDisplay: z.string(),
      sevenDayYieldBps: z.nullable(z.int()),
      incomePer10kCentiFen: z.nullable(z.int()),
    })
    .check(z.meta({ id: 'WealthPriceView' })),
);

const RiskDisclosure = /* @__PURE__ */ lazySchema(() => z.object({ version: z.string(), title: z.string(), text: z.string() }));

export const ConsoleWealthProductDetail = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      current: WealthProduct,
      /** What the customers' list and product page show of the version on sale. */
      card: WealthProductView,
      disclosure: RiskDisclosure,
      versions: z.array(
        z.object({
          version: z.int(),
          status: ProductStatus,
          publishedAt: IsoTime,
          changeId: z.optional(z.string()),
          makerLogin: z.optional(z.string()),
          checkerLogin: z.optional(z.string()),
        }),
      ),
      /** The latest NAVs or yields, newest first. */
      prices: z.array(WealthPriceView),
      businessDate: IsoDate,
      pendingChange: z.optional(ChangeRequestView),
    })
    .check(z.meta({ id: 'ConsoleWealthProductDetail', description: 'Versions newest first; an approved version is never edited, a new one supersedes it' })),
);

export const WealthProductPreviewRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ product: WealthProductDraft }).check(z.meta({ id: 'WealthProductPreviewRequest' })));

export const WealthProductPreview = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      /** The customers' product card, numbered as the version it would become, with the product's latest price. */
      card: WealthProductView,
      /** The risk disclosure a purchase acknowledges (风险揭示书). */
      disclosure: RiskDisclosure,
    })
    .check(z.meta({ id: 'WealthProductPreview' })),
);

export const WealthProductChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ product: WealthProductDraft, effectiveAt: EffectiveAt })
    .check(z.meta({ id: 'WealthProductChangeRequest' })),
);

export const WealthProductStatusChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ status: ProductStatus, effectiveAt: EffectiveAt })
    .check(z.meta({ id: 'WealthProductStatusChangeRequest', description: 'OPEN: 开放申购; CLOSED: 暂停申购 (holders still redeem and earn)' })),
);

export { WealthNavChangeRequest, WealthYieldChangeRequest } from './wealth-price-schemas.js';

export { ChangeRequestView };
