// 个人信息与隐私 (domain/data-rights.ts): the optional consents on the customer with their history,
// the correction of a saved payee's name, the index of closed customers by the end of their
// retention, and the deletion of a customer's personal values once it has ended.
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { type ConsentChange, type ConsentKind, DELETED_VALUE, type StoredConsents } from '../domain/data-rights.js';
import type { AccountRecord } from './accounts.js';
import type { CardChangeRecord } from './card-changes.js';
import { db } from './client.js';
import type { CustomerRecord } from './customers.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { type TransactItem, transactWrite } from './transact.js';

/** The customer's attribute that holds each consent (a top-level attribute each: an update
 *  cannot set a key of a map that does not exist yet). */
const CONSENT_ATTRIBUTE: Record<ConsentKind, 'consentMarketing' | 'consentPersonalisation'> = {
  MARKETING: 'consentMarketing',
  PERSONALISATION: 'consentPersonalisation',
};

/** The consents as the customer's record holds them. */
export function storedConsents(customer: CustomerRecord): StoredConsents {
  const record = customer as CustomerRecord & Partial<Record<(typeof CONSENT_ATTRIBUTE)[ConsentKind], { granted: boolean; changedAt: string }>>;
  return {
    ...(record.consentMarketing ? { MARKETING: record.consentMarketing } : {}),
    ...(record.consentPersonalisation ? { PERSONALISATION: record.consentPersonalisation } : {}),
  };
}

/** Gives or withdraws a consent: the customer's state and its history item in one transaction. */
export async function saveConsentChange(customerId: string, change: ConsentChange): Promise<void> {
  const { tableName } = db();
  const refused = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET #consent = :state',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#consent': CONSENT_ATTRIBUTE[change.kind] },
        ExpressionAttributeValues: { ':state': { granted: change.granted, changedAt: change.at } },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.consentChange(customerId, change.at, change.kind, randomUUID()), type: 'CONSENT_CHANGE', customerId, ...change },
      },
    },
  ]);
  if (refused !== undefined) throw new Error(`consent change refused for customer ${customerId}`);
}

/** The consent changes, newest first, at most `limit`. */
export async function consentHistory(customerId: string, limit: number): Promise<ConsentChange[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.consentChangePrefix },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => ({ kind: item.kind as ConsentKind, granted: Boolean(item.granted), at: String(item.at) }));
}

/** Renames the customer's own saved payee; false when the customer has no such payee. */
export async function renamePayee(customerId: string, payeeId: string, nickname: string): Promise<boolean> {
  try {
    await db().doc.send(
      new UpdateCommand({
        TableName: db().tableName,
        Key: keys.billPayee(customerId, payeeId),
        UpdateExpression: 'SET nickname = :nickname',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':nickname': nickname },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

// ---- retention and deletion ------------------------------------------------------------------

export const RETENTION_SHARDS = 8;

const retentionShard = (customerId: string) => Number.parseInt(customerId.replace(/[^0-9a-f]/gi, '').slice(-4) || '0', 16) % RETENTION_SHARDS;

/** The index item of a closed customer, written with the customer's record of the closing. */
export function retentionDueItem(customerId: string, retainUntil: string): TransactItem {
  return { Put: { TableName: db().tableName, Item: { ...keys.retentionDue(retentionShard(customerId), retainUntil, customerId), type: 'RETENTION_DUE', customerId, retainUntil } } };
}

/** Takes the index item off again (a closing undone). */
export async function removeRetentionDue(customerId: string, retainUntil: string): Promise<void> {
  await db().doc.send(new DeleteCommand({ TableName: db().tableName, Key: keys.retentionDue(retentionShard(customerId), retainUntil, customerId) }));
}

/** Closed customers whose retention ended before `nowIso`, oldest first per shard, at most `limit`. */
export async function retentionEnded(nowIso: string, limit: number): Promise<{ customerId: string; retainUntil: string }[]> {
  const { doc, tableName } = db();
  const due: { customerId: string; retainUntil: string }[] = [];
  for (let shard = 0; shard < RETENTION_SHARDS && due.length < limit; shard++) {
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK < :now',
        ExpressionAttributeValues: { ':pk': keys.retentionDueShard(shard), ':now': nowIso },
        Limit: limit - due.length,
      }),
    );
    due.push(...(Items ?? []).map((item) => ({ customerId: String(item.customerId), retainUntil: String(item.retainUntil) })));
  }
  return due;
}

/** The lookup hashes of the deleted customer's values, worked out by the caller from the values. */
export interface DeletedLookups {
  idHash?: string;
  nameHash?: string;
  accountNumberHash?: string;
}

const deletedCard = (card: { bankName: string }) => ({ bankName: card.bankName, cardNumberMasked: DELETED_VALUE, cardNumberEnc: DELETED_VALUE });

/** Deletes the customer's personal values in one transaction, only while the customer is still
 *  the closed one whose retention ended at `retainUntil`: the name, ID number, phone, WeChat
 *  identity and PIN go from the customer, with every lookup that pointed at them; the bound card
 *  (and the cards of the card history, and saved payees' bill accounts) go from the account and
 *  its items. Balances, postings and journals are not touched: their amounts stay, and they hold
 *  no personal value of this customer's but the account id. False: the record changed (reopened,
 *  or deleted already). */
export async function deletePersonalData(
  customer: CustomerRecord,
  retainUntil: string,
  account: AccountRecord | undefined,
  cardHistory: readonly CardChangeRecord[],
  payeeIds: readonly string[],
  lookups: DeletedLookups,
  now: Date,
): Promise<boolean> {
  const { tableName } = db();
  const del = (Key: { PK: string; SK: string }): TransactItem => ({ Delete: { TableName: tableName, Key } });
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: keys.customer(customer.customerId),
        UpdateExpression:
          'SET nameMasked = :deleted, idNumberMasked = :deleted, phoneMasked = :deleted, openid = :deleted, personalDataDeletedAt = :now ' +
          'REMOVE nameEnc, idNumberEnc, birthYear, riskRating, phoneEnc, phoneHash, pinHash, soterEnrolment, consentMarketing, consentPersonalisation',
        ConditionExpression: 'accountClosure.retainUntil = :retainUntil AND attribute_not_exists(personalDataDeletedAt)',
        ExpressionAttributeValues: { ':deleted': DELETED_VALUE, ':now': now.toISOString(), ':retainUntil': retainUntil },
      },
    },
    del(keys.openid(customer.openid)),
    ...(customer.phoneHash ? [del(keys.phone(customer.phoneHash))] : []),
    ...(lookups.idHash ? [del(keys.idNumber(lookups.idHash))] : []),
    ...(lookups.nameHash ? [del(keys.customerName(lookups.nameHash, customer.customerId))] : []),
    ...(lookups.accountNumberHash ? [del(keys.accountNumber(lookups.accountNumberHash))] : []),
    ...payeeIds.map((payeeId) => ({
      Update: {
        TableName: tableName,
        Key: keys.billPayee(customer.customerId, payeeId),
        UpdateExpression: 'SET accountNumberMasked = :deleted, accountNumberEnc = :deleted, nickname = :deleted',
        ExpressionAttributeValues: { ':deleted': DELETED_VALUE },
      },
    })),
  ];
  if (account) {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.balance(account.accountId),
        UpdateExpression: `SET boundCard = :card, accountNumberEnc = :deleted${account.closure ? ', closure.sweptToCard.cardNumberMasked = :deleted' : ''}`,
        ConditionExpression: '#status = :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':card': deletedCard(account.boundCard), ':deleted': DELETED_VALUE, ':closed': 'CLOSED' },
      },
    });
    for (const change of cardHistory) {
      items.push({
        Update: {
          TableName: tableName,
          Key: keys.cardChange(account.accountId, change.changedAt, change.changeId),
          UpdateExpression: 'SET oldCard = :old, newCard = :new',
          ExpressionAttributeValues: { ':old': deletedCard(change.oldCard), ':new': deletedCard(change.newCard) },
        },
      });
    }
  }
  return (await transactWrite(items)) === undefined;
}

/** Records in the customer's partition that the ledger and the service records do not need once
 *  the customer's values are gone: sign-ins and devices, codes, phone changes, consents, the risk
 *  questionnaire, loan applications (employer, income, the bureau's report), messages, the
 *  manager's attribution, the funnel's events and the anti-fraud memory (whom they paid, their
 *  largest transfers, the holds still open). Deleted whole. */
const ERASED_RECORDS = [
  'SESSION#',
  'DEVICE#',
  'PINRESET',
  'NEWPHONECODE',
  'PHONECHANGE#',
  'CONSENT#',
  'WEALTHRISK',
  keys.loanApplicationPrefix,
  'MSG',
  'RMATTRIBUTION',
  'FUNNEL#',
  'EVENT#',
  keys.paidPayeePrefix,
  keys.transferMaxima('').SK,
  keys.openHeldTransferPrefix,
];
/** Records kept for what they say of money, with the values they hold of the customer blanked:
 *  a bill payment's account at the biller; a complaint's text and its answer. */
const BILL_RECORDS = ['BILLPAY#', 'BILLHIST#'];
const COMPLAINT_INDEX = 'COMPLAINT#';
/** Pages of the customer's partition one run reads (100 items each); the next run goes on. */
const ERASE_PAGES_PER_RUN = 50;

/** The second step of a deletion (after deletePersonalData): the customer's other records, by
 *  kind, as ERASED_RECORDS and BILL_RECORDS say. Safe to run again; true once the partition has
 *  been walked to its end, false when a run's bound stopped it first. */
export async function eraseCustomerRecords(customerId: string): Promise<boolean> {
  const { doc, tableName } = db();
  const pk = keys.customer(customerId).PK;
  let startKey: Record<string, unknown> | undefined;
  for (let page = 0; page < ERASE_PAGES_PER_RUN; page++) {
    const { Items, LastEvaluatedKey } = await doc.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, Limit: 100, ExclusiveStartKey: startKey }),
    );
    await Promise.all((Items ?? []).map((item) => eraseRecord(String(item.SK), item)));
    if (!LastEvaluatedKey) return true;
    startKey = LastEvaluatedKey;
  }
  return false;
}

async function eraseRecord(sk: string, item: Record<string, unknown>): Promise<void> {
  const { doc, tableName } = db();
  const Key = { PK: String(item.PK), SK: sk };
  if (ERASED_RECORDS.some((prefix) => sk.startsWith(prefix))) {
    await doc.send(new DeleteCommand({ TableName: tableName, Key }));
  } else if (BILL_RECORDS.some((prefix) => sk.startsWith(prefix)) && item.accountNumberEnc !== undefined && item.accountNumberEnc !== DELETED_VALUE) {
    await doc.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'SET accountNumberMasked = :deleted, accountNumberEnc = :deleted', ExpressionAttributeValues: { ':deleted': DELETED_VALUE } }));
  } else if (sk.startsWith(COMPLAINT_INDEX) && typeof item.ticketId === 'string') {
    // The text, and the answer where there is one (a ticket never answered must not look answered).
    for (const [field, condition] of [['description', 'attribute_exists(PK)'], ['answer', 'attribute_exists(answer)']] as const) {
      await doc
        .send(new UpdateCommand({ TableName: tableName, Key: keys.complaint(item.ticketId), UpdateExpression: `SET ${field} = :deleted`, ConditionExpression: condition, ExpressionAttributeValues: { ':deleted': DELETED_VALUE } }))
        .catch((error: unknown) => {
          if (!isConditionFailed(error)) throw error;
        });
    }
  }
}

/** The customer's deletion done: off the index of closed customers due. */
export const deletionDone = (customerId: string, retainUntil: string) => removeRetentionDue(customerId, retainUntil);

