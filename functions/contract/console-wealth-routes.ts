// Routes of the product factory's wealth section (理财产品): wealth products for product managers.
// Reading needs products.read; drafting products.draft, and a draft, an opening or closing, a NAV
// or a yield only ever becomes a change for a checker (console-change-routes.ts) — no route here
// publishes. They replace the x-operator-key routes /v1/admin/wealth-*.
import * as c from './console-wealth-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleWealthRoutes = {
  consoleWealthProducts: {
    method: 'GET',
    path: '/v1/console/wealth-products',
    summary: 'Operator: every wealth product with its latest NAV or yield and the change waiting on it',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    response: c.ConsoleWealthProductList,
  },
  consoleWealthProduct: {
    method: 'GET',
    path: '/v1/console/wealth-products/{productId}',
    summary: 'Operator: a wealth product as customers see it, its versions, latest prices and the change waiting on it (404 PRODUCT_NOT_FOUND)',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    params: c.WealthProductIdParams,
    response: c.ConsoleWealthProductDetail,
  },
  consoleWealthProductPreview: {
    method: 'POST',
    path: '/v1/console/wealth-products/preview',
    summary: 'Operator: a draft as customers would see it — the product card, its rules and its risk disclosure, rendered by the server (400 VALIDATION_FAILED naming the fields; 422 PRODUCT_TYPE_FIXED)',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    body: c.WealthProductPreviewRequest,
    response: c.WealthProductPreview,
  },
  consoleWealthProductChange: {
    method: 'POST',
    path: '/v1/console/wealth-products/changes',
    summary: 'Maker: submit a new wealth product or the next version of one for a checker (400 CHANGE_EMPTY; 409 CHANGE_PENDING; 422 PRODUCT_TYPE_FIXED)',
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.WealthProductChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleWealthStatusChange: {
    method: 'POST',
    path: '/v1/console/wealth-products/{productId}/status-changes',
    summary: 'Maker: submit opening or closing a wealth product for subscription for a checker (400 CHANGE_EMPTY; 404 PRODUCT_NOT_FOUND; 409 CHANGE_PENDING)',
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    params: c.WealthProductIdParams,
    body: c.WealthProductStatusChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleWealthNavChange: {
    method: 'POST',
    path: '/v1/console/wealth-navs/changes',
    summary: "Maker: submit a product's NAV for a date for a checker (400 PRICE_DATE_IN_FUTURE; 409 PRICE_ALREADY_CLOSED, CHANGE_PENDING; 422 NAV_FIXED)",
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.WealthNavChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleWealthYieldChange: {
    method: 'POST',
    path: '/v1/console/wealth-yields/changes',
    summary: "Maker: submit a money-market fund's 7-day yield and income per 10,000 units for a date for a checker (400 PRICE_DATE_IN_FUTURE; 409 PRICE_ALREADY_CLOSED, CHANGE_PENDING; 422 NOT_MONEY_MARKET)",
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.WealthYieldChangeRequest,
    response: c.ChangeRequestView,
  },
} as const satisfies Record<string, RouteSpec>;
