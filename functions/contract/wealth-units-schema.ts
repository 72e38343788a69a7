// A wealth product's id and a number of its units, apart from the wealth schemas: the payment
// authorization (functions/http/account.ts) reads them from a redemption's body to price the
// review sheet, and the rest of the wealth contract would cost that bundle ~8 KB.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const WealthProductId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)));

export const UnitsCenti = /* @__PURE__ */ lazySchema(() =>
  z.int().check(z.minimum(1), z.maximum(10_000_000_000), z.meta({ description: 'Units in hundredths (12345 = 123.45 units)' })),
);
