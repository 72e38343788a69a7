// The card gateway: verifies a Class I card against its holder, and moves money between the
// card and the bank's card-settlement account. The simulator is deterministic by card number.
import * as z from 'zod/mini';
import { config } from '../config.js';
import { secrets } from '../secrets.js';
import { fetchJson } from './http-json.js';

export type GatewayAnswer = { ok: true; gatewayReference: string } | { ok: false; code: string; message: string };

export interface CardGateway {
  verify(card: { cardNumber: string; holderName: string; idNumber: string }): Promise<{ ok: true; bankName: string } | { ok: false; code: string; message: string }>;
  /** Pulls money from the card. `reference` makes the call idempotent at the gateway. */
  debit(card: { cardNumber: string; amountFen: number; reference: string }): Promise<GatewayAnswer>;
  /** Pushes money to the card. */
  credit(card: { cardNumber: string; amountFen: number; reference: string }): Promise<GatewayAnswer>;
}

const BANKS_BY_BIN: Record<string, string> = {
  '622202': '中国工商银行',
  '621700': '中国建设银行',
  '622848': '中国农业银行',
  '621661': '中国银行',
  '622588': '招商银行',
  '622262': '交通银行',
};

/** Card numbers ending in these four digits make the simulator refuse, so every path is testable. */
export const SIMULATOR_CARDS = {
  verifyFails: '0053',
  debitDeclined: '0051',
  creditDeclined: '0052',
} as const;

export function simulatorCardGateway(): CardGateway {
  return {
    async verify({ cardNumber }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.verifyFails)) {
        return { ok: false, code: 'CARD_HOLDER_MISMATCH', message: '银行卡信息与实名信息不一致' };
      }
      return { ok: true, bankName: BANKS_BY_BIN[cardNumber.slice(0, 6)] ?? '银联借记卡' };
    },
    async debit({ cardNumber, reference }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.debitDeclined)) {
        return { ok: false, code: 'CARD_DECLINED', message: '银行卡余额不足或已冻结' };
      }
      return { ok: true, gatewayReference: `SIMD-${reference}` };
    },
    async credit({ cardNumber, reference }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.creditDeclined)) {
        return { ok: false, code: 'CARD_DECLINED', message: '收款银行卡状态异常' };
      }
      return { ok: true, gatewayReference: `SIMC-${reference}` };
    },
  };
}

const TIMEOUT_MS = 5_000;
const Answer = z.union([
  z.object({ ok: z.literal(true), gatewayReference: z.string() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
const VerifyAnswer = z.union([
  z.object({ ok: z.literal(true), bankName: z.string() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

export function httpCardGateway(baseUrl: string): CardGateway {
  const call = async (path: string, body: unknown) =>
    fetchJson('card-gateway', new URL(path, baseUrl).toString(), {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${(await secrets()).cardGatewayToken}` },
      timeoutMs: TIMEOUT_MS,
    });
  return {
    async verify(card) {
      return VerifyAnswer.parse(await call('/v1/cards/verify', card));
    },
    async debit(movement) {
      return Answer.parse(await call('/v1/cards/debit', movement));
    },
    async credit(movement) {
      return Answer.parse(await call('/v1/cards/credit', movement));
    },
  };
}

export function cardGateway(): CardGateway {
  const { CARD_GATEWAY_MODE, CARD_GATEWAY_URL } = config();
  if (CARD_GATEWAY_MODE === 'simulator') return simulatorCardGateway();
  if (!CARD_GATEWAY_URL) throw new Error('CARD_GATEWAY_URL is required when CARD_GATEWAY_MODE=real');
  return httpCardGateway(CARD_GATEWAY_URL);
}
