// The card gateway's simulator, deterministic by card number (local stage and tests only; see
// ../simulated.ts).
import type { CardGateway } from '../real/card-gateway.js';

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

/** What the simulated card network moved, by card: tests read it to see money leave and come
 *  back (bounded: the oldest entries go first). */
const movements = new Map<string, { kind: 'DEBIT' | 'CREDIT'; amountFen: number; reference: string }[]>();
const MAX_CARDS_KEPT = 10_000;

function record(cardNumber: string, kind: 'DEBIT' | 'CREDIT', amountFen: number, reference: string): void {
  if (!movements.has(cardNumber) && movements.size >= MAX_CARDS_KEPT) movements.delete(movements.keys().next().value!);
  const list = movements.get(cardNumber) ?? [];
  list.push({ kind, amountFen, reference });
  movements.set(cardNumber, list);
}

export function simulatorCardMovements(cardNumber: string): readonly { kind: 'DEBIT' | 'CREDIT'; amountFen: number; reference: string }[] {
  return movements.get(cardNumber) ?? [];
}

export function simulatorCardGateway(): CardGateway {
  return {
    async verify({ cardNumber }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.verifyFails)) {
        return { ok: false, code: 'CARD_HOLDER_MISMATCH', message: '银行卡信息与实名信息不一致' };
      }
      return { ok: true, bankName: BANKS_BY_BIN[cardNumber.slice(0, 6)] ?? '银联借记卡' };
    },
    async debit({ cardNumber, amountFen, reference }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.debitDeclined)) {
        return { ok: false, code: 'CARD_DECLINED', message: '银行卡余额不足或已冻结' };
      }
      record(cardNumber, 'DEBIT', amountFen, reference);
      return { ok: true, gatewayReference: `SIMD-${reference}` };
    },
    async credit({ cardNumber, amountFen, reference }) {
      if (cardNumber.endsWith(SIMULATOR_CARDS.creditDeclined)) {
        return { ok: false, code: 'CARD_DECLINED', message: '收款银行卡状态异常' };
      }
      record(cardNumber, 'CREDIT', amountFen, reference);
      return { ok: true, gatewayReference: `SIMC-${reference}` };
    },
  };
}
