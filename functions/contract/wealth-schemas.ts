// The wealth (理财) part of the API contract (see schemas.ts for the conventions). Units are
// integers in hundredths (`unitsCenti`), NAVs in hundredths of a fen (`navCentiFen`, 1.0234 yuan
// = 10234); every figure also travels as display text, so the mini-program computes nothing.
import * as z from 'zod';
import { ISSUER_TYPES, MAX_NAV_CENTI_FEN, RISK_LEVELS, WEALTH_PRODUCT_TYPES, wealthProductSchema } from '../domain/wealth/product.js';
import { CUSTOMER_RISK_LEVELS } from '../domain/wealth/risk.js';
import { AmountFen, IsoTime, Pin } from './schemas.js';

const IsoDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' });
const ProductId = z.string().regex(/^[a-z][a-z0-9-]{2,39}$/);
const OrderId = z.string().regex(/^W[A-Za-z0-9_-]{20,40}$/);
const RiskLevel = z.enum(RISK_LEVELS);
const CustomerRiskLevel = z.enum(CUSTOMER_RISK_LEVELS);
const UnitsCenti = z.int().min(1).max(10_000_000_000).meta({ description: 'Units in hundredths (12345 = 123.45 units)' });

export const WealthProductIdParams = z.object({ productId: ProductId }).strict();
export const WealthOrderIdParams = z.object({ orderId: OrderId }).strict();

export const WealthProductView = z
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
    purchaseRule: z.string().meta({ description: 'e.g. "0.01 元起购"' }),
    subscriptionOpensOn: IsoDate,
    subscriptionClosesOn: IsoDate.nullable(),
    termDays: z.int().nullable(),
    maturityDate: IsoDate.nullable(),
    coolingOffHours: z.int(),
    fees: z.object({ managementBpsPerYear: z.int(), custodyBpsPerYear: z.int(), salesServiceBpsPerYear: z.int(), display: z.string() }),
    disclosureVersion: z.string(),
    description: z.string(),
    /** The figure to show big: the 7-day annualized yield of a money-market fund, else the NAV. */
    headline: z.object({ label: z.string(), display: z.string(), date: IsoDate.nullable() }),
    navCentiFen: z.int().nullable(),
    navDisplay: z.string().nullable(),
    sevenDayYieldBps: z.int().nullable(),
    incomePer10kDisplay: z.string().nullable(),
    priceDate: IsoDate.nullable(),
    fastRedemption: z.boolean(),
    fastRedemptionDailyCapFen: z.int().nullable(),
    redemptionRule: z.string(),
  })
  .meta({ id: 'WealthProductView' });

export const WealthProductList = z.object({ items: z.array(WealthProductView), businessDate: IsoDate }).meta({ id: 'WealthProductList' });

export const WealthHistoryQuery = z
  .object({ days: z.coerce.number().int().min(7).max(90).optional().meta({ description: 'How many days back (default 30)' }) })
  .strict()
  .meta({ id: 'WealthHistoryQuery' });

export const WealthHistoryPoint = z
  .object({
    date: IsoDate,
    value: z.int().meta({ description: 'navCentiFen, or sevenDayYieldBps for money-market funds' }),
    display: z.string(),
    /** Bar height for the chart, 8–100, scaled by the server between the period's low and high. */
    heightPercent: z.int(),
  })
  .meta({ id: 'WealthHistoryPoint' });

export const WealthHistory = z
  .object({
    productId: ProductId,
    series: z.enum(['NAV', 'SEVEN_DAY_YIELD']),
    seriesLabel: z.string(),
    points: z.array(WealthHistoryPoint),
    lowDisplay: z.string().nullable(),
    highDisplay: z.string().nullable(),
  })
  .meta({ id: 'WealthHistory' });

export const RiskQuestionnaire = z
  .object({
    questionnaireVersion: z.string(),
    questions: z.array(
      z.object({ questionId: z.string(), text: z.string(), options: z.array(z.object({ optionId: z.string(), text: z.string() })) }),
    ),
    validityMonths: z.int(),
  })
  .meta({ id: 'RiskQuestionnaire' });

export const RiskAssessmentRequest = z
  .object({
    questionnaireVersion: z.string().regex(/^[a-z0-9-]{1,40}$/),
    answers: z
      .array(z.object({ questionId: z.string().regex(/^q\d{2}$/), optionId: z.string().regex(/^q\d{2}-[a-e]$/) }).strict())
      .min(1)
      .max(20),
  })
  .strict()
  .meta({ id: 'RiskAssessmentRequest' });

export const RiskAssessmentView = z
  .object({
    level: CustomerRiskLevel,
    levelLabel: z.string(),
    score: z.int(),
    maxRiskLevel: RiskLevel.meta({ description: 'The highest product risk level the customer may buy' }),
    assessedOn: IsoDate,
    validThrough: IsoDate,
    valid: z.boolean(),
  })
  .meta({ id: 'RiskAssessmentView' });

export const RiskProfile = z.object({ assessment: RiskAssessmentView.nullable() }).meta({ id: 'RiskProfile' });

export const WealthPurchaseTerms = z
  .object({
    product: WealthProductView,
    suitable: z.boolean(),
    suitability: z.object({ code: z.string(), message: z.string() }).nullable(),
    assessment: RiskAssessmentView.nullable(),
    businessDate: IsoDate,
    confirmDate: IsoDate.meta({ description: 'The day close of this date confirms the units' }),
    coolingOffEndsOn: IsoDate.nullable(),
    disclosure: z.object({ version: z.string(), title: z.string(), text: z.string() }),
    balanceFen: z.int(),
  })
  .meta({ id: 'WealthPurchaseTerms' });

export const WealthPurchaseRequest = z
  .object({
    productId: ProductId,
    amountFen: AmountFen,
    riskDisclosure: z
      .object({ acknowledged: z.literal(true), version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) })
      .strict()
      .meta({ description: 'The risk disclosure the customer read and accepted; stored with the order' }),
    pin: Pin,
  })
  .strict()
  .meta({ id: 'WealthPurchaseRequest' });

export const WealthOrderView = z
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
    confirmDate: IsoDate,
    coolingOffEndsOn: IsoDate.nullable(),
    cancellable: z.boolean(),
    amountFen: z.int().nullable(),
    unitsCenti: z.int().nullable(),
    unitsDisplay: z.string().nullable(),
    navDisplay: z.string().nullable(),
    navDate: IsoDate.nullable(),
    valueFen: z.int().nullable(),
    residualFen: z.int().nullable(),
    proceedsFen: z.int().nullable(),
    journalId: z.string().nullable(),
    settlementJournalId: z.string().nullable(),
    riskAcknowledgement: z
      .object({ disclosureVersion: z.string(), acknowledgedAt: IsoTime, customerRiskLevel: z.string(), productRiskLevel: z.string() })
      .nullable(),
  })
  .meta({ id: 'WealthOrderView' });

export const WealthOrdersQuery = z
  .object({ productId: ProductId.optional(), limit: z.coerce.number().int().min(1).max(50).optional() })
  .strict()
  .meta({ id: 'WealthOrdersQuery' });

export const WealthOrderList = z.object({ items: z.array(WealthOrderView), businessDate: IsoDate }).meta({ id: 'WealthOrderList' });

export const WealthPurchaseResult = z
  .object({
    journalId: z.string().meta({ description: 'The journal that paid for the order' }),
    order: WealthOrderView,
    balanceFen: z.int(),
  })
  .meta({ id: 'WealthPurchaseResult' });

export const WealthCancelResult = z
  .object({ journalId: z.string().meta({ description: 'The refund journal' }), order: WealthOrderView, balanceFen: z.int() })
  .meta({ id: 'WealthCancelResult' });

export const WealthPinOnly = z.object({ pin: Pin }).strict().meta({ id: 'WealthPinOnly' });

export const WealthHoldingView = z
  .object({
    productId: ProductId,
    productName: z.string(),
    type: z.enum(WEALTH_PRODUCT_TYPES),
    riskLevel: RiskLevel,
    unitsCenti: z.int(),
    unitsDisplay: z.string(),
    availableUnitsCenti: z.int(),
    availableUnitsDisplay: z.string(),
    frozenUnitsCenti: z.int().meta({ description: 'Units in normal redemptions waiting for their day close' }),
    frozenUnitsDisplay: z.string(),
    navDisplay: z.string(),
    navDate: IsoDate.nullable(),
    marketValueFen: z.int(),
    yesterdayEarningsFen: z.int(),
    totalEarningsFen: z.int(),
    pendingPurchaseFen: z.int().meta({ description: 'Paid, waiting for confirmation' }),
    maturityDate: IsoDate.nullable(),
    redeemable: z.boolean(),
    fastRedemption: z.boolean(),
    fastRedemptionLeftFen: z.int().nullable().meta({ description: "What is left of today's fast-redemption cap" }),
  })
  .meta({ id: 'WealthHoldingView' });

export const WealthHoldings = z
  .object({
    items: z.array(WealthHoldingView),
    totals: z.object({ marketValueFen: z.int(), yesterdayEarningsFen: z.int(), totalEarningsFen: z.int(), pendingPurchaseFen: z.int() }),
    businessDate: IsoDate,
  })
  .meta({ id: 'WealthHoldings' });

export const WealthRedemptionRequest = z
  .object({
    productId: ProductId,
    unitsCenti: UnitsCenti,
    mode: z.enum(['FAST', 'NORMAL']).meta({ description: 'FAST: money-market T+0 within the daily cap, the rest goes NORMAL (T+1)' }),
    pin: Pin,
  })
  .strict()
  .meta({ id: 'WealthRedemptionRequest' });

export const WealthRedemptionResult = z
  .object({
    journalId: z.string().nullable().meta({ description: 'The fast part’s journal; null when nothing was paid at once' }),
    fast: WealthOrderView.nullable(),
    normal: WealthOrderView.nullable(),
    capExceeded: z.boolean().meta({ description: 'Part of a fast request went normal because of the daily cap' }),
    message: z.string(),
    balanceFen: z.int(),
  })
  .meta({ id: 'WealthRedemptionResult' });

// ---- Operators -------------------------------------------------------------------------------

export const PublishWealthProductRequest = wealthProductSchema.meta({ id: 'WealthProduct' });

export const WealthProductStatusRequest = z.object({ status: z.enum(['OPEN', 'CLOSED']) }).strict().meta({ id: 'WealthProductStatusRequest' });

export const WealthNavRequest = z
  .object({ productId: ProductId, navDate: IsoDate, navCentiFen: z.int().min(1).max(MAX_NAV_CENTI_FEN) })
  .strict()
  .meta({ id: 'WealthNavRequest' });

export const WealthYieldRequest = z
  .object({
    productId: ProductId,
    yieldDate: IsoDate,
    sevenDayYieldBps: z.int().min(0).max(2_000),
    incomePer10kCentiFen: z.int().min(0).max(100_000).meta({ description: '万份收益 in hundredths of a fen (0.4321 yuan = 4321)' }),
  })
  .strict()
  .meta({ id: 'WealthYieldRequest' });

export const WealthPriceView = z
  .object({
    productId: ProductId,
    date: IsoDate,
    navCentiFen: z.int(),
    navDisplay: z.string(),
    sevenDayYieldBps: z.int().nullable(),
    incomePer10kCentiFen: z.int().nullable(),
  })
  .meta({ id: 'WealthPriceView' });

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
