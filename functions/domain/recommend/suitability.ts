// The suitability filter every recommendation slot runs before anything is ranked: what the bank
// may not show this customer never reaches the ranker, so no learning can promote it. Each dropped
// candidate gets a reason code (for the operator's view and tests); each kept one a "为什么推荐"
// sentence built only from the facts in the context.
//
// Rules (issue 20, item 4):
//   - wealth: never a private placement (私募 may not be marketed to the public); only with a risk
//     assessment valid today, and only at or below the customer's level (C_n buys R1..R_n, the
//     same rule as a purchase: wealth/risk.ts);
//   - loan: must carry its annualized rate (a loan card always shows it); none while a decline's
//     cooldown runs; none for a product the customer already has an active loan of;
//   - anything marked for new customers only: only to new customers.
// A wealth product already held stays: buying more of it is ordinary.
import { type BillCategory, CATEGORY_LABELS } from '../bills/biller.js';
import { formatRateBps } from '../format.js';
import { JUDICIAL_RATE_CEILING_BPS, type LoanKind } from '../loan/product.js';
import { type MerchantCategory, MERCHANT_CATEGORY_LABELS } from '../open/merchant.js';
import type { Offering, RiskLevel, WealthProduct, WealthProductType } from '../wealth/product.js';
import { CUSTOMER_RISK_LABELS, isAssessmentValid, isSuitable, type RiskAssessment } from '../wealth/risk.js';

/** Most candidates one slot ranks; more suitable ones are dropped in editorial order. */
export const MAX_CANDIDATES_PER_SLOT = 50;
/** Most candidates the filter looks at; the rest are dropped unexamined, so work stays bounded. */
export const MAX_CANDIDATES_EXAMINED = 500;

interface CandidateBase {
  /** Unique within a slot; the ranker's arm is (segment, itemId). */
  itemId: string;
  title: string;
  /** New-customer offers (e.g. a new-customer wealth product). */
  newCustomersOnly?: boolean;
}

export interface WealthCandidate extends CandidateBase {
  kind: 'WEALTH';
  productId: string;
  productType: WealthProductType;
  riskLevel: RiskLevel;
  /** The product's offering (wealth/product.ts): PRIVATE is a private placement (私募). */
  offering: Offering;
}

export interface LoanCandidate extends CandidateBase {
  kind: 'LOAN';
  productId: string;
  loanKind: LoanKind;
  /** The offer's annualized rate (IRR, bps). Without it the card may not be shown. */
  aprBps?: number | null;
}

export interface BillerCandidate extends CandidateBase {
  kind: 'BILLER';
  billerId: string;
  category: BillCategory;
}

export interface MerchantCandidate extends CandidateBase {
  kind: 'MERCHANT';
  merchantId: string;
  category: MerchantCategory;
  communityName: string;
}

export const ARTICLE_TOPICS = ['FRAUD_WARNING', 'WEALTH_BASICS', 'COMMUNITY_NOTICE', 'SERVICE_NOTICE'] as const;
export type ArticleTopic = (typeof ARTICLE_TOPICS)[number];

export interface ArticleCandidate extends CandidateBase {
  kind: 'ARTICLE';
  articleId: string;
  topic: ArticleTopic;
}

export type Candidate = WealthCandidate | LoanCandidate | BillerCandidate | MerchantCandidate | ArticleCandidate;

/** A wealth product as a candidate: its risk level and offering as published. */
export const wealthCandidateOf = (product: Pick<WealthProduct, 'productId' | 'name' | 'type' | 'riskLevel' | 'offering'>, itemId = `wealth:${product.productId}`): WealthCandidate => ({
  kind: 'WEALTH',
  itemId,
  title: product.name,
  productId: product.productId,
  productType: product.type,
  riskLevel: product.riskLevel,
  offering: product.offering,
});

/** What the bank knows of the customer that decides suitability, on `today` (business date). */
export interface SuitabilityContext {
  today: string;
  riskAssessment: Pick<RiskAssessment, 'level' | 'validThrough'> | null;
  /** The latest declined loan decision's reapplyAfter (null: none); cooling down while > today. */
  loanReapplyAfter: string | null;
  activeLoanProductIds: readonly string[];
  heldWealthProductIds: readonly string[];
  isNewCustomer: boolean;
  /** Bill categories the customer pays often (for the reason text only). */
  frequentBillCategories: readonly BillCategory[];
  communityName: string | null;
  /** false: personalisation is off (PIPL Art. 24) — reasons then use no personal habits. */
  personalised: boolean;
}

export type DropReason =
  | 'CANDIDATE_LIMIT'
  | 'DUPLICATE_ITEM'
  | 'NEW_CUSTOMERS_ONLY'
  | 'PRIVATE_PLACEMENT'
  | 'RISK_ASSESSMENT_REQUIRED'
  | 'RISK_ASSESSMENT_EXPIRED'
  | 'RISK_LEVEL_TOO_LOW'
  | 'LOAN_APR_MISSING'
  | 'LOAN_APR_INVALID'
  | 'LOAN_COOLDOWN'
  | 'LOAN_ALREADY_HELD';

export interface EligibleCandidate<C extends Candidate = Candidate> {
  candidate: C;
  /** 为什么推荐, shown on the card. */
  whyShown: string;
}

export interface SuitabilityResult {
  /** In editorial (input) order, at most MAX_CANDIDATES_PER_SLOT. */
  eligible: EligibleCandidate[];
  dropped: { itemId: string; reason: DropReason }[];
}

export const isLoanCoolingDown = (context: Pick<SuitabilityContext, 'loanReapplyAfter' | 'today'>): boolean =>
  context.loanReapplyAfter !== null && context.loanReapplyAfter > context.today;

/** Why the candidate may not be shown, or null when it may. */
export function dropReason(candidate: Candidate, context: SuitabilityContext): DropReason | null {
  if (candidate.newCustomersOnly && !context.isNewCustomer) return 'NEW_CUSTOMERS_ONLY';
  switch (candidate.kind) {
    case 'WEALTH': {
      if (candidate.offering !== 'PUBLIC') return 'PRIVATE_PLACEMENT';
      const assessment = context.riskAssessment;
      if (!assessment) return 'RISK_ASSESSMENT_REQUIRED';
      if (!isAssessmentValid(assessment, context.today)) return 'RISK_ASSESSMENT_EXPIRED';
      if (!isSuitable(assessment.level, candidate.riskLevel)) return 'RISK_LEVEL_TOO_LOW';
      return null;
    }
    case 'LOAN': {
      if (candidate.aprBps === undefined || candidate.aprBps === null) return 'LOAN_APR_MISSING';
      if (!Number.isInteger(candidate.aprBps) || candidate.aprBps <= 0 || candidate.aprBps > JUDICIAL_RATE_CEILING_BPS) return 'LOAN_APR_INVALID';
      if (isLoanCoolingDown(context)) return 'LOAN_COOLDOWN';
      if (context.activeLoanProductIds.includes(candidate.productId)) return 'LOAN_ALREADY_HELD';
      return null;
    }
    default:
      return null;
  }
}

const billHabit = (category: BillCategory) => (category === 'PHONE' ? '您常充话费' : `您常缴${CATEGORY_LABELS[category]}`);

/** 为什么推荐: one short sentence from the context's facts (call only for a kept candidate). */
export function whyShown(candidate: Candidate, context: SuitabilityContext): string {
  const prefix = candidate.newCustomersOnly ? '新客专享，' : '';
  switch (candidate.kind) {
    case 'WEALTH': {
      const held = context.personalised && context.heldWealthProductIds.includes(candidate.productId) ? '您已持有，可追加购买；' : '';
      return `${prefix}${held}与您的风险等级（${CUSTOMER_RISK_LABELS[context.riskAssessment!.level]}）相符`;
    }
    case 'LOAN':
      return `${prefix}您目前可申请，年化利率 ${formatRateBps(candidate.aprBps!)}`;
    case 'BILLER':
      return `${prefix}${context.personalised && context.frequentBillCategories.includes(candidate.category) ? billHabit(candidate.category) : `便民缴费：${CATEGORY_LABELS[candidate.category]}`}`;
    case 'MERCHANT':
      return `${prefix}${context.personalised && context.communityName === candidate.communityName ? `您所在社区（${candidate.communityName}）的商户` : `社区商户：${MERCHANT_CATEGORY_LABELS[candidate.category]}`}`;
    case 'ARTICLE':
      switch (candidate.topic) {
        case 'FRAUD_WARNING':
          return `${prefix}防范电信网络诈骗，人人必读`;
        case 'WEALTH_BASICS':
          return `${prefix}${context.personalised && (!context.riskAssessment || !isAssessmentValid(context.riskAssessment, context.today)) ? '您尚未完成有效的风险评估，先了解理财基础' : '理财基础知识'}`;
        case 'COMMUNITY_NOTICE':
          return `${prefix}${context.personalised && context.communityName ? `您所在社区（${context.communityName}）的通知` : '社区通知'}`;
        case 'SERVICE_NOTICE':
          return `${prefix}服务公告`;
      }
  }
}

/** Filters one slot's candidates (given in editorial order). */
export function filterCandidates(candidates: readonly Candidate[], context: SuitabilityContext): SuitabilityResult {
  const eligible: EligibleCandidate[] = [];
  const dropped: SuitabilityResult['dropped'] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, index) => {
    let reason: DropReason | null;
    if (index >= MAX_CANDIDATES_EXAMINED) reason = 'CANDIDATE_LIMIT';
    else if (seen.has(candidate.itemId)) reason = 'DUPLICATE_ITEM';
    else reason = dropReason(candidate, context) ?? (eligible.length >= MAX_CANDIDATES_PER_SLOT ? 'CANDIDATE_LIMIT' : null);
    seen.add(candidate.itemId);
    if (reason) dropped.push({ itemId: candidate.itemId, reason });
    else eligible.push({ candidate, whyShown: whyShown(candidate, context) });
  });
  return { eligible, dropped };
}
