// Every route of the API with its schemas. The HTTP layer validates against this table and the
// OpenAPI document is generated from it, so the two cannot drift apart.
import type { z } from 'zod';
import * as s from './schemas.js';

export type Method = 'GET' | 'POST';

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  /** 'customer' needs a customer access token; 'none' is public. */
  auth: 'customer' | 'none';
  /** Money-moving: needs an Idempotency-Key header. */
  idempotent: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  /** Only served while the WeChat simulator is configured (local stages). */
  simulatorOnly?: boolean;
}

export const routes = {
  health: {
    method: 'GET',
    path: '/v1/health',
    summary: 'Liveness',
    auth: 'none',
    idempotent: false,
    response: s.Ok,
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This document',
    auth: 'none',
    idempotent: false,
    response: s.OpenApiDocument,
  },
  simLoginCode: {
    method: 'POST',
    path: '/v1/sim/wechat/login-code',
    summary: 'Simulator: a wx.login code for a simulated WeChat user (H5 build only)',
    auth: 'none',
    idempotent: false,
    body: s.SimulatorLoginCodeRequest,
    response: s.SimulatorCodeResponse,
    simulatorOnly: true,
  },
  simPhoneCode: {
    method: 'POST',
    path: '/v1/sim/wechat/phone-code',
    summary: 'Simulator: a getPhoneNumber code for a phone number (H5 build only)',
    auth: 'none',
    idempotent: false,
    body: s.SimulatorPhoneCodeRequest,
    response: s.SimulatorCodeResponse,
    simulatorOnly: true,
  },
  signIn: {
    method: 'POST',
    path: '/v1/auth/wechat',
    summary: 'Sign in with a wx.login code; creates the customer on first sign-in',
    auth: 'none',
    idempotent: false,
    body: s.WechatSignInRequest,
    response: s.SignInResponse,
  },
  refresh: {
    method: 'POST',
    path: '/v1/auth/refresh',
    summary: 'Rotate the refresh token and get a new access token',
    auth: 'none',
    idempotent: false,
    body: s.RefreshRequest,
    response: s.SignInResponse,
  },
  signOut: {
    method: 'POST',
    path: '/v1/auth/sign-out',
    summary: 'Revoke the refresh token and its whole rotation family',
    auth: 'none',
    idempotent: false,
    body: s.RefreshRequest,
    response: s.Ok,
  },
  me: {
    method: 'GET',
    path: '/v1/me',
    summary: 'The signed-in customer',
    auth: 'customer',
    idempotent: false,
    response: s.Me,
  },
  bindPhone: {
    method: 'POST',
    path: '/v1/me/phone',
    summary: 'Bind the phone number from a getPhoneNumber code',
    auth: 'customer',
    idempotent: false,
    body: s.BindPhoneRequest,
    response: s.Me,
  },
  realName: {
    method: 'POST',
    path: '/v1/me/real-name',
    summary: 'Real-name verification with name and resident ID number',
    auth: 'customer',
    idempotent: false,
    body: s.RealNameRequest,
    response: s.Me,
  },
  setPin: {
    method: 'POST',
    path: '/v1/me/pin',
    summary: 'Set the payment PIN (changing it needs the current one)',
    auth: 'customer',
    idempotent: false,
    body: s.SetPinRequest,
    response: s.Me,
  },
  openAccount: {
    method: 'POST',
    path: '/v1/account',
    summary: 'Open the Class II e-account bound to a Class I card',
    auth: 'customer',
    idempotent: false,
    body: s.OpenAccountRequest,
    response: s.AccountDetail,
  },
  account: {
    method: 'GET',
    path: '/v1/account',
    summary: 'Balance, bound card and limits',
    auth: 'customer',
    idempotent: false,
    response: s.AccountDetail,
  },
  topUp: {
    method: 'POST',
    path: '/v1/account/top-up',
    summary: 'Top up from the bound card',
    auth: 'customer',
    idempotent: true,
    body: s.CardMoneyRequest,
    response: s.MoneyMovementResult,
  },
  withdraw: {
    method: 'POST',
    path: '/v1/account/withdraw',
    summary: 'Withdraw to the bound card',
    auth: 'customer',
    idempotent: true,
    body: s.CardMoneyRequest,
    response: s.MoneyMovementResult,
  },
  payee: {
    method: 'GET',
    path: '/v1/account/payee',
    summary: 'Look up a Jinlin customer by phone number (masked name for confirmation)',
    auth: 'customer',
    idempotent: false,
    query: s.PayeeQuery,
    response: s.Payee,
  },
  transfer: {
    method: 'POST',
    path: '/v1/account/transfer',
    summary: 'Transfer to another Jinlin customer by phone number',
    auth: 'customer',
    idempotent: true,
    body: s.TransferRequest,
    response: s.MoneyMovementResult,
  },
  history: {
    method: 'GET',
    path: '/v1/account/history',
    summary: 'Account history, newest first, paged',
    auth: 'customer',
    idempotent: false,
    query: s.HistoryQuery,
    response: s.HistoryPage,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
