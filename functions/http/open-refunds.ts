// The open platform's refund routes (退款, 查询退款): a partner refunds its paid orders and reads
// its refunds back (services/open-refunds.ts).
import { openRoutes as routes } from '../contract/open-routes.js';
import { partnerRefundView } from '../domain/open/refund.js';
import { createRefund, partnerRefund, partnerRefundByOutRefundNo } from '../services/open-refunds.js';
import { defineOpenRoute, openLambda } from './open-route.js';

const create = defineOpenRoute('openRefundCreate', routes.openRefundCreate, async ({ partner, params, body, now }) =>
  partnerRefundView(await createRefund(partner.partnerId, params.orderId, body, now)),
);

const one = defineOpenRoute('openRefund', routes.openRefund, async ({ partner, params }) => partnerRefundView(await partnerRefund(partner.partnerId, params.refundId)));

const byNumber = defineOpenRoute('openRefundByOutRefundNo', routes.openRefundByOutRefundNo, async ({ partner, params }) =>
  partnerRefundView(await partnerRefundByOutRefundNo(partner.partnerId, params.outRefundNo)),
);

export const handler = openLambda([create, one, byNumber]);
