// The biller gateway's simulator (local stage and tests only; see ../simulated.ts), deterministic
// by the account number's last digit, so every path is testable: 5 no bill, 6 arrears, 7 account
// not found, 8 the gateway never answers a payment, 9 the biller declines it; anything else has a
// bill.
//
// Like a real biller it remembers what it accepted, so `status` and the statement answer alike in
// every Lambda and in the day close (memory.ts: under keys SIMBILLER…).
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { PaymentStatusAnswer, StatementLine } from '../../domain/bills/bill.js';
import { maskName } from '../../domain/masking.js';
import { UpstreamUnavailable } from '../../platform/upstream-unavailable.js';
import { type BillerGateway, MAX_STATEMENT_LINES } from '../real/biller-gateway.js';
import { simulatorTable as table } from './memory.js';

/** The last digit of an account number decides what the simulator does. */
export const SIMULATOR_ENDINGS = {
  noBill: '5',
  arrears: '6',
  notFound: '7',
  timeout: '8',
  declined: '9',
} as const;

const HOLDERS = ['林晓', '陈静', '王芳', '李强', '张伟', '刘洋', '赵敏', '周杰', '吴桐', '郑爽'];

function hashNumber(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

/** The month before `date`'s month, as YYYY-MM. */
function previousMonth(date: string, back = 1): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDigit(accountNumber: string): string | undefined {
  return /(\d)\D*$/.exec(accountNumber)?.[1];
}

// ---- what the simulated biller remembers --------------------------------------------------------

const acceptanceKey = (reference: string) => ({ PK: `SIMBILLER#${reference}`, SK: 'ACCEPTED' });
const statementPartition = (date: string) => `SIMBILLERSTMT#${date}`;
const statementKey = (date: string, reference: string) => ({ PK: statementPartition(date), SK: reference });

async function simulatorStatus(reference: string): Promise<PaymentStatusAnswer> {
  const { doc, tableName } = table();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: acceptanceKey(reference), ConsistentRead: true }));
  if (!Item) return { state: 'UNKNOWN' };
  return { state: 'ACCEPTED', gatewayReference: String(Item.gatewayReference), amountFen: Number(Item.amountFen), settlementDate: String(Item.settlementDate) };
}

// ---- the gateway ------------------------------------------------------------------------------

export function simulatorBillerGateway(): BillerGateway {
  return {
    async lookup({ billerId, accountNumber, asOf }) {
      const ending = lastDigit(accountNumber);
      if (ending === SIMULATOR_ENDINGS.notFound) return { outcome: 'ACCOUNT_NOT_FOUND' };
      const holderNameMasked = maskName(HOLDERS[hashNumber(billerId, accountNumber) % HOLDERS.length]!);
      if (ending === SIMULATOR_ENDINGS.noBill) return { outcome: 'NO_BILL', holderNameMasked };
      const period = previousMonth(asOf);
      // ¥30.00–¥299.99, fixed for the account and period.
      const baseFen = 3_000 + (hashNumber(billerId, accountNumber, period) % 27_000);
      if (ending === SIMULATOR_ENDINGS.arrears) {
        // Two months unpaid — the month before's bill overdue since its due date — plus a 3% late
        // fee (rounded half up to the fen).
        const lateFeeFen = Math.floor((baseFen * 2 * 3 + 50) / 100);
        return {
          outcome: 'BILL',
          holderNameMasked,
          period,
          amountDueFen: baseFen * 2 + lateFeeFen,
          dueDate: `${previousMonth(asOf, 0)}-20`,
          arrears: { sinceDate: `${period}-20`, overdueFen: baseFen, lateFeeFen },
        };
      }
      return { outcome: 'BILL', holderNameMasked, period, amountDueFen: baseFen, dueDate: `${previousMonth(asOf, 0)}-20`, arrears: null };
    },

    async pay({ billerId, reference, accountNumber, amountFen, settlementDate }) {
      const ending = lastDigit(accountNumber);
      if (ending === SIMULATOR_ENDINGS.timeout) throw new UpstreamUnavailable('biller-gateway', new Error('simulated timeout'));
      if (ending === SIMULATOR_ENDINGS.declined) return { ok: false, code: 'BILLER_DECLINED', message: '该户号已暂停缴费业务' };
      if (ending === SIMULATOR_ENDINGS.notFound) return { ok: false, code: 'ACCOUNT_NOT_FOUND', message: '户号不存在' };
      const gatewayReference = `SIMB${hashNumber('ref', reference).toString(16).padStart(8, '0').toUpperCase()}`;
      const { doc, tableName } = table();
      const line = { reference, gatewayReference, billerId, amountFen, settlementDate };
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: { ...acceptanceKey(reference), type: 'SIM_BILLER_ACCEPTANCE', ...line }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: tableName, Item: { ...statementKey(settlementDate, reference), type: 'SIM_BILLER_STATEMENT', ...line } } },
            ],
          }),
        );
      } catch (error) {
        const duplicate = error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
        if (!duplicate) throw error;
        // The same reference again: the biller dedupes — the first acceptance stands.
        const known = await simulatorStatus(reference);
        if (known.state === 'ACCEPTED' && known.amountFen === amountFen) return { ok: true, gatewayReference: known.gatewayReference };
        return { ok: false, code: 'DUPLICATE_REFERENCE', message: '交易流水号重复' };
      }
      return { ok: true, gatewayReference };
    },

    status: ({ reference }) => simulatorStatus(reference),

    async statement({ date }) {
      const { doc, tableName } = table();
      const lines: StatementLine[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': statementPartition(date) },
            ExclusiveStartKey: startKey,
            ConsistentRead: true,
          }),
        );
        for (const item of page.Items ?? []) {
          lines.push({ reference: String(item.reference), gatewayReference: String(item.gatewayReference), billerId: String(item.billerId), amountFen: Number(item.amountFen) });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey && lines.length < MAX_STATEMENT_LINES);
      return lines;
    },
  };
}

/** Tests only: writes a line into the simulated biller's statement of `date` — a payment Jinlin
 *  never made, or another amount for one it did — so reconciliation has a mismatch to find. */
export async function injectSimulatorStatementLine(date: string, line: StatementLine): Promise<void> {
  const { doc, tableName } = table();
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...statementKey(date, line.reference), type: 'SIM_BILLER_STATEMENT', ...line, settlementDate: date } }));
}
