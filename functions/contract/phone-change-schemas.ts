// 更换手机号: a code to the old phone and to the new one — or, the old phone lost, the identity
// check's answers with the new phone's code — and the customer's phone history (masked).
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { PersonName } from './person-name-schema.js';
import { BoundCardAnswer, IdNumberAnswer, SmsCodeAnswer } from './pin-reset-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const NewPhone = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^1[3-9]\d{9}$/), z.meta({ description: 'The mainland mobile number to bind instead' })));

export const PhoneCodeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .union([
      z.strictObject({ to: z.literal('OLD').check(z.meta({ description: 'The bound phone' })) }),
      z.strictObject({ to: z.literal('NEW').check(z.meta({ description: 'The phone to bind' })), newPhone: NewPhone }),
    ])
    .check(z.meta({ id: 'PhoneCodeRequest' })),
);
export type PhoneCodeRequest = z.infer<typeof PhoneCodeRequest>;

export const PhoneCodeSent = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      phoneMasked: z.string().check(z.meta({ description: 'The phone the code went to' })),
      expiresAt: IsoTime,
      resendAfterSeconds: z.int().check(z.meta({ description: 'Wait this long before asking for another code to this phone' })),
      sendsLeftToday: z.int(),
    })
    .check(z.meta({ id: 'PhoneCodeSent' })),
);
export type PhoneCodeSent = z.infer<typeof PhoneCodeSent>;

export const PhoneChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .union([
      z.strictObject({ newPhone: NewPhone, newPhoneCode: SmsCodeAnswer, oldPhoneCode: SmsCodeAnswer }),
      // The old phone lost: the identity check's answers stand in for its code.
      z.strictObject({ newPhone: NewPhone, newPhoneCode: SmsCodeAnswer, realName: PersonName, idNumber: IdNumberAnswer, cardNumber: BoundCardAnswer }),
    ])
    .check(z.meta({ id: 'PhoneChangeRequest' })),
);
export type PhoneChangeRequest = z.infer<typeof PhoneChangeRequest>;

export const PhoneChange = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      oldPhoneMasked: z.string(),
      newPhoneMasked: z.string(),
      changedAt: IsoTime,
      verifiedBy: z.enum(['OLD_PHONE_CODE', 'IDENTITY_CHECK']).check(z.meta({ description: "The old phone's code, or the identity check (the old phone lost)" })),
    })
    .check(z.meta({ id: 'PhoneChange' })),
);
export type PhoneChange = z.infer<typeof PhoneChange>;

export const PhoneChangeResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      phoneMasked: z.string().check(z.meta({ description: 'The phone bound now; both phones were sent a notice' })),
      change: PhoneChange,
    })
    .check(z.meta({ id: 'PhoneChangeResult' })),
);
export type PhoneChangeResult = z.infer<typeof PhoneChangeResult>;

export const PhoneBindings = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      phoneMasked: z.string().check(z.meta({ description: 'The bound phone' })),
      changes: z.array(PhoneChange).check(z.maxLength(20), z.meta({ description: 'The last changes, newest first' })),
    })
    .check(z.meta({ id: 'PhoneBindings' })),
);
export type PhoneBindings = z.infer<typeof PhoneBindings>;
