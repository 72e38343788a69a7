// Routes of paying community merchants (社区生活): a customer opens an order a partner made, pays
// it with the second factor, and reads the orders they paid.
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
} as const satisfies Record<string, RouteSpec>;
