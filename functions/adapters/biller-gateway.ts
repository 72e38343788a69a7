// The biller gateway (缴费网关): looks a bill up by account number, takes a payment under Jinlin's
// reference (a repeat of the same reference is the same payment — the biller dedupes on it), says
// what became of a reference, and gives the statement of a settlement date for reconciliation.
//
// The simulator (the default) is deterministic by the account number's last digit, so every path
// is testable: 5 no bill, 6 arrears, 7 account not found, 8 the gateway never answers a payment,
// 9 the biller declines it; anything else has a bill. Like a real biller it remembers what it
// accepted: in the bank's own table, under SIMBILLER# keys, so every Lambda and the day close
// see the same simulated biller. A real deployment uses the HTTP client instead.
import { TransactWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { config } from '../config.js';
import { BILL_PERIOD, type BillLookup, type PayAnswer, type PaymentStatusAnswer, type StatementLine } from '../domain/bills/bill.js';
import { maskName } from '../domain/masking.js';
import { secrets } from '../secrets.js';
import { db } from '../store/client.js';
import { cancellationCodes } from '../store/errors.js';
import { keys } from '../store/keys.js';
import { fetchJson, UpstreamUnavailable } from './http-json.js';

export interface BillerRef {
  billerId: string;
  /** The biller's code on its gateway channel. */
  billerCode: string;
}

export interface BillerGateway {
  /** The bill due on `asOf` (Jinlin's business date). */
  lookup(query: BillerRef & { accountNumber: string; asOf: string }): Promise<BillLookup>;
  /** Pays under `reference`; throws UpstreamUnavailable when no answer arrives. */
  pay(payment: BillerRef & { reference: string; accountNumber: string; period: string | null; amountFen: number; settlementDate: string }): Promise<PayAnswer>;
  status(query: { reference: string }): Promise<PaymentStatusAnswer>;
  /** Every payment the gateway accepted for settlement on `date`. */
  statement(query: { date: string }): Promise<StatementLine[]>;
}

/** The last digit of an account number decides what the simulator does. */
export const SIMULATOR_ENDINGS = {
  noBill: '5',
  arrears: '6',
  notFound: '7',
  timeout: '8',
  declined: '9',
} as const;

/** A statement is paged through at most this many lines (far above a regional bank's day). */
const MAX_STATEMENT_LINES = 200_000;

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
        // Two months unpaid plus a 3% late fee (rounded half up to the fen).
        const lateFeeFen = Math.floor((baseFen * 2 * 3 + 50) / 100);
        return {
          outcome: 'BILL',
          holderNameMasked,
          period,
          amountDueFen: baseFen * 2 + lateFeeFen,
          dueDate: `${previousMonth(asOf, 0)}-20`,
          arrears: { sinceDate: `${period}-20`, lateFeeFen },
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
      const { doc, tableName } = db();
      const line = { reference, gatewayReference, billerId, amountFen, settlementDate };
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.billerSimAcceptance(reference), type: 'SIM_BILLER_ACCEPTANCE', ...line },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              { Put: { TableName: tableName, Item: { ...keys.billerSimStatement(settlementDate, reference), type: 'SIM_BILLER_STATEMENT', ...line } } },
            ],
          }),
        );
      } catch (error) {
        if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
        // The same reference again: the biller dedupes — the first acceptance stands.
        const known = await simulatorStatus(reference);
        if (known.state === 'ACCEPTED' && known.amountFen === amountFen) return { ok: true, gatewayReference: known.gatewayReference };
        return { ok: false, code: 'DUPLICATE_REFERENCE', message: '交易流水号重复' };
      }
      return { ok: true, gatewayReference };
    },

    status: ({ reference }) => simulatorStatus(reference),

    async statement({ date }) {
      const { doc, tableName } = db();
      const lines: StatementLine[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.billerSimStatementPartition(date) },
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

async function simulatorStatus(reference: string): Promise<PaymentStatusAnswer> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.billerSimAcceptance(reference), ConsistentRead: true }));
  if (!Item) return { state: 'UNKNOWN' };
  return { state: 'ACCEPTED', gatewayReference: String(Item.gatewayReference), amountFen: Number(Item.amountFen), settlementDate: String(Item.settlementDate) };
}

/** Simulator only (tests): writes a line into the simulated biller's statement of `date` — a
 *  payment Jinlin never made, or another amount for one it did — so reconciliation has a
 *  mismatch to find. Refused unless the simulator is the configured gateway. */
export async function injectSimulatorStatementLine(date: string, line: StatementLine): Promise<void> {
  if (config().BILLER_GATEWAY_MODE !== 'simulator') throw new Error('statement lines can only be injected into the simulator');
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.billerSimStatement(date, line.reference), type: 'SIM_BILLER_STATEMENT', ...line, settlementDate: date },
    }),
  );
}

// ---- the real gateway, over HTTPS -------------------------------------------------------------

const TIMEOUT_MS = 5_000;
const Masked = z.string().check(z.minLength(1), z.maxLength(20));
const Fen = z.int().check(z.minimum(0), z.maximum(100_000_000));
const LookupAnswer = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('BILL'),
    holderNameMasked: Masked,
    period: z.string().check(z.regex(BILL_PERIOD)),
    amountDueFen: Fen,
    dueDate: z.nullable(z.iso.date()),
    arrears: z.nullable(z.object({ sinceDate: z.iso.date(), lateFeeFen: Fen })),
  }),
  z.object({ outcome: z.literal('NO_BILL'), holderNameMasked: Masked }),
  z.object({ outcome: z.literal('ACCOUNT_NOT_FOUND') }),
]);
const PayResult = z.union([
  z.object({ ok: z.literal(true), gatewayReference: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ ok: z.literal(false), code: z.string().check(z.maxLength(64)), message: z.string().check(z.maxLength(200)) }),
]);
const StatusResult = z.union([
  z.object({ state: z.literal('ACCEPTED'), gatewayReference: z.string().check(z.minLength(1), z.maxLength(64)), amountFen: Fen, settlementDate: z.iso.date() }),
  z.object({ state: z.literal('UNKNOWN') }),
]);
const StatementResult = z.object({
  lines: z
    .array(z.object({ reference: z.string().check(z.maxLength(64)), gatewayReference: z.string().check(z.maxLength(64)), billerId: z.string().check(z.maxLength(40)), amountFen: Fen }))
    .check(z.maxLength(MAX_STATEMENT_LINES)),
});

export function httpBillerGateway(baseUrl: string): BillerGateway {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetchJson('biller-gateway', new URL(path, baseUrl).toString(), {
      method,
      ...(body === undefined ? {} : { body }),
      headers: { authorization: `Bearer ${(await secrets()).billerGatewayToken}` },
      timeoutMs: TIMEOUT_MS,
    });
  return {
    async lookup(query) {
      return LookupAnswer.parse(await call('POST', '/v1/bills/lookup', query));
    },
    async pay(payment) {
      return PayResult.parse(await call('POST', '/v1/bills/payments', payment));
    },
    async status({ reference }) {
      return StatusResult.parse(await call('GET', `/v1/bills/payments/${encodeURIComponent(reference)}`));
    },
    async statement({ date }) {
      return StatementResult.parse(await call('GET', `/v1/bills/statements/${encodeURIComponent(date)}`)).lines;
    },
  };
}

export function billerGateway(): BillerGateway {
  const { BILLER_GATEWAY_MODE, BILLER_GATEWAY_URL } = config();
  if (BILLER_GATEWAY_MODE === 'simulator') return simulatorBillerGateway();
  if (!BILLER_GATEWAY_URL) throw new Error('BILLER_GATEWAY_URL is required when BILLER_GATEWAY_MODE=real');
  return httpBillerGateway(BILLER_GATEWAY_URL);
}
