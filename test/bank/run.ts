// One run of the bank test: DynamoDB Local persisting to a temp dir, the API in serverless
// offline with DynamoDB faults injected (functions/store/faults.ts), the planned customers, then
// concurrent clients through the HTTP API while a checker reads consistent snapshots, DynamoDB
// Local is killed with -9 and restarted from its files, and finally the whole-table check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { serverlessFile } from '../../scripts/lib/serverless-config.js';
import { HOUSE_ACCOUNTS } from '../../functions/domain/ledger.js';
import { custodyAccountOf } from '../../functions/domain/wealth/journals.js';
import { checkLedger, scanTable } from '../support/ledger-check.js';
import { type Answer, type ClientOptions, type ClientStats, newStats, type Request, send } from './client.js';
import { finalCheck, type OpRecord, snapshot, snapshotViolations } from './checker.js';
import { BANK_WEALTH, type BankPlan, makePlan, type PlannedOp, type PlanSize, planFingerprint } from './plan.js';
import { BANK_LOAN_PRODUCT, disclosureVersions, type LiveCustomer, prepareCustomers, signIn } from './setup.js';

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
  planned: number;
  executed: number;
  byKind: Record<string, Record<string, number>>;
  faults: Record<string, number>;
  client: ClientStats & { unexpected401: number; tokenRenewals: number };
  snapshots: { taken: number; failedWhileUp: number; failedWhileDown: number };
  kills: { atOp: number; outageMs: number; restartMs: number }[];
  unknown: { applied: number; notApplied: number };
  journals: number;
  violations: string[];
  durationsMs: { startup: number; setup: number; run: number; check: number };
  dataDir: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
} as const;
/** The house accounts the operations touch; with the customers they are the snapshot (≤ 100 items). */
const HOUSE_IN_PLAY: string[] = [
  HOUSE_ACCOUNTS.CARD_SETTLEMENT,
  HOUSE_ACCOUNTS.LOAN_FUNDING,
  HOUSE_ACCOUNTS.INTEREST_INCOME,
  HOUSE_ACCOUNTS.BILL_CLEARING,
  HOUSE_ACCOUNTS.BILLER_SETTLEMENT,
  // The set-up's day closes pay money-market income from the issuers' yield account.
  HOUSE_ACCOUNTS.WEALTH_YIELD,
  ...Object.values(BANK_WEALTH).map((product) => custodyAccountOf(product.productId)),
];
/** Shards per house account in the bank test. Deployed there are 16; 9 house accounts × 16 and
 *  the customers would not fit one TransactGetItems (≤ 100 items), and a snapshot that is not one
 *  read proves nothing. Sharding itself is the same code with any count. */
export const BANK_HOUSE_SHARDS = 4;

const isMovement = (body: any) => typeof body?.journalId === 'string' && typeof body?.status === 'string' && Number.isSafeInteger(body?.balanceFen);
const isAccount = (body: any) => typeof body?.accountId === 'string' && Number.isSafeInteger(body?.balanceFen);
const isLoan = (body: any) => typeof body?.loanId === 'string' && typeof body?.drawdownJournalId === 'string';
const isRepayment = (body: any) => typeof body?.journalId === 'string' && Number.isSafeInteger(body?.paidFen);
const isBillPayment = (body: any) => typeof body?.paymentId === 'string' && typeof body?.status === 'string' && isMovement(body);
const isBillView = (body: any) => typeof body?.biller?.billerId === 'string' && body?.bill !== undefined;
const isWealthOrder = (body: any) => typeof body?.journalId === 'string' && typeof body?.order?.orderId === 'string' && Number.isSafeInteger(body?.balanceFen);
const isWealthRedemption = (body: any) => typeof body?.capExceeded === 'boolean' && Number.isSafeInteger(body?.balanceFen);

function label(record: OpRecord): string {
  const answer = record.answers.find((a) => a.outcome !== 'unknown') ?? record.answers[0];
  if (!answer || answer.outcome === 'unknown') return 'unknown';
  if (answer.outcome === 'ok') return { read: 'ok', loanDraw: 'DRAWN', loanRepay: 'REPAID', wealthBuy: 'BOUGHT', wealthCancel: 'REFUNDED', wealthRedeem: 'REDEEMED' }[record.op.kind as string] ?? String(answer.body.status);
  return `${answer.status} ${answer.code}`;
}

export async function runBank(options: BankOptions): Promise<BankReport> {
  const t0 = Date.now();
  const plan: BankPlan = makePlan(options.seed, options);
  const fingerprint = planFingerprint(plan);
  options.log(`bank test: seed ${options.seed} (plan ${fingerprint}): ${plan.totalOps} operations, ${options.clients} clients, ${options.customers} customers, ${options.kills} kill(s), faults ${options.faults}`);
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
    // Handlers in the offline process itself rather than one worker thread per concurrent
    // request: half the CPU per request, which two cores need. --localEnvironment hands the
    // functions this environment (HOUSE_SHARDS is not in serverless.yml).
    offlineArgs: ['--useInProcess', '--localEnvironment'],
  });
  const startupMs = Date.now() - t0;
  let passed = false;
  try {
    const t1 = Date.now();
    const live = await prepareCustomers(plan.customers, options.seed);
    const disclosures = await disclosureVersions(live[0]!.token);
    // The balance items: every account and house shard. The set is fixed from here on.
    const before = await scanTable();
    const accountIds = before
      .filter((i) => i.type === 'ACCOUNT' || (i.type === 'HOUSE' && HOUSE_IN_PLAY.some((house) => String(i.PK).startsWith(`ACCT#${house}~`))))
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
          await stack.killDynamo();
          options.log(`kill -9 DynamoDB Local at operation ${atOp}; down for ${kill.outageMs} ms`);
          await sleep(kill.outageMs);
          const restartAt = Date.now();
          await stack.restartDynamo();
          dbDown = false;
          kills.push({ atOp, outageMs: kill.outageMs, restartMs: Date.now() - restartAt });
          options.log(`DynamoDB Local restarted from its files in ${Date.now() - restartAt} ms`);
        })());
      });
    };

    const execute = async (op: PlannedOp): Promise<OpRecord> => {
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
      const body: Record<string, unknown> = {
        ...(amount !== undefined ? { [amountField]: amount } : {}),
        pin: who.spec.pin,
        ...(op.kind === 'transfer' ? { toPhone, ...(op.memo ? { memo: op.memo } : {}) } : {}),
        ...(op.kind === 'loanDraw' ? { productId: BANK_LOAN_PRODUCT, ...op.loanTerms } : {}),
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
      if (op.delivery === 'concurrent') {
        record.answers = await Promise.all(Array.from({ length: op.copies }, () => sendAs(client, who, request)));
      } else {
        record.answers.push(await sendAs(client, who, request));
        if (op.delivery === 'repeat') record.answers.push(await sendAs(client, who, request));
        if (op.delivery === 'reuse' && record.answers[0]!.outcome === 'ok' && typeof amount === 'number') {
          record.reuse = await sendAs(client, who, { ...request, body: { ...body, [amountField]: amount === 1 ? 2 : amount - 1 } });
        }
      }
      const done = record.answers.find((answer) => answer.outcome === 'ok');
      if (op.kind === 'loanDraw' && done && !who.loanIds.includes(done.body.loanId)) who.loanIds.push(done.body.loanId);
      if (op.kind === 'wealthBuy' && done && !who.orderIds.includes(done.body.order.orderId)) who.orderIds.push(done.body.order.orderId);
      return record;
    };

    // The clients take the planned operations in order, each as soon as it is free.
    let next = 0;
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (next < plan.ops.length && Date.now() - t2 <= options.budgetMs) {
          const op = plan.ops[next++]!;
          started++;
          maybeKill();
          records.push(await execute(op));
        }
      }),
    );
    await Promise.all(outages);
    running = false;
    await checkerLoop;
    const runMs = Date.now() - t2;

    // After the run: one more snapshot, then the whole table.
    const t3 = Date.now();
    violations.push(...snapshotViolations(await snapshot(accountIds), customerAccounts).map((v) => `${v} (after the run)`));
    const items = await scanTable();
    const balanceItemsBefore = new Set(before.filter((i) => i.type === 'ACCOUNT' || i.type === 'HOUSE').map((i) => String(i.PK)));
    const newBalances = items.filter((i) => (i.type === 'ACCOUNT' || i.type === 'HOUSE') && !balanceItemsBefore.has(String(i.PK)));
    if (newBalances.length) violations.push(`balance items appeared during the run, outside the snapshots: ${newBalances.map((i) => i.PK).join(', ')}`);
    const limits = serverlessFile().params.default as Record<string, unknown>;
    const final = finalCheck({
      items,
      records,
      opening,
      customerAccounts,
      journalsBefore: new Set(before.filter((i) => i.type === 'JOURNAL').map((i) => String(i.journalId))),
      unkeyed,
      limits: {
        dailyFen: Number(limits.class2NonBoundDailyFen),
        yearlyFen: Number(limits.class2NonBoundYearlyFen),
        fastRedeemDailyFen: Number(limits.wealthFastRedeemDailyFen),
      },
      moneyMarketHoldingsBefore: before.filter((i) => i.type === 'WEALTH_HOLDING' && i.productId === BANK_WEALTH.moneyMarket.productId),
    });
    violations.push(...final.violations);
    violations.push(...stats.problems.map((p) => `answer broke the API's rules: ${p}`));
    if (killed.some((k) => !k)) violations.push('a planned kill of DynamoDB Local did not happen');
    // Wrong PINs are never sent: a PIN refusal would be a bug.
    for (const r of records) {
      for (const a of r.answers) if (a.code?.startsWith('PIN_')) violations.push(`${r.op.id}: ${a.status} ${a.code} for the right PIN`);
    }

    const byKind: BankReport['byKind'] = {};
    for (const r of records) {
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
    faults['kill -9 of DynamoDB Local'] = kills.length;
    const report: BankReport = {
      seed: options.seed,
      fingerprint,
      planned: plan.totalOps,
      executed: records.length,
      byKind,
      faults,
      client: { ...stats, ...client },
      snapshots,
      kills,
      unknown: { applied: final.unknownApplied, notApplied: final.unknownNotApplied },
      journals: final.journals,
      violations,
      durationsMs: { startup: startupMs, setup: setupMs, run: runMs, check: Date.now() - t3 },
      dataDir: dir,
    };
    passed = violations.length === 0;
    return report;
  } finally {
    await stack.stop();
    // Keep the data of a failed run for a post-mortem; a passed run leaves nothing behind.
    if (passed) rmSync(dir, { recursive: true, force: true });
    else options.log(`DynamoDB Local data and the fault log kept in ${dir}`);
  }
}

export function formatReport(r: BankReport): string {
  const lines: string[] = [];
  lines.push(`seed ${r.seed} (plan ${r.fingerprint}); reproduce: JINLIN_BANK_SEED=${r.seed} npm run test:bank`);
  lines.push(`operations: ${r.executed} executed of ${r.planned} planned; ${r.journals} journals in the ledger`);
  for (const [kind, outcomes] of Object.entries(r.byKind).sort()) {
    const total = Object.values(outcomes).reduce((s, n) => s + n, 0);
    lines.push(`  ${kind.padEnd(12)} ${String(total).padStart(6)}  ${Object.entries(outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o}: ${n}`).join(', ')}`);
  }
  lines.push('faults injected:');
  for (const [kind, n] of Object.entries(r.faults)) lines.push(`  ${kind}: ${n}`);
  lines.push(`HTTP: ${r.client.requests} requests, ${r.client.retries} retries (same key), by status ${JSON.stringify(r.client.byStatus)}; emulator answers ${r.client.emulatorAnswers}; token renewals ${r.client.tokenRenewals}, unexpected 401s ${r.client.unexpected401}`);
  for (const sample of r.client.emulatorSamples) lines.push(`  emulator answer: ${sample}`);
  lines.push(`kills: ${r.kills.map((k) => `at op ${k.atOp}, down ${k.outageMs} ms, restart ${k.restartMs} ms`).join('; ') || 'none'}`);
  lines.push(`snapshots (TransactGetItems, total must be 0): ${r.snapshots.taken} read, ${r.snapshots.failedWhileDown} failed while DynamoDB was down, ${r.snapshots.failedWhileUp} failed while it was up`);
  lines.push(`outcome never learnt by the client: ${r.unknown.applied} applied, ${r.unknown.notApplied} not applied (each all-or-nothing)`);
  lines.push(`time: startup ${(r.durationsMs.startup / 1000).toFixed(1)} s, setup ${(r.durationsMs.setup / 1000).toFixed(1)} s, run ${(r.durationsMs.run / 1000).toFixed(1)} s, check ${(r.durationsMs.check / 1000).toFixed(1)} s`);
  lines.push(`violations: ${r.violations.length}`);
  for (const v of r.violations.slice(0, 50)) lines.push(`  ✗ ${v}`);
  if (r.violations.length > 50) lines.push(`  … and ${r.violations.length - 50} more`);
  return lines.join('\n');
}
