// A customer's money-laundering risk rating (客户洗钱风险等级, issue 18): rated at onboarding and
// again whenever one of its factors changes — the suspicious-pattern alerts open on the customer's
// account, the suspicious transaction reports filed on them in the last twelve months, and a freeze
// by the bank. Each rating keeps its reasons in words for the officer, and its level is what the
// anti-fraud rules weigh (`customerRiskLevel`). Never shown to the customer: telling a customer
// they are watched is tipping off. Pure: services/customer-risk-rating.ts reads the factors and
// stores the result. No import: the console bundles the labels from here.

export const CUSTOMER_RISK_RATINGS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type CustomerRiskRating = (typeof CUSTOMER_RISK_RATINGS)[number];

export const CUSTOMER_RISK_RATING_LABELS: Record<CustomerRiskRating, string> = { LOW: '低风险', MEDIUM: '中风险', HIGH: '高风险' };

/** The number a rule compares (`customerRiskLevel`): 1 low, 2 medium, 3 high. */
export const CUSTOMER_RISK_LEVELS: Record<CustomerRiskRating, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

export interface RiskRatingFactors {
  /** Suspicious-pattern alerts open on the customer's account (a large value is no suspicion). */
  openAlerts: number;
  /** Suspicious transaction reports filed on the customer in the twelve months before now. */
  reportsFiled12m: number;
  /** Frozen by the bank (客服冻结), not by a loss report of the customer's own. */
  frozenByBank: boolean;
}

const RISK_RATING_REASON_CODES = ['REPORT_FILED', 'FROZEN_BY_BANK', 'OPEN_ALERT'] as const;

export interface RiskRatingReason {
  code: (typeof RISK_RATING_REASON_CODES)[number];
  rating: Exclude<CustomerRiskRating, 'LOW'>;
  text: string;
}

export interface RiskRatingResult {
  rating: CustomerRiskRating;
  /** Every factor that raised it, highest first; none for LOW. */
  reasons: RiskRatingReason[];
}

/** The level the anti-fraud rules weigh (1 low … 3 high); null for a customer not yet rated. */
export const riskLevelOf = (rated: { rating: CustomerRiskRating } | undefined): number | null => (rated && CUSTOMER_RISK_LEVELS[rated.rating]) ?? null;

/** How far back a filed report keeps a customer high risk. */
export const REPORT_LOOKBACK_DAYS = 365;

/** The rating and its reasons: a filed report or a freeze by the bank makes a customer high risk;
 *  an open alert, medium; nothing, low. */
export function rateCustomer(factors: RiskRatingFactors): RiskRatingResult {
  const reasons: RiskRatingReason[] = [];
  if (factors.reportsFiled12m > 0) reasons.push({ code: 'REPORT_FILED', rating: 'HIGH', text: `近 12 个月已提交可疑交易报告 ${factors.reportsFiled12m} 份` });
  if (factors.frozenByBank) reasons.push({ code: 'FROZEN_BY_BANK', rating: 'HIGH', text: '账户已被本行冻结' });
  if (factors.openAlerts > 0) reasons.push({ code: 'OPEN_ALERT', rating: 'MEDIUM', text: `有 ${factors.openAlerts} 条待处理的可疑交易预警` });
  const rating = reasons.some((reason) => reason.rating === 'HIGH') ? 'HIGH' : reasons.length > 0 ? 'MEDIUM' : 'LOW';
  return { rating, reasons };
}
