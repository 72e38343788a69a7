// The bodies of a NAV and of a money-market yield submitted as changes: apart from the other
// console wealth schemas so that the change kinds that apply them (services/change-kinds/
// wealth-price.ts, bundled by every function that approves changes) do not bundle those.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MAX_NAV_CENTI_FEN } from '../domain/wealth/product.js';

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const ProductId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)));

export const WealthNavChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ productId: ProductId, navDate: IsoDate, navCentiFen: z.int().check(z.minimum(1), z.maximum(MAX_NAV_CENTI_FEN)) })
    .check(z.meta({ id: 'WealthNavChangeRequest', description: 'Takes effect once approved: today’s may be replaced until the close; a closed date only filled in' })),
);
export type WealthNavChangeRequest = z.infer<typeof WealthNavChangeRequest>;

export const WealthYieldChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: ProductId,
      yieldDate: IsoDate,
      sevenDayYieldBps: z.int().check(z.minimum(0), z.maximum(2_000)),
      incomePer10kCentiFen: z
        .int()
        .check(z.minimum(0), z.maximum(100_000), z.meta({ description: '万份收益 in hundredths of a fen (0.4321 yuan = 4321)' })),
    })
    .check(z.meta({ id: 'WealthYieldChangeRequest' })),
);
export type WealthYieldChangeRequest = z.infer<typeof WealthYieldChangeRequest>;
