// 登录设备管理: the customer's live sessions (each a sign-in on a device, with its time and place),
// signing one or all others out, and the code to the bound phone that trusts a new device with money.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { SmsCodeAnswer } from './pin-reset-schemas.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const SessionParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ sessionId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)) }));

export const SessionView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      sessionId: z.string(),
      deviceLabel: z.string().check(z.meta({ description: 'The model the device reported, or 未知设备' })),
      platform: z.nullable(z.string()),
      place: z.string().check(z.meta({ description: 'The source address masked (a /24, or an IPv6 /48), or 未知' })),
      signedInAt: IsoTime,
      lastUsedAt: IsoTime,
      current: z.boolean().check(z.meta({ description: 'The session this request comes from (本机)' })),
      deviceVerified: z.boolean().check(z.meta({ description: 'Trusted with money: a known device, or verified with a code to the bound phone' })),
    })
    .check(z.meta({ id: 'SessionView' })),
);

export const SessionList = /* @__PURE__ */ lazySchema(() => z.object({ sessions: z.array(SessionView) }).check(z.meta({ id: 'SessionList', description: 'Live sessions, the current one first, then by last use' })));

export const SessionsSignedOut = /* @__PURE__ */ lazySchema(() => z.object({ signedOut: z.int().check(z.meta({ description: 'How many sessions were signed out' })) }).check(z.meta({ id: 'SessionsSignedOut' })));

export const DeviceCodeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({}).check(z.meta({ id: 'DeviceCodeRequest' })));

export const DeviceCodeSent = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      phoneMasked: z.string().check(z.meta({ description: 'The bound phone the code went to' })),
      expiresAt: IsoTime,
      resendAfterSeconds: z.int().check(z.meta({ description: 'Wait this long before asking for another code' })),
      sendsLeftToday: z.int(),
    })
    .check(z.meta({ id: 'DeviceCodeSent' })),
);

export const DeviceVerifyRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ smsCode: SmsCodeAnswer }).check(z.meta({ id: 'DeviceVerifyRequest' })));

export const DeviceVerified = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      accessToken: z.string().check(z.meta({ description: 'A fresh access token of this session, trusted with money; the refresh token stays' })),
      accessTokenExpiresAt: IsoTime,
    })
    .check(z.meta({ id: 'DeviceVerified' })),
);

export type SessionView = z.infer<typeof SessionView>;
export type SessionList = z.infer<typeof SessionList>;
export type SessionsSignedOut = z.infer<typeof SessionsSignedOut>;
export type DeviceCodeSent = z.infer<typeof DeviceCodeSent>;
export type DeviceVerified = z.infer<typeof DeviceVerified>;
