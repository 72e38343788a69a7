// `npm start`: the whole bank on this machine — DynamoDB Local (data kept in .data/), the table
// from serverless.yml, demo data, the API (serverless offline), the mini-program's H5 build and
// the operations console (Vite's dev server: up in about a second, against the same API), and the
// open platform's sandbox partner, 邻里鲜社区超市 (scripts/partner-sim/grocery.ts), with a webhook
// delivery pass every few seconds.
// Ctrl-C stops everything. `npm start -- --fresh` (or JINLIN_FRESH=1) starts from an empty database.
import { rmSync } from 'node:fs';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS } from '../functions/adapters/simulators/authenticator.js';
import { deliverDueWebhooks } from '../functions/services/webhook-delivery.js';
import { DEMO_CUSTOMERS } from './lib/seed.js';
import { startLocalStack, type LocalStack } from './lib/local-stack.js';
import { PortTaken, assertPortFree } from './lib/ports.js';
import { type Service, startService, waitForHttp } from './lib/processes.js';
import { repoRoot } from './lib/serverless-config.js';
import { GROCERY_PORT, type Grocery, start as startGrocery } from './partner-sim/grocery.js';

const PORTS = { dynamo: 8000, api: 3000, lambda: 3002, h5: 10086, console: 10087, grocery: GROCERY_PORT };
/** How often the bank's webhook delivery pass runs here: the deployed job runs each minute, but a
 *  developer watching a payment reach the simulator should not wait that long. */
const WEBHOOK_PASS_INTERVAL_MS = 5_000;
const dataDir = `${repoRoot}/.data/dynamodb`;
const fresh = process.argv.includes('--fresh') || process.env.JINLIN_FRESH === '1';

let stack: LocalStack | undefined;
let h5: Service | undefined;
let consoleApp: Service | undefined;
let grocery: Grocery | undefined;
let stopDeliveries: (() => void) | undefined;
let stopping = false;

/** serverless offline runs no schedule: the delivery pass runs here, in this process against the
 *  same table (as the seed does), rather than through POST /v1/admin/webhooks/deliver, which would
 *  put a request in the API's log every few seconds. */
function deliverWebhooksEvery(intervalMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';
  const pass = async () => {
    try {
      const report = await deliverDueWebhooks(new Date());
      if (report.attempts > 0) console.log(`[webhooks] ${report.attempts} attempt(s): ${report.delivered} delivered, ${report.retrying} to retry, ${report.failed} failed`);
      lastError = '';
    } catch (error) {
      // Once per distinct error: a stopping DynamoDB Local must not fill the terminal.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) console.error(`[webhooks] delivery pass failed: ${message}`);
      lastError = message;
    }
    if (!stopped) timer = setTimeout(() => void pass(), intervalMs);
  };
  timer = setTimeout(() => void pass(), intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('[setup] stopping…');
    stopDeliveries?.();
    await Promise.all([h5?.stop(), consoleApp?.stop(), grocery?.stop(), stack?.stop()]);
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  await assertPortFree(PORTS.h5, 'mini-program H5');
  await assertPortFree(PORTS.console, 'operations console');
  await assertPortFree(PORTS.grocery, 'partner simulator');
  if (fresh) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log('[setup] --fresh: starting from an empty database');
  }
  stack = await startLocalStack({
    dynamoPort: PORTS.dynamo,
    apiPort: PORTS.api,
    lambdaPort: PORTS.lambda,
    tableName: 'jinlin-local',
    dataDir,
    log: true,
  });
  stack.api.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[setup] the API exited (${code}); stopping`);
      void shutdown(1);
    }
  });
  stack.dynamo.process.once('exit', (code) => {
    if (!stopping) {
      console.error(`[setup] DynamoDB Local exited (${code}); stopping`);
      void shutdown(1);
    }
  });
  // The sandbox partner's system, where the seed points its webhooks.
  grocery = await startGrocery({ bankUrl: stack.apiUrl, port: PORTS.grocery, log: (line) => console.log(`[grocery] ${line}`) });
  stopDeliveries = deliverWebhooksEvery(WEBHOOK_PASS_INTERVAL_MS);
  h5 = startService('h5', `${repoRoot}/node_modules/.bin/taro`, ['build', '--type', 'h5', '--watch'], {
    cwd: `${repoRoot}/miniprogram`,
    env: { JINLIN_API_URL: stack.apiUrl, NODE_ENV: 'development', JINLIN_PLAIN_LOGS: '1' },
  });
  h5.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[setup] the H5 dev server exited (${code}); stopping`);
      void shutdown(1);
    }
  });
  // The port is fixed in console/vite.config.ts (strictPort): PORTS.console is what it listens on.
  consoleApp = startService('console', process.execPath, [`${repoRoot}/node_modules/vite/bin/vite.js`], {
    cwd: `${repoRoot}/console`,
    env: { JINLIN_API_URL: stack.apiUrl, JINLIN_STAGE: 'local' },
  });
  consoleApp.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[setup] the console's dev server exited (${code}); stopping`);
      void shutdown(1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${PORTS.console}/`, 60_000, consoleApp.child);
  await waitForHttp(`http://127.0.0.1:${PORTS.h5}/`, 300_000, h5.child);
  const demo = DEMO_CUSTOMERS[0]!;
  console.log(`
  近邻银行 Jinlin is running
    Mini-program (H5)  http://127.0.0.1:${PORTS.h5}/
    Console            http://127.0.0.1:${PORTS.console}/   (运营中台)
    API                ${stack.apiUrl}/v1/health   (OpenAPI: ${stack.apiUrl}/v1/openapi.json)
    DynamoDB Local     ${stack.dynamo.endpoint}   (data in .data/dynamodb)
    Partner sandbox    ${grocery.url}/   (邻里鲜社区超市 PSANDBOX: POST /orders, GET /events; webhooks every ${WEBHOOK_PASS_INTERVAL_MS / 1000} s)
  Demo customer: sign in as simulated WeChat user "${demo.simulatorUser}" (${demo.name}, PIN ${demo.pin});
  transfer to ${DEMO_CUSTOMERS[1]!.phone} (${DEMO_CUSTOMERS[1]!.name}).
  Demo operators (password ${DEMO_OPERATOR_PASSWORD}; the 动态口令 from 「获取本地演示口令」 on the sign-in page):
    ${DEMO_OPERATORS.map((operator) => operator.login).join(', ')}. Ctrl-C stops everything.
`);
}

main().catch(async (error: unknown) => {
  console.error(`[setup] ${error instanceof PortTaken ? error.message : error instanceof Error ? error.stack : String(error)}`);
  await shutdown(1);
});
