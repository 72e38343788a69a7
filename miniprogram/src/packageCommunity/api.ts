// The community merchants' routes (社区生活; shapes from
// functions/contract/merchant-payment-schemas.ts): orders, the communities' merchants and their
// static codes (收款码). Only packageCommunity uses them, so they live and are bundled with it.
import type {
  CommunityList,
  CommunityMerchant,
  CommunityMerchantPage,
  CustomerMerchantOrder,
  CustomerOrderPage,
  MerchantCodePayRequest,
  MerchantOrderPaid,
} from '@contract/merchant-payment-schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import type * as z from 'zod/mini';
import { customerRequest } from '@/api/http';

export type MerchantOrderView = z.infer<typeof CustomerMerchantOrder>;
export type MerchantOrderPaidView = z.infer<typeof MerchantOrderPaid>;
export type PaidOrderPage = z.infer<typeof CustomerOrderPage>;
export type PaidOrder = PaidOrderPage['orders'][number];
export type Community = z.infer<typeof CommunityList>['communities'][number];
export type CommunityMerchantView = z.infer<typeof CommunityMerchant>;
export type MerchantLine = z.infer<typeof CommunityMerchantPage>['merchants'][number];
type MerchantCodePayBody = z.infer<typeof MerchantCodePayRequest>;

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

/** The communities whose merchants take payments, for the picker. */
export async function getCommunities(): Promise<Community[]> {
  const list = await customerRequest<z.infer<typeof CommunityList>>({ method: 'GET', path: '/v1/community/communities' });
  return list.communities;
}

/** A community's merchants (of one category, or all), a page at a time. */
export async function getCommunityMerchants(
  community: Pick<Community, 'cityCode' | 'name'>,
  category: MerchantLine['category'] | null,
  cursor?: string,
): Promise<{ items: MerchantLine[]; nextCursor: string | null }> {
  const page = await customerRequest<z.infer<typeof CommunityMerchantPage>>({
    method: 'GET',
    path: '/v1/community/merchants',
    query: { cityCode: community.cityCode, community: community.name, category: category ?? undefined, cursor },
  });
  return { items: page.merchants, nextCursor: page.nextCursor };
}

const merchantPath = (merchantId: string) => `/v1/community/merchants/${encodeURIComponent(merchantId)}`;

/** The path a static-code payment is sent to, and the nonce asked for. */
export const merchantCodePaymentPath = (merchantId: string) => `${merchantPath(merchantId)}/payments`;

export function getCommunityMerchant(merchantId: string): Promise<CommunityMerchantView> {
  return customerRequest<CommunityMerchantView>({ method: 'GET', path: merchantPath(merchantId) });
}

/** A static code carries no amount: the body is the amount the customer entered, and the second factor. */
export function payMerchantCode(merchantId: string, body: MerchantCodePayBody, idempotencyKey: string): Promise<MerchantOrderPaidView> {
  return customerRequest<MerchantOrderPaidView>({ method: 'POST', path: merchantCodePaymentPath(merchantId), body, idempotencyKey });
}
