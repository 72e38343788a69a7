// 忘记支付密码: the code to the bound phone, then the four answers and the new PIN (encrypted on
// the device with the challenge of a nonce asked for this very request, second-factor-schemas.ts);
// and the SMS simulator's outbox, which the local stack reads the code from.
import * as z from 'zod/mini';
import { PersonName } from './person-name-schema.js';
import { SecondFactor } from './second-factor-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const Phone = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^1[3-9]\d{9}$/)));

/** The identity check's answers besides the name (shared with 挂失, loss-report-schemas.ts). */
export const IdNumberAnswer = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^\d{17}[\dXx]$/), z.meta({ description: 'Resident ID number as verified at onboarding' })));
export const BoundCardAnswer = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^\d{16,19}$/), z.meta({ description: 'The Class I card bound to the e-account' })));
export const SmsCodeAnswer = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^\d{6}$/), z.meta({ description: 'The code sent to the bound phone' })));

export const PinResetCodeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({}).check(z.meta({ id: 'PinResetCodeRequest' })));

export const PinResetCodeSent = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      phoneMasked: z.string().check(z.meta({ description: 'The bound phone the code went to' })),
      expiresAt: IsoTime,
      resendAfterSeconds: z.int().check(z.meta({ description: 'Wait this long before asking for another code' })),
      sendsLeftToday: z.int(),
    })
    .check(z.meta({ id: 'PinResetCodeSent' })),
);

export const PinResetRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      realName: PersonName,
      idNumber: IdNumberAnswer,
      cardNumber: BoundCardAnswer,
      smsCode: SmsCodeAnswer,
      newPin: SecondFactor,
    })
    .check(z.meta({ id: 'PinResetRequest' })),
);

export const PinResetResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      resetAt: IsoTime,
      phoneMasked: z.string().check(z.meta({ description: 'Where the notice of the reset was sent' })),
    })
    .check(z.meta({ id: 'PinResetResult' })),
);

export const SimulatorSmsQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ phone: Phone }).check(z.meta({ id: 'SimulatorSmsQuery' })));

export const SimulatorSmsOutbox = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      messages: z.array(
        z.object({
          template: z.string(),
          text: z.string(),
          params: z.record(z.string(), z.string()),
          sentAt: IsoTime,
        }),
      ),
    })
    .check(z.meta({ id: 'SimulatorSmsOutbox', description: 'What the simulated phone received, newest first' })),
);

export type PinResetCodeSent = z.infer<typeof PinResetCodeSent>;
export type PinResetRequest = z.infer<typeof PinResetRequest>;
export type PinResetResult = z.infer<typeof PinResetResult>;
export type SimulatorSmsOutbox = z.infer<typeof SimulatorSmsOutbox>;
