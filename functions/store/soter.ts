// A customer's SOTER enrolment (指纹/面容支付), kept on the customer item as `soterEnrolment` — so
// the read a payment makes anyway finds it, and a PIN reset revokes it in the same write
// (store/pin-reset.ts resetPinItem).
import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { BUDGET_LEFT, type CustomerRecord, NOT_LOCKED, type SoterEnrolmentRecord } from './customers.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** The write that enrols (replacing any enrolment before), for the transaction the right PIN
 *  confirms: it also clears the PIN's attempt count (a transaction writes an item once, so this is
 *  the customer item's one write), and is refused unless the PIN is still the one just checked and
 *  wrong guesses did not spend the budget meanwhile — as clearPinAttemptsItem. */
export function enrolSoterItem(customerId: string, enrolment: SoterEnrolmentRecord, checkedPinHash: string, maxAttempts: number, now: Date): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET soterEnrolment = :enrolment, pinFailedAttempts = :zero, pinLockedUntil = :none',
      ConditionExpression: `pinHash = :checked AND ${NOT_LOCKED} AND ${BUDGET_LEFT}`,
      ExpressionAttributeValues: { ':enrolment': enrolment, ':checked': checkedPinHash, ':zero': 0, ':none': null, ':now': now.toISOString(), ':max': maxAttempts },
    },
  };
}

/** Removes the enrolment — only `enrolmentId` when given, if it is still the one in force — and
 *  answers the customer as stored after; undefined when `enrolmentId` is no longer in force. */
export function removeSoterEnrolment(customerId: string, enrolmentId?: string): Promise<CustomerRecord | undefined> {
  return updateCustomer(customerId, {
    UpdateExpression: 'REMOVE soterEnrolment',
    ConditionExpression: enrolmentId ? 'soterEnrolment.enrolmentId = :id' : 'attribute_exists(PK)',
    ...(enrolmentId ? { ExpressionAttributeValues: { ':id': enrolmentId } } : {}),
  });
}

/** Counts a failed check against the enrolment in force, atomically (concurrent failures each
 *  count). The enrolment as counted, or undefined when there is none. */
export async function countFailedSoterCheck(customerId: string): Promise<SoterEnrolmentRecord | undefined> {
  const customer = await updateCustomer(customerId, {
    UpdateExpression: 'SET soterEnrolment.failedChecks = soterEnrolment.failedChecks + :one',
    ConditionExpression: 'attribute_exists(soterEnrolment.failedChecks)',
    ExpressionAttributeValues: { ':one': 1 },
  });
  return customer?.soterEnrolment;
}

type CustomerUpdate = Pick<UpdateCommandInput, 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeValues'>;

/** One conditional update of the customer item: the item as written, or undefined when the
 *  condition refused it. */
async function updateCustomer(customerId: string, update: CustomerUpdate): Promise<CustomerRecord | undefined> {
  const { doc, tableName } = db();
  try {
    const { Attributes } = await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.customer(customerId), ...update, ReturnValues: 'ALL_NEW' }));
    return Attributes as CustomerRecord;
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}
