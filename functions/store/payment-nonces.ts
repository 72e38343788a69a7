// Used-up payment nonces: one item per nonce, written by the transaction that spends it, so a
// nonce moves money once. Kept until the nonce has expired (after that its signature refuses it).
import { db } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** The conditional Put that spends `nonceId`; refused if it was spent before. */
export function useNonceItem(nonceId: string, customerId: string, expiresAtMs: number): TransactItem {
  return {
    Put: {
      TableName: db().tableName,
      Item: { ...keys.paymentNonce(nonceId), type: 'PAYMENT_NONCE', customerId, expiresAtEpoch: Math.ceil(expiresAtMs / 1000) + 60 },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
