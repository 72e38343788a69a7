// Orders as partners make them through the open API (下单, 查单, 关单): always within the partner
// that signed the request — another partner's order id or number answers as an unknown one.
import { randomInt } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { type MerchantOrder, orderExpiry, type OrderRequest } from '../domain/open/order.js';
import { closeOrder, getOrder, orderIdOfOutTradeNo, putOrder } from '../store/merchant-orders.js';
import { getMerchant } from '../store/partners.js';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** 19 characters of 36: about 98 bits, so an order's id cannot be guessed from another's. */
const newOrderId = () => `O${Array.from({ length: 19 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;

const ORDER_NOT_FOUND = ['ORDER_NOT_FOUND', '订单不存在'] as const;

/** Creates an order for one of the partner's merchants that may take payments. */
export async function createOrder(partnerId: string, request: OrderRequest, now: Date): Promise<MerchantOrder> {
  const merchant = (await getMerchant(partnerId, request.merchantId))?.merchant ?? refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在');
  if (merchant.status !== 'ACTIVE') refuse('unprocessable', 'MERCHANT_NOT_ACTIVE', '商户未通过审核或已暂停收款，不能下单');
  const order: MerchantOrder = {
    orderId: newOrderId(),
    partnerId,
    merchantId: merchant.merchantId,
    merchantShortName: merchant.shortName,
    source: 'ORDER',
    outTradeNo: request.outTradeNo,
    amountFen: request.amountFen,
    description: request.description,
    status: 'UNPAID',
    createdAt: now.toISOString(),
    expiresAt: orderExpiry(now, request.expiresInMinutes),
    paidAt: null,
    payerCustomerId: null,
    payerAccountId: null,
    paymentJournalId: null,
    feeFen: null,
    closedAt: null,
    refundedFen: 0,
    refundedFeeFen: 0,
    refundCount: 0,
  };
  if ((await putOrder(order)) === 'written') return order;
  // The same order asked again (its first answer lost): the order its number names answers it.
  const earlier = await partnerOrderByOutTradeNo(partnerId, request.outTradeNo);
  if (sameOrder(earlier, request)) return earlier;
  return refuse('conflict', 'OUT_TRADE_NO_TAKEN', '该商户订单号已用于另一笔订单，请查询原订单');
}

/** Whether an order is what `request` asks for: a retry, not another order under its number. */
const sameOrder = (order: MerchantOrder, request: OrderRequest) =>
  order.merchantId === request.merchantId &&
  order.amountFen === request.amountFen &&
  order.description === request.description &&
  Date.parse(order.expiresAt) - Date.parse(order.createdAt) === request.expiresInMinutes * 60_000;

/** One of the partner's orders. */
export async function partnerOrder(partnerId: string, orderId: string): Promise<MerchantOrder> {
  const order = await getOrder(orderId);
  if (!order || order.partnerId !== partnerId) return refuse('not_found', ...ORDER_NOT_FOUND);
  return order;
}

/** One of the partner's orders by the partner's own order number. */
export async function partnerOrderByOutTradeNo(partnerId: string, outTradeNo: string): Promise<MerchantOrder> {
  const orderId = await orderIdOfOutTradeNo(partnerId, outTradeNo);
  return orderId ? partnerOrder(partnerId, orderId) : refuse('not_found', ...ORDER_NOT_FOUND);
}

/** Closes an unpaid order (an expired one too), so it can never be paid; a closed one answers as
 *  it is. A paid order cannot be closed: the partner refunds it instead. */
export async function closePartnerOrder(partnerId: string, orderId: string, now: Date): Promise<MerchantOrder> {
  const order = await partnerOrder(partnerId, orderId);
  if (order.status === 'CLOSED') return order;
  const closedAt = now.toISOString();
  if (order.status === 'UNPAID' && (await closeOrder(order, closedAt))) return { ...order, status: 'CLOSED', closedAt };
  // Paid, before or meanwhile (or closed by a concurrent request, which stands).
  const current = await partnerOrder(partnerId, orderId);
  if (current.status === 'CLOSED') return current;
  return refuse('unprocessable', 'ORDER_PAID', '订单已支付，不能关闭，请发起退款');
}
