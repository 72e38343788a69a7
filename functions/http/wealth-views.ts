// Shapes wealth records into the contract's views: every figure as an integer and as text, so the
// mini-program shows what the server says and computes nothing.
import type {
  RiskAssessmentView,
  RiskQuestionnaire,
  WealthCancelResult,
  WealthPurchaseResult,
  WealthHistory,
  WealthHoldings,
  WealthHoldingView,
  WealthOrderView,
  WealthProductView,
  WealthPurchaseTerms,
  WealthRedemptionResult,
} from '../contract/wealth-schemas.js';
import { formatRateBps, formatYuan } from '../domain/format.js';
import { journalReference } from '../domain/history.js';
import { addDays } from '../domain/loan/dates.js';
import {
  CHART_PERIOD_LABELS,
  CHART_PERIODS,
  type ChartPeriod,
  chartOf,
  formatSignedBps,
  holdingMoney,
  navReturnBps,
  totalAssets,
} from '../domain/wealth/figures.js';
import { isCancellable, isOnSale, totalEarningsFen } from '../domain/wealth/orders.js';
import {
  currentNavCentiFen,
  ISSUER_TYPE_LABELS,
  isMoneyMarket,
  PRODUCT_TYPE_LABELS,
  purchaseRuleText,
  RISK_LEVEL_LABELS,
  type WealthProduct,
} from '../domain/wealth/product.js';
import { CUSTOMER_RISK_LABELS, isAssessmentValid, maxRiskLevelFor, type RiskAssessment, type RiskQuestion } from '../domain/wealth/risk.js';
import { formatIncomePer10k, formatNav, formatUnits } from '../domain/wealth/units.js';
import type { HoldingLine, OrderResult, PurchaseTerms, RedemptionResult } from '../services/wealth-orders.js';
import type { ProductQuote } from '../services/wealth-products.js';
import type { PriceRecord, WealthOrderRecord } from '../store/wealth.js';

function redemptionRule(product: WealthProduct, fastCapFen: number): string {
  if (product.type === 'FIXED_TERM') return `封闭期内不可赎回，${product.maturityDate} 到期后自动赎回至电子账户`;
  if (isMoneyMarket(product)) return `快速赎回实时到账，每日限额 ${formatYuan(fastCapFen)} 元；普通赎回下一营业日到账`;
  return '赎回按下一营业日净值确认，资金确认后到账电子账户';
}

export function productView({ product, price, headline, today, fastCapFen }: ProductQuote): WealthProductView {
  const moneyMarket = isMoneyMarket(product);
  const navCentiFen = currentNavCentiFen(product, price);
  const { fees } = product;
  return {
    productId: product.productId,
    version: product.version,
    name: product.name,
    type: product.type,
    typeLabel: PRODUCT_TYPE_LABELS[product.type],
    issuerType: product.issuerType,
    issuerLabel: ISSUER_TYPE_LABELS[product.issuerType],
    issuerName: product.issuerName,
    offering: product.offering,
    riskLevel: product.riskLevel,
    riskLabel: RISK_LEVEL_LABELS[product.riskLevel],
    status: product.status,
    onSale: isOnSale(product, today),
    minPurchaseFen: product.minPurchaseFen,
    stepFen: product.stepFen,
    maxPurchaseFen: product.maxPurchaseFen,
    purchaseRule: purchaseRuleText(product),
    subscriptionOpensOn: product.subscriptionOpensOn,
    subscriptionClosesOn: product.subscriptionClosesOn,
    termDays: product.termDays,
    maturityDate: product.maturityDate,
    benchmarkBps: product.benchmarkBps ?? null,
    coolingOffHours: product.coolingOffHours,
    fees: {
      ...fees,
      display: `管理费 ${formatRateBps(fees.managementBpsPerYear)}/年 · 托管费 ${formatRateBps(fees.custodyBpsPerYear)}/年 · 销售服务费 ${formatRateBps(fees.salesServiceBpsPerYear)}/年`,
    },
    disclosureVersion: product.disclosureVersion,
    description: product.description,
    headline,
    navCentiFen,
    navDisplay: navCentiFen === null ? null : formatNav(navCentiFen),
    sevenDayYieldBps: moneyMarket ? headline.rateBps : null,
    incomePer10kDisplay: moneyMarket && price?.incomePer10kCentiFen != null ? formatIncomePer10k(price.incomePer10kCentiFen) : null,
    priceDate: price?.date ?? null,
    fastRedemption: moneyMarket,
    fastRedemptionDailyCapFen: moneyMarket ? fastCapFen : null,
    redemptionRule: redemptionRule(product, fastCapFen),
  };
}

export const priceView = (price: PriceRecord) => ({ ...price, navDisplay: formatNav(price.navCentiFen) });

/** The chart of a product over a period: its points placed on the value axis by the server. */
export function historyView(product: WealthProduct, period: ChartPeriod, values: readonly { date: string; value: number }[]): WealthHistory {
  const moneyMarket = isMoneyMarket(product);
  const format = (value: number) => (moneyMarket ? formatRateBps(value) : formatNav(value));
  const { points, axis } = chartOf(values, format);
  const low = values.length ? Math.min(...values.map((point) => point.value)) : null;
  const high = values.length ? Math.max(...values.map((point) => point.value)) : null;
  const first = values[0];
  const last = values.at(-1);
  const periodReturnBps = !moneyMarket && first && last && first !== last ? navReturnBps(first.value, last.value) : null;
  return {
    productId: product.productId,
    series: moneyMarket ? 'SEVEN_DAY_YIELD' : 'NAV',
    seriesLabel: moneyMarket ? '七日年化收益率' : '单位净值',
    period,
    periods: CHART_PERIODS.map((each) => ({ period: each, label: CHART_PERIOD_LABELS[each] })),
    points,
    axis,
    periodReturn: periodReturnBps === null ? null : { bps: periodReturnBps, display: formatSignedBps(periodReturnBps) },
    lowDisplay: low === null ? null : format(low),
    highDisplay: high === null ? null : format(high),
  };
}

export function questionnaireView(questionnaire: { questionnaireVersion: string; questions: readonly RiskQuestion[]; validityMonths: number }): RiskQuestionnaire {
  return {
    ...questionnaire,
    // Scores stay on the server: the customer answers, the bank scores.
    questions: questionnaire.questions.map(({ questionId, text, options }) => ({
      questionId,
      text,
      options: options.map(({ optionId, text: optionText }) => ({ optionId, text: optionText })),
    })),
  };
}

export function assessmentView(assessment: RiskAssessment, today: string): RiskAssessmentView {
  return {
    level: assessment.level,
    levelLabel: CUSTOMER_RISK_LABELS[assessment.level],
    score: assessment.score,
    maxRiskLevel: maxRiskLevelFor(assessment.level),
    assessedOn: assessment.assessedOn,
    validThrough: assessment.validThrough,
    valid: isAssessmentValid(assessment, today),
  };
}

export function purchaseTermsView(terms: PurchaseTerms): WealthPurchaseTerms {
  const { today } = terms.quote;
  const fit = terms.suitability;
  return {
    product: productView(terms.quote),
    suitable: fit.ok,
    suitability: fit.ok ? null : { code: fit.code, message: fit.message },
    assessment: terms.assessment ? assessmentView(terms.assessment, today) : null,
    suitableProducts: terms.suitableProducts.map(productView),
    businessDate: today,
    confirmDate: terms.confirmDate,
    cancellableUntil: terms.cancellableUntil,
    disclosure: terms.disclosure,
    balanceFen: terms.balanceFen,
  };
}

const STATUS_LABELS: Record<WealthOrderRecord['status'], string> = {
  PENDING: '确认中',
  CONFIRMED: '已确认',
  CANCELLED: '已撤销',
  FAILED: '申购失败',
};

function kindLabel(order: WealthOrderRecord): string {
  if (order.kind === 'PURCHASE') return '申购';
  return order.redemption === 'FAST' ? '快速赎回' : order.redemption === 'MATURITY' ? '到期赎回' : '赎回';
}

/** `now`: the bank's clock when the order was read, which says whether it may still be cancelled. */
export function orderView(order: WealthOrderRecord, now: Date): WealthOrderView {
  return {
    orderId: order.orderId,
    kind: order.kind,
    kindLabel: kindLabel(order),
    productId: order.productId,
    productName: order.productName,
    status: order.status,
    statusLabel: order.status === 'CONFIRMED' && order.kind === 'REDEMPTION' ? '已到账' : STATUS_LABELS[order.status],
    placedAt: order.placedAt,
    placedOn: order.placedOn,
    confirmDate: order.confirmDate,
    cancellableUntil: order.cancellableUntil,
    cancellable: isCancellable(order, now),
    amountFen: order.amountFen,
    unitsCenti: order.unitsCenti,
    unitsDisplay: order.unitsCenti === null ? null : formatUnits(order.unitsCenti),
    navDisplay: order.navCentiFen === null ? null : formatNav(order.navCentiFen),
    navDate: order.navDate,
    valueFen: order.valueFen,
    residualFen: order.residualFen,
    proceedsFen: order.proceedsFen,
    journalId: order.journalId,
    settlementJournalId: order.settlementJournalId,
    riskAcknowledgement: order.riskAcknowledgement
      ? {
          disclosureVersion: order.riskAcknowledgement.disclosureVersion,
          acknowledgedAt: order.riskAcknowledgement.acknowledgedAt,
          customerRiskLevel: order.riskAcknowledgement.customerRiskLevel,
          productRiskLevel: order.riskAcknowledgement.productRiskLevel,
        }
      : null,
  };
}

/** A purchase's or a cancel's answer (the same shape). */
export const orderResultView = ({ journalId, order, asOf, balanceFen }: OrderResult): WealthPurchaseResult & WealthCancelResult => ({
  journalId,
  reference: journalReference(journalId),
  order: orderView(order, asOf),
  balanceFen,
});

function holdingView({ product, holding, price, pendingPurchaseFen, fastLeftFen }: HoldingLine, today: string): WealthHoldingView {
  const units = holding?.unitsCenti ?? 0;
  const available = holding?.availableUnitsCenti ?? 0;
  const navCentiFen = currentNavCentiFen(product, price);
  const money = holdingMoney({ unitsCenti: units, frozenUnitsCenti: holding?.frozenUnitsCenti ?? 0, navCentiFen, pendingPurchaseFen });
  const { marketValueFen } = money;
  const closed = holding?.closedEarnings;
  return {
    productId: product.productId,
    productName: product.name,
    type: product.type,
    riskLevel: product.riskLevel,
    unitsCenti: units,
    unitsDisplay: formatUnits(units),
    availableUnitsCenti: available,
    availableUnitsDisplay: formatUnits(available),
    frozenUnitsCenti: holding?.frozenUnitsCenti ?? 0,
    frozenUnitsDisplay: formatUnits(holding?.frozenUnitsCenti ?? 0),
    navDisplay: navCentiFen === null ? '—' : formatNav(navCentiFen),
    navDate: price?.date ?? null,
    marketValueFen,
    yesterdayEarningsFen: closed && closed.date === addDays(today, -1) ? closed.dayEarningsFen : 0,
    totalEarningsFen: holding ? totalEarningsFen({ marketValueFen, redeemedFen: holding.redeemedFen, investedFen: holding.investedFen }) : 0,
    pendingPurchaseFen,
    pendingRedemptionFen: money.pendingRedemptionFen,
    maturityDate: product.maturityDate,
    redeemable: product.type !== 'FIXED_TERM' && available > 0,
    fastRedemption: isMoneyMarket(product),
    fastRedemptionLeftFen: fastLeftFen,
  };
}

export function holdingsView({ lines, today }: { lines: HoldingLine[]; today: string }): WealthHoldings {
  const items = lines.map((line) => holdingView(line, today));
  const sum = (pick: (item: WealthHoldingView) => number) => items.reduce((total, item) => total + pick(item), 0);
  return {
    items,
    totals: {
      ...totalAssets(items),
      marketValueFen: sum((item) => item.marketValueFen),
      yesterdayEarningsFen: sum((item) => item.yesterdayEarningsFen),
      totalEarningsFen: sum((item) => item.totalEarningsFen),
    },
    businessDate: today,
  };
}

function redemptionMessage(fast: WealthOrderView | null, normal: WealthOrderView | null, capExceeded: boolean): string {
  const parts: string[] = [];
  if (fast) parts.push(`快速赎回 ${formatYuan(fast.proceedsFen!)} 元已实时到账`);
  if (normal) {
    const why = capExceeded ? '超出今日快速赎回额度的部分' : '赎回申请';
    parts.push(`${why} ${normal.unitsDisplay} 份将于 ${normal.confirmDate} 日终按当日净值确认，资金到账电子账户`);
  }
  return parts.join('；');
}

export function redemptionView(result: RedemptionResult): WealthRedemptionResult {
  const fast = result.fast ? orderView(result.fast, result.asOf) : null;
  const normal = result.normal ? orderView(result.normal, result.asOf) : null;
  return {
    journalId: result.fast?.journalId ?? null,
    reference: result.fast?.journalId ? journalReference(result.fast.journalId) : null,
    fast,
    normal,
    capExceeded: result.capExceeded,
    message: redemptionMessage(fast, normal, result.capExceeded),
    balanceFen: result.balanceFen,
  };
}
