// Schemas of 风控规则 in the console: the anti-fraud rule set in force (domain/risk-rules.ts) and
// a new version submitted as a maker-checker change.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { RISK_FIELD_UNITS, RISK_FIELDS, RiskRuleSetSchema } from '../domain/risk-rules.js';

export const RiskRulesView = lazySchema(() =>
  z
    .object({
      ruleSet: RiskRuleSetSchema,
      fields: z.array(
        z.object({
          field: z.enum(RISK_FIELDS),
          label: z.string(),
          unit: z
            .enum(RISK_FIELD_UNITS)
            .check(z.meta({ description: 'FEN: an amount in fen (shown in yuan); HOUR_OF_DAY: 0–23, China time; HOURS: a number of hours; COUNT: a number of movements' })),
        }),
      ),
      pendingChangeId: z.optional(z.string()).check(z.meta({ description: 'The next version, submitted and waiting for its checker' })),
    })
    .check(z.meta({ id: 'RiskRulesView', description: 'The anti-fraud rules in force, and what each condition field means' })),
);
export type RiskRulesView = z.infer<typeof RiskRulesView>;

export const RiskRulesChangeRequest = lazySchema(() =>
  z.strictObject({ ruleSet: RiskRuleSetSchema }).check(z.meta({ id: 'RiskRulesChangeRequest', description: 'The whole set as it should be, numbered the version in force + 1' })),
);
