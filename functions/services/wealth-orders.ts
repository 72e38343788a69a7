// A customer's wealth workflows: the risk questionnaire and assessment; purchase (product rules,
// suitability and the acknowledged disclosure, then the second factor); cooling-off cancel;
// redemption (normal T+1, or money-market fast T+0 within the daily cap); and the reads of orders
// and holdings. Every write is one transaction with its journal and the second factor that
// confirms it; ids derive from the Idempotency-Key.
import { config } from '../config.js';
import type { CustomerEvent } from '../domain/customer-events.js';
import { refuse } from '../domain/errors.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import type { LimitCharge } from '../domain/limits.js';
import { addDays } from '../domain/loan/dates.js';
import { wealthPurchaseJournal, wealthRedemptionJournal, wealthRefundJournal } from '../domain/wealth/journals.js';
import {
  assertCancellable,
  assertPurchasable,
  INSUFFICIENT_UNITS,
  isOnSale,
  NOT_CANCELLABLE,
  orderDates,
  orderIdFor,
  type RedemptionMode,
  type RedemptionSplit,
  splitRedemption,
} from '../domain/wealth/orders.js';
import { isMoneyMarket, MONEY_MARKET_NAV_CENTI_FEN, riskDisclosure, type WealthProduct } from '../domain/wealth/product.js';
import {
  assessRisk,
  isSuitable,
  RISK_QUESTIONNAIRE_VERSION,
  RISK_QUESTIONS,
  type RiskAnswer,
  type RiskAssessment,
  type Suitability,
  suitability,
} from '../domain/wealth/risk.js';
import { valueFen } from '../domain/wealth/units.js';
import { allInOrder } from '../platform/all-in-order.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { getAccount, limitCounters } from '../store/accounts.js';
import { bankDay, currentBusinessDate } from '../store/business-date.js';
import { deterministicJournalId, type Guard, postJournal } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';
import { creditRecordedEvent, customerEventGuards } from './customer-events.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';
import { loadNonceAccount } from './money-request.js';
import { type OpenedSecondFactor, requireSecondFactor } from './second-factor.js';
import { fastRedeemDailyCapFen, findProduct, type ProductQuote, quoteOn } from './wealth-products.js';
import { cancelJournalId, cancelledBy } from './wealth-quotes.js';

const DEFAULT_ORDER_PAGE = 20;

/** Concurrent fast redemptions may use the cap between our read and our write: split again on
 *  what is left, a few quick times. */
const FAST_CAP_RACE: RetryPolicy = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, retryable: isTryAgain };

const REDEMPTION_REFUSALS = { HOLDING_UNITS: INSUFFICIENT_UNITS };
const CANCEL_REFUSALS = { ORDER_NOT_PENDING: NOT_CANCELLABLE };

async function balanceOf(accountId: string): Promise<number> {
  return (await getAccount(accountId))?.balanceFen ?? 0;
}

async function ownOrder(customerId: string, orderId: string): Promise<wealth.WealthOrderRecord> {
  // Orders live under their owner's key: another customer's order id simply is not there.
  return (await wealth.getOrder(customerId, orderId)) ?? refuse('not_found', 'ORDER_NOT_FOUND', '未找到该笔理财订单');
}

/** What is left of today's fast-redemption cap of the product on the account. */
async function fastCapLeftFen(accountId: string, productId: string, today: string): Promise<number> {
  const bucket = wealth.fastRedemptionBucket(productId, today);
  const usedFen = (await limitCounters(accountId, [bucket]))[bucket] ?? 0;
  return Math.max(0, fastRedeemDailyCapFen() - usedFen);
}

// ---- risk questionnaire -------------------------------------------------------------------------

export function riskQuestionnaire() {
  return { questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, questions: RISK_QUESTIONS, validityMonths: config().WEALTH_RISK_VALIDITY_MONTHS };
}

export async function riskProfile(customerId: string, now: Date): Promise<{ assessment: RiskAssessment | undefined; today: string }> {
  const [assessment, today] = await allInOrder([wealth.getAssessment(customerId), currentBusinessDate(now)]);
  return { assessment, today };
}

export async function assessCustomerRisk(
  customerId: string,
  answered: { questionnaireVersion: string; answers: readonly RiskAnswer[] },
  now: Date,
): Promise<{ assessment: RiskAssessment; today: string }> {
  await loadCustomer(customerId);
  const today = await currentBusinessDate(now);
  const assessment = assessRisk(answered, today, config().WEALTH_RISK_VALIDITY_MONTHS);
  await wealth.saveAssessment(customerId, assessment, now);
  return { assessment, today };
}

// ---- purchase and cancel ------------------------------------------------------------------------

export interface PurchaseTerms {
  quote: ProductQuote;
  suitability: Suitability;
  assessment: RiskAssessment | undefined;
  /** The product is above the customer's (valid) level: the products on sale the customer may buy. */
  suitableProducts: ProductQuote[];
  confirmDate: string;
  /** Bought now: until when it may be cancelled; null without cooling-off. */
  cancellableUntil: string | null;
  disclosure: ReturnType<typeof riskDisclosure>;
  balanceFen: number;
}

/** Whether the customer may buy the product today, and on what terms. */
export async function purchaseTerms(customerId: string, productId: string, now: Date): Promise<PurchaseTerms> {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  const product = await findProduct(productId);
  const { businessDate: today, now: clock } = await bankDay(now);
  const assessment = await wealth.getAssessment(customerId);
  const { confirmDate, cancellableUntil } = orderDates(product, today, clock);
  const fit = suitability(assessment, product.riskLevel, today);
  const suitableProducts =
    !fit.ok && fit.code === 'RISK_LEVEL_TOO_LOW'
      ? (await wealth.currentWealthProducts()).filter((other) => isOnSale(other, today) && isSuitable(assessment!.level, other.riskLevel))
      : [];
  return {
    quote: await quoteOn(product, today),
    suitability: fit,
    assessment,
    suitableProducts: await Promise.all(suitableProducts.map((other) => quoteOn(other, today))),
    confirmDate,
    cancellableUntil,
    disclosure: riskDisclosure(product),
    balanceFen: account.balanceFen,
  };
}

/** An order as a money-moving request left it, with the journal that moved the money. */
export interface OrderResult {
  journalId: string;
  order: wealth.WealthOrderRecord;
  today: string;
  /** The bank's clock when the answer was made: whether the order may still be cancelled. */
  asOf: Date;
  balanceFen: number;
}

/** Pays for an order at once into the product's custody; the units come with its confirmation,
 *  by a day close after its cooling-off has passed. The order, the journal, the second factor and
 *  the funnel event are one transaction. The order's time is the bank's clock (platform/clock.ts);
 *  the second factor and the journal keep the wall clock. */
export async function purchase(request: {
  customerId: string;
  productId: string;
  amountFen: number;
  disclosureVersion: string;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
}): Promise<OrderResult> {
  const { customerId, amountFen, secondFactor, now } = request;
  const journalId = deterministicJournalId(customerId, 'wealth-purchase', request.idempotencyKey);
  const orderId = orderIdFor(journalId);
  const [{ customer, account }, { businessDate: today, now: clock }, existing, product, assessment] = await allInOrder([
    loadNonceAccount(customerId, secondFactor),
    bankDay(now),
    wealth.getOrder(customerId, orderId),
    findProduct(request.productId),
    wealth.getAssessment(customerId),
  ]);
  // A retry of a request whose answer was lost finds its order.
  if (existing) return { journalId, order: existing, today, asOf: clock, balanceFen: await balanceOf(account.accountId) };

  const { confirmDate, cancellableUntil } = assertPurchasable(product, amountFen, today, clock);
  const fit = suitability(assessment, product.riskLevel, today);
  if (!fit.ok) return refuse('unprocessable', fit.code, fit.message);
  if (request.disclosureVersion !== product.disclosureVersion) {
    refuse('unprocessable', 'DISCLOSURE_OUTDATED', '产品风险揭示书已更新，请重新阅读并确认');
  }
  const factor = await requireSecondFactor(customer, secondFactor, now);

  const order: wealth.WealthOrderRecord = {
    orderId,
    customerId,
    accountId: account.accountId,
    kind: 'PURCHASE',
    redemption: null,
    productId: product.productId,
    productName: product.name,
    productVersion: product.version,
    status: 'PENDING',
    placedAt: clock.toISOString(),
    placedOn: today,
    confirmDate,
    cancellableUntil,
    amountFen,
    unitsCenti: null,
    navCentiFen: null,
    navDate: null,
    valueFen: null,
    residualFen: null,
    proceedsFen: null,
    journalId,
    settlementJournalId: null,
    settledAt: null,
    riskAcknowledgement: {
      disclosureVersion: request.disclosureVersion,
      acknowledgedAt: clock.toISOString(),
      // A suitable customer has a valid assessment.
      customerRiskLevel: assessment!.level,
      productRiskLevel: product.riskLevel,
      assessmentValidThrough: assessment!.validThrough,
    },
  };
  const journal = wealthPurchaseJournal({
    journalId,
    createdAt: now.toISOString(),
    productName: product.name,
    orderId,
    customerAccountId: account.accountId,
    custodyShardAccountId: wealth.custodyShard(product.productId, journalId),
    amountFen,
  });
  const event: CustomerEvent = { customerId, kind: 'WEALTH_PURCHASED', at: journal.createdAt, ref: orderId, amountFen, product: { type: 'WEALTH', id: product.productId } };
  const outcome = await postJournal(journal, { guards: [...factor.guards, ...wealth.newOrderGuards(order), ...customerEventGuards(event)] });
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: factor.texts });
  // A replay (an earlier try of this request committed) stored its event and order as they were
  // then: credited and answered as stored.
  const [, placed, balanceFen] = await allInOrder([
    creditRecordedEvent({ ...event, at: outcome.journal.createdAt }),
    outcome.replayed ? ownOrder(customerId, orderId) : Promise.resolve(order),
    balanceOf(account.accountId),
  ]);
  return { journalId, order: placed, today, asOf: clock, balanceFen };
}

/** Cancels a purchase within its cooling-off period (before `cancellableUntil` on the bank's
 *  clock): the order is void and refunded in full, in one transaction with the second factor. */
export async function cancelPurchase(request: {
  customerId: string;
  orderId: string;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
}): Promise<OrderResult> {
  const { customerId, secondFactor, now } = request;
  const [{ customer, account }, order, { businessDate: today, now: clock }] = await allInOrder([
    loadNonceAccount(customerId, secondFactor),
    ownOrder(customerId, request.orderId),
    bankDay(now),
  ]);
  const journalId = cancelJournalId(customerId, request.idempotencyKey);
  if (cancelledBy(order, journalId)) {
    return { journalId, order, today, asOf: clock, balanceFen: await balanceOf(account.accountId) };
  }
  assertCancellable(order, clock);
  const factor = await requireSecondFactor(customer, secondFactor, now);
  const next: wealth.WealthOrderRecord = { ...order, status: 'CANCELLED', settlementJournalId: journalId, settledAt: now.toISOString() };
  const journal = wealthRefundJournal({
    journalId,
    createdAt: now.toISOString(),
    productName: order.productName,
    orderId: order.orderId,
    customerAccountId: order.accountId,
    custodyShardAccountId: wealth.custodyShard(order.productId, journalId),
    amountFen: order.amountFen!,
    reason: 'COOLING_OFF',
  });
  // The close confirms an order only after its cooling-off, but the write is conditional on it
  // still pending all the same.
  const outcome = await postJournal(journal, { guards: [...factor.guards, ...wealth.settleOrderGuards(order, next)] });
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: { ...CANCEL_REFUSALS, ...factor.texts } });
  const [cancelled, balanceFen] = await allInOrder([outcome.replayed ? ownOrder(customerId, order.orderId) : Promise.resolve(next), balanceOf(account.accountId)]);
  return { journalId, order: cancelled, today, asOf: clock, balanceFen };
}

// ---- redemption ---------------------------------------------------------------------------------

export interface RedemptionResult {
  /** The part paid at once, if any. */
  fast: wealth.WealthOrderRecord | undefined;
  /** The part the close of T+1 pays, if any. */
  normal: wealth.WealthOrderRecord | undefined;
  /** Part of a fast request went normal because of the daily cap. */
  capExceeded: boolean;
  today: string;
  /** The bank's clock when the answer was made. */
  asOf: Date;
  balanceFen: number;
}

/** What one redemption request writes, whichever way it splits. */
interface Redemption {
  customerId: string;
  accountId: string;
  product: WealthProduct;
  unitsCenti: number;
  /** The wall clock (the journal's time) and the bank's (the orders' times). */
  now: Date;
  clock: Date;
  today: string;
  fastJournalId: string;
  fastOrderId: string;
  normalOrderId: string;
}

/** One transaction: the units leave the available ones (the fast part for good, the normal part
 *  frozen until its close) with the orders, a fast part's payment with the cap's counter, and
 *  `confirmedBy` (the second factor). */
function writeRedemption(redemption: Redemption, { fastUnitsCenti, normalUnitsCenti }: RedemptionSplit, confirmedBy: Guard[]): Promise<wealth.ChangeOutcome> {
  const { customerId, accountId, product, now, clock, today } = redemption;
  const order = {
    customerId,
    accountId,
    kind: 'REDEMPTION' as const,
    productId: product.productId,
    productName: product.name,
    productVersion: product.version,
    placedAt: clock.toISOString(),
    placedOn: today,
    cancellableUntil: null,
    amountFen: null,
    valueFen: null,
    residualFen: null,
    settlementJournalId: null,
    riskAcknowledgement: null,
  };
  const guards = [
    ...confirmedBy,
    // Both parts take their units in one condition: what is available covers the whole request.
    wealth.holdingGuard(
      { customerId, accountId, productId: product.productId, productName: product.name },
      { unitsCenti: -fastUnitsCenti, availableUnitsCenti: -redemption.unitsCenti, frozenUnitsCenti: normalUnitsCenti, redeemedFen: fastUnitsCenti },
      { availableAtLeast: redemption.unitsCenti },
    ),
  ];
  if (normalUnitsCenti > 0) {
    guards.push(
      ...wealth.newOrderGuards({
        ...order,
        orderId: redemption.normalOrderId,
        redemption: 'NORMAL',
        status: 'PENDING',
        confirmDate: addDays(today, 1),
        unitsCenti: normalUnitsCenti,
        navCentiFen: null,
        navDate: null,
        proceedsFen: null,
        journalId: null,
        settledAt: null,
      }),
    );
  }
  if (fastUnitsCenti === 0) return wealth.writeChange(guards);

  // A money-market unit-centi is worth exactly one fen (NAV 1.0000).
  const proceedsFen = valueFen(fastUnitsCenti, MONEY_MARKET_NAV_CENTI_FEN);
  const { fastJournalId: journalId, fastOrderId } = redemption;
  guards.push(
    ...wealth.newOrderGuards({
      ...order,
      orderId: fastOrderId,
      redemption: 'FAST',
      status: 'CONFIRMED',
      confirmDate: today,
      unitsCenti: fastUnitsCenti,
      navCentiFen: MONEY_MARKET_NAV_CENTI_FEN,
      navDate: today,
      proceedsFen,
      journalId,
      settledAt: clock.toISOString(),
    }),
  );
  const journal = wealthRedemptionJournal({
    journalId,
    createdAt: now.toISOString(),
    productName: product.name,
    orderId: fastOrderId,
    customerAccountId: accountId,
    custodyShardAccountId: wealth.custodyShard(product.productId, journalId),
    amountFen: proceedsFen,
    redemption: 'FAST',
  });
  // The daily cap is a counter in the same transaction: concurrent fast redemptions cannot
  // together pass it.
  const capCharge: LimitCharge = {
    accountId,
    limit: 'FAST_REDEEM_DAILY',
    bucket: wealth.fastRedemptionBucket(product.productId, today),
    amountFen: proceedsFen,
    limitFen: fastRedeemDailyCapFen(),
  };
  return wealth.writeChange(guards, { journal, limitCharges: [capCharge] });
}

/** Redeems units: normal (paid by the close of T+1 at that day's NAV), or for a money-market fund
 *  fast — paid at once within what is left of today's cap, the rest going normal. */
export async function redeem(request: {
  customerId: string;
  productId: string;
  mode: RedemptionMode;
  unitsCenti: number;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
}): Promise<RedemptionResult> {
  const { customerId, mode, unitsCenti, secondFactor, now } = request;
  const fastJournalId = deterministicJournalId(customerId, 'wealth-redeem-fast', request.idempotencyKey);
  const fastOrderId = orderIdFor(fastJournalId);
  const normalOrderId = orderIdFor(deterministicJournalId(customerId, 'wealth-redeem-normal', request.idempotencyKey));
  // What the redemption splits on, and what an earlier try of this request wrote (a retry of a
  // request whose answer was lost finds it; both parts are one write): independent reads.
  const [{ customer, account }, product, { businessDate: today, now: clock }, doneFast, doneNormal, holding] = await allInOrder([
    loadNonceAccount(customerId, secondFactor),
    findProduct(request.productId),
    bankDay(now),
    wealth.getOrder(customerId, fastOrderId),
    wealth.getOrder(customerId, normalOrderId),
    wealth.getHolding(customerId, request.productId),
  ]);
  const redemption: Redemption = { customerId, accountId: account.accountId, product, unitsCenti, now, clock, today, fastJournalId, fastOrderId, normalOrderId };
  const result = async (capExceeded: boolean): Promise<RedemptionResult> => {
    const [fast, normal, balanceFen] = await allInOrder([
      wealth.getOrder(customerId, fastOrderId),
      wealth.getOrder(customerId, normalOrderId),
      balanceOf(account.accountId),
    ]);
    return { fast, normal, capExceeded, today, asOf: clock, balanceFen };
  };
  if (doneFast || doneNormal) return result(mode === 'FAST' && doneNormal !== undefined);

  const capLeftFen = isMoneyMarket(product) ? await fastCapLeftFen(account.accountId, product.productId, today) : 0;
  const firstSplit = splitRedemption({ product, mode, unitsCenti, availableUnitsCenti: holding?.availableUnitsCenti ?? 0, fastCapLeftFen: capLeftFen });
  const factor = await requireSecondFactor(customer, secondFactor, now);

  const written = await retry(FAST_CAP_RACE, async (attempt) => {
    // After a lost race for the cap, split again on what is left (the units were checked above,
    // and the holding's condition checks them again in the write).
    const split =
      attempt === 1
        ? firstSplit
        : splitRedemption({ product, mode, unitsCenti, availableUnitsCenti: unitsCenti, fastCapLeftFen: await fastCapLeftFen(account.accountId, product.productId, today) });
    const outcome = await writeRedemption(redemption, split, factor.guards);
    if (outcome.ok) return split;
    if (outcome.reason === 'LIMIT_EXCEEDED' && outcome.limit === 'FAST_REDEEM_DAILY') throw new TryAgain('the fast-redemption cap was used meanwhile');
    throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: { ...REDEMPTION_REFUSALS, ...factor.texts } });
  }).catch((error: unknown) => {
    // Still losing the race after every attempt: the customer may send the request again.
    if (isTryAgain(error)) refuse('conflict', 'REQUEST_CONFLICT', '赎回请求较多，请稍后重试');
    throw error;
  });
  return result(mode === 'FAST' && written.normalUnitsCenti > 0);
}

// ---- reads --------------------------------------------------------------------------------------

/** A customer's orders, newest first, optionally of one product. */
export async function listOrders(
  customerId: string,
  filter: { productId?: string | undefined; limit?: number | undefined },
  now: Date,
): Promise<{ orders: wealth.WealthOrderRecord[]; today: string; asOf: Date }> {
  const { businessDate: today, now: asOf } = await bankDay(now);
  const orders = (await wealth.customerOrders(customerId))
    .filter((order) => filter.productId === undefined || order.productId === filter.productId)
    .slice(0, filter.limit ?? DEFAULT_ORDER_PAGE);
  return { orders, today, asOf };
}

/** One of the customer's orders, with the bank's clock that says whether it may still be cancelled. */
export async function orderOf(customerId: string, orderId: string, now: Date): Promise<{ order: wealth.WealthOrderRecord; asOf: Date }> {
  const [order, { now: asOf }] = await allInOrder([ownOrder(customerId, orderId), bankDay(now)]);
  return { order, asOf };
}

/** One product the customer holds or has a purchase of pending. */
export interface HoldingLine {
  product: WealthProduct;
  holding: wealth.WealthHoldingRecord | undefined;
  price: wealth.PriceRecord | undefined;
  pendingPurchaseFen: number;
  /** What is left of today's fast-redemption cap; null where there is no fast redemption. */
  fastLeftFen: number | null;
}

export async function holdings(customerId: string, now: Date): Promise<{ lines: HoldingLine[]; today: string }> {
  const today = await currentBusinessDate(now);
  const [held, orders] = await allInOrder([wealth.customerHoldings(customerId), wealth.customerOrders(customerId)]);
  const holdingOf = new Map(held.map((holding) => [holding.productId, holding]));
  const pendingFen = new Map<string, number>();
  for (const order of orders) {
    if (order.kind === 'PURCHASE' && order.status === 'PENDING') pendingFen.set(order.productId, (pendingFen.get(order.productId) ?? 0) + order.amountFen!);
  }
  const lines: HoldingLine[] = [];
  for (const productId of new Set([...holdingOf.keys(), ...pendingFen.keys()])) {
    const holding = holdingOf.get(productId);
    // An emptied holding is shown only while a purchase of it is pending.
    if (holding && holding.unitsCenti === 0 && !pendingFen.has(productId)) continue;
    const product = await wealth.currentWealthProduct(productId);
    if (!product) continue;
    lines.push({
      product,
      holding,
      price: await wealth.latestPrice(productId, today),
      pendingPurchaseFen: pendingFen.get(productId) ?? 0,
      fastLeftFen: holding && isMoneyMarket(product) ? await fastCapLeftFen(holding.accountId, productId, today) : null,
    });
  }
  return { lines, today };
}
