// The open platform in the bank test (issue 19): a partner of the run's own, its merchants and
// reserve, and a partner's server (the grocery simulator, scripts/partner-sim/grocery.ts) that
// receives the webhooks. Its operations — orders created, paid (sometimes by two customers at
// once, sometimes sent again under the same key), closed, refunded (in parts, sometimes several at
// once, sometimes the same refund number again), the reserve funded, delivery passes, and merchant
// wallets paid out — run beside the plan's under the same faults; customers pay the merchants'
// static codes (收款码) amounts of their own, a few of them past the day's cap, and the partner
// refunds some of those orders too. They come from a generator of their own, like the second
// factor's cases: the plan's fingerprint is what it was before them.
import { createHash } from 'node:crypto';
import { deliverDueWebhooks } from '../../functions/services/webhook-delivery.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import { settleMerchants } from '../../functions/services/merchant-settlement.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { MAX_STATIC_CODE_DAILY_FEN } from '../../functions/domain/limits.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { authorization } from '../../scripts/partner-sim/client.js';
import { type Grocery, start as startGrocery, WEBHOOK_PATH } from '../../scripts/partner-sim/grocery.js';
import { freePort } from '../../scripts/lib/ports.js';
import { approvedMerchant, fundReserve, registerPartner, type TestPartner } from '../support/partners.js';
import type { Answer, ClientOptions, Request } from './client.js';
import { send } from './client.js';
import { patiently } from './lifecycle.js';
import { Rng } from './rng.js';

export type OpenOpKind = 'orderCreate' | 'orderPay' | 'orderClose' | 'refund' | 'reserveDeposit' | 'webhookPass' | 'payout' | 'codePay';

export interface OpenOp {
  id: number;
  kind: OpenOpKind;
  /** Started once the plan's clients have started this many operations. */
  afterOps: number;
  /** Index of the order (orderCreate, codePay: the one it makes; others: an earlier create's, or
   *  for a refund of a static-code order an earlier codePay's). */
  order: number;
  merchant: number;
  /** orderCreate: the order's amount; reserveDeposit: the deposit; codePay: what the customer
   *  entered. */
  amountFen: number;
  /** orderCreate: minutes until it expires (a few expire during the run). */
  expiresInMinutes?: number;
  /** orderPay: the plan's customers who pay it (two: they race); codePay: the one who pays. */
  payers: number[];
  /** refund: of a static-code order (its `order` a codePay's). */
  staticOrder?: boolean;
  /** refund: the parts sent at once, each under its own refund number, in thousandths of the
   *  order's amount (1,000: all of it). */
  refundsPermille: number[];
  /** orderPay, codePay: the same request again under the same key after its answer; refund: the
   *  same refund number again under a new key. */
  again: boolean;
  key: string;
}

export interface OpenPlan {
  merchants: number;
  ops: OpenOp[];
}

/** Merchants of the run's partner: each one's wallet is in the snapshot. */
export const OPEN_MERCHANTS = 2;
/** What the reserve holds before the run: enough for a few refunds after a payout. */
export const OPENING_RESERVE_FEN = 200_000;
/** Open-platform operations per planned operation. */
const OPEN_OPS_PER_OP = 0.15;
/** Static-code payments per planned operation, besides those: few enough that the soak's events
 *  stay within what the grocery keeps (1,000 ids). */
const CODE_PAYS_PER_OP = 0.02;
/** Of the refunds, those of a static-code order. */
const STATIC_REFUND_SHARE = 0.3;

/** The open platform's operations for a plan of `totalOps`, from `rng` (its own fork). */
export function openPlan(rng: Rng, totalOps: number, customers: number, seed: number): OpenPlan {
  // Static codes from forks of their own (taken before `rng` moves): the other operations are
  // what they were before them.
  const codeRng = rng.fork('code-pay');
  const staticRefundRng = rng.fork('static-refunds');
  const count = Math.max(20, Math.round(totalOps * OPEN_OPS_PER_OP));
  const orders: number[] = [];
  const ops: OpenOp[] = [];
  const seed36 = seed.toString(36);
  for (let id = 0; id < count; id++) {
    // Orders first: the other kinds need one made before them.
    const kind: OpenOpKind = orders.length < 3 ? 'orderCreate' : rng.weighted<Exclude<OpenOpKind, 'codePay'>>({ orderCreate: 30, orderPay: 30, orderClose: 5, refund: 20, reserveDeposit: 3, webhookPass: 7, payout: 5 });
    const afterOps = Math.floor((totalOps * id) / count);
    const recent = () => orders[Math.max(0, orders.length - 1 - rng.int(0, Math.min(orders.length - 1, 12)))]!;
    const base = { id, kind, afterOps, order: -1, merchant: rng.int(0, OPEN_MERCHANTS - 1), amountFen: 0, payers: [] as number[], refundsPermille: [] as number[], again: false, key: `open${seed36}-${id}` };
    if (kind === 'orderCreate') {
      orders.push(id);
      ops.push({ ...base, order: id, amountFen: rng.logInt(1, 300_000), ...(rng.chance(0.1) ? { expiresInMinutes: 1 } : {}) });
    } else if (kind === 'orderPay') {
      const first = rng.int(0, customers - 1);
      const race = rng.chance(0.15);
      ops.push({ ...base, order: recent(), payers: race ? [first, (first + 1 + rng.int(0, customers - 2)) % customers] : [first], again: !race && rng.chance(0.15) });
    } else if (kind === 'refund') {
      const parts = rng.chance(0.2) ? rng.int(2, 3) : 1;
      const refundsPermille = Array.from({ length: parts }, () => (rng.chance(0.3) ? 1_000 : rng.logInt(1, 1_000)));
      ops.push({ ...base, order: recent(), refundsPermille, again: rng.chance(0.2) });
    } else if (kind === 'orderClose') ops.push({ ...base, order: recent() });
    else if (kind === 'reserveDeposit') ops.push({ ...base, amountFen: rng.logInt(10_000, 500_000) });
    else ops.push(base);
  }
  const codePays = codePayOps(codeRng, totalOps, customers, count, seed36);
  // Some refunds go to a static-code order paid a little before them.
  for (const op of ops) {
    if (op.kind !== 'refund' || !staticRefundRng.chance(STATIC_REFUND_SHARE)) continue;
    const earlier = codePays.filter((pay) => pay.afterOps < op.afterOps).slice(-4);
    if (earlier.length > 0) Object.assign(op, { order: staticRefundRng.pick(earlier).id, staticOrder: true });
  }
  // In the order they start; a codePay after the others due at the same point.
  const merged = [...ops, ...codePays].sort((a, b) => a.afterOps - b.afterOps || a.id - b.id);
  return { merchants: OPEN_MERCHANTS, ops: merged };
}

/** Static-code payments (ids from `firstId`), spread over the run. Ten at a time, two regulars
 *  pay most of them, large amounts: their day crosses the static codes' cap (¥500), so payments
 *  past it are refused; the others pay small amounts now and then. */
function codePayOps(rng: Rng, totalOps: number, customers: number, firstId: number, seed36: string): OpenOp[] {
  const count = Math.max(16, Math.round(totalOps * CODE_PAYS_PER_OP));
  return Array.from({ length: count }, (_, n) => {
    const id = firstId + n;
    const regular = rng.chance(0.6);
    const who = regular ? (Math.floor(n / 10) * 2 + rng.int(0, 1)) % customers : rng.int(0, customers - 1);
    // Within what one request may ask (the body's maximum is the cap itself).
    const amountFen = regular ? rng.logInt(5_000, MAX_STATIC_CODE_DAILY_FEN) : rng.logInt(1, 20_000);
    return {
      id,
      kind: 'codePay' as const,
      afterOps: Math.floor((totalOps * n) / count),
      order: id,
      merchant: rng.int(0, OPEN_MERCHANTS - 1),
      amountFen,
      payers: [who],
      refundsPermille: [],
      again: rng.chance(0.15),
      key: `open${seed36}-${id}`,
    };
  });
}

export const openPlanFingerprint = (plan: OpenPlan) => createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);

export interface OpenWorld {
  partner: TestPartner;
  merchantIds: string[];
  grocery: Grocery;
  /** The grocery's clock runs this far ahead of the wall clock, as the bank's does in the final
   *  delivery passes (the partner checks each delivery's timestamp against it). */
  clockOffsetMs: { value: number };
  /** The reserve deposits booked, by journal id. */
  deposits: Map<string, number>;
}

/** The partner (its webhook URL the grocery's), its approved merchants (their wallets open) and
 *  its reserve funded: in this process, before the snapshot's balance items are read. */
export async function prepareOpenPlatform(apiUrl: string, seed: number): Promise<OpenWorld> {
  const port = await freePort();
  const partner = await registerPartner({ name: '银行测试社区合作方', webhookUrls: [`http://127.0.0.1:${port}${WEBHOOK_PATH}`], rateLimitPerMinute: 6_000 });
  const merchantIds: string[] = [];
  for (let m = 0; m < OPEN_MERCHANTS; m++) {
    // The second merchant's bank refuses payouts (the settlement gateway simulator: an account ending 7777).
    const account = m === 1 ? { settlementAccount: { bankName: '江苏银行南京分行', accountNumber: '3201001234567777', holderName: '南京幸福里生鲜超市有限公司' } } : {};
    merchantIds.push(await approvedMerchant(partner, `BANK-${seed.toString(36)}-${m}`, account));
  }
  const clockOffsetMs = { value: 0 };
  const grocery = await startGrocery({ bankUrl: apiUrl, port, credentials: partner.credentials, merchantId: merchantIds[0]!, clock: () => new Date(Date.now() + clockOffsetMs.value) });
  const deposits = new Map<string, number>();
  const changeId = `bank-${seed.toString(36)}-opening`;
  await fundReserve(partner, OPENING_RESERVE_FEN, changeId);
  deposits.set(deterministicJournalId('reserveDeposit', changeId), OPENING_RESERVE_FEN);
  return { partner, merchantIds, grocery, clockOffsetMs, deposits };
}

/** A partner's request as the run sent it, and every answer. */
export interface PartnerRecord {
  op: OpenOp;
  kind: 'create' | 'close' | 'refund';
  key: string;
  orderId?: string;
  outTradeNo?: string;
  outRefundNo?: string;
  amountFen?: number;
  answers: Answer[];
}

export interface OpenRun {
  partnerRecords: PartnerRecord[];
  /** The closed dates the day close's settlement step ran for. */
  payouts: Set<string>;
  /** Counts by kind and outcome, for the report. */
  tally: Record<string, Record<string, number>>;
  passes: { requested: number; final: number; finalOffsetMs: number };
}

const said = (a: Answer) => (a.outcome === 'ok' ? '200' : a.outcome === 'unknown' ? 'unknown' : `${a.status} ${a.code}`);

export interface OpenContext {
  world: OpenWorld;
  seed: number;
  clientOptions: (isApiAnswer: (body: unknown) => boolean) => ClientOptions;
  /** Pays an order as the plan's customer `who` would (a nonce for it, the PIN), as payer `n` of
   *  `op` (its key); `op.again` sends the same request once more after its answer. Records it
   *  with the plan's. */
  payOrder: (who: number, orderId: string, amountFen: number, op: OpenOp, n: number) => Promise<Answer[]>;
  /** Pays merchant `merchantId`'s static code `amountFen` as the plan's customer `who` (under
   *  `op`'s key; `op.again` as for payOrder). Records it with the plan's. */
  payCode: (who: number, merchantId: string, amountFen: number, op: OpenOp) => Promise<Answer[]>;
}

/** The runner of the open platform's operations: `run(op)` for each, in plan order. */
export function openRunner(ctx: OpenContext) {
  const { world } = ctx;
  const orderClient = ctx.clientOptions((body: any) => typeof body?.orderId === 'string' && typeof body?.state === 'string');
  const refundClient = ctx.clientOptions((body: any) => typeof body?.refundId === 'string' && Number.isSafeInteger(body?.amountFen));
  const passClient = ctx.clientOptions((body: any) => Number.isSafeInteger(body?.due));
  const signed = (method: 'POST', path: string) => (body: string) => ({ authorization: authorization(world.partner.credentials, { method, pathWithQuery: path, body }) });
  const partnerSend = (options: ClientOptions, path: string, key: string, body?: unknown): Promise<Answer> =>
    send(options, { method: 'POST', path, key, token: '', ...(body !== undefined ? { body } : {}), headers: signed('POST', path) } satisfies Request);
  type Order = { orderId: string; amountFen: number; paid: boolean; staticCode: boolean };
  const orders = new Map<number, Order>();
  /** Which order an operation acts on: its planned one — or, when that is paid already (a payment)
   *  or not paid yet (a refund), the newest one that is not (or is), as a partner's work would go.
   *  Refunds keep to their kind of order (static-code or not): the newest order paid is most often a
   *  static code's. A refund of a static-code order whose payment was refused (or is still
   *  running): the newest static-code order. */
  const orderFor = (op: OpenOp) => {
    const planned = orders.get(op.order);
    const staticCode = op.staticOrder === true;
    if (!planned && staticCode) return [...orders.values()].reverse().find((order) => order.staticCode);
    const wantPaid = op.kind === 'refund';
    if (!planned || planned.paid === wantPaid || op.kind === 'orderClose') return planned;
    return [...orders.values()].reverse().find((order) => order.paid === wantPaid && order.staticCode === staticCode) ?? planned;
  };
  const result: OpenRun = { partnerRecords: [], payouts: new Set(), tally: {}, passes: { requested: 0, final: 0, finalOffsetMs: 0 } };
  const count = (kind: string, outcome: string) => {
    result.tally[kind] ??= {};
    result.tally[kind][outcome] = (result.tally[kind][outcome] ?? 0) + 1;
  };

  const refund = async (op: OpenOp, order: Order, amountFen: number, part: number) => {
    const outRefundNo = `RF${ctx.seed.toString(36)}x${op.id}x${part}`;
    const path = `/v1/open/orders/${order.orderId}/refunds`;
    const record: PartnerRecord = { op, kind: 'refund', key: `${op.key}-r${part}`, orderId: order.orderId, outRefundNo, amountFen, answers: [] };
    result.partnerRecords.push(record);
    const body = { outRefundNo, amountFen };
    record.answers.push(await partnerSend(refundClient, path, record.key, body));
    const kind = order.staticCode ? 'refund of a static-code order' : 'refund';
    count(kind, said(record.answers[0]!));
    if (op.again) {
      // The same refund number again under another key: the same refund, nothing more.
      const again: PartnerRecord = { ...record, key: `${record.key}-again`, answers: [await partnerSend(refundClient, path, `${record.key}-again`, body)] };
      result.partnerRecords.push(again);
      count(`${kind} (same number again)`, said(again.answers[0]!));
    }
  };

  /** The day close's settlement step (services/merchant-settlement.ts) as the close runs it, for a
   *  closed date of its own (one settlement per merchant and date), so that refunds meet emptied
   *  wallets (and the reserve) in the mix; the second merchant's bank refuses every payout (its
   *  account ends 7777), so returned settlements are in it too. */
  const payout = async (op: OpenOp) => {
    const closedDate = addDays('2030-01-01', op.id);
    const report = await patiently(() => settleMerchants(closedDate, new Date()));
    result.payouts.add(closedDate);
    count('payout', `settled ${report.merchantsSettled}, returned ${report.settlementsReturned}, pending ${report.settlementsPending}`);
  };

  const run = async (op: OpenOp): Promise<void> => {
    if (op.kind === 'orderCreate') {
      const outTradeNo = `BT${ctx.seed.toString(36)}x${op.id}`;
      const body = { merchantId: world.merchantIds[op.merchant]!, outTradeNo, amountFen: op.amountFen, description: '银行测试社区订单', ...(op.expiresInMinutes ? { expiresInMinutes: op.expiresInMinutes } : {}) };
      const record: PartnerRecord = { op, kind: 'create', key: op.key, outTradeNo, amountFen: op.amountFen, answers: [await partnerSend(orderClient, '/v1/open/orders', op.key, body)] };
      result.partnerRecords.push(record);
      const answer = record.answers[0]!;
      count('orderCreate', said(answer));
      if (answer.outcome === 'ok') {
        record.orderId = String(answer.body.orderId);
        orders.set(op.id, { orderId: record.orderId, amountFen: op.amountFen, paid: false, staticCode: false });
      }
      return;
    }
    if (op.kind === 'reserveDeposit') {
      const changeId = `bank-${ctx.seed.toString(36)}-${op.id}`;
      await patiently(() => fundReserve(world.partner, op.amountFen, changeId));
      world.deposits.set(deterministicJournalId('reserveDeposit', changeId), op.amountFen);
      return count('reserveDeposit', 'booked');
    }
    if (op.kind === 'webhookPass') {
      result.passes.requested++;
      const answer = await send(passClient, { method: 'POST', path: '/v1/admin/webhooks/deliver', token: '', headers: () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! }) });
      return count('webhookPass', said(answer));
    }
    if (op.kind === 'payout') return payout(op);
    if (op.kind === 'codePay') {
      const answers = await ctx.payCode(op.payers[0]!, world.merchantIds[op.merchant]!, op.amountFen, op);
      // The payment made its order, paid: the partner may refund it.
      const paid = answers.find((a) => a.outcome === 'ok');
      if (paid) orders.set(op.id, { orderId: String(paid.body.order.orderId), amountFen: op.amountFen, paid: true, staticCode: true });
      return count(op.again ? 'codePay (sent again, same key)' : 'codePay', answers.map(said).join(' + '));
    }
    const order = orderFor(op);
    // Its order was never made (refused, unknown, or its create still running).
    if (!order) return count(op.kind, 'no order');
    if (op.kind === 'orderPay') {
      const answers = (await Promise.all(op.payers.map((who, n) => ctx.payOrder(who, order.orderId, order.amountFen, op, n)))).flat();
      if (answers.some((a) => a.outcome === 'ok')) order.paid = true;
      return count(op.payers.length > 1 ? 'orderPay (two customers at once)' : op.again ? 'orderPay (sent again, same key)' : 'orderPay', answers.map(said).join(' + '));
    }
    if (op.kind === 'orderClose') {
      const record: PartnerRecord = { op, kind: 'close', key: op.key, orderId: order.orderId, answers: [await partnerSend(orderClient, `/v1/open/orders/${order.orderId}/close`, op.key)] };
      result.partnerRecords.push(record);
      return count('orderClose', said(record.answers[0]!));
    }
    await Promise.all(op.refundsPermille.map((permille, part) => refund(op, order, Math.max(1, Math.round((order.amountFen * permille) / 1_000)), part)));
  };

  /** After the run: delivery passes until nothing is due, the bank's clock (and the partner's)
   *  moved on through the retry schedule so that every attempt left falls due. */
  const finalPasses = async (): Promise<void> => {
    for (const offsetMs of [0, 6 * 60_000, 40 * 60_000, 3 * 3_600_000, 8 * 3_600_000, 20 * 3_600_000, 32 * 3_600_000]) {
      world.clockOffsetMs.value = offsetMs;
      result.passes.finalOffsetMs = offsetMs;
      for (let n = 0; n < 200; n++) {
        result.passes.final++;
        const report = await patiently(() => deliverDueWebhooks(new Date(Date.now() + offsetMs)));
        if (report.due === 0) break;
      }
    }
    world.clockOffsetMs.value = 0;
  };

  return { run, finalPasses, result };
}
