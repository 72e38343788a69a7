// The orders a customer may open and pay (社区生活), kept apart from the payment itself so the
// review sheet's nonce issuer reads an order without bundling the money path.
import { refuse } from '../domain/errors.js';
import { type MerchantOrder, orderState } from '../domain/open/order.js';
import type { Merchant } from '../domain/open/merchant.js';
import { getOrder } from '../store/merchant-orders.js';
import { getMerchant } from '../store/partners.js';

const ORDER_NOT_FOUND = ['ORDER_NOT_FOUND', '订单不存在'] as const;

/** An order the customer may see: any unpaid one (they hold its link), a paid one only its payer's
 *  — to anyone else it does not exist. */
export async function customerOrder(customerId: string, orderId: string): Promise<MerchantOrder> {
  const order = await getOrder(orderId);
  if (!order || (order.payerCustomerId !== null && order.payerCustomerId !== customerId)) return refuse('not_found', ...ORDER_NOT_FOUND);
  return order;
}

/** Why an order that is not UNPAID cannot be paid, in the customer's words. */
export function refuseUnpayable(order: MerchantOrder, now: Date): never {
  const state = orderState(order, now);
  if (state === 'PAID') refuse('unprocessable', 'ORDER_ALREADY_PAID', '该订单已支付，请勿重复付款');
  if (state === 'CLOSED') refuse('unprocessable', 'ORDER_CLOSED', '该订单已关闭，请联系商户重新下单');
  return refuse('unprocessable', 'ORDER_EXPIRED', '该订单已过期，请联系商户重新下单');
}

/** An order the customer can pay now: the review sheet's figures come from it. */
export async function payableOrder(customerId: string, orderId: string, now: Date): Promise<MerchantOrder> {
  const order = await customerOrder(customerId, orderId);
  if (orderState(order, now) !== 'UNPAID') refuseUnpayable(order, now);
  return order;
}


/** An order with its merchant as customers see it (category, community); the merchant may be gone
 *  from the partner's books, then the order alone. */
export async function customerOrderWithMerchant(customerId: string, orderId: string): Promise<{ order: MerchantOrder; merchant: Merchant | undefined }> {
  const order = await customerOrder(customerId, orderId);
  return { order, merchant: (await getMerchant(order.partnerId, order.merchantId))?.merchant };
}
