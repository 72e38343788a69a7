// The bank test's checker. During the run: consistent snapshots of every balance item
// (TransactGetItems, ≤ 100 items per call) must sum to exactly 0 — money is only ever moved
// between accounts, the house's clearing shards mirroring the cards — and no customer balance is
// below zero. After the run: the whole-table ledger invariants (ledger-check.ts) plus what the
// clients saw: every success is in the ledger as the movement it claimed, every definitive
// refusal left nothing, one key never got two different answers, each balance is its opening
// balance plus exactly the successes, the Class II limits held (transfers and bill payments not
// voided), each credit line's use is exactly what was drawn minus the principal repaid, and each
// wealth order is refunded at most once, in full; payments to merchants stayed within the daily
// code-payment cap, and static codes (收款码) within theirs. The open platform's orders, refunds,
// wallets, reserve and webhooks are open-checker.ts's.
import { TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { HOUSE_ACCOUNTS } from '../../functions/domain/ledger.js';
import { custodyAccountOf } from '../../functions/domain/wealth/journals.js';
import { businessDate } from '../../functions/domain/time.js';
import { db } from '../../functions/store/client.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import { checkLedger, type Item } from '../support/ledger-check.js';
import type { Answer } from './client.js';
import { type OpenInput, type OpenResult, openPlatformCheck } from './open-checker.js';
import type { PlannedOp } from './plan.js';

export const MAX_TRANSACT_GET = 100;

export interface Snapshot {
  total: number;
  balances: Map<string, number>;
}

/** One atomic read of up to 100 balance items; throws when DynamoDB does not answer. */
export async function snapshot(accountIds: string[]): Promise<Snapshot> {
  if (accountIds.length > MAX_TRANSACT_GET) {
    throw new Error(`${accountIds.length} balance items do not fit one TransactGetItems (≤ ${MAX_TRANSACT_GET}): the total would not be one snapshot`);
  }
  const { doc, tableName } = db();
  for (let attempt = 1; ; attempt++) {
    try {
      const { Responses } = await doc.send(
        new TransactGetCommand({
          TransactItems: accountIds.map((accountId) => ({
            Get: { TableName: tableName, Key: { PK: `ACCT#${accountId}`, SK: 'BALANCE' }, ProjectionExpression: 'balanceFen' },
          })),
        }),
      );
      const balances = new Map<string, number>();
      let total = 0;
      accountIds.forEach((accountId, i) => {
        const balance = Number(Responses?.[i]?.Item?.balanceFen ?? Number.NaN);
        balances.set(accountId, balance);
        total += balance;
      });
      return { total, balances };
    } catch (error) {
      // A snapshot that collides with a transaction in progress is cancelled; read again.
      if ((error as Error).name !== 'TransactionCanceledException' || attempt >= 10) throw error;
    }
  }
}

/** What a snapshot must show. */
export function snapshotViolations(snap: Snapshot, customerAccounts: ReadonlySet<string>): string[] {
  const violations: string[] = [];
  if (snap.total !== 0) violations.push(`snapshot: balances sum to ${snap.total}, not 0`);
  for (const [accountId, balance] of snap.balances) {
    if (!Number.isSafeInteger(balance)) violations.push(`snapshot: ${accountId} has no integer balance (${balance})`);
    if (customerAccounts.has(accountId) && balance < 0) violations.push(`snapshot: customer account ${accountId} is at ${balance}`);
  }
  return violations;
}

export interface Party {
  customerId: string;
  accountId: string;
}

/** One planned operation and every definitive (or last) answer the clients got for it. */
export interface OpRecord {
  op: PlannedOp;
  /** The route name the server derives journal ids from. */
  route: 'topUp' | 'withdraw' | 'transfer' | 'drawdown' | 'repay' | 'billPay' | 'wealth-purchase' | 'wealth-cancel' | 'wealth-redeem-fast' | 'account' | 'close' | 'merchantOrderPay' | 'merchantCodePay';
  from: Party;
  to?: Party;
  /** Wealth cancels: the order whose cancel was asked for; merchant payments: the order paid. */
  orderId?: string;
  /** Static-code payments: the merchant whose code was paid (the payment makes the order). */
  merchantId?: string;
  /** What went into amountFen (a bill payment's follows the bill it looked up). */
  amount: unknown;
  answers: Answer[];
  /** A bill payment not sent because its lookup showed no bill (the answer it got instead). */
  lookupFailed?: Answer;
  /** The same key sent again with another body: must be refused, and change nothing. */
  reuse?: Answer;
  /** No money request was sent: the nonce for it was refused (a transfer to the sender or to a
   *  phone no customer has — the issuer resolves the payee). */
  authorizationRefused?: Answer;
  /** After the success, its exact body (same nonce) under another key: refused, no journal.
   *  `bound`: the nonce was asked bound to the operation's key. */
  nonceReplay?: { key: string; bound: boolean; answer: Answer };
  /** Before the request, its body with a nonce asked for another amount or payee: 403
   *  NONCE_MISMATCH, no journal. `key` is the operation's own key or one of its own. */
  nonceMismatch?: { key: string; change: 'amount' | 'payee'; answer: Answer; nonceId?: string };
  /** The ids (challenges) of the nonces its own requests carried — one, or more when a nonce was
   *  renewed near its expiry — and of the nonce the reused key's other body carried. */
  nonceIds?: string[];
  /** Its nonces were asked bound to its key. */
  nonceBoundToKey?: boolean;
  reuseNonceId?: string;
}

/** The movements whose journal id derives from the request's key: a nonce bound to that key is
 *  used up by that journal, and no nonce item is written (services/second-factor.ts). */
const JOURNAL_SPENDS_BOUND_NONCE: ReadonlySet<OpRecord['route']> = new Set(['topUp', 'withdraw', 'transfer']);

export interface Limits {
  dailyFen: number;
  yearlyFen: number;
}

export interface FinalInput {
  items: Item[];
  records: OpRecord[];
  /** Customer balances when the clients started, from a snapshot. */
  opening: Map<string, number>;
  customerAccounts: ReadonlySet<string>;
  /** Journals that existed before the clients started. */
  journalsBefore: ReadonlySet<string>;
  /** Journals allowed without an idempotency record (the demo seed). */
  unkeyed: ReadonlySet<string>;
  /** Nonces used up by requests that move no money (a card change). */
  nonMoneyNonces?: ReadonlySet<string>;
  limits: Limits & {
    /** The money-market fast-redemption cap per customer, product and business day. */
    fastRedeemDailyFen: number;
    /** Payments to merchants (orders and static codes) per account and calendar day. */
    codePayDailyFen: number;
    /** Static-code payments (收款码) per account and calendar day: STATIC_CODE_DAILY_FEN. */
    staticCodeDailyFen: number;
  };
  /** Money-market holdings (WEALTH_HOLDING items of fixed-NAV products) when the clients started. */
  moneyMarketHoldingsBefore: Item[];
  /** Used-up payment nonces (their ids: PAYMENT_NONCE items `NONCE#<id>`) when the clients
   *  started. */
  noncesBefore?: ReadonlySet<string>;
  /** When each nonce the clients were given expires, and when the table was read: a used-up
   *  nonce's item lives until a minute after its expiry, then DynamoDB's TTL may delete it (the
   *  nonce's signature refuses it by then) — so one missing after that proves nothing. */
  nonceExpiresAtMs?: ReadonlyMap<string, number>;
  scannedAtMs?: number;
  /** When DynamoDB Local was killed: from a little before the signal until it had restarted.
   *  DynamoDB Local acknowledges a transaction a few milliseconds before it is on its files
   *  (scripts/probe-dynamo-durability.ts measures it: up to ~3 ms, about one write in 200 per
   *  kill). DynamoDB itself answers only once a write is on disk in several places, so an answer
   *  given in such a window whose last writes are not in the table is the emulator's loss, not
   *  ours: that operation is checked as one whose outcome nobody learnt — all or nothing. */
  killWindows?: readonly { fromMs: number; toMs: number }[];
  /** The open platform's partner side (open-checker.ts); its customers' payments are records. */
  openPlatform?: OpenInput;
}

export interface FinalResult {
  violations: string[];
  /** Operations whose outcome the clients never learnt, resolved against the ledger. */
  unknownApplied: number;
  unknownNotApplied: number;
  journals: number;
  /** Successes answered as DynamoDB Local was killed whose last writes are absent: the
   *  emulator's lost acknowledged writes (see killWindows), checked as all or nothing — or done
   *  again by a repeat after the restart, whose answer is then the request's. */
  lostInKill: number;
  /** Successes whose used-up nonce was no longer in the table, having expired (TTL). */
  noncesExpiredAway: number;
  openPlatform?: OpenResult['counts'];
}

const definitive = (answers: Answer[]) => answers.filter((a) => a.outcome !== 'unknown');
const said = (a: Answer) => (a.outcome === 'unknown' ? `no answer (last ${a.status} ${a.code ?? ''})` : `${a.status} ${a.code ?? a.raw.slice(0, 200)}`);

/** What a replayed nonce may be answered: NONCE_USED — or, since the nonce is used up by the
 *  transaction that moves the money, a rule the repeat breaks before it gets there (the balance
 *  now short, the limit reached, the bill already paid, the order already cancelled): a 422,
 *  stored as the new key's answer. Never a success. */
const replayRefusedAsItMayBe = (a: Answer) => a.outcome === 'rejected' && ((a.status === 409 && a.code === 'NONCE_USED') || a.status === 422);

export function finalCheck(input: FinalInput): FinalResult {
  const { items, records, opening, customerAccounts, limits } = input;
  const violations: string[] = [];
  const journals = new Map<string, Item>(items.filter((i) => i.type === 'JOURNAL').map((j) => [String(j.journalId), j]));
  const unkeyed = new Set(input.unkeyed);
  let unknownApplied = 0;
  let unknownNotApplied = 0;
  let lostInKill = 0;
  const inKillWindow = (a: Answer) => (input.killWindows ?? []).some((w) => a.answeredAtMs >= w.fromMs && a.answeredAtMs <= w.toMs);
  const expected = new Map(opening);
  const expectedJournals = new Set(input.journalsBefore);
  const move = (accountId: string, delta: number) => expected.set(accountId, (expected.get(accountId) ?? 0) + delta);
  const unknownKeys = new Set<string>();
  const merchantOrders = items.filter((i) => i.type === 'MERCHANT_ORDER');
  const orderById = new Map(merchantOrders.map((o) => [String(o.orderId), o]));
  const orderPaidBy = new Map(merchantOrders.filter((o) => o.paymentJournalId).map((o) => [String(o.paymentJournalId), o]));

  /** The journals one key of this record's route would have written (the movement and what may
   *  follow it: a withdrawal's reversal, a bill payment's settlement or void). */
  const journalsOfKey = (record: OpRecord, key: string): [string, Item | undefined][] => {
    const id = deterministicJournalId(record.from.customerId, record.route, key);
    const paymentId = `P${id.slice(1)}`;
    return [
      id,
      deterministicJournalId(record.from.customerId, 'withdraw-reversal', key),
      deterministicJournalId('bill-settle', paymentId),
      deterministicJournalId('bill-void', paymentId),
      ...heldCompletionIds(id),
    ].map((j) => [j, journals.get(j)]);
  };
  const keyRecords = items.filter((i) => i.type === 'IDEMPOTENCY');
  const keyStatus = new Map(keyRecords.map((i) => [String(i.PK).split('#').pop()!, String(i.status)]));
  const storedBody = new Map(keyRecords.map((i) => [String(i.PK).split('#').pop()!, (i.response as { body?: string } | undefined)?.body]));
  /** Everything a success names is in the table: its journal, the settlement, void or reversal
   *  its status says, and its key's stored answer. */
  const answerOnFile = (record: OpRecord, body: any, key: string): boolean => {
    const [main, reversal, settlement, voided] = journalsOfKey(record, key).map(([, journal]) => journal);
    if (!main || keyStatus.get(key) !== 'COMPLETED') return false;
    if (record.route === 'billPay') return body?.status === 'SETTLED' ? settlement !== undefined : body?.status === 'VOIDED' ? voided !== undefined : true;
    if (record.route === 'withdraw' && body?.status === 'REVERSED') return reversal !== undefined;
    return true;
  };
  /** The nonces used up, by id (PAYMENT_NONCE items, `NONCE#<id>`), and those of the requests
   *  that moved money. */
  const spent = new Set(items.filter((i) => i.type === 'PAYMENT_NONCE').map((i) => String(i.PK).slice('NONCE#'.length)));
  const movedNonces = new Set<string>();
  const scannedAt = input.scannedAtMs ?? Date.now();
  const mayHaveExpiredAway = (id: string) => scannedAt > (input.nonceExpiresAtMs?.get(id) ?? Infinity) + 60_000;
  let noncesExpiredAway = 0;
  /** A request that moved money used up exactly one of its nonces (the transaction that moved it
   *  wrote it); one that did not, none. A bound nonce that its journal uses up writes no item. */
  const nonceViolation = (record: OpRecord, tag: string, moved: boolean, why: string) => {
    if (!record.nonceIds?.length) return;
    const used = record.nonceIds.filter((id) => spent.has(id));
    if (moved) for (const id of record.nonceIds) movedNonces.add(id);
    if (record.nonceBoundToKey && JOURNAL_SPENDS_BOUND_NONCE.has(record.route)) {
      // Its journal is its use (one per key, checked with the journals).
      if (used.length > 0) violations.push(`${tag}: its nonce was bound to its key, whose journal uses it up, yet nonce item ${used.join(', ')} was written`);
      return;
    }
    if (moved) {
      if (used.length > 1) violations.push(`${tag}: moved money once, but used up ${used.length} nonces (${used.join(', ')})`);
      if (used.length === 0 && record.nonceIds.every(mayHaveExpiredAway)) noncesExpiredAway++;
      else if (used.length === 0) violations.push(`${tag}: moved money, but its nonce ${record.nonceIds.join(', ')} was not used up`);
    } else if (used.length > 0) violations.push(`${tag}: ${why}, yet its nonce ${used.join(', ')} was used up`);
  };

  for (const record of records) {
    const { op } = record;
    // The second factor's cases ride on an operation: each must be refused and write nothing.
    if (record.nonceReplay) {
      const { key, bound, answer } = record.nonceReplay;
      const tag = `${op.id} ${op.kind} nonce${bound ? ' bound to its key' : ''} replayed under key ${key}`;
      // A nonce bound to another key is refused as issued for another request, before anything.
      if (bound && answer.outcome !== 'unknown' && !(answer.outcome === 'rejected' && answer.status === 403 && answer.code === 'NONCE_MISMATCH')) violations.push(`${tag}: answered ${said(answer)}, not 403 NONCE_MISMATCH`);
      if (!bound && !replayRefusedAsItMayBe(answer) && answer.outcome !== 'unknown') violations.push(`${tag}: answered ${said(answer)}, not NONCE_USED`);
      for (const [id, journal] of journalsOfKey(record, key)) if (journal) violations.push(`${tag}: the nonce paid twice — ${journal.kind} ${id} is in the ledger`);
      if (answer.outcome === 'unknown') unknownKeys.add(key);
    }
    if (record.nonceMismatch) {
      const { key, change, answer } = record.nonceMismatch;
      const tag = `${op.id} ${op.kind} sent with a nonce for another ${change} under key ${key}`;
      if (answer.outcome !== 'unknown' && !(answer.outcome === 'rejected' && answer.status === 403 && answer.code === 'NONCE_MISMATCH')) violations.push(`${tag}: answered ${said(answer)}, not 403 NONCE_MISMATCH`);
      // Under its own key the operation's request follows and may move money; under a key of
      // its own, nothing may.
      if (key !== op.key) {
        for (const [id, journal] of journalsOfKey(record, key)) if (journal) violations.push(`${tag}: ${journal.kind} ${id} is in the ledger`);
        if (answer.outcome === 'unknown') unknownKeys.add(key);
      }
      if (record.nonceMismatch.nonceId && spent.has(record.nonceMismatch.nonceId)) violations.push(`${tag}: the nonce asked for another ${change} was used up`);
    }
    if (record.reuseNonceId && spent.has(record.reuseNonceId)) violations.push(`${op.id} ${op.kind} key ${op.key}: the nonce of the other body sent under the key was used up`);
    if (record.authorizationRefused) {
      const refusal = record.authorizationRefused;
      const tag = `${op.id} ${op.kind} key ${op.key}`;
      // Only a payee that cannot be paid is refused before the request — the sender, or nobody —
      // or a movement the anti-fraud rules block (the review sheet says so before any PIN).
      const judged = op.kind === 'transfer' || op.kind === 'withdraw' || op.kind === 'billPay';
      const blocked = judged && refusal.outcome === 'rejected' && refusal.status === 422 && refusal.code === 'RISK_BLOCKED';
      // An order paid, closed or expired meanwhile is refused at its review sheet too.
      const unpayable = op.kind === 'merchantPay' && refusal.outcome === 'rejected' && refusal.status < 500;
      if (!blocked && !unpayable && !(op.kind === 'transfer' && (op.to === 'self' || op.to === 'stranger') && refusal.outcome === 'rejected' && refusal.status < 500)) {
        violations.push(`${tag}: its nonce was refused (${said(refusal)}), so it could not be sent`);
      }
      for (const [id, journal] of journalsOfKey(record, op.key)) if (journal) violations.push(`${tag}: no request was sent, yet ${journal.kind} ${id} is in the ledger`);
      continue;
    }
    if (op.kind === 'read') {
      for (const answer of definitive(record.answers)) {
        if (answer.outcome === 'ok' && !(Number.isSafeInteger(answer.body?.balanceFen) && answer.body.balanceFen >= 0)) {
          violations.push(`${op.id} read a balance of ${answer.body?.balanceFen}`);
        }
      }
      continue;
    }
    const tag = `${op.id} ${op.kind} ${JSON.stringify(record.amount)} key ${op.key}`;
    const journalId = deterministicJournalId(record.from.customerId, record.route, op.key);
    const reversalId = deterministicJournalId(record.from.customerId, 'withdraw-reversal', op.key);
    const answers = definitive(record.answers);
    // A success answered while DynamoDB Local was being killed that is not the answer stored under
    // its key: the emulator lost the transaction it had acknowledged, and a repeat after the
    // restart did the request again (same journal id, a later time). The repeats' answers are
    // the request's; the lost one is counted with the emulator's losses.
    const lostAndRedone = (a: Answer) => a.outcome === 'ok' && inKillWindow(a) && storedBody.get(op.key) !== undefined && storedBody.get(op.key) !== a.raw;
    const repeatsAfter = answers.filter((a) => !lostAndRedone(a));
    const redone = repeatsAfter.length > 0 ? answers.length - repeatsAfter.length : 0;
    lostInKill += redone;
    const answered = redone > 0 ? repeatsAfter : answers;
    const answeredOks = answered.filter((a) => a.outcome === 'ok');
    const rejected = answered.filter((a) => a.outcome === 'rejected');

    // One key, one answer: copies and repeats of a request agree.
    if (answeredOks.length > 0 && rejected.length > 0) {
      violations.push(`${tag}: the same key was answered ${answeredOks[0]!.status} and ${rejected.map((r) => `${r.status} ${r.code}`).join(', ')}`);
    }
    if (new Set(answeredOks.map((a) => a.raw)).size > 1) violations.push(`${tag}: repeats got different successes: ${answeredOks.map((a) => a.raw).join(' | ')}`);
    if (new Set(rejected.map((a) => a.code)).size > 1) violations.push(`${tag}: repeats got different refusals: ${rejected.map((a) => a.code).join(', ')}`);
    if (record.reuse && !(record.reuse.outcome === 'rejected' && record.reuse.status === 422 && record.reuse.code === 'IDEMPOTENCY_KEY_REUSED')) {
      violations.push(`${tag}: the key reused with another body was answered ${record.reuse.status} ${record.reuse.code ?? record.reuse.raw.slice(0, 200)}`);
    }
    if (op.amountClass !== 'valid' && answeredOks.length > 0) violations.push(`${tag}: an invalid amount (${op.amountClass}) was accepted`);

    const main = journals.get(journalId);
    const reversal = journals.get(reversalId);
    // A bill payment's second phase: its journal ids derive from the payment id (bill-payment.ts).
    const paymentId = `P${journalId.slice(1)}`;
    const settleId = deterministicJournalId('bill-settle', paymentId);
    const voidId = deterministicJournalId('bill-void', paymentId);
    const settlement = journals.get(settleId);
    const voided = journals.get(voidId);
    // A delayed transfer's hold is completed by its release (to the payee) or its return.
    const [releaseId, returnId] = heldCompletionIds(journalId);
    const followers: [string, Item | undefined][] = [[reversalId, reversal], [settleId, settlement], [voidId, voided], [releaseId, journals.get(releaseId)], [returnId, journals.get(returnId)]];
    // A success answered while DynamoDB Local was being killed whose last writes are not in the
    // table — a journal it names, or its key's stored answer: the emulator lost the transaction
    // it had acknowledged. Checked as an outcome nobody learnt (all or nothing) below.
    const claimsJournal = !(record.route === 'wealth-redeem-fast' && answeredOks[0]?.body?.journalId === null);
    const lostByEmulator = answeredOks.length > 0 && answeredOks.every(inKillWindow) && claimsJournal && !answerOnFile(record, answeredOks[0]!.body, op.key);
    if (lostByEmulator) lostInKill++;
    const oks = lostByEmulator ? [] : answeredOks;
    if (record.lookupFailed) {
      const lookup = record.lookupFailed;
      if (lookup.outcome !== 'unknown') violations.push(`${tag}: the lookup of ${op.bill?.accountNumber}, which has a bill, answered ${lookup.status} ${lookup.code ?? lookup.raw.slice(0, 200)}`);
      if (main) violations.push(`${tag}: no payment was sent, yet journal ${journalId} is in the ledger`);
      continue;
    }
    if (oks.length > 0) nonceViolation(record, tag, true, '');
    else if (rejected.length > 0) nonceViolation(record, tag, false, `refused (${rejected[0]!.status} ${rejected[0]!.code})`);
    if (oks.length > 0 && record.route === 'wealth-redeem-fast') {
      // A redemption: its fast part is paid at once (one journal, custody → customer); its normal
      // part only freezes units until a day close. Together they are the units asked for.
      const body = oks[0]!.body;
      const fastUnits = Number(body.fast?.unitsCenti ?? 0);
      const normalUnits = Number(body.normal?.unitsCenti ?? 0);
      if (fastUnits + normalUnits !== record.amount) violations.push(`${tag}: answered ${fastUnits} fast + ${normalUnits} normal units for ${JSON.stringify(record.amount)}`);
      if (op.redeemMode === 'NORMAL' && fastUnits > 0) violations.push(`${tag}: a normal redemption was paid at once`);
      if (!Number.isSafeInteger(body.balanceFen) || body.balanceFen < 0) violations.push(`${tag}: answered a balance of ${body.balanceFen}`);
      if (body.journalId === null) {
        if (main) violations.push(`${tag}: answered no fast part, yet journal ${journalId} is in the ledger`);
        continue;
      }
      const proceeds = Number(body.fast?.proceedsFen);
      const ownPaid = (main?.postings as { accountId: string; amountFen: number }[] | undefined)?.find((p) => p.accountId === record.from.accountId)?.amountFen;
      if (body.journalId !== journalId || main?.kind !== 'WEALTH_REDEMPTION' || ownPaid !== proceeds || proceeds !== fastUnits) {
        violations.push(`${tag}: answered fast proceeds ${proceeds} for ${fastUnits} units; ledger holds ${JSON.stringify(main?.postings)}`);
      }
      move(record.from.accountId, proceeds);
      expectedJournals.add(journalId);
      continue;
    }
    if (oks.length > 0 && record.route === 'close') {
      // 销户: the whole balance swept to the card by one withdrawal journal (none when it was
      // empty), the account closed by the same transaction.
      const sweptFen = Number(oks[0]!.body.sweptFen);
      const swept = (main?.postings as { accountId: string; amountFen: number }[] | undefined)?.find((p) => p.accountId === record.from.accountId)?.amountFen;
      if (!Number.isSafeInteger(sweptFen) || sweptFen < 0 || oks[0]!.body.journalId !== journalId) violations.push(`${tag}: answered ${oks[0]!.raw.slice(0, 300)}`);
      if (sweptFen > 0 && (main?.kind !== 'WITHDRAW' || swept !== -sweptFen)) violations.push(`${tag}: swept ${sweptFen}, the ledger holds ${JSON.stringify(main?.postings)}`);
      if (sweptFen === 0 && main) violations.push(`${tag}: closed empty, yet journal ${journalId} is in the ledger`);
      if (main) expectedJournals.add(journalId);
      move(record.from.accountId, -sweptFen);
      continue;
    }
    if (oks.length > 0) {
      const body = oks[0]!.body;
      const reversed = body.status === 'REVERSED';
      const claimedId = String(record.route === 'drawdown' ? body.drawdownJournalId : body.journalId);
      if (!journals.get(claimedId)) {
        violations.push(`${tag}: answered with journal ${claimedId}, which is not in the ledger`);
        continue;
      }
      if (record.route !== 'drawdown' && (!Number.isSafeInteger(body.balanceFen) || body.balanceFen < 0)) violations.push(`${tag}: answered a balance of ${body.balanceFen}`);
      const answeredAmount =
        record.route === 'drawdown' ? body.principalFen
        : record.route === 'repay' ? body.paidFen
        : record.route === 'wealth-purchase' || record.route === 'wealth-cancel' || record.route === 'merchantOrderPay' || record.route === 'merchantCodePay' ? body.order?.amountFen
        : body.amountFen;
      // A repayment without an amount pays whatever was payable.
      if (record.amount !== undefined && answeredAmount !== record.amount) violations.push(`${tag}: answered amount ${answeredAmount}`);
      if (!main) violations.push(`${tag}: succeeded but its journal ${journalId} is missing`);
      const ownPosting = (j: Item | undefined, accountId: string) =>
        (j?.postings as { accountId: string; amountFen: number }[] | undefined)?.find((p) => p.accountId === accountId)?.amountFen;
      const amount = answeredAmount as number;
      if (record.route === 'drawdown') {
        if (claimedId !== journalId || main?.kind !== 'LOAN_DRAWDOWN' || ownPosting(main, record.from.accountId) !== amount) violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a drawdown`);
        move(record.from.accountId, amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'repay') {
        if (claimedId !== journalId || main?.kind !== 'LOAN_REPAYMENT' || ownPosting(main, record.from.accountId) !== -amount) violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a repayment`);
        move(record.from.accountId, -amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'billPay') {
        if (claimedId !== journalId || body.paymentId !== paymentId || main?.kind !== 'BILL_HOLD' || ownPosting(main, record.from.accountId) !== -amount) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for the hold of payment ${body.paymentId}`);
        }
        expectedJournals.add(journalId);
        // Settled: the money went on to the biller. Voided: it came back. Never both.
        if (body.status === 'SETTLED') {
          if (settlement?.kind !== 'BILL_SETTLEMENT' || settlement.completes !== journalId) violations.push(`${tag}: answered SETTLED but its settlement ${settleId} is ${JSON.stringify(settlement?.postings)}`);
          if (voided) violations.push(`${tag}: answered SETTLED but the ledger also holds its void ${voidId}`);
          move(record.from.accountId, -amount);
          expectedJournals.add(settleId);
        } else if (body.status === 'VOIDED') {
          if (voided?.kind !== 'BILL_VOID' || voided.completes !== journalId || ownPosting(voided, record.from.accountId) !== amount) violations.push(`${tag}: answered VOIDED but its void ${voidId} is ${JSON.stringify(voided?.postings)}`);
          if (settlement) violations.push(`${tag}: answered VOIDED but the ledger also holds its settlement ${settleId}`);
          expectedJournals.add(voidId);
        } else violations.push(`${tag}: answered ${body.status}; a payment is settled or voided before it is answered`);
      } else if (record.route === 'wealth-purchase') {
        const custody = (main?.postings as { accountId: string; amountFen: number }[] | undefined)?.find((p) => p.accountId.startsWith(`${custodyAccountOf(String(op.productId))}~`));
        if (claimedId !== journalId || body.order?.orderId !== `W${journalId.slice(1)}` || main?.kind !== 'WEALTH_PURCHASE' || ownPosting(main, record.from.accountId) !== -amount || custody?.amountFen !== amount) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a purchase of ${op.productId}`);
        }
        move(record.from.accountId, -amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'wealth-cancel') {
        const purchase = journals.get(`J${String(record.orderId).slice(1)}`);
        if (claimedId !== journalId || body.order?.orderId !== record.orderId || body.order?.status !== 'CANCELLED' || main?.kind !== 'WEALTH_REFUND' || ownPosting(main, record.from.accountId) !== amount) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for the cancel of ${record.orderId}`);
        }
        // In full, and only of an order its owner paid for.
        if (purchase?.kind !== 'WEALTH_PURCHASE' || ownPosting(purchase, record.from.accountId) !== -amount) {
          violations.push(`${tag}: refunded ${amount} for order ${record.orderId}, paid ${ownPosting(purchase, record.from.accountId)} from this account`);
        }
        move(record.from.accountId, amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'merchantOrderPay') {
        // The customer → the merchant's wallet (less the fee), the order named.
        const wallet = (main?.postings as { accountId: string; counterparty: string }[] | undefined)?.find((p) => p.accountId.startsWith('WALLET-'));
        if (body.journalId !== journalId || main?.kind !== 'MERCHANT_PAYMENT' || ownPosting(main, record.from.accountId) !== -amount || wallet?.counterparty !== record.orderId || body.order?.orderId !== record.orderId) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for the payment of order ${record.orderId}`);
        }
        move(record.from.accountId, -amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'merchantCodePay') {
        // A static code: the payment made its order, paid, in the same transaction — the order the
        // answer names is in the table as exactly this payment, and every answer under the key names it.
        const orderId = String(body.order?.orderId);
        const wallet = (main?.postings as { accountId: string; counterparty: string }[] | undefined)?.find((p) => p.accountId.startsWith('WALLET-'));
        if (body.journalId !== journalId || main?.kind !== 'MERCHANT_PAYMENT' || ownPosting(main, record.from.accountId) !== -amount || wallet?.accountId !== `WALLET-${record.merchantId}` || wallet.counterparty !== orderId) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for the payment of merchant ${record.merchantId}'s static code (order ${orderId})`);
        }
        const order = orderById.get(orderId);
        const asPaid = order && { source: order.source, outTradeNo: order.outTradeNo, status: order.status, amountFen: order.amountFen, merchantId: order.merchantId, payerCustomerId: order.payerCustomerId, payerAccountId: order.payerAccountId, paymentJournalId: order.paymentJournalId };
        const want = { source: 'STATIC_CODE', outTradeNo: null, status: 'PAID', amountFen: amount, merchantId: record.merchantId, payerCustomerId: record.from.customerId, payerAccountId: record.from.accountId, paymentJournalId: journalId };
        if (JSON.stringify(asPaid) !== JSON.stringify(want)) violations.push(`${tag}: answered static-code order ${orderId}, the table holds ${JSON.stringify(asPaid ?? null)}`);
        const named = new Set(oks.map((a) => String(a.body?.order?.orderId)));
        if (named.size > 1) violations.push(`${tag}: the same key answered as different orders ${[...named].join(', ')}`);
        move(record.from.accountId, -amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'topUp') {
        if (body.journalId !== journalId || main?.kind !== 'TOP_UP' || ownPosting(main, record.from.accountId) !== amount) violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a top-up`);
        move(record.from.accountId, amount);
        expectedJournals.add(journalId);
      } else if (record.route === 'withdraw') {
        if (main?.kind !== 'WITHDRAW' || ownPosting(main, record.from.accountId) !== -amount) violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a withdrawal`);
        expectedJournals.add(journalId);
        if (reversed) {
          if (body.journalId !== reversalId || reversal?.kind !== 'WITHDRAW_REVERSAL' || reversal.reverses !== journalId || ownPosting(reversal, record.from.accountId) !== amount) {
            violations.push(`${tag}: answered REVERSED but the ledger holds ${JSON.stringify(reversal)}`);
          }
          expectedJournals.add(reversalId);
        } else {
          if (body.journalId !== journalId) violations.push(`${tag}: answered journal ${body.journalId}, expected ${journalId}`);
          if (reversal) violations.push(`${tag}: answered SUCCEEDED but the ledger also holds its reversal ${reversalId}`);
          move(record.from.accountId, -amount);
        }
      } else if (body.status === 'HELD') {
        // Delayed (延时到账): held from the sender; then released to the payee or returned, at
        // most one of the two (heldTransferViolations holds them to the hold's record).
        if (body.journalId !== journalId || main?.kind !== 'TRANSFER_HOLD' || ownPosting(main, record.from.accountId) !== -amount) {
          violations.push(`${tag}: answered HELD but the ledger holds ${JSON.stringify(main?.postings)} for the hold`);
        }
        move(record.from.accountId, -amount);
        expectedJournals.add(journalId);
        const released = journals.get(releaseId);
        const returned = journals.get(returnId);
        if (released && returned) violations.push(`${tag}: held, then both released and returned`);
        if (released) {
          if (ownPosting(released, record.to!.accountId) !== amount) violations.push(`${tag}: its release ${releaseId} holds ${JSON.stringify(released.postings)}`);
          move(record.to!.accountId, amount);
          expectedJournals.add(releaseId);
        }
        if (returned) {
          if (ownPosting(returned, record.from.accountId) !== amount) violations.push(`${tag}: its return ${returnId} holds ${JSON.stringify(returned.postings)}`);
          move(record.from.accountId, amount);
          expectedJournals.add(returnId);
        }
      } else {
        if (body.journalId !== journalId || main?.kind !== 'TRANSFER' || ownPosting(main, record.from.accountId) !== -amount || ownPosting(main, record.to!.accountId) !== amount) {
          violations.push(`${tag}: ledger holds ${JSON.stringify(main?.postings)} for a transfer to ${record.to?.accountId}`);
        }
        move(record.from.accountId, -amount);
        move(record.to!.accountId, amount);
        expectedJournals.add(journalId);
      }
    } else if (rejected.length > 0) {
      // A definitive refusal changed nothing.
      if (main) violations.push(`${tag}: refused (${rejected[0]!.status} ${rejected[0]!.code}) but journal ${journalId} is in the ledger`);
      // A static code's refused payment made no order either.
      const made = record.route === 'merchantCodePay' ? orderPaidBy.get(journalId) : undefined;
      if (made) violations.push(`${tag}: refused (${rejected[0]!.status} ${rejected[0]!.code}) but order ${made.orderId} was made by its payment`);
      for (const [id, journal] of followers) if (journal) violations.push(`${tag}: refused but ${journal.kind} ${id} is in the ledger`);
    } else {
      // Nobody learnt the outcome: the ledger decides, and it must be all or nothing (a bill
      // payment may also have stopped between its hold and its settlement or void).
      unknownKeys.add(op.key);
      if (main) {
        unknownApplied++;
        nonceViolation(record, tag, true, '');
        for (const [id, journal] of [[journalId, main] as const, ...followers]) {
          if (!journal) continue;
          unkeyed.add(id);
          expectedJournals.add(id);
          for (const p of journal.postings as { accountId: string; amountFen: number }[]) if (customerAccounts.has(p.accountId)) move(p.accountId, p.amountFen);
        }
      } else {
        unknownNotApplied++;
        nonceViolation(record, tag, false, 'never applied');
        const made = record.route === 'merchantCodePay' ? orderPaidBy.get(journalId) : undefined;
        if (made) violations.push(`${tag}: order ${made.orderId} names its payment ${journalId}, which is not in the ledger`);
        for (const [id, journal] of followers) if (journal) violations.push(`${tag}: ${journal.kind} ${id} without ${journalId}`);
      }
    }
  }

  // The open platform's partner side: its refunds, deposits and payouts are accounted for there.
  const open = input.openPlatform ? openPlatformCheck(items, journals, input.openPlatform) : undefined;
  if (open) {
    violations.push(...open.violations);
    for (const id of open.journals) expectedJournals.add(id);
    for (const id of open.unkeyed) unkeyed.add(id);
    for (const key of open.unknownKeys) unknownKeys.add(key);
    for (const [accountId, fen] of open.moves) if (customerAccounts.has(accountId)) move(accountId, fen);
  }

  // The ledger's own invariants over the whole table.
  const report = checkLedger(items, { allowInFlight: true, unkeyedJournals: unkeyed });
  violations.push(...report.violations);
  // Keys left in flight only for requests nobody learnt the outcome of.
  for (const item of items) {
    if (item.type === 'IDEMPOTENCY' && item.status === 'IN_FLIGHT') {
      const key = String(item.PK).split('#').pop()!;
      if (!unknownKeys.has(key)) violations.push(`idempotency key ${key} left IN_FLIGHT though its request was answered`);
    }
  }

  // And no nonce used up but by a request that moved money (the reverse of nonceViolation).
  for (const id of spent) {
    if (!input.noncesBefore?.has(id) && !movedNonces.has(id) && !input.nonMoneyNonces?.has(id)) violations.push(`nonce ${id} was used up, but no request that moved money carried it`);
  }

  // Exactly the journals the answers account for: no duplicate, no ghost.
  for (const journalId of journals.keys()) {
    if (!expectedJournals.has(journalId)) violations.push(`journal ${journalId} (${journals.get(journalId)!.kind}) is in the ledger but no answer accounts for it`);
  }
  for (const journalId of expectedJournals) if (!journals.has(journalId)) violations.push(`journal ${journalId} expected but missing`);

  // Every customer balance is its opening balance plus exactly what the clients were told.
  for (const accountId of customerAccounts) {
    const stored = report.balances.get(accountId);
    const want = expected.get(accountId) ?? 0;
    if (stored !== want) violations.push(`account ${accountId}: balance ${stored}, but opening + answered movements = ${want}`);
  }

  // Class II limits: non-bound movements per account, direction, CST day and year — transfers,
  // and bill payments by their hold unless voided (a void gives the limit back) — against the
  // limits and against the stored counters (which move in the same transactions).
  const used = new Map<string, number>();
  const movements = new Map<string, number>();
  const add = (key: string, amount: number) => {
    used.set(key, (used.get(key) ?? 0) + amount);
    movements.set(key, (movements.get(key) ?? 0) + 1);
  };
  // A held transfer (延时到账) counts on the day it was asked for, on both sides, unless it was
  // returned (a return gives the limits back, like a bill's void).
  const givenBack = new Set([...journals.values()].filter((j) => j.kind === 'BILL_VOID' || j.kind === 'TRANSFER_RETURN').map((j) => String(j.completes)));
  const heldRecords = new Map(items.filter((i) => i.type === 'HELD_TRANSFER').map((i) => [String(i.holdJournalId), i]));
  for (const journal of journals.values()) {
    // A payment to a merchant is a non-bound outflow too (its refund gives nothing back).
    const counted = journal.kind === 'TRANSFER' || journal.kind === 'MERCHANT_PAYMENT' || ((journal.kind === 'BILL_HOLD' || journal.kind === 'TRANSFER_HOLD') && !givenBack.has(String(journal.journalId)));
    if (!counted) continue;
    const day = businessDate(new Date(String(journal.createdAt)));
    const sides = (journal.postings as { accountId: string; amountFen: number }[]).filter((p) => customerAccounts.has(p.accountId));
    const held = journal.kind === 'TRANSFER_HOLD' ? heldRecords.get(String(journal.journalId)) : undefined;
    if (held) sides.push({ accountId: String(held.payeeAccountId), amountFen: Number(held.amountFen) });
    for (const p of sides) {
      const direction = p.amountFen < 0 ? 'OUT' : 'IN';
      add(`${p.accountId}|${direction}#D#${day}`, Math.abs(p.amountFen));
      add(`${p.accountId}|${direction}#Y#${day.slice(0, 4)}`, Math.abs(p.amountFen));
    }
  }
  for (const [key, amount] of used) {
    const limit = key.includes('#D#') ? limits.dailyFen : limits.yearlyFen;
    if (amount > limit) violations.push(`Class II limit exceeded: ${key} moved ${amount} > ${limit}`);
  }
  // Other counters (a money-market fund's fast-redemption cap, WEALTH-FAST#…) are not Class II's.
  const counters = items.filter((i) => i.type === 'LIMIT' && /^(IN|OUT)#/.test(String(i.bucket)));
  for (const counter of counters) {
    const key = `${String(counter.PK).slice('ACCT#'.length)}|${counter.bucket}`;
    if (Number(counter.usedFen) !== (used.get(key) ?? 0)) violations.push(`limit counter ${key} holds ${counter.usedFen}, transfers and bill payments sum to ${used.get(key) ?? 0}`);
    // The anti-fraud rules' velocity (outTodayCount) reads the daily counts.
    if (Number(counter.movementCount ?? 0) !== (movements.get(key) ?? 0)) violations.push(`limit counter ${key} counts ${counter.movementCount} movements, the ledger ${movements.get(key) ?? 0}`);
  }
  for (const key of used.keys()) {
    if (!counters.some((c) => `${String(c.PK).slice('ACCT#'.length)}|${c.bucket}` === key)) violations.push(`no limit counter for ${key}`);
  }

  violations.push(...codePayViolations(items, [...journals.values()], customerAccounts, limits));
  violations.push(...creditLineViolations(items, [...journals.values()]));
  violations.push(...moneyMarketViolations(items, [...journals.values()], input.moneyMarketHoldingsBefore, limits.fastRedeemDailyFen));
  violations.push(...wealthRefundViolations([...journals.values()]));
  violations.push(...movementRiskViolations([...journals.values()]));
  violations.push(...heldTransferViolations(items, journals, report.balances));

  return { violations, unknownApplied, unknownNotApplied, lostInKill, journals: journals.size, noncesExpiredAway, ...(open ? { openPlatform: open.counts } : {}) };
}

/** The judged journals and what each is called: a transfer, its hold, a withdrawal the customer
 *  asked for (not a closure's sweep to the card) and a bill's hold the customer asked for (not
 *  auto-pay's). */
function judgedAs(journal: Item): string | undefined {
  if (journal.kind === 'TRANSFER') return 'transfer';
  if (journal.kind === 'TRANSFER_HOLD') return 'held transfer';
  const own = (journal.postings as { amountFen: number; label: string }[] | undefined)?.find((posting) => posting.amountFen < 0);
  if (journal.kind === 'WITHDRAW' && own?.label !== '销户余额转出') return 'withdrawal';
  if (journal.kind === 'BILL_HOLD' && journal.origin !== 'DAY_CLOSE') return 'bill payment';
  return undefined;
}

/** Every judged movement carries the anti-fraud decision it was written under, and one the rules
 *  warned about was paid only with the customer's confirmation; a DELAY is always a transfer's
 *  hold, never a movement straight to its payee, and a hold always a confirmed DELAY. */
function movementRiskViolations(journals: Item[]): string[] {
  const violations: string[] = [];
  for (const journal of journals) {
    const what = judgedAs(journal);
    if (what === undefined) continue;
    const risk = journal.risk as { outcome?: string; acknowledged?: boolean; ruleSetVersion?: number; delayHours?: number } | undefined;
    if (!risk || typeof risk.ruleSetVersion !== 'number') violations.push(`${what} ${journal.journalId} has no anti-fraud decision`);
    else if (risk.outcome !== 'ALLOW' && risk.acknowledged !== true) violations.push(`${what} ${journal.journalId} was warned about and paid without the customer's confirmation`);
    else if (journal.kind !== 'TRANSFER_HOLD' && risk.outcome !== 'WARN' && risk.outcome !== 'ALLOW') violations.push(`${what} ${journal.journalId} was paid under the decision ${risk.outcome}`);
    else if (journal.kind === 'TRANSFER_HOLD' && (risk.outcome !== 'DELAY' || !Number.isSafeInteger(risk.delayHours))) violations.push(`held transfer ${journal.journalId} was held under the decision ${risk.outcome} (${risk.delayHours} h)`);
  }
  return violations;
}

/** The journals that may complete a delayed transfer's hold: its release, its return. */
function heldCompletionIds(holdJournalId: string): [string, string] {
  return [deterministicJournalId('transfer-release', holdJournalId), deterministicJournalId('transfer-return', holdJournalId)];
}

/** Each hold has its record, and the record says what the ledger holds: HELD with no completion
 *  (and its entries in the due index and the customer's partition), RELEASED with the release only, RETURNED with the return
 *  only — released or returned exactly once. The held-transfers house account holds exactly the
 *  holds still HELD. */
function heldTransferViolations(items: Item[], journals: Map<string, Item>, balances: Map<string, number>): string[] {
  const violations: string[] = [];
  const records = new Map(items.filter((i) => i.type === 'HELD_TRANSFER').map((i) => [String(i.holdJournalId), i]));
  const due = new Set(items.filter((i) => i.type === 'HELD_TRANSFER_DUE').map((i) => String(i.holdJournalId)));
  const open = new Set(items.filter((i) => i.type === 'HELD_TRANSFER_OPEN').map((i) => String(i.SK).slice('HELDOPEN#'.length)));
  let openFen = 0;
  for (const hold of [...journals.values()].filter((j) => j.kind === 'TRANSFER_HOLD')) {
    const id = String(hold.journalId);
    const record = records.get(id);
    const tag = `held transfer ${id}`;
    if (!record) {
      violations.push(`${tag} has no record`);
      continue;
    }
    const customerSide = (hold.postings as { accountId: string; amountFen: number }[]).find((p) => p.accountId === record.accountId);
    if (customerSide?.amountFen !== -Number(record.amountFen)) violations.push(`${tag}: the record holds ${record.amountFen} from ${record.accountId}, the journal ${JSON.stringify(hold.postings)}`);
    const [releaseId, returnId] = heldCompletionIds(id);
    const released = journals.get(releaseId);
    const returned = journals.get(returnId);
    for (const completion of [released, returned]) if (completion && completion.completes !== id) violations.push(`${tag}: ${completion.kind} ${completion.journalId} completes ${completion.completes}`);
    const state = String(record.status);
    if (state === 'HELD') {
      openFen += Number(record.amountFen);
      if (released || returned) violations.push(`${tag}: HELD, yet ${(released ?? returned)!.kind} is in the ledger`);
      if (!due.has(id)) violations.push(`${tag}: HELD but not in the due index: the release job would never find it`);
      if (!open.has(id)) violations.push(`${tag}: HELD but not open in its customer's partition: 销户 would not wait for it`);
    } else {
      if (due.has(id)) violations.push(`${tag}: ${state}, yet still in the due index`);
      if (open.has(id)) violations.push(`${tag}: ${state}, yet still open in its customer's partition`);
      const want = state === 'RELEASED' ? released : returned;
      const other = state === 'RELEASED' ? returned : released;
      if (!want || want.journalId !== record.completedBy) violations.push(`${tag}: ${state} by ${record.completedBy}, the ledger holds ${want?.journalId ?? 'nothing'}`);
      if (other) violations.push(`${tag}: ${state}, yet ${other.kind} ${other.journalId} is in the ledger too`);
    }
  }
  for (const id of records.keys()) if (!journals.has(id)) violations.push(`held transfer record ${id} has no hold journal`);
  let houseFen = 0;
  for (const [accountId, balanceFen] of balances) if (accountId.startsWith(`${HOUSE_ACCOUNTS.HELD_TRANSFERS}~`)) houseFen += balanceFen;
  if (houseFen !== openFen) violations.push(`the held-transfers account holds ${houseFen}, the holds still HELD ${openFen}`);
  return violations;
}

/** Money-market holdings (NAV 1.0000: a unit-centi is a fen): the units are those held before
 *  less what fast redemptions paid; the frozen units are exactly the pending normal redemptions;
 *  available = units − frozen, none negative; and each fast-redemption counter holds what its
 *  account was paid at once, within the daily cap. (No day close runs, so no income or
 *  confirmation changes a holding meanwhile.) */
function moneyMarketViolations(items: Item[], journals: Item[], before: Item[], capFen: number): string[] {
  const violations: string[] = [];
  const key = (i: Item) => `${i.customerId}|${i.productId}`;
  const unitsBefore = new Map(before.map((h) => [key(h), Number(h.unitsCenti)]));
  const paidFast = new Map<string, number>();
  for (const journal of journals.filter((j) => j.kind === 'WEALTH_REDEMPTION')) {
    for (const p of journal.postings as { accountId: string; amountFen: number }[]) {
      if (p.amountFen > 0 && !p.accountId.startsWith('HOUSE-')) paidFast.set(p.accountId, (paidFast.get(p.accountId) ?? 0) + p.amountFen);
    }
  }
  const frozen = new Map<string, number>();
  for (const order of items.filter((i) => i.type === 'WEALTH_ORDER' && i.kind === 'REDEMPTION' && i.status === 'PENDING')) {
    frozen.set(key(order), (frozen.get(key(order)) ?? 0) + Number(order.unitsCenti));
  }
  for (const holding of items.filter((i) => i.type === 'WEALTH_HOLDING' && unitsBefore.has(key(i)))) {
    const tag = `money-market holding ${key(holding)}`;
    // The store adds frozen units on the first normal redemption; before it, none are frozen.
    const frozenUnits = Number(holding.frozenUnitsCenti ?? 0);
    const want = unitsBefore.get(key(holding))! - (paidFast.get(String(holding.accountId)) ?? 0);
    if (Number(holding.unitsCenti) !== want) violations.push(`${tag}: ${holding.unitsCenti} units, but ${want} were held less what fast redemptions paid`);
    if (frozenUnits !== (frozen.get(key(holding)) ?? 0)) violations.push(`${tag}: ${frozenUnits} frozen, pending normal redemptions hold ${frozen.get(key(holding)) ?? 0}`);
    if (Number(holding.availableUnitsCenti) !== Number(holding.unitsCenti) - frozenUnits || Number(holding.availableUnitsCenti) < 0) {
      violations.push(`${tag}: available ${holding.availableUnitsCenti} ≠ units ${holding.unitsCenti} − frozen ${frozenUnits}, or below 0`);
    }
  }
  const counted = new Map<string, number>();
  for (const counter of items.filter((i) => i.type === 'LIMIT' && String(i.bucket).startsWith('WEALTH-FAST#'))) {
    const accountId = String(counter.PK).slice('ACCT#'.length);
    counted.set(accountId, (counted.get(accountId) ?? 0) + Number(counter.usedFen));
    if (Number(counter.usedFen) > capFen) violations.push(`fast-redemption counter ${accountId}|${counter.bucket} holds ${counter.usedFen} > the cap ${capFen}`);
  }
  for (const [accountId, paid] of paidFast) {
    if ((counted.get(accountId) ?? 0) !== paid) violations.push(`account ${accountId} was paid ${paid} by fast redemptions, its counters hold ${counted.get(accountId) ?? 0}`);
  }
  return violations;
}

/** Payments to merchants per account and calendar day (CST; the journal's time, the order's
 *  paidAt): all of them (orders and static codes) within the code-payment cap, the static codes'
 *  orders within theirs (收款码, STATIC_CODE_DAILY_FEN), and each day's counters holding exactly
 *  those sums (charged in the payment's transaction; a refund gives nothing back). */
function codePayViolations(items: Item[], journals: Item[], customerAccounts: ReadonlySet<string>, limits: { codePayDailyFen: number; staticCodeDailyFen: number }): string[] {
  const violations: string[] = [];
  const paidFen = new Map<string, number>();
  const staticFen = new Map<string, number>();
  const add = (sums: Map<string, number>, key: string, fen: number) => sums.set(key, (sums.get(key) ?? 0) + fen);
  for (const journal of journals) {
    if (journal.kind !== 'MERCHANT_PAYMENT') continue;
    const day = businessDate(new Date(String(journal.createdAt)));
    for (const p of journal.postings as { accountId: string; amountFen: number }[]) if (customerAccounts.has(p.accountId) && p.amountFen < 0) add(paidFen, `${p.accountId}|CODEPAY#D#${day}`, -p.amountFen);
  }
  // The static codes' orders, by their payer (every one was made paid, whatever became of it).
  for (const order of items.filter((i) => i.type === 'MERCHANT_ORDER' && i.source === 'STATIC_CODE')) {
    add(staticFen, `${order.payerAccountId}|STATICCODE#D#${businessDate(new Date(String(order.paidAt)))}`, Number(order.amountFen));
  }
  for (const [key, fen] of paidFen) if (fen > limits.codePayDailyFen) violations.push(`code-payment cap exceeded: ${key} paid merchants ${fen} > ${limits.codePayDailyFen}`);
  for (const [key, fen] of staticFen) if (fen > limits.staticCodeDailyFen) violations.push(`static-code cap exceeded: ${key} — its static-code orders come to ${fen} > ${limits.staticCodeDailyFen}`);
  const counters = items.filter((i) => i.type === 'LIMIT' && /^(CODEPAY|STATICCODE)#/.test(String(i.bucket)));
  for (const counter of counters) {
    const key = `${String(counter.PK).slice('ACCT#'.length)}|${counter.bucket}`;
    const want = (String(counter.bucket).startsWith('CODEPAY#') ? paidFen : staticFen).get(key) ?? 0;
    if (Number(counter.usedFen) !== want) violations.push(`limit counter ${key} holds ${counter.usedFen}, the ${String(counter.bucket).startsWith('CODEPAY#') ? 'payments to merchants' : 'static-code orders'} come to ${want}`);
  }
  for (const key of [...paidFen.keys(), ...staticFen.keys()]) {
    if (!counters.some((c) => `${String(c.PK).slice('ACCT#'.length)}|${c.bucket}` === key)) violations.push(`no limit counter for ${key}`);
  }
  return violations;
}

/** Each credit line has used exactly what its owner drew minus the principal repaid, and its
 *  room is the limit minus that (the line moves in the same transaction as the journal). */
function creditLineViolations(items: Item[], journals: Item[]): string[] {
  const violations: string[] = [];
  const ownerOf = new Map(items.filter((i) => i.type === 'ACCOUNT').map((a) => [String(a.accountId), String(a.ownerCustomerId)]));
  const usedByCustomer = new Map<string, number>();
  const add = (customerId: string | undefined, amountFen: number) => {
    if (customerId) usedByCustomer.set(customerId, (usedByCustomer.get(customerId) ?? 0) + amountFen);
  };
  for (const journal of journals) {
    const postings = journal.postings as { accountId: string; amountFen: number }[];
    const customerPosting = postings.find((p) => ownerOf.has(p.accountId));
    if (!customerPosting) continue;
    const customerId = ownerOf.get(customerPosting.accountId);
    if (journal.kind === 'LOAN_DRAWDOWN') add(customerId, customerPosting.amountFen);
    if (journal.kind === 'LOAN_REPAYMENT') {
      const principal = postings.filter((p) => p.accountId.startsWith(`${HOUSE_ACCOUNTS.LOAN_FUNDING}~`)).reduce((sum, p) => sum + p.amountFen, 0);
      add(customerId, -principal);
    }
  }
  for (const line of items.filter((i) => i.type === 'CREDIT_LINE')) {
    const customerId = String(line.customerId);
    const want = usedByCustomer.get(customerId) ?? 0;
    if (Number(line.usedFen) !== want) violations.push(`credit line of ${customerId}: used ${line.usedFen}, the ledger says ${want}`);
    if (Number(line.availableFen) !== Number(line.creditLimitFen) - Number(line.usedFen)) {
      violations.push(`credit line of ${customerId}: available ${line.availableFen} ≠ limit ${line.creditLimitFen} − used ${line.usedFen}`);
    }
  }
  return violations;
}

/** Each wealth order is refunded at most once, in full, to the account that paid for it. (No day
 *  close runs in the bank test, so the only refunds are cooling-off cancels: no failed orders, no
 *  confirmation residuals.) The custody postings name the order. */
function wealthRefundViolations(journals: Item[]): string[] {
  const violations: string[] = [];
  type P = { accountId: string; amountFen: number; counterparty: string };
  const split = (journal: Item) => {
    const postings = journal.postings as P[];
    const custody = postings.find((p) => p.accountId.startsWith(`${HOUSE_ACCOUNTS.WEALTH_CUSTODY}-`));
    return { custody, customer: postings.find((p) => p !== custody) };
  };
  const paid = new Map<string, P>();
  for (const journal of journals) {
    if (journal.kind !== 'WEALTH_PURCHASE') continue;
    const { custody, customer } = split(journal);
    if (custody && customer) paid.set(custody.counterparty, customer);
  }
  const refunded = new Map<string, string>();
  for (const journal of journals) {
    if (journal.kind !== 'WEALTH_REFUND') continue;
    const { custody, customer } = split(journal);
    const orderId = String(custody?.counterparty);
    const payment = paid.get(orderId);
    if (refunded.has(orderId)) violations.push(`order ${orderId} refunded twice: ${refunded.get(orderId)} and ${journal.journalId}`);
    refunded.set(orderId, String(journal.journalId));
    if (!payment || payment.accountId !== customer?.accountId || payment.amountFen !== -customer.amountFen) {
      violations.push(`refund ${journal.journalId} pays ${customer?.amountFen} to ${customer?.accountId} for order ${orderId}, paid ${payment?.amountFen} from ${payment?.accountId}`);
    }
  }
  return violations;
}

/** One PIN race as the clients saw it, and the racer as the table holds them afterwards. */
export interface RaceOutcome {
  index: number;
  maxAttempts: number;
  /** The answers to the wrong PINs, and to the right one, all sent at once. */
  wrong: Answer[];
  right: Answer;
  /** The right PIN once more, after every guess was answered. */
  probe: Answer;
  /** The racer's CUSTOMER item from the final scan. */
  customer: Item | undefined;
  now: Date;
}

const REMAINING = /还可尝试\s*(\d+)\s*次/;

/** What wrong PINs fired at once with the right one may be answered, with the lockout at
 *  PIN_MAX_ATTEMPTS (M) wrong PINs:
 *  - a wrong PIN is never accepted: 403 PIN_INCORRECT (saying how many tries are left) or 423
 *    PIN_LOCKED; the right one is accepted or refused PIN_LOCKED, nothing else;
 *  - each wrong PIN is counted atomically: within one budget every "N tries left" is said at most
 *    once, so at most M − 1 wrong PINs are answered as checked per budget — and the budget starts
 *    afresh only when the right PIN is accepted (so at most twice in a race);
 *  - a lock, once reached (a guess answered PIN_LOCKED), stays: no payment lifts it, so the racer
 *    is locked afterwards, and the right PIN is then refused PIN_LOCKED without moving money; a
 *    spent budget always comes with its lock;
 *  - a racer not locked afterwards pays with the right PIN.
 *  (The ledger side — no journal for a refused guess — is the final check's, as for any request.) */
export function raceViolations(race: RaceOutcome): string[] {
  const violations: string[] = [];
  const tag = `PIN race ${race.index}`;
  const M = race.maxAttempts;
  const rightOk = race.right.outcome === 'ok';
  const counts = new Map<number, number>();
  let incorrect = 0;
  let lockedAnswers = 0;
  for (const answer of race.wrong) {
    if (answer.outcome === 'unknown') continue;
    if (answer.outcome === 'ok') {
      violations.push(`${tag}: a wrong PIN was accepted: ${answer.raw.slice(0, 200)}`);
      continue;
    }
    if (answer.status === 423 && answer.code === 'PIN_LOCKED') {
      lockedAnswers++;
      continue;
    }
    if (!(answer.status === 403 && answer.code === 'PIN_INCORRECT')) {
      violations.push(`${tag}: a wrong PIN was answered ${said(answer)}`);
      continue;
    }
    incorrect++;
    const left = Number(REMAINING.exec(String(answer.body?.error?.message ?? ''))?.[1]);
    if (!(Number.isInteger(left) && left >= 1 && left <= M - 1)) violations.push(`${tag}: PIN_INCORRECT says ${JSON.stringify(answer.body?.error?.message)}, not 1…${M - 1} tries left`);
    else counts.set(left, (counts.get(left) ?? 0) + 1);
  }
  if (race.right.outcome === 'rejected' && !(race.right.status === 423 && race.right.code === 'PIN_LOCKED')) violations.push(`${tag}: the right PIN was answered ${said(race.right)}`);
  const budgets = rightOk ? 2 : 1;
  for (const [left, n] of counts) if (n > budgets) violations.push(`${tag}: "${left} tries left" was said ${n} times in ${budgets} budget(s): wrong PINs were not counted one by one`);
  if (incorrect > (M - 1) * budgets) violations.push(`${tag}: ${incorrect} wrong PINs were answered as checked, more than ${M - 1} per budget in ${budgets} budget(s)`);

  const lockedUntil = race.customer?.pinLockedUntil;
  const locked = typeof lockedUntil === 'string' && new Date(lockedUntil) > race.now;
  const failed = Number(race.customer?.pinFailedAttempts ?? 0);
  if (!race.customer) violations.push(`${tag}: the racer's customer item is missing`);
  if (!locked && failed >= M) violations.push(`${tag}: ${failed} wrong PINs counted but no lock set: the budget is spent with no end`);
  const lockReached = lockedAnswers > 0 || (race.right.outcome === 'rejected' && race.right.code === 'PIN_LOCKED');
  if (lockReached && !locked) violations.push(`${tag}: the lock was reached (${lockedAnswers} wrong PIN(s) and the right one ${said(race.right)}) but the racer is not locked afterwards: a payment lifted it`);
  if (race.probe.outcome !== 'unknown') {
    if (locked && !(race.probe.outcome === 'rejected' && race.probe.status === 423 && race.probe.code === 'PIN_LOCKED')) violations.push(`${tag}: the right PIN after the lock was answered ${said(race.probe)}`);
    if (!locked && race.probe.outcome !== 'ok') violations.push(`${tag}: not locked, yet the right PIN was answered ${said(race.probe)}`);
  }
  return violations;
}
