// Changes of an account's bound card (更换绑定卡), under the account: the write that swaps the card
// on the account's balance item, and the history item that keeps both cards.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountRecord } from './accounts.js';
import { db } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export type BoundCardRecord = AccountRecord['boundCard'];

export interface CardChangeRecord {
  changeId: string;
  accountId: string;
  /** When the old card was unbound and the new one bound: the same transaction. */
  changedAt: string;
  oldCard: BoundCardRecord;
  newCard: BoundCardRecord;
}

/** The most changes one read returns, newest first. */
export const CARD_CHANGES_READ_LIMIT = 20;

/** The writes of one change, for the transaction that also uses the second factor up: the new card
 *  bound — only if the account is ACTIVE and still bound to the card the change read (so two
 *  changes at once cannot both win, and a frozen account keeps its card) — and its history item. */
export function cardChangeItems(change: CardChangeRecord): TransactItem[] {
  const { tableName } = db();
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.balance(change.accountId),
        UpdateExpression: 'SET boundCard = :new',
        ConditionExpression: '#type = :account AND #status = :active AND boundCard.cardNumberEnc = :oldEnc',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: { ':new': change.newCard, ':account': 'ACCOUNT', ':active': 'ACTIVE', ':oldEnc': change.oldCard.cardNumberEnc },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.cardChange(change.accountId, change.changedAt, change.changeId), type: 'CARD_CHANGE', ...change },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}

/** The account's card changes, newest first. */
export async function cardChanges(accountId: string): Promise<CardChangeRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.balance(accountId).PK, ':prefix': keys.cardChangePrefix },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: CARD_CHANGES_READ_LIMIT,
    }),
  );
  return (Items ?? []).map((item) => ({
    changeId: String(item.changeId),
    accountId: String(item.accountId),
    changedAt: String(item.changedAt),
    oldCard: item.oldCard as BoundCardRecord,
    newCard: item.newCard as BoundCardRecord,
  }));
}
