// Wealth answers as the contract shapes them (functions/contract/wealth-schemas.ts): figures the
// client could not derive from one another, so a shown figure is known to be the server's.
import type {
  RiskAssessmentView,
  WealthHoldingView,
  WealthHoldings,
  WealthOrderView,
  WealthProductView,
  WealthPurchaseResult,
  WealthPurchaseTerms,
  WealthRedemptionResult,
} from '@contract/wealth-schemas';

export const bondFund: WealthProductView = {
  productId: 'jinlin-bond-a',
  version: 2,
  name: '近邻稳健债券A',
  type: 'BOND_FUND',
  typeLabel: '债券基金',
  issuerType: 'FUND',
  issuerLabel: '基金公司',
  issuerName: '近邻基金',
  offering: 'PUBLIC',
  riskLevel: 'R2',
  riskLabel: 'R2 中低风险',
  status: 'OPEN',
  onSale: true,
  minPurchaseFen: 100000,
  stepFen: 10000,
  maxPurchaseFen: 50000000,
  purchaseRule: '1,000.00 元起购，按 100.00 元递增',
  subscriptionOpensOn: '2026-01-01',
  subscriptionClosesOn: null,
  termDays: null,
  maturityDate: null,
  coolingOffHours: 24,
  fees: { managementBpsPerYear: 30, custodyBpsPerYear: 10, salesServiceBpsPerYear: 20, display: '管理费 0.30%/年' },
  disclosureVersion: 'bond-a-2026-02',
  description: '主要投资于高等级债券。',
  benchmarkBps: null,
  headline: { kind: 'ONE_YEAR_RETURN', label: '近1年收益率', rateBps: 312, display: '+3.12%', date: '2026-03-01' },
  navCentiFen: 10234,
  navDisplay: '1.0234',
  sevenDayYieldBps: null,
  incomePer10kDisplay: null,
  priceDate: '2026-03-01',
  fastRedemption: false,
  fastRedemptionDailyCapFen: null,
  redemptionRule: '下一营业日确认',
};

export const assessment: RiskAssessmentView = {
  level: 'C3',
  levelLabel: 'C3 平衡型',
  score: 52,
  maxRiskLevel: 'R3',
  assessedOn: '2026-01-15',
  validThrough: '2027-01-14',
  valid: true,
};

export const purchaseTerms: WealthPurchaseTerms = {
  product: bondFund,
  suitable: true,
  suitability: null,
  assessment,
  suitableProducts: [],
  businessDate: '2026-03-02',
  confirmDate: '2026-03-03',
  cancellableUntil: '2026-03-03T09:28:00.000Z',
  disclosure: {
    version: 'bond-a-2026-02',
    title: '近邻稳健债券A产品风险揭示书',
    text: '理财非存款，产品有风险，投资须谨慎。本产品不保证本金和收益。',
  },
  balanceFen: 2345678,
};

/** A money-market fund the server offers a cautious customer instead. */
export const cashFund: WealthProductView = {
  ...bondFund,
  productId: 'jinlin-cash',
  name: '近邻现金宝',
  type: 'MONEY_MARKET',
  typeLabel: '货币基金',
  riskLevel: 'R1',
  riskLabel: 'R1 低风险',
  headline: { kind: 'SEVEN_DAY_YIELD', label: '七日年化', rateBps: 173, display: '1.73%', date: '2026-03-01' },
};

export const unsuitableTerms: WealthPurchaseTerms = {
  ...purchaseTerms,
  suitable: false,
  suitability: { code: 'RISK_LEVEL_TOO_LOW', message: '该产品风险等级 R4 高于您的风险承受能力 C3，暂不能购买' },
  suitableProducts: [cashFund],
};

/** No assessment yet: the questionnaire comes first. */
export const unassessedTerms: WealthPurchaseTerms = {
  ...purchaseTerms,
  suitable: false,
  suitability: { code: 'RISK_ASSESSMENT_REQUIRED', message: '购买理财产品前，请先完成风险承受能力评估' },
  assessment: null,
};

const order: WealthOrderView = {
  orderId: 'W01HQ7Z3K9ABCDEFGHJKMNPQRS',
  kind: 'PURCHASE',
  kindLabel: '申购',
  productId: 'jinlin-bond-a',
  productName: '近邻稳健债券A',
  status: 'PENDING',
  statusLabel: '待确认',
  placedAt: '2026-03-02T09:30:00.000Z',
  placedOn: '2026-03-02',
  confirmDate: '2026-03-03',
  cancellableUntil: '2026-03-03T09:30:00.000Z',
  cancellable: true,
  amountFen: 1230000,
  unitsCenti: null,
  unitsDisplay: null,
  navDisplay: null,
  navDate: null,
  valueFen: null,
  residualFen: null,
  proceedsFen: null,
  journalId: 'jnl_buy_01',
  settlementJournalId: null,
  riskAcknowledgement: {
    disclosureVersion: 'bond-a-2026-02',
    acknowledgedAt: '2026-03-02T09:30:00.000Z',
    customerRiskLevel: 'C3',
    productRiskLevel: 'R2',
  },
};

/** A purchase of ¥12,300.00 and the balance the server reports after it: not the terms' balance
 *  less the amount (¥11,156.78), as money moved in between, so the page must show the server's. */
export const purchaseResult: WealthPurchaseResult = { journalId: 'jnl_buy_01', reference: 'B7QX-4MKD-9TRA', order, balanceFen: 1105678 };

export const moneyMarketHolding: WealthHoldingView = {
  productId: 'jinlin-cash',
  productName: '近邻现金宝',
  type: 'MONEY_MARKET',
  riskLevel: 'R1',
  unitsCenti: 1523456,
  unitsDisplay: '15,234.56',
  availableUnitsCenti: 1234567,
  availableUnitsDisplay: '12,345.67',
  frozenUnitsCenti: 288889,
  frozenUnitsDisplay: '2,888.89',
  navDisplay: '1.0000',
  navDate: '2026-03-01',
  marketValueFen: 1523456,
  yesterdayEarningsFen: 321,
  totalEarningsFen: 45678,
  pendingPurchaseFen: 0,
  pendingRedemptionFen: 288889,
  maturityDate: null,
  redeemable: true,
  fastRedemption: true,
  fastRedemptionLeftFen: 987654,
};

export const bondHolding: WealthHoldingView = {
  ...moneyMarketHolding,
  productId: 'jinlin-bond-a',
  productName: '近邻稳健债券A',
  type: 'BOND_FUND',
  riskLevel: 'R2',
  availableUnitsCenti: 500000,
  availableUnitsDisplay: '5,000.00',
  navDisplay: '1.0234',
  fastRedemption: false,
  fastRedemptionLeftFen: null,
};

export const fixedTermHolding: WealthHoldingView = {
  ...bondHolding,
  productId: 'jinlin-fixed-90',
  productName: '近邻90天定期',
  type: 'FIXED_TERM',
  redeemable: false,
};

export const holdings: WealthHoldings = {
  items: [moneyMarketHolding, bondHolding, fixedTermHolding],
  totals: {
    totalAssetsFen: 4719369,
    heldValueFen: 3991702,
    inTransitFen: 727667,
    marketValueFen: 4569368,
    pendingPurchaseFen: 150001,
    pendingRedemptionFen: 577666,
    yesterdayEarningsFen: 963,
    totalEarningsFen: 137034,
  },
  businessDate: '2026-03-02',
};

/** A fast redemption past the day's cap: part paid now, the rest normal. */
export const redemptionResult: WealthRedemptionResult = {
  journalId: 'jnl_fast_01',
  reference: 'R3FN-8WZK-2HPD',
  fast: { ...order, kind: 'REDEMPTION', kindLabel: '快速赎回', status: 'CONFIRMED', statusLabel: '已到账', amountFen: null, proceedsFen: 987654 },
  normal: { ...order, orderId: 'W01HQ7Z3K9ABCDEFGHJKMNPQRT', kind: 'REDEMPTION', kindLabel: '赎回', amountFen: null },
  capExceeded: true,
  message: '今日快速赎回额度已用完，其余 246.80 份转为普通赎回，下一营业日到账',
  balanceFen: 3333332,
};
