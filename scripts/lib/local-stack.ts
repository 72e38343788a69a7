// The local bank: DynamoDB Local with the table from serverless.yml, the demo seed, and the
// API through serverless-offline. Used by `npm start` and by the end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resetConfigForTests } from '../../functions/config.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { ensureTable, startDynamoLocal, type RunningDynamo } from './dynamo-local.js';
import { assertPortFree } from './ports.js';
import { type Service, startService, waitForHttp } from './processes.js';
import { seedDemo } from './seed.js';
import { localSecretsEnv, repoRoot } from './serverless-config.js';

export interface LocalStackOptions {
  dynamoPort: number;
  apiPort: number;
  lambdaPort: number;
  tableName: string;
  /** Where DynamoDB Local keeps its files; in memory when absent. */
  dataDir?: string;
  log: boolean;
  /** Extra environment for the API process only (e.g. JINLIN_FAULTS for the bank test). */
  apiEnv?: Record<string, string>;
  /** Extra `serverless offline start` options. */
  offlineArgs?: string[];
}

export interface LocalStack {
  /** The DynamoDB Local running now (replaced by restartDynamo). */
  dynamo: RunningDynamo;
  api: Service;
  apiUrl: string;
  /** `kill -9` of DynamoDB Local (its whole process group); resolves once it is gone. */
  killDynamo(): Promise<void>;
  /** Starts DynamoDB Local again on the same port from the same data directory. */
  restartDynamo(): Promise<void>;
  stop(): Promise<void>;
  /** With `log` off: the API requests that took SLOW_REQUEST_MS or more, as
   *  `POST /v1/… (λ: fn) … Duration: N ms` — what a journey that timed out needs to say why. */
  slowRequests(): string[];
}

const SLOW_REQUEST_MS = 5_000;
/** A bound on what is kept of a quiet API's log. */
const SLOW_REQUESTS_KEPT = 50;

/** Reads serverless offline's log: each `METHOD /path (λ: fn)` line, then that function's
 *  `(λ: fn) RequestId: … Duration: N ms`. A function runs one request at a time here
 *  (--useInProcess), so its last request line is the one that finished. */
function slowRequestLog(): { onLine: (line: string) => void; slow: string[] } {
  const lastRequest = new Map<string, string>();
  const slow: string[] = [];
  const onLine = (line: string) => {
    const request = /([A-Z]+ \/\S*) \(λ: (\w+)\)\s*$/.exec(line);
    if (request) return void lastRequest.set(request[2]!, request[1]!);
    const done = /\(λ: (\w+)\) RequestId: \S+\s+Duration: ([\d.]+) ms/.exec(line);
    if (!done || Number(done[2]) < SLOW_REQUEST_MS || slow.length >= SLOW_REQUESTS_KEPT) return;
    slow.push(`${lastRequest.get(done[1]!) ?? 'invoked directly'} (λ: ${done[1]}) ${Math.round(Number(done[2]))} ms`);
  };
  return { onLine, slow };
}

/** Environment the seed (run in this process) needs to reach the same table as the API. */
function useTableInThisProcess(endpoint: string, tableName: string, auditAnchorDir: string): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AUDIT_ANCHOR_DIR: auditAnchorDir,
    WECHAT_MODE: 'simulator',
    CARD_GATEWAY_MODE: 'simulator',
    ...localSecretsEnv(),
  });
  resetConfigForTests();
  resetSecretsForTests();
}

/** serverless offline loads each function on its first call, which on a busy machine can take
 *  longer than a person (or a browser test) waits: call one route of every function once. */
async function warmUp(apiUrl: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const calls: [string, RequestInit][] = [
    ['/v1/sim/wechat/login-code', { method: 'POST', headers: json, body: JSON.stringify({ user: 'warm-up' }) }],
    ['/v1/auth/refresh', { method: 'POST', headers: json, body: '{}' }],
    ['/v1/me', { method: 'GET' }],
    ['/v1/me/pin-reset/code', { method: 'POST', headers: json, body: '{}' }],
    ['/v1/account', { method: 'GET' }],
    ['/v1/loan-products', { method: 'GET' }],
    ['/v1/loans', { method: 'GET' }],
    ['/v1/billers', { method: 'GET' }],
    ['/v1/wealth-products', { method: 'GET' }],
    ['/v1/admin/day-close', { method: 'POST', headers: json, body: '{}' }],
    ['/v1/staff/me', { method: 'GET' }],
    ['/v1/staff/share-links/warm-up/poster', { method: 'GET' }],
  ];
  for (const [path, init] of calls) await fetch(`${apiUrl}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  await assertPortFree(options.apiPort, 'API (serverless offline)');
  await assertPortFree(options.lambdaPort, 'serverless offline Lambda endpoint');
  const startDynamo = () => startDynamoLocal({ port: options.dynamoPort, dataDir: options.dataDir, logAs: options.log ? 'db' : undefined });
  const dynamo = await startDynamo();
  // The audit log's anchors live as long as the database they anchor: beside its files, or for a
  // database in memory in a folder of this stack's own (a later stack's new chain would otherwise
  // meet this one's anchors). The seed's day closes in this process use the same folder.
  const anchorDir = options.dataDir ? `${options.dataDir}/audit-anchors` : mkdtempSync(`${tmpdir()}/jinlin-audit-anchors-`);
  try {
    const table = await ensureTable(dynamo.endpoint, options.tableName);
    if (options.log) console.log(`[setup] table ${options.tableName}: ${table}`);
    useTableInThisProcess(dynamo.endpoint, options.tableName, anchorDir);
    await seedDemo();
    if (options.log) console.log('[setup] demo data seeded');
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  // Its own esbuild output folder: stacks and `serverless package` running at the same time
  // must not overwrite or delete each other's bundles.
  const workFolder = `.esbuild-stacks/${options.apiPort}`;
  const slowLog = slowRequestLog();
  const api = startService(
    options.log ? 'api' : 'api-quiet',
    process.execPath,
    [
      `${repoRoot}/node_modules/serverless/bin/serverless.js`,
      'offline',
      'start',
      '--stage',
      'local',
      '--httpPort',
      String(options.apiPort),
      '--lambdaPort',
      String(options.lambdaPort),
      // Handlers in the offline process itself, as one warm Lambda container runs them, rather
      // than a worker thread (its own V8, warmed by its share of the traffic) per concurrent
      // request: about 7 ms less CPU per money request (docs/BENCHMARKS.md, section 1).
      '--useInProcess',
      ...(options.offlineArgs ?? []),
    ],
    {
      cwd: repoRoot,
      env: {
        ...options.apiEnv,
        JINLIN_DYNAMODB_ENDPOINT: dynamo.endpoint,
        // 立即执行 invokes the dayClose function through serverless offline's own Lambda API.
        JINLIN_LAMBDA_ENDPOINT: `http://127.0.0.1:${options.lambdaPort}`,
        JINLIN_TABLE_NAME: options.tableName,
        JINLIN_ESBUILD_WORK_FOLDER: workFolder,
        JINLIN_AUDIT_ANCHOR_DIR: anchorDir,
        SLS_TELEMETRY_DISABLED: '1',
      },
      quiet: !options.log,
      onQuietLine: slowLog.onLine,
    },
  );
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  let current = dynamo;
  const stop = async () => {
    await Promise.all([api.stop(), current.stop()]);
    rmSync(`${repoRoot}/${workFolder}`, { recursive: true, force: true });
    if (!options.dataDir) rmSync(anchorDir, { recursive: true, force: true });
  };
  const killDynamo = () =>
    new Promise<void>((resolve) => {
      const child = current.process;
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    });
  try {
    await waitForHttp(`${apiUrl}/v1/health`, 120_000, api.child);
    await warmUp(apiUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  const stack: LocalStack = {
    dynamo,
    api,
    apiUrl,
    stop,
    killDynamo,
    slowRequests: () => [...slowLog.slow],
    restartDynamo: async () => {
      await killDynamo();
      current = await startDynamo();
      stack.dynamo = current;
    },
  };
  return stack;
}
