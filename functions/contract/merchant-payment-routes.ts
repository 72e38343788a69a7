// Routes of paying community merchants (社区生活): a customer opens an order a partner made, pays
// it with the second factor, and reads the orders they paid; finds the merchants of a community and
// pays a merchant's static code (收款码) an amount of their own.
import * as m from './merchant-payment-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const merchantPaymentRoutes = {
  merchantOrder: {
    method: 'GET',
    path: '/v1/merchant-orders/{orderId}',
    summary: 'An order opened from its link or QR: merchant, amount, state (404 ORDER_NOT_FOUND, also for an order another customer paid)',
    auth: 'customer',
    idempotent: false,
    params: m.MerchantOrderIdParams,
    response: m.CustomerMerchantOrder,
  },
  merchantOrderPay: {
    method: 'POST',
    path: '/v1/merchant-orders/{orderId}/payment',
    summary:
      'Pay the order from the e-account with the PIN or a biometric: paid at most once (422 ORDER_ALREADY_PAID, ORDER_CLOSED, ORDER_EXPIRED, MERCHANT_UNAVAILABLE); Class II non-bound limits and the daily code-payment cap apply (422 DAILY_LIMIT_EXCEEDED, CODE_PAY_LIMIT_EXCEEDED)',
    auth: 'customer',
    idempotent: true,
    secondFactor: 'required',
    params: m.MerchantOrderIdParams,
    body: m.MerchantOrderPayRequest,
    response: m.MerchantOrderPaid,
  },
  merchantOrders: {
    method: 'GET',
    path: '/v1/merchant-orders',
    summary: 'The community orders I paid, newest first',
    auth: 'customer',
    idempotent: false,
    query: m.CustomerOrderQuery,
    response: m.CustomerOrderPage,
  },
  communities: {
    method: 'GET',
    path: '/v1/community/communities',
    summary: 'The communities whose merchants take payments here (社区生活), for the zone\'s picker',
    auth: 'customer',
    idempotent: false,
    response: m.CommunityList,
  },
  communityMerchants: {
    method: 'GET',
    path: '/v1/community/merchants',
    summary: "A community's merchants that take payments, by category; a category narrows it (400 INVALID_CURSOR)",
    auth: 'customer',
    idempotent: false,
    query: m.CommunityMerchantQuery,
    response: m.CommunityMerchantPage,
  },
  communityMerchant: {
    method: 'GET',
    path: '/v1/community/merchants/{merchantId}',
    summary: "A merchant's page, opened from the zone or its static code (收款码), with what static codes can still take from me today (404 MERCHANT_NOT_FOUND, also for one not taking payments)",
    auth: 'customer',
    idempotent: false,
    params: m.CommunityMerchantIdParams,
    response: m.CommunityMerchant,
  },
  merchantCodePay: {
    method: 'POST',
    path: '/v1/community/merchants/{merchantId}/payments',
    summary:
      "Pay a merchant's static code (收款码) the amount I entered, with the PIN or a biometric: static codes take at most STATIC_CODE_DAILY_FEN a day from a customer (422 STATIC_CODE_LIMIT_EXCEEDED), and count against the daily code-payment cap and Class II non-bound limits (422 CODE_PAY_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED); 404 MERCHANT_NOT_FOUND; 422 MERCHANT_UNAVAILABLE",
    auth: 'customer',
    idempotent: true,
    secondFactor: 'required',
    params: m.CommunityMerchantIdParams,
    body: m.MerchantCodePayRequest,
    response: m.MerchantOrderPaid,
  },
} as const satisfies Record<string, RouteSpec>;
