// The second factor of a money movement (DESIGN.md Security): a one-time nonce the server
// issues for one exact request, and either the PIN encrypted on the device to the bank's SM2 key
// with the nonce's challenge inside, or a SOTER result (fingerprint / face) signed for that
// challenge by the device's key. services/second-factor.ts verifies them.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

/** A nonce as issued: `v1.<payload>.<signature>`, base64url parts. */
export const PaymentNonce = /* @__PURE__ */ lazySchema(() => z.string().check(z.minLength(16), z.maxLength(1024), z.regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)));

/** SM2 ciphertext, C1C3C2, lowercase hex: a 64-byte point, a 32-byte SM3 digest, the message. */
export const PinCipher = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(z.minLength(194), z.maxLength(1024), z.regex(/^[0-9a-f]+$/), z.meta({ description: 'The PIN, SM2-encrypted on the device (C1C3C2, hex)' })),
);

export const PinSecondFactor = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ nonce: PaymentNonce, pinCipher: PinCipher })
    .check(z.meta({ id: 'PinSecondFactor', description: 'A nonce from POST /v1/payment-authorizations and the PIN encrypted with its challenge' })),
);
export type PinSecondFactor = z.infer<typeof PinSecondFactor>;

/** What wx.startSoterAuthentication answers, as it answered it: the JSON its TEE assembled around
 *  the challenge, and the device key's signature over exactly that text. */
export const SoterResult = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      resultJson: z.string().check(z.minLength(2), z.maxLength(2048), z.meta({ description: 'resultJSON as WeChat returned it; its `raw` is the nonce\'s challenge' })),
      resultJsonSignature: z
        .string()
        .check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9+/=_-]+$/), z.meta({ description: 'resultJSONSignature (base64)' })),
    })
    .check(z.meta({ id: 'SoterResult' })),
);
export type SoterResult = z.infer<typeof SoterResult>;

export const SoterSecondFactor = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ nonce: PaymentNonce, soter: SoterResult })
    .check(z.meta({ id: 'SoterSecondFactor', description: 'A nonce and the SOTER (fingerprint / face) result signed for its challenge' })),
);
export type SoterSecondFactor = z.infer<typeof SoterSecondFactor>;

/** The PIN, or — for a customer who enrolled SOTER with it — a fingerprint or face. */
export const SecondFactor = /* @__PURE__ */ lazySchema(() => z.union([PinSecondFactor, SoterSecondFactor]).check(z.meta({ id: 'SecondFactor' })));
export type SecondFactor = z.infer<typeof SecondFactor>;

export const SOTER_AUTH_MODES = ['fingerPrint', 'facial'] as const;
export const SoterAuthMode = /* @__PURE__ */ lazySchema(() => z.enum(SOTER_AUTH_MODES).check(z.meta({ description: 'fingerPrint (指纹) or facial (面容), as wx.startSoterAuthentication names them' })));
export type SoterAuthMode = z.infer<typeof SoterAuthMode>;

/** 开启指纹/面容支付: confirmed with the PIN (a nonce asked for /v1/me/soter with body `{ authMode }`). */
export const SoterEnrolRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ authMode: SoterAuthMode, secondFactor: PinSecondFactor })
    .check(z.meta({ id: 'SoterEnrolRequest' })),
);
export type SoterEnrolRequest = z.infer<typeof SoterEnrolRequest>;

export const SoterEnrolment = /* @__PURE__ */ lazySchema(() => z.object({ authMode: SoterAuthMode, enrolledAt: z.string() }).check(z.meta({ id: 'SoterEnrolment' })));
export type SoterEnrolment = z.infer<typeof SoterEnrolment>;

/** Simulator: what the customer's simulated phone answers wx.startSoterAuthentication with. */
export const SimulatorSoterRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ challenge: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/), z.meta({ description: 'The nonce\'s challenge' })) })
    .check(z.meta({ id: 'SimulatorSoterRequest' })),
);
export const SimulatorSoterResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ authMode: SoterAuthMode, resultJson: z.string(), resultJsonSignature: z.string() })
    .check(z.meta({ id: 'SimulatorSoterResult' })),
);
export type SimulatorSoterResult = z.infer<typeof SimulatorSoterResult>;

export const PaymentAuthorizationRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      method: z.literal('POST'),
      idempotencyKey: z.optional(
        z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/), z.meta({ description: 'The Idempotency-Key the request will carry: the nonce then pays under it only' })),
      ),
      path: z.string().check(z.maxLength(200), z.regex(/^\/v1\/[A-Za-z0-9/_-]+$/), z.meta({ description: 'The path the money request will be sent to' })),
      body: z.record(z.string().check(z.maxLength(64)), z.unknown()).check(z.meta({ description: 'The exact body it will carry, without secondFactor and newPin' })),
    })
    .check(z.meta({ id: 'PaymentAuthorizationRequest' })),
);
export type PaymentAuthorizationRequest = z.infer<typeof PaymentAuthorizationRequest>;

/** A review amount that is an estimate: a normal redemption of a fund is paid at the NAV of its
 *  confirmation day, not known yet, so it is valued at the latest one published. */
export const PaymentEstimate = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      navDisplay: z.string().check(z.meta({ description: 'The NAV the amount was valued at, e.g. 1.0234' })),
      navDate: z.iso.date().check(z.meta({ description: 'The date that NAV was published for' })),
    })
    .check(z.meta({ id: 'PaymentEstimate', description: 'The amount is valued at this NAV; what is paid follows the confirmation day\'s NAV' })),
);
export type PaymentEstimate = z.infer<typeof PaymentEstimate>;

export const PaymentRisk = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      outcome: z.enum(['WARN', 'DELAY']).check(z.meta({ description: 'DELAY: after the warning, the money is held for delayHours (延时到账) and can be cancelled until then' })),
      reasons: z.array(z.string()).check(z.meta({ description: 'Why, one per rule' })),
      acknowledged: z.boolean().check(z.meta({ description: 'The body carries riskAcknowledged: true; if not, warn, then ask again with it' })),
      delayHours: z.nullable(z.int()).check(z.meta({ description: 'How long a DELAY holds the money; null for WARN' })),
    })
    .check(z.meta({ id: 'PaymentRisk', description: 'To read and confirm before the PIN' })),
);
export type PaymentRisk = z.infer<typeof PaymentRisk>;

export const PaymentReview = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      amountFen: z.nullable(z.int()).check(
        z.meta({
          description:
            'What the request moves: the body\'s amountFen; for a loan prepayment, its principal plus early interest; for a repayment without an amount, what is due now; for a payoff, the total of the quote it pays at; for a wealth cancel, the refund; for a redemption, what its units pay into the account. Null when the request has none (or the route will refuse it)',
        }),
      ),
      amountInWords: z.nullable(z.string()),
      estimate: z.nullable(PaymentEstimate).check(z.meta({ description: 'Set when amountFen is an estimate (a redemption of a fund whose NAV is not fixed); null when it is exact' })),
      feeFen: z.int(),
      sourceAccountMasked: z.nullable(z.string()),
      payeeMasked: z.nullable(z.string()),
      risk: z.nullable(PaymentRisk).check(z.meta({ description: 'A transfer\'s anti-fraud warning; null when none (a block: 422 RISK_BLOCKED)' })),
    })
    .check(z.meta({ id: 'PaymentReview', description: 'What the review sheet shows, as the bank will book it' })),
);
export type PaymentReview = z.infer<typeof PaymentReview>;

export const PaymentAuthorization = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      nonce: PaymentNonce,
      challenge: z.string().check(z.meta({ description: 'What the encrypted PIN must carry' })),
      expiresAt: z.string(),
      review: PaymentReview,
      encryption: z.object({ algorithm: z.literal('SM2'), cipherMode: z.literal(1), publicKeyHex: z.string() }),
    })
    .check(z.meta({ id: 'PaymentAuthorization' })),
);
export type PaymentAuthorization = z.infer<typeof PaymentAuthorization>;
