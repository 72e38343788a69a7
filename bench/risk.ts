// Item 8 — risk controls on simulated traffic (issue 18). Seven days of a seeded bank: normal
// customers moving money in the bank test's mix (test/bank/plan.ts's weights, log-uniform
// amounts) with each pattern of the issue injected into accounts of its own at known places.
// Every transfer, withdrawal and bill payment is judged by the anti-fraud rules in force by default
// (domain/risk-rules.ts, each on the memory the real path keeps: payees first paid, daily maxima,
// today's and the last hour's outflow) and
// every day is closed by the AML monitoring (domain/aml-patterns.ts), as the day close runs it.
// In process and pure: the rules' latency here is their own CPU; what they cost the money path
// in DynamoDB is item 1's round trips (the rules' memory is in the transfer's one read).
import { type AmlPattern, type DayJournal, detectAmlPatterns } from '../functions/domain/aml-patterns.js';
import type { JournalKind } from '../functions/domain/ledger.js';
import { addDays } from '../functions/domain/loan/dates.js';
import { DEFAULT_RISK_RULE_SET, decideMovement, largestInWindow, NEW_DEVICE_AT_NIGHT_RULE, raisedDailyMaxima, type RiskMovementKind, type RiskOutcome, velocitySlots } from '../functions/domain/risk-rules.js';
import { businessDate } from '../functions/domain/time.js';
import { amlThresholds } from '../functions/services/aml-monitoring.js';
import { Rng } from '../test/bank/rng.js';
import { useTableInThisProcess } from './ledger.js';
import { percentile } from './lib/stats.js';

export const RISK_SEED = 20261207;
export const NORMAL_SHARE_TARGET = 0.01;
export const CHECK_P99_TARGET_MS = 10;
const NORMAL_CUSTOMERS = Number(process.env.BENCH_RISK_CUSTOMERS ?? 3_000);
const DAYS = 7;
const INJECTED_PER_PATTERN = 10;
const FIRST_DATE = '2026-11-30';
const DATES = Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DATE, i));
const LAST = DATES[DAYS - 1]!;

/** The cases the issue names, and whether this build has what catches them. */
export const INJECTED = ['VICTIM_TRANSFER', 'NEW_DEVICE_AT_NIGHT', 'RAPID_IN_OUT', 'STRUCTURING', 'COLLECTION_ACCOUNT', 'LARGE_VALUE'] as const;
export type Injected = (typeof INJECTED)[number];

export interface RiskSimulationResults {
  seed: number;
  normalCustomers: number;
  days: number;
  journals: number;
  /** Normal movements the rules judged, by kind. */
  normalJudged: Record<RiskMovementKind, number>;
  /** Normal judged movements by the outcome the rules gave them. */
  normalOutcomes: Record<RiskOutcome, number>;
  /** Normal accounts that any day close alerted, of all normal accounts. */
  normalAccountsAlerted: number;
  alertsByPattern: Record<AmlPattern, { normal: number; injected: number }>;
  injected: { case: Injected; injected: number; caught: number | null; how: string }[];
  /** The rules' own time per judged movement. */
  checkP50Ms: number;
  checkP99Ms: number;
  /** One day close's monitoring over its seven days. */
  monitorP50Ms: number;
  monitorMaxMs: number;
}

let sequence = 0;
const journalId = () => `J${String(++sequence).padStart(12, '0')}`;
const at = (date: string, minuteOfDay: number) => new Date(Date.parse(`${date}T00:00:00+08:00`) + minuteOfDay * 60_000).toISOString();
const twoSided = (kind: JournalKind, from: string, to: string, amountFen: number, createdAt: string, completes?: string): DayJournal => ({
  journalId: journalId(),
  kind,
  createdAt,
  postings: [
    { accountId: from, amountFen: -amountFen },
    { accountId: to, amountFen },
  ],
  ...(completes ? { completes } : {}),
});
const CARD = 'HOUSE-CARD-SETTLEMENT~00';
const BILLER = 'HOUSE-BILLER-CLEARING~00';
const WEALTH = 'HOUSE-WEALTH-CUSTODY-P1';

/** What the anti-fraud rules remember of a customer (store/movement-risk.ts). */
interface Memory {
  firstPaid: Map<string, string>;
  dailyMaxima: Record<string, number> | undefined;
  outToday: { date: string; amountFen: number; count: number };
  /** The judged outflows of the last day, for the hour's velocity (velocitySlots). */
  outflows: { atMs: number; amountFen: number }[];
}

export function runRiskSimulation(log: (line: string) => void): RiskSimulationResults {
  // The functions' configuration (the limits in force); nothing here reaches a table.
  useTableInThisProcess(process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:9');
  const rng = new Rng(RISK_SEED);
  const normal = Array.from({ length: NORMAL_CUSTOMERS }, (_, i) => `N${String(i).padStart(6, '0')}`);
  const memory = new Map<string, Memory>();
  const history = rng.fork('history');
  for (const account of normal) {
    // Three payees paid long ago, and a largest transfer of 90 days from ¥100 to ¥5,000.
    const longAgo = at(addDays(FIRST_DATE, -40), 600);
    const friends = Array.from({ length: 3 }, () => history.pick(normal)).filter((friend) => friend !== account);
    memory.set(account, {
      firstPaid: new Map(friends.map((friend) => [friend, longAgo])),
      dailyMaxima: { [addDays(FIRST_DATE, -40)]: history.logInt(10_000, 500_000) },
      outToday: { date: '', amountFen: 0, count: 0 },
      outflows: [],
    });
  }
  const journals: DayJournal[] = [];
  const normalOutcomes: Record<RiskOutcome, number> = { ALLOW: 0, WARN: 0, STEP_UP: 0, DELAY: 0, BLOCK: 0 };
  // The rules in force: the bank's starting set and the new-device-at-night rule officers add.
  const ruleSet = { version: 2, rules: [...DEFAULT_RISK_RULE_SET.rules, NEW_DEVICE_AT_NIGHT_RULE] };
  // Each customer's phone, known for 40 days; one in fifty changes phones during the week (known
  // from a random minute of a random day on).
  const devices = rng.fork('devices');
  const deviceSince = new Map<string, { before: number; after: number; switchAtMs: number }>();
  const oldPhoneMs = Date.parse(at(addDays(FIRST_DATE, -40), 600));
  for (const account of normal) {
    const switchAtMs = devices.chance(0.02) ? Date.parse(at(devices.pick(DATES), devices.int(0, 24 * 60 - 1))) : Number.POSITIVE_INFINITY;
    deviceSince.set(account, { before: oldPhoneMs, after: switchAtMs, switchAtMs });
  }
  const deviceFirstSeenAtMs = (account: string, now: Date): number | null => {
    const phone = deviceSince.get(account);
    if (!phone) return null;
    return now.getTime() >= phone.switchAtMs ? phone.after : phone.before;
  };
  const checkMs: number[] = [];

  /** A movement judged as the money path judges it, the rules' own time measured. */
  const judge = (kind: RiskMovementKind, from: string, to: string | null, amountFen: number, now: Date, kept: Memory) => {
    const started = performance.now();
    const decision = decideMovement(ruleSet, {
      kind,
      amountFen,
      at: now,
      payee: to === null ? null : { firstPaidAt: kept.firstPaid.get(to) ?? null },
      largestTransferFen90d: largestInWindow(kept.dailyMaxima, now),
      outToday: kept.outToday,
      outLastHour: lastHourOf(kept, now),
      customerBirthYear: null,
      deviceFirstSeenAtMs: deviceFirstSeenAtMs(from, now),
      customerRiskLevel: null,
    });
    checkMs.push(performance.now() - started);
    return decision;
  };

  /** The memory of `from`, today's outflow reset on a new date. */
  const memoryOf = (from: string, now: Date): Memory => {
    const kept = memory.get(from) ?? { firstPaid: new Map(), dailyMaxima: undefined, outToday: { date: '', amountFen: 0, count: 0 }, outflows: [] };
    memory.set(from, kept);
    const today = businessDate(now);
    if (kept.outToday.date !== today) kept.outToday = { date: today, amountFen: 0, count: 0 };
    // Traffic is made customer by customer, not in time order: a day's worth is kept either side.
    kept.outflows = kept.outflows.filter((outflow) => Math.abs(outflow.atMs - now.getTime()) < 86_400_000);
    return kept;
  };

  /** What the hour's slots hold before `now`, as the real path's counters would. */
  const lastHourOf = (kept: Memory, now: Date) => {
    const fromMs = Date.parse(`${velocitySlots(now)[0]}:00Z`);
    const inWindow = kept.outflows.filter((outflow) => outflow.atMs >= fromMs && outflow.atMs <= now.getTime());
    return { amountFen: inWindow.reduce((sum, outflow) => sum + outflow.amountFen, 0), count: inWindow.length };
  };

  /** A transfer judged as the money path judges it; posted unless blocked (a delayed one as a
   *  hold, released later), the memory kept as the real path keeps it. */
  const transfer = (from: string, to: string, amountFen: number, createdAt: string): RiskOutcome => {
    // A stepped-up transfer goes on once the customer types the code (as every normal one does
    // here); the count of them is what the rules cost honest customers.
    const now = new Date(createdAt);
    const kept = memoryOf(from, now);
    const decision = judge('TRANSFER', from, to, amountFen, now, kept);
    if (decision.outcome === 'BLOCK') return decision.outcome;
    kept.outflows.push({ atMs: now.getTime(), amountFen });
    kept.outToday.amountFen += amountFen;
    kept.outToday.count += 1;
    if (decision.outcome === 'DELAY') {
      const hold = twoSided('TRANSFER_HOLD', from, 'HOUSE-HELD-TRANSFERS~00', amountFen, createdAt);
      const releasedAt = new Date(now.getTime() + (decision.delayHours ?? 24) * 3_600_000).toISOString();
      journals.push(hold, twoSided('TRANSFER_RELEASE', 'HOUSE-HELD-TRANSFERS~00', to, amountFen, releasedAt, hold.journalId));
      return decision.outcome;
    }
    if (!kept.firstPaid.has(to)) kept.firstPaid.set(to, createdAt);
    kept.dailyMaxima = raisedDailyMaxima(kept.dailyMaxima, now, amountFen) ?? kept.dailyMaxima;
    journals.push(twoSided('TRANSFER', from, to, amountFen, createdAt));
    return decision.outcome;
  };

  /** A withdrawal to the bound card or a bill payment, judged; posted unless blocked. A bill is a
   *  non-bound outflow and counts in today's (the Class II counter); a withdrawal does not. */
  const payOut = (kind: 'WITHDRAWAL' | 'BILL_PAYMENT', from: string, amountFen: number, createdAt: string): RiskOutcome => {
    const now = new Date(createdAt);
    const kept = memoryOf(from, now);
    const decision = judge(kind, from, null, amountFen, now, kept);
    if (decision.outcome === 'BLOCK') return decision.outcome;
    kept.outflows.push({ atMs: now.getTime(), amountFen });
    if (kind === 'BILL_PAYMENT') {
      kept.outToday.amountFen += amountFen;
      kept.outToday.count += 1;
    }
    journals.push(kind === 'BILL_PAYMENT' ? twoSided('BILL_HOLD', from, BILLER, amountFen, createdAt) : twoSided('WITHDRAW', from, CARD, amountFen, createdAt));
    return decision.outcome;
  };

  // ---- normal traffic: the bank test's mix of money movements, 0–3 a customer a day -------
  const traffic = rng.fork('traffic');
  const normalJudged: Record<RiskMovementKind, number> = { TRANSFER: 0, WITHDRAWAL: 0, BILL_PAYMENT: 0 };
  for (const date of DATES) {
    for (const account of normal) {
      for (let n = traffic.int(0, 3); n > 0; n--) {
        // Mostly daytime, some late evening, a few at night.
        const minute = traffic.weighted({ day: 80, evening: 17, night: 3 });
        const createdAt = at(date, minute === 'day' ? traffic.int(8 * 60, 19 * 60) : minute === 'evening' ? traffic.int(19 * 60, 24 * 60 - 1) : traffic.int(0, 6 * 60));
        const kind = traffic.weighted({ transfer: 25, topUp: 18, withdraw: 12, billPay: 10, wealthBuy: 8 });
        if (kind === 'transfer') {
          const friends = [...memory.get(account)!.firstPaid.keys()];
          const to = friends.length > 0 && traffic.chance(0.9) ? traffic.pick(friends) : traffic.pick(normal);
          if (to === account) continue;
          normalOutcomes[transfer(account, to, traffic.logInt(1_000, 300_000), createdAt)] += 1;
          normalJudged.TRANSFER += 1;
        } else if (kind === 'topUp') journals.push(twoSided('TOP_UP', CARD, account, traffic.logInt(10_000, 500_000), createdAt));
        else if (kind === 'withdraw') {
          normalOutcomes[payOut('WITHDRAWAL', account, traffic.logInt(10_000, 300_000), createdAt)] += 1;
          normalJudged.WITHDRAWAL += 1;
        } else if (kind === 'billPay') {
          normalOutcomes[payOut('BILL_PAYMENT', account, traffic.logInt(3_000, 50_000), createdAt)] += 1;
          normalJudged.BILL_PAYMENT += 1;
        } else journals.push(twoSided('WEALTH_PURCHASE', account, WEALTH, traffic.logInt(100_000, 2_000_000), createdAt));
      }
    }
  }

  // ---- the injected cases, each in accounts of its own --------------------------------------
  const inject = rng.fork('inject');
  const injectedAccounts: Partial<Record<AmlPattern, string[]>> = {};
  const accounts = (pattern: AmlPattern) => (injectedAccounts[pattern] = Array.from({ length: INJECTED_PER_PATTERN }, (_, i) => `I-${pattern}-${i}`));
  // Victims: never sent more than ¥300, now ¥6,000–¥9,000 to a payee first seen minutes ago.
  let victimsDelayed = 0;
  for (let i = 0; i < INJECTED_PER_PATTERN; i++) {
    const victim = `I-VICTIM-${i}`;
    memory.set(victim, { firstPaid: new Map(), dailyMaxima: { [addDays(LAST, -20)]: inject.int(1_000, 30_000) }, outToday: { date: '', amountFen: 0, count: 0 }, outflows: [] });
    if (transfer(victim, `I-SCAMMER-${i}`, inject.int(600_000, 900_000), at(LAST, inject.int(9 * 60, 21 * 60))) === 'DELAY') victimsDelayed += 1;
  }
  // New device at night: a phone signed in and verified 1–20 hours before, ¥2,000–¥9,000 sent to a
  // friend between 00:00 and 05:59.
  let nightStepUps = 0;
  for (let i = 0; i < INJECTED_PER_PATTERN; i++) {
    const owner = `I-NIGHT-${i}`;
    const sentAt = at(LAST, inject.int(0, 6 * 60 - 1));
    const friend = inject.pick(normal);
    memory.set(owner, { firstPaid: new Map([[friend, at(addDays(LAST, -30), 600)]]), dailyMaxima: { [addDays(LAST, -30)]: 300_000 }, outToday: { date: '', amountFen: 0, count: 0 }, outflows: [] });
    const sinceMs = Date.parse(sentAt) - inject.int(1, 20) * 3_600_000;
    deviceSince.set(owner, { before: sinceMs, after: sinceMs, switchAtMs: Number.POSITIVE_INFINITY });
    if (transfer(owner, friend, inject.int(200_000, 900_000), sentAt) === 'STEP_UP') nightStepUps += 1;
  }
  // 快进快出: on three of the seven days, ¥2,000–¥8,000 in from two or three customers, 90–100 % of
  // it withdrawn within 20–50 minutes.
  for (const mule of accounts('RAPID_IN_OUT')) {
    for (const date of [DATES[1]!, DATES[3]!, LAST]) {
      let inFen = 0;
      for (let s = inject.int(2, 3); s > 0; s--) {
        const amountFen = inject.int(200_000, 800_000);
        inFen += amountFen;
        journals.push(twoSided('TRANSFER', inject.pick(normal), mule, amountFen, at(date, 10 * 60 + s)));
      }
      journals.push(twoSided('WITHDRAW', mule, CARD, Math.floor((inFen * inject.int(90, 100)) / 100), at(date, 10 * 60 + inject.int(20, 50))));
    }
  }
  const limits = amlThresholds().structuring.limitsFen;
  // Structuring: three top-ups of 91–99.9 % of the Class II daily limit within twelve hours.
  for (const account of accounts('STRUCTURING')) {
    for (let k = 0; k < 3; k++) journals.push(twoSided('TOP_UP', CARD, account, Math.floor((limits[0]! * inject.int(910, 999)) / 1_000), at(DATES[4]!, 8 * 60 + k * inject.int(60, 240))));
  }
  // Collection accounts: ¥200–¥900 from 10–14 different customers in a day.
  for (const account of accounts('COLLECTION_ACCOUNT')) {
    const senders = new Set<string>();
    while (senders.size < inject.int(10, 14)) senders.add(inject.pick(normal));
    for (const sender of senders) journals.push(twoSided('TRANSFER', sender, account, inject.int(20_000, 90_000), at(DATES[5]!, inject.int(8 * 60, 22 * 60))));
  }
  // Large values: one top-up of ¥500,000–¥800,000.
  for (const account of accounts('LARGE_VALUE')) journals.push(twoSided('TOP_UP', CARD, account, inject.int(50_000_000, 80_000_000), at(DATES[2]!, inject.int(9 * 60, 17 * 60))));
  log(`${journals.length.toLocaleString('en-US')} journals over ${DAYS} days: ${NORMAL_CUSTOMERS.toLocaleString('en-US')} customers, ${INJECTED_PER_PATTERN} injected cases per pattern`);

  // ---- seven day closes ----------------------------------------------------------------------
  const byDate = new Map<string, DayJournal[]>();
  for (const journal of journals) {
    const date = businessDate(new Date(journal.createdAt));
    const ofDate = byDate.get(date) ?? [];
    ofDate.push(journal);
    byDate.set(date, ofDate);
  }
  const found = new Map<string, Set<AmlPattern>>();
  const monitorMs: number[] = [];
  const thresholds = amlThresholds();
  for (const date of DATES) {
    const window = Array.from({ length: thresholds.rapidInOut.windowDays }, (_, back) => byDate.get(addDays(date, -back)) ?? []).flat();
    const started = performance.now();
    const findings = detectAmlPatterns(window, date, thresholds);
    monitorMs.push(performance.now() - started);
    for (const finding of findings) found.set(finding.accountId, new Set([...(found.get(finding.accountId) ?? []), finding.pattern]));
  }
  const alertsByPattern = Object.fromEntries(['RAPID_IN_OUT', 'STRUCTURING', 'COLLECTION_ACCOUNT', 'LARGE_VALUE'].map((pattern) => [pattern, { normal: 0, injected: 0 }])) as RiskSimulationResults['alertsByPattern'];
  for (const [account, patterns] of found) {
    for (const pattern of patterns) alertsByPattern[pattern][account.startsWith('I-') ? 'injected' : 'normal'] += 1;
  }
  const caught = (pattern: AmlPattern) => (injectedAccounts[pattern] ?? []).filter((account) => found.get(account)?.has(pattern)).length;
  return {
    seed: RISK_SEED,
    normalCustomers: NORMAL_CUSTOMERS,
    days: DAYS,
    journals: journals.length,
    normalJudged,
    normalOutcomes,
    normalAccountsAlerted: [...found.keys()].filter((account) => !account.startsWith('I-')).length,
    alertsByPattern,
    injected: [
      { case: 'VICTIM_TRANSFER', injected: INJECTED_PER_PATTERN, caught: victimsDelayed, how: 'transfer delayed (warned first) by the rules in force' },
      { case: 'NEW_DEVICE_AT_NIGHT', injected: INJECTED_PER_PATTERN, caught: nightStepUps, how: 'transfer stepped up (a code to the bound phone) by NEW_DEVICE_AT_NIGHT' },
      { case: 'RAPID_IN_OUT', injected: INJECTED_PER_PATTERN, caught: caught('RAPID_IN_OUT'), how: 'day close alert 快进快出' },
      { case: 'STRUCTURING', injected: INJECTED_PER_PATTERN, caught: caught('STRUCTURING'), how: 'day close alert 拆分交易' },
      { case: 'COLLECTION_ACCOUNT', injected: INJECTED_PER_PATTERN, caught: caught('COLLECTION_ACCOUNT'), how: 'day close alert 归集账户' },
      { case: 'LARGE_VALUE', injected: INJECTED_PER_PATTERN, caught: caught('LARGE_VALUE'), how: 'day close alert 大额交易 (reported)' },
    ],
    checkP50Ms: percentile(checkMs, 50),
    checkP99Ms: percentile(checkMs, 99),
    monitorP50Ms: percentile(monitorMs, 50),
    monitorMaxMs: Math.max(...monitorMs),
  };
}
