// Anti-fraud rules as data (issue 18): the default victim-transfer rule's edges, severity, the
// derived fields, the stored rule set's schema and the 90-day daily maxima; the device's age and
// STEP_UP (new device at night); the kinds of movement a rule judges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_RISK_RULE_SET,
  decideMovement,
  kindsOfRule,
  largestInWindow,
  NEW_DEVICE_AT_NIGHT_RULE,
  raisedDailyMaxima,
  type RiskCondition,
  type RiskRule,
  type RiskRuleSet,
  RiskRuleSetSchema,
  STEP_UP_VALID_MS,
  steppedUpFor,
  type MovementRiskContext,
  velocitySlotExpiresAtEpoch,
  velocitySlots,
} from '../../functions/domain/risk-rules.js';

/** A transfer as these cases write it: its payee's first payment as a field of its own. */
type TransferRiskContext = Omit<MovementRiskContext, 'kind' | 'payee'> & { payeeFirstPaidAt: string | null };
const decideTransfer = (ruleSet: RiskRuleSet, { payeeFirstPaidAt, ...context }: TransferRiskContext) =>
  decideMovement(ruleSet, { ...context, kind: 'TRANSFER', payee: { firstPaidAt: payeeFirstPaidAt } });

const AT = new Date('2026-12-06T04:00:00Z'); // 12:00 CST, business date 2026-12-06
const HOUR_MS = 3_600_000;
const hoursBefore = (hours: number) => new Date(AT.getTime() - hours * HOUR_MS).toISOString();

/** Squarely the victim pattern: a customer of small transfers sends 5,000 yuan to a new payee. */
const victim: TransferRiskContext = { amountFen: 500_000, at: AT, payeeFirstPaidAt: null, largestTransferFen90d: 50_000, outToday: { amountFen: 0, count: 0 }, outLastHour: { amountFen: 0, count: 0 }, customerBirthYear: null, deviceFirstSeenAtMs: null, customerRiskLevel: null };

const rule = (ruleId: string, outcome: RiskRule['outcome'], conditions: RiskCondition[]): RiskRule => ({
  ruleId,
  version: 1,
  name: ruleId,
  conditions,
  outcome,
  reason: `${ruleId} 的原因`,
});

describe('the default victim-transfer rule', () => {
  test('the pattern itself warns and delays 24 hours, with the rule, its version and its reason', () => {
    const decision = decideTransfer(DEFAULT_RISK_RULE_SET, victim);
    assert.equal(decision.outcome, 'DELAY');
    assert.equal(decision.delayHours, 24);
    assert.equal(decision.ruleSetVersion, 1);
    assert.deepEqual(decision.matched, [
      { ruleId: 'VICTIM_TRANSFER', version: 1, outcome: 'DELAY', reason: DEFAULT_RISK_RULE_SET.rules[0]!.reason },
    ]);
    assert.match(decision.matched[0]!.reason, /安全账户/);
  });

  test('a largest 90-day transfer of 500 yuan is small, one fen more is not', () => {
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, largestTransferFen90d: 50_000 }).outcome, 'DELAY');
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, largestTransferFen90d: 50_001 }).outcome, 'ALLOW');
  });

  test('a customer with no transfer in 90 days counts as one of small transfers', () => {
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, largestTransferFen90d: 0 }).outcome, 'DELAY');
  });

  test('5,000 yuan is large, one fen less is not', () => {
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, amountFen: 500_000 }).outcome, 'DELAY');
    const allowed = decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, amountFen: 499_999 });
    assert.deepEqual(allowed, {
      outcome: 'ALLOW',
      delayHours: null,
      ruleSetVersion: 1,
      matched: [],
      fields: { amountFen: 499_999, hourOfDay: 12, payeeAgeHours: 0, largestTransferFen90d: 50_000, outTodayFen: 0, outTodayCount: 0, outLastHourFen: 0, outLastHourCount: 0 },
    });
  });

  test('a payee first paid under 24 hours ago is new, at 24 hours it is not', () => {
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, payeeFirstPaidAt: hoursBefore(23.9) }).outcome, 'DELAY');
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, payeeFirstPaidAt: hoursBefore(24) }).outcome, 'ALLOW');
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, payeeFirstPaidAt: hoursBefore(24 * 30) }).outcome, 'ALLOW');
  });

  test('a first payment stamped after the transfer (clock skew) or unreadable counts as a new payee', () => {
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, payeeFirstPaidAt: hoursBefore(-1) }).outcome, 'DELAY');
    assert.equal(decideTransfer(DEFAULT_RISK_RULE_SET, { ...victim, payeeFirstPaidAt: 'not a time' }).outcome, 'DELAY');
  });

  test('the default set passes its own schema', () => {
    assert.deepEqual(RiskRuleSetSchema.parse(DEFAULT_RISK_RULE_SET), DEFAULT_RISK_RULE_SET);
  });
});

describe('deciding over several rules', () => {
  const set: RiskRuleSet = {
    version: 7,
    rules: [
      rule('LARGE_WARN', 'WARN', [{ field: 'amountFen', op: 'gte', value: 100_000 }]),
      rule('HUGE_BLOCK', 'BLOCK', [{ field: 'amountFen', op: 'gte', value: 1_000_000 }]),
      rule('NEW_PAYEE_WARN', 'WARN', [{ field: 'payeeAgeHours', op: 'lt', value: 1 }]),
    ],
  };
  const context: TransferRiskContext = { amountFen: 0, at: AT, payeeFirstPaidAt: hoursBefore(48), largestTransferFen90d: 0, outToday: { amountFen: 0, count: 0 }, outLastHour: { amountFen: 0, count: 0 }, customerBirthYear: null, deviceFirstSeenAtMs: null, customerRiskLevel: null };

  test('BLOCK outranks WARN whatever the order, and every matched rule is listed in rule-set order', () => {
    const decision = decideTransfer(set, { ...context, amountFen: 1_000_000, payeeFirstPaidAt: null });
    assert.equal(decision.outcome, 'BLOCK');
    assert.equal(decision.ruleSetVersion, 7);
    assert.deepEqual(
      decision.matched.map((m) => [m.ruleId, m.outcome]),
      [
        ['LARGE_WARN', 'WARN'],
        ['HUGE_BLOCK', 'BLOCK'],
        ['NEW_PAYEE_WARN', 'WARN'],
      ],
    );
    assert.equal(decision.matched[1]!.reason, 'HUGE_BLOCK 的原因');
  });

  test('only WARN rules matched: WARN', () => {
    const decision = decideTransfer(set, { ...context, amountFen: 999_999 });
    assert.equal(decision.outcome, 'WARN');
    assert.deepEqual(decision.matched.map((m) => m.ruleId), ['LARGE_WARN']);
  });

  test('every condition of a rule must hold', () => {
    const both = rule('BOTH', 'BLOCK', [
      { field: 'amountFen', op: 'gt', value: 100 },
      { field: 'largestTransferFen90d', op: 'eq', value: 0 },
    ]);
    const only = { version: 1, rules: [both] };
    assert.equal(decideTransfer(only, { ...context, amountFen: 101 }).outcome, 'BLOCK');
    assert.equal(decideTransfer(only, { ...context, amountFen: 100 }).outcome, 'ALLOW');
    assert.equal(decideTransfer(only, { ...context, amountFen: 101, largestTransferFen90d: 1 }).outcome, 'ALLOW');
  });
});

describe('delayed arrival', () => {
  const delay = (ruleId: string, delayHours: number, conditions: RiskCondition[]): RiskRule => ({ ...rule(ruleId, 'DELAY', conditions), delayHours });
  const set: RiskRuleSet = {
    version: 1,
    rules: [
      rule('LARGE_WARN', 'WARN', [{ field: 'amountFen', op: 'gte', value: 100_000 }]),
      delay('LARGE_DELAY', 2, [{ field: 'amountFen', op: 'gte', value: 200_000 }]),
      delay('NEW_PAYEE_DELAY', 48, [{ field: 'payeeAgeHours', op: 'lt', value: 1 }]),
      rule('HUGE_BLOCK', 'BLOCK', [{ field: 'amountFen', op: 'gte', value: 1_000_000 }]),
    ],
  };
  const context: TransferRiskContext = { ...victim, payeeFirstPaidAt: hoursBefore(48) };

  test('DELAY outranks WARN and holds for the longest delay its matched rules ask', () => {
    assert.deepEqual([decideTransfer(set, { ...context, amountFen: 100_000 }).outcome, decideTransfer(set, { ...context, amountFen: 100_000 }).delayHours], ['WARN', null]);
    const one = decideTransfer(set, { ...context, amountFen: 200_000 });
    assert.deepEqual([one.outcome, one.delayHours], ['DELAY', 2]);
    const both = decideTransfer(set, { ...context, amountFen: 200_000, payeeFirstPaidAt: null });
    assert.deepEqual([both.outcome, both.delayHours], ['DELAY', 48]);
    assert.deepEqual(both.matched.map((m) => m.ruleId), ['LARGE_WARN', 'LARGE_DELAY', 'NEW_PAYEE_DELAY']);
  });

  test('BLOCK outranks DELAY: no hold, no delay', () => {
    const blocked = decideTransfer(set, { ...context, amountFen: 1_000_000, payeeFirstPaidAt: null });
    assert.deepEqual([blocked.outcome, blocked.delayHours], ['BLOCK', null]);
  });
});

describe("the day's velocity", () => {
  const velocity = {
    version: 1,
    rules: [
      rule('MANY_TODAY', 'WARN', [{ field: 'outTodayCount', op: 'gte', value: 3 }]),
      rule('MUCH_TODAY', 'BLOCK', [
        { field: 'outTodayFen', op: 'gte', value: 2_000_000 },
        { field: 'payeeAgeHours', op: 'lt', value: 24 },
      ]),
    ],
  };
  const today = (amountFen: number, count: number) => decideTransfer(velocity, { ...victim, amountFen: 100, outToday: { amountFen, count } });

  test("the count and the sum of what already left today decide, this transfer not included", () => {
    assert.equal(today(0, 2).outcome, 'ALLOW');
    assert.deepEqual(today(0, 3).matched.map((m) => m.ruleId), ['MANY_TODAY']);
    assert.equal(today(1_999_999, 0).outcome, 'ALLOW');
    assert.equal(today(2_000_000, 0).outcome, 'BLOCK');
  });

  test('the sum rule holds only with its other condition: a payee paid before passes', () => {
    assert.equal(decideTransfer(velocity, { ...victim, payeeFirstPaidAt: hoursBefore(48), outToday: { amountFen: 2_000_000, count: 0 } }).outcome, 'ALLOW');
  });
});

describe('hour of day in China Standard Time', () => {
  const atNight = rule('NIGHT', 'WARN', [{ field: 'hourOfDay', op: 'between', value: [1, 5] }]);
  const night = { version: 1, rules: [atNight] };
  const decideAt = (iso: string) => decideTransfer(night, { amountFen: 1, at: new Date(iso), payeeFirstPaidAt: null, largestTransferFen90d: 0, outToday: { amountFen: 0, count: 0 }, outLastHour: { amountFen: 0, count: 0 }, customerBirthYear: null, deviceFirstSeenAtMs: null, customerRiskLevel: null }).outcome;

  test('17:30 UTC is 01:30 in China: hour 1, inside an inclusive 1–5', () => {
    assert.equal(decideAt('2026-12-06T17:30:00Z'), 'WARN');
  });

  test('between is inclusive at both ends and nothing more', () => {
    assert.equal(decideAt('2026-12-06T16:59:59Z'), 'ALLOW'); // 00:59 CST, hour 0
    assert.equal(decideAt('2026-12-06T17:00:00Z'), 'WARN'); // 01:00, hour 1
    assert.equal(decideAt('2026-12-06T21:59:59Z'), 'WARN'); // 05:59, hour 5
    assert.equal(decideAt('2026-12-06T22:00:00Z'), 'ALLOW'); // 06:00, hour 6
  });

  test('hour 23 in China is 15 UTC', () => {
    const late = { version: 1, rules: [rule('LATE', 'WARN', [{ field: 'hourOfDay', op: 'eq', value: 23 }])] };
    const decide = (iso: string) => decideTransfer(late, { amountFen: 1, at: new Date(iso), payeeFirstPaidAt: null, largestTransferFen90d: 0, outToday: { amountFen: 0, count: 0 }, outLastHour: { amountFen: 0, count: 0 }, customerBirthYear: null, deviceFirstSeenAtMs: null, customerRiskLevel: null }).outcome;
    assert.equal(decide('2026-12-06T15:59:00Z'), 'WARN');
    assert.equal(decide('2026-12-06T16:00:00Z'), 'ALLOW');
  });
});

describe('the rule set schema', () => {
  const valid = (): RiskRuleSet => structuredClone(DEFAULT_RISK_RULE_SET);
  const refused = (set: unknown) => assert.equal(RiskRuleSetSchema.safeParse(set).success, false, JSON.stringify(set).slice(0, 200));
  const withCondition = (condition: unknown) => {
    const set = valid() as unknown as { rules: { conditions: unknown[] }[] };
    set.rules[0]!.conditions = [condition];
    return set;
  };

  test('the stored item may carry its table keys; they are dropped', () => {
    assert.deepEqual(RiskRuleSetSchema.parse({ pk: 'RISK_RULES', ...valid() }), valid());
  });

  test('a duplicate ruleId is refused', () => {
    const set = valid();
    const { delayHours: _none, ...rest } = set.rules[0]!;
    set.rules.push({ ...rest, outcome: 'BLOCK' });
    refused(set);
    set.rules[1]!.ruleId = 'VICTIM_TRANSFER_2';
    assert.equal(RiskRuleSetSchema.safeParse(set).success, true);
  });

  test('between needs an ordered pair; the other ops need a finite number', () => {
    refused(withCondition({ field: 'hourOfDay', op: 'between', value: 3 }));
    refused(withCondition({ field: 'hourOfDay', op: 'between', value: [5, 1] }));
    refused(withCondition({ field: 'hourOfDay', op: 'between', value: [1, 2, 3] }));
    assert.equal(RiskRuleSetSchema.safeParse(withCondition({ field: 'hourOfDay', op: 'between', value: [3, 3] })).success, true);
    refused(withCondition({ field: 'amountFen', op: 'gte', value: [1, 2] }));
    refused(withCondition({ field: 'amountFen', op: 'gte', value: Number.POSITIVE_INFINITY }));
    refused(withCondition({ field: 'amountFen', op: 'gte', value: Number.NaN }));
    refused(withCondition({ field: 'amountFen', op: 'gte', value: '500000' }));
  });

  test('an unknown field, op or outcome is refused, as is an unknown key in a condition', () => {
    refused(withCondition({ field: 'balanceFen', op: 'gte', value: 1 }));
    refused(withCondition({ field: 'amountFen', op: 'ne', value: 1 }));
    refused(withCondition({ field: 'amountFen', op: 'gte', value: 1, unit: 'yuan' }));
    refused({ ...valid(), rules: [{ ...valid().rules[0], outcome: 'ALLOW', delayHours: undefined }] });
    refused({ ...valid(), rules: [{ ...valid().rules[0], outcome: 'HOLD' }] });
  });

  test('delayHours is given exactly with DELAY, a whole number of hours from 1 to 72', () => {
    const base = valid().rules[0]!;
    refused({ version: 1, rules: [{ ...base, delayHours: undefined }] });
    refused({ version: 1, rules: [{ ...base, outcome: 'WARN' }] });
    for (const delayHours of [0, 73, 1.5, '24']) refused({ version: 1, rules: [{ ...base, delayHours }] });
    for (const delayHours of [1, 72]) assert.equal(RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...base, delayHours }] }).success, true);
    const { delayHours: _none, ...warn } = base;
    assert.equal(RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...warn, outcome: 'WARN' }] }).success, true);
  });

  test('rule and condition counts are bounded: 1–50 rules, 1–8 conditions', () => {
    const rules = (count: number) => Array.from({ length: count }, (_, i) => ({ ...valid().rules[0]!, ruleId: `RULE_${i}` }));
    assert.equal(RiskRuleSetSchema.safeParse({ version: 1, rules: rules(50) }).success, true);
    refused({ version: 1, rules: rules(51) });
    refused({ version: 1, rules: [] });
    const condition: RiskCondition = { field: 'amountFen', op: 'gte', value: 1 };
    const conditions = (count: number) => ({ version: 1, rules: [{ ...valid().rules[0]!, conditions: Array(count).fill(condition) }] });
    assert.equal(RiskRuleSetSchema.safeParse(conditions(8)).success, true);
    refused(conditions(9));
    refused(conditions(0));
  });

  test('versions, ids, names and reasons are checked', () => {
    const base = valid().rules[0]!;
    refused({ ...valid(), version: 0 });
    refused({ ...valid(), version: 1.5 });
    refused({ version: 1, rules: [{ ...base, version: 0 }] });
    for (const ruleId of ['victim', 'V', '1ABC', 'A-B', `A${'B'.repeat(40)}`]) refused({ version: 1, rules: [{ ...base, ruleId }] });
    assert.equal(RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...base, ruleId: `A${'B'.repeat(39)}` }] }).success, true);
    refused({ version: 1, rules: [{ ...base, name: '' }] });
    refused({ version: 1, rules: [{ ...base, name: '名'.repeat(41) }] });
    refused({ version: 1, rules: [{ ...base, reason: '' }] });
    refused({ version: 1, rules: [{ ...base, reason: '因'.repeat(201) }] });
    assert.equal(RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...base, reason: '因'.repeat(200) }] }).success, true);
  });
});

describe('the largest transfer over 90 days', () => {
  // AT's business date is 2026-12-06: the window runs 2026-09-08 (the 90th date back) to 2026-12-06.
  test('the 90th business date back counts, the 91st does not', () => {
    assert.equal(largestInWindow({ '2026-09-08': 70_000 }, AT), 70_000);
    assert.equal(largestInWindow({ '2026-09-07': 70_000 }, AT), 0);
    assert.equal(largestInWindow({ '2026-09-07': 90_000, '2026-09-08': 70_000, '2026-12-06': 10_000 }, AT), 70_000);
  });

  test('the window follows the date in China, not in UTC', () => {
    // 2026-12-05T16:30Z is 00:30 on 12-06 in China: the same window as AT.
    assert.equal(largestInWindow({ '2026-09-08': 70_000 }, new Date('2026-12-05T16:30:00Z')), 70_000);
    // Half an hour earlier it is still 12-05 in China: 09-07 is the 90th date back.
    assert.equal(largestInWindow({ '2026-09-07': 70_000 }, new Date('2026-12-05T15:59:00Z')), 70_000);
  });

  test('none stored, or none in the window: 0; dates after today do not count', () => {
    assert.equal(largestInWindow(undefined, AT), 0);
    assert.equal(largestInWindow({}, AT), 0);
    assert.equal(largestInWindow({ '2026-12-07': 70_000 }, AT), 0);
  });
});

describe('the daily maxima to store', () => {
  test('a first transfer starts the map', () => {
    assert.deepEqual(raisedDailyMaxima(undefined, AT, 12_300), { '2026-12-06': 12_300 });
  });

  test("today's entry is raised by a larger transfer and other days are kept", () => {
    assert.deepEqual(raisedDailyMaxima({ '2026-12-01': 90_000, '2026-12-06': 10_000 }, AT, 20_000), { '2026-12-01': 90_000, '2026-12-06': 20_000 });
  });

  test('nothing to write when today already holds as much and nothing is stale', () => {
    assert.equal(raisedDailyMaxima({ '2026-12-01': 90_000, '2026-12-06': 20_000 }, AT, 20_000), undefined);
    assert.equal(raisedDailyMaxima({ '2026-12-06': 20_000 }, AT, 5_000), undefined);
  });

  test('a stale entry is pruned even when today needs no raise', () => {
    assert.deepEqual(raisedDailyMaxima({ '2026-09-07': 90_000, '2026-09-08': 80_000, '2026-12-06': 20_000 }, AT, 5_000), {
      '2026-09-08': 80_000,
      '2026-12-06': 20_000,
    });
  });

  test('a stored map of any size keeps only the window: at most 90 entries', () => {
    const huge: Record<string, number> = {};
    const firstMs = Date.parse('2025-01-01');
    for (let day = 0; day < 1_000; day++) huge[new Date(firstMs + day * 86_400_000).toISOString().slice(0, 10)] = 1_000 + day;
    const stored = raisedDailyMaxima(huge, AT, 1)!;
    assert.equal(Object.keys(stored).length, 90);
    assert.equal(Object.keys(stored)[0], '2026-09-08');
    assert.equal(Object.keys(stored).at(-1), '2026-12-06');
    // 2026-12-06 is day 704 from 2025-01-01.
    assert.equal(stored['2026-12-06'], 1_704);
    assert.equal(largestInWindow(huge, AT), 1_704);
  });

  test('the stored map is not changed in place', () => {
    const byDay = { '2026-09-01': 1, '2026-12-06': 2 };
    raisedDailyMaxima(byDay, AT, 3);
    assert.deepEqual(byDay, { '2026-09-01': 1, '2026-12-06': 2 });
  });
});

describe("the customer's age (by year of birth)", () => {
  const elderly = { version: 1, rules: [rule('ELDERLY_NEW_PAYEE', 'WARN', [{ field: 'customerAgeYears', op: 'gte', value: 60 }, { field: 'payeeAgeHours', op: 'lt', value: 24 }])] };
  const decideFor = (customerBirthYear: number | null, at = AT) => decideTransfer(elderly, { ...victim, at, customerBirthYear });

  test('the China year of the transfer less the birth year: 60 in 2026 for 1966, not for 1967', () => {
    assert.equal(decideFor(1966).outcome, 'WARN');
    assert.equal(decideFor(1966).fields.customerAgeYears, 60);
    assert.equal(decideFor(1967).outcome, 'ALLOW');
    // 2026-12-31T16:00Z is already 2027 in China: the 1967 customer counts 60.
    assert.equal(decideFor(1967, new Date('2026-12-31T16:00:00Z')).outcome, 'WARN');
  });

  test('a customer whose birth year was not kept: the field is absent and no condition on it holds', () => {
    const decision = decideFor(null);
    assert.equal(decision.outcome, 'ALLOW');
    assert.equal('customerAgeYears' in decision.fields, false);
    const under = decideTransfer({ version: 1, rules: [rule('YOUNG', 'WARN', [{ field: 'customerAgeYears', op: 'lt', value: 200 }])] }, { ...victim, customerBirthYear: null, deviceFirstSeenAtMs: null, customerRiskLevel: null });
    assert.equal(under.outcome, 'ALLOW');
  });
});

describe("the customer's money-laundering risk level", () => {
  const watched = { version: 1, rules: [rule('HIGH_RISK_LARGE', 'STEP_UP', [{ field: 'customerRiskLevel', op: 'gte', value: 3 }, { field: 'amountFen', op: 'gte', value: 100_000 }])] };
  const decideFor = (customerRiskLevel: number | null) => decideTransfer(watched, { ...victim, customerRiskLevel });

  test('a high-risk customer (3) is stepped up, a medium one (2) is not; the level is recorded with the decision', () => {
    assert.deepEqual([decideFor(3).outcome, decideFor(3).fields.customerRiskLevel], ['STEP_UP', 3]);
    assert.equal(decideFor(2).outcome, 'ALLOW');
  });

  test('a customer not yet rated: the field is absent and no condition on it holds', () => {
    const decision = decideFor(null);
    assert.equal(decision.outcome, 'ALLOW');
    assert.equal('customerRiskLevel' in decision.fields, false);
  });
});

describe('new device at night (the device’s age and STEP_UP)', () => {
  const night = { version: 2, rules: [...DEFAULT_RISK_RULE_SET.rules, NEW_DEVICE_AT_NIGHT_RULE] };
  const TWO_AM = new Date('2026-12-06T18:00:00Z'); // 02:00 CST on 2026-12-07
  const friend = { ...victim, amountFen: 200_000, payeeFirstPaidAt: new Date(TWO_AM.getTime() - 30 * 24 * HOUR_MS).toISOString(), largestTransferFen90d: 300_000 };
  const decideOn = (deviceHoursOld: number | null, changes: Partial<TransferRiskContext> = {}) => {
    const at = changes.at ?? TWO_AM;
    return decideTransfer(night, { ...friend, at, deviceFirstSeenAtMs: deviceHoursOld === null ? null : at.getTime() - deviceHoursOld * HOUR_MS, ...changes });
  };

  test('¥2,000 at 02:00 from a device known for 23 hours steps up, with the rule and its reason; the field is the device’s age', () => {
    const decision = decideOn(23);
    assert.equal(decision.outcome, 'STEP_UP');
    assert.deepEqual(decision.matched, [{ ruleId: 'NEW_DEVICE_AT_NIGHT', version: 1, outcome: 'STEP_UP', reason: NEW_DEVICE_AT_NIGHT_RULE.reason }]);
    assert.equal(decision.fields.deviceAgeHours, 23);
    assert.equal(decision.delayHours, null);
  });

  test('each edge: 24 hours old, ¥1,999.99, 06:00 or 23:59 — no step-up', () => {
    assert.equal(decideOn(24).outcome, 'ALLOW');
    assert.equal(decideOn(1, { amountFen: 199_999 }).outcome, 'ALLOW');
    assert.equal(decideOn(1, { at: new Date('2026-12-06T22:00:00Z') }).outcome, 'ALLOW'); // 06:00 CST
    assert.equal(decideOn(1, { at: new Date('2026-12-06T21:59:59Z') }).outcome, 'STEP_UP'); // 05:59 CST
    assert.equal(decideOn(1, { at: new Date('2026-12-06T15:59:00Z') }).outcome, 'ALLOW'); // 23:59 CST
    assert.equal(decideOn(1, { at: new Date('2026-12-06T16:00:00Z') }).outcome, 'STEP_UP'); // 00:00 CST
  });

  test('a token that does not say when its device was first seen: no condition on the device holds', () => {
    const decision = decideOn(null);
    assert.equal(decision.outcome, 'ALLOW');
    assert.equal('deviceAgeHours' in decision.fields, false);
  });

  test('a first sighting stamped after the transfer counts as new (0 h), the cautious side', () => {
    assert.equal(decideOn(-2).fields.deviceAgeHours, 0);
  });

  test('STEP_UP outranks WARN and yields to DELAY and BLOCK', () => {
    const warn = rule('ANY_WARN', 'WARN', [{ field: 'amountFen', op: 'gte', value: 1 }]);
    const block = rule('HUGE_BLOCK', 'BLOCK', [{ field: 'amountFen', op: 'gte', value: 900_000 }]);
    assert.equal(decideTransfer({ version: 3, rules: [warn, NEW_DEVICE_AT_NIGHT_RULE] }, { ...friend, at: TWO_AM, deviceFirstSeenAtMs: TWO_AM.getTime() }).outcome, 'STEP_UP');
    assert.equal(decideTransfer({ version: 3, rules: [NEW_DEVICE_AT_NIGHT_RULE, block] }, { ...friend, amountFen: 900_000, at: TWO_AM, deviceFirstSeenAtMs: TWO_AM.getTime() }).outcome, 'BLOCK');
    // The victim pattern from a new device at night: held (DELAY), which also warns.
    assert.equal(decideTransfer(night, { ...victim, at: TWO_AM, deviceFirstSeenAtMs: TWO_AM.getTime() }).outcome, 'DELAY');
  });

  test('a step-up stands for five minutes of its session, not for later transfers nor for one stamped in the future', () => {
    const stepped = TWO_AM.getTime();
    assert.equal(steppedUpFor(stepped, new Date(stepped + STEP_UP_VALID_MS)), true);
    assert.equal(steppedUpFor(stepped, new Date(stepped + STEP_UP_VALID_MS + 1)), false);
    assert.equal(steppedUpFor(null, TWO_AM), false);
    assert.equal(steppedUpFor(stepped + 120_000, TWO_AM), false);
  });

  test('the stored rule set may hold STEP_UP, never with a delay', () => {
    assert.equal(RiskRuleSetSchema.safeParse(night).success, true);
    assert.equal(RiskRuleSetSchema.safeParse({ version: 3, rules: [{ ...NEW_DEVICE_AT_NIGHT_RULE, delayHours: 2 }] }).success, false);
  });
});

describe('the kinds of movement a rule judges', () => {
  const anyOut = rule('LARGE_ANY', 'WARN', [{ field: 'amountFen', op: 'gte', value: 100_000 }]);
  const withdrawals: RiskRule = { ...rule('LARGE_WITHDRAWAL', 'BLOCK', [{ field: 'amountFen', op: 'gte', value: 100_000 }]), kinds: ['WITHDRAWAL'] };
  const set: RiskRuleSet = { version: 3, rules: [{ ...anyOut, kinds: ['TRANSFER', 'WITHDRAWAL', 'BILL_PAYMENT'] }, withdrawals] };
  const { payeeFirstPaidAt: _payee, ...shared } = victim;
  const decideAs = (kind: MovementRiskContext['kind'], ruleSet = set) => decideMovement(ruleSet, { ...shared, kind, amountFen: 100_000, payee: null });

  test('a rule judges only the kinds it names: the withdrawal rule blocks a withdrawal, not a bill', () => {
    assert.equal(decideAs('WITHDRAWAL').outcome, 'BLOCK');
    assert.deepEqual(decideAs('WITHDRAWAL').matched.map((m) => m.ruleId), ['LARGE_ANY', 'LARGE_WITHDRAWAL']);
    assert.equal(decideAs('BILL_PAYMENT').outcome, 'WARN');
    assert.deepEqual(decideAs('BILL_PAYMENT').matched.map((m) => m.ruleId), ['LARGE_ANY']);
  });

  test('a rule that names no kinds judges transfers only, as every rule did before kinds were said', () => {
    const unsaid = { version: 1, rules: [anyOut] };
    assert.deepEqual(kindsOfRule(anyOut), ['TRANSFER']);
    assert.equal(decideAs('WITHDRAWAL', unsaid).outcome, 'ALLOW');
    assert.equal(decideAs('BILL_PAYMENT', unsaid).outcome, 'ALLOW');
    assert.equal(decideTransfer(unsaid, { ...victim, amountFen: 100_000 }).outcome, 'WARN');
  });

  test('a movement without a payee has no payeeAgeHours: a condition on it does not hold', () => {
    const newPayee: RiskRule = { ...rule('NEW_PAYEE', 'BLOCK', [{ field: 'payeeAgeHours', op: 'lt', value: 24 }]), kinds: ['TRANSFER', 'WITHDRAWAL'] };
    const decision = decideAs('WITHDRAWAL', { version: 1, rules: [newPayee] });
    assert.equal(decision.outcome, 'ALLOW');
    assert.equal('payeeAgeHours' in decision.fields, false);
    assert.equal(decideTransfer({ version: 1, rules: [newPayee] }, victim).outcome, 'BLOCK');
  });

  test('kinds, when said, are one to three known kinds without repeats', () => {
    const parse = (kinds: unknown) => RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...anyOut, kinds }] }).success;
    assert.equal(parse(['WITHDRAWAL', 'BILL_PAYMENT']), true);
    assert.equal(parse([]), false);
    assert.equal(parse(['TOP_UP']), false);
    assert.equal(parse(['WITHDRAWAL', 'WITHDRAWAL']), false);
  });

  test('only a transfer can be delayed: a DELAY rule that names a withdrawal or a bill is refused', () => {
    const delay = { ...rule('HOLD', 'DELAY', [{ field: 'amountFen', op: 'gte', value: 1 }]), delayHours: 24 };
    const parse = (kinds?: string[]) => RiskRuleSetSchema.safeParse({ version: 1, rules: [{ ...delay, ...(kinds ? { kinds } : {}) }] }).success;
    assert.equal(parse(), true);
    assert.equal(parse(['TRANSFER']), true);
    assert.equal(parse(['TRANSFER', 'BILL_PAYMENT']), false);
    assert.equal(parse(['WITHDRAWAL']), false);
  });
});

describe("the last hour's velocity", () => {
  test('six ten-minute slots, oldest first, the last one the slot of the movement: 50 to 60 minutes back', () => {
    assert.deepEqual(velocitySlots(new Date('2026-12-06T04:09:59.999Z')), ['2026-12-06T03:10', '2026-12-06T03:20', '2026-12-06T03:30', '2026-12-06T03:40', '2026-12-06T03:50', '2026-12-06T04:00']);
    assert.deepEqual(velocitySlots(new Date('2026-12-06T04:10:00.000Z')).slice(0, 1), ['2026-12-06T03:20']);
    // Across midnight in China and in UTC alike: slots are times, not dates.
    assert.deepEqual(velocitySlots(new Date('2026-12-06T00:05:00Z')).slice(0, 2), ['2026-12-05T23:10', '2026-12-05T23:20']);
  });

  test("a slot's counter expires an hour after the slot ends, when no window reads it", () => {
    assert.equal(velocitySlotExpiresAtEpoch('2026-12-06T04:00'), Date.parse('2026-12-06T05:10:00Z') / 1000);
    const last = velocitySlots(new Date(Date.parse('2026-12-06T05:09:59Z')));
    assert.equal(last[0], '2026-12-06T04:10');
  });

  test('a rule on the hour: the count and sum of what already left, this movement not included', () => {
    const burst: RiskRuleSet = { version: 1, rules: [{ ...rule('BURST', 'WARN', [{ field: 'outLastHourCount', op: 'gte', value: 3 }]), kinds: ['TRANSFER', 'WITHDRAWAL', 'BILL_PAYMENT'] }] };
    const { payeeFirstPaidAt: _payee, ...shared } = victim;
    const decide = (count: number, amountFen = 0) => decideMovement(burst, { ...shared, kind: 'WITHDRAWAL', payee: null, outLastHour: { amountFen, count } });
    assert.equal(decide(2).outcome, 'ALLOW');
    assert.equal(decide(3).outcome, 'WARN');
    assert.deepEqual([decide(3, 12_345).fields.outLastHourCount, decide(3, 12_345).fields.outLastHourFen], [3, 12_345]);
  });
});
