// What a movement's anti-fraud decision reads and keeps (domain/risk-rules.ts decides): the rule
// set in force, when the customer first paid a transfer's payee, their largest transfer per day,
// what left the account today (the Class II daily counter, which the ledger transactions keep)
// and in the last hour (ten-minute slots each judged movement adds to). Read in the movement's one read (customer and account with them), written in its ledger
// transaction.
import type { RecordedMovement } from '../domain/risk-backtest.js';
import type { JournalKind } from '../domain/ledger.js';
import { limitBuckets } from '../domain/limits.js';
import { DEFAULT_RISK_RULE_SET, RiskRuleSetSchema, type RiskMovementKind, type RiskRuleSet, velocitySlotExpiresAtEpoch, velocitySlots } from '../domain/risk-rules.js';
import { businessDate } from '../domain/time.js';
import { batchGetItems, itemWithKey } from './batch-get.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { journalsOfDay } from './day-journals.js';
import type { TransactItem } from './transact.js';
import { getVersionedConfig, putVersionedConfig, type VersionedConfig } from './versioned-config.js';

type Key = Record<string, string>;
type Item = Record<string, unknown>;

export interface MovementRiskMemory {
  ruleSet: RiskRuleSet;
  /** A transfer's payee as the rules keep them; null for a movement without one. */
  payee: PayeeMemory | null;
  dailyMaximaFen: Record<string, number> | undefined;
  outToday: { amountFen: number; count: number };
  outLastHour: { amountFen: number; count: number };
}

export interface PayeeMemory {
  firstPaidAt: string | null;
}

/** Who moves money from which account, when, and to which Jinlin account (a transfer's payee;
 *  null for a withdrawal or a bill). */
export interface MovementParties {
  customerId: string;
  accountId: string;
  payeeAccountId: string | null;
  at: Date;
}

/** A transfer's parties: its payee is another Jinlin account. */
export type TransferParties = MovementParties & { payeeAccountId: string };

/** The keys to read with the customer and account. */
export function movementRiskKeys({ customerId, accountId, payeeAccountId, at }: MovementParties): Key[] {
  return [
    keys.config('RISK_RULES'),
    keys.transferMaxima(customerId),
    // The movement charges the same CST date's counter (services/accounts.ts, bill-payment.ts).
    keys.limitCounter(accountId, limitBuckets('OUT', businessDate(at)).daily),
    ...(payeeAccountId === null ? [] : [keys.paidPayee(customerId, payeeAccountId)]),
    ...velocitySlots(at).map((slot) => keys.outVelocity(accountId, slot)),
  ];
}

const counted = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);

/** The memory among the items read under movementRiskKeys. A bank that never stored a rule set
 *  runs the one it starts with. */
export function movementRiskMemory(parties: MovementParties, items: readonly Item[]): MovementRiskMemory {
  const stored = itemWithKey(items, keys.config('RISK_RULES'));
  const outToday = itemWithKey(items, keys.limitCounter(parties.accountId, limitBuckets('OUT', businessDate(parties.at)).daily));
  return {
    ruleSet: stored ? RiskRuleSetSchema.parse(stored.ruleSet) : DEFAULT_RISK_RULE_SET,
    payee: parties.payeeAccountId === null ? null : payeeMemoryIn(items, parties.customerId, parties.payeeAccountId),
    dailyMaximaFen: dailyMaximaIn(items, parties.customerId),
    // Counters written before movementCount existed count their day's movements from then on.
    outToday: { amountFen: counted(outToday?.usedFen), count: counted(outToday?.movementCount) },
    outLastHour: outLastHourIn(items, parties),
  };
}

function outLastHourIn(items: readonly Item[], { accountId, at }: MovementParties): { amountFen: number; count: number } {
  const slots = velocitySlots(at).map((slot) => itemWithKey(items, keys.outVelocity(accountId, slot)));
  return { amountFen: slots.reduce((sum, slot) => sum + counted(slot?.usedFen), 0), count: slots.reduce((sum, slot) => sum + counted(slot?.movementCount), 0) };
}

/** The write that counts a judged movement in its ten-minute slot, for its transaction: an
 *  unconditional ADD, so racing movements both count. The slot's item expires once no window reads
 *  it. */
export function outVelocityRecord(accountId: string, at: Date, amountFen: number): TransactItem {
  const slot = velocitySlots(at).at(-1)!;
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.outVelocity(accountId, slot),
      UpdateExpression: 'SET #type = :type, expiresAtEpoch = :expires ADD usedFen :amount, movementCount :one',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'OUT_VELOCITY', ':expires': velocitySlotExpiresAtEpoch(slot), ':amount': amountFen, ':one': 1 },
    },
  };
}

/** What a released hold's memory writes are decided on: when the customer first paid the payee
 *  and their largest transfers per day (not the rules or today's outflow). */
export async function payeeMemory(customerId: string, payeeAccountId: string): Promise<{ payee: PayeeMemory; dailyMaximaFen: Record<string, number> | undefined }> {
  const items = await batchGetItems([keys.paidPayee(customerId, payeeAccountId), keys.transferMaxima(customerId)]);
  return { payee: payeeMemoryIn(items, customerId, payeeAccountId), dailyMaximaFen: dailyMaximaIn(items, customerId) };
}

function payeeMemoryIn(items: readonly Item[], customerId: string, payeeAccountId: string): PayeeMemory {
  const payee = itemWithKey(items, keys.paidPayee(customerId, payeeAccountId));
  return { firstPaidAt: typeof payee?.firstPaidAt === 'string' ? payee.firstPaidAt : null };
}

const dailyMaximaIn = (items: readonly Item[], customerId: string) => itemWithKey(items, keys.transferMaxima(customerId))?.dailyMaximaFen as Record<string, number> | undefined;

/** The writes that keep the memory, for the transfer's transaction: the payee's first payment
 *  (when this is it) and the raised daily maxima (when they changed). Unconditional: two
 *  transfers raced may keep the smaller of their two amounts as the day's largest, which only
 *  makes the rules warn sooner. */
export function transferRiskRecords(
  customerId: string,
  payeeAccountId: string,
  { firstPayment, raisedMaximaFen, at }: { firstPayment: boolean; raisedMaximaFen: Record<string, number> | undefined; at: string },
): TransactItem[] {
  const { tableName } = db();
  const records: TransactItem[] = [];
  if (firstPayment) {
    records.push({
      Update: {
        TableName: tableName,
        Key: keys.paidPayee(customerId, payeeAccountId),
        UpdateExpression: 'SET #type = :type, firstPaidAt = if_not_exists(firstPaidAt, :at)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'PAID_PAYEE', ':at': at },
      },
    });
  }
  if (raisedMaximaFen) records.push({ Put: { TableName: tableName, Item: { ...keys.transferMaxima(customerId), type: 'TRANSFER_MAXIMA', dailyMaximaFen: raisedMaximaFen } } });
  return records;
}

const RISK_RULES: VersionedConfig<RiskRuleSet> = { name: 'RISK_RULES', field: 'ruleSet', schema: RiskRuleSetSchema, fallback: DEFAULT_RISK_RULE_SET };

/** The rule set in force (the one a bank starts with when none was ever stored). */
export const getRiskRuleSet = (): Promise<RiskRuleSet> => getVersionedConfig(RISK_RULES);

/** Puts a rule set in force unless one of its version or later already is: applying an approved
 *  change twice, or seeding a bank whose rules were changed since, changes nothing. */
export const putRiskRuleSet = (ruleSet: RiskRuleSet): Promise<void> => putVersionedConfig(RISK_RULES, ruleSet);

/** The journal that records each judged movement's decision: a delayed transfer's is its hold,
 *  a bill's its hold (the settlement follows it). */
const JUDGED_JOURNALS: Partial<Record<JournalKind, RiskMovementKind>> = {
  TRANSFER: 'TRANSFER',
  TRANSFER_HOLD: 'TRANSFER',
  WITHDRAW: 'WITHDRAWAL',
  BILL_HOLD: 'BILL_PAYMENT',
};

/** Up to `limit` movements the customers asked for on one business date (CST), each with its
 *  amount and the decision recorded with it. Auto-pay's holds are the day close's, not judged. */
export async function movementsOfDay(date: string, limit: number): Promise<RecordedMovement[]> {
  const { journals } = await journalsOfDay(date, limit, Object.keys(JUDGED_JOURNALS) as JournalKind[]);
  return journals
    .filter((journal) => journal.origin !== 'DAY_CLOSE')
    .map(({ journalId, kind, createdAt, postings, risk }) => ({
      journalId,
      kind: JUDGED_JOURNALS[kind]!,
      createdAt,
      amountFen: Math.max(0, ...postings.map((posting) => posting.amountFen)),
      ...(risk ? { risk } : {}),
    }));
}
