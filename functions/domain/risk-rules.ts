// Anti-fraud rules as data (issue 18): a versioned rule set, held as one stored item, judges every
// movement that sends a customer's money away before it moves. A rule names the kinds of movement
// it judges and is a conjunction of conditions over a few numbers derived from the movement; the
// most severe matched rule decides. Evaluation never throws: what a stored
// rule set may hold is the schema's job, so a decision is always reached on the money path.
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema.js';
import { businessDate, chinaMinute } from './time.js';

/** Least to most severe: a decision takes the outcome furthest along this list. STEP_UP (加强验证)
 *  asks for a code to the bound phone, checked within the last STEP_UP_VALID_MS of this session,
 *  besides the PIN. DELAY (延时到账) warns like WARN and then holds the money for the rule's
 *  delayHours, releasing it unless the customer cancels first. */
export const RISK_OUTCOMES = ['ALLOW', 'WARN', 'STEP_UP', 'DELAY', 'BLOCK'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

/** The movements the rules judge: those that send money out of the bank — to another customer, to
 *  the customer's own bound card, to a biller. What comes in (a top-up, a redemption, a drawdown)
 *  and what stays with the bank in the customer's name (a wealth purchase, a repayment) is not
 *  what a scammer is after; a standing instruction (auto-pay) is judged when the customer sets it up, not
 *  on each debit. */
export const RISK_MOVEMENT_KINDS = ['TRANSFER', 'WITHDRAWAL', 'BILL_PAYMENT'] as const;
export type RiskMovementKind = (typeof RISK_MOVEMENT_KINDS)[number];

export const RISK_MOVEMENT_KIND_LABELS: Record<RiskMovementKind, string> = { TRANSFER: '转账', WITHDRAWAL: '提现', BILL_PAYMENT: '缴费' };

/** The kinds a rule without `kinds` judges: rules were written for transfers before the other
 *  movements were judged, and a stored rule set keeps meaning what it meant. */
const KINDS_WHEN_UNSAID: readonly RiskMovementKind[] = ['TRANSFER'];

export const kindsOfRule = (rule: Pick<RiskRule, 'kinds'>): readonly RiskMovementKind[] => rule.kinds ?? KINDS_WHEN_UNSAID;

export const RISK_FIELDS = [
  'amountFen',
  'hourOfDay',
  'payeeAgeHours',
  'largestTransferFen90d',
  'outTodayFen',
  'outTodayCount',
  'outLastHourFen',
  'outLastHourCount',
  'customerAgeYears',
  'deviceAgeHours',
  'customerRiskLevel',
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

/** What each field is, for the officers who write the rules. */
export const RISK_FIELD_UNITS = ['FEN', 'HOUR_OF_DAY', 'HOURS', 'COUNT', 'YEARS', 'LEVEL'] as const;

/** Fields a movement may lack (a withdrawal or a bill has no payee the rules keep; a customer
 *  verified before their birth year was kept, or not rated since ratings began; a session begun
 *  before its device's first sighting was carried in the token; a movement recorded before the
 *  hour's window was kept, when a backtest reads it): a condition on one it lacks does not hold. */
export const OPTIONAL_RISK_FIELDS = [
  'payeeAgeHours',
  'outLastHourFen',
  'outLastHourCount',
  'customerAgeYears',
  'deviceAgeHours',
  'customerRiskLevel',
] as const satisfies readonly RiskField[];
type OptionalRiskField = (typeof OPTIONAL_RISK_FIELDS)[number];

export const RISK_FIELD_LABELS: Record<RiskField, { label: string; unit: (typeof RISK_FIELD_UNITS)[number] }> = {
  amountFen: { label: '金额', unit: 'FEN' },
  hourOfDay: { label: '北京时间（时）', unit: 'HOUR_OF_DAY' },
  payeeAgeHours: { label: '首次向该收款人转账距今（仅转账）', unit: 'HOURS' },
  largestTransferFen90d: { label: '近 90 天最大单笔转账', unit: 'FEN' },
  outTodayFen: { label: '当日已转出金额（不含本笔）', unit: 'FEN' },
  outTodayCount: { label: '当日已转出笔数（不含本笔）', unit: 'COUNT' },
  outLastHourFen: { label: '近 1 小时转出金额（转账、提现、缴费，不含本笔）', unit: 'FEN' },
  outLastHourCount: { label: '近 1 小时转出笔数（转账、提现、缴费，不含本笔）', unit: 'COUNT' },
  customerAgeYears: { label: '客户年龄（按出生年份）', unit: 'YEARS' },
  deviceAgeHours: { label: '本设备首次验证距今', unit: 'HOURS' },
  customerRiskLevel: { label: '客户洗钱风险等级（1 低 · 2 中 · 3 高）', unit: 'LEVEL' },
};
const COMPARISON_OPS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
export const RISK_OPS = [...COMPARISON_OPS, 'between'] as const;
export type RiskOp = (typeof RISK_OPS)[number];

/** What a movement is judged on, all known before its ledger transaction. */
export interface MovementRiskContext {
  kind: RiskMovementKind;
  amountFen: number;
  /** When the movement is asked for; rules see its hour in China Standard Time (0–23). */
  at: Date;
  /** A transfer's payee: when this customer first paid them, null when never (a first payment).
   *  Null for a movement without a payee the rules keep (a withdrawal, a bill). */
  payee: { firstPaidAt: string | null } | null;
  /** The customer's largest transfer out in the 90 days before `at` (0 when none). */
  largestTransferFen90d: number;
  /** What left the account to others (transfers, bill payments) on the CST date of `at` before
   *  this movement: the Class II daily counter, kept by the ledger transactions themselves. */
  outToday: { amountFen: number; count: number };
  /** What the judged movements (transfers, withdrawals, bill payments) took out of the account in
   *  the last hour before this one (velocitySlots: 50 to 60 minutes, in 10-minute slots). */
  outLastHour: { amountFen: number; count: number };
  /** From the verified ID number (kept as a year only); null for a customer verified before it was kept. */
  customerBirthYear: number | null;
  /** When the device the movement is asked from became known to the bank (the first sign-in, or
   *  its verification by a code to the bound phone), as the access token says; null when the
   *  token does not say. */
  deviceFirstSeenAtMs: number | null;
  /** The customer's money-laundering risk level (domain/customer-risk-rating.ts: 1 low, 2 medium,
   *  3 high), read with the customer; null when not yet rated. */
  customerRiskLevel: number | null;
}

/** A condition over one derived field: amountFen; hourOfDay (0–23, CST); payeeAgeHours (hours since
 *  the payee was first paid, 0 when never); largestTransferFen90d; outTodayFen and outTodayCount (the
 *  day's velocity) and outLastHourFen and outLastHourCount (the hour's), this movement not included. `between` is inclusive at both ends;
 *  its value is the only pair, so a rule cannot compare a field with a pair or range over a number. */
export type RiskCondition =
  | { field: RiskField; op: (typeof COMPARISON_OPS)[number]; value: number }
  | { field: RiskField; op: 'between'; value: [number, number] };

export interface RiskRule {
  ruleId: string;
  version: number;
  /** Chinese, for officers: '疑似被骗转账'. */
  name: string;
  /** The movements it judges; absent: transfers only (KINDS_WHEN_UNSAID). */
  kinds?: RiskMovementKind[];
  /** All must hold. */
  conditions: RiskCondition[];
  outcome: Exclude<RiskOutcome, 'ALLOW'>;
  /** How long a DELAY rule holds the money (hours, 1–72); absent on every other outcome. */
  delayHours?: number;
  /** What the customer is told, in words (Chinese). */
  reason: string;
}

export interface RiskRuleSet {
  version: number;
  rules: RiskRule[];
}

/** The numbers a movement was judged on: recorded with its journal, so the decision explains
 *  itself later and a new rule set can be tried on it (backtestRiskRules). */
export type RiskFields = Record<Exclude<RiskField, OptionalRiskField>, number> & Partial<Record<OptionalRiskField, number>>;

export interface RiskDecision {
  outcome: RiskOutcome;
  /** When the outcome is DELAY, the longest hold its DELAY rules ask for; else null. */
  delayHours: number | null;
  ruleSetVersion: number;
  matched: { ruleId: string; version: number; outcome: RiskOutcome; reason: string }[];
  fields: RiskFields;
}

const MAX_RULES = 50;
const MAX_CONDITIONS = 8;
/** A hold longer than three days would keep a customer's money from them past a weekend's worth of
 *  thinking it over: the longest the rules may ask for. */
export const MAX_DELAY_HOURS = 72;
const HOUR_MS = 60 * 60 * 1000;

const RiskConditionSchema: z.ZodMiniType<RiskCondition> = /* @__PURE__ */ lazySchema(() => {
  const field = z.enum(RISK_FIELDS);
  return z.discriminatedUnion('op', [
    z.strictObject({ field, op: z.enum(COMPARISON_OPS), value: z.number() }),
    z.strictObject({
      field,
      op: z.literal('between'),
      value: z.tuple([z.number(), z.number()]).check(z.refine(([min, max]) => min <= max, 'between needs min ≤ max')),
    }),
  ]);
});

/** The stored item's rule set. Unknown keys of the item (its table keys) are dropped; unknown keys
 *  inside a rule or a condition are refused, since a rule must mean exactly what it says. */
export const RiskRuleSetSchema: z.ZodMiniType<RiskRuleSet> = /* @__PURE__ */ lazySchema(() =>
  z.object({
    version: z.int().check(z.minimum(1)),
    rules: z
      .array(
        z
          .strictObject({
            ruleId: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,39}$/)),
            version: z.int().check(z.minimum(1)),
            name: z.string().check(z.minLength(1), z.maxLength(40)),
            kinds: z.optional(
              z
                .array(z.enum(RISK_MOVEMENT_KINDS))
                .check(
                  z.minLength(1),
                  z.maxLength(RISK_MOVEMENT_KINDS.length),
                  z.refine((kinds) => new Set(kinds).size === kinds.length, 'kinds must be unique'),
                ),
            ),
            conditions: z.array(RiskConditionSchema).check(z.minLength(1), z.maxLength(MAX_CONDITIONS)),
            outcome: z.enum(['WARN', 'STEP_UP', 'DELAY', 'BLOCK']),
            delayHours: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_DELAY_HOURS))),
            reason: z.string().check(z.minLength(1), z.maxLength(200)),
          })
          .check(
            z.refine((rule) => (rule.outcome === 'DELAY') === (rule.delayHours !== undefined), 'delayHours is given exactly when the outcome is DELAY'),
            // 延时到账 holds a transfer on its way to another customer, who can wait: a bill is owed
            // to the biller by its date, and a withdrawal goes to the customer's own card.
            z.refine((rule) => rule.outcome !== 'DELAY' || kindsOfRule(rule).every((kind) => kind === 'TRANSFER'), 'only transfers can be delayed'),
          ),
      )
      .check(
        z.minLength(1),
        z.maxLength(MAX_RULES),
        // The journal records matched rules by id: two rules under one id could not be told apart.
        z.refine((rules) => new Set(rules.map((rule) => rule.ruleId)).size === rules.length, 'ruleId must be unique'),
      ),
  }),
);

/** The rule set a bank starts with: the victim-transfer pattern — a customer who has only
 *  ever sent small sums suddenly sends a large one to a payee never paid before, the shape of a
 *  "safe account" scam: warned, then held for 24 hours (延时到账) so a customer who realises in time
 *  can take the money back. */
export const DEFAULT_RISK_RULE_SET: RiskRuleSet = {
  version: 1,
  rules: [
    {
      ruleId: 'VICTIM_TRANSFER',
      version: 1,
      name: '疑似被骗转账',
      conditions: [
        { field: 'largestTransferFen90d', op: 'lte', value: 50_000 },
        { field: 'amountFen', op: 'gte', value: 500_000 },
        { field: 'payeeAgeHours', op: 'lt', value: 24 },
      ],
      outcome: 'DELAY',
      delayHours: 24,
      reason:
        '这笔转账金额远大于您近 90 天的转账，且收款人是您从未转过账的新收款人。公安机关、检察院、法院和银行绝不会要求您把钱转到所谓“安全账户”。如有人这样要求您，请立即停止转账，并拨打 110 或反诈专线 96110。',
    },
  ],
};

/** The issue's *new device at night*: ¥2,000 or more between 00:00 and 06:00 (China) from a device
 *  the bank has known for less than 24 hours → a code to the bound phone. Not in the rule set a
 *  bank starts with: officers add it (or their own version of it) in 风控规则, under maker-checker
 *  with a backtest, when they choose to; docs/ARCHITECTURE.md says why. */
export const NEW_DEVICE_AT_NIGHT_RULE: RiskRule = {
  ruleId: 'NEW_DEVICE_AT_NIGHT',
  version: 1,
  name: '新设备夜间转账',
  conditions: [
    { field: 'amountFen', op: 'gte', value: 200_000 },
    { field: 'hourOfDay', op: 'between', value: [0, 5] },
    { field: 'deviceAgeHours', op: 'lt', value: 24 },
  ],
  outcome: 'STEP_UP',
  reason: '您正在深夜用新登录的设备转账。为确认是您本人操作，请输入发送到绑定手机号的验证码。如有人索要验证码，那一定是诈骗。',
};

export function decideMovement(ruleSet: RiskRuleSet, context: MovementRiskContext): RiskDecision {
  return decideOnFields(ruleSet, context.kind, derivedFields(context));
}

/** The decision over fields already derived (a recorded movement's, in a backtest): only the rules
 *  that judge movements of this kind take part. */
export function decideOnFields(ruleSet: RiskRuleSet, kind: RiskMovementKind, fields: RiskFields): RiskDecision {
  let outcome: RiskOutcome = 'ALLOW';
  let delayHours = 0;
  const matched: RiskDecision['matched'] = [];
  for (const rule of ruleSet.rules) {
    if (!kindsOfRule(rule).includes(kind)) continue;
    if (!rule.conditions.every((condition) => holds(condition, fields[condition.field]))) continue;
    matched.push({ ruleId: rule.ruleId, version: rule.version, outcome: rule.outcome, reason: rule.reason });
    if (RISK_OUTCOMES.indexOf(rule.outcome) > RISK_OUTCOMES.indexOf(outcome)) outcome = rule.outcome;
    if (rule.outcome === 'DELAY') delayHours = Math.max(delayHours, rule.delayHours ?? MAX_DELAY_HOURS);
  }
  return { outcome, delayHours: outcome === 'DELAY' ? delayHours : null, ruleSetVersion: ruleSet.version, matched, fields };
}

function derivedFields(context: MovementRiskContext): RiskFields {
  return {
    amountFen: context.amountFen,
    hourOfDay: Number(chinaMinute(context.at).slice(11, 13)),
    ...(context.payee === null ? {} : { payeeAgeHours: payeeAgeHours(context.payee.firstPaidAt, context.at) }),
    largestTransferFen90d: context.largestTransferFen90d,
    outTodayFen: context.outToday.amountFen,
    outTodayCount: context.outToday.count,
    outLastHourFen: context.outLastHour.amountFen,
    outLastHourCount: context.outLastHour.count,
    ...(context.customerBirthYear === null ? {} : { customerAgeYears: Number(chinaMinute(context.at).slice(0, 4)) - context.customerBirthYear }),
    ...(context.deviceFirstSeenAtMs === null ? {} : { deviceAgeHours: ageHours(context.deviceFirstSeenAtMs, context.at) }),
    ...(context.customerRiskLevel === null ? {} : { customerRiskLevel: context.customerRiskLevel }),
  };
}

/** A payee never paid is one first seen now (0 h). So is one whose first payment is unreadable or
 *  stamped after `at` (clock skew): both err towards judging the payee new, the cautious side. */
function payeeAgeHours(firstPaidAt: string | null, at: Date): number {
  if (firstPaidAt === null) return 0;
  return ageHours(Date.parse(firstPaidAt), at);
}

/** Hours from `sinceMs` to `at`; 0 for a time unreadable or after `at` (new, the cautious side). */
function ageHours(sinceMs: number, at: Date): number {
  const ageMs = at.getTime() - sinceMs;
  return Number.isFinite(ageMs) && ageMs > 0 ? ageMs / HOUR_MS : 0;
}

/** How long a code to the bound phone stands for a STEP_UP movement of the same session: long enough
 *  to go back to the review sheet and type the PIN, too short to keep for later movements. */
export const STEP_UP_VALID_MS = 5 * 60 * 1000;

/** The session's last step-up (its access token's) stands for a movement asked at `at`. */
export const steppedUpFor = (steppedUpAtMs: number | null, at: Date): boolean =>
  steppedUpAtMs !== null && steppedUpAtMs <= at.getTime() + 60_000 && at.getTime() - steppedUpAtMs <= STEP_UP_VALID_MS;

function holds(condition: RiskCondition, value: number | undefined): boolean {
  if (value === undefined) return false;
  switch (condition.op) {
    case 'lt':
      return value < condition.value;
    case 'lte':
      return value <= condition.value;
    case 'gt':
      return value > condition.value;
    case 'gte':
      return value >= condition.value;
    case 'eq':
      return value === condition.value;
    case 'between':
      return condition.value[0] <= value && value <= condition.value[1];
  }
}

/** The hour's velocity is kept in slots of ten minutes: a movement adds to its slot, and a
 *  decision reads the slot of `at` and the five before it — the last 50 to 60 minutes. Six small
 *  items ride in the movement's one read; a sliding window of exact times would need a list that
 *  grows with every movement. */
const VELOCITY_SLOT_MS = 10 * 60 * 1000;
const VELOCITY_SLOTS = 6;

/** The slots of the hour before `at`, each by its start (UTC, to the minute), oldest first: the
 *  last is the slot of `at`, the one a movement at `at` counts in. */
export function velocitySlots(at: Date): string[] {
  const current = Math.floor(at.getTime() / VELOCITY_SLOT_MS) * VELOCITY_SLOT_MS;
  return Array.from({ length: VELOCITY_SLOTS }, (_, i) => new Date(current - (VELOCITY_SLOTS - 1 - i) * VELOCITY_SLOT_MS).toISOString().slice(0, 16));
}

/** When a slot's counter may go: an hour after its last minute, when no window reads it any more. */
export const velocitySlotExpiresAtEpoch = (slot: string): number => Math.floor((Date.parse(`${slot}:00Z`) + VELOCITY_SLOT_MS + HOUR_MS) / 1000);

/** The 90-day window is the 90 business dates (CST) ending with the date of `at`, that date
 *  included: the 90th date back counts, the 91st does not. */
const WINDOW_DAYS = 90;
const DAY_MS = 24 * HOUR_MS;

/** The window's dates, oldest first. Looking each up (rather than walking the stored map) bounds
 *  the work at 90 whatever the map holds. */
function windowDates(at: Date): string[] {
  const todayMs = Date.parse(businessDate(at));
  return Array.from({ length: WINDOW_DAYS }, (_, i) => new Date(todayMs - (WINDOW_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** The stored map's entries inside the window, oldest first; entries that are not a finite number
 *  are left out like stale ones. */
function inWindow(byDay: Record<string, number> | undefined, at: Date): Record<string, number> {
  const kept: Record<string, number> = {};
  if (!byDay) return kept;
  for (const date of windowDates(at)) {
    const maxFen = Object.hasOwn(byDay, date) ? byDay[date] : undefined;
    if (Number.isFinite(maxFen)) kept[date] = maxFen!;
  }
  return kept;
}

/** The largest transfer out over the window ending with the date of `at`, from the stored map
 *  { 'YYYY-MM-DD': maxFen }; 0 when none. */
export function largestInWindow(byDay: Record<string, number> | undefined, at: Date): number {
  return Math.max(0, ...Object.values(inWindow(byDay, at)));
}

/** The map to store after a transfer of `amountFen` at `at`: entries outside the window pruned (at
 *  most 90 remain), today's entry raised to the amount when larger. Undefined when the stored map
 *  needs no change, so the caller can skip the write. */
export function raisedDailyMaxima(byDay: Record<string, number> | undefined, at: Date, amountFen: number): Record<string, number> | undefined {
  const kept = inWindow(byDay, at);
  const today = businessDate(at);
  const todayMaxFen = kept[today];
  const pruned = Object.keys(byDay ?? {}).length !== Object.keys(kept).length;
  if (!pruned && todayMaxFen !== undefined && todayMaxFen >= amountFen) return undefined;
  kept[today] = Math.max(todayMaxFen ?? 0, amountFen);
  return kept;
}
