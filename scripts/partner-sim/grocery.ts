// The partner simulator: the sandbox partner's own system, 邻里鲜社区超市 (PSANDBOX), as a small
// HTTP server. It creates orders at the bank through the copyable client (signed requests, answers
// verified), receives the bank's webhooks at POST /webhooks/jinlin (signature verified, each event
// id applied once however often it comes) and, told to, answers them with errors or slowly so the
// bank's retries can be watched. `npm start` runs it on 127.0.0.1:10090, where the seeded sandbox
// partner's webhook URL points; tests start it with a partner of their own (start(options)).
//
// Its control API, for tests and for a developer with curl (JSON in and out):
//   POST /orders {amountFen, description, merchantId?, expiresInMinutes?}  an order at the bank
//   GET  /orders                 the orders this grocery made, as it knows them
//   GET  /orders/{orderId}       the order as the bank has it now (the API is the truth)
//   GET  /events                 events received, attempts answered, deliveries refused, failure plan
//   POST /failures {failNext?, status?, eventIdContains?, delayMs?}  how to answer the next deliveries ({} heals)
//
// CLI: `node --import tsx scripts/partner-sim/grocery.ts [--api URL] [--port N]` (or JINLIN_API_URL,
// JINLIN_PARTNER_SIM_PORT); it prints its webhook URL and serves until Ctrl-C.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JinlinOpenClient, type OpenAnswer, type PartnerCredentials, verifyWebhook } from './client.js';
import { SANDBOX_MERCHANT_ID, sandboxCredentials } from './sandbox.js';

/** Where `npm start` runs the simulator, and where the seeded sandbox partner's webhooks go. */
export const GROCERY_PORT = 10090;
export const WEBHOOK_PATH = '/webhooks/jinlin';
/** The local sandbox's platform key serial, as docs/OPEN-API.md section 3 names it. */
export const SANDBOX_PLATFORM_KEY_SERIAL = '5A4E4C4F43414C01';

/** The bank sends at most 8 KB; anything far larger is not the bank, and is not read. */
const MAX_WEBHOOK_BODY_BYTES = 65_536;
const MAX_CONTROL_BODY_BYTES = 4_096;
/** What is kept in memory, oldest dropped first: a simulator runs for days under `npm start`. */
const MAX_EVENTS_KEPT = 1_000;
const MAX_ATTEMPTS_KEPT = 1_000;
const MAX_REFUSALS_KEPT = 100;
const MAX_ORDERS_KEPT = 1_000;
/** Bounds of a failure plan: enough to outlast the bank's eight attempts, or its 5 s deadline. */
const MAX_PLANNED_FAILURES = 100;
const MAX_DELAY_MS = 30_000;
const MAX_EVENT_ID_FILTER_CHARS = 64;
/** Tries of one order creation: a timeout or a 5xx is retried with the same Idempotency-Key. */
const ORDER_TRIES = 3;
const ORDER_RETRY_WAIT_MS = 500;

/** The sandbox platform key's public half as the bank gives it to partners: read from the guide. */
export function sandboxPlatformPublicKeys(): Record<string, string> {
  const guide = readFileSync(new URL('../../docs/OPEN-API.md', import.meta.url), 'utf8');
  const pem = /<!-- sandbox-platform-public-key -->\n```\n([\s\S]*?)\n```/.exec(guide)?.[1];
  if (!pem) throw new Error('docs/OPEN-API.md gives no sandbox platform key');
  return { [SANDBOX_PLATFORM_KEY_SERIAL]: `${pem}\n` };
}

export interface FailurePlan {
  /** Fail this many of the next verified deliveries. */
  failNext: number;
  /** The status a failed delivery is answered with. */
  status: number;
  /** Also fail every delivery whose event id contains this, until the plan changes. */
  eventIdContains: string | null;
  /** Answer every delivery this late (the bank gives up after 5 s; the event is kept all the same). */
  delayMs: number;
}

const HEALTHY: FailurePlan = { failNext: 0, status: 500, eventIdContains: null, delayMs: 0 };

export interface ReceivedEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
  firstReceivedAt: string;
  /** Deliveries of it acknowledged with a 2xx: more than one is a redelivery, applied once. */
  timesAcknowledged: number;
}

/** One verified delivery and how it was answered. */
export interface DeliveryAttempt {
  at: string;
  eventId: string;
  status: number;
}

/** A delivery refused before anything was done with it. */
export interface Refusal {
  at: string;
  webhookId: string | null;
  status: number;
  reason: 'SIGNATURE_INVALID' | 'BODY_TOO_LARGE' | 'BODY_MALFORMED';
}

export interface GroceryOrder {
  /** The grocery's number; null for a customer's payment by the till's static code (收款码). */
  outTradeNo: string | null;
  orderId: string;
  merchantId: string;
  amountFen: number;
  description: string;
  /** As the webhooks told it: UNPAID until order.paid, CLOSED on order.closed. */
  state: 'UNPAID' | 'PAID' | 'CLOSED';
  paidAt: string | null;
  /** The events applied to it: each id once, however often it came. */
  appliedEventIds: string[];
}

export interface NewOrder {
  amountFen: number;
  description: string;
  merchantId?: string;
  expiresInMinutes?: number;
}

export interface GroceryOptions {
  /** The bank's API, e.g. the local stack's http://127.0.0.1:3000. */
  bankUrl: string;
  /** 0 (the default): a free port. */
  port?: number;
  /** The partner's credentials: the sandbox partner's by default. */
  credentials?: PartnerCredentials;
  /** The bank's platform public keys by serial: the sandbox's (docs/OPEN-API.md) by default. */
  platformPublicKeys?: Record<string, string>;
  /** The merchant an order names when the request names none. */
  merchantId?: string;
  /** The grocery's clock, which webhook timestamps are checked against: the wall clock by default
   *  (a test that moves the bank's clock moves this one with it, as NTP keeps both right). */
  clock?: () => Date;
  /** A line for each thing that happens; quiet by default. */
  log?: (line: string) => void;
}

export interface Grocery {
  url: string;
  webhookUrl: string;
  /** Copies, oldest first. */
  events(): ReceivedEvent[];
  attempts(): DeliveryAttempt[];
  refusals(): Refusal[];
  orders(): GroceryOrder[];
  failurePlan(): FailurePlan;
  setFailures(plan: Partial<FailurePlan>): FailurePlan;
  /** Creates an order at the bank (POST /v1/open/orders) and answers the bank's answer. */
  createOrder(order: NewOrder): Promise<OpenAnswer<Record<string, unknown>>>;
  /** The order as the bank has it now. */
  queryOrder(orderId: string): Promise<OpenAnswer<Record<string, unknown>>>;
  stop(): Promise<void>;
}

class TooLarge extends Error {}

/** The body as UTF-8, refused past maxBytes (by its Content-Length, or as it streams in). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        request.removeAllListeners('data');
        request.pause();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Drops the oldest entries past `max`. */
const keep = <T>(list: T[], max: number) => list.splice(0, Math.max(0, list.length - max));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Only single-valued headers: a repeated signature header is not the bank's and fails to verify. */
const singleHeaders = (request: IncomingMessage): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** A new order number: LLX-, the day, 8 random hex digits (the bank allows 6–32 of A–Z a–z 0–9 _ -). */
const newOutTradeNo = (now: Date) => `LLX-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;

function validFailurePlan(body: unknown): Partial<FailurePlan> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '请求体应为 JSON 对象';
  const { failNext, status, eventIdContains, delayMs, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `未知字段：${Object.keys(rest).join(', ')}`;
  const plan: Partial<FailurePlan> = {};
  if (failNext !== undefined) {
    if (!Number.isInteger(failNext) || (failNext as number) < 0 || (failNext as number) > MAX_PLANNED_FAILURES) return `failNext 应为 0–${MAX_PLANNED_FAILURES} 的整数`;
    plan.failNext = failNext as number;
  }
  if (status !== undefined) {
    // Anything but a 2xx fails an attempt; 1xx cannot be a final answer.
    if (!Number.isInteger(status) || (status as number) < 300 || (status as number) > 599) return 'status 应为 300–599 的整数';
    plan.status = status as number;
  }
  if (eventIdContains !== undefined) {
    if (eventIdContains !== null && (typeof eventIdContains !== 'string' || eventIdContains.length === 0 || eventIdContains.length > MAX_EVENT_ID_FILTER_CHARS)) return `eventIdContains 应为 1–${MAX_EVENT_ID_FILTER_CHARS} 个字符或 null`;
    plan.eventIdContains = eventIdContains as string | null;
  }
  if (delayMs !== undefined) {
    if (!Number.isInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > MAX_DELAY_MS) return `delayMs 应为 0–${MAX_DELAY_MS} 的整数`;
    plan.delayMs = delayMs as number;
  }
  return plan;
}

function validNewOrder(body: unknown): NewOrder | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '请求体应为 JSON 对象';
  const { amountFen, description, merchantId, expiresInMinutes } = body as Record<string, unknown>;
  // Only the shape here: the bank judges the values (and answers 400 VALIDATION_FAILED).
  if (!Number.isInteger(amountFen)) return 'amountFen 应为整数（分）';
  if (typeof description !== 'string') return 'description 应为字符串';
  if (merchantId !== undefined && typeof merchantId !== 'string') return 'merchantId 应为字符串';
  if (expiresInMinutes !== undefined && !Number.isInteger(expiresInMinutes)) return 'expiresInMinutes 应为整数';
  return { amountFen: amountFen as number, description, ...(merchantId !== undefined ? { merchantId: merchantId as string } : {}), ...(expiresInMinutes !== undefined ? { expiresInMinutes: expiresInMinutes as number } : {}) };
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};
const problem = (response: ServerResponse, status: number, code: string, message: string) => json(response, status, { error: { code, message } });

export async function start(options: GroceryOptions): Promise<Grocery> {
  const credentials = options.credentials ?? sandboxCredentials();
  const platformKeys = options.platformPublicKeys ?? sandboxPlatformPublicKeys();
  const client = new JinlinOpenClient(options.bankUrl, credentials, platformKeys);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const defaultMerchantId = options.merchantId ?? SANDBOX_MERCHANT_ID;

  const events = new Map<string, ReceivedEvent>();
  const attempts: DeliveryAttempt[] = [];
  const refusals: Refusal[] = [];
  const orders = new Map<string, GroceryOrder>();
  let plan: FailurePlan = { ...HEALTHY };
  /** Deliveries held by delayMs, each ended at once by stop(). */
  const delays = new Set<() => void>();

  const refuse = (response: ServerResponse, refusal: Omit<Refusal, 'at'>) => {
    refusals.push({ at: clock().toISOString(), ...refusal });
    keep(refusals, MAX_REFUSALS_KEPT);
    log(`refused a delivery (${refusal.reason}, webhook-id ${refusal.webhookId ?? '—'}): ${refusal.status}`);
    response.writeHead(refusal.status, refusal.reason === 'BODY_TOO_LARGE' ? { connection: 'close' } : {}).end();
  };

  /** What the grocery does with an event, the first time it sees its id. */
  const apply = (event: ReceivedEvent) => {
    const { data } = event;
    // A payment by the static code is news: the sale is booked from the event (the bank's order id).
    if (event.type === 'order.paid' && data.source === 'STATIC_CODE' && typeof data.orderId === 'string' && !orders.has(data.orderId)) {
      orders.set(data.orderId, { outTradeNo: null, orderId: data.orderId, merchantId: String(data.merchantId), amountFen: Number(data.amountFen), description: String(data.description), state: 'UNPAID', paidAt: null, appliedEventIds: [] });
      if (orders.size > MAX_ORDERS_KEPT) orders.delete(orders.keys().next().value as string);
    }
    const order = orders.get(typeof data.outTradeNo === 'string' ? data.outTradeNo : String(data.orderId));
    if (!order) return;
    if (event.type === 'order.paid') Object.assign(order, { state: 'PAID', paidAt: typeof event.data.paidAt === 'string' ? event.data.paidAt : clock().toISOString() });
    if (event.type === 'order.closed') order.state = 'CLOSED';
    order.appliedEventIds.push(event.id);
  };

  async function receiveWebhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = singleHeaders(request);
    const webhookId = headers['webhook-id'] ?? null;
    let body: string;
    try {
      body = await readBody(request, MAX_WEBHOOK_BODY_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) return refuse(response, { webhookId, status: 413, reason: 'BODY_TOO_LARGE' });
      throw error;
    }
    if (!verifyWebhook(headers, body, platformKeys, clock().getTime() / 1000)) return refuse(response, { webhookId, status: 401, reason: 'SIGNATURE_INVALID' });
    let parsed: { id?: unknown; type?: unknown; createdAt?: unknown; data?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return refuse(response, { webhookId, status: 400, reason: 'BODY_MALFORMED' });
    }
    // Signed, so the bank's; still, the id the signature covers must be the event's.
    if (parsed.id !== webhookId || typeof parsed.type !== 'string' || typeof parsed.createdAt !== 'string' || typeof parsed.data !== 'object' || parsed.data === null) {
      return refuse(response, { webhookId, status: 400, reason: 'BODY_MALFORMED' });
    }
    const eventId = webhookId as string;
    const failing = plan.failNext > 0 || (plan.eventIdContains !== null && eventId.includes(plan.eventIdContains));
    if (plan.failNext > 0) plan.failNext--;
    const status = failing ? plan.status : 204;
    const known = events.get(eventId);
    if (!failing) {
      // Stored before the answer, as the guide asks; a redelivery is acknowledged and applied no more.
      if (known) known.timesAcknowledged++;
      else {
        const event: ReceivedEvent = { id: eventId, type: parsed.type, createdAt: parsed.createdAt, data: parsed.data as Record<string, unknown>, firstReceivedAt: clock().toISOString(), timesAcknowledged: 1 };
        events.set(eventId, event);
        // The oldest id goes first: past MAX_EVENTS_KEPT a very late redelivery would be applied again.
        if (events.size > MAX_EVENTS_KEPT) events.delete(events.keys().next().value as string);
        apply(event);
      }
    }
    attempts.push({ at: clock().toISOString(), eventId, status });
    keep(attempts, MAX_ATTEMPTS_KEPT);
    log(`${parsed.type} ${eventId}${known && !failing ? ' (seen before: not applied again)' : ''}: answered ${status}${failing ? ' as the failure plan says' : ''}`);
    if (plan.delayMs > 0) {
      const delayMs = plan.delayMs;
      await new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          delays.delete(finish);
          resolve();
        };
        const timer = setTimeout(finish, delayMs);
        delays.add(finish);
      });
    }
    if (!response.destroyed) response.writeHead(status).end();
  }

  async function createOrder(order: NewOrder): Promise<OpenAnswer<Record<string, unknown>>> {
    const merchantId = order.merchantId ?? defaultMerchantId;
    const outTradeNo = newOutTradeNo(clock());
    const body = { merchantId, outTradeNo, amountFen: order.amountFen, description: order.description, ...(order.expiresInMinutes !== undefined ? { expiresInMinutes: order.expiresInMinutes } : {}) };
    // The key stays with the order: a retry after a timeout must not create a second one.
    const idempotencyKey = `order-${outTradeNo}`;
    for (let tried = 1; ; tried++) {
      try {
        const answer = await client.request<Record<string, unknown>>('POST', '/v1/open/orders', { body, idempotencyKey });
        if (answer.status >= 500 && tried < ORDER_TRIES) throw new Error(`the bank answered ${answer.status}`);
        if (answer.status === 200) {
          orders.set(outTradeNo, { outTradeNo, orderId: String(answer.body.orderId), merchantId, amountFen: order.amountFen, description: order.description, state: 'UNPAID', paidAt: null, appliedEventIds: [] });
          if (orders.size > MAX_ORDERS_KEPT) orders.delete(orders.keys().next().value as string);
          log(`order ${outTradeNo} created at the bank: ${String(answer.body.orderId)}, ${order.amountFen} fen`);
        }
        return answer;
      } catch (error) {
        if (tried >= ORDER_TRIES) throw error;
        await sleep(ORDER_RETRY_WAIT_MS);
      }
    }
  }

  const queryOrder = (orderId: string) => client.request<Record<string, unknown>>('GET', `/v1/open/orders/${encodeURIComponent(orderId)}`);

  /** The bank's answer passed on as it came, or 502 when the bank could not be reached or its
   *  answer was not signed. */
  const relay = async (response: ServerResponse, work: () => Promise<OpenAnswer<unknown>>) => {
    try {
      const answer = await work();
      json(response, answer.status, answer.body);
    } catch (error) {
      problem(response, 502, 'BANK_UNAVAILABLE', `银行接口不可用：${error instanceof Error ? error.message : String(error)}`);
    }
  };

  async function control(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    const readJson = async (): Promise<unknown> => {
      const text = await readBody(request, MAX_CONTROL_BODY_BYTES);
      return text === '' ? {} : (JSON.parse(text) as unknown);
    };
    if (method === 'GET' && path === '/') {
      return json(response, 200, { partner: credentials.partnerId, webhookUrl: `${url}${WEBHOOK_PATH}`, routes: ['POST /orders', 'GET /orders', 'GET /orders/{orderId}', 'GET /events', 'POST /failures', `POST ${WEBHOOK_PATH}`] });
    }
    if (method === 'POST' && path === '/orders') {
      const order = validNewOrder(await readJson());
      if (typeof order === 'string') return problem(response, 400, 'VALIDATION_FAILED', order);
      return relay(response, () => createOrder(order));
    }
    if (method === 'GET' && path === '/orders') return json(response, 200, { orders: [...orders.values()] });
    const orderId = /^\/orders\/([0-9A-Za-z]{1,40})$/.exec(path)?.[1];
    if (method === 'GET' && orderId) return relay(response, () => queryOrder(orderId));
    if (method === 'GET' && path === '/events') return json(response, 200, { events: [...events.values()], attempts, refusals, failurePlan: plan });
    if (method === 'POST' && path === '/failures') {
      const change = validFailurePlan(await readJson());
      if (typeof change === 'string') return problem(response, 400, 'VALIDATION_FAILED', change);
      return json(response, 200, setFailures(change));
    }
    problem(response, 404, 'NOT_FOUND', '没有这个接口');
  }

  const setFailures = (change: Partial<FailurePlan>): FailurePlan => {
    plan = { ...HEALTHY, ...change };
    log(`failure plan: ${JSON.stringify(plan)}`);
    return { ...plan };
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://grocery').pathname;
    const work = request.method === 'POST' && path === WEBHOOK_PATH ? receiveWebhook(request, response) : control(request, response, path);
    work.catch((error: unknown) => {
      // The rest of the body is left unread: the connection goes with the answer.
      if (error instanceof TooLarge) return problem(response.setHeader('connection', 'close'), 413, 'BODY_TOO_LARGE', '请求体过大');
      if (error instanceof SyntaxError) return problem(response, 400, 'VALIDATION_FAILED', '请求体不是合法的 JSON');
      log(`error: ${error instanceof Error ? error.message : String(error)}`);
      problem(response, 500, 'INTERNAL', '内部错误');
    });
  });
  // A delivery held by delayMs must outlive its plan; nothing else takes this long.
  server.requestTimeout = MAX_DELAY_MS + 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    webhookUrl: `${url}${WEBHOOK_PATH}`,
    events: () => [...events.values()].map((event) => ({ ...event })),
    attempts: () => [...attempts],
    refusals: () => [...refusals],
    orders: () => [...orders.values()].map((order) => ({ ...order, appliedEventIds: [...order.appliedEventIds] })),
    failurePlan: () => ({ ...plan }),
    setFailures,
    createOrder,
    queryOrder,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const finish of [...delays]) finish();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { api: { type: 'string' }, port: { type: 'string' } } });
  const bankUrl = values.api ?? process.env.JINLIN_API_URL ?? 'http://127.0.0.1:3000';
  const port = Number(values.port ?? process.env.JINLIN_PARTNER_SIM_PORT ?? GROCERY_PORT);
  const grocery = await start({ bankUrl, port, log: (line) => console.log(`[grocery] ${line}`) });
  console.log(`邻里鲜社区超市 (PSANDBOX) against ${bankUrl}
  webhook URL  ${grocery.webhookUrl}
  control API  ${grocery.url}/  (POST /orders {"amountFen":1250,"description":"生鲜 3 件"}, GET /events)`);
  const stop = () => void grocery.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
