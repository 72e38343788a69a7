// E-receipt verification codes (domain/receipt.ts): each code names the journal and the account
// whose side the receipt shows. Written when the customer first opens the receipt, never changed.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';

export interface ReceiptCodeRecord {
  code: string;
  journalId: string;
  accountId: string;
  keyId: string;
  issuedAt: string;
}

/** Stores the code unless it is there already; a code already naming another side is a collision
 *  (2^-78 per pair) that must not pass silently. */
export async function issueReceiptCode(record: ReceiptCodeRecord): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.receiptCode(record.code), type: 'RECEIPT_CODE', ...record }, ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const held = await getReceiptCode(record.code);
    if (held?.journalId !== record.journalId || held.accountId !== record.accountId) throw new Error(`receipt code ${record.code} already names another movement`);
  }
}

export async function getReceiptCode(code: string): Promise<ReceiptCodeRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.receiptCode(code) }));
  if (Item?.type !== 'RECEIPT_CODE') return undefined;
  return { code: String(Item.code), journalId: String(Item.journalId), accountId: String(Item.accountId), keyId: String(Item.keyId), issuedAt: String(Item.issuedAt) };
}
