// Routes of the open platform (开放平台): partners' systems, authenticated by their signature on
// every request (http/open-route.ts), each route needing one of the partner's scopes.
import * as o from './open-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const openRoutes = {
  openMerchantPropose: {
    method: 'POST',
    path: '/v1/open/merchants',
    summary: 'Partner: propose a merchant for the bank to review (409 OUT_MERCHANT_NO_TAKEN; 422 SETTLEMENT_HOLDER_NOT_MERCHANT, TOO_MANY_MERCHANTS)',
    auth: 'partner',
    scope: 'merchants',
    idempotent: true,
    body: o.MerchantProposal,
    response: o.OpenMerchant,
  },
  openMerchant: {
    method: 'GET',
    path: '/v1/open/merchants/{merchantId}',
    summary: 'Partner: one of its merchants and its review status (404 MERCHANT_NOT_FOUND, another partner’s too)',
    auth: 'partner',
    scope: 'merchants',
    idempotent: false,
    params: o.MerchantIdParams,
    response: o.OpenMerchant,
  },
  openMerchants: {
    method: 'GET',
    path: '/v1/open/merchants',
    summary: 'Partner: its merchants, 50 a page',
    auth: 'partner',
    scope: 'merchants',
    idempotent: false,
    query: o.MerchantPageQuery,
    response: o.OpenMerchantPage,
  },
} as const satisfies Record<string, RouteSpec>;
