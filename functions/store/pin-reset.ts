// The identity check's code state (domain/pin-reset.ts) under the customer, and the writes of a
// PIN reset. Every write of the state is conditional on the version read, so two requests racing
// cannot both spend the same code or count past the budget: the loser reads again
// (services/identity-check.ts). One state for the codes to the bound phone, and one for the code
// to the phone a phone change would bind.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { NO_PIN_RESET, type PinResetState } from '../domain/pin-reset.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** Which phone's codes: the bound one, or the new one of a phone change (更换手机号). */
export type CodeSlot = 'BOUND_PHONE' | 'NEW_PHONE';

const SLOTS = {
  BOUND_PHONE: { key: keys.pinReset, type: 'PIN_RESET' },
  NEW_PHONE: { key: keys.newPhoneCode, type: 'NEW_PHONE_CODE' },
} as const;

export interface StoredPinReset {
  state: PinResetState;
  /** 0 when the customer never asked for a reset. */
  version: number;
}

export async function getPinReset(customerId: string, slot: CodeSlot): Promise<StoredPinReset> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: SLOTS[slot].key(customerId), ConsistentRead: true }));
  if (!Item) return { state: NO_PIN_RESET, version: 0 };
  const state = Object.fromEntries(Object.keys(NO_PIN_RESET).map((name) => [name, Item[name] ?? NO_PIN_RESET[name as keyof PinResetState]]));
  return { state: state as unknown as PinResetState, version: Number(Item.version) };
}

/** The conditional write of `state` over the version that was read. */
export function pinResetItem(customerId: string, slot: CodeSlot, state: PinResetState, readVersion: number): TransactItem {
  return {
    Put: {
      TableName: db().tableName,
      Item: { ...SLOTS[slot].key(customerId), type: SLOTS[slot].type, customerId, ...state, version: readVersion + 1 },
      ConditionExpression: readVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :read',
      ...(readVersion === 0 ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
    },
  };
}

/** Stores `state` unless it moved since `readVersion` was read (then false). */
export async function savePinReset(customerId: string, slot: CodeSlot, state: PinResetState, readVersion: number): Promise<boolean> {
  const { doc } = db();
  try {
    await doc.send(new PutCommand(pinResetItem(customerId, slot, state, readVersion).Put!));
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** The reset's write on the customer: the new PIN hash, the PIN lockout cleared, and the SOTER
 *  enrolment (made with the old PIN) revoked. */
export function resetPinItem(customerId: string, pinHash: string): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET pinHash = :h, pinFailedAttempts = :zero, pinLockedUntil = :none REMOVE soterEnrolment',
      ConditionExpression: 'attribute_exists(pinHash)',
      ExpressionAttributeValues: { ':h': pinHash, ':zero': 0, ':none': null },
    },
  };
}
