// Routes of 忘记支付密码 (payment PIN reset), and the SMS simulator's outbox the local stack reads.
import * as s from './pin-reset-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const pinResetRoutes = {
  pinResetCode: {
    method: 'POST',
    path: '/v1/me/pin-reset/code',
    summary: 'Send a PIN-reset code to the bound phone',
    auth: 'customer',
    idempotent: false,
    body: s.PinResetCodeRequest,
    response: s.PinResetCodeSent,
  },
  pinReset: {
    method: 'POST',
    path: '/v1/me/pin-reset',
    summary: 'Reset a forgotten payment PIN: real name, ID number, bound card, the code, and the new PIN',
    auth: 'customer',
    idempotent: false,
    // The new PIN comes as `newPin`, opened like a second factor; no current PIN (it is forgotten).
    secondFactor: 'optional',
    body: s.PinResetRequest,
    response: s.PinResetResult,
  },
  simSmsMessages: {
    method: 'GET',
    path: '/v1/sim/sms/messages',
    summary: 'Simulator: the text messages a phone number received (local stages only)',
    auth: 'none',
    idempotent: false,
    query: s.SimulatorSmsQuery,
    response: s.SimulatorSmsOutbox,
    simulatorOnly: true,
  },
} as const satisfies Record<string, RouteSpec>;
