// Schemas of 风控规则 in the console: the anti-fraud rule set in force (domain/risk-rules.ts) and
// a new version submitted as a maker-checker change.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { BACKTEST_EXAMPLES, MAX_BACKTEST_DAYS } from '../domain/risk-backtest.js';
import { RISK_FIELD_UNITS, RISK_FIELDS, RISK_MOVEMENT_KINDS, RISK_OUTCOMES, RiskRuleSetSchema } from '../domain/risk-rules.js';

export const RiskRulesView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ruleSet: RiskRuleSetSchema,
      fields: z.array(
        z.object({
          field: z.enum(RISK_FIELDS),
          label: z.string(),
          unit: z
            .enum(RISK_FIELD_UNITS)
            .check(z.meta({ description: 'FEN: an amount in fen (shown in yuan); HOUR_OF_DAY: 0–23, China time; HOURS: a number of hours; COUNT: a number of movements; YEARS: an age; LEVEL: the customer’s money-laundering risk level, 1 low, 2 medium, 3 high' })),
        }),
      ),
      pendingChangeId: z.optional(z.string()).check(z.meta({ description: 'The next version, submitted and waiting for its checker' })),
    })
    .check(z.meta({ id: 'RiskRulesView', description: 'The anti-fraud rules in force, and what each condition field means' })),
);
export type RiskRulesView = z.infer<typeof RiskRulesView>;

export const RiskRulesChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ ruleSet: RiskRuleSetSchema }).check(z.meta({ id: 'RiskRulesChangeRequest', description: 'The whole set as it should be, numbered the version in force + 1' })),
);

export const RiskRulesBacktestRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      ruleSet: RiskRuleSetSchema,
      days: z.int().check(z.minimum(1), z.maximum(MAX_BACKTEST_DAYS), z.meta({ description: 'Business dates back, today included' })),
    })
    .check(z.meta({ id: 'RiskRulesBacktestRequest', description: 'A rule set (a draft, or the one in force) to try on recorded movements (transfers, withdrawals, bill payments)' })),
);
export type RiskRulesBacktestRequest = z.infer<typeof RiskRulesBacktestRequest>;

export const RiskRulesBacktestView = /* @__PURE__ */ lazySchema(() => {
  const outcome = z.enum(RISK_OUTCOMES);
  // One count per outcome the rules know, so a new outcome is counted here too.
  const counts = z.record(outcome, z.int());
  return z
    .object({
      fromDate: z.string(),
      toDate: z.string(),
      truncated: z.boolean(),
      judged: z.int().check(z.meta({ description: 'Movements judged again on the numbers recorded with them' })),
      withoutFields: z.int().check(z.meta({ description: 'Movements made before their numbers were recorded: skipped' })),
      recorded: counts,
      proposed: counts,
      changed: z.int(),
      byRule: z.array(z.object({ ruleId: z.string(), matched: z.int() })),
      examples: z
        .array(z.object({ journalId: z.string(), kind: z.enum(RISK_MOVEMENT_KINDS), createdAt: z.string(), amountFen: z.int(), recorded: outcome, proposed: outcome, ruleIds: z.array(z.string()) }))
        .check(z.maxLength(BACKTEST_EXAMPLES)),
    })
    .check(z.meta({ id: 'RiskRulesBacktestView', description: 'What a rule set would have decided on the movements that went through, against what was decided' }));
});
