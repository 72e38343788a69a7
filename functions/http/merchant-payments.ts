// Paying community merchants (社区生活): the order a partner made, opened from its link or QR,
// paid with the second factor (services/merchant-payments.ts), and the orders the customer paid;
// the merchants of a community, and a merchant's static code paid an amount of the customer's own.
import { merchantPaymentRoutes as routes } from '../contract/merchant-payment-routes.js';
import { journalReference } from '../domain/history.js';
import type { Merchant } from '../domain/open/merchant.js';
import { type MerchantOrder, ORDER_STATE_LABELS, orderState } from '../domain/open/order.js';
import { communityList, communityMerchant, communityMerchants } from '../services/community-merchants.js';
import { customerOrders, payMerchantCode, payMerchantOrder } from '../services/merchant-payments.js';
import { customerOrderWithMerchant } from '../services/payable-orders.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

/** An order as its customer reads it: nothing of the partner's own numbers or the fee. */
function orderView(order: MerchantOrder, merchant: Merchant | undefined, now: Date) {
  const state = orderState(order, now);
  return {
    orderId: order.orderId,
    merchantShortName: order.merchantShortName,
    merchantCategory: merchant?.category ?? null,
    communityName: merchant?.community.name ?? null,
    description: order.description,
    amountFen: order.amountFen,
    state,
    stateLabel: ORDER_STATE_LABELS[state],
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    refundedFen: order.refundedFen,
  };
}

const one = defineRoute('merchantOrder', routes.merchantOrder, async ({ customerId, params, now }) => {
  const { order, merchant } = await customerOrderWithMerchant(customerId, params.orderId);
  return orderView(order, merchant, now);
});

const pay = defineRoute('merchantOrderPay', routes.merchantOrderPay, async ({ customerId, params, now, idempotencyKey, secondFactor }) => {
  const paid = await payMerchantOrder({ customerId, orderId: params.orderId, secondFactor, now, idempotencyKey });
  return { order: orderView(paid.order, paid.merchant, now), journalId: paid.journalId, reference: journalReference(paid.journalId), balanceFen: paid.balanceFen };
});

const page = defineRoute('merchantOrders', routes.merchantOrders, async ({ customerId, query }) => customerOrders(customerId, query.cursor));

const communities = defineRoute('communities', routes.communities, async ({ customerId }) => communityList(customerId));

const merchants = defineRoute('communityMerchants', routes.communityMerchants, async ({ customerId, query }) =>
  communityMerchants(customerId, { cityCode: query.cityCode, community: query.community, category: query.category }, query.cursor),
);

const merchant = defineRoute('communityMerchant', routes.communityMerchant, async ({ customerId, params, now }) => communityMerchant(customerId, params.merchantId, now));

const payCode = defineRoute('merchantCodePay', routes.merchantCodePay, async ({ customerId, params, body, now, idempotencyKey, secondFactor }) => {
  const paid = await payMerchantCode({ customerId, merchantId: params.merchantId, amountFen: body.amountFen, secondFactor, now, idempotencyKey });
  return { order: orderView(paid.order, paid.merchant, now), journalId: paid.journalId, reference: journalReference(paid.journalId), balanceFen: paid.balanceFen };
});

export const handler = lambda([one, pay, page, communities, merchants, merchant, payCode]);
