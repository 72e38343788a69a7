// The open platform's order routes (下单, 查单, 关单): a partner creates orders for its approved
// merchants and reads them back as they stand (services/open-orders.ts).
import { config } from '../config.js';
import { openRoutes as routes } from '../contract/open-routes.js';
import { type MerchantOrder, partnerOrderView } from '../domain/open/order.js';
import { closePartnerOrder, createOrder, partnerOrder, partnerOrderByOutTradeNo } from '../services/open-orders.js';
import { defineOpenRoute, openLambda } from './open-route.js';

const view = (order: MerchantOrder, now: Date) => partnerOrderView(order, now, config().H5_ORIGIN);

const create = defineOpenRoute('openOrderCreate', routes.openOrderCreate, async ({ partner, body, now }) => view(await createOrder(partner.partnerId, body, now), now));

const one = defineOpenRoute('openOrder', routes.openOrder, async ({ partner, params, now }) => view(await partnerOrder(partner.partnerId, params.orderId), now));

const byNumber = defineOpenRoute('openOrderByOutTradeNo', routes.openOrderByOutTradeNo, async ({ partner, params, now }) =>
  view(await partnerOrderByOutTradeNo(partner.partnerId, params.outTradeNo), now),
);

const close = defineOpenRoute('openOrderClose', routes.openOrderClose, async ({ partner, params, now }) => view(await closePartnerOrder(partner.partnerId, params.orderId, now), now));

export const handler = openLambda([create, one, byNumber, close]);
