// 更换绑定卡: the identity check (the ID number and the PIN, encrypted on the device with the
// challenge of a nonce asked for this very request, second-factor-schemas.ts), the new card, and
// the account's card history.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { BoundCard } from './schemas.js';
import { PinSecondFactor } from './second-factor-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const CardChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      idNumber: z.string().check(z.regex(/^\d{17}[\dXx]$/), z.meta({ description: 'Resident ID number as verified at onboarding' })),
      cardNumber: z.string().check(z.regex(/^\d{16,19}$/), z.meta({ description: "The new Class I debit card, in the customer's own name" })),
      // The PIN only: a fingerprint stands in for the PIN on payments, not on a change of card.
      secondFactor: PinSecondFactor,
    })
    .check(z.meta({ id: 'CardChangeRequest' })),
);
export type CardChangeRequest = z.infer<typeof CardChangeRequest>;

export const CardChange = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      oldCard: BoundCard,
      unboundAt: IsoTime,
      newCard: BoundCard,
      boundAt: IsoTime,
    })
    .check(z.meta({ id: 'CardChange' })),
);
export type CardChange = z.infer<typeof CardChange>;

export const CardChangeResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      boundCard: BoundCard,
      change: CardChange,
      phoneMasked: z.string().check(z.meta({ description: 'The bound phone the notice was sent to' })),
    })
    .check(z.meta({ id: 'CardChangeResult' })),
);
export type CardChangeResult = z.infer<typeof CardChangeResult>;

export const CardBindings = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      boundCard: BoundCard,
      boundSince: IsoTime.check(z.meta({ description: 'When the card in force was bound: the last change, or the opening' })),
      changes: z.array(CardChange).check(z.maxLength(20), z.meta({ description: 'The last changes, newest first' })),
    })
    .check(z.meta({ id: 'CardBindings' })),
);
export type CardBindings = z.infer<typeof CardBindings>;
