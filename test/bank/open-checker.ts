// The bank checker's open-platform part (issue 19), over the whole table after the run: orders paid
// at most once and refunded never beyond what was paid, each refund in the ledger and the order's
// totals, every merchant's wallet reconciled with its orders, refunds and payouts (settlements),
// each partner's reserve with its deposits and the refunds it paid, one webhook event per payment
// and per refund, delivered and applied once by the partner — and what the partner was told
// matches all of it. Orders a static code's payment made (收款码, source STATIC_CODE) are orders
// like the others here — their payment, refunds, wallet, events — and the partner booked each
// such sale once, from its order.paid. The customers' side of a payment (its key, nonce, balance
// and limits, the order a static code's answer names) is the main check's, like any money request.
import { openEventId } from '../../functions/domain/open/webhook.js';
import type { Item } from '../support/ledger-check.js';
import type { Answer } from './client.js';

type Posting = { accountId: string; amountFen: number; counterparty?: string };

/** What the run did on the partner's side, as it was told. */
export interface OpenInput {
  partnerId: string;
  merchantIds: string[];
  /** The partner's requests (creates, closes, refunds) and their answers. */
  requests: { kind: 'create' | 'close' | 'refund'; key: string; orderId?: string; outTradeNo?: string; outRefundNo?: string; amountFen?: number; answers: Answer[] }[];
  /** Reserve deposits the run booked: journal id → amount. */
  deposits: ReadonlyMap<string, number>;
  /** The partner's server: each event it acknowledged (once per id, with how many deliveries),
   *  and the deliveries it refused as not the bank's. */
  received: { id: string; type: string; timesAcknowledged: number }[];
  refused: number;
  /** The partner's server's sales: here only those it booked from a static code's order.paid
   *  (outTradeNo null; the run's own orders are not made through it). */
  sales: { orderId: string; outTradeNo: string | null; merchantId: string; amountFen: number; state: string; appliedEventIds: string[] }[];
}

export interface OpenResult {
  violations: string[];
  /** Journals the partner's answers and the run's own steps account for (refunds, deposits,
   *  payouts and settlements); payments are the customers' requests'. */
  journals: Set<string>;
  /** Deposits: written without an Idempotency-Key. */
  unkeyed: Set<string>;
  /** Partner keys whose requests nobody learnt the outcome of (may be left in flight). */
  unknownKeys: Set<string>;
  /** What refunds paid into customers' accounts. */
  moves: [string, number][];
  counts: { orders: number; paid: number; refunds: number; fromReserve: number; events: number; payouts: number; staticOrders: number; staticRefunds: number };
}

/** Journals that pay a wallet out, or bring a payout back (the day close's settlement). */
const SETTLEMENT_KINDS = new Set(['MERCHANT_SETTLEMENT', 'SETTLEMENT_RETURN']);

export function openPlatformCheck(items: Item[], journals: ReadonlyMap<string, Item>, input: OpenInput): OpenResult {
  const violations: string[] = [];
  const expected = new Set<string>();
  const unknownKeys = new Set<string>();
  const moves: [string, number][] = [];
  const postingsOf = (journal: Item | undefined) => (journal?.postings ?? []) as Posting[];
  const ours = (i: Item) => i.partnerId === input.partnerId;
  // Every order of the partner the table holds — those it made and those static codes' payments
  // made — not only those the run was told of: the wallets' sums below take them all.
  const orders = new Map(items.filter((i) => i.type === 'MERCHANT_ORDER' && ours(i)).map((o) => [String(o.orderId), o]));
  const refunds = items.filter((i) => i.type === 'MERCHANT_REFUND' && ours(i));
  const walletOf = (merchantId: string) => `WALLET-${merchantId}`;
  const reserveId = `RESERVE-${input.partnerId}`;
  const balance = (accountId: string) => Number(items.find((i) => i.SK === 'BALANCE' && i.PK === `ACCT#${accountId}`)?.balanceFen ?? Number.NaN);

  // Payments, by the order their wallet posting names.
  const payments = new Map<string, Item[]>();
  for (const journal of journals.values()) {
    if (journal.kind !== 'MERCHANT_PAYMENT') continue;
    const wallet = postingsOf(journal).find((p) => p.accountId.startsWith('WALLET-'));
    const orderId = String(wallet?.counterparty);
    payments.set(orderId, [...(payments.get(orderId) ?? []), journal]);
  }
  const refundsOf = new Map<string, Item[]>();
  for (const refund of refunds) refundsOf.set(String(refund.orderId), [...(refundsOf.get(String(refund.orderId)) ?? []), refund]);

  const nets = new Map<string, number>(input.merchantIds.map((m) => [walletOf(m), 0]));
  const addNet = (accountId: string, fen: number) => nets.set(accountId, (nets.get(accountId) ?? 0) + fen);
  for (const [orderId, paid] of payments) {
    const order = orders.get(orderId);
    if (paid.length > 1) violations.push(`order ${orderId} paid ${paid.length} times: ${paid.map((j) => j.journalId).join(', ')}`);
    if (!order) {
      if (paid.some((j) => postingsOf(j).some((p) => input.merchantIds.some((m) => p.accountId === walletOf(m))))) violations.push(`payment ${paid[0]!.journalId} names order ${orderId}, which is not in the table`);
    }
  }
  for (const [orderId, order] of orders) {
    const tag = `order ${orderId}`;
    const amountFen = Number(order.amountFen);
    const feeFen = Number(order.feeFen ?? 0);
    const paid = payments.get(orderId) ?? [];
    const refunded = refundsOf.get(orderId) ?? [];
    if (Number(order.refundedFen) > amountFen) violations.push(`${tag}: refunded ${order.refundedFen} of ${amountFen} paid`);
    if (Number(order.refundedFeeFen) > feeFen) violations.push(`${tag}: gave back ${order.refundedFeeFen} of a fee of ${feeFen}`);
    if ((order.status === 'PAID') !== (paid.length > 0)) violations.push(`${tag}: ${order.status} with ${paid.length} payment journal(s)`);
    if (paid.length > 0 && order.status === 'PAID') {
      const journal = paid[0]!;
      const [customer, wallet, fee] = [
        postingsOf(journal).find((p) => p.accountId === order.payerAccountId),
        postingsOf(journal).find((p) => p.accountId === walletOf(String(order.merchantId))),
        postingsOf(journal).find((p) => p.accountId.startsWith('HOUSE-MERCHANT-FEE-INCOME~')),
      ];
      if (order.paymentJournalId !== journal.journalId || customer?.amountFen !== -amountFen || wallet?.amountFen !== amountFen - feeFen || (fee?.amountFen ?? 0) !== feeFen) {
        violations.push(`${tag}: paid ${amountFen} (fee ${feeFen}) by ${order.paymentJournalId}, the ledger holds ${journal.journalId} ${JSON.stringify(journal.postings)}`);
      }
      addNet(walletOf(String(order.merchantId)), amountFen - feeFen);
    }
    // Its refunds add up to its totals, each with its journal.
    const sum = (field: string) => refunded.reduce((s, r) => s + Number(r[field]), 0);
    if (sum('amountFen') !== Number(order.refundedFen)) violations.push(`${tag}: refunds add up to ${sum('amountFen')}, the order says ${order.refundedFen} refunded`);
    if (sum('feeRefundFen') !== Number(order.refundedFeeFen)) violations.push(`${tag}: refunds gave back ${sum('feeRefundFen')} of the fee, the order says ${order.refundedFeeFen}`);
    if (refunded.length !== Number(order.refundCount ?? 0)) violations.push(`${tag}: ${refunded.length} refunds, the order counts ${order.refundCount}`);
    if (refunded.length > 0 && order.status !== 'PAID') violations.push(`${tag}: ${order.status}, yet refunded`);
    for (const refund of refunded) {
      const journal = journals.get(String(refund.journalId));
      const merchantPart = Number(refund.amountFen) - Number(refund.feeRefundFen);
      const from = refund.source === 'WALLET' ? walletOf(String(order.merchantId)) : reserveId;
      const paidTo = postingsOf(journal).find((p) => p.accountId === order.payerAccountId)?.amountFen;
      const taken = postingsOf(journal).find((p) => p.accountId === from)?.amountFen ?? 0;
      if (journal?.kind !== 'MERCHANT_REFUND' || paidTo !== Number(refund.amountFen) || taken !== -merchantPart) {
        violations.push(`refund ${refund.refundId} of ${tag}: ${refund.amountFen} (${merchantPart} from the ${String(refund.source).toLowerCase()}), the ledger holds ${refund.journalId} ${JSON.stringify(journal?.postings)}`);
      }
      if (journal) {
        expected.add(String(refund.journalId));
        moves.push([String(order.payerAccountId), Number(refund.amountFen)]);
      }
      if (refund.source === 'WALLET') addNet(from, -merchantPart);
    }
  }
  const refundJournals = new Set(refunds.map((r) => String(r.journalId)));
  for (const journal of journals.values()) {
    if (journal.kind === 'MERCHANT_REFUND' && !refundJournals.has(String(journal.journalId))) violations.push(`refund journal ${journal.journalId} has no refund`);
  }

  // Each wallet: what its orders brought in less what it refunded = what it holds + what was paid
  // out (settlements, net of any that came back). Each reserve: its deposits less the refunds it
  // paid = what it holds.
  const settled = new Map<string, number>();
  let reserveIn = 0;
  for (const journal of journals.values()) {
    if (SETTLEMENT_KINDS.has(String(journal.kind))) {
      expected.add(String(journal.journalId));
      for (const p of postingsOf(journal)) if (p.accountId.startsWith('WALLET-')) settled.set(p.accountId, (settled.get(p.accountId) ?? 0) - p.amountFen);
    }
    if (journal.kind === 'RESERVE_DEPOSIT' && postingsOf(journal).some((p) => p.accountId === reserveId)) {
      const booked = input.deposits.get(String(journal.journalId));
      const amount = postingsOf(journal).find((p) => p.accountId === reserveId)!.amountFen;
      if (booked !== amount) violations.push(`reserve deposit ${journal.journalId} of ${amount}: the run booked ${booked ?? 'no such deposit'}`);
      reserveIn += amount;
      expected.add(String(journal.journalId));
    }
  }
  for (const [journalId] of input.deposits) if (!journals.has(journalId)) violations.push(`reserve deposit ${journalId} is not in the ledger`);
  // Each settlement: its journal took exactly its amount from its merchant's wallet; RETURNED iff
  // a return of that journal is written; PAID with the gateway's reference.
  const returned = new Set([...journals.values()].filter((j) => j.kind === 'SETTLEMENT_RETURN').map((j) => String(j.reverses)));
  for (const settlement of items.filter((i) => i.type === 'MERCHANT_SETTLEMENT' && ours(i))) {
    const tag = `settlement ${settlement.settlementId}`;
    const debit = postingsOf(journals.get(String(settlement.journalId))).find((p) => p.accountId === walletOf(String(settlement.merchantId)));
    if (debit?.amountFen !== -Number(settlement.amountFen)) violations.push(`${tag} of ${settlement.amountFen}: its journal took ${debit ? -debit.amountFen : 'nothing'} from the wallet`);
    if ((settlement.status === 'RETURNED') !== returned.has(String(settlement.journalId))) violations.push(`${tag} is ${settlement.status}, its journal ${returned.has(String(settlement.journalId)) ? 'was' : 'was not'} returned`);
    if (settlement.status === 'PAID' && !settlement.gatewayReference) violations.push(`${tag} is PAID without the gateway's reference`);
  }
  for (const [walletId, netFen] of nets) {
    const held = balance(walletId);
    const out = settled.get(walletId) ?? 0;
    if (netFen !== held + out) violations.push(`wallet ${walletId}: payments less wallet-funded refunds come to ${netFen}, it holds ${held} and ${out} was paid out`);
  }
  const fromReserve = refunds.filter((r) => r.source === 'RESERVE').reduce((s, r) => s + Number(r.amountFen) - Number(r.feeRefundFen), 0);
  if (reserveIn - fromReserve !== balance(reserveId)) violations.push(`reserve ${reserveId}: deposits ${reserveIn} less refunds ${fromReserve} ≠ its balance ${balance(reserveId)}`);

  // What the partner was told.
  const byNumber = new Map<string, Item>(refunds.map((r) => [String(r.outRefundNo), r]));
  const asked = new Map<string, { oks: Answer[]; unknown: boolean; refused: Answer[]; orderId?: string; amountFen?: number }>();
  const outTradeNos = new Map([...orders.values()].filter((o) => o.outTradeNo !== null).map((o) => [String(o.outTradeNo), o]));
  for (const request of input.requests) {
    const oks = request.answers.filter((a) => a.outcome === 'ok');
    const refused = request.answers.filter((a) => a.outcome === 'rejected');
    const unknown = request.answers.some((a) => a.outcome === 'unknown');
    if (unknown || request.answers.length === 0) unknownKeys.add(request.key);
    const tag = `partner ${request.kind} key ${request.key}`;
    if (oks.length > 0 && refused.length > 0) violations.push(`${tag}: answered 200 and ${refused.map((a) => `${a.status} ${a.code}`).join(', ')}`);
    if (request.kind === 'create') {
      const order = outTradeNos.get(String(request.outTradeNo));
      if (oks.length > 0 && (order?.orderId !== oks[0]!.body.orderId || Number(order?.amountFen) !== request.amountFen)) violations.push(`${tag}: answered order ${oks[0]!.body.orderId}, the table holds ${order?.orderId ?? 'none'} for ${request.outTradeNo}`);
      if (oks.length === 0 && !unknown && refused.length > 0 && order) violations.push(`${tag}: refused ${refused[0]!.status} ${refused[0]!.code}, yet order ${order.orderId} was made`);
    } else if (request.kind === 'close') {
      const order = orders.get(String(request.orderId));
      const state = oks[0]?.body?.state;
      if (oks.length > 0 && (state !== 'CLOSED' || order?.status !== 'CLOSED')) violations.push(`${tag}: answered ${state}, the order is ${order?.status}`);
      if (refused.some((a) => a.code === 'ORDER_PAID') && order?.status !== 'PAID') violations.push(`${tag}: refused as paid, the order is ${order?.status}`);
    } else {
      const entry = asked.get(String(request.outRefundNo)) ?? { oks: [], refused: [], unknown: false, orderId: request.orderId, amountFen: request.amountFen };
      entry.oks.push(...oks);
      entry.refused.push(...refused);
      entry.unknown ||= unknown || request.answers.length === 0;
      asked.set(String(request.outRefundNo), entry);
    }
  }
  for (const [outRefundNo, entry] of asked) {
    const refund = byNumber.get(outRefundNo);
    const tag = `refund ${outRefundNo} of order ${entry.orderId}`;
    if (new Set(entry.oks.map((a) => a.body.refundId)).size > 1) violations.push(`${tag}: answered as different refunds ${entry.oks.map((a) => a.body.refundId).join(', ')}`);
    const answered = entry.oks[0]?.body;
    if (answered && (refund?.refundId !== answered.refundId || refund?.amountFen !== entry.amountFen || refund?.orderId !== entry.orderId || refund?.source !== answered.fundsSource)) {
      violations.push(`${tag}: answered ${answered.refundId} of ${answered.amountFen} from ${answered.fundsSource}, the table holds ${JSON.stringify(refund ?? null)}`);
    }
    if (!answered && !entry.unknown && refund) violations.push(`${tag}: refused (${entry.refused.map((a) => `${a.status} ${a.code}`).join(', ')}), yet refund ${refund.refundId} was made`);
  }
  for (const outRefundNo of byNumber.keys()) if (!asked.has(outRefundNo)) violations.push(`refund ${outRefundNo} was made, but the partner never asked for it`);

  // One event per payment and per refund, each delivered to the partner, who applied it once.
  const events = items.filter((i) => i.type === 'WEBHOOK_EVENT' && i.event?.partnerId === input.partnerId);
  const eventIds = new Map<string, Item[]>();
  for (const event of events) eventIds.set(String(event.event.eventId), [...(eventIds.get(String(event.event.eventId)) ?? []), event]);
  const want = new Map<string, string>();
  for (const [orderId, order] of orders) if (order.status === 'PAID') want.set(openEventId('order.paid', orderId), 'order.paid');
  for (const refund of refunds) want.set(openEventId('refund.succeeded', String(refund.refundId)), 'refund.succeeded');
  const received = new Map<string, { type: string; timesAcknowledged: number }[]>();
  for (const event of input.received) received.set(event.id, [...(received.get(event.id) ?? []), event]);
  for (const [eventId, type] of want) {
    const stored = eventIds.get(eventId) ?? [];
    if (stored.length !== 1) violations.push(`${type} event ${eventId}: ${stored.length} stored`);
    const deliveries = (stored[0]?.deliveries ?? []) as { url: string; status: string }[];
    if (stored.length > 0 && (deliveries.length === 0 || deliveries.some((d) => d.status !== 'DELIVERED'))) violations.push(`${type} event ${eventId}: deliveries ${JSON.stringify(deliveries.map((d) => d.status))}, not all DELIVERED`);
    const seen = received.get(eventId) ?? [];
    if (seen.length !== 1 || seen[0]!.type !== type || seen[0]!.timesAcknowledged < 1) violations.push(`${type} event ${eventId}: the partner holds ${JSON.stringify(seen)}, not the event once`);
  }
  for (const [eventId, stored] of eventIds) {
    const type = String(stored[0]!.event.type);
    if ((type === 'order.paid' || type === 'refund.succeeded') && !want.has(eventId)) violations.push(`${type} event ${eventId} for no payment or refund`);
  }
  for (const event of input.received) if (!eventIds.has(event.id)) violations.push(`the partner applied event ${event.id} (${event.type}), which the bank never recorded`);
  if (input.refused > 0) violations.push(`the partner refused ${input.refused} deliveries as not the bank's`);

  // Each static code's order: booked by the partner once, from its order.paid, as the bank holds it.
  // The sale applies that event first and once; after it, only its own refunds' events (one that
  // came before the sale was booked is not applied to it: the simulator's way, not the bank's).
  const staticOrders = [...orders.values()].filter((o) => o.source === 'STATIC_CODE');
  const sales = new Map<string, OpenInput['sales']>();
  for (const sale of input.sales) if (sale.outTradeNo === null) sales.set(sale.orderId, [...(sales.get(sale.orderId) ?? []), sale]);
  for (const order of staticOrders) {
    const booked = sales.get(String(order.orderId)) ?? [];
    const paidEvent = openEventId('order.paid', String(order.orderId));
    const refundEvents = new Set((refundsOf.get(String(order.orderId)) ?? []).map((r) => openEventId('refund.succeeded', String(r.refundId))));
    const sale = booked[0];
    const applied = sale?.appliedEventIds ?? [];
    const asBooked = booked.length === 1 && sale!.amountFen === Number(order.amountFen) && sale!.merchantId === order.merchantId && sale!.state === 'PAID';
    const appliedOnce = applied[0] === paidEvent && new Set(applied).size === applied.length && applied.slice(1).every((id) => refundEvents.has(id));
    if (!asBooked || !appliedOnce) violations.push(`static-code order ${order.orderId} of ${order.amountFen} to ${order.merchantId}: the partner booked ${JSON.stringify(booked)}, not the sale once from ${paidEvent}`);
  }
  for (const orderId of sales.keys()) if (orders.get(orderId)?.source !== 'STATIC_CODE') violations.push(`the partner booked a static-code sale for ${orderId}, which is no static-code order of the bank's`);

  return {
    violations,
    journals: expected,
    unkeyed: new Set(input.deposits.keys()),
    unknownKeys,
    moves,
    counts: {
      orders: orders.size,
      paid: [...orders.values()].filter((o) => o.status === 'PAID').length,
      refunds: refunds.length,
      fromReserve: refunds.filter((r) => r.source === 'RESERVE').length,
      events: events.length,
      payouts: [...journals.values()].filter((j) => SETTLEMENT_KINDS.has(String(j.kind))).length,
      staticOrders: staticOrders.length,
      staticRefunds: refunds.filter((r) => orders.get(String(r.orderId))?.source === 'STATIC_CODE').length,
    },
  };
}
