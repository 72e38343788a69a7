// The settlement gateway's simulator (local stage and tests only; see ../simulated.ts). Holder
// checks: every account is held in the name it is asked about, except numbers ending 0000 (no such
// account) and 9999 (held by another name). Payouts: an account ending 7777 is refused by its bank
// (frozen), one ending 8888 never answers (the payout is not received either), any other is paid.
// Like a real gateway it remembers what it paid or refused by reference (memory.ts: keys
// SIMPAYOUT…), so a payout sent again is paid once and its status answers in every Lambda.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { UpstreamUnavailable } from '../../platform/upstream-unavailable.js';
import type { PayoutAnswer, PayoutStatus, SettlementGateway } from '../real/settlement-gateway.js';
import { simulatorTable as table } from './memory.js';

export const PAYOUT_ENDINGS = { refused: '7777', silent: '8888' } as const;

const payoutKey = (reference: string) => ({ PK: `SIMPAYOUT#${reference}`, SK: 'PAYOUT' });

async function remembered(reference: string): Promise<PayoutStatus> {
  const { doc, tableName } = table();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: payoutKey(reference), ConsistentRead: true }));
  if (!Item) return { state: 'UNKNOWN' };
  return Item.ok ? { state: 'PAID', gatewayReference: String(Item.gatewayReference) } : { state: 'REFUSED', code: String(Item.code), message: String(Item.message) };
}

export function simulatorSettlementGateway(): SettlementGateway {
  return {
    async checkAccountHolder({ accountNumber }) {
      if (accountNumber.endsWith('0000')) return 'ACCOUNT_NOT_FOUND';
      if (accountNumber.endsWith('9999')) return 'MISMATCH';
      return 'MATCH';
    },
    async payout({ reference, accountNumber, amountFen }) {
      if (accountNumber.endsWith(PAYOUT_ENDINGS.silent)) throw new UpstreamUnavailable('settlement-gateway', new Error('simulated timeout'));
      const earlier = await remembered(reference);
      if (earlier.state === 'PAID') return { ok: true, gatewayReference: earlier.gatewayReference };
      if (earlier.state === 'REFUSED') return { ok: false, code: earlier.code, message: earlier.message };
      const answer: PayoutAnswer = accountNumber.endsWith(PAYOUT_ENDINGS.refused)
        ? { ok: false, code: 'ACCOUNT_FROZEN', message: '收款账户已冻结' }
        : { ok: true, gatewayReference: `SIMPAY${createHash('sha256').update(reference).digest('hex').slice(0, 16).toUpperCase()}` };
      const { doc, tableName } = table();
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...payoutKey(reference), ...answer, amountFen } }));
      return answer;
    },
    payoutStatus: ({ reference }) => remembered(reference),
  };
}
