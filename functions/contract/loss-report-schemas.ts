// 挂失 (report loss): signed in, what was lost; signed out, the identity check's answers (the code
// first, then the answers with it); the lift, the identity check only.
import * as z from 'zod/mini';
import { LOST_ITEMS } from '../domain/loss-report.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { PersonName } from './person-name-schema.js';
import { BoundCardAnswer, IdNumberAnswer, SmsCodeAnswer } from './pin-reset-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const Lost = /* @__PURE__ */ lazySchema(() => z.enum(LOST_ITEMS).check(z.meta({ description: 'What the customer lost: PHONE, ID_CARD, BANK_CARD or OTHER' })));
const identity = () => ({ realName: PersonName, idNumber: IdNumberAnswer, cardNumber: BoundCardAnswer });

export const LossReportRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ lost: Lost }).check(z.meta({ id: 'LossReportRequest' })));

export const LossCodeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ ...identity(), action: z.enum(['REPORT', 'LIFT']).check(z.meta({ description: 'REPORT: 挂失; LIFT: 解除挂失' })) })
    .check(z.meta({ id: 'LossCodeRequest' })),
);

export const LossCodeSent = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      expiresAt: IsoTime,
      resendAfterSeconds: z.int().check(z.meta({ description: 'Wait this long before asking for another code' })),
    })
    .check(z.meta({ id: 'LossCodeSent', description: 'The same answer whether or not the answers are a customer’s: a code went to the bound phone only if they are' })),
);

export const LossReportByIdentityRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ ...identity(), smsCode: SmsCodeAnswer, lost: Lost }).check(z.meta({ id: 'LossReportByIdentityRequest' })),
);

export const LossLiftRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ ...identity(), smsCode: SmsCodeAnswer }).check(z.meta({ id: 'LossLiftRequest' })));

export const LossReportResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ reportedAt: IsoTime, phoneMasked: z.string().check(z.meta({ description: 'Where the notice of the report was sent' })) })
    .check(z.meta({ id: 'LossReportResult' })),
);

export const LossLiftResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ liftedAt: IsoTime, phoneMasked: z.string().check(z.meta({ description: 'Where the notice of the lift was sent' })) })
    .check(z.meta({ id: 'LossLiftResult' })),
);

export type LossReportRequest = z.infer<typeof LossReportRequest>;
export type LossCodeRequest = z.infer<typeof LossCodeRequest>;
export type LossCodeSent = z.infer<typeof LossCodeSent>;
export type LossReportResult = z.infer<typeof LossReportResult>;
export type LossLiftResult = z.infer<typeof LossLiftResult>;
