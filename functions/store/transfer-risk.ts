// What a transfer's anti-fraud decision reads and keeps (domain/risk-rules.ts decides): the rule
// set in force, when the customer first paid the payee, their largest transfer per day, and what
// left the account today (the Class II daily counter, which the ledger transactions keep). Read
// in the transfer's one read (customer and account with them), written in its ledger transaction.
import type { RecordedTransfer } from '../domain/risk-backtest.js';
import { limitBuckets } from '../domain/limits.js';
import { DEFAULT_RISK_RULE_SET, RiskRuleSetSchema, type RiskRuleSet } from '../domain/risk-rules.js';
import { businessDate } from '../domain/time.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { journalsOfDay } from './day-journals.js';
import type { TransactItem } from './transact.js';
import { getVersionedConfig, putVersionedConfig, type VersionedConfig } from './versioned-config.js';

type Key = Record<string, string>;
type Item = Record<string, unknown>;

export interface TransferRiskMemory {
  ruleSet: RiskRuleSet;
  payeeFirstPaidAt: string | null;
  dailyMaximaFen: Record<string, number> | undefined;
  outToday: { amountFen: number; count: number };
}

/** Who transfers from which account to which, when. */
export interface TransferParties {
  customerId: string;
  accountId: string;
  payeeAccountId: string;
  at: Date;
}

/** The keys to read with the customer and account, in this order. */
export function transferRiskKeys({ customerId, accountId, payeeAccountId, at }: TransferParties): Key[] {
  return [
    keys.config('RISK_RULES'),
    keys.paidPayee(customerId, payeeAccountId),
    keys.transferMaxima(customerId),
    // The transfer charges the same CST date's counter (services/accounts.ts).
    keys.limitCounter(accountId, limitBuckets('OUT', businessDate(at)).daily),
  ];
}

const counted = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);

const sameKey = (item: Item, key: Key) => item.PK === key.PK && item.SK === key.SK;

/** The memory among the items read under transferRiskKeys. A bank that never stored a rule set
 *  runs the one it starts with. */
export function transferRiskMemory(parties: TransferParties, items: readonly Item[]): TransferRiskMemory {
  const [ruleSetKey, , , outTodayKey] = transferRiskKeys(parties) as [Key, Key, Key, Key];
  const stored = items.find((item) => sameKey(item, ruleSetKey));
  const outToday = items.find((item) => sameKey(item, outTodayKey));
  return {
    ruleSet: stored ? RiskRuleSetSchema.parse(stored.ruleSet) : DEFAULT_RISK_RULE_SET,
    ...payeeMemoryIn(items, parties.customerId, parties.payeeAccountId),
    // Counters written before movementCount existed count their day's movements from then on.
    outToday: { amountFen: counted(outToday?.usedFen), count: counted(outToday?.movementCount) },
  };
}

/** What a released hold's memory writes are decided on: when the customer first paid the payee
 *  and their largest transfers per day (not the rules or today's outflow). */
export async function payeeMemory(customerId: string, payeeAccountId: string): Promise<Pick<TransferRiskMemory, 'payeeFirstPaidAt' | 'dailyMaximaFen'>> {
  return payeeMemoryIn(await batchGetItems([keys.paidPayee(customerId, payeeAccountId), keys.transferMaxima(customerId)]), customerId, payeeAccountId);
}

function payeeMemoryIn(items: readonly Item[], customerId: string, payeeAccountId: string): Pick<TransferRiskMemory, 'payeeFirstPaidAt' | 'dailyMaximaFen'> {
  const payee = items.find((item) => sameKey(item, keys.paidPayee(customerId, payeeAccountId)));
  const maxima = items.find((item) => sameKey(item, keys.transferMaxima(customerId)));
  return {
    payeeFirstPaidAt: typeof payee?.firstPaidAt === 'string' ? payee.firstPaidAt : null,
    dailyMaximaFen: maxima?.dailyMaximaFen as Record<string, number> | undefined,
  };
}

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

/** Up to `limit` transfers of one business date (CST), each with its amount and the decision
 *  recorded with it (a delayed transfer's hold is one). */
export async function transfersOfDay(date: string, limit: number): Promise<RecordedTransfer[]> {
  const { journals } = await journalsOfDay(date, limit, ['TRANSFER', 'TRANSFER_HOLD']);
  return journals.map(({ journalId, createdAt, postings, risk }) => ({
    journalId,
    createdAt,
    amountFen: Math.max(0, ...postings.map((posting) => posting.amountFen)),
    ...(risk ? { risk } : {}),
  }));
}
