// Suspicious patterns (可疑交易监测) the day close looks for in the movements of the last days,
// each the exact definition with its thresholds as configuration:
// - 快进快出 (RAPID_IN_OUT): on ≥ 3 days within 7, ≥ 80 % of a day's inflow leaves within 1 hour
//   of arriving. Inflow is money from other customers (transfers, released held transfers); it
//   leaves with any debit of the account, matched oldest inflow first;
// - 拆分交易 (STRUCTURING): ≥ 3 movements each between 90 % and 100 % of a limit within 24 h;
// - 归集账户 (COLLECTION_ACCOUNT): ≥ 10 distinct senders to one account within 24 h;
// and the large-value transactions every bank reports (大额交易报告, PBoC Order [2016] No. 3,
// art. 5(3)): a natural person's transfers with other accounts of ¥500,000 or more in one
// movement or in a day's total, in either direction (LARGE_VALUE) — reported, never dismissed.
// A name-screening hit (WATCH_LIST, domain/name-screening.ts) is worked as these alerts are.
// Pure: the service reads the movements and opens the alerts.
import { formatYuanCents as yuan } from './format.js';
import { type JournalKind, isHouseAccount } from './ledger.js';

export const AML_PATTERNS = ['RAPID_IN_OUT', 'STRUCTURING', 'COLLECTION_ACCOUNT', 'LARGE_VALUE', 'WATCH_LIST'] as const;
export type AmlPattern = (typeof AML_PATTERNS)[number];

export const AML_PATTERN_LABELS: Record<AmlPattern, { name: string; rule: string }> = {
  RAPID_IN_OUT: { name: '快进快出', rule: '7 日内至少 3 天，当日转入资金的 80% 以上在到账 1 小时内转出' },
  STRUCTURING: { name: '拆分交易', rule: '24 小时内至少 3 笔交易，每笔金额在某一限额的 90%–100% 之间' },
  COLLECTION_ACCOUNT: { name: '归集账户', rule: '24 小时内收到至少 10 个不同账户的转账' },
  LARGE_VALUE: { name: '大额交易', rule: '自然人客户与其他账户单笔或当日累计人民币 50 万元以上的款项划转（收、付分别累计）' },
  // Not a movement pattern: raised when an account opens (services/name-screening.ts).
  WATCH_LIST: { name: '名单筛查命中', rule: '开户时客户姓名与涉恐名单、制裁名单或本行关注名单中的姓名完全一致或近似（每条命中的规则见摘要）' },
};

export interface AmlThresholds {
  rapidInOut: { windowDays: number; minDays: number; leaveWithinMinutes: number; minShareBps: number };
  structuring: { windowHours: number; minCount: number; lowerShareBps: number; limitsFen: readonly number[] };
  collection: { windowHours: number; minDistinctSenders: number };
  largeValue: { dayTotalFen: number };
}

/** The definitions; `limitsFen` comes from the limits in force (the service adds them). */
export const DEFAULT_AML_THRESHOLDS: Omit<AmlThresholds, 'structuring'> & { structuring: Omit<AmlThresholds['structuring'], 'limitsFen'> } = {
  rapidInOut: { windowDays: 7, minDays: 3, leaveWithinMinutes: 60, minShareBps: 8_000 },
  structuring: { windowHours: 24, minCount: 3, lowerShareBps: 9_000 },
  collection: { windowHours: 24, minDistinctSenders: 10 },
  // PBoC Order [2016] No. 3, art. 5(3): ¥500,000, one movement or a day's total.
  largeValue: { dayTotalFen: 50_000_000 },
};

/** Findings reported for each day (large values), rather than once while one is open. */
export const PER_DAY_PATTERNS: ReadonlySet<AmlPattern> = new Set(['LARGE_VALUE']);

/** A journal as the day index holds it. */
export interface DayJournal {
  journalId: string;
  kind: JournalKind;
  createdAt: string;
  postings: readonly { accountId: string; amountFen: number }[];
  /** A release's or return's hold. */
  completes?: string;
}

/** One alert-worthy finding: the account, the evidence (at most MAX_EVIDENCE journals, newest
 *  last) and the figures that met the rule, in words for the officer. */
export interface AmlFinding {
  pattern: AmlPattern;
  accountId: string;
  journalIds: string[];
  summary: string;
}

export const MAX_EVIDENCE = 20;

/** Kinds that only give money back (a reversal, a refund, a returned hold): neither a movement
 *  of the customer's choosing nor inflow. */
const RETURNS: ReadonlySet<JournalKind> = new Set(['WITHDRAW_REVERSAL', 'TRANSFER_RETURN', 'WEALTH_REFUND', 'BILL_VOID', 'CORRECTION', 'MERCHANT_REFUND', 'SETTLEMENT_RETURN']);
/** Credits that are money from another customer. */
const FROM_OTHERS: ReadonlySet<JournalKind> = new Set(['TRANSFER', 'TRANSFER_RELEASE']);

interface Movement {
  journalId: string;
  kind: JournalKind;
  atMs: number;
  day: string;
  /** Signed: + into the account, − out of it. */
  amountFen: number;
  /** Who sent a credit from another customer. */
  senderId?: string;
}

const MS_PER_HOUR = 3_600_000;
const CHINA_OFFSET_MS = 8 * MS_PER_HOUR;
const chinaDay = (atMs: number) => new Date(atMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** Every customer account's movements, oldest first. A release's sender is its hold's sender
 *  when the hold is among `journals`, else the hold itself stands for them (one sender each). */
function movementsByAccount(journals: readonly DayJournal[]): Map<string, Movement[]> {
  const holdSender = new Map<string, string>();
  for (const journal of journals) {
    if (journal.kind !== 'TRANSFER_HOLD') continue;
    const sender = journal.postings.find((posting) => posting.amountFen < 0 && !isHouseAccount(posting.accountId));
    if (sender) holdSender.set(journal.journalId, sender.accountId);
  }
  const byAccount = new Map<string, Movement[]>();
  for (const journal of journals) {
    const atMs = Date.parse(journal.createdAt);
    for (const posting of journal.postings) {
      if (isHouseAccount(posting.accountId) || posting.amountFen === 0) continue;
      const movement: Movement = { journalId: journal.journalId, kind: journal.kind, atMs, day: chinaDay(atMs), amountFen: posting.amountFen };
      if (posting.amountFen > 0 && journal.kind === 'TRANSFER') movement.senderId = journal.postings.find((other) => other.amountFen < 0)?.accountId;
      if (posting.amountFen > 0 && journal.kind === 'TRANSFER_RELEASE' && journal.completes) movement.senderId = holdSender.get(journal.completes) ?? `hold:${journal.completes}`;
      const list = byAccount.get(posting.accountId) ?? [];
      list.push(movement);
      byAccount.set(posting.accountId, list);
    }
  }
  for (const list of byAccount.values()) list.sort((a, b) => a.atMs - b.atMs || a.journalId.localeCompare(b.journalId));
  return byAccount;
}

const lastEvidence = (movements: readonly Movement[]) => [...new Set(movements.map((movement) => movement.journalId))].slice(-MAX_EVIDENCE);

/** 快进快出 on the days of `movements` (oldest first) up to `closedDate`. */
function rapidInOut(accountId: string, movements: readonly Movement[], closedDate: string, rule: AmlThresholds['rapidInOut']): AmlFinding | undefined {
  const windowMs = rule.leaveWithinMinutes * 60_000;
  const firstDay = chinaDay(Date.parse(`${closedDate}T00:00:00+08:00`) - (rule.windowDays - 1) * 24 * MS_PER_HOUR);
  const perDay = new Map<string, { inFen: number; leftFen: number; evidence: Movement[] }>();
  // Inflow lots still within the hour, oldest first: a debit takes from them before anything else.
  const lots: { movement: Movement; leftFen: number }[] = [];
  let head = 0;
  for (const movement of movements) {
    if (movement.day < firstDay || movement.day > closedDate || RETURNS.has(movement.kind)) continue;
    while (head < lots.length && movement.atMs - lots[head]!.movement.atMs > windowMs) head++;
    if (movement.amountFen > 0) {
      if (!FROM_OTHERS.has(movement.kind)) continue;
      const day = perDay.get(movement.day) ?? { inFen: 0, leftFen: 0, evidence: [] };
      day.inFen += movement.amountFen;
      day.evidence.push(movement);
      perDay.set(movement.day, day);
      lots.push({ movement, leftFen: movement.amountFen });
      continue;
    }
    let outFen = -movement.amountFen;
    while (outFen > 0 && head < lots.length) {
      const lot = lots[head]!;
      const taken = Math.min(lot.leftFen, outFen);
      lot.leftFen -= taken;
      outFen -= taken;
      // Counted on the day the money arrived.
      const day = perDay.get(lot.movement.day)!;
      day.leftFen += taken;
      if (day.evidence.at(-1) !== movement) day.evidence.push(movement);
      if (lot.leftFen === 0) head++;
    }
  }
  const days = [...perDay].filter(([, day]) => day.inFen > 0 && day.leftFen * 10_000 >= day.inFen * rule.minShareBps);
  if (days.length < rule.minDays) return undefined;
  const words = days.map(([date, day]) => `${date} 转入 ¥${yuan(day.inFen)}，1 小时内转出 ¥${yuan(day.leftFen)}`);
  return { pattern: 'RAPID_IN_OUT', accountId, journalIds: lastEvidence(days.flatMap(([, day]) => day.evidence)), summary: `${days.length} 天快进快出：${words.join('；')}` };
}

/** The latest window of `hours` ending at a movement on `closedDate` that holds at least
 *  `minDistinct` distinct `keyOf` values. Linear: the window's counts move with its ends. */
function slidingWindow(movements: readonly Movement[], closedDate: string, hours: number, keyOf: (movement: Movement) => string, minDistinct: number): Movement[] | undefined {
  const windowMs = hours * MS_PER_HOUR;
  const counts = new Map<string, number>();
  let found: [number, number] | undefined;
  let start = 0;
  for (let end = 0; end < movements.length; end++) {
    const added = keyOf(movements[end]!);
    counts.set(added, (counts.get(added) ?? 0) + 1);
    while (movements[end]!.atMs - movements[start]!.atMs >= windowMs) {
      const removed = keyOf(movements[start++]!);
      const left = counts.get(removed)! - 1;
      if (left === 0) counts.delete(removed);
      else counts.set(removed, left);
    }
    if (movements[end]!.day === closedDate && counts.size >= minDistinct) found = [start, end + 1];
  }
  return found && movements.slice(...found);
}

function structuring(accountId: string, movements: readonly Movement[], closedDate: string, rule: AmlThresholds['structuring']): AmlFinding | undefined {
  for (const limitFen of [...new Set(rule.limitsFen)].sort((a, b) => a - b)) {
    const near = movements.filter((movement) => {
      const amountFen = Math.abs(movement.amountFen);
      return !RETURNS.has(movement.kind) && amountFen <= limitFen && amountFen * 10_000 >= limitFen * rule.lowerShareBps;
    });
    const found = slidingWindow(near, closedDate, rule.windowHours, (movement) => movement.journalId, rule.minCount);
    if (found) {
      const amounts = found.map((movement) => `¥${yuan(Math.abs(movement.amountFen))}`).join('、');
      return { pattern: 'STRUCTURING', accountId, journalIds: lastEvidence(found), summary: `${rule.windowHours} 小时内 ${found.length} 笔接近限额 ¥${yuan(limitFen)} 的交易：${amounts}` };
    }
  }
  return undefined;
}

function collection(accountId: string, movements: readonly Movement[], closedDate: string, rule: AmlThresholds['collection']): AmlFinding | undefined {
  const received = movements.filter((movement) => movement.amountFen > 0 && movement.senderId !== undefined);
  const found = slidingWindow(received, closedDate, rule.windowHours, (movement) => movement.senderId!, rule.minDistinctSenders);
  if (!found) return undefined;
  const senders = new Set(found.map((movement) => movement.senderId)).size;
  const totalFen = found.reduce((sum, movement) => sum + movement.amountFen, 0);
  return { pattern: 'COLLECTION_ACCOUNT', accountId, journalIds: lastEvidence(found), summary: `${rule.windowHours} 小时内收到 ${senders} 个不同账户的 ${found.length} 笔转账，共 ¥${yuan(totalFen)}` };
}

/** Money moved with another account: a card top-up or withdrawal, a transfer either way. */
const WITH_OTHER_ACCOUNTS: ReadonlySet<JournalKind> = new Set(['TOP_UP', 'WITHDRAW', 'TRANSFER', 'TRANSFER_HOLD', 'TRANSFER_RELEASE']);

function largeValue(accountId: string, movements: readonly Movement[], closedDate: string, rule: AmlThresholds['largeValue']): AmlFinding | undefined {
  const ofDay = movements.filter((movement) => movement.day === closedDate && WITH_OTHER_ACCOUNTS.has(movement.kind));
  const sides = [
    { words: '转入', moved: ofDay.filter((movement) => movement.amountFen > 0) },
    { words: '转出', moved: ofDay.filter((movement) => movement.amountFen < 0) },
  ].map((side) => ({ ...side, totalFen: side.moved.reduce((sum, movement) => sum + Math.abs(movement.amountFen), 0) }));
  const reached = sides.filter((side) => side.totalFen >= rule.dayTotalFen);
  if (reached.length === 0) return undefined;
  const words = reached.map((side) => `当日${side.words} ${side.moved.length} 笔，共 ¥${yuan(side.totalFen)}`);
  return { pattern: 'LARGE_VALUE', accountId, journalIds: lastEvidence(reached.flatMap((side) => side.moved)), summary: `${words.join('；')}（达到 ¥${yuan(rule.dayTotalFen)} 的大额报告标准）` };
}

/** The findings of `closedDate` (YYYY-MM-DD, China): each pattern met by a window that ends on
 *  that date, read from `journals` of that date and the days before it. */
export function detectAmlPatterns(journals: readonly DayJournal[], closedDate: string, thresholds: AmlThresholds): AmlFinding[] {
  const findings: AmlFinding[] = [];
  for (const [accountId, movements] of movementsByAccount(journals)) {
    for (const finding of [
      rapidInOut(accountId, movements, closedDate, thresholds.rapidInOut),
      structuring(accountId, movements, closedDate, thresholds.structuring),
      collection(accountId, movements, closedDate, thresholds.collection),
      largeValue(accountId, movements, closedDate, thresholds.largeValue),
    ]) {
      if (finding) findings.push(finding);
    }
  }
  return findings;
}
