// 销户: the pre-check (every blocker at once, with what to do about it) and the closing, confirmed
// by the PIN under a nonce asked for this very request (second-factor-schemas.ts).
import * as z from 'zod/mini';
import { CLOSURE_BLOCKERS } from '../domain/account-closure.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { BoundCard } from './schemas.js';
import { PinSecondFactor } from './second-factor-schemas.js';

export const ClosureCheck = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      accountNumberMasked: z.string(),
      balanceFen: z.int().check(z.meta({ description: 'What the closing sweeps to the bound card' })),
      boundCard: BoundCard,
      blockers: z
        .array(z.object({ code: z.enum(CLOSURE_BLOCKERS), title: z.string(), message: z.string() }))
        .check(z.maxLength(CLOSURE_BLOCKERS.length), z.meta({ description: 'Everything to settle first; empty: the account may be closed' })),
      retentionYears: z.int().check(z.meta({ description: 'Years the records are kept after the closing (AML law)' })),
    })
    .check(z.meta({ id: 'ClosureCheck' })),
);
export type ClosureCheck = z.infer<typeof ClosureCheck>;

export const AccountClosureRequest = /* @__PURE__ */ lazySchema(() =>
  // The PIN only: a fingerprint stands in for the PIN on payments, not on closing the account.
  z.strictObject({ secondFactor: PinSecondFactor }).check(z.meta({ id: 'AccountClosureRequest' })),
);
export type AccountClosureRequest = z.infer<typeof AccountClosureRequest>;
