// The community merchants' order routes (社区生活; shapes from
// functions/contract/merchant-payment-schemas.ts): only packageCommunity uses them, so they live
// and are bundled with it.
import type { CustomerMerchantOrder, CustomerOrderPage, MerchantOrderPaid } from '@contract/merchant-payment-schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import type * as z from 'zod/mini';
import { customerRequest } from '@/api/http';

export type MerchantOrderView = z.infer<typeof CustomerMerchantOrder>;
export type MerchantOrderPaidView = z.infer<typeof MerchantOrderPaid>;
export type PaidOrderPage = z.infer<typeof CustomerOrderPage>;
export type PaidOrder = PaidOrderPage['orders'][number];

const orderPath = (orderId: string) => `/v1/merchant-orders/${encodeURIComponent(orderId)}`;

/** The path the payment is sent to, and the nonce asked for. */
export const orderPaymentPath = (orderId: string) => `${orderPath(orderId)}/payment`;

export function getMerchantOrder(orderId: string): Promise<MerchantOrderView> {
  return customerRequest<MerchantOrderView>({ method: 'GET', path: orderPath(orderId) });
}

/** The body is the second factor alone: the order, and so the amount, are the server's. */
export function payMerchantOrder(orderId: string, body: { secondFactor: SecondFactor }, idempotencyKey: string): Promise<MerchantOrderPaidView> {
  return customerRequest<MerchantOrderPaidView>({ method: 'POST', path: orderPaymentPath(orderId), body, idempotencyKey });
}

/** The orders the customer paid, newest first, a page at a time. */
export async function getPaidOrders(cursor?: string): Promise<{ items: PaidOrder[]; nextCursor: string | null }> {
  const page = await customerRequest<PaidOrderPage>({ method: 'GET', path: '/v1/merchant-orders', query: { cursor } });
  return { items: page.orders, nextCursor: page.nextCursor };
}
