// Routes of 更换手机号 (changing the bound phone) and its history.
import * as s from './phone-change-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const phoneChangeRoutes = {
  phoneChangeCode: {
    method: 'POST',
    path: '/v1/me/phone-change/code',
    summary: 'Send a phone-change code to the bound phone (OLD) or to the phone to bind (NEW; 409 PHONE_IN_USE when another customer holds it)',
    auth: 'customer',
    idempotent: false,
    body: s.PhoneCodeRequest,
    response: s.PhoneCodeSent,
  },
  changePhone: {
    method: 'POST',
    path: '/v1/me/phone-change',
    summary: "Change the bound phone: the new phone's code, and the old phone's code or (the old phone lost) real name, ID number and bound card",
    auth: 'customer',
    idempotent: false,
    body: s.PhoneChangeRequest,
    response: s.PhoneChangeResult,
  },
  phoneBindings: {
    method: 'GET',
    path: '/v1/me/phone-changes',
    summary: 'The bound phone (masked) and the history of its changes',
    auth: 'customer',
    idempotent: false,
    response: s.PhoneBindings,
  },
} as const satisfies Record<string, RouteSpec>;
