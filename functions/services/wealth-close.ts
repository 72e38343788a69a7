// The wealth part of the day close for business date D, in this order:
//   1. pending orders whose confirmation date is ≤ D: purchases confirm at the NAV published for D
//      (the latest on or before D; its date is recorded) into units, the residual refunded, or
//      fail and are refunded in full when they buy no unit; normal redemptions pay out at that NAV;
//   2. fixed-term products maturing on or before D: every unit redeems at D's NAV;
//   3. every holding: money-market income for D paid as new units (the carried remainder keeps
//      every sub-fen), and the day's earnings recorded ("yesterday's earnings" tomorrow).
// Each step per order or holding is one transaction with its journal; journal ids derive from
// the order, or from (holding, D), so a retried close writes nothing twice.
import type { WealthCloseReport } from '../contract/wealth-close-schema.js';
import { config } from '../config.js';
import { HOUSE_ACCOUNTS, type Journal } from '../domain/ledger.js';
import { custodyAccountOf, wealthIncomeJournal, wealthRedemptionJournal, wealthRefundJournal } from '../domain/wealth/journals.js';
import { totalEarningsFen } from '../domain/wealth/orders.js';
import type { WealthProduct } from '../domain/wealth/product.js';
import { accrueIncome, confirmOrder, valueFen } from '../domain/wealth/units.js';
import { logger } from '../platform/logger.js';
import { deterministicJournalId, type Guard, houseShard, postJournal } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';

export type { WealthCloseReport };

const MAX_HOLDING_ATTEMPTS = 3;

const custodyShard = (productId: string, journalId: string) => houseShard(custodyAccountOf(productId), journalId, config().HOUSE_SHARDS);

/** Writes the guards, with the journal when money moves. False when a guard found the record
 *  changed (already settled, or a customer changed the holding meanwhile). */
async function commit(journal: Journal | undefined, guards: Guard[]): Promise<{ written: boolean; replayed: boolean; guard?: string }> {
  if (journal) {
    const outcome = await postJournal(journal, { guards });
    if (outcome.ok) return { written: true, replayed: outcome.replayed };
    if (outcome.reason === 'GUARD_FAILED') return { written: false, replayed: false, guard: outcome.guard };
    throw new Error(`wealth close refused: ${JSON.stringify(outcome)}`);
  }
  const outcome = await wealth.writeGuards(guards);
  return outcome.ok ? { written: true, replayed: false } : { written: false, replayed: false, guard: outcome.guard };
}

/** Commits a pending order's settlement; a guard other than "no longer pending" (a customer
 *  cancelled it meanwhile) failing is an error the close reports. */
async function commitSettlement(journal: Journal | undefined, guards: Guard[]): Promise<boolean> {
  const result = await commit(journal, guards);
  if (!result.written && result.guard !== 'ORDER_NOT_PENDING') throw new Error(`order settlement refused by ${result.guard}`);
  return result.written && !result.replayed;
}

async function settlePending(
  ref: { customerId: string; orderId: string },
  closedDate: string,
  products: Map<string, WealthProduct>,
  report: WealthCloseReport,
): Promise<void> {
  const order = await wealth.getOrder(ref.customerId, ref.orderId);
  if (!order || order.status !== 'PENDING') return;
  const price = await wealth.latestPrice(order.productId, closedDate);
  if (!products.has(order.productId) || !price) {
    // No NAV yet: the order waits for the close after one is published.
    report.skipped += 1;
    return;
  }
  const now = new Date().toISOString();
  const journalId = deterministicJournalId('wealth-settle', order.orderId);
  const common = { journalId, createdAt: now, productName: order.productName, orderId: order.orderId, origin: 'DAY_CLOSE' as const };
  const custody = custodyShard(order.productId, journalId);
  const priced = { navCentiFen: price.navCentiFen, navDate: price.date, settledAt: now };
  const owner = { customerId: order.customerId, accountId: order.accountId, productId: order.productId, productName: order.productName };

  if (order.kind === 'PURCHASE') {
    const amountFen = order.amountFen!;
    const confirmation = confirmOrder(amountFen, price.navCentiFen);
    if (confirmation.unitsCenti === 0) {
      const next: wealth.WealthOrderRecord = { ...order, ...priced, status: 'FAILED', unitsCenti: 0, valueFen: 0, residualFen: amountFen, settlementJournalId: journalId };
      const journal = wealthRefundJournal({ ...common, customerAccountId: order.accountId, custodyShardAccountId: custody, amountFen, reason: 'FAILED' });
      if (await commitSettlement(journal, wealth.settleOrderGuards(order, next))) report.purchasesFailed += 1;
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
    const journal =
      residualFen > 0
        ? wealthRefundJournal({ ...common, customerAccountId: order.accountId, custodyShardAccountId: custody, amountFen: residualFen, reason: 'RESIDUAL' })
        : undefined;
    if (await commitSettlement(journal, guards)) {
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
  const journal =
    proceedsFen > 0
      ? wealthRedemptionJournal({ ...common, customerAccountId: order.accountId, custodyShardAccountId: custody, amountFen: proceedsFen, redemption: 'NORMAL' })
      : undefined;
  if (await commitSettlement(journal, guards)) {
    report.redemptionsSettled += 1;
    report.redeemedFen += proceedsFen;
  }
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
  for (let attempt = 1; attempt <= MAX_HOLDING_ATTEMPTS; attempt++) {
    const holding = await wealth.getHolding(customerId, product.productId);
    if (!holding || (holding.closedEarnings && holding.closedEarnings.date >= closedDate)) return;
    const previousTotalFen = holding.closedEarnings?.totalEarningsFen ?? 0;
    const now = new Date().toISOString();
    const maturing = product.maturityDate !== null && product.maturityDate <= closedDate && holding.unitsCenti > 0;

    let journal: Journal | undefined;
    let guards: Guard[];
    let incomeFen = 0;
    let maturedFen = 0;
    if (maturing) {
      maturedFen = valueFen(holding.unitsCenti, price.navCentiFen);
      const journalId = deterministicJournalId('wealth-maturity', customerId, product.productId, closedDate);
      const orderId = `W${journalId.slice(1)}`;
      const totalFen = totalEarningsFen({ marketValueFen: 0, redeemedFen: holding.redeemedFen + maturedFen, investedFen: holding.investedFen });
      const order: wealth.WealthOrderRecord = {
        orderId,
        customerId,
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
        coolingOffEndsOn: null,
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
      guards = [
        ...wealth.newOrderGuards(order),
        wealth.holdingCloseGuard(holding, {
          incomeFen: 0,
          incomeCarry: holding.incomeCarry,
          redeemAllFen: maturedFen,
          closedEarnings: { date: closedDate, totalEarningsFen: totalFen, dayEarningsFen: totalFen - previousTotalFen },
        }),
      ];
      if (maturedFen > 0) {
        journal = wealthRedemptionJournal({
          journalId,
          createdAt: now,
          productName: product.name,
          orderId,
          origin: 'DAY_CLOSE',
          customerAccountId: holding.accountId,
          custodyShardAccountId: custodyShard(product.productId, journalId),
          amountFen: maturedFen,
          redemption: 'MATURITY',
        });
      }
    } else {
      const accrual = product.type === 'MONEY_MARKET' ? accrueIncome(holding.unitsCenti, price.incomePer10kCentiFen ?? 0, holding.incomeCarry) : { paidFen: 0, carry: holding.incomeCarry };
      incomeFen = accrual.paidFen;
      const marketValueFen = valueFen(holding.unitsCenti + incomeFen, price.navCentiFen);
      const totalFen = totalEarningsFen({ marketValueFen, redeemedFen: holding.redeemedFen, investedFen: holding.investedFen });
      // An emptied holding with nothing new to record is left alone.
      if (holding.unitsCenti === 0 && totalFen === previousTotalFen && accrual.carry === holding.incomeCarry) return;
      guards = [
        wealth.holdingCloseGuard(holding, {
          incomeFen,
          incomeCarry: accrual.carry,
          closedEarnings: { date: closedDate, totalEarningsFen: totalFen, dayEarningsFen: totalFen - previousTotalFen },
        }),
      ];
      if (incomeFen > 0) {
        const journalId = deterministicJournalId('wealth-income', customerId, product.productId, closedDate);
        journal = wealthIncomeJournal({
          journalId,
          createdAt: now,
          yieldShardAccountId: houseShard(HOUSE_ACCOUNTS.WEALTH_YIELD, journalId, config().HOUSE_SHARDS),
          custodyShardAccountId: custodyShard(product.productId, journalId),
          amountFen: incomeFen,
          holdingRef: `${product.productId}#${customerId}`,
        });
      }
    }
    const result = await commit(journal, guards);
    if (result.written) {
      if (!result.replayed) {
        report.incomePaidFen += incomeFen;
        if (maturing) {
          report.holdingsMatured += 1;
          report.maturedFen += maturedFen;
        }
      }
      return;
    }
    // The customer redeemed meanwhile (the version moved): read again and redo.
    if (result.guard !== 'HOLDING_CHANGED') throw new Error(`holding close refused by ${result.guard}`);
  }
  report.skipped += 1;
}

export async function closeWealth(closedDate: string): Promise<WealthCloseReport> {
  const report: WealthCloseReport = {
    purchasesConfirmed: 0,
    purchasesFailed: 0,
    residualRefundedFen: 0,
    redemptionsSettled: 0,
    redeemedFen: 0,
    incomePaidFen: 0,
    holdingsMatured: 0,
    maturedFen: 0,
    skipped: 0,
  };
  const products = new Map((await wealth.currentWealthProducts()).map((product) => [product.productId, product]));
  // One order's or holding's trouble must not stop the close for everyone else: it is logged,
  // counted as skipped, and the next close tries again.
  for await (const ref of wealth.pendingOrdersThrough(closedDate)) {
    try {
      await settlePending(ref, closedDate, products, report);
    } catch (error) {
      report.skipped += 1;
      logger.error('wealth close failed for an order', { orderId: ref.orderId, error: error instanceof Error ? error.message : String(error) });
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
      }
    }
  }
  return report;
}
