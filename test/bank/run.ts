// One run of the bank test: DynamoDB Local persisting to a temp dir, the API in serverless
// offline with DynamoDB faults injected (functions/store/faults.ts), the planned customers, then
// concurrent clients through the HTTP API while a checker reads consistent snapshots, DynamoDB
// Local is killed with -9 and restarted from its files, and finally the whole-table check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { serverlessFile, stageParams } from '../../scripts/lib/serverless-config.js';
import { HOUSE_ACCOUNTS } from '../../functions/domain/ledger.js';
import { custodyAccountOf } from '../../functions/domain/wealth/journals.js';
import type { SecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { releaseHeldTransfer } from '../../functions/services/held-transfers.js';
import { call } from '../support/bank.js';
import { checkLedger, scanTable } from '../support/ledger-check.js';
import { type Authorization, encryptPin } from '../support/second-factor.js';
import { type Answer, type ClientOptions, type ClientStats, newStats, type Request, send } from './client.js';
import { finalCheck, type OpRecord, type RaceOutcome, raceViolations, snapshot, snapshotViolations } from './checker.js';
import { BANK_WEALTH, type BankPlan, makePlan, type NonceCase, type PinRace, type PlannedOp, type PlanSize, planFingerprint, secondFactorFingerprint } from './plan.js';
import { CONTRACT_CONSENT } from '../support/loan-application.js';
import { BANK_LOAN_PRODUCT, disclosureVersions, type LiveCustomer, prepareCustomers, prepareLifecycle, prepareRacers, signIn } from './setup.js';
import { isClosure, type LifecycleOutcome, runLifecycle } from './lifecycle.js';
import { type OpenOp, openPlan, openPlanFingerprint, openRunner, prepareOpenPlatform } from './open-platform.js';
import { Rng } from './rng.js';

export interface BankOptions extends PlanSize {
  seed: number;
  /** JINLIN_FAULTS for the API, without seed/log (added here). */
  faults: string;
  /** Stop starting operations after this long (the ones started still finish). */
  budgetMs: number;
  log: (line: string) => void;
}

export interface BankReport {
  seed: number;
  fingerprint: string;
  /** Of the second factor's cases (plan.ts secondFactorFingerprint). */
  secondFactorFingerprint: string;
  planned: number;
  executed: number;
  byKind: Record<string, Record<string, number>>;
  faults: Record<string, number>;
  client: ClientStats & { unexpected401: number; tokenRenewals: number };
  snapshots: { taken: number; failedWhileUp: number; failedWhileDown: number };
  kills: { atOp: number; outageMs: number; restartMs: number; signalAtMs: number; restartedAtMs: number }[];
  /** The second factor's fault cases: how many were sent and what they were answered. */
  secondFactor: SecondFactorReport;
  /** The account-life scenarios (lifecycle.ts): how many ran, and a line each. */
  lifecycle: { planned: number; run: number; lines: string[] };
  /** The transfers the anti-fraud rules held, and what became of them. */
  heldTransfers: string[];
  /** The open platform's operations (open-platform.ts): what ran and what the table holds. */
  openPlatform: { fingerprint: string; planned: number; run: number; byKind: Record<string, Record<string, number>>; passes: { requested: number; final: number; finalOffsetMs: number }; counts?: Record<string, number>; received: number; redelivered: number };
  unknown: { applied: number; notApplied: number; lostInKill: number };
  journals: number;
  violations: string[];
  durationsMs: { startup: number; setup: number; run: number; check: number };
  dataDir: string;
}

export interface SecondFactorReport {
  /** Nonces asked in this process for the requests (and how many were asked again near expiry). */
  noncesAsked: number;
  noncesRenewed: number;
  replays: { planned: number; sent: number; answers: Record<string, number> };
  mismatches: { planned: number; sent: number; answers: Record<string, number> };
  races: { planned: number; run: number; lines: string[] };
  /** Successes whose used-up nonce had expired and was gone (TTL) by the final scan. */
  expiredAway?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A nonce must outlive every try of the request it confirms: a send is retried for at most the
 *  client's deadline (150 s), so a body is given a fresh nonce when less than this is left. */
const NONCE_MARGIN_MS = 170_000;

const answerLabel = (a: Answer) => (a.outcome === 'ok' ? '200' : a.outcome === 'unknown' ? 'unknown' : `${a.status} ${a.code}`);
const tally = (into: Record<string, number>, a: Answer, prefix = '') => {
  const label = prefix + answerLabel(a);
  into[label] = (into[label] ?? 0) + 1;
};

/** The name each route derives its journal ids from (functions/http/*.ts). */
const ROUTE = {
  topUp: 'topUp',
  withdraw: 'withdraw',
  transfer: 'transfer',
  loanDraw: 'drawdown',
  loanRepay: 'repay',
  billPay: 'billPay',
  wealthBuy: 'wealth-purchase',
  wealthCancel: 'wealth-cancel',
  wealthRedeem: 'wealth-redeem-fast',
  read: 'account',
  accountClose: 'close',
  merchantPay: 'merchantOrderPay',
  codePay: 'merchantCodePay',
} as const;
const PATH = {
  topUp: '/v1/account/top-up',
  withdraw: '/v1/account/withdraw',
  transfer: '/v1/account/transfer',
  loanDraw: '/v1/loans',
  billPay: '/v1/bill-payments',
  wealthBuy: '/v1/wealth-orders',
  wealthRedeem: '/v1/wealth-redemptions',
  read: '/v1/account',
  accountClose: '/v1/account/closure',
} as const;
/** The house accounts the operations touch; with the customers they are the snapshot (≤ 100 items). */
const HOUSE_IN_PLAY: string[] = [
  HOUSE_ACCOUNTS.CARD_SETTLEMENT,
  HOUSE_ACCOUNTS.LOAN_FUNDING,
  HOUSE_ACCOUNTS.INTEREST_INCOME,
  HOUSE_ACCOUNTS.BILL_CLEARING,
  HOUSE_ACCOUNTS.BILLER_SETTLEMENT,
  // Transfers the anti-fraud rules delay (延时到账) wait here until released or returned.
  HOUSE_ACCOUNTS.HELD_TRANSFERS,
  // The set-up's day closes pay money-market income from the issuers' yield account.
  HOUSE_ACCOUNTS.WEALTH_YIELD,
  // The open platform: payments' fees; reserve deposits in and wallets' payouts out.
  HOUSE_ACCOUNTS.MERCHANT_FEE_INCOME,
  HOUSE_ACCOUNTS.SETTLEMENT_CLEARING,
  ...Object.values(BANK_WEALTH).map((product) => custodyAccountOf(product.productId)),
];
/** Shards per house account in the bank test. Deployed there are 16; 12 house accounts × 16 and
 *  the customers would not fit one TransactGetItems (≤ 100 items), and a snapshot that is not one
 *  read proves nothing: at the soak's size 57 customer accounts, 12 × 3 shards and the open
 *  platform's 2 wallets and reserve make 96. Sharding itself is the same code with any count. */
export const BANK_HOUSE_SHARDS = 3;

const isMovement = (body: any) => typeof body?.journalId === 'string' && typeof body?.status === 'string' && Number.isSafeInteger(body?.balanceFen);
const isAccount = (body: any) => typeof body?.accountId === 'string' && Number.isSafeInteger(body?.balanceFen);
const isLoan = (body: any) => typeof body?.loanId === 'string' && typeof body?.drawdownJournalId === 'string';
const isRepayment = (body: any) => typeof body?.journalId === 'string' && Number.isSafeInteger(body?.paidFen);
const isBillPayment = (body: any) => typeof body?.paymentId === 'string' && typeof body?.status === 'string' && isMovement(body);
const isBillView = (body: any) => typeof body?.biller?.billerId === 'string' && body?.bill !== undefined;
const isWealthOrder = (body: any) => typeof body?.journalId === 'string' && typeof body?.order?.orderId === 'string' && Number.isSafeInteger(body?.balanceFen);
const isWealthRedemption = (body: any) => typeof body?.capExceeded === 'boolean' && Number.isSafeInteger(body?.balanceFen);

function label(record: OpRecord): string {
  if (record.authorizationRefused) return `nonce refused: ${answerLabel(record.authorizationRefused)}`;
  const answer = record.answers.find((a) => a.outcome !== 'unknown') ?? record.answers[0];
  if (!answer || answer.outcome === 'unknown') return 'unknown';
  if (answer.outcome === 'ok') return { read: 'ok', accountClose: 'CLOSED', merchantPay: 'PAID', codePay: 'PAID', loanDraw: 'DRAWN', loanRepay: 'REPAID', wealthBuy: 'BOUGHT', wealthCancel: 'REFUNDED', wealthRedeem: 'REDEEMED' }[record.op.kind as string] ?? String(answer.body.status);
  return `${answer.status} ${answer.code}`;
}

export async function runBank(options: BankOptions): Promise<BankReport> {
  const t0 = Date.now();
  const plan: BankPlan = makePlan(options.seed, options);
  const fingerprint = planFingerprint(plan);
  const sfFingerprint = secondFactorFingerprint(plan);
  const sfPlan = plan.secondFactor;
  const nonceCaseOf = new Map<number, NonceCase>(sfPlan.nonceCases.map((c) => [c.opId, c]));
  const bound = new Set(sfPlan.boundOps);
  const maxAttempts = Number(serverlessFile().params.default!.pinMaxAttempts);
  options.log(`bank test: seed ${options.seed} (plan ${fingerprint}, second-factor cases ${sfFingerprint}): ${plan.totalOps} operations, ${options.clients} clients, ${options.customers} customers, ${options.kills} kill(s), faults ${options.faults}; ${sfPlan.nonceCases.length} nonce cases, ${sfPlan.races.length} PIN races`);
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-bank-'));
  const faultsLog = join(dir, 'faults.log');
  writeFileSync(faultsLog, '');
  // Two shared cores carry DynamoDB Local, the API and the clients: run the emulator's JVM with
  // the quick compiler only and the serial collector (faster start and restart, less JIT work).
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  // The seed runs in this process and the API in serverless offline: both must shard alike.
  process.env.HOUSE_SHARDS = String(BANK_HOUSE_SHARDS);
  const stack: LocalStack = await startLocalStack({
    dynamoPort: await freePort(),
    apiPort: await freePort(),
    lambdaPort: await freePort(),
    tableName: 'jinlin-bank',
    dataDir: join(dir, 'dynamodb'),
    log: false,
    apiEnv: { JINLIN_FAULTS: `${options.faults},seed:${options.seed},log:${faultsLog}`, HOUSE_SHARDS: String(BANK_HOUSE_SHARDS) },
    // --localEnvironment hands the functions this environment (HOUSE_SHARDS is not in
    // serverless.yml).
    offlineArgs: ['--localEnvironment'],
  });
  const startupMs = Date.now() - t0;
  let passed = false;
  let stopGrocery = async () => undefined as void;
  try {
    const t1 = Date.now();
    const live = await prepareCustomers(plan.customers, options.seed);
    const racers = await prepareRacers(sfPlan.racers);
    const lifers = await prepareLifecycle(plan.lifecycle.customers, options.seed);
    const disclosures = await disclosureVersions(live[0]!.token);
    const openWorld = await prepareOpenPlatform(stack.apiUrl, options.seed);
    stopGrocery = () => openWorld.grocery.stop();
    const open = openPlan(new Rng(options.seed).fork('open-platform'), plan.totalOps, plan.customers.length, options.seed);
    // The balance items: every account and house shard, and the run's partner's wallets and
    // reserve. The set is fixed from here on.
    const before = await scanTable();
    const accountIds = before
      .filter(
        (i) =>
          i.type === 'ACCOUNT' ||
          (i.type === 'HOUSE' && HOUSE_IN_PLAY.some((house) => String(i.PK).startsWith(`ACCT#${house}~`))) ||
          ((i.type === 'WALLET' || i.type === 'RESERVE') && i.partnerId === openWorld.partner.partner.partnerId),
      )
      .map((i) => String(i.PK).slice('ACCT#'.length));
    const houseShards = accountIds.filter((id) => id.startsWith('HOUSE-')).length;
    if (houseShards !== HOUSE_IN_PLAY.length * BANK_HOUSE_SHARDS) {
      throw new Error(`the seed opened ${houseShards} shards of the house accounts in play, not ${HOUSE_IN_PLAY.length} × ${BANK_HOUSE_SHARDS}`);
    }
    const customerAccounts = new Set(before.filter((i) => i.type === 'ACCOUNT').map((i) => String(i.accountId)));
    const setupReport = checkLedger(before, { unkeyedJournals: new Set(before.filter((i) => i.type === 'JOURNAL').map((i) => String(i.journalId))) });
    if (setupReport.violations.length) throw new Error(`ledger unsound before the run:\n${setupReport.violations.join('\n')}`);
    const answered = new Set(setupReport.answeredJournalIds);
    const unkeyed = new Set([...setupReport.journals.keys()].filter((id) => !answered.has(id)));
    const opening = (await snapshot(accountIds)).balances;
    const noncesBefore = new Set(before.filter((i) => i.type === 'PAYMENT_NONCE').map((i) => String(i.PK).slice('NONCE#'.length)));
    const setupMs = Date.now() - t1;

    const stats = newStats();
    const client = { unexpected401: 0, tokenRenewals: 0 };
    const clientOptions = (isApiAnswer: (body: unknown) => boolean): ClientOptions => ({
      apiUrl: stack.apiUrl,
      timeoutMs: 30_000,
      deadlineMs: 150_000,
      maxAttempts: 80,
      stats,
      isApiAnswer,
    });
    const moneyClient = clientOptions(isMovement);
    const readClient = clientOptions(isAccount);
    const drawClient = clientOptions(isLoan);
    const repayClient = clientOptions(isRepayment);
    const billClient = clientOptions(isBillPayment);
    const lookupClient = clientOptions(isBillView);
    const wealthClient = clientOptions(isWealthOrder);
    const clientFor = {
      topUp: moneyClient,
      withdraw: moneyClient,
      transfer: moneyClient,
      loanDraw: drawClient,
      loanRepay: repayClient,
      billPay: billClient,
      wealthBuy: wealthClient,
      wealthCancel: wealthClient,
      wealthRedeem: clientOptions(isWealthRedemption),
      accountClose: clientOptions(isClosure),
    };

    // Token upkeep: access tokens live 15 minutes; renew through sign-in (in this process)
    // before they run out, one renewal per customer at a time.
    const renewing = new Map<number, Promise<void>>();
    const renew = (c: LiveCustomer) => {
      let pending = renewing.get(c.spec.index);
      if (!pending) {
        pending = signIn(c.spec.user).then(({ token }) => {
          c.token = token;
          c.tokenIssuedAt = Date.now();
          client.tokenRenewals++;
        }).finally(() => renewing.delete(c.spec.index));
        renewing.set(c.spec.index, pending);
      }
      return pending;
    };
    /** Sends with the customer's current token; a 401 is never an answer about the request. */
    const sendAs = async (options: ClientOptions, c: LiveCustomer, request: Omit<Request, 'token'>): Promise<Answer> => {
      if (Date.now() - c.tokenIssuedAt > 10 * 60_000) await renew(c);
      for (let n = 0; ; n++) {
        const answer = await send(options, { ...request, token: c.token });
        if (!(answer.outcome === 'rejected' && answer.status === 401) || n >= 2) return answer;
        client.unexpected401++;
        await renew(c);
      }
    };

    /** The transfers the rules held (延时到账), once the operations are done: a third cancelled by
     *  their sender through the API, a third released by the release job at the moment the sender
     *  cancels it too (exactly one of the two may happen), a third left held (the house account
     *  holds exactly them). What each cancel was answered is checked against the ledger after. */
    const heldReport: string[] = [];
    const settleHeldTransfers = async (done: OpRecord[]) => {
      const holds = done.flatMap((r) => {
        const answer = r.op.kind === 'transfer' ? r.answers.find((a) => a.outcome === 'ok') : undefined;
        return answer?.body?.status === 'HELD' ? [{ op: r.op, journalId: String(answer.body.journalId), releaseAt: String(answer.body.releaseAt) }] : [];
      });
      const cancelClient = clientOptions((body: any) => typeof body?.journalId === 'string' && typeof body?.status === 'string');
      const cancel = (hold: (typeof holds)[number]) => sendAs(cancelClient, live[hold.op.who]!, { method: 'POST', path: `/v1/account/held-transfers/${hold.journalId}/cancel` });
      const outcomes = await Promise.all(
        // By position among the holds (a third of the transfers, by op id, go unconfirmed and are never held).
        holds.map(async (hold, index) => {
          const group = index % 3;
          if (group === 2) return { hold, cancelled: undefined, released: false };
          const afterDelay = new Date(Date.parse(hold.releaseAt) + 1_000);
          // The job starts a few milliseconds after the cancel, more or fewer by hold, so that
          // either may reach the hold first.
          const release = async () => {
            await new Promise((resolve) => setTimeout(resolve, (index * 7) % 40));
            return (await releaseHeldTransfer(hold.journalId, afterDelay)).written;
          };
          const [cancelled, released] = await Promise.all([cancel(hold), group === 1 ? release() : Promise.resolve(false)]);
          return { hold, cancelled, released };
        }),
      );
      const problems: string[] = [];
      let cancelledCount = 0;
      let releasedCount = 0;
      for (const { hold, cancelled, released } of outcomes) {
        const tag = `held transfer ${hold.journalId} (op ${hold.op.id})`;
        if (released) releasedCount++;
        if (!cancelled || cancelled.outcome === 'unknown') continue;
        if (cancelled.outcome === 'ok' && cancelled.body.status === 'CANCELLED') {
          cancelledCount++;
          if (released) problems.push(`${tag}: cancelled, and released by the job too`);
        } else if (cancelled.outcome === 'rejected' && cancelled.status === 409 && cancelled.code === 'HELD_TRANSFER_RELEASED') {
          if (!released) problems.push(`${tag}: the cancel was refused as released, but the job did not release it`);
        } else problems.push(`${tag}: the cancel was answered ${cancelled.status} ${cancelled.code ?? cancelled.raw.slice(0, 200)}`);
      }
      heldReport.push(`${holds.length} transfers held (延时到账): ${cancelledCount} cancelled by their senders, ${releasedCount} released by the job as their senders cancelled, ${outcomes.filter((_, index) => index % 3 === 2).length} left held`);
      return { violations: problems };
    };

    // The second factor, as the device makes it: a nonce for the exact request, asked in this
    // process — outside the faults injected into the API, as the brief step before the request
    // it confirms (DynamoDB Local may be down for a moment: asked again) — and the PIN encrypted
    // with its challenge.
    const sf: SecondFactorReport = {
      noncesAsked: 0,
      noncesRenewed: 0,
      replays: { planned: sfPlan.nonceCases.filter((c) => c.kind === 'replay').length, sent: 0, answers: {} },
      mismatches: { planned: sfPlan.nonceCases.filter((c) => c.kind === 'mismatch').length, sent: 0, answers: {} },
      races: { planned: sfPlan.races.length, run: 0, lines: [] },
    };
    const nonceExpiresAtMs = new Map<string, number>();
    const authorize = async (c: LiveCustomer, path: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<{ authorization: Authorization } | { refusal: Answer }> => {
      const started = Date.now();
      const attempts: Answer['attempts'] = [];
      let last: { status: number; body?: any } = { status: 0 };
      for (let n = 0; Date.now() - started < 120_000; n++) {
        if (Date.now() - c.tokenIssuedAt > 10 * 60_000) await renew(c);
        sf.noncesAsked++;
        last = await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: c.token, body: { method: 'POST', path, body, ...(idempotencyKey ? { idempotencyKey } : {}) } }).catch((error: unknown) => ({ status: 0, body: { error: String(error) } }));
        attempts.push(last.status);
        if (last.status === 200) {
          const authorization = last.body as Authorization;
          nonceExpiresAtMs.set(authorization.challenge, Date.parse(authorization.expiresAt));
          return { authorization };
        }
        if (last.status === 401 && n < 2) {
          await renew(c);
          continue;
        }
        const code = typeof last.body?.error?.code === 'string' ? last.body.error.code : undefined;
        if (last.status >= 400 && last.status < 500) return { refusal: { outcome: 'rejected', status: last.status, code, body: last.body, raw: JSON.stringify(last.body), attempts, answeredAtMs: Date.now() } };
        await sleep(Math.min(2_000, 100 * 2 ** n));
      }
      return { refusal: { outcome: 'unknown', status: last.status, body: last.body, raw: JSON.stringify(last.body ?? ''), attempts, answeredAtMs: Date.now() } };
    };
    const factorOf = (authorization: Authorization, pin: string): SecondFactor => ({ nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) });
    /** `body` confirmed for `path` (bound to `key` when given): the same second factor for every
     *  send, until its nonce nears its expiry (then a fresh one, and `renewed`). */
    const confirm = async (c: LiveCustomer, path: string, asIs: Record<string, unknown>, key?: string, { pin = c.spec.pin, confirmRisk = true } = {}) => {
      let body = asIs;
      let asked = await authorize(c, path, body, key);
      if ('refusal' in asked) return { refusal: asked.refusal };
      // An anti-fraud warning on the sheet: confirmed as the app lets the customer do (the body
      // asked again with riskAcknowledged), or — `confirmRisk` false — sent as it was (409).
      if (confirmRisk && asked.authorization.review.risk?.acknowledged === false) {
        body = { ...asIs, riskAcknowledged: true };
        asked = await authorize(c, path, body, key);
        if ('refusal' in asked) return { refusal: asked.refusal };
      }
      let authorization = asked.authorization;
      let factor = factorOf(authorization, pin);
      const confirmation = {
        renewed: false,
        /** The challenges (= nonce ids) of the nonces given out, first to last. */
        nonceIds: [authorization.challenge],
        get first() {
          return { ...body, secondFactor: factor };
        },
        async body(): Promise<Record<string, unknown>> {
          if (Date.parse(authorization.expiresAt) - Date.now() < NONCE_MARGIN_MS) {
            const again = await authorize(c, path, body, key);
            if ('authorization' in again) {
              authorization = again.authorization;
              factor = factorOf(authorization, pin);
              confirmation.nonceIds.push(authorization.challenge);
              confirmation.renewed = true;
              sf.noncesRenewed++;
            }
          }
          return { ...body, secondFactor: factor };
        },
      };
      return { confirmation };
    };

    // Warm the functions up: as many concurrent requests as the clients will make.
    await Promise.all(Array.from({ length: options.clients * 2 }, (_, i) => sendAs(readClient, live[i % live.length]!, { method: 'GET', path: '/v1/account' })));

    // The checker, reading consistent snapshots while the clients run.
    const snapshots = { taken: 0, failedWhileUp: 0, failedWhileDown: 0 };
    const violations: string[] = [];
    let dbDown = false;
    let running = true;
    const checkerLoop = (async () => {
      while (running) {
        const down = dbDown;
        try {
          const snap = await snapshot(accountIds);
          snapshots.taken++;
          violations.push(...snapshotViolations(snap, customerAccounts).map((v) => `${v} (during the run)`));
        } catch {
          if (down || dbDown) snapshots.failedWhileDown++;
          else snapshots.failedWhileUp++;
        }
        await sleep(1_000);
      }
    })();

    // The clients.
    const t2 = Date.now();
    const records: OpRecord[] = [];
    const kills: BankReport['kills'] = [];
    const killed = plan.kills.map(() => false);
    const outages: Promise<void>[] = [];
    let started = 0;
    const maybeKill = () => {
      plan.kills.forEach((kill, k) => {
        const dueByTime = Date.now() - t2 > (options.budgetMs * kill.afterOps) / plan.totalOps;
        if (killed[k] || !(started >= kill.afterOps || dueByTime) || dbDown) return;
        killed[k] = true;
        const atOp = started;
        outages.push((async () => {
          dbDown = true;
          const signalAtMs = Date.now();
          await stack.killDynamo();
          options.log(`kill -9 DynamoDB Local at operation ${atOp}; down for ${kill.outageMs} ms`);
          await sleep(kill.outageMs);
          const restartAt = Date.now();
          await stack.restartDynamo();
          dbDown = false;
          kills.push({ atOp, outageMs: kill.outageMs, restartMs: Date.now() - restartAt, signalAtMs, restartedAtMs: Date.now() });
          options.log(`DynamoDB Local restarted from its files in ${Date.now() - restartAt} ms`);
        })());
      });
    };

    // A customer paying a partner's order (the open platform's operations call it): confirmed and
    // sent like the plan's money requests, and checked with them.
    const openRecords: OpRecord[] = [];
    const payClient = clientOptions((body: any) => typeof body?.journalId === 'string' && typeof body?.order?.orderId === 'string');
    /** A customer paying a merchant through the review sheet and PIN, and again under its key when
     *  the op says so, as a client that missed the answer sends it. */
    const payMerchant = async (record: OpRecord, path: string, body: Record<string, unknown>, again: boolean): Promise<Answer[]> => {
      const c = live[record.op.who]!;
      openRecords.push(record);
      const confirmed = await confirm(c, path, body);
      if ('refusal' in confirmed) {
        record.authorizationRefused = confirmed.refusal;
        return confirmed.refusal ? [confirmed.refusal] : [];
      }
      record.nonceIds = confirmed.confirmation.nonceIds;
      const send = async () => record.answers.push(await sendAs(payClient, c, { method: 'POST', path, key: record.op.key, body: await confirmed.confirmation.body() }));
      await send();
      if (again) await send();
      return record.answers;
    };
    const payOrder = (who: number, orderId: string, amountFen: number, openOp: OpenOp, n: number): Promise<Answer[]> => {
      const c = live[who]!;
      const key = `${openOp.key}-p${n}`;
      const op: PlannedOp = { id: plan.totalOps + 20_000 + openOp.id * 4 + n, kind: 'merchantPay', who, key, amountClass: 'valid', amount: amountFen, delivery: openOp.again ? 'repeat' : 'once', copies: 1 };
      const record: OpRecord = { op, route: 'merchantOrderPay', from: { customerId: c.customerId, accountId: c.accountId }, orderId, amount: amountFen, answers: [] };
      return payMerchant(record, `/v1/merchant-orders/${orderId}/payment`, {}, openOp.again);
    };
    /** A static code (收款码) paid an amount of the customer's own: the payment makes its order. */
    const payCode = (who: number, merchantId: string, amountFen: number, openOp: OpenOp): Promise<Answer[]> => {
      const c = live[who]!;
      const key = `${openOp.key}-c`;
      const op: PlannedOp = { id: plan.totalOps + 20_000 + openOp.id * 4, kind: 'codePay', who, key, amountClass: 'valid', amount: amountFen, delivery: openOp.again ? 'repeat' : 'once', copies: 1 };
      const record: OpRecord = { op, route: 'merchantCodePay', from: { customerId: c.customerId, accountId: c.accountId }, merchantId, amount: amountFen, answers: [] };
      return payMerchant(record, `/v1/community/merchants/${merchantId}/payments`, { amountFen }, openOp.again);
    };
    const openRun = openRunner({ world: openWorld, seed: options.seed, clientOptions, payOrder, payCode });

    const execute = async (op: PlannedOp): Promise<OpRecord> => {
      if (op.kind === 'merchantPay' || op.kind === 'codePay') throw new Error('a merchant payment is the open platform’s operation (payOrder, payCode)');
      const who = live[op.who]!;
      const from = { customerId: who.customerId, accountId: who.accountId };
      if (op.kind === 'read') {
        return { op, route: 'account', from, amount: undefined, answers: [await sendAs(readClient, who, { method: 'GET', path: PATH.read })] };
      }
      const target = typeof op.to === 'number' ? live[op.to]! : undefined;
      const toPhone = op.to === 'self' ? who.spec.phone : op.to === 'stranger' ? plan.strangerPhone : target?.spec.phone;
      let amount = op.amount;
      if (op.bill?.overDueFen !== undefined) {
        // The customer looks the bill up to know what is due, and pays that (plus or minus).
        const lookup = await sendAs(lookupClient, who, { method: 'POST', path: '/v1/bill-lookups', body: { billerId: op.bill.billerId, accountNumber: op.bill.accountNumber } });
        const due = lookup.outcome === 'ok' ? lookup.body.bill?.amountDueFen : undefined;
        if (!Number.isSafeInteger(due)) return { op, route: ROUTE[op.kind], from, amount: undefined, answers: [], lookupFailed: lookup };
        amount = due + op.bill.overDueFen;
      }
      // A redemption names units, not an amount (the money-market fund's NAV is 1.0000).
      const amountField = op.kind === 'wealthRedeem' ? 'unitsCenti' : 'amountFen';
      // A valid repayment amount is principal prepaid (nothing falls due during a run, and money
      // paid before a due date is a prepayment); the others are sent as amounts of what is due.
      const prepaid = op.kind === 'loanRepay' && op.amountClass === 'valid' && amount !== undefined;
      const body: Record<string, unknown> = {
        ...(amount !== undefined && !prepaid ? { [amountField]: amount } : {}),
        ...(prepaid ? { prepayment: { principalFen: amount, adjustment: op.id % 2 === 0 ? 'REDUCE_PAYMENT' : 'SHORTEN_TERM' } } : {}),
        ...(op.kind === 'transfer' ? { toPhone, ...(op.memo ? { memo: op.memo } : {}) } : {}),
        ...(op.kind === 'loanDraw' ? { productId: BANK_LOAN_PRODUCT, ...op.loanTerms, contractConsent: CONTRACT_CONSENT } : {}),
        ...(op.bill ? { billerId: op.bill.billerId, accountNumber: op.bill.accountNumber } : {}),
        ...(op.kind === 'wealthBuy' ? { productId: op.productId, riskDisclosure: { acknowledged: true, version: disclosures.get(op.productId!) } } : {}),
        ...(op.kind === 'wealthRedeem' ? { productId: op.productId, mode: op.redeemMode } : {}),
      };
      // A repayment goes to one of the loans drawn so far (which one depends on timing), or —
      // before the customer has any — to a loan id nobody has, which must answer 404; a cancel
      // likewise to one of the customer's orders.
      const unknownId = (prefix: string, length: number) => `${prefix}${op.key.replace(/[^A-Za-z0-9]/g, '').padEnd(length, '0')}`;
      const loanId = who.loanIds.length ? who.loanIds[op.id % who.loanIds.length]! : unknownId('L', 12);
      const orderId = op.kind === 'wealthCancel' ? (who.orderIds.length ? who.orderIds[op.id % who.orderIds.length]! : unknownId('W', 26)) : undefined;
      const path = op.kind === 'loanRepay' ? `/v1/loans/${loanId}/repayments` : op.kind === 'wealthCancel' ? `/v1/wealth-orders/${orderId}/cancel` : PATH[op.kind];
      const request = { method: 'POST' as const, path, key: op.key, body };
      const client = clientFor[op.kind];
      const record: OpRecord = {
        op,
        route: ROUTE[op.kind],
        from,
        ...(target ? { to: { customerId: target.customerId, accountId: target.accountId } } : {}),
        ...(orderId ? { orderId } : {}),
        amount,
        answers: [],
      };
      const bindTo = bound.has(op.id) ? op.key : undefined;
      // A third of the transfers the rules warn about go on unconfirmed: refused 409 RISK_WARNING.
      const confirmed = await confirm(who, path, body, bindTo, { confirmRisk: op.id % 3 !== 0 });
      if ('refusal' in confirmed) return { ...record, authorizationRefused: confirmed.refusal };
      const { confirmation } = confirmed;
      record.nonceIds = confirmation.nonceIds;
      record.nonceBoundToKey = bindTo !== undefined;
      const nonceCase = nonceCaseOf.get(op.id);
      if (nonceCase?.kind === 'mismatch') {
        // The request as it will be sent, with a nonce asked for another amount — or payee, or
        // order — than it carries.
        let otherPath = path;
        let otherBody: Record<string, unknown> = { ...body, [amountField]: typeof amount === 'number' ? amount + 1 : 1 };
        if (nonceCase.change === 'payee' && op.kind === 'transfer' && typeof op.to === 'number') {
          let other = (op.to + 1) % live.length;
          if (other === op.who) other = (other + 1) % live.length;
          otherBody = { ...body, toPhone: live[other]!.spec.phone };
        } else if (nonceCase.change === 'payee' && orderId) {
          otherPath = path.replace(orderId, `${orderId.slice(0, -1)}${orderId.endsWith('Z') ? 'Y' : 'Z'}`);
          otherBody = body;
        }
        const key = nonceCase.sameKey ? op.key : `${op.key}-mm`;
        const other = await authorize(who, otherPath, otherBody, bindTo ? key : undefined);
        const answer = 'refusal' in other ? other.refusal : await sendAs(client, who, { ...request, key, body: { ...body, secondFactor: factorOf(other.authorization, who.spec.pin) } });
        record.nonceMismatch = { key, change: nonceCase.change, answer, ...('authorization' in other ? { nonceId: other.authorization.challenge } : {}) };
        sf.mismatches.sent++;
        tally(sf.mismatches.answers, answer);
      }
      if (op.delivery === 'concurrent') {
        const sent = { ...request, body: await confirmation.body() };
        record.answers = await Promise.all(Array.from({ length: op.copies }, () => sendAs(client, who, sent)));
      } else {
        record.answers.push(await sendAs(client, who, { ...request, body: await confirmation.body() }));
        if (op.delivery === 'repeat') record.answers.push(await sendAs(client, who, { ...request, body: await confirmation.body() }));
        if (op.delivery === 'reuse' && record.answers[0]!.outcome === 'ok' && typeof amount === 'number') {
          // Another body under the key, confirmed for what it asks: only the key's reuse is wrong.
          const reused = await confirm(who, path, { ...body, [amountField]: amount === 1 ? 2 : amount - 1 }, bindTo);
          record.reuse = 'refusal' in reused ? reused.refusal : await sendAs(client, who, { ...request, body: reused.confirmation.first });
          if (reused.confirmation) record.reuseNonceId = reused.confirmation.nonceIds[0];
        }
      }
      // The nonce that paid, sent again under a new key. (Only while it is the nonce that paid: a
      // nonce renewed for a later send of the same request was never used.)
      if (nonceCase?.kind === 'replay' && record.answers.some((a) => a.outcome === 'ok') && !confirmation.renewed) {
        const key = `${op.key}-nr`;
        const answer = await sendAs(client, who, { ...request, key, body: confirmation.first });
        record.nonceReplay = { key, bound: bindTo !== undefined, answer };
        sf.replays.sent++;
        tally(sf.replays.answers, answer, bindTo ? 'bound to its key: ' : '');
      }
      const done = record.answers.find((answer) => answer.outcome === 'ok');
      if (op.kind === 'loanDraw' && done && !who.loanIds.includes(done.body.loanId)) who.loanIds.push(done.body.loanId);
      if (op.kind === 'wealthBuy' && done && !who.orderIds.includes(done.body.order.orderId)) who.orderIds.push(done.body.order.orderId);
      return record;
    };

    // PIN races: a racer's wrong PINs and its right one, all at once (nonces asked first), then
    // the right PIN once more. Each guess is a top-up of its own key, checked by the final check
    // like any request; what the answers and the lock must be, by raceViolations.
    const raceRecords: OpRecord[] = [];
    const raceRuns: (Omit<RaceOutcome, 'customer' | 'now'> & { customerId: string })[] = [];
    const seed36 = options.seed.toString(36);
    const raceRecord = (race: PinRace, n: number, key: string, c: LiveCustomer, answer: Answer): OpRecord => ({
      op: { id: plan.totalOps + race.index * 100 + n, kind: 'topUp', who: plan.customers.length + race.racer, key, amountClass: 'valid', amount: race.amountFen, delivery: 'once', copies: 1 },
      route: 'topUp',
      from: { customerId: c.customerId, accountId: c.accountId },
      amount: race.amountFen,
      answers: [answer],
    });
    const runRace = async (race: PinRace) => {
      const racer = racers[race.racer]!;
      const wrongPins = race.wrongPins.slice(0, maxAttempts + race.extraWrong);
      const rightAt = race.rightAt % (wrongPins.length + 1);
      const pins = [...wrongPins.slice(0, rightAt), racer.spec.pin, ...wrongPins.slice(rightAt)];
      const body = { amountFen: race.amountFen };
      const guesses: { key: string; sent: Record<string, unknown> | Answer; nonceId?: string }[] = [];
      for (const [n, pin] of pins.entries()) {
        const asked = await authorize(racer, PATH.topUp, body);
        const key = `race${seed36}-${race.index}-${n}`;
        guesses.push('refusal' in asked ? { key, sent: asked.refusal } : { key, sent: { ...body, secondFactor: factorOf(asked.authorization, pin) }, nonceId: asked.authorization.challenge });
      }
      const answers = await Promise.all(
        guesses.map(({ key, sent }) => ('outcome' in sent ? Promise.resolve(sent as Answer) : sendAs(moneyClient, racer, { method: 'POST', path: PATH.topUp, key, body: sent }))),
      );
      answers.forEach((answer, n) => raceRecords.push({ ...raceRecord(race, n, guesses[n]!.key, racer, answer), nonceIds: guesses[n]!.nonceId ? [guesses[n]!.nonceId!] : [] }));
      const probeKey = `race${seed36}-${race.index}-probe`;
      const probeAsked = await authorize(racer, PATH.topUp, body);
      const probe = 'refusal' in probeAsked ? probeAsked.refusal : await sendAs(moneyClient, racer, { method: 'POST', path: PATH.topUp, key: probeKey, body: { ...body, secondFactor: factorOf(probeAsked.authorization, racer.spec.pin) } });
      raceRecords.push({ ...raceRecord(race, 99, probeKey, racer, probe), nonceIds: 'authorization' in probeAsked ? [probeAsked.authorization.challenge] : [] });
      const right = answers[rightAt]!;
      raceRuns.push({ index: race.index, maxAttempts, wrong: answers.filter((_, n) => n !== rightAt), right, probe, customerId: racer.customerId });
      sf.races.run++;
      sf.races.lines.push(`race ${race.index} at op ${started}: ${wrongPins.length} wrong + the right one (at ${rightAt}) → right ${answerLabel(right)}, wrong ${Object.entries(answers.filter((_, n) => n !== rightAt).reduce((t, a) => ({ ...t, [answerLabel(a)]: (t[answerLabel(a)] ?? 0) + 1 }), {} as Record<string, number>)).map(([k, v]) => `${v} × ${k}`).join(', ')}; then the right PIN → ${answerLabel(probe)}`);
    };
    // The account-life scenarios, each started at its planned point like the races.
    const lifecycleRuns: LifecycleOutcome[] = [];
    const lifeCtx = {
      seed36,
      opIdBase: plan.totalOps + 10_000,
      whoBase: plan.customers.length + racers.length,
      people: lifers,
      authorize,
      factorOf,
      clientOptions,
      signIn: async (c: LiveCustomer) => {
        c.token = (await signIn(c.spec.user)).token;
        c.tokenIssuedAt = Date.now();
      },
    };
    const lived = plan.lifecycle.scenarios.map(() => false);
    const living: Promise<void>[] = [];
    const maybeLive = (force = false) => {
      plan.lifecycle.scenarios.forEach((scenario, n) => {
        const dueByTime = Date.now() - t2 > (options.budgetMs * scenario.afterOps) / plan.totalOps;
        if (lived[n] || !(force || started >= scenario.afterOps || dueByTime)) return;
        lived[n] = true;
        // A scenario that stops is a violation, not a rejection left to surface while the run goes on.
        living.push(runLifecycle(lifeCtx, scenario).then(
          (outcome) => void lifecycleRuns.push(outcome),
          (error: unknown) => void violations.push(`${scenario.kind} scenario ${scenario.index} stopped: ${error instanceof Error ? error.stack : String(error)}`),
        ));
      });
    };
    const raced = sfPlan.races.map(() => false);
    const racing: Promise<void>[] = [];
    const maybeRace = (force = false) => {
      sfPlan.races.forEach((race, r) => {
        const dueByTime = Date.now() - t2 > (options.budgetMs * race.afterOps) / plan.totalOps;
        if (raced[r] || !(force || started >= race.afterOps || dueByTime)) return;
        raced[r] = true;
        racing.push(runRace(race));
      });
    };

    // The partner's clients take the open platform's operations in order, each once the plan's
    // clients have started as many operations as it waits for (or the plan is done).
    let next = 0;
    let nextOpen = 0;
    let openRan = 0;
    const partnerClients = Promise.all(
      Array.from({ length: 3 }, async () => {
        while (nextOpen < open.ops.length && Date.now() - t2 <= options.budgetMs) {
          const op = open.ops[nextOpen]!;
          if (started < op.afterOps && next < plan.ops.length) {
            await sleep(50);
            continue;
          }
          nextOpen++;
          await openRun.run(op).then(
            () => void openRan++,
            (error: unknown) => void violations.push(`open-platform operation ${op.id} (${op.kind}) stopped: ${error instanceof Error ? error.stack : String(error)}`),
          );
        }
      }),
    );
    // The clients take the planned operations in order, each as soon as it is free.
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (next < plan.ops.length && Date.now() - t2 <= options.budgetMs) {
          const op = plan.ops[next++]!;
          started++;
          maybeKill();
          maybeRace();
          maybeLive();
          records.push(await execute(op));
        }
      }),
    );
    // Every planned race runs, even when the budget stopped the operations before its turn.
    maybeRace(true);
    maybeLive(true);
    await partnerClients;
    await Promise.all(racing);
    await Promise.all(living);
    await Promise.all(outages);
    const held = await settleHeldTransfers(records);
    violations.push(...held.violations);
    await openRun.finalPasses();
    running = false;
    await checkerLoop;
    const runMs = Date.now() - t2;

    // After the run: one more snapshot, then the whole table.
    const t3 = Date.now();
    violations.push(...snapshotViolations(await snapshot(accountIds), customerAccounts).map((v) => `${v} (after the run)`));
    const scannedAtMs = Date.now();
    const items = await scanTable();
    const balanceItemsBefore = new Set(before.filter((i) => i.type === 'ACCOUNT' || i.type === 'HOUSE').map((i) => String(i.PK)));
    const newBalances = items.filter((i) => (i.type === 'ACCOUNT' || i.type === 'HOUSE') && !balanceItemsBefore.has(String(i.PK)));
    if (newBalances.length) violations.push(`balance items appeared during the run, outside the snapshots: ${newBalances.map((i) => i.PK).join(', ')}`);
    // The API's limits as serverless.yml gives them for the stack's stage (its provider
    // environment wins over the API process's own, so nothing the run sets overrides them).
    const limits = stageParams('local');
    const final = finalCheck({
      items,
      records: [...records, ...openRecords, ...raceRecords, ...lifecycleRuns.flatMap((run) => run.records)],
      noncesBefore,
      nonceExpiresAtMs,
      scannedAtMs,
      opening,
      customerAccounts,
      journalsBefore: new Set(before.filter((i) => i.type === 'JOURNAL').map((i) => String(i.journalId))),
      unkeyed,
      nonMoneyNonces: new Set(lifecycleRuns.flatMap((run) => (run.nonMoneyNonce ? [run.nonMoneyNonce] : []))),
      // From just before the signal: DynamoDB Local acknowledges up to ~3 ms before its write is
      // on its files; 50 ms covers that on a busy machine's clock.
      killWindows: kills.map((k) => ({ fromMs: k.signalAtMs - 50, toMs: k.restartedAtMs })),
      limits: {
        dailyFen: Number(limits.class2NonBoundDailyFen),
        yearlyFen: Number(limits.class2NonBoundYearlyFen),
        fastRedeemDailyFen: Number(limits.wealthFastRedeemDailyFen),
        codePayDailyFen: Number(limits.codePayDailyFen),
        staticCodeDailyFen: Number(limits.staticCodeDailyFen),
      },
      moneyMarketHoldingsBefore: before.filter((i) => i.type === 'WEALTH_HOLDING' && i.productId === BANK_WEALTH.moneyMarket.productId),
      openPlatform: {
        partnerId: openWorld.partner.partner.partnerId,
        merchantIds: openWorld.merchantIds,
        requests: openRun.result.partnerRecords,
        deposits: openWorld.deposits,
        received: openWorld.grocery.events(),
        sales: openWorld.grocery.orders(),
        refused: openWorld.grocery.refusals().length,
      },
    });
    violations.push(...final.violations);
    for (const run of lifecycleRuns) violations.push(...run.violations, ...run.afterScan(items));
    violations.push(...stats.problems.map((p) => `answer broke the API's rules: ${p}`));
    if (killed.some((k) => !k)) violations.push('a planned kill of DynamoDB Local did not happen');
    // Outside the races wrong PINs are never sent, and every request carries a fresh nonce asked
    // for exactly it: a PIN or nonce refusal would be a bug (a retry that found its own nonce
    // used up, a key left taken by a refusal that is not final…).
    for (const r of [...records, ...openRecords]) {
      for (const a of [...r.answers, ...(r.reuse ? [r.reuse] : [])]) if (a.code?.startsWith('PIN_') || a.code?.startsWith('NONCE_')) violations.push(`${r.op.id} ${r.op.kind} key ${r.op.key}: ${a.status} ${a.code} for the right PIN and its own nonce`);
    }
    const now = new Date();
    for (const run of raceRuns) {
      const customer = items.find((i) => i.type === 'CUSTOMER' && i.customerId === run.customerId);
      violations.push(...raceViolations({ ...run, customer, now }));
    }

    const byKind: BankReport['byKind'] = {};
    for (const r of [...records, ...openRecords, ...lifecycleRuns.flatMap((run) => run.records)]) {
      const kind = r.op.kind;
      byKind[kind] ??= {};
      const l = label(r);
      byKind[kind][l] = (byKind[kind][l] ?? 0) + 1;
    }
    const faults: Record<string, number> = { throttle: 0, throttleSurfaced: 0, conflict: 0, lostReply: 0 };
    for (const line of readFileSync(faultsLog, 'utf8').split('\n')) {
      const kind = line.split(' ')[0];
      if (kind) faults[kind] = (faults[kind] ?? 0) + 1;
    }
    faults['duplicate delivery (repeat after the answer)'] = records.filter((r) => r.op.delivery === 'repeat').length;
    faults['concurrent duplicates (requests with 2–3 copies at once)'] = records.filter((r) => r.op.delivery === 'concurrent').length;
    faults['key reused with another body'] = records.filter((r) => r.reuse).length;
    faults['nonce replayed under a new key after its success'] = sf.replays.sent;
    faults['nonce asked for another amount or payee'] = sf.mismatches.sent;
    faults['PIN races (wrong PINs at once with the right one)'] = sf.races.run;
    faults['account-life scenarios (挂失 and lift, card change, 销户) raced by money requests'] = lifecycleRuns.length;
    faults['kill -9 of DynamoDB Local'] = kills.length;
    const report: BankReport = {
      seed: options.seed,
      fingerprint,
      secondFactorFingerprint: sfFingerprint,
      planned: plan.totalOps,
      executed: records.length,
      byKind,
      faults,
      client: { ...stats, ...client },
      snapshots,
      kills,
      secondFactor: { ...sf, expiredAway: final.noncesExpiredAway },
      lifecycle: { planned: plan.lifecycle.scenarios.length, run: lifecycleRuns.length, lines: lifecycleRuns.map((run) => run.line) },
      heldTransfers: heldReport,
      openPlatform: {
        fingerprint: openPlanFingerprint(open),
        planned: open.ops.length,
        run: openRan,
        byKind: openRun.result.tally,
        passes: openRun.result.passes,
        ...(final.openPlatform ? { counts: final.openPlatform } : {}),
        received: openWorld.grocery.events().length,
        redelivered: openWorld.grocery.events().filter((e) => e.timesAcknowledged > 1).length,
      },
      unknown: { applied: final.unknownApplied, notApplied: final.unknownNotApplied, lostInKill: final.lostInKill },
      journals: final.journals,
      violations,
      durationsMs: { startup: startupMs, setup: setupMs, run: runMs, check: Date.now() - t3 },
      dataDir: dir,
    };
    passed = violations.length === 0;
    return report;
  } finally {
    await stopGrocery();
    await stack.stop();
    // Keep the data of a failed run for a post-mortem; a passed run leaves nothing behind.
    if (passed) rmSync(dir, { recursive: true, force: true });
    else options.log(`DynamoDB Local data and the fault log kept in ${dir}`);
  }
}

export function formatReport(r: BankReport): string {
  const lines: string[] = [];
  lines.push(`seed ${r.seed} (plan ${r.fingerprint}, second-factor cases ${r.secondFactorFingerprint}); reproduce: JINLIN_BANK_SEED=${r.seed} npm run test:bank`);
  lines.push(`operations: ${r.executed} executed of ${r.planned} planned; ${r.journals} journals in the ledger`);
  for (const [kind, outcomes] of Object.entries(r.byKind).sort()) {
    const total = Object.values(outcomes).reduce((s, n) => s + n, 0);
    lines.push(`  ${kind.padEnd(12)} ${String(total).padStart(6)}  ${Object.entries(outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o}: ${n}`).join(', ')}`);
  }
  lines.push('faults injected:');
  for (const [kind, n] of Object.entries(r.faults)) lines.push(`  ${kind}: ${n}`);
  lines.push(`HTTP: ${r.client.requests} requests, ${r.client.retries} retries (same key), by status ${JSON.stringify(r.client.byStatus)}; emulator answers ${r.client.emulatorAnswers}; token renewals ${r.client.tokenRenewals}, unexpected 401s ${r.client.unexpected401}`);
  for (const sample of r.client.emulatorSamples) lines.push(`  emulator answer: ${sample}`);
  const sf = r.secondFactor;
  const answers = (t: Record<string, number>) => Object.entries(t).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} × ${k}`).join(', ') || 'none';
  lines.push(`second factor: ${sf.noncesAsked} nonces asked (${sf.noncesRenewed} renewed near expiry; half the operations' bound to their key); nonce replayed under a new key: ${sf.replays.sent} of ${sf.replays.planned} planned (the others rode on operations that did not succeed or did not run) → ${answers(sf.replays.answers)}; nonce for another amount or payee: ${sf.mismatches.sent} of ${sf.mismatches.planned} → ${answers(sf.mismatches.answers)}`);
  for (const line of sf.races.lines) lines.push(`  ${line}`);
  lines.push(`  each success used up exactly its own nonce, no refusal one (${sf.expiredAway ?? 0} successes' nonces had expired and were deleted by TTL before the final scan: not checkable)`);
  lines.push(`account-life scenarios: ${r.lifecycle.run} of ${r.lifecycle.planned}`);
  for (const line of r.lifecycle.lines) lines.push(`  ${line}`);
  for (const line of r.heldTransfers) lines.push(`anti-fraud: ${line}`);
  const op = r.openPlatform;
  lines.push(`open platform (plan ${op.fingerprint}): ${op.run} of ${op.planned} partner operations; ${op.passes.requested} delivery passes asked through the API during the run, ${op.passes.final} after it (the clock moved up to ${op.passes.finalOffsetMs / 3_600_000} h on); the partner's server holds ${op.received} events (${op.redelivered} delivered more than once, applied once)`);
  for (const [kind, outcomes] of Object.entries(op.byKind).sort()) lines.push(`  ${kind}: ${Object.entries(outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o}: ${n}`).join(', ')}`);
  if (op.counts) lines.push(`  table: ${Object.entries(op.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push(`kills: ${r.kills.map((k) => `at op ${k.atOp}, down ${k.outageMs} ms, restart ${k.restartMs} ms`).join('; ') || 'none'}`);
  lines.push(`snapshots (TransactGetItems, total must be 0): ${r.snapshots.taken} read, ${r.snapshots.failedWhileDown} failed while DynamoDB was down, ${r.snapshots.failedWhileUp} failed while it was up`);
  lines.push(`outcome never learnt by the client: ${r.unknown.applied} applied, ${r.unknown.notApplied} not applied (each all-or-nothing); answered as DynamoDB Local was killed -9 and not in its files after the restart: ${r.unknown.lostInKill} (the emulator acknowledges a write ~3 ms before it is durable — checked as all-or-nothing too)`);
  lines.push(`time: startup ${(r.durationsMs.startup / 1000).toFixed(1)} s, setup ${(r.durationsMs.setup / 1000).toFixed(1)} s, run ${(r.durationsMs.run / 1000).toFixed(1)} s, check ${(r.durationsMs.check / 1000).toFixed(1)} s`);
  lines.push(`violations: ${r.violations.length}`);
  for (const v of r.violations.slice(0, 50)) lines.push(`  ✗ ${v}`);
  if (r.violations.length > 50) lines.push(`  … and ${r.violations.length - 50} more`);
  return lines.join('\n');
}
