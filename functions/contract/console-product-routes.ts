// Routes of the product factory (产品工厂): loan products and the LPR for product managers. Reading
// needs products.read; drafting products.draft, and a draft only ever becomes a change for a
// checker (console-change-routes.ts) — no route here publishes.
import * as c from './console-product-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleProductRoutes = {
  consoleLoanProducts: {
    method: 'GET',
    path: '/v1/console/loan-products',
    summary: 'Operator: every loan product on sale, with the change waiting on it, and the LPR',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    response: c.ConsoleLoanProductList,
  },
  consoleLoanProduct: {
    method: 'GET',
    path: '/v1/console/loan-products/{productId}',
    summary: 'Operator: a loan product, its version history and the change waiting on it (404 PRODUCT_NOT_FOUND)',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    params: c.ProductIdParams,
    response: c.ConsoleLoanProductDetail,
  },
  consoleLoanProductPreview: {
    method: 'POST',
    path: '/v1/console/loan-products/preview',
    summary: 'Operator: a draft as customers would see it and a sample schedule with the IRR annualized rate, by the calculator’s rules (400 VALIDATION_FAILED naming the fields; 422 when the sample is outside the draft)',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    body: c.LoanProductPreviewRequest,
    response: c.LoanProductPreview,
  },
  consoleLoanProductChange: {
    method: 'POST',
    path: '/v1/console/loan-products/changes',
    summary: 'Maker: submit a new loan product or the next version of one for a checker (400 CHANGE_EMPTY; 409 CHANGE_PENDING)',
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.LoanProductChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleLprChange: {
    method: 'POST',
    path: '/v1/console/lpr/changes',
    summary: 'Maker: submit a new 1-year LPR for a checker (400 CHANGE_EMPTY; 409 CHANGE_PENDING)',
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.LprChangeRequest,
    response: c.ChangeRequestView,
  },
} as const satisfies Record<string, RouteSpec>;
