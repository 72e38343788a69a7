// The biller gateway (缴费网关): looks a bill up by account number, takes a payment under Jinlin's
// reference (a repeat of the same reference is the same payment — the biller dedupes on it), says
// what became of a reference, and gives the statement of a settlement date for reconciliation.
// Its interface and the real client, over HTTPS.
import * as z from 'zod/mini';
import { BILL_PERIOD, type BillLookup, type PayAnswer, type PaymentStatusAnswer, type StatementLine } from '../../domain/bills/bill.js';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { characterCount, PERSON_NAME_MAX_CHARS, PERSON_NAME_MAX_UTF16_UNITS } from '../../domain/person-name.js';

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

/** A statement is paged through at most this many lines (far above a regional bank's day). */
export const MAX_STATEMENT_LINES = 200_000;

const TIMEOUT_MS = 5_000;
/** The account holder's name as the biller masks it (王*, 𠮷**): counted in characters, as a name is. */
const Masked = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(PERSON_NAME_MAX_UTF16_UNITS),
    z.refine((name) => characterCount(name) <= PERSON_NAME_MAX_CHARS),
  ),
);
const Fen = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(0), z.maximum(100_000_000)));
const LookupAnswer = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('BILL'),
      holderNameMasked: Masked,
      period: z.string().check(z.regex(BILL_PERIOD)),
      amountDueFen: Fen,
      dueDate: z.nullable(z.iso.date()),
      arrears: z.nullable(z.object({ sinceDate: z.iso.date(), overdueFen: Fen, lateFeeFen: Fen })),
    }),
    z.object({ outcome: z.literal('NO_BILL'), holderNameMasked: Masked }),
    z.object({ outcome: z.literal('ACCOUNT_NOT_FOUND') }),
  ]),
);
const PayResult = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), gatewayReference: z.string().check(z.minLength(1), z.maxLength(64)) }),
    z.object({ ok: z.literal(false), code: z.string().check(z.maxLength(64)), message: z.string().check(z.maxLength(200)) }),
  ]),
);
const StatusResult = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.object({ state: z.literal('ACCEPTED'), gatewayReference: z.string().check(z.minLength(1), z.maxLength(64)), amountFen: Fen, settlementDate: z.iso.date() }),
    z.object({ state: z.literal('UNKNOWN') }),
  ]),
);
const StatementResult = /* @__PURE__ */ lazySchema(() =>
  z.object({
    lines: z
      .array(z.object({ reference: z.string().check(z.maxLength(64)), gatewayReference: z.string().check(z.maxLength(64)), billerId: z.string().check(z.maxLength(40)), amountFen: Fen }))
      .check(z.maxLength(MAX_STATEMENT_LINES)),
  }),
);

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
