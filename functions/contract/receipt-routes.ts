// Routes of e-receipts (电子回单): the customer's receipt of a movement, and its public verification.
import type { RouteSpec } from './route-spec.js';
import * as r from './receipt-schemas.js';
import { HistoryEntryParams } from './schemas.js';

export const receiptRoutes = {
  receipt: {
    method: 'GET',
    path: '/v1/account/history/{entryId}/receipt',
    summary: 'The e-receipt (电子回单) of one of the customer\'s movements: its figures, the bank\'s signature and the verification code',
    auth: 'customer',
    idempotent: false,
    params: HistoryEntryParams,
    response: r.CustomerReceipt,
  },
  verifyReceipt: {
    method: 'POST',
    path: '/v1/receipts/verify',
    summary: 'Public: whether a receipt is genuine (by its verification code, or its payload and signature), and the figures the bank holds',
    auth: 'none',
    idempotent: false,
    body: r.ReceiptVerifyRequest,
    response: r.ReceiptVerification,
  },
} as const satisfies Record<string, RouteSpec>;
