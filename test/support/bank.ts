// Test harness: a fresh table on the DynamoDB Local the test run started (or one of its own
// when a file runs alone), and calls to the real Lambda handlers with API Gateway v2 events.
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { simulateDayCloseFunction } from '../../functions/adapters/simulators/day-close-trigger.js';
import { resetConfigForTests } from '../../functions/config.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { ensureTable, startDynamoLocal, type RunningDynamo } from '../../scripts/lib/dynamo-local.js';
import { freePort } from '../../scripts/lib/ports.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';

export const SHARED_ENDPOINT_ENV = 'JINLIN_TEST_DYNAMODB_ENDPOINT';

/** Gives the calling test file its own empty table; sets the env the handlers read. */
export function useBank(env: Record<string, string> = {}): { endpoint: () => string; tableName: string } {
  const tableName = `test-${randomUUID()}`;
  // The audit log's anchors (day closes write them) live and go with the file's table.
  const auditAnchorDir = mkdtempSync(`${tmpdir()}/jinlin-test-anchors-`);
  let own: RunningDynamo | undefined;
  let endpoint = process.env[SHARED_ENDPOINT_ENV] ?? '';
  before(async () => {
    if (!endpoint) {
      own = await startDynamoLocal({ port: await freePort() });
      endpoint = own.endpoint;
    }
    await ensureTable(endpoint, tableName);
    Object.assign(process.env, {
      STAGE: 'test',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      AUDIT_ANCHOR_DIR: auditAnchorDir,
      WECHAT_MODE: 'simulator',
      CARD_GATEWAY_MODE: 'simulator',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'CRITICAL',
      ...localSecretsEnv(),
      ...env,
    });
    resetConfigForTests();
    resetSecretsForTests();
    // 立即执行 and the automation route invoke the dayClose function: here its handler, in this
    // process (DAY_CLOSE_TRIGGER_MODE=simulator), imported when a close first asks for it.
    simulateDayCloseFunction(async (request) => {
      const { handler } = await import('../../functions/jobs/day-close.js');
      return handler(request, { functionName: 'dayClose', awsRequestId: randomUUID() } as Context);
    });
  });
  after(async () => {
    await own?.stop();
    rmSync(auditAnchorDir, { recursive: true, force: true });
  });
  return { endpoint: () => endpoint, tableName };
}

export interface CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  rawBody?: string;
  query?: Record<string, string>;
  token?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

/** Every response any handler gave in this test process, for scans such as "no full phone number
 *  ever left the server" — with the request body it answered (`requestBody`, as sent; '' when
 *  none), for scans such as "no PIN ever travels in clear". */
export const transcript: { method: string; path: string; status: number; body: string; requestBody: string }[] = [];

export interface CallResult<T = any> {
  status: number;
  body: T;
  /** The answer's headers and body as sent (the open platform signs them). */
  headers?: Record<string, string>;
  rawBody?: string;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** Time left before the invocation's deadline, as Lambda reports it. On AWS every invocation has
 *  its own container and the 10 s timeout of serverless.yml; here dozens of concurrent calls share
 *  two cores (and each PIN check is ~100 ms of scrypt), so the deadline is wider. */
const INVOCATION_BUDGET_MS = 60_000;

/** A fresh Lambda context per invocation, as Lambda gives: middlewares keep per-request state
 *  on it, so concurrent calls sharing one object would mix up each other's state. */
const newContext = () => {
  const deadline = Date.now() + INVOCATION_BUDGET_MS;
  return {
    functionName: 'test',
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => deadline - Date.now(),
  } as unknown as Context;
};

export async function call<T = any>(handler: Handler, options: CallOptions): Promise<CallResult<T>> {
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  const headers: Record<string, string> = {
    ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    ...options.headers,
  };
  const event = {
    version: '2.0',
    routeKey: `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString,
    headers,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      http: { method: options.method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: randomUUID(),
      routeKey: `${options.method} ${options.path}`,
      stage: '$default',
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  // As sent: the JSON body parser replaces event.body by what it parsed.
  const requestBody = typeof event.body === 'string' ? event.body : '';
  const result = (await handler(event, newContext())) as { statusCode: number; body?: string; headers?: Record<string, string> };
  transcript.push({ method: options.method, path: options.path, status: result.statusCode, body: result.body ?? '', requestBody });
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined, headers: result.headers ?? {}, rawBody: result.body ?? '' };
}
