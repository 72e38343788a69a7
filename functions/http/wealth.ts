// Wealth (理财) routes: products and their NAV/yield history, the risk questionnaire, purchase,
// cooling-off cancel, holdings and redemption. Each calls one workflow of services/wealth-*.ts;
// operators change products and prices through the console (http/console-wealth.ts).
import { wealthRoutes as routes } from '../contract/wealth-routes.js';
import * as orders from '../services/wealth-orders.js';
import * as products from '../services/wealth-products.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';
import {
  assessmentView,
  historyView,
  holdingsView,
  orderResultView,
  orderView,
  productView,
  purchaseTermsView,
  questionnaireView,
  redemptionView,
} from './wealth-views.js';

// ---- products -----------------------------------------------------------------------------------

const productList = defineRoute('wealthProducts', routes.wealthProducts, async ({ now }) => {
  const { items, businessDate } = await products.listProducts(now);
  return { items: items.map(productView), businessDate };
});

const productDetail = defineRoute('wealthProduct', routes.wealthProduct, async ({ params, now }) =>
  productView(await products.productQuote(params.productId, now)),
);

const productHistory = defineRoute('wealthProductHistory', routes.wealthProductHistory, async ({ params, query, now }) => {
  const { product, period, values } = await products.productHistory(params.productId, query.period ?? '1M', now);
  return historyView(product, period, values);
});

// ---- risk questionnaire -------------------------------------------------------------------------

const questionnaire = defineRoute('riskQuestionnaire', routes.riskQuestionnaire, async () => questionnaireView(orders.riskQuestionnaire()));

const riskProfile = defineRoute('riskProfile', routes.riskProfile, async ({ customerId, now }) => {
  const { assessment, today } = await orders.riskProfile(customerId, now);
  return { assessment: assessment ? assessmentView(assessment, today) : null };
});

const assess = defineRoute('assessRisk', routes.assessRisk, async ({ customerId, body, now }) => {
  const { assessment, today } = await orders.assessCustomerRisk(customerId, body, now);
  return assessmentView(assessment, today);
});

// ---- purchase and orders ------------------------------------------------------------------------

const purchaseTerms = defineRoute('wealthPurchaseTerms', routes.wealthPurchaseTerms, async ({ customerId, params, now }) =>
  purchaseTermsView(await orders.purchaseTerms(customerId, params.productId, now)),
);

const purchase = defineRoute('wealthPurchase', routes.wealthPurchase, async ({ customerId, body, now, idempotencyKey, secondFactor }) =>
  orderResultView(
    await orders.purchase({
      customerId,
      productId: body.productId,
      amountFen: body.amountFen,
      disclosureVersion: body.riskDisclosure.version,
      secondFactor,
      now,
      idempotencyKey,
    }),
  ),
);

const orderList = defineRoute('wealthOrders', routes.wealthOrders, async ({ customerId, query, now }) => {
  const { orders: found, today, asOf } = await orders.listOrders(customerId, query, now);
  return { items: found.map((order) => orderView(order, asOf)), businessDate: today };
});

const orderDetail = defineRoute('wealthOrder', routes.wealthOrder, async ({ customerId, params, now }) => {
  const { order, asOf } = await orders.orderOf(customerId, params.orderId, now);
  return orderView(order, asOf);
});

const cancel = defineRoute('wealthCancel', routes.wealthCancel, async ({ customerId, params, now, idempotencyKey, secondFactor }) =>
  orderResultView(await orders.cancelPurchase({ customerId, orderId: params.orderId, secondFactor, now, idempotencyKey })),
);

// ---- holdings and redemption --------------------------------------------------------------------

const holdings = defineRoute('wealthHoldings', routes.wealthHoldings, async ({ customerId, now }) => holdingsView(await orders.holdings(customerId, now)));

const redeem = defineRoute('wealthRedeem', routes.wealthRedeem, async ({ customerId, body, now, idempotencyKey, secondFactor }) =>
  redemptionView(
    await orders.redeem({ customerId, productId: body.productId, mode: body.mode, unitsCenti: body.unitsCenti, secondFactor, now, idempotencyKey }),
  ),
);

export const handler = lambda([
  productList,
  productDetail,
  productHistory,
  questionnaire,
  riskProfile,
  assess,
  purchaseTerms,
  purchase,
  orderList,
  orderDetail,
  cancel,
  holdings,
  redeem,
]);
