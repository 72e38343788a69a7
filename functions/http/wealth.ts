// Wealth (理财): products and their NAV/yield history, the risk questionnaire, purchase with
// suitability and an acknowledged risk disclosure, cooling-off cancel, holdings and redemption —
// and the operators' routes: publish products, open or close them, publish NAVs and yields.
import { config } from '../config.js';
import type { WealthHoldingView, WealthOrderView, WealthRedemptionResult } from '../contract/wealth-schemas.js';
import { wealthRoutes as routes } from '../contract/wealth-routes.js';
import { refuse } from '../domain/errors.js';
import { formatYuan } from '../domain/format.js';
import { addDays } from '../domain/loan/dates.js';
import { custodyAccountOf, wealthPurchaseJournal, wealthRedemptionJournal, wealthRefundJournal } from '../domain/wealth/journals.js';
import { assertPurchasable, isCancellable, orderDates, splitRedemption } from '../domain/wealth/orders.js';
import { isMoneyMarket, MONEY_MARKET_NAV_CENTI_FEN, riskDisclosure, type WealthProduct } from '../domain/wealth/product.js';
import { assessRisk, RISK_QUESTIONNAIRE_VERSION, RISK_QUESTIONS, suitability } from '../domain/wealth/risk.js';
import { formatNav, valueFen } from '../domain/wealth/units.js';
import { getAccount, limitCounters } from '../store/accounts.js';
import { currentBusinessDate } from '../store/business-date.js';
import { recordCustomerEvent } from '../services/customer-events.js';
import { deterministicJournalId, houseShard, postJournal } from '../store/ledger.js';
import * as wealth from '../store/wealth.js';
import { loadCustomer, loadOwnAccount, requirePin } from '../services/customer-guards.js';
import { defineRoute, lambda } from './route.js';
import { assessmentView, historyView, holdingView, orderView, productView } from './wealth-views.js';

const DEFAULT_HISTORY_DAYS = 30;
const DEFAULT_ORDER_PAGE = 20;
/** How often a fast redemption re-reads the cap when concurrent ones used it meanwhile. */
const MAX_CAP_ATTEMPTS = 3;

const fastCapFen = () => config().WEALTH_FAST_REDEEM_DAILY_FEN;
const custodyShard = (productId: string, journalId: string) => houseShard(custodyAccountOf(productId), journalId, config().HOUSE_SHARDS);
const orderIdOf = (journalId: string) => `W${journalId.slice(1)}`;

async function product(productId: string): Promise<WealthProduct> {
  return (await wealth.currentWealthProduct(productId)) ?? refuse('not_found', 'PRODUCT_NOT_FOUND', '未找到该理财产品');
}

async function ownOrder(customerId: string, orderId: string): Promise<wealth.WealthOrderRecord> {
  // Orders live under their owner's key: another customer's order id simply is not there.
  return (await wealth.getOrder(customerId, orderId)) ?? refuse('not_found', 'ORDER_NOT_FOUND', '未找到该笔理财订单');
}

async function balanceOf(accountId: string): Promise<number> {
  return (await getAccount(accountId))?.balanceFen ?? 0;
}

// ---- products ---------------------------------------------------------------------------------

const productList = defineRoute('wealthProducts', routes.wealthProducts, async ({ now }) => {
  const today = await currentBusinessDate(now);
  const items = [];
  for (const item of await wealth.currentWealthProducts()) {
    items.push(productView(item, await wealth.latestPrice(item.productId, today), today, fastCapFen()));
  }
  return { items, businessDate: today };
});

const productDetail = defineRoute('wealthProduct', routes.wealthProduct, async ({ params, now }) => {
  const chosen = await product(params.productId);
  const today = await currentBusinessDate(now);
  return productView(chosen, await wealth.latestPrice(chosen.productId, today), today, fastCapFen());
});

const productHistory = defineRoute('wealthProductHistory', routes.wealthProductHistory, async ({ params, query, now }) => {
  const chosen = await product(params.productId);
  const today = await currentBusinessDate(now);
  const days = query.days ?? DEFAULT_HISTORY_DAYS;
  return historyView(chosen, await wealth.priceHistory(chosen.productId, addDays(today, 1 - days), today));
});

// ---- risk questionnaire --------------------------------------------------------------------------

const questionnaire = defineRoute('riskQuestionnaire', routes.riskQuestionnaire, async () => ({
  questionnaireVersion: RISK_QUESTIONNAIRE_VERSION,
  // Scores stay on the server: the customer answers, the bank scores.
  questions: RISK_QUESTIONS.map(({ questionId, text, options }) => ({ questionId, text, options: options.map(({ optionId, text: optionText }) => ({ optionId, text: optionText })) })),
  validityMonths: config().WEALTH_RISK_VALIDITY_MONTHS,
}));

const riskProfile = defineRoute('riskProfile', routes.riskProfile, async ({ customerId, now }) => {
  const assessment = await wealth.getAssessment(customerId);
  return { assessment: assessment ? assessmentView(assessment, await currentBusinessDate(now)) : null };
});

const assess = defineRoute('assessRisk', routes.assessRisk, async ({ customerId, body, now }) => {
  await loadCustomer(customerId);
  const today = await currentBusinessDate(now);
  const assessment = assessRisk(body, today, config().WEALTH_RISK_VALIDITY_MONTHS);
  await wealth.saveAssessment(customerId, assessment, now);
  return assessmentView(assessment, today);
});

// ---- purchase ---------------------------------------------------------------------------------

const purchaseTerms = defineRoute('wealthPurchaseTerms', routes.wealthPurchaseTerms, async ({ customerId, params, now }) => {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  const chosen = await product(params.productId);
  const today = await currentBusinessDate(now);
  const assessment = await wealth.getAssessment(customerId);
  const fit = suitability(assessment, chosen.riskLevel, today);
  const dates = orderDates(chosen, today);
  return {
    product: productView(chosen, await wealth.latestPrice(chosen.productId, today), today, fastCapFen()),
    suitable: fit.ok,
    suitability: fit.ok ? null : { code: fit.code, message: fit.message },
    assessment: assessment ? assessmentView(assessment, today) : null,
    businessDate: today,
    confirmDate: dates.confirmDate,
    coolingOffEndsOn: chosen.coolingOffHours > 0 ? dates.coolingOffEndsOn : null,
    disclosure: riskDisclosure(chosen),
    balanceFen: account.balanceFen,
  };
});

const purchase = defineRoute('wealthPurchase', routes.wealthPurchase, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const journalId = deterministicJournalId(customerId, 'wealth-purchase', idempotencyKey);
  const orderId = orderIdOf(journalId);
  const today = await currentBusinessDate(now);
  // A retry of a request whose answer was lost finds its order.
  const existing = await wealth.getOrder(customerId, orderId);
  if (existing) return { journalId, order: orderView(existing, today), balanceFen: await balanceOf(account.accountId) };

  const chosen = await product(body.productId);
  const dates = assertPurchasable(chosen, body.amountFen, today);
  const assessment = await wealth.getAssessment(customerId);
  const fit = suitability(assessment, chosen.riskLevel, today);
  if (!fit.ok) return refuse('unprocessable', fit.code, fit.message);
  if (body.riskDisclosure.version !== chosen.disclosureVersion) {
    refuse('unprocessable', 'DISCLOSURE_OUTDATED', '产品风险揭示书已更新，请重新阅读并确认');
  }
  await requirePin(customer, body.pin, now);

  const order: wealth.WealthOrderRecord = {
    orderId,
    customerId,
    accountId: account.accountId,
    kind: 'PURCHASE',
    redemption: null,
    productId: chosen.productId,
    productName: chosen.name,
    productVersion: chosen.version,
    status: 'PENDING',
    placedAt: now.toISOString(),
    placedOn: today,
    confirmDate: dates.confirmDate,
    coolingOffEndsOn: chosen.coolingOffHours > 0 ? dates.coolingOffEndsOn : null,
    amountFen: body.amountFen,
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
      disclosureVersion: body.riskDisclosure.version,
      acknowledgedAt: now.toISOString(),
      customerRiskLevel: assessment!.level,
      productRiskLevel: chosen.riskLevel,
      assessmentValidThrough: assessment!.validThrough,
    },
  };
  const journal = wealthPurchaseJournal({
    journalId,
    createdAt: now.toISOString(),
    productName: chosen.name,
    orderId,
    customerAccountId: account.accountId,
    custodyShardAccountId: custodyShard(chosen.productId, journalId),
    amountFen: body.amountFen,
  });
  const outcome = await postJournal(journal, { guards: wealth.newOrderGuards(order) });
  if (!outcome.ok) {
    if (outcome.reason === 'INSUFFICIENT_FUNDS') return refuse('unprocessable', 'INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值');
    throw new Error(`wealth purchase refused unexpectedly: ${JSON.stringify(outcome)}`);
  }
  await recordCustomerEvent({
    customerId,
    kind: 'WEALTH_PURCHASED',
    at: outcome.journal.createdAt,
    ref: orderId,
    amountFen: body.amountFen,
    product: { type: 'WEALTH', id: chosen.productId },
  });
  return { journalId, order: orderView(await ownOrder(customerId, orderId), today), balanceFen: await balanceOf(account.accountId) };
});

// ---- orders -----------------------------------------------------------------------------------

const orders = defineRoute('wealthOrders', routes.wealthOrders, async ({ customerId, query, now }) => {
  const today = await currentBusinessDate(now);
  const items = (await wealth.customerOrders(customerId))
    .filter((order) => query.productId === undefined || order.productId === query.productId)
    .slice(0, query.limit ?? DEFAULT_ORDER_PAGE)
    .map((order) => orderView(order, today));
  return { items, businessDate: today };
});

const orderDetail = defineRoute('wealthOrder', routes.wealthOrder, async ({ customerId, params, now }) =>
  orderView(await ownOrder(customerId, params.orderId), await currentBusinessDate(now)),
);

const cancel = defineRoute('wealthCancel', routes.wealthCancel, async ({ customerId, params, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const order = await ownOrder(customerId, params.orderId);
  const journalId = deterministicJournalId(customerId, 'wealth-cancel', idempotencyKey);
  const today = await currentBusinessDate(now);
  if (order.status === 'CANCELLED' && order.settlementJournalId === journalId) {
    return { journalId, order: orderView(order, today), balanceFen: await balanceOf(account.accountId) };
  }
  if (!isCancellable(order, today)) refuse('unprocessable', 'ORDER_NOT_CANCELLABLE', '该订单已过冷静期或已确认，不能撤销');
  await requirePin(customer, body.pin, now);
  const next: wealth.WealthOrderRecord = { ...order, status: 'CANCELLED', settlementJournalId: journalId, settledAt: now.toISOString() };
  const journal = wealthRefundJournal({
    journalId,
    createdAt: now.toISOString(),
    productName: order.productName,
    orderId: order.orderId,
    customerAccountId: order.accountId,
    custodyShardAccountId: custodyShard(order.productId, journalId),
    amountFen: order.amountFen!,
    reason: 'COOLING_OFF',
  });
  const outcome = await postJournal(journal, { guards: wealth.settleOrderGuards(order, next) });
  if (!outcome.ok) {
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'ORDER_NOT_PENDING') {
      return refuse('unprocessable', 'ORDER_NOT_CANCELLABLE', '该订单已过冷静期或已确认，不能撤销');
    }
    throw new Error(`wealth cancel refused unexpectedly: ${JSON.stringify(outcome)}`);
  }
  return { journalId, order: orderView(await ownOrder(customerId, order.orderId), today), balanceFen: await balanceOf(account.accountId) };
});

// ---- holdings and redemption ------------------------------------------------------------------

async function fastLeftFen(accountId: string, productId: string, today: string): Promise<number> {
  const bucket = wealth.fastRedemptionBucket(productId, today);
  const used = (await limitCounters(accountId, [bucket]))[bucket] ?? 0;
  return Math.max(0, fastCapFen() - used);
}

const holdings = defineRoute('wealthHoldings', routes.wealthHoldings, async ({ customerId, now }) => {
  const today = await currentBusinessDate(now);
  const held = new Map((await wealth.customerHoldings(customerId)).map((holding) => [holding.productId, holding]));
  const pending = new Map<string, number>();
  for (const order of await wealth.customerOrders(customerId)) {
    if (order.kind === 'PURCHASE' && order.status === 'PENDING') pending.set(order.productId, (pending.get(order.productId) ?? 0) + order.amountFen!);
  }
  const items: WealthHoldingView[] = [];
  for (const productId of new Set([...held.keys(), ...pending.keys()])) {
    const holding = held.get(productId);
    if (holding && holding.unitsCenti === 0 && !pending.has(productId)) continue;
    const chosen = await wealth.currentWealthProduct(productId);
    if (!chosen) continue;
    items.push(
      holdingView({
        product: chosen,
        holding,
        price: await wealth.latestPrice(productId, today),
        pendingPurchaseFen: pending.get(productId) ?? 0,
        fastLeftFen: holding && isMoneyMarket(chosen) ? await fastLeftFen(holding.accountId, productId, today) : null,
        today,
      }),
    );
  }
  const sum = (pick: (item: WealthHoldingView) => number) => items.reduce((total, item) => total + pick(item), 0);
  return {
    items,
    totals: {
      marketValueFen: sum((item) => item.marketValueFen),
      yesterdayEarningsFen: sum((item) => item.yesterdayEarningsFen),
      totalEarningsFen: sum((item) => item.totalEarningsFen),
      pendingPurchaseFen: sum((item) => item.pendingPurchaseFen),
    },
    businessDate: today,
  };
});

function redemptionMessage(fast: WealthOrderView | null, normal: WealthOrderView | null, capExceeded: boolean): string {
  const parts: string[] = [];
  if (fast) parts.push(`快速赎回 ${formatYuan(fast.proceedsFen!)} 元已实时到账`);
  if (normal) {
    const why = capExceeded ? '超出今日快速赎回额度的部分' : '赎回申请';
    parts.push(`${why} ${normal.unitsDisplay} 份将于 ${normal.confirmDate} 日终按当日净值确认，资金到账电子账户`);
  }
  return parts.join('；');
}

const redeem = defineRoute('wealthRedeem', routes.wealthRedeem, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const chosen = await product(body.productId);
  const today = await currentBusinessDate(now);
  const fastJournalId = deterministicJournalId(customerId, 'wealth-redeem-fast', idempotencyKey);
  const fastOrderId = orderIdOf(fastJournalId);
  const normalOrderId = orderIdOf(deterministicJournalId(customerId, 'wealth-redeem-normal', idempotencyKey));
  const answer = async (capExceeded: boolean): Promise<WealthRedemptionResult> => {
    const [fastOrder, normalOrder] = await Promise.all([wealth.getOrder(customerId, fastOrderId), wealth.getOrder(customerId, normalOrderId)]);
    const fast = fastOrder ? orderView(fastOrder, today) : null;
    const normal = normalOrder ? orderView(normalOrder, today) : null;
    return {
      journalId: fastOrder?.journalId ?? null,
      fast,
      normal,
      capExceeded,
      message: redemptionMessage(fast, normal, capExceeded),
      balanceFen: await balanceOf(account.accountId),
    };
  };
  // A retry of a request whose answer was lost finds what it wrote (both parts are one write).
  const [doneFast, doneNormal] = await Promise.all([wealth.getOrder(customerId, fastOrderId), wealth.getOrder(customerId, normalOrderId)]);
  if (doneFast || doneNormal) return answer(body.mode === 'FAST' && doneNormal !== undefined);

  const holding = await wealth.getHolding(customerId, chosen.productId);
  const fastCapLeftFen = isMoneyMarket(chosen) ? await fastLeftFen(account.accountId, chosen.productId, today) : 0;
  let split = splitRedemption({ product: chosen, mode: body.mode, unitsCenti: body.unitsCenti, availableUnitsCenti: holding?.availableUnitsCenti ?? 0, fastCapLeftFen });
  await requirePin(customer, body.pin, now);

  const owner = { customerId, accountId: account.accountId, productId: chosen.productId, productName: chosen.name };
  const base = {
    customerId,
    accountId: account.accountId,
    kind: 'REDEMPTION' as const,
    productId: chosen.productId,
    productName: chosen.name,
    productVersion: chosen.version,
    placedAt: now.toISOString(),
    placedOn: today,
    coolingOffEndsOn: null,
    amountFen: null,
    valueFen: null,
    residualFen: null,
    settlementJournalId: null,
    riskAcknowledgement: null,
  };
  for (let attempt = 1; attempt <= MAX_CAP_ATTEMPTS; attempt++) {
    const { fastUnitsCenti, normalUnitsCenti } = split;
    const guards = [
      // Both parts take their units in one condition: what is available covers the whole request.
      wealth.holdingGuard(
        owner,
        { unitsCenti: -fastUnitsCenti, availableUnitsCenti: -body.unitsCenti, frozenUnitsCenti: normalUnitsCenti, redeemedFen: fastUnitsCenti },
        { availableAtLeast: body.unitsCenti },
      ),
    ];
    if (normalUnitsCenti > 0) {
      guards.push(
        ...wealth.newOrderGuards({
          ...base,
          orderId: normalOrderId,
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
    let outcome: { ok: true } | { ok: false; reason: string; guard?: string };
    if (fastUnitsCenti > 0) {
      // A money-market unit-centi is worth exactly one fen (NAV 1.0000).
      const proceedsFen = valueFen(fastUnitsCenti, MONEY_MARKET_NAV_CENTI_FEN);
      guards.push(
        ...wealth.newOrderGuards({
          ...base,
          orderId: fastOrderId,
          redemption: 'FAST',
          status: 'CONFIRMED',
          confirmDate: today,
          unitsCenti: fastUnitsCenti,
          navCentiFen: MONEY_MARKET_NAV_CENTI_FEN,
          navDate: today,
          proceedsFen,
          journalId: fastJournalId,
          settledAt: now.toISOString(),
        }),
      );
      const journal = wealthRedemptionJournal({
        journalId: fastJournalId,
        createdAt: now.toISOString(),
        productName: chosen.name,
        orderId: fastOrderId,
        customerAccountId: account.accountId,
        custodyShardAccountId: custodyShard(chosen.productId, fastJournalId),
        amountFen: proceedsFen,
        redemption: 'FAST',
      });
      // The daily cap is a counter in the same transaction: concurrent fast redemptions cannot
      // together pass it.
      const bucket = wealth.fastRedemptionBucket(chosen.productId, today);
      outcome = await postJournal(journal, { guards, limitCharges: [{ accountId: account.accountId, limit: 'FAST_REDEEM_DAILY', bucket, amountFen: proceedsFen, limitFen: fastCapFen() }] });
    } else {
      const written = await wealth.writeGuards(guards);
      outcome = written.ok ? written : { ok: false, reason: 'GUARD_FAILED', guard: written.guard };
    }
    if (outcome.ok) return answer(body.mode === 'FAST' && normalUnitsCenti > 0);
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'HOLDING_UNITS') return refuse('unprocessable', 'INSUFFICIENT_UNITS', '可赎回份额不足');
    if (outcome.reason !== 'LIMIT_EXCEEDED') throw new Error(`wealth redemption refused unexpectedly: ${JSON.stringify(outcome)}`);
    // Another fast redemption used the cap meanwhile: split again on what is left (the units were
    // checked above, and the holding's condition checks them again in the write).
    const capLeft = await fastLeftFen(account.accountId, chosen.productId, today);
    split = splitRedemption({ product: chosen, mode: body.mode, unitsCenti: body.unitsCenti, availableUnitsCenti: body.unitsCenti, fastCapLeftFen: capLeft });
  }
  return refuse('conflict', 'REQUEST_CONFLICT', '赎回请求较多，请稍后重试');
});

// ---- operators --------------------------------------------------------------------------------

const publish = defineRoute('adminPublishWealthProduct', routes.adminPublishWealthProduct, async ({ body, now }) => {
  const published = await wealth.publishWealthProduct(body, now);
  const today = await currentBusinessDate(now);
  return productView(published, await wealth.latestPrice(published.productId, today), today, fastCapFen());
});

const setStatus = defineRoute('adminWealthProductStatus', routes.adminWealthProductStatus, async ({ params, body, now }) => {
  const chosen = await product(params.productId);
  const published = chosen.status === body.status ? chosen : await wealth.publishWealthProduct({ ...chosen, status: body.status }, now);
  const today = await currentBusinessDate(now);
  return productView(published, await wealth.latestPrice(published.productId, today), today, fastCapFen());
});

/** Today's price may be replaced until the close; a closed date's only filled in if missing
 *  (confirmations already used whatever was there). */
async function publishPrice(price: wealth.PriceRecord, now: Date) {
  const today = await currentBusinessDate(now);
  if (price.date > today) refuse('invalid', 'PRICE_DATE_IN_FUTURE', '不能发布未来日期的净值或收益率');
  if (!(await wealth.putPrice(price, now, { replace: price.date === today }))) {
    refuse('conflict', 'PRICE_ALREADY_CLOSED', '该日期已日终且已有净值，不能修改');
  }
  return { ...price, navDisplay: formatNav(price.navCentiFen) };
}

const publishNav = defineRoute('adminWealthNav', routes.adminWealthNav, async ({ body, now }) => {
  const chosen = await product(body.productId);
  if (isMoneyMarket(chosen)) refuse('unprocessable', 'NAV_FIXED', '货币基金净值固定为 1.0000，请发布七日年化收益率与万份收益');
  return publishPrice({ productId: chosen.productId, date: body.navDate, navCentiFen: body.navCentiFen, sevenDayYieldBps: null, incomePer10kCentiFen: null }, now);
});

const publishYield = defineRoute('adminWealthYield', routes.adminWealthYield, async ({ body, now }) => {
  const chosen = await product(body.productId);
  if (!isMoneyMarket(chosen)) refuse('unprocessable', 'NOT_MONEY_MARKET', '只有货币基金发布七日年化收益率，其他产品请发布净值');
  return publishPrice(
    {
      productId: chosen.productId,
      date: body.yieldDate,
      navCentiFen: MONEY_MARKET_NAV_CENTI_FEN,
      sevenDayYieldBps: body.sevenDayYieldBps,
      incomePer10kCentiFen: body.incomePer10kCentiFen,
    },
    now,
  );
});

export const handler = lambda([
  productList,
  productDetail,
  productHistory,
  questionnaire,
  riskProfile,
  assess,
  purchaseTerms,
  purchase,
  orders,
  orderDetail,
  cancel,
  holdings,
  redeem,
  publish,
  setStatus,
  publishNav,
  publishYield,
]);
