// The wealth (理财) part of the API contract (see schemas.ts for the conventions). Units are
// integers in hundredths (`unitsCenti`), NAVs in hundredths of a fen (`navCentiFen`, 1.0234 yuan
// = 10234); every figure also travels as display text, so the mini-program computes nothing.
import * as z from 'zod/mini';
import { CHART_PERIODS, MAX_CHART_POINTS } from '../domain/wealth/figures.js';
import { ISSUER_TYPES, RISK_LEVELS, WEALTH_PRODUCT_TYPES } from '../domain/wealth/product.js';
import { CUSTOMER_RISK_LEVELS } from '../domain/wealth/risk.js';
import { AmountFen, IsoTime, Reference } from './schemas.js';
import { SecondFactor } from './second-factor-schemas.js';
import { UnitsCenti, WealthProductId as ProductId } from './wealth-units-schema.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const OrderId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^W[A-Za-z0-9_-]{20,40}$/)));
const RiskLevel = /* @__PURE__ */ lazySchema(() => z.enum(RISK_LEVELS));
const CustomerRiskLevel = /* @__PURE__ */ lazySchema(() => z.enum(CUSTOMER_RISK_LEVELS));

export const WealthProductIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ productId: ProductId }));
export const WealthOrderIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ orderId: OrderId }));

export const WealthProductView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      version: z.int(),
      name: z.string(),
      type: z.enum(WEALTH_PRODUCT_TYPES),
      typeLabel: z.string(),
      issuerType: z.enum(ISSUER_TYPES),
      issuerLabel: z.string(),
      issuerName: z.string(),
      offering: z.enum(['PUBLIC', 'PRIVATE']),
      riskLevel: RiskLevel,
      riskLabel: z.string(),
      status: z.enum(['OPEN', 'CLOSED']),
      /** Whether a purchase would be taken today (open, within the subscription window). */
      onSale: z.boolean(),
      minPurchaseFen: z.int(),
      stepFen: z.int(),
      maxPurchaseFen: z.int(),
      purchaseRule: z.string().check(z.meta({ description: 'e.g. "0.01 元起购"' })),
      subscriptionOpensOn: IsoDate,
      subscriptionClosesOn: z.nullable(IsoDate),
      termDays: z.nullable(z.int()),
      maturityDate: z.nullable(IsoDate),
      benchmarkBps: z.nullable(z.int()).check(z.meta({ description: 'Fixed-term: the stated performance benchmark (业绩比较基准), bps a year' })),
      coolingOffHours: z.int(),
      fees: z.object({ managementBpsPerYear: z.int(), custodyBpsPerYear: z.int(), salesServiceBpsPerYear: z.int(), display: z.string() }),
      disclosureVersion: z.string(),
      description: z.string(),
      /** The figure to show big, what products of the kind are compared by: a money-market fund's
       *  7-day annualized yield, a fixed-term product's performance benchmark, a fund's 1-year
       *  return (since inception while younger than a year). Never the unit NAV. */
      headline: z.object({
        kind: z.enum(['SEVEN_DAY_YIELD', 'BENCHMARK', 'ONE_YEAR_RETURN', 'SINCE_INCEPTION_RETURN']),
        label: z.string(),
        rateBps: z.nullable(z.int()).check(z.meta({ description: 'Null until there is enough history' })),
        display: z.string(),
        date: z.nullable(IsoDate),
      }),
      navCentiFen: z.nullable(z.int()),
      navDisplay: z.nullable(z.string()),
      sevenDayYieldBps: z.nullable(z.int()).check(z.meta({ description: "Money-market: the headline's 7-day annualized yield" })),
      incomePer10kDisplay: z.nullable(z.string()),
      priceDate: z.nullable(IsoDate),
      fastRedemption: z.boolean(),
      fastRedemptionDailyCapFen: z.nullable(z.int()),
      redemptionRule: z.string(),
    })
    .check(z.meta({ id: 'WealthProductView' })),
);

export const WealthProductList = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(WealthProductView), businessDate: IsoDate }).check(z.meta({ id: 'WealthProductList' })));

export const WealthHistoryQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      period: z.optional(z.enum(CHART_PERIODS)).check(z.meta({ description: '1M, 3M, 1Y or ALL (since inception); default 1M' })),
    })
    .check(z.meta({ id: 'WealthHistoryQuery' })),
);

export const WealthHistoryPoint = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      date: IsoDate,
      value: z.int().check(z.meta({ description: 'navCentiFen, or the 7-day annualized yield in bps for money-market funds' })),
      display: z.string(),
      yPermille: z.int().check(z.meta({ description: "Height on the chart's value axis, 0 (bottom) to 1000 (top), scaled by the server" })),
    })
    .check(z.meta({ id: 'WealthHistoryPoint' })),
);

export const WealthHistory = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      series: z.enum(['NAV', 'SEVEN_DAY_YIELD']),
      seriesLabel: z.string(),
      period: z.enum(CHART_PERIODS),
      periods: z.array(z.object({ period: z.enum(CHART_PERIODS), label: z.string() })).check(z.meta({ description: 'The tabs, in order' })),
      points: z.array(WealthHistoryPoint).check(z.maxLength(MAX_CHART_POINTS), z.meta({ description: 'Oldest first, sampled evenly over the period' })),
      axis: z.object({ ticks: z.array(z.object({ display: z.string(), yPermille: z.int() })) }),
      periodReturn: z.nullable(z.object({ bps: z.int(), display: z.string() })).check(z.meta({ description: 'NAV series: the return over the period shown' })),
      lowDisplay: z.nullable(z.string()),
      highDisplay: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'WealthHistory' })),
);

export const RiskQuestionnaire = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      questionnaireVersion: z.string(),
      questions: z.array(
        z.object({ questionId: z.string(), text: z.string(), options: z.array(z.object({ optionId: z.string(), text: z.string() })) }),
      ),
      validityMonths: z.int(),
    })
    .check(z.meta({ id: 'RiskQuestionnaire' })),
);

export const RiskAssessmentRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      questionnaireVersion: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
      answers: z
        .array(z.strictObject({ questionId: z.string().check(z.regex(/^q\d{2}$/)), optionId: z.string().check(z.regex(/^q\d{2}-[a-e]$/)) }))
        .check(z.minLength(1), z.maxLength(20)),
    })
    .check(z.meta({ id: 'RiskAssessmentRequest' })),
);

export const RiskAssessmentView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      level: CustomerRiskLevel,
      levelLabel: z.string(),
      score: z.int(),
      maxRiskLevel: RiskLevel.check(z.meta({ description: 'The highest product risk level the customer may buy' })),
      assessedOn: IsoDate,
      validThrough: IsoDate,
      valid: z.boolean(),
    })
    .check(z.meta({ id: 'RiskAssessmentView' })),
);

export const RiskProfile = /* @__PURE__ */ lazySchema(() => z.object({ assessment: z.nullable(RiskAssessmentView) }).check(z.meta({ id: 'RiskProfile' })));

export const WealthPurchaseTerms = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      product: WealthProductView,
      suitable: z.boolean(),
      suitability: z.nullable(z.object({ code: z.string(), message: z.string() })),
      assessment: z.nullable(RiskAssessmentView),
      suitableProducts: z
        .array(WealthProductView)
        .check(z.meta({ description: "The product is above the customer's valid risk level: the products on sale the customer may buy" })),
      businessDate: IsoDate,
      confirmDate: IsoDate.check(z.meta({ description: 'The day close of this date confirms the units' })),
      cancellableUntil: z.nullable(IsoTime).check(
        z.meta({ description: 'Bought now: the order may be cancelled until this time (now + coolingOffHours); null without cooling-off' }),
      ),
      disclosure: z.object({ version: z.string(), title: z.string(), text: z.string() }),
      balanceFen: z.int(),
    })
    .check(z.meta({ id: 'WealthPurchaseTerms' })),
);

export const WealthPurchaseRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: ProductId,
      amountFen: AmountFen,
      riskDisclosure: z
        .strictObject({ acknowledged: z.literal(true), version: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,40}$/)) })
        .check(z.meta({ description: 'The risk disclosure the customer read and accepted; stored with the order' })),
      secondFactor: SecondFactor,
    })
    .check(z.meta({ id: 'WealthPurchaseRequest' })),
);

export const WealthOrderView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      orderId: OrderId,
      kind: z.enum(['PURCHASE', 'REDEMPTION']),
      kindLabel: z.string(),
      productId: ProductId,
      productName: z.string(),
      status: z.enum(['PENDING', 'CONFIRMED', 'CANCELLED', 'FAILED']),
      statusLabel: z.string(),
      placedAt: IsoTime,
      placedOn: IsoDate,
      confirmDate: IsoDate.check(z.meta({ description: 'The earliest day close that confirms it; a purchase still inside its cooling-off waits for a later one' })),
      cancellableUntil: z.nullable(IsoTime).check(
        z.meta({ description: 'A purchase with cooling-off: cancellable until this time (the order time + coolingOffHours), whatever the day close does; null without' }),
      ),
      cancellable: z.boolean().check(z.meta({ description: 'It may be cancelled now' })),
      amountFen: z.nullable(z.int()),
      unitsCenti: z.nullable(z.int()),
      unitsDisplay: z.nullable(z.string()),
      navDisplay: z.nullable(z.string()),
      navDate: z.nullable(IsoDate),
      valueFen: z.nullable(z.int()),
      residualFen: z.nullable(z.int()),
      proceedsFen: z.nullable(z.int()),
      journalId: z.nullable(z.string()),
      settlementJournalId: z.nullable(z.string()),
      riskAcknowledgement: z.nullable(
        z.object({ disclosureVersion: z.string(), acknowledgedAt: IsoTime, customerRiskLevel: z.string(), productRiskLevel: z.string() }),
      ),
    })
    .check(z.meta({ id: 'WealthOrderView' })),
);

export const WealthOrdersQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ productId: z.optional(ProductId), limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))) })
    .check(z.meta({ id: 'WealthOrdersQuery' })),
);

export const WealthOrderList = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(WealthOrderView), businessDate: IsoDate }).check(z.meta({ id: 'WealthOrderList' })));

export const WealthPurchaseResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string().check(z.meta({ description: 'The journal that paid for the order' })),
      reference: Reference.check(z.meta({ description: "The journal's 参考号, as its history entry shows it" })),
      order: WealthOrderView,
      balanceFen: z.int(),
    })
    .check(z.meta({ id: 'WealthPurchaseResult' })),
);

export const WealthCancelResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string().check(z.meta({ description: 'The refund journal' })),
      reference: Reference.check(z.meta({ description: "The refund journal's 参考号, as its history entry shows it" })),
      order: WealthOrderView,
      balanceFen: z.int(),
    })
    .check(z.meta({ id: 'WealthCancelResult' })),
);

export const WealthSecondFactorOnly = /* @__PURE__ */ lazySchema(() => z.strictObject({ secondFactor: SecondFactor }).check(z.meta({ id: 'WealthSecondFactorOnly' })));

export const WealthHoldingView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      productName: z.string(),
      type: z.enum(WEALTH_PRODUCT_TYPES),
      riskLevel: RiskLevel,
      unitsCenti: z.int(),
      unitsDisplay: z.string(),
      availableUnitsCenti: z.int(),
      availableUnitsDisplay: z.string(),
      frozenUnitsCenti: z.int().check(z.meta({ description: 'Units in normal redemptions waiting for their day close' })),
      frozenUnitsDisplay: z.string(),
      navDisplay: z.string(),
      navDate: z.nullable(IsoDate),
      marketValueFen: z.int(),
      yesterdayEarningsFen: z.int(),
      totalEarningsFen: z.int(),
      pendingPurchaseFen: z.int().check(z.meta({ description: 'Paid, waiting for confirmation (not in the market value)' })),
      pendingRedemptionFen: z.int().check(z.meta({ description: 'The market value of the units in normal redemptions (part of the market value)' })),
      maturityDate: z.nullable(IsoDate),
      redeemable: z.boolean(),
      fastRedemption: z.boolean(),
      fastRedemptionLeftFen: z.nullable(z.int()).check(z.meta({ description: "What is left of today's fast-redemption cap" })),
    })
    .check(z.meta({ id: 'WealthHoldingView' })),
);

export const WealthHoldings = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      items: z.array(WealthHoldingView),
      totals: z.object({
        totalAssetsFen: z.int().check(z.meta({ description: 'Market value + pending purchases: each fen once' })),
        heldValueFen: z.int().check(z.meta({ description: 'The market value not being redeemed' })),
        inTransitFen: z.int().check(z.meta({ description: 'Pending purchases + pending redemptions; heldValueFen + inTransitFen = totalAssetsFen' })),
        marketValueFen: z.int(),
        pendingPurchaseFen: z.int(),
        pendingRedemptionFen: z.int(),
        yesterdayEarningsFen: z.int(),
        totalEarningsFen: z.int(),
      }),
      businessDate: IsoDate,
    })
    .check(z.meta({ id: 'WealthHoldings' })),
);

export const WealthRedemptionRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: ProductId,
      unitsCenti: UnitsCenti,
      mode: z.enum(['FAST', 'NORMAL']).check(z.meta({ description: 'FAST: money-market T+0 within the daily cap, the rest goes NORMAL (T+1)' })),
      secondFactor: SecondFactor,
    })
    .check(z.meta({ id: 'WealthRedemptionRequest' })),
);

export const WealthRedemptionResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.nullable(z.string()).check(z.meta({ description: 'The fast part’s journal; null when nothing was paid at once' })),
      reference: z.nullable(Reference).check(z.meta({ description: "The fast part's 参考号; null when nothing was paid at once" })),
      fast: z.nullable(WealthOrderView),
      normal: z.nullable(WealthOrderView),
      capExceeded: z.boolean().check(z.meta({ description: 'Part of a fast request went normal because of the daily cap' })),
      message: z.string(),
      balanceFen: z.int(),
    })
    .check(z.meta({ id: 'WealthRedemptionResult' })),
);

export type WealthProductView = z.infer<typeof WealthProductView>;
export type WealthProductList = z.infer<typeof WealthProductList>;
export type WealthHistory = z.infer<typeof WealthHistory>;
export type WealthHistoryPoint = z.infer<typeof WealthHistoryPoint>;
export type RiskQuestionnaire = z.infer<typeof RiskQuestionnaire>;
export type RiskAssessmentRequest = z.infer<typeof RiskAssessmentRequest>;
export type RiskAssessmentView = z.infer<typeof RiskAssessmentView>;
export type RiskProfile = z.infer<typeof RiskProfile>;
export type WealthPurchaseTerms = z.infer<typeof WealthPurchaseTerms>;
export type WealthPurchaseRequest = z.infer<typeof WealthPurchaseRequest>;
export type WealthOrderView = z.infer<typeof WealthOrderView>;
export type WealthOrderList = z.infer<typeof WealthOrderList>;
export type WealthPurchaseResult = z.infer<typeof WealthPurchaseResult>;
export type WealthCancelResult = z.infer<typeof WealthCancelResult>;
export type WealthHoldingView = z.infer<typeof WealthHoldingView>;
export type WealthHoldings = z.infer<typeof WealthHoldings>;
export type WealthRedemptionRequest = z.infer<typeof WealthRedemptionRequest>;
export type WealthRedemptionResult = z.infer<typeof WealthRedemptionResult>;
