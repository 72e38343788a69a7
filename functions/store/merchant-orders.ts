// Orders of the open platform (domain/open/order.ts). The order lives under its own id; the
// partner's order number names it in the partner's partition, and a paid order is indexed in its
// payer's partition. An order's payment is the order's condition in the ledger transaction that
// moves the money, so it is paid at most once, and never after it expired or was closed.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MerchantOrder } from '../domain/open/order.js';
import type { MerchantRefund } from '../domain/open/refund.js';
import { batchGetItems, itemWithKey } from './batch-get.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { Guard } from './ledger.js';
import { partitionPage } from './partition-page.js';
import { type TransactItem, transactWrite } from './transact.js';

/** The guard a payment's order update reports when the order was paid, closed or expired meanwhile. */
export const ORDER_NOT_PAYABLE = 'ORDER_NOT_PAYABLE';

const orderOf = (item: Record<string, unknown>): MerchantOrder => {
  const { PK: _pk, SK: _sk, type: _type, ...order } = item;
  // Orders written before static codes were all made by their partners.
  return { source: 'ORDER', ...order } as unknown as MerchantOrder;
};

/** Writes a new order with its order number held; 'number_taken' when the partner used it before. */
export async function putOrder(order: MerchantOrder): Promise<'written' | 'number_taken'> {
  const { tableName } = db();
  if (order.outTradeNo === null) throw new Error(`order ${order.orderId} has no partner number`);
  const refused = await transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.outTradeNo(order.partnerId, order.outTradeNo), type: 'OUT_TRADE_NO', orderId: order.orderId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: tableName, Item: { ...keys.merchantOrder(order.orderId), type: 'MERCHANT_ORDER', ...order }, ConditionExpression: 'attribute_not_exists(PK)' } },
  ]);
  if (refused === undefined) return 'written';
  if (refused === 0) return 'number_taken';
  throw new Error(`order id ${order.orderId} drawn twice`);
}

export async function getOrder(orderId: string): Promise<MerchantOrder | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.merchantOrder(orderId), ConsistentRead: true }));
  return Item ? orderOf(Item) : undefined;
}

/** The order a partner's order number names, if the partner used it. */
export async function orderIdOfOutTradeNo(partnerId: string, outTradeNo: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.outTradeNo(partnerId, outTradeNo), ConsistentRead: true }));
  return typeof Item?.orderId === 'string' ? Item.orderId : undefined;
}

/** Closes an unpaid order of the partner's (an expired one too); false when it was paid or closed. */
export async function closeOrder(order: MerchantOrder, closedAt: string): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.merchantOrder(order.orderId),
        UpdateExpression: 'SET #status = :closed, closedAt = :at',
        ConditionExpression: '#status = :unpaid AND partnerId = :partner',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':closed': 'CLOSED', ':unpaid': 'UNPAID', ':partner': order.partnerId, ':at': closedAt },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

function assertPaid(paid: MerchantOrder): asserts paid is MerchantOrder & { paidAt: string; payerCustomerId: string; payerAccountId: string; paymentJournalId: string; feeFen: number } {
  if (paid.status !== 'PAID' || !paid.paidAt || !paid.payerCustomerId || !paid.payerAccountId || !paid.paymentJournalId || paid.feeFen === null) throw new Error(`order ${paid.orderId} is not paid`);
}

/** The writes of a payment besides its journal: the order PAID (only while unpaid and before its
 *  expiry), and its place in the payer's orders. */
export function orderPaidGuards(paid: MerchantOrder): Guard[] {
  const { tableName } = db();
  assertPaid(paid);
  return [
    {
      name: ORDER_NOT_PAYABLE,
      item: {
        Update: {
          TableName: tableName,
          Key: keys.merchantOrder(paid.orderId),
          UpdateExpression: 'SET #status = :paid, paidAt = :paidAt, payerCustomerId = :payer, payerAccountId = :payerAccount, paymentJournalId = :journal, feeFen = :fee',
          ConditionExpression: '#status = :unpaid AND expiresAt > :paidAt AND amountFen = :amount',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':paid': 'PAID',
            ':unpaid': 'UNPAID',
            ':paidAt': paid.paidAt,
            ':payer': paid.payerCustomerId,
            ':payerAccount': paid.payerAccountId,
            ':journal': paid.paymentJournalId,
            ':fee': paid.feeFen,
            ':amount': paid.amountFen,
          },
        },
      },
    },
    customerOrderLine(paid),
  ];
}

/** The writes of a static-code payment besides its journal: the order, made paid (once: its id
 *  comes from the payment's journal), and its place in the payer's orders. */
export function staticCodeOrderGuards(paid: MerchantOrder): Guard[] {
  assertPaid(paid);
  if (paid.source !== 'STATIC_CODE' || paid.outTradeNo !== null) throw new Error(`order ${paid.orderId} is not a static-code payment`);
  return [
    { name: 'STATIC_CODE_ORDER', item: { Put: { TableName: db().tableName, Item: { ...keys.merchantOrder(paid.orderId), type: 'MERCHANT_ORDER', ...paid }, ConditionExpression: 'attribute_not_exists(PK)' } } },
    customerOrderLine(paid),
  ];
}

function customerOrderLine(paid: MerchantOrder & { paidAt: string; payerCustomerId: string }): Guard {
  return {
    name: 'CUSTOMER_ORDER',
    item: {
      Put: {
        TableName: db().tableName,
        Item: {
          ...keys.customerOrder(paid.payerCustomerId, paid.paidAt, paid.orderId),
          type: 'CUSTOMER_ORDER',
          orderId: paid.orderId,
          merchantShortName: paid.merchantShortName,
          description: paid.description,
          amountFen: paid.amountFen,
          paidAt: paid.paidAt,
          refundedFen: 0,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

export interface CustomerOrderLine {
  orderId: string;
  merchantShortName: string;
  description: string;
  amountFen: number;
  paidAt: string;
  refundedFen: number;
}

export const CUSTOMER_ORDER_PAGE = 20;

/** The orders the customer paid, newest first, a page after the sort key a cursor names. */
export async function customerOrderPage(customerId: string, afterSortKey: string | undefined): Promise<{ orders: CustomerOrderLine[]; lastSortKey: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({
    partition: keys.customer(customerId).PK,
    prefix: keys.customerOrderPrefix,
    afterSortKey,
    limit: CUSTOMER_ORDER_PAGE,
    newestFirst: true,
  });
  return {
    orders: items.map((item) => ({
      orderId: String(item.orderId),
      merchantShortName: String(item.merchantShortName),
      description: String(item.description),
      amountFen: Number(item.amountFen),
      paidAt: String(item.paidAt),
      refundedFen: Number(item.refundedFen),
    })),
    lastSortKey,
  };
}

// ---- refunds -------------------------------------------------------------------------------------

/** The guard a refund's order update reports when the order's refunds moved since it was read
 *  (another refund came first: read again), or it is not refundable any more. */
export const ORDER_REFUNDS_MOVED = 'ORDER_REFUNDS_MOVED';
/** The guard the refund number's item reports when the partner used the number before. */
export const OUT_REFUND_NO_TAKEN = 'OUT_REFUND_NO_TAKEN';

const refundOf = (item: Record<string, unknown>): MerchantRefund => {
  const { PK: _pk, SK: _sk, type: _type, ...refund } = item;
  return refund as unknown as MerchantRefund;
};

export async function getRefund(refundId: string): Promise<MerchantRefund | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.merchantRefund(refundId), ConsistentRead: true }));
  return Item ? refundOf(Item) : undefined;
}

/** The refund a partner's refund number names, if the partner used it. */
export async function refundIdOfOutRefundNo(partnerId: string, outRefundNo: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.outRefundNo(partnerId, outRefundNo), ConsistentRead: true }));
  return typeof Item?.refundId === 'string' ? Item.refundId : undefined;
}

/** What a refund's journal writes besides itself: the order's refunded totals (only if they are
 *  still as read, so two refunds cannot both count on the same room), the refund and its number. */
export function refundGuards(order: MerchantOrder, refund: MerchantRefund, maxRefunds: number): Guard[] {
  const { tableName } = db();
  return [
    {
      name: ORDER_REFUNDS_MOVED,
      item: {
        Update: {
          TableName: tableName,
          Key: keys.merchantOrder(order.orderId),
          UpdateExpression: 'SET refundedFen = :refunded, refundedFeeFen = :refundedFee ADD refundCount :one',
          ConditionExpression: '#status = :paid AND refundedFen = :seen AND refundedFeeFen = :seenFee AND refundCount < :max',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':paid': 'PAID',
            ':seen': order.refundedFen,
            ':seenFee': order.refundedFeeFen,
            ':refunded': order.refundedFen + refund.amountFen,
            ':refundedFee': order.refundedFeeFen + refund.feeRefundFen,
            ':one': 1,
            ':max': maxRefunds,
          },
        },
      },
    },
    {
      name: OUT_REFUND_NO_TAKEN,
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.outRefundNo(refund.partnerId, refund.outRefundNo), type: 'OUT_REFUND_NO', refundId: refund.refundId },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
    { name: 'REFUND', item: { Put: { TableName: tableName, Item: { ...keys.merchantRefund(refund.refundId), type: 'MERCHANT_REFUND', ...refund }, ConditionExpression: 'attribute_not_exists(PK)' } } },
  ];
}

/** The payer's order line learns what was refunded (their 社区订单 shows it). */
export function customerOrderRefundItem(order: MerchantOrder, amountFen: number): TransactItem {
  if (!order.payerCustomerId || !order.paidAt) throw new Error(`order ${order.orderId} has no payer`);
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customerOrder(order.payerCustomerId, order.paidAt, order.orderId),
      UpdateExpression: 'ADD refundedFen :amount',
      ExpressionAttributeValues: { ':amount': amountFen },
    },
  };
}

/** The balances of a merchant's wallet and its partner's reserve (0 for one not opened). */
export async function refundSourceBalances(walletId: string, reserveId: string): Promise<{ walletFen: number; reserveFen: number }> {
  const items = await batchGetItems([keys.balance(walletId), keys.balance(reserveId)]);
  const balance = (accountId: string) => Number(itemWithKey(items, keys.balance(accountId))?.balanceFen ?? 0);
  return { walletFen: balance(walletId), reserveFen: balance(reserveId) };
}
