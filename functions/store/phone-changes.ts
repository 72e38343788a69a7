// Changes of a customer's bound phone (更换手机号), under the customer: the writes that move the
// phone's lookup item (what payees, sign-up and the service desk find a customer by) with the
// phone on the customer, and the history item that keeps both phones, masked.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export type PhoneChangeVerification = 'OLD_PHONE_CODE' | 'IDENTITY_CHECK';

export interface PhoneChangeRecord {
  changeId: string;
  customerId: string;
  changedAt: string;
  oldPhoneMasked: string;
  newPhoneMasked: string;
  /** The old phone's code, or the identity check when the old phone was lost. */
  verifiedBy: PhoneChangeVerification;
}

export interface SealedPhone {
  hash: string;
  enc: string;
  masked: string;
}

/** The most changes one read returns, newest first. */
export const PHONE_CHANGES_READ_LIMIT = 20;

/** Where `phoneChangeItems` puts the new phone's lookup item: refused there, another customer
 *  holds the phone. */
export const NEW_PHONE_ITEM_AT = 1;

/** The writes of one change, for the transaction that also uses the codes up: the old phone's
 *  lookup item removed (only while it is this customer's), the new one's added (only if no one
 *  holds that phone), the phone on the customer swapped (only while it is still the one read, and
 *  the account not closed), and the history item. */
export function phoneChangeItems(change: PhoneChangeRecord, oldPhoneHash: string, phone: SealedPhone): TransactItem[] {
  const { tableName } = db();
  return [
    {
      Delete: {
        TableName: tableName,
        Key: keys.phone(oldPhoneHash),
        ConditionExpression: 'customerId = :me',
        ExpressionAttributeValues: { ':me': change.customerId },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.phone(phone.hash), type: 'PHONE', customerId: change.customerId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.customer(change.customerId),
        UpdateExpression: 'SET phoneHash = :h, phoneEnc = :e, phoneMasked = :m',
        ConditionExpression: 'phoneHash = :old AND attribute_not_exists(accountClosure)',
        ExpressionAttributeValues: { ':h': phone.hash, ':e': phone.enc, ':m': phone.masked, ':old': oldPhoneHash },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.phoneChange(change.customerId, change.changedAt, change.changeId), type: 'PHONE_CHANGE', ...change },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}

/** The customer's phone changes, newest first. */
export async function phoneChanges(customerId: string): Promise<PhoneChangeRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.phoneChangePrefix },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: PHONE_CHANGES_READ_LIMIT,
    }),
  );
  return (Items ?? []).map((item) => ({
    changeId: String(item.changeId),
    customerId: String(item.customerId),
    changedAt: String(item.changedAt),
    oldPhoneMasked: String(item.oldPhoneMasked),
    newPhoneMasked: String(item.newPhoneMasked),
    verifiedBy: item.verifiedBy as PhoneChangeVerification,
  }));
}
