// The risk questionnaire and suitability: scoring bands, expiry, and the full C1–C5 × R1–R5
// matrix (C_n buys R1..R_n, nothing above).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { RISK_LEVELS } from '../../functions/domain/wealth/product.js';
import {
  assessRisk,
  CUSTOMER_RISK_LEVELS,
  isSuitable,
  levelForScore,
  RISK_QUESTIONNAIRE_VERSION,
  RISK_QUESTIONS,
  suitability,
  type RiskAssessment,
} from '../../functions/domain/wealth/risk.js';

/** Answers scoring `scores[i]` on question i (1–5). */
const answersScoring = (scores: number[]) =>
  RISK_QUESTIONS.map((question, i) => ({ questionId: question.questionId, optionId: question.options.find((option) => option.score === scores[i])!.optionId }));

const refusalCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Refusal, String(error));
    return error.code;
  }
  return assert.fail('expected a refusal');
};

describe('suitability matrix C1–C5 × R1–R5', () => {
  const expected: Record<string, string> = {
    C1: 'R1',
    C2: 'R1 R2',
    C3: 'R1 R2 R3',
    C4: 'R1 R2 R3 R4',
    C5: 'R1 R2 R3 R4 R5',
  };
  for (const customer of CUSTOMER_RISK_LEVELS) {
    test(`${customer} may buy ${expected[customer]} and nothing above`, () => {
      const allowed = RISK_LEVELS.filter((product) => isSuitable(customer, product));
      assert.equal(allowed.join(' '), expected[customer]);
      const assessment: RiskAssessment = { questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, score: 30, level: customer, assessedOn: '2025-06-01', validThrough: '2026-05-31', answers: [] };
      for (const product of RISK_LEVELS) {
        const verdict = suitability(assessment, product, '2025-07-01');
        assert.equal(verdict.ok, allowed.includes(product), `${customer} × ${product}`);
        if (!verdict.ok) assert.equal(verdict.code, 'RISK_LEVEL_TOO_LOW');
      }
    });
  }

  test('no assessment, or an expired one, buys nothing — not even R1', () => {
    assert.deepEqual(suitability(undefined, 'R1', '2025-07-01'), {
      ok: false,
      code: 'RISK_ASSESSMENT_REQUIRED',
      message: '购买理财产品前，请先完成风险承受能力评估',
    });
    const old: RiskAssessment = { questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, score: 50, level: 'C5', assessedOn: '2024-06-01', validThrough: '2025-05-31', answers: [] };
    const verdict = suitability(old, 'R1', '2025-06-01');
    assert.equal(verdict.ok, false);
    assert.equal(!verdict.ok && verdict.code, 'RISK_ASSESSMENT_EXPIRED');
    assert.equal(suitability(old, 'R1', '2025-05-31').ok, true, 'valid through its last day');
  });
});

describe('questionnaire scoring and expiry', () => {
  test('ten questions, five options each, scored 1–5 once each, listed in their natural order', () => {
    assert.equal(RISK_QUESTIONS.length, 10);
    for (const question of RISK_QUESTIONS) {
      assert.deepEqual(question.options.map((o) => o.score).sort(), [1, 2, 3, 4, 5]);
      assert.deepEqual(question.options.map((o) => o.optionId), ['a', 'b', 'c', 'd', 'e'].map((letter) => `${question.questionId}-${letter}`));
    }
    // Ages young to old, scored by the risk each can bear (not by where they are listed).
    const age = RISK_QUESTIONS[0]!;
    assert.deepEqual(age.options.map((o) => o.text), ['18–25 岁', '26–45 岁', '46–55 岁', '56–65 岁', '65 岁以上']);
    assert.deepEqual(age.options.map((o) => o.score), [3, 5, 4, 2, 1]);
  });

  test('score bands: 10–17 C1, 18–25 C2, 26–33 C3, 34–41 C4, 42–50 C5', () => {
    const bands: [number, string][] = [
      [10, 'C1'], [17, 'C1'], [18, 'C2'], [25, 'C2'], [26, 'C3'], [33, 'C3'], [34, 'C4'], [41, 'C4'], [42, 'C5'], [50, 'C5'],
    ];
    for (const [score, level] of bands) assert.equal(levelForScore(score), level, `score ${score}`);
    assert.throws(() => levelForScore(9));
    assert.throws(() => levelForScore(51));
  });

  test('answers are scored and the level is valid for the configured months, through the day before', () => {
    const conservative = assessRisk({ questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers: answersScoring([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) }, '2025-06-15', 12);
    assert.equal(conservative.score, 10);
    assert.equal(conservative.level, 'C1');
    assert.equal(conservative.validThrough, '2026-06-14');
    const balanced = assessRisk({ questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers: answersScoring([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]) }, '2024-01-31', 1);
    assert.equal(balanced.score, 30);
    assert.equal(balanced.level, 'C3');
    // One month from Jan 31 in a leap year is Feb 29; valid through Feb 28.
    assert.equal(balanced.validThrough, '2024-02-28');
    const aggressive = assessRisk({ questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers: answersScoring([5, 5, 5, 5, 5, 4, 4, 4, 4, 4]) }, '2025-06-15', 24);
    assert.equal(aggressive.score, 45);
    assert.equal(aggressive.level, 'C5');
    assert.equal(aggressive.validThrough, '2027-06-14');
    // The stored answers are in question order, whatever order they came in.
    const shuffled = assessRisk({ questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers: answersScoring([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]).reverse() }, '2025-06-15', 12);
    assert.deepEqual(shuffled.answers.map((a) => a.questionId), RISK_QUESTIONS.map((q) => q.questionId));
  });

  test('missing, repeated or unknown answers and an old questionnaire are refused', () => {
    const full = answersScoring([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const assess = (answers: { questionId: string; optionId: string }[], version = RISK_QUESTIONNAIRE_VERSION) =>
      refusalCode(() => assessRisk({ questionnaireVersion: version, answers }, '2025-06-15', 12));
    assert.equal(assess(full.slice(1)), 'ANSWERS_INCOMPLETE');
    assert.equal(assess([...full.slice(1), full[1]!]), 'ANSWERS_INCOMPLETE');
    assert.equal(assess([...full.slice(1), { questionId: 'q01', optionId: 'q02-a' }]), 'ANSWERS_INCOMPLETE');
    assert.equal(assess([...full.slice(1), { questionId: 'q99', optionId: 'q99-a' }]), 'ANSWERS_INCOMPLETE');
    assert.equal(assess(full, 'risk-2019-01'), 'QUESTIONNAIRE_OUTDATED');
  });
});
