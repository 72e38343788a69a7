// The card gateway: verifies a Class I card against its holder, and moves money between the
// card and the bank's card-settlement account. Its interface and the real client, over HTTPS.
import * as z from 'zod/mini';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';
import { lazySchema } from '../../domain/lazy-schema.js';

export type GatewayAnswer = { ok: true; gatewayReference: string } | { ok: false; code: string; message: string };

export interface CardGateway {
  verify(card: { cardNumber: string; holderName: string; idNumber: string }): Promise<{ ok: true; bankName: string } | { ok: false; code: string; message: string }>;
  /** Pulls money from the card. `reference` makes the call idempotent at the gateway. */
  debit(card: { cardNumber: string; amountFen: number; reference: string }): Promise<GatewayAnswer>;
  /** Pushes money to the card. */
  credit(card: { cardNumber: string; amountFen: number; reference: string }): Promise<GatewayAnswer>;
}

const TIMEOUT_MS = 5_000;
const Answer = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), gatewayReference: z.string() }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
);
const VerifyAnswer = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), bankName: z.string() }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
);

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
