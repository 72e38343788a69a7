// A prepayment's principal and choice, apart from the loan schemas: the payment authorization
// (functions/http/account.ts) reads it to price the review sheet, and the rest of the loan
// contract would cost that bundle 7 KB.
import * as z from 'zod/mini';
import { PREPAYMENT_ADJUSTMENTS } from '../domain/loan/product.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { AmountFen } from './schemas.js';

export const Prepayment = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      principalFen: AmountFen,
      adjustment: z.enum(PREPAYMENT_ADJUSTMENTS).check(z.meta({ description: 'REDUCE_PAYMENT 减少月供 (same term, lower installment) or SHORTEN_TERM 缩短期限 (same installment, fewer periods)' })),
    })
    .check(z.meta({ id: 'Prepayment', description: 'Principal repaid before its due date (less than the principal outstanding: all of it is the payoff)' })),
);

export type Prepayment = z.infer<typeof Prepayment>;
