// The wealth part of the day close for business date D, in this order:
//   1. pending orders whose confirmation date is ≤ D — a purchase only once its cooling-off has
//      passed on the bank's clock (platform/clock.ts): one still inside it stays pending, and a
//      later close confirms it, so the period is never cut short by a close. Purchases confirm at
//      the NAV published for D (the latest on or before D; its date is recorded) into units, the residual refunded, or
//      fail and are refunded in full when they buy no unit; normal redemptions pay out at that NAV;
//   2. fixed-term products maturing on or before D: every unit redeems at D's NAV;
//   3. every holding: money-market income for D paid as new units (the carried remainder keeps
//      every sub-fen), and the day's earnings recorded ("yesterday's earnings" tomorrow).
// Each step per order or holding is one transaction with its journal; journal ids derive from
// the order, or from (holding, D), so a retried close writes nothing twice.
import type { WealthCloseReport } from '../contract/wealth-close-schema.js';
import { config } from '../config.js';
import type { ReportFailure } from '../domain/day-close.js';
import { HOUSE_ACCOUNTS, type Journal } from '../domain/ledger.js';
import { wealthIncomeJournal, wealthRedemptionJournal, wealthRefundJournal } from '../domain/wealth/journals.js';
import { inCoolingOff, orderIdFor, totalEarningsFen } from '../domain/wealth/orders.js';
import type { WealthProduct } from '../domain/wealth/product.js';
import { accrueIncome, confirmOrder, valueFen } from '../domain/wealth/units.js';
import { logger } from '../platform/logger.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { bankDay } from '../store/business-date.js';
import { deterministicJournalId, type Guard, houseShard } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';

export type { WealthCloseReport };

/** A customer's redemption may change a holding between the close's read and its write: read
 *  again and redo, a few times; a holding still moving then is left to the next close. */
const HOLDING_RACE: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, retryable: isTryAgain };

/** Commits a pending order's settlement; true when this call wrote it. A customer may have
 *  cancelled the order meanwhile (it is no longer pending): nothing to do. Any other refusal is
 *  an error the close reports. */
async function commitSettlement(guards: Guard[], journal: Journal | undefined): Promise<boolean> {
  const outcome = await wealth.writeChange(guards, journal && { journal });
  if (outcome.ok) return !outcome.replayed;
  if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'ORDER_NOT_PENDING') return false;
  throw new Error(`order settlement refused: ${JSON.stringify(outcome)}`);
}

async function settlePending(
  ref: { customerId: string; orderId: string },
  closedDate: string,
  clock: Date,
  products: Map<string, WealthProduct>,
  report: WealthCloseReport,
): Promise<void> {
  const order = await wealth.getOrder(ref.customerId, ref.orderId);
  if (!order || order.status !== 'PENDING') return;
  if (inCoolingOff(order, clock)) {
    report.inCoolingOff += 1;
    return;
  }
  const price = await wealth.latestPrice(order.productId, closedDate);
  if (!products.has(order.productId) || !price) {
    // No NAV yet: the order waits for the close after one is published.
    report.skipped += 1;
    return;
  }
  const now = new Date().toISOString();
  const journalId = deterministicJournalId('wealth-settle', order.orderId);
  const common = { journalId, createdAt: now, productName: order.productName, orderId: order.orderId, origin: 'DAY_CLOSE' as const };
  const accounts = { customerAccountId: order.accountId, custodyShardAccountId: wealth.custodyShard(order.productId, journalId) };
  const priced = { navCentiFen: price.navCentiFen, navDate: price.date, settledAt: now };
  const owner = { customerId: order.customerId, accountId: order.accountId, productId: order.productId, productName: order.productName };

  if (order.kind === 'PURCHASE') {
    const amountFen = order.amountFen!;
    const confirmation = confirmOrder(amountFen, price.navCentiFen);
    if (confirmation.unitsCenti === 0) {
      const next: wealth.WealthOrderRecord = { ...order, ...priced, status: 'FAILED', unitsCenti: 0, valueFen: 0, residualFen: amountFen, settlementJournalId: journalId };
      const journal = wealthRefundJournal({ ...common, ...accounts, amountFen, reason: 'FAILED' });
      if (await commitSettlement(wealth.settleOrderGuards(order, next), journal)) report.purchasesFailed += 1;
      return;
    }
    const { residualFen } = confirmation;
    const next: wealth.WealthOrderRecord = {
      ...order,
      ...priced,
      status: 'CONFIRMED',
      unitsCenti: confirmation.unitsCenti,
      valueFen: confirmation.valueFen,
      residualFen,
      settlementJournalId: residualFen > 0 ? journalId : null,
    };
    const guards = [
      ...wealth.settleOrderGuards(order, next),
      wealth.holdingGuard(owner, { unitsCenti: confirmation.unitsCenti, availableUnitsCenti: confirmation.unitsCenti, investedFen: confirmation.valueFen }),
      wealth.holderIndexGuard(order.productId, order.customerId),
    ];
    const journal = residualFen > 0 ? wealthRefundJournal({ ...common, ...accounts, amountFen: residualFen, reason: 'RESIDUAL' }) : undefined;
    if (await commitSettlement(guards, journal)) {
      report.purchasesConfirmed += 1;
      report.residualRefundedFen += residualFen;
    }
    return;
  }

  const units = order.unitsCenti!;
  const proceedsFen = valueFen(units, price.navCentiFen);
  const next: wealth.WealthOrderRecord = { ...order, ...priced, status: 'CONFIRMED', proceedsFen, settlementJournalId: proceedsFen > 0 ? journalId : null };
  const guards = [
    ...wealth.settleOrderGuards(order, next),
    wealth.holdingGuard(owner, { unitsCenti: -units, frozenUnitsCenti: -units, redeemedFen: proceedsFen }, { frozenAtLeast: units }),
  ];
  const journal = proceedsFen > 0 ? wealthRedemptionJournal({ ...common, ...accounts, amountFen: proceedsFen, redemption: 'NORMAL' }) : undefined;
  if (await commitSettlement(guards, journal)) {
    report.redemptionsSettled += 1;
    report.redeemedFen += proceedsFen;
  }
}

/** What closing a date writes for one holding (conditional on the version read), and what it
 *  adds to the report. */
interface HoldingClose {
  guards: Guard[];
  journal: Journal | undefined;
  incomeFen: number;
  /** What a maturity paid out; null when the holding did not mature. */
  maturedFen: number | null;
}

/** A fixed-term holding on or after its maturity date: every unit redeems at the date's NAV. */
function maturity(product: WealthProduct, price: wealth.PriceRecord, holding: wealth.WealthHoldingRecord, closedDate: string): HoldingClose {
  const now = new Date().toISOString();
  const maturedFen = valueFen(holding.unitsCenti, price.navCentiFen);
  const journalId = deterministicJournalId('wealth-maturity', holding.customerId, product.productId, closedDate);
  const orderId = orderIdFor(journalId);
  const totalFen = totalEarningsFen({ marketValueFen: 0, redeemedFen: holding.redeemedFen + maturedFen, investedFen: holding.investedFen });
  const order: wealth.WealthOrderRecord = {
    orderId,
    customerId: holding.customerId,
    accountId: holding.accountId,
    kind: 'REDEMPTION',
    redemption: 'MATURITY',
    productId: product.productId,
    productName: product.name,
    productVersion: product.version,
    status: 'CONFIRMED',
    placedAt: now,
    placedOn: closedDate,
    confirmDate: closedDate,
    cancellableUntil: null,
    amountFen: null,
    unitsCenti: holding.unitsCenti,
    navCentiFen: price.navCentiFen,
    navDate: price.date,
    valueFen: null,
    residualFen: null,
    proceedsFen: maturedFen,
    journalId: null,
    settlementJournalId: maturedFen > 0 ? journalId : null,
    settledAt: now,
    riskAcknowledgement: null,
  };
  const guards = [
    ...wealth.newOrderGuards(order),
    wealth.holdingCloseGuard(holding, {
      incomeFen: 0,
      incomeCarry: holding.incomeCarry,
      redeemAllFen: maturedFen,
      closedEarnings: { date: closedDate, totalEarningsFen: totalFen, dayEarningsFen: totalFen - (holding.closedEarnings?.totalEarningsFen ?? 0) },
    }),
  ];
  const journal =
    maturedFen > 0
      ? wealthRedemptionJournal({
          journalId,
          createdAt: now,
          productName: product.name,
          orderId,
          origin: 'DAY_CLOSE',
          customerAccountId: holding.accountId,
          custodyShardAccountId: wealth.custodyShard(product.productId, journalId),
          amountFen: maturedFen,
          redemption: 'MATURITY',
        })
      : undefined;
  return { guards, journal, incomeFen: 0, maturedFen };
}

/** The date's money-market income paid as units (a fund of another type earns through its NAV)
 *  and the day's earnings; undefined when an emptied holding has nothing new to record. */
function dayEarnings(product: WealthProduct, price: wealth.PriceRecord, holding: wealth.WealthHoldingRecord, closedDate: string): HoldingClose | undefined {
  const accrual =
    product.type === 'MONEY_MARKET' ? accrueIncome(holding.unitsCenti, price.incomePer10kCentiFen ?? 0, holding.incomeCarry) : { paidFen: 0, carry: holding.incomeCarry };
  const incomeFen = accrual.paidFen;
  const previousTotalFen = holding.closedEarnings?.totalEarningsFen ?? 0;
  const marketValueFen = valueFen(holding.unitsCenti + incomeFen, price.navCentiFen);
  const totalFen = totalEarningsFen({ marketValueFen, redeemedFen: holding.redeemedFen, investedFen: holding.investedFen });
  if (holding.unitsCenti === 0 && totalFen === previousTotalFen && accrual.carry === holding.incomeCarry) return undefined;
  const guards = [
    wealth.holdingCloseGuard(holding, {
      incomeFen,
      incomeCarry: accrual.carry,
      closedEarnings: { date: closedDate, totalEarningsFen: totalFen, dayEarningsFen: totalFen - previousTotalFen },
    }),
  ];
  const journalId = deterministicJournalId('wealth-income', holding.customerId, product.productId, closedDate);
  const journal =
    incomeFen > 0
      ? wealthIncomeJournal({
          journalId,
          createdAt: new Date().toISOString(),
          yieldShardAccountId: houseShard(HOUSE_ACCOUNTS.WEALTH_YIELD, journalId, config().HOUSE_SHARDS),
          custodyShardAccountId: wealth.custodyShard(product.productId, journalId),
          amountFen: incomeFen,
          holdingRef: `${product.productId}#${holding.customerId}`,
        })
      : undefined;
  return { guards, journal, incomeFen, maturedFen: null };
}

/** Maturity (fixed-term, on or after its date), income (money-market) and the day's earnings of
 *  one holding, once per closed date. */
async function closeHolding(
  product: WealthProduct,
  price: wealth.PriceRecord,
  customerId: string,
  closedDate: string,
  report: WealthCloseReport,
): Promise<void> {
  await retry(HOLDING_RACE, async () => {
    const holding = await wealth.getHolding(customerId, product.productId);
    if (!holding || (holding.closedEarnings && holding.closedEarnings.date >= closedDate)) return;
    const maturing = product.maturityDate !== null && product.maturityDate <= closedDate && holding.unitsCenti > 0;
    const change = maturing ? maturity(product, price, holding, closedDate) : dayEarnings(product, price, holding, closedDate);
    if (!change) return;
    const outcome = await wealth.writeChange(change.guards, change.journal && { journal: change.journal });
    if (outcome.ok) {
      if (outcome.replayed) return;
      report.incomePaidFen += change.incomeFen;
      if (change.maturedFen !== null) {
        report.holdingsMatured += 1;
        report.maturedFen += change.maturedFen;
      }
      return;
    }
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'HOLDING_CHANGED') throw new TryAgain('a customer changed the holding meanwhile');
    throw new Error(`holding close refused: ${JSON.stringify(outcome)}`);
  });
}

export async function closeWealth(closedDate: string, reportFailure: ReportFailure = () => undefined): Promise<WealthCloseReport> {
  const report: WealthCloseReport = {
    purchasesConfirmed: 0,
    purchasesFailed: 0,
    residualRefundedFen: 0,
    redemptionsSettled: 0,
    redeemedFen: 0,
    incomePaidFen: 0,
    holdingsMatured: 0,
    maturedFen: 0,
    inCoolingOff: 0,
    skipped: 0,
  };
  // One reading of the bank's clock for the whole close: what is inside its cooling-off now stays.
  const { now: clock } = await bankDay(new Date());
  const products = new Map((await wealth.currentWealthProducts()).map((product) => [product.productId, product]));
  // One order's or holding's trouble must not stop the close for everyone else: it is logged,
  // counted as skipped, and the next close tries again.
  for await (const ref of wealth.pendingOrdersThrough(closedDate)) {
    try {
      await settlePending(ref, closedDate, clock, products, report);
    } catch (error) {
      report.skipped += 1;
      logger.error('wealth close failed for an order', { orderId: ref.orderId, error: error instanceof Error ? error.message : String(error) });
      reportFailure(`order:${ref.orderId}`, error);
    }
  }
  for (const product of products.values()) {
    const price = await wealth.latestPrice(product.productId, closedDate);
    // Nobody holds units of a product that has never had a price.
    if (!price) continue;
    for await (const customerId of wealth.productHolders(product.productId)) {
      try {
        await closeHolding(product, price, customerId, closedDate, report);
      } catch (error) {
        report.skipped += 1;
        logger.error('wealth close failed for a holding', { productId: product.productId, error: error instanceof Error ? error.message : String(error) });
        reportFailure(`holding:${product.productId}`, error);
      }
    }
  }
  return report;
}
