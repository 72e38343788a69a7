// Routes of 登录设备管理 (domain/sessions.ts): the customer's live sessions, signing one or all
// others out, and the code to the bound phone a new device's first money movement needs. Another
// customer's session answers 404.
import * as s from './session-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const sessionRoutes = {
  sessions: {
    method: 'GET',
    path: '/v1/sessions',
    summary: 'The customer\'s live sessions (登录设备): device, sign-in and last use, place; the current one marked',
    auth: 'customer',
    idempotent: false,
    response: s.SessionList,
  },
  sessionSignOut: {
    method: 'POST',
    path: '/v1/sessions/{sessionId}/sign-out',
    summary: 'Sign one session out at once: its refresh token refused, its access tokens refused where the customer is read first (404 SESSION_NOT_FOUND)',
    auth: 'customer',
    idempotent: false,
    params: s.SessionParams,
    response: s.SessionsSignedOut,
  },
  sessionsSignOutOthers: {
    method: 'POST',
    path: '/v1/sessions/sign-out-others',
    summary: 'Sign out every session but the current one',
    auth: 'customer',
    idempotent: false,
    response: s.SessionsSignedOut,
  },
  deviceCode: {
    method: 'POST',
    path: '/v1/sessions/current/verification-code',
    summary: 'A new device\'s first money movement: send a code to the bound phone (409 DEVICE_ALREADY_VERIFIED)',
    auth: 'customer',
    idempotent: false,
    body: s.DeviceCodeRequest,
    response: s.DeviceCodeSent,
  },
  deviceVerify: {
    method: 'POST',
    path: '/v1/sessions/current/verification',
    summary: 'Verify this session\'s device with the code (counted and limited with the identity check\'s): a fresh access token trusted with money',
    auth: 'customer',
    idempotent: false,
    body: s.DeviceVerifyRequest,
    response: s.DeviceVerified,
  },
  stepUpCode: {
    method: 'POST',
    path: '/v1/sessions/current/step-up-code',
    summary: 'A transfer the anti-fraud rules stepped up (STEP_UP_REQUIRED): send a code to the bound phone (this session\'s device must be verified)',
    auth: 'customer',
    idempotent: false,
    body: s.DeviceCodeRequest,
    response: s.DeviceCodeSent,
  },
  stepUp: {
    method: 'POST',
    path: '/v1/sessions/current/step-up',
    summary: 'Step up with the code (counted and limited with the identity check\'s): a fresh access token whose stepped-up transfers are accepted for 5 minutes',
    auth: 'customer',
    idempotent: false,
    body: s.DeviceVerifyRequest,
    response: s.DeviceVerified,
  },
} as const satisfies Record<string, RouteSpec>;
