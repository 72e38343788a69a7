// The open platform's merchant routes (商户进件): a partner proposes its merchants and reads them
// back with the bank's review status (services/open-merchants.ts), and reads what it may still do.
import { openRoutes as routes } from '../contract/open-routes.js';
import { config } from '../config.js';
import { type Merchant, MERCHANT_STATUS_LABELS } from '../domain/open/merchant.js';
import { staticCodeView } from '../domain/open/order.js';
import { partnerMerchant, partnerMerchants, partnerQuota, proposeMerchant } from '../services/open-merchants.js';
import { defineOpenRoute, openLambda } from './open-route.js';

/** A merchant as the partner reads it: the bank's internal partner id left out; once approved, its
 *  static code (收款码) to print. */
const view = ({ partnerId: _partnerId, ...merchant }: Merchant) => ({
  ...merchant,
  statusLabel: MERCHANT_STATUS_LABELS[merchant.status],
  staticCode: merchant.status === 'ACTIVE' ? staticCodeView(merchant.merchantId, config().H5_ORIGIN) : null,
});

const propose = defineOpenRoute('openMerchantPropose', routes.openMerchantPropose, async ({ partner, body, now }) => view(await proposeMerchant(partner.partnerId, body, now)));

const one = defineOpenRoute('openMerchant', routes.openMerchant, async ({ partner, params }) => view(await partnerMerchant(partner.partnerId, params.merchantId)));

const page = defineOpenRoute('openMerchants', routes.openMerchants, async ({ partner, query }) => {
  const { merchants, nextCursor } = await partnerMerchants(partner.partnerId, query.after);
  return { merchants: merchants.map(view), nextCursor };
});

const quota = defineOpenRoute('openQuota', routes.openQuota, async ({ partner, now }) => partnerQuota(partner, now));

export const handler = openLambda([propose, one, page, quota]);
