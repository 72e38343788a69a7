// Routes of 更换绑定卡 (changing the Class I card bound to the e-account) and its history.
import * as s from './card-change-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const cardChangeRoutes = {
  changeCard: {
    method: 'POST',
    path: '/v1/account/card',
    summary: 'Change the bound card: the ID number and the PIN, the new card verified by the card gateway',
    auth: 'customer',
    idempotent: false,
    secondFactor: 'required',
    body: s.CardChangeRequest,
    response: s.CardChangeResult,
  },
  cardBindings: {
    method: 'GET',
    path: '/v1/account/card-bindings',
    summary: 'The bound card and the history of its changes',
    auth: 'customer',
    idempotent: false,
    response: s.CardBindings,
  },
} as const satisfies Record<string, RouteSpec>;
