// The risk questionnaire (风险承受能力评估) and suitability (适当性): ten questions, each answer
// scored 1–5; the total (10–50) places the customer at C1 (conservative) … C5 (aggressive). A
// customer may buy a product whose risk level is at or below their own (C3 buys R1–R3), only while
// the assessment is valid (12 months by default, configurable), and the server enforces it.
import { refuse } from '../errors.js';
import { addDays, addMonthsClamped } from '../loan/dates.js';
import { RISK_LEVELS, type RiskLevel } from './product.js';

export const RISK_QUESTIONNAIRE_VERSION = 'risk-2026-12';

export const CUSTOMER_RISK_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type CustomerRiskLevel = (typeof CUSTOMER_RISK_LEVELS)[number];
export const CUSTOMER_RISK_LABELS: Record<CustomerRiskLevel, string> = {
  C1: 'C1 保守型',
  C2: 'C2 稳健型',
  C3: 'C3 平衡型',
  C4: 'C4 成长型',
  C5: 'C5 进取型',
};

export interface RiskQuestion {
  questionId: string;
  text: string;
  /** Scores 1..5, one option each. */
  options: { optionId: string; text: string; score: number }[];
}

/** Options are listed in their natural order (ages young to old, amounts small to large) and
 *  scored 1–5 in that order unless `scores` says otherwise. */
const q = (questionId: string, text: string, options: string[], scores = options.map((_, index) => index + 1)): RiskQuestion => ({
  questionId,
  text,
  options: options.map((optionText, index) => ({ optionId: `${questionId}-${String.fromCharCode(97 + index)}`, text: optionText, score: scores[index]! })),
});

export const RISK_QUESTIONS: readonly RiskQuestion[] = [
  // Age: the most risk can be borne in the middle of a working life.
  q('q01', '您的年龄段是？', ['18–25 岁', '26–45 岁', '46–55 岁', '56–65 岁', '65 岁以上'], [3, 5, 4, 2, 1]),
  q('q02', '您家庭的年收入（税后）大约是？', ['5 万元以下', '5–10 万元', '10–30 万元', '30–100 万元', '100 万元以上']),
  q('q03', '可用于投资的资产占您家庭总资产的比例？', ['10% 以下', '10%–25%', '25%–50%', '50%–75%', '75% 以上']),
  q('q04', '您有多少年投资股票、基金、理财等产品的经验？', ['没有经验', '1 年以下', '1–3 年', '3–5 年', '5 年以上']),
  q('q05', '您对金融产品的了解程度？', ['几乎不了解', '了解存款和国债', '了解银行理财和货币基金', '了解债券和混合基金', '了解股票、期货等各类产品']),
  q('q06', '您计划的投资期限是？', ['1 个月以内', '1–6 个月', '6 个月–1 年', '1–3 年', '3 年以上']),
  q('q07', '您的投资目的主要是？', ['保住本金', '获得稳定的利息', '资产稳健增长', '资产较快增长', '追求高收益']),
  q('q08', '您能承受的最大本金亏损是？', ['不能亏损', '5% 以内', '5%–15%', '15%–30%', '30% 以上']),
  q('q09', '如果您的投资一个月内下跌 15%，您会？', ['全部卖出', '卖出一部分', '继续持有观望', '少量加仓', '大量加仓']),
  q('q10', '未来 3 年您的收入预期是？', ['明显减少', '略有减少', '基本稳定', '稳步增长', '快速增长']),
];

/** Lowest total score of each level: 10–17 C1, 18–25 C2, 26–33 C3, 34–41 C4, 42–50 C5. */
const LEVEL_FLOORS: readonly [CustomerRiskLevel, number][] = [
  ['C5', 42],
  ['C4', 34],
  ['C3', 26],
  ['C2', 18],
  ['C1', 10],
];

export interface RiskAnswer {
  questionId: string;
  optionId: string;
}

export interface RiskAssessment {
  questionnaireVersion: string;
  score: number;
  level: CustomerRiskLevel;
  /** Business date of the assessment. */
  assessedOn: string;
  /** Last business date it is valid on. */
  validThrough: string;
  answers: RiskAnswer[];
}

export function levelForScore(score: number): CustomerRiskLevel {
  const found = LEVEL_FLOORS.find(([, floor]) => score >= floor);
  if (!found || score > 50) throw new Error(`score ${score} is outside 10..50`);
  return found[0];
}

/** Scores one complete set of answers; refuses a wrong version, a missing, repeated or unknown
 *  answer. */
export function assessRisk(
  input: { questionnaireVersion: string; answers: readonly RiskAnswer[] },
  today: string,
  validityMonths: number,
): RiskAssessment {
  if (input.questionnaireVersion !== RISK_QUESTIONNAIRE_VERSION) {
    refuse('unprocessable', 'QUESTIONNAIRE_OUTDATED', '问卷已更新，请重新作答');
  }
  const byQuestion = new Map(input.answers.map((answer) => [answer.questionId, answer.optionId]));
  if (byQuestion.size !== input.answers.length || input.answers.length !== RISK_QUESTIONS.length) {
    refuse('invalid', 'ANSWERS_INCOMPLETE', `请回答全部 ${RISK_QUESTIONS.length} 道题，每题选择一项`);
  }
  let score = 0;
  for (const question of RISK_QUESTIONS) {
    const option = question.options.find((candidate) => candidate.optionId === byQuestion.get(question.questionId));
    if (!option) return refuse('invalid', 'ANSWERS_INCOMPLETE', `请回答全部 ${RISK_QUESTIONS.length} 道题，每题选择一项`);
    score += option.score;
  }
  return {
    questionnaireVersion: RISK_QUESTIONNAIRE_VERSION,
    score,
    level: levelForScore(score),
    assessedOn: today,
    validThrough: addDays(addMonthsClamped(today, validityMonths), -1),
    answers: RISK_QUESTIONS.map((question) => ({ questionId: question.questionId, optionId: byQuestion.get(question.questionId)! })),
  };
}

export const isAssessmentValid = (assessment: Pick<RiskAssessment, 'validThrough'>, today: string): boolean => today <= assessment.validThrough;

/** C_n may buy R1..R_n. */
export function isSuitable(customer: CustomerRiskLevel, product: RiskLevel): boolean {
  return RISK_LEVELS.indexOf(product) <= CUSTOMER_RISK_LEVELS.indexOf(customer);
}

/** The highest product risk level a customer may buy. */
export const maxRiskLevelFor = (customer: CustomerRiskLevel): RiskLevel => RISK_LEVELS[CUSTOMER_RISK_LEVELS.indexOf(customer)]!;

export type SuitabilityCode = 'RISK_ASSESSMENT_REQUIRED' | 'RISK_ASSESSMENT_EXPIRED' | 'RISK_LEVEL_TOO_LOW';
export type Suitability = { ok: true } | { ok: false; code: SuitabilityCode; message: string };

/** Whether this customer may buy a product of `productRisk` today, and if not, why. */
export function suitability(assessment: RiskAssessment | undefined, productRisk: RiskLevel, today: string): Suitability {
  if (!assessment) return { ok: false, code: 'RISK_ASSESSMENT_REQUIRED', message: '购买理财产品前，请先完成风险承受能力评估' };
  if (!isAssessmentValid(assessment, today)) {
    return { ok: false, code: 'RISK_ASSESSMENT_EXPIRED', message: `您的风险评估已于 ${assessment.validThrough} 到期，请重新评估` };
  }
  if (!isSuitable(assessment.level, productRisk)) {
    return {
      ok: false,
      code: 'RISK_LEVEL_TOO_LOW',
      message: `该产品风险等级为 ${productRisk}，高于您的风险承受能力（${CUSTOMER_RISK_LABELS[assessment.level]}，可购买 ${maxRiskLevelFor(assessment.level)} 及以下）`,
    };
  }
  return { ok: true };
}
