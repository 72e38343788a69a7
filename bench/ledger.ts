// Items 1 and 2 — the ledger path against the raw engine, and the hot house account.
//
// One DynamoDB Local (in memory) with the table from serverless.yml, and two serverless-offline
// APIs on it that differ only in HOUSE_SHARDS (16 = as deployed, 1 = every top-up credits one
// house item). Customers are built through the API like the mini-program builds them. The raw
// baseline sends, from one client in this process, the same TransactWriteItems the ledger sends
// (functions/store/ledger.ts), to the same DynamoDB Local.
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { GetItemCommand, ScanCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { resetConfigForTests } from '../functions/config.js';
import { luhnCheckDigit } from '../functions/domain/card.js';
import { HOUSE_ACCOUNTS, type Journal, topUpJournal, transferJournal } from '../functions/domain/ledger.js';
import { class2Charges, type LimitCharge } from '../functions/domain/limits.js';
import { businessDate } from '../functions/domain/time.js';
import { handler as accountHandler } from '../functions/http/account.js';
import { handler as billsHandler } from '../functions/http/bills.js';
import { resetSecretsForTests } from '../functions/secrets.js';
import { db } from '../functions/store/client.js';
import { keys } from '../functions/store/keys.js';
import { houseShard, journalTransaction } from '../functions/store/ledger.js';
import { checkPin } from '../functions/store/pin-hash.js';
import { ensureTable, localClient, startDynamoLocal } from '../scripts/lib/dynamo-local.js';
import { freePort } from '../scripts/lib/ports.js';
import { type Service, startService, waitForHttp } from '../scripts/lib/processes.js';
import { seedDemo } from '../scripts/lib/seed.js';
import { localSecretsEnv, repoRoot } from '../scripts/lib/serverless-config.js';
import { onCleanup } from './lib/cleanup.js';
import { serviceSnapshot } from './lib/snapshot.js';
import { onboard } from '../test/support/customers.js';
import { type ProbedCall, itemBytes, probeClient, roundTrips } from './lib/dynamo-probe.js';
import { expectOk, request } from './lib/http.js';
import { closedLoop, type LoadResult } from './lib/load.js';
import { median } from './lib/stats.js';

export const LEDGER_TARGET_RATIO = 0.7;
export const HOT_TARGET_RATIO = 0.8;

const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const HOT_CONCURRENCY = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const MAX_REQUESTS_PER_RUN = 20_000;
const PAIRS = Math.max(...CONCURRENCIES, HOT_CONCURRENCY);
const PIN = '135790';
const TOP_UP_FEN = 100;
const TRANSFER_FEN = 1;
/** Bill payments: a phone top-up (a RANGE biller, so no bill can be paid twice and every payment
 *  goes through), its smallest amount. */
const BILL_FEN = 1_000;
const BILLER_ID = 'js-mobile';
export const BENCH_TABLE = 'jinlin-bench';
const DEPLOYED_HOUSE_SHARDS = 16;
/** Diagnostic only: the stored PIN hash's scrypt cost, lowered on the bench's throwaway
 *  customers to show what the rest of the path costs. The code and its N=2^15 are unchanged. */
const LITE_PIN_N = 2 ** 10;

export type Operation = 'top-up' | 'transfer' | 'bill payment';
const OPERATIONS: Operation[] = ['top-up', 'transfer', 'bill payment'];

export interface PairRun {
  operation: Operation;
  concurrency: number;
  raw: LoadResult;
  api: LoadResult;
  ratio: number;
}

export interface HotRun {
  variant: 'designed PIN' | 'lite PIN (diagnostic)' | 'raw engine';
  concurrency: number;
  spread: LoadResult;
  hot: LoadResult;
  ratio: number;
}

export interface Profile {
  operation: Operation;
  samples: number;
  totalMs: number;
  dynamoMs: number;
  dynamoCalls: Record<string, number>;
  /** Handler time with the designed hash minus the same request with a cheap one. */
  pinMs: number;
  /** `checkPin` alone on the designed hash, one core. */
  pinAloneMs: number;
  /** Handler time besides scrypt and DynamoDB (from the cheap-hash twin). */
  otherMs: number;
  /** The same request through HTTP and serverless offline, sent right after each in-process one. */
  httpMs: number;
  transactItems: { kind: string; what: string; bytes: number; wcu: number }[];
  rawTransactItems: number;
  standardWrites: { operation: string; bytes: number; wcu: number }[];
  consistentReads: number;
  /** The last request's DynamoDB calls in order, e.g. "GetItem CUST#…/PROFILE". */
  callSequence: string[];
  /** How many of those were sequential round trips (reads sent at once count once). */
  roundTrips: number;
}

export interface LedgerResults {
  runs: PairRun[];
  liteRuns: PairRun[];
  hot: HotRun[];
  profiles: Profile[];
  pinHashMsSerial: number;
  httpOverheadMs: Partial<Record<Operation, number>>;
  invariants: { ok: boolean; detail: string };
  setupSeconds: number;
  customers: number;
}

interface Customer {
  index: number;
  token: string;
  customerId: string;
  phone: string;
  accountId: string;
}

// ---- the stack ------------------------------------------------------------------------------

export function useTableInThisProcess(endpoint: string): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: BENCH_TABLE,
    DYNAMODB_ENDPOINT: endpoint,
    WECHAT_MODE: 'simulator',
    CARD_GATEWAY_MODE: 'simulator',
    LOG_LEVEL: 'CRITICAL',
    HOUSE_SHARDS: String(DEPLOYED_HOUSE_SHARDS),
    ...localSecretsEnv(),
  });
  delete process.env.JINLIN_FAULTS;
  resetConfigForTests();
  resetSecretsForTests();
}

/** The API as `npm start` runs it, from the run's private copy of the service with a longer
 *  Lambda timeout (see lib/snapshot.ts), plus `--noTimeout` and `--localEnvironment`, so that
 *  HOUSE_SHARDS from this process reaches the functions. */
async function startApi(name: string, dynamoEndpoint: string, houseShards: number): Promise<{ url: string; service: Service }> {
  const httpPort = await freePort();
  const lambdaPort = await freePort();
  const service = startService(
    name,
    process.execPath,
    [
      `${repoRoot}/node_modules/serverless/bin/serverless.js`,
      'offline',
      'start',
      '--stage',
      'local',
      '--httpPort',
      String(httpPort),
      '--lambdaPort',
      String(lambdaPort),
      '--noTimeout',
      '--localEnvironment',
    ],
    {
      cwd: serviceSnapshot('offline'),
      env: {
        JINLIN_DYNAMODB_ENDPOINT: dynamoEndpoint,
        JINLIN_TABLE_NAME: BENCH_TABLE,
        JINLIN_FAULTS: '',
        HOUSE_SHARDS: String(houseShards),
        SLS_TELEMETRY_DISABLED: '1',
      },
      quiet: process.env.BENCH_VERBOSE !== '1',
    },
  );
  onCleanup(`serverless offline (${name})`, () => service.stop());
  const url = `http://127.0.0.1:${httpPort}`;
  await waitForHttp(`${url}/v1/health`, 180_000, service.child);
  return { url, service };
}

// ---- customers ----------------------------------------------------------------------------

const DECLINING_ENDINGS = ['0051', '0052', '0053'];

/** A Luhn-valid card the simulator never declines (it declines by the last four digits). */
function cardFor(index: number): string {
  for (let n = index * 10; ; n++) {
    const body = `622202${String(n).padStart(12, '0')}`;
    const card = body + luhnCheckDigit(body);
    if (!DECLINING_ENDINGS.some((ending) => card.endsWith(ending))) return card;
  }
}

/** Built through the API's handlers, step by step as the mini-program does (sign-in → phone →
 *  real name → PIN → account), with the test suite's helpers: in this process, which is quicker
 *  than through offline. Their access tokens are good for offline too (same local JWT key). */
async function onboardCustomer(index: number): Promise<Customer> {
  const who = await onboard({ pin: PIN, card: cardFor(index) });
  return { index, token: who.token, customerId: who.customerId, phone: who.phone, accountId: who.accountId };
}

async function inBatches<T>(count: number, width: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}

// ---- the raw baseline: the ledger's own TransactWriteItems (store/ledger.ts), sent directly -----

function rawTopUp(journalId: string, customer: Customer, shards: number): Journal {
  return topUpJournal({
    journalId,
    customerAccountId: customer.accountId,
    cardMasked: '中国工商银行 1234',
    houseShardAccountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, shards),
    amountFen: TOP_UP_FEN,
    createdAt: new Date().toISOString(),
  });
}

function rawTransfer(journalId: string, from: Customer, to: Customer): { journal: Journal; charges: LimitCharge[] } {
  const now = new Date();
  const today = businessDate(now);
  const limits = { nonBoundDailyFen: 1_000_000, nonBoundYearlyFen: 20_000_000, maxSingleAmountFen: 50_000_000 };
  return {
    journal: transferJournal({
      journalId,
      from: { accountId: from.accountId, displayName: '王*' },
      to: { accountId: to.accountId, displayName: '王*' },
      amountFen: TRANSFER_FEN,
      memo: undefined,
      createdAt: now.toISOString(),
    }),
    charges: [
      ...class2Charges(from.accountId, 'OUT', today, TRANSFER_FEN, limits),
      ...class2Charges(to.accountId, 'IN', today, TRANSFER_FEN, limits),
    ],
  };
}

/** A mobile number to top up per worker; it ends in 1, which the biller simulator answers with
 *  a bill (5–9 are its failure cases). */
const billAccountFor = (index: number) => `13800${String(index).padStart(5, '0')}1`;

/** The transactions one bill payment sent (hold, then settlement), captured from the real
 *  handler, and what in them names the payment and its payer: replayed with fresh ids and
 *  another worker's customer and account, they are exactly the writes the API makes for a payment. */
interface BillTemplate {
  json: string;
  holdSuffix: string;
  otherJournalIds: string[];
  customerId: string;
  accountId: string;
}

function billTemplate(calls: ProbedCall[], payer: Customer): BillTemplate {
  const transactions = calls.filter((call) => call.transactInput).map((call) => call.transactInput!);
  if (transactions.length !== 2) throw new Error(`a bill payment sent ${transactions.length} ledger transactions (expected hold + settlement)`);
  const json = JSON.stringify(transactions);
  // Binary attributes would not survive JSON; the ledger writes none.
  if (json.includes('"B":')) throw new Error('bill payment transaction holds a binary attribute');
  const journalIds = transactions.map((items) => {
    const journal = (items as { Put?: { Item: Record<string, AttributeValue> } }[]).find((item) => item.Put?.Item.type?.S === 'JOURNAL');
    if (!journal) throw new Error('a bill payment transaction without its journal');
    return journal.Put!.Item.journalId!.S!;
  });
  return { json, holdSuffix: journalIds[0]!.slice(1), otherJournalIds: journalIds.slice(1), customerId: payer.customerId, accountId: payer.accountId };
}

/** The template's transactions for `payer`, with ids no payment has used. */
function replayBill(template: BillTemplate, payer: Customer, freshSuffix: () => string): unknown[][] {
  const fresh = (length: number) => freshSuffix().padEnd(length, '0').slice(0, length);
  let json = template.json.replaceAll(template.holdSuffix, fresh(template.holdSuffix.length));
  for (const id of template.otherJournalIds) json = json.replaceAll(id, `J${fresh(id.length - 1)}`);
  json = json.replaceAll(template.customerId, payer.customerId).replaceAll(template.accountId, payer.accountId);
  return JSON.parse(json) as unknown[][];
}

// ---- in-process calls for the profile ------------------------------------------------------

async function invoke(path: string, token: string, body: unknown, idempotencyKey: string): Promise<{ status: number; body: any }> {
  const handler = path.startsWith('/v1/bill-') ? billsHandler : accountHandler;
  const event = {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey },
    requestContext: {
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: idempotencyKey,
      routeKey: `POST ${path}`,
      stage: '$default',
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const deadline = Date.now() + 60_000;
  const context = { functionName: 'bench', awsRequestId: idempotencyKey, getRemainingTimeInMillis: () => deadline - Date.now() } as unknown as Context;
  const result = (await handler(event, context)) as { statusCode: number; body?: string };
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined };
}

/** "CUST#…/PROFILE": the key's kind without the ids. */
function describeKey(key: Record<string, string | undefined> | undefined): string {
  if (!key) return '';
  return `${String(key.PK).split('#')[0]}#…/${String(key.SK).split('#')[0]}`;
}

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** Same format as functions/store/pin-hash.ts#hashPin, with a lower N (diagnostic only). */
async function litePinHash(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(pin, salt, 32, { N: LITE_PIN_N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${LITE_PIN_N}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

// ---- the benchmark ---------------------------------------------------------------------------

export async function runLedgerBenchmarks(log: (line: string) => void): Promise<LedgerResults> {
  const setupStarted = performance.now();
  const tag = Date.now().toString(36);
  log('DynamoDB Local (in memory), table from serverless.yml, demo seed …');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  onCleanup('DynamoDB Local', () => dynamo.stop());
  await ensureTable(dynamo.endpoint, BENCH_TABLE);
  useTableInThisProcess(dynamo.endpoint);
  await seedDemo();

  log(`serverless offline ×2 (HOUSE_SHARDS=${DEPLOYED_HOUSE_SHARDS} and HOUSE_SHARDS=1) …`);
  // One after the other: both bundle into the same .esbuild folder.
  const spreadApi = await startApi('api-16-shards', dynamo.endpoint, DEPLOYED_HOUSE_SHARDS);
  const hotApi = await startApi('api-1-shard', dynamo.endpoint, 1);

  log(`${PAIRS * 2} customers through the handlers (sign-in → phone → real name → PIN → account) …`);
  const everyone = await inBatches(PAIRS * 2, 4, (i) => onboardCustomer(i));
  const senders = everyone.slice(0, PAIRS);
  const receivers = everyone.slice(PAIRS);
  await inBatches(PAIRS, 4, async (i) => {
    const funded = await invoke('/v1/account/top-up', senders[i]!.token, { amountFen: 1_000_000, pin: PIN }, `fund-${tag}-${i}`);
    if (funded.status !== 200) throw new Error(`funding top-up: ${funded.status} ${JSON.stringify(funded.body)}`);
  });
  // One bill payment through the real handler, its transactions captured for the raw baseline.
  const probe = probeClient(db().doc);
  const captured = await invoke('/v1/bill-payments', senders[0]!.token, { billerId: BILLER_ID, accountNumber: billAccountFor(0), amountFen: BILL_FEN, pin: PIN }, `bill-${tag}`);
  if (captured.status !== 200 || captured.body?.status !== 'SETTLED') throw new Error(`bill payment for the template: ${captured.status} ${JSON.stringify(captured.body)}`);
  const bills = billTemplate(probe.calls, senders[0]!);
  probe.reset();
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const rawLow = localClient(dynamo.endpoint);
  const rawClient = DynamoDBDocumentClient.from(rawLow, { marshallOptions: { removeUndefinedValues: true } });
  onCleanup('raw DynamoDB client', () => rawClient.destroy());
  let sequence = 0;
  const key = (kind: string) => `${kind}${tag}${(sequence++).toString(36)}`;

  const apiOp = (url: string, operation: Operation) => async (worker: number) => {
    const from = senders[worker]!;
    if (operation === 'top-up') {
      await expectOk(request(url, 'POST', '/v1/account/top-up', { token: from.token, idempotencyKey: key('t'), body: { amountFen: TOP_UP_FEN, pin: PIN } }), 'top-up');
    } else if (operation === 'bill payment') {
      await expectOk(
        request(url, 'POST', '/v1/bill-payments', { token: from.token, idempotencyKey: key('b'), body: { billerId: BILLER_ID, accountNumber: billAccountFor(from.index), amountFen: BILL_FEN, pin: PIN } }),
        'bill payment',
      );
    } else {
      await expectOk(
        request(url, 'POST', '/v1/account/transfer', { token: from.token, idempotencyKey: key('x'), body: { toPhone: receivers[worker]!.phone, amountFen: TRANSFER_FEN, pin: PIN } }),
        'transfer',
      );
    }
  };
  const rawOp = (operation: Operation, shards = DEPLOYED_HOUSE_SHARDS) => async (worker: number) => {
    if (operation === 'bill payment') {
      // Hold, then settlement, one after the other as the API sends them.
      for (const items of replayBill(bills, senders[worker]!, () => key('r'))) {
        await rawLow.send(new TransactWriteItemsCommand({ TransactItems: items as never }));
      }
      return;
    }
    const journalId = `JRAW${key('r')}`;
    const items =
      operation === 'top-up'
        ? journalTransaction(rawTopUp(journalId, senders[worker]!, shards)).items
        : (() => {
            const { journal, charges } = rawTransfer(journalId, senders[worker]!, receivers[worker]!);
            return journalTransaction(journal, { limitCharges: charges }).items;
          })();
    await rawClient.send(new TransactWriteCommand({ TransactItems: items }));
  };
  let seconds = SECONDS;
  const load = (concurrency: number, op: (worker: number) => Promise<void>, warmup: number) =>
    closedLoop({ concurrency, warmupRequests: warmup, durationMs: seconds * 1000, maxRequests: MAX_REQUESTS_PER_RUN, op });

  const pairRuns = async (label: string): Promise<PairRun[]> => {
    const runs: PairRun[] = [];
    for (const operation of OPERATIONS) {
      for (const concurrency of CONCURRENCIES) {
        log(`${label}: ${operation} at concurrency ${concurrency}: raw TransactWriteItems, then the API …`);
        const raw = await load(concurrency, rawOp(operation), concurrency);
        const api = await load(concurrency, apiOp(spreadApi.url, operation), concurrency);
        runs.push({ operation, concurrency, raw, api, ratio: api.throughput / raw.throughput });
      }
    }
    return runs;
  };

  const hotRuns = async (variant: HotRun['variant'], rounds: number): Promise<HotRun> => {
    const spread: LoadResult[] = [];
    const hot: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate which side goes first, so that a drifting load hits both alike.
      const order = round % 2 === 0 ? (['spread', 'hot'] as const) : (['hot', 'spread'] as const);
      log(`hot house account (${variant}), round ${round + 1}/${rounds}: ${order.map((o) => (o === 'spread' ? `${DEPLOYED_HOUSE_SHARDS} shards` : '1 shard')).join(', then ')}, concurrency ${HOT_CONCURRENCY} …`);
      for (const side of order) {
        const shards = side === 'spread' ? DEPLOYED_HOUSE_SHARDS : 1;
        const op = variant === 'raw engine' ? rawOp('top-up', shards) : apiOp(side === 'spread' ? spreadApi.url : hotApi.url, 'top-up');
        // Workers and connections are warm after the first round.
        (side === 'spread' ? spread : hot).push(await load(HOT_CONCURRENCY, op, round === 0 ? HOT_CONCURRENCY : 0));
      }
    }
    const merge = (results: LoadResult[]): LoadResult => ({
      concurrency: HOT_CONCURRENCY,
      completed: results.reduce((s, r) => s + r.completed, 0),
      errors: results.reduce((s, r) => s + r.errors, 0),
      errorSamples: results.flatMap((r) => r.errorSamples).slice(0, 5),
      elapsedMs: results.reduce((s, r) => s + r.elapsedMs, 0),
      throughput: results.reduce((s, r) => s + r.completed, 0) / (results.reduce((s, r) => s + r.elapsedMs, 0) / 1000),
      p50: median(results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99)),
    });
    const s = merge(spread);
    const h = merge(hot);
    return { variant, concurrency: HOT_CONCURRENCY, spread: s, hot: h, ratio: h.throughput / s.throughput };
  };

  // Item 1, with the PIN as designed.
  const runs = await pairRuns('ledger vs engine');
  // Item 2, with the PIN as designed, alternating so that a noisy moment hits both sides.
  const hot: HotRun[] = [await hotRuns('designed PIN', 2)];

  // Where a money POST's time goes: the real handler in this process, its DynamoDB calls
  // watched, against the same table.
  log('profile: in-process handler with its DynamoDB calls watched …');
  const profiles: Profile[] = [];
  const low = localClient(dynamo.endpoint);
  onCleanup('probe client', () => low.destroy());
  const storedHash = (await low.send(new GetItemCommand({ TableName: BENCH_TABLE, Key: { PK: { S: `CUST#${senders[0]!.customerId}` }, SK: { S: 'PROFILE' } } }))).Item!.pinHash!.S!;
  if (!(await checkPin(senders[0]!.customerId, PIN, storedHash)).matches) throw new Error('bench PIN does not match its stored hash');
  // A twin of the senders whose stored PIN hash is cheap (N=2^10, diagnostic only): the same
  // request from both, one right after the other, isolates what scrypt costs inside the handler.
  const twin = receivers[receivers.length - 1]!;
  const twinPayee = receivers[receivers.length - 2]!;
  await db().doc.send(
    new UpdateCommand({ TableName: BENCH_TABLE, Key: keys.customer(twin.customerId), UpdateExpression: 'SET pinHash = :h', ExpressionAttributeValues: { ':h': await litePinHash(PIN) } }),
  );
  const twinFunded = await invoke('/v1/account/top-up', twin.token, { amountFen: 1_000_000, pin: PIN }, key('f'));
  if (twinFunded.status !== 200) throw new Error(`funding the twin: ${twinFunded.status} ${JSON.stringify(twinFunded.body)}`);
  for (const operation of OPERATIONS) {
    const totals: number[] = [];
    const pins: number[] = [];
    const scryptInHandler: number[] = [];
    const rests: number[] = [];
    const overHttp: number[] = [];
    const dynamoTimes: number[] = [];
    let lastCalls: ProbedCall[] = [];
    const counts: Record<string, number[]> = {};
    const samples = 12;
    for (let i = 0; i < samples; i++) {
      probe.reset();
      const from = senders[i % senders.length]!;
      const request = (who: Customer, to: Customer) =>
        operation === 'top-up'
          ? invoke('/v1/account/top-up', who.token, { amountFen: TOP_UP_FEN, pin: PIN }, key('p'))
          : operation === 'bill payment'
            ? invoke('/v1/bill-payments', who.token, { billerId: BILLER_ID, accountNumber: billAccountFor(who.index), amountFen: BILL_FEN, pin: PIN }, key('p'))
            : invoke('/v1/account/transfer', who.token, { toPhone: to.phone, amountFen: TRANSFER_FEN, pin: PIN }, key('p'));
      // The PIN check on its own, right before the request that contains one.
      const pinStarted = performance.now();
      await checkPin(senders[0]!.customerId, PIN, storedHash);
      pins.push(performance.now() - pinStarted);
      probe.reset();
      const started = performance.now();
      const answer = await request(from, receivers[i % receivers.length]!);
      totals.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`in-process ${operation}: ${answer.status} ${JSON.stringify(answer.body)}`);
      // The probe sees the bank's client only: the simulated biller keeps its memory through a
      // client of its own (an outside system's time, counted in the rest like the card gateway's).
      const handlerCalls = [...probe.calls];
      dynamoTimes.push(handlerCalls.reduce((sum, call) => sum + call.ms, 0));
      // The twin: the same request with a cheap hash.
      probe.reset();
      const twinStarted = performance.now();
      const twinAnswer = await request(twin, twinPayee);
      const twinMs = performance.now() - twinStarted;
      if (twinAnswer.status !== 200) throw new Error(`in-process ${operation} (twin): ${twinAnswer.status} ${JSON.stringify(twinAnswer.body)}`);
      scryptInHandler.push(totals.at(-1)! - twinMs);
      rests.push(twinMs - probe.calls.reduce((sum, call) => sum + call.ms, 0));
      // The same request through HTTP and offline right after, for the transport's share.
      const httpStarted = performance.now();
      await apiOp(spreadApi.url, operation)(i % senders.length);
      overHttp.push(performance.now() - httpStarted);
      const perOp: Record<string, number> = {};
      for (const call of handlerCalls) perOp[call.operation] = (perOp[call.operation] ?? 0) + 1;
      for (const [op, n] of Object.entries(perOp)) (counts[op] ??= []).push(n);
      lastCalls = handlerCalls;
    }
    // The size of every item the last request's transactions wrote, read back from the table (an
    // item a later transaction deleted counts as its put size, or 1 KB).
    const transactItems = await Promise.all(
      lastCalls.flatMap((call) => call.transactItems ?? []).map(async (item) => {
        const { Item } = await low.send(
          new GetItemCommand({ TableName: BENCH_TABLE, Key: { PK: { S: String(item.key.PK) }, SK: { S: String(item.key.SK) } }, ConsistentRead: true }),
        );
        const bytes = Item ? itemBytes(Item) : (item.putBytes ?? 0);
        const what = `${item.kind} ${describeKey(item.key)}${String(item.key.SK).startsWith('LIMIT#') ? `#${String(item.key.SK).split('#')[1]}` : ''}`;
        return { kind: item.kind, what, bytes, wcu: 2 * Math.max(1, Math.ceil(bytes / 1024)) };
      }),
    );
    // The writes outside the transaction (idempotency record, PIN attempt counter), each sized
    // from the item as it is now.
    const standardWrites = await Promise.all(
      lastCalls
        .filter((call) => ['PutItem', 'UpdateItem', 'DeleteItem'].includes(call.operation))
        .map(async (call) => {
          const { Item } = call.key
            ? await low.send(new GetItemCommand({ TableName: BENCH_TABLE, Key: { PK: { S: String(call.key.PK) }, SK: { S: String(call.key.SK) } }, ConsistentRead: true }))
            : { Item: undefined };
          const bytes = Item ? itemBytes(Item) : 0;
          return { operation: `${call.operation} ${describeKey(call.key)}`, bytes, wcu: Math.max(1, Math.ceil(bytes / 1024)) };
        }),
    );
    const rawItems =
      operation === 'top-up'
        ? journalTransaction(rawTopUp('JPROBE', senders[0]!, DEPLOYED_HOUSE_SHARDS)).items.length
        : operation === 'bill payment'
          ? replayBill(bills, senders[0]!, () => 'probe').flat().length
          : (() => {
              const { journal, charges } = rawTransfer('JPROBE', senders[0]!, receivers[0]!);
              return journalTransaction(journal, { limitCharges: charges }).items.length;
            })();
    const dynamoCalls = Object.fromEntries(Object.entries(counts).map(([op, n]) => [op, median(n)]));
    const totalMs = median(totals);
    const dynamoMs = median(dynamoTimes);
    profiles.push({
      operation,
      samples,
      totalMs,
      dynamoMs,
      dynamoCalls,
      pinMs: median(scryptInHandler),
      pinAloneMs: median(pins),
      otherMs: median(rests),
      httpMs: median(overHttp),
      transactItems,
      rawTransactItems: rawItems,
      standardWrites,
      consistentReads: lastCalls.filter((call) => call.operation === 'GetItem').length,
      callSequence: lastCalls.map((call) => (call.key ? `${call.operation} ${describeKey(call.key)}` : call.operation)),
      roundTrips: roundTrips(lastCalls),
    });
  }
  const pinHashMsSerial = median(profiles.map((p) => p.pinAloneMs));
  const httpOverheadMs: LedgerResults['httpOverheadMs'] = {};
  for (const profile of profiles) httpOverheadMs[profile.operation] = profile.httpMs - profile.totalMs;

  // Diagnostic: the same runs with the bench customers' stored PIN hash at N=2^10 (the code
  // verifies at whatever N the stored hash names), to show what the path costs besides scrypt.
  log(`diagnostic: stored PIN hashes of the bench customers lowered to N=2^10 …`);
  const { doc } = db();
  for (const customer of senders) {
    await doc.send(
      new UpdateCommand({ TableName: BENCH_TABLE, Key: keys.customer(customer.customerId), UpdateExpression: 'SET pinHash = :h', ExpressionAttributeValues: { ':h': await litePinHash(PIN) } }),
    );
  }
  // The diagnostic runs are shorter: they explain, they are not the headline.
  seconds = Math.max(2, SECONDS - 1);
  const liteRuns = await pairRuns('diagnostic (lite PIN)');
  hot.push(await hotRuns('lite PIN (diagnostic)', 2));
  hot.push(await hotRuns('raw engine', 2));

  log('ledger invariants over the whole table …');
  const invariants = await checkInvariants(low);
  return { runs, liteRuns, hot, profiles, pinHashMsSerial, httpOverheadMs, invariants, setupSeconds, customers: everyone.length };
}

/** Debits = credits (all balances sum to 0), each balance = the sum of its postings, no
 *  customer balance below zero — over everything the run wrote, API and raw alike. */
async function checkInvariants(client: ReturnType<typeof localClient>): Promise<{ ok: boolean; detail: string }> {
  const balances = new Map<string, { fen: number; house: boolean }>();
  const postings = new Map<string, number>();
  let journals = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  for (let page = 0; page < 2_000; page++) {
    const out = await client.send(new ScanCommand({ TableName: BENCH_TABLE, ExclusiveStartKey: startKey, Limit: 2_000 }));
    for (const item of out.Items ?? []) {
      const type = item.type?.S;
      if (type === 'ACCOUNT' || type === 'HOUSE') {
        balances.set(item.PK!.S!.slice('ACCT#'.length), { fen: Number(item.balanceFen?.N ?? 0), house: type === 'HOUSE' });
      } else if (type === 'POSTING') {
        const account = item.accountId!.S!;
        postings.set(account, (postings.get(account) ?? 0) + Number(item.amountFen!.N));
      } else if (type === 'JOURNAL') {
        journals++;
      }
    }
    startKey = out.LastEvaluatedKey;
    if (!startKey) break;
  }
  const problems: string[] = [];
  const total = [...balances.values()].reduce((sum, b) => sum + b.fen, 0);
  if (total !== 0) problems.push(`balances sum to ${total} fen`);
  for (const [account, balance] of balances) {
    if (!balance.house && balance.fen < 0) problems.push(`${account} is negative`);
    if ((postings.get(account) ?? 0) !== balance.fen) problems.push(`${account}: balance ${balance.fen} ≠ postings ${postings.get(account) ?? 0}`);
  }
  const detail = problems.length
    ? problems.slice(0, 5).join('; ')
    : `${journals} journals, ${balances.size} balances (${[...balances.values()].filter((b) => b.house).length} house shards): sum 0, each = its postings, none negative`;
  return { ok: problems.length === 0, detail };
}
