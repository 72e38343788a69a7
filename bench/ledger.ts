// Items 1 and 2 — the ledger path against the raw engine, and the hot house account.
//
// One DynamoDB Local (in memory) with the table from serverless.yml, and two serverless-offline
// APIs on it that differ only in HOUSE_SHARDS (16 = as deployed, 1 = every top-up credits one
// house item). Customers are built through the API like the mini-program builds them. The raw
// baseline sends, from one client in this process, the same TransactWriteItems the ledger sends
// (functions/store/ledger.ts), to the same DynamoDB Local. Every money request is made, second
// factor and all, before the timed window it is sent in.
import { GetItemCommand, ScanCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { resetConfigForTests } from '../functions/config.js';
import { luhnCheckDigit } from '../functions/domain/card.js';
import { HOUSE_ACCOUNTS, type Journal, topUpJournal, transferJournal, withdrawJournal } from '../functions/domain/ledger.js';
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
import { type ProbedCall, dynamoWallMs, itemBytes, plainKey, probeClient, roundTrips } from './lib/dynamo-probe.js';
import { expectOk, request } from './lib/http.js';
import { BENCH_PIN, type MoneyRequest, apiGatewayEvent, lambdaContext, moneyRequest as makeMoneyRequest } from './lib/money-request.js';
import { closedLoop, type LoadResult } from './lib/load.js';
import { median } from './lib/stats.js';

/** Issue 8's goal for every movement. */
export const LEDGER_TARGET_RATIO = 0.7;
/** Issue 14's bar for a transfer, at the concurrencies it names. */
export const TRANSFER_TARGET_RATIO = 0.5;
export const TRANSFER_TARGET_CONCURRENCIES = [1, 8];
export const HOT_TARGET_RATIO = 0.8;

const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const HOT_CONCURRENCY = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const MAX_REQUESTS_PER_RUN = 20_000;
const PAIRS = Math.max(...CONCURRENCIES, HOT_CONCURRENCY);
const TOP_UP_FEN = 100;
const WITHDRAWAL_FEN = 100;
const TRANSFER_FEN = 1;
/** Bill payments: a phone top-up (a RANGE biller, so no bill can be paid twice and every payment
 *  goes through), its smallest amount. */
const BILL_FEN = 1_000;
const BILLER_ID = 'js-mobile';
export const BENCH_TABLE = 'jinlin-bench';
const DEPLOYED_HOUSE_SHARDS = 16;
const PROFILE_SAMPLES = 12;
/** PIN checks timed back to back for one figure (each is one HMAC). */
const PIN_CHECKS = 1_000;
/** Requests made (second factor included) at once ahead of a run. */
const PREPARE_WIDTH = 4;

export type Operation = 'top-up' | 'withdrawal' | 'transfer' | 'bill payment';
const OPERATIONS: Operation[] = ['top-up', 'withdrawal', 'transfer', 'bill payment'];

/** Issue 14, point 6: sequential DynamoDB round trips a movement may make (outside gateways aside). */
export const ROUND_TRIP_TARGETS: Record<Operation, number> = { 'top-up': 3, withdrawal: 3, transfer: 3, 'bill payment': 6 };

export interface PairRun {
  operation: Operation;
  concurrency: number;
  raw: LoadResult;
  api: LoadResult;
  ratio: number;
}

export interface HotRun {
  variant: 'API' | 'raw engine';
  concurrency: number;
  spread: LoadResult;
  hot: LoadResult;
  ratio: number;
}

export interface Profile {
  operation: Operation;
  samples: number;
  /** Medians over the samples, each request timed around the handler in this process. */
  totalMs: number;
  /** Time with at least one DynamoDB call out (calls sent at once count once). */
  dynamoMs: number;
  /** Handler time with no DynamoDB call out: middy, zod, JWT, AES, the second factor, the
   *  gateways' simulators, JSON. */
  ownMs: number;
  dynamoCalls: Record<string, number>;
  /** Sequential DynamoDB round trips per request, counted by the probe on the store's client:
   *  median, and the fewest and most seen. */
  roundTrips: number;
  roundTripsMin: number;
  roundTripsMax: number;
  /** The same request through HTTP and serverless offline, sent right after each in-process one. */
  httpMs: number;
  transactItems: { kind: string; what: string; bytes: number; wcu: number; bookkeeping: boolean }[];
  rawTransactItems: number;
  standardWrites: { operation: string; bytes: number; wcu: number }[];
  /** Items read per request (GetItem 1, BatchGetItem and TransactGetItems one per key). */
  itemsRead: number;
  /** The last request's DynamoDB calls in order, e.g. "GetItem CUST#…/PROFILE". */
  callSequence: string[];
}

export interface LedgerResults {
  runs: PairRun[];
  hot: HotRun[];
  profiles: Profile[];
  /** One `checkPin` on a stored keyed hash, µs (median of batches of back-to-back checks). */
  pinCheckUs: number;
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

/** The API as `npm start` runs it (handlers in the offline process, `--useInProcess`), from the
 *  run's private copy of the service with a longer Lambda timeout (see lib/snapshot.ts), plus
 *  `--noTimeout` and `--localEnvironment`, so that HOUSE_SHARDS from this process reaches the
 *  functions. */
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
      '--useInProcess',
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
  const who = await onboard({ pin: BENCH_PIN, card: cardFor(index) });
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

// ---- money requests -------------------------------------------------------------------------

/** A mobile number to top up per worker; it ends in 1, which the biller simulator answers with
 *  a bill (5–9 are its failure cases). */
const billAccountFor = (index: number) => `13800${String(index).padStart(5, '0')}1`;

/** What a movement from `from` (to `to`, for a transfer) asks for, before its second factor. */
function movement(operation: Operation, from: Customer, to: Customer): { path: string; body: Record<string, unknown> } {
  switch (operation) {
    case 'top-up':
      return { path: '/v1/account/top-up', body: { amountFen: TOP_UP_FEN } };
    case 'withdrawal':
      return { path: '/v1/account/withdraw', body: { amountFen: WITHDRAWAL_FEN } };
    case 'transfer':
      return { path: '/v1/account/transfer', body: { toPhone: to.phone, amountFen: TRANSFER_FEN } };
    case 'bill payment':
      return { path: '/v1/bill-payments', body: { billerId: BILLER_ID, accountNumber: billAccountFor(from.index), amountFen: BILL_FEN } };
  }
}

/** One request of `operation`, second factor included (lib/money-request.ts). */
function moneyRequest(operation: Operation, from: Customer, to: Customer, idempotencyKey: string, amountFen?: number): Promise<MoneyRequest> {
  const { path, body } = movement(operation, from, to);
  if (amountFen !== undefined) body.amountFen = amountFen;
  return makeMoneyRequest(from.token, path, body, idempotencyKey);
}

// ---- the raw baseline: the ledger's own TransactWriteItems (store/ledger.ts), sent directly -----

function rawCardMovement(operation: 'top-up' | 'withdrawal', journalId: string, customer: Customer, shards: number): Journal {
  const args = {
    journalId,
    customerAccountId: customer.accountId,
    cardMasked: '中国工商银行 1234',
    houseShardAccountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, shards),
    amountFen: operation === 'top-up' ? TOP_UP_FEN : WITHDRAWAL_FEN,
    createdAt: new Date().toISOString(),
  };
  return operation === 'top-up' ? topUpJournal(args) : withdrawJournal(args);
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

/** The ledger's items for one movement, as journalTransaction builds them for the API. */
function rawItems(operation: 'top-up' | 'withdrawal' | 'transfer', journalId: string, from: Customer, to: Customer, shards: number) {
  if (operation !== 'transfer') return journalTransaction(rawCardMovement(operation, journalId, from, shards)).items;
  const { journal, charges } = rawTransfer(journalId, from, to);
  return journalTransaction(journal, { limitCharges: charges }).items;
}

/** Items a money request writes to stay safe as a request rather than to move money: its
 *  idempotency record, its nonce, the customer's PIN attempt counter. The raw baseline is the
 *  movement without them (it has no request to protect). */
const BOOKKEEPING_KEYS = [keys.idempotency('', ''), keys.paymentNonce(''), keys.customer('')].map((key) => ({
  pkPrefix: key.PK.slice(0, key.PK.indexOf('#') + 1),
  sk: key.SK,
}));

function isRequestBookkeeping(key: Record<string, string | undefined>): boolean {
  return BOOKKEEPING_KEYS.some(({ pkPrefix, sk }) => String(key.PK).startsWith(pkPrefix) && key.SK === sk);
}

type MarshalledEntry = Record<
  string,
  { Item?: Record<string, AttributeValue>; Key?: Record<string, AttributeValue>; ConditionExpression?: string; ExpressionAttributeValues?: Record<string, AttributeValue> }
>;

const entryKey = (entry: MarshalledEntry) => {
  const body = Object.values(entry)[0]!;
  return plainKey(body.Item ? { PK: body.Item.PK!, SK: body.Item.SK! } : body.Key!);
};

/** The transactions one bill payment sent (hold, then settlement), captured from the real
 *  handler less their request bookkeeping, and what in them names the payment and its payer:
 *  replayed with fresh ids and another worker's customer and account, they are the writes the
 *  API makes to move the money for a payment. */
interface BillTemplate {
  json: string;
  holdSuffix: string;
  otherJournalIds: string[];
  customerId: string;
  accountId: string;
}

/** A balance update conditioned on the balance the handler had read (store/ledger.ts
 *  `expectBalance`) holds for that payer at that moment only; replayed for another it keeps its
 *  other conditions, as the ledger's own transaction without a read does. */
function withoutExpectedBalance(entry: MarshalledEntry): MarshalledEntry {
  const update = entry.Update;
  const clause = update?.ConditionExpression?.match(/\s+AND\s+balanceFen\s*=\s*(:\w+)/);
  if (!update || !clause) return entry;
  const values = { ...update.ExpressionAttributeValues };
  delete values[clause[1]!];
  return { Update: { ...update, ConditionExpression: update.ConditionExpression!.replace(clause[0], ''), ExpressionAttributeValues: values } };
}

function billTemplate(calls: ProbedCall[], payer: Customer): BillTemplate {
  const transactions = calls
    .filter((call) => call.transactInput)
    .map((call) => (call.transactInput as MarshalledEntry[]).filter((entry) => !isRequestBookkeeping(entryKey(entry))).map(withoutExpectedBalance))
    .filter((items) => items.length > 0);
  if (transactions.length !== 2) throw new Error(`a bill payment sent ${transactions.length} ledger transactions (expected hold + settlement)`);
  const json = JSON.stringify(transactions);
  // Binary attributes would not survive JSON; the ledger writes none.
  if (json.includes('"B":')) throw new Error('bill payment transaction holds a binary attribute');
  const journalIds = transactions.map((items) => {
    const journal = items.find((item) => item.Put?.Item?.type?.S === 'JOURNAL');
    if (!journal) throw new Error('a bill payment transaction without its journal');
    return journal.Put!.Item!.journalId!.S!;
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

async function invoke(money: MoneyRequest): Promise<{ status: number; body: any }> {
  const handler = money.path.startsWith('/v1/bill-') ? billsHandler : accountHandler;
  const result = (await handler(apiGatewayEvent(money), lambdaContext(money.idempotencyKey, 60_000))) as { statusCode: number; body?: string };
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined };
}

/** "CUST#…/PROFILE": the key's kind without the ids. */
function describeKey(key: Record<string, string | undefined> | undefined): string {
  if (!key) return '';
  return `${String(key.PK).split('#')[0]}#…/${String(key.SK).split('#')[0]}`;
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
    const funded = await invoke(await moneyRequest('top-up', senders[i]!, receivers[i]!, `fund-${tag}-${i}`, 1_000_000));
    if (funded.status !== 200) throw new Error(`funding top-up: ${funded.status} ${JSON.stringify(funded.body)}`);
  });
  // One bill payment through the real handler, its transactions captured for the raw baseline.
  const probe = probeClient(db().doc);
  const captured = await invoke(await moneyRequest('bill payment', senders[0]!, receivers[0]!, `bill-${tag}`));
  if (captured.status !== 200 || captured.body?.status !== 'SETTLED') throw new Error(`bill payment for the template: ${captured.status} ${JSON.stringify(captured.body)}`);
  const bills = billTemplate(probe.calls, senders[0]!);
  probe.reset();

  const rawLow = localClient(dynamo.endpoint);
  const rawClient = DynamoDBDocumentClient.from(rawLow, { marshallOptions: { removeUndefinedValues: true } });
  onCleanup('raw DynamoDB client', () => rawClient.destroy());
  let sequence = 0;
  const key = (kind: string) => `${kind}${tag}${(sequence++).toString(36)}`;
  // The template replays for another payer, or the raw bill payment runs would measure refusals.
  for (const items of replayBill(bills, senders[1]!, () => key('v'))) {
    await rawLow.send(new TransactWriteItemsCommand({ TransactItems: items as never })).catch((error: unknown) => {
      throw new Error(`the captured bill payment does not replay for another payer: ${String(error)}`);
    });
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  /** Each worker's requests for one run, made now: enough for the warm-up and for the measured
   *  window at up to `ceilingPerSecond` (the raw engine's pace, which the API does not pass). A
   *  run that uses them all up ends early; its throughput is still completed ÷ elapsed. */
  const prepare = async (operation: Operation, concurrency: number, warmup: number, ceilingPerSecond: number): Promise<MoneyRequest[][]> => {
    const perWorker = Math.ceil(warmup / concurrency) + Math.min(Math.ceil(MAX_REQUESTS_PER_RUN / concurrency), Math.ceil((ceilingPerSecond * SECONDS) / concurrency) + 1);
    const pools = await inBatches(concurrency * perWorker, PREPARE_WIDTH, (i) => {
      const worker = i % concurrency;
      return moneyRequest(operation, senders[worker]!, receivers[worker]!, key('q'));
    });
    return Array.from({ length: concurrency }, (_, worker) => pools.filter((_, i) => i % concurrency === worker));
  };
  const apiOp = (url: string, operation: Operation, pools: MoneyRequest[][]) => async (worker: number) => {
    const next = pools[worker]!.shift();
    if (!next) throw new Error(`worker ${worker} has no ${operation} request left`);
    await expectOk(request(url, 'POST', next.path, { token: next.token, idempotencyKey: next.idempotencyKey, body: next.body }), operation);
  };
  const rawOp = (operation: Operation, shards = DEPLOYED_HOUSE_SHARDS) => async (worker: number) => {
    if (operation === 'bill payment') {
      // Hold, then settlement, one after the other as the API sends them.
      for (const items of replayBill(bills, senders[worker]!, () => key('r'))) {
        await rawLow.send(new TransactWriteItemsCommand({ TransactItems: items as never }));
      }
      return;
    }
    await rawClient.send(new TransactWriteCommand({ TransactItems: rawItems(operation, `JRAW${key('r')}`, senders[worker]!, receivers[worker]!, shards) }));
  };
  const load = (concurrency: number, op: (worker: number) => Promise<void>, warmup: number, pools?: MoneyRequest[][]) =>
    closedLoop({
      concurrency,
      warmupRequests: warmup,
      durationMs: SECONDS * 1000,
      maxRequests: MAX_REQUESTS_PER_RUN,
      ...(pools ? { maxRequestsPerWorker: Math.min(...pools.map((pool) => pool.length)) - Math.ceil(warmup / concurrency) } : {}),
      op,
    });

  // Item 1, alternating raw and API per movement and concurrency.
  const runs: PairRun[] = [];
  for (const operation of OPERATIONS) {
    for (const concurrency of CONCURRENCIES) {
      log(`${operation} at concurrency ${concurrency}: raw TransactWriteItems, then the API …`);
      const raw = await load(concurrency, rawOp(operation), concurrency);
      const pools = await prepare(operation, concurrency, concurrency, raw.throughput);
      const api = await load(concurrency, apiOp(spreadApi.url, operation, pools), concurrency, pools);
      runs.push({ operation, concurrency, raw, api, ratio: api.throughput / raw.throughput });
    }
  }

  // Item 2, alternating which side goes first so that a drifting load hits both alike. The raw
  // engine first: its pace bounds the requests the API runs need.
  const hotRuns = async (variant: HotRun['variant'], rounds: number, ceilingPerSecond = 0): Promise<HotRun> => {
    const spread: LoadResult[] = [];
    const hot: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['spread', 'hot'] as const) : (['hot', 'spread'] as const);
      log(`hot house account (${variant}), round ${round + 1}/${rounds}: ${order.map((o) => (o === 'spread' ? `${DEPLOYED_HOUSE_SHARDS} shards` : '1 shard')).join(', then ')}, concurrency ${HOT_CONCURRENCY} …`);
      for (const side of order) {
        const shards = side === 'spread' ? DEPLOYED_HOUSE_SHARDS : 1;
        // Workers and connections are warm after the first round.
        const warmup = round === 0 ? HOT_CONCURRENCY : 0;
        const result =
          variant === 'raw engine'
            ? await load(HOT_CONCURRENCY, rawOp('top-up', shards), warmup)
            : await (async () => {
                const pools = await prepare('top-up', HOT_CONCURRENCY, warmup, ceilingPerSecond);
                return load(HOT_CONCURRENCY, apiOp(side === 'spread' ? spreadApi.url : hotApi.url, 'top-up', pools), warmup, pools);
              })();
        (side === 'spread' ? spread : hot).push(result);
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
  const rawHot = await hotRuns('raw engine', 2);
  const hot: HotRun[] = [await hotRuns('API', 2, Math.max(rawHot.spread.throughput, rawHot.hot.throughput)), rawHot];

  // Where a money POST's time goes and how many round trips it makes: the real handler in this
  // process, its DynamoDB calls watched, against the same table.
  log('profile: in-process handler with its DynamoDB calls watched …');
  const profiles: Profile[] = [];
  const low = localClient(dynamo.endpoint);
  onCleanup('probe client', () => low.destroy());
  for (const operation of OPERATIONS) {
    const totals: number[] = [];
    const dynamoTimes: number[] = [];
    const owns: number[] = [];
    const trips: number[] = [];
    const overHttp: number[] = [];
    let lastCalls: ProbedCall[] = [];
    const counts: Record<string, number[]> = {};
    for (let i = 0; i < PROFILE_SAMPLES; i++) {
      const from = senders[i % senders.length]!;
      const to = receivers[i % receivers.length]!;
      const money = await moneyRequest(operation, from, to, key('p'));
      probe.reset();
      const started = performance.now();
      const answer = await invoke(money);
      const totalMs = performance.now() - started;
      if (answer.status !== 200) throw new Error(`in-process ${operation}: ${answer.status} ${JSON.stringify(answer.body)}`);
      // The probe sees the bank's client only: the simulated biller keeps its memory through a
      // client of its own (an outside system's time, counted in the handler's own like the card gateway's).
      const handlerCalls = [...probe.calls];
      const dynamoMs = dynamoWallMs(handlerCalls);
      totals.push(totalMs);
      dynamoTimes.push(dynamoMs);
      owns.push(totalMs - dynamoMs);
      trips.push(roundTrips(handlerCalls));
      // The same request through HTTP and offline right after, for the transport's share.
      const overOffline = await moneyRequest(operation, from, to, key('h'));
      const httpStarted = performance.now();
      await expectOk(request(spreadApi.url, 'POST', overOffline.path, { token: overOffline.token, idempotencyKey: overOffline.idempotencyKey, body: overOffline.body }), operation);
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
        return { kind: item.kind, what, bytes, wcu: 2 * Math.max(1, Math.ceil(bytes / 1024)), bookkeeping: isRequestBookkeeping(item.key) };
      }),
    );
    // The writes outside any transaction (e.g. the idempotency reservation), each sized from the
    // item as it is now.
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
    const rawTransactItems =
      operation === 'bill payment' ? replayBill(bills, senders[0]!, () => 'probe').flat().length : rawItems(operation, 'JPROBE', senders[0]!, receivers[0]!, DEPLOYED_HOUSE_SHARDS).length;
    profiles.push({
      operation,
      samples: PROFILE_SAMPLES,
      totalMs: median(totals),
      dynamoMs: median(dynamoTimes),
      ownMs: median(owns),
      dynamoCalls: Object.fromEntries(Object.entries(counts).map(([op, n]) => [op, median(n)])),
      roundTrips: median(trips),
      roundTripsMin: Math.min(...trips),
      roundTripsMax: Math.max(...trips),
      httpMs: median(overHttp),
      transactItems,
      rawTransactItems,
      standardWrites,
      itemsRead: lastCalls.reduce((sum, call) => sum + (call.itemsRead ?? 0), 0),
      callSequence: lastCalls.map((call) => (call.key ? `${call.operation} ${describeKey(call.key)}` : call.operation)),
    });
  }
  const httpOverheadMs: LedgerResults['httpOverheadMs'] = {};
  for (const profile of profiles) httpOverheadMs[profile.operation] = profile.httpMs - profile.totalMs;

  // Point 3's bound (a PIN check ≤ 5 ms of CPU): `checkPin` on a sender's stored keyed hash.
  const stored = (await low.send(new GetItemCommand({ TableName: BENCH_TABLE, Key: { PK: { S: `CUST#${senders[0]!.customerId}` }, SK: { S: 'PROFILE' } } }))).Item!.pinHash!.S!;
  const pinBatches: number[] = [];
  for (let batch = 0; batch < 5; batch++) {
    const started = performance.now();
    for (let i = 0; i < PIN_CHECKS; i++) {
      if (!(await checkPin(senders[0]!.customerId, BENCH_PIN, stored)).matches) throw new Error('bench PIN does not match its stored hash');
    }
    pinBatches.push(((performance.now() - started) * 1000) / PIN_CHECKS);
  }

  log('ledger invariants over the whole table …');
  const invariants = await checkInvariants(low);
  return { runs, hot, profiles, pinCheckUs: median(pinBatches), httpOverheadMs, invariants, setupSeconds, customers: everyone.length };
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
