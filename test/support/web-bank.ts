// One local bank for a Chromium journey, serving the web apps it needs: DynamoDB Local with the
// demo seed (its operators included), the API in serverless offline allowing each app's origin,
// each app's production build served as a CDN would — the mini-program's H5 build, the console's
// build for the local stage — and a headless Chromium. A journey that crosses apps (an operator
// publishes, a customer sees it) runs both against the same bank.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { buildConsole } from './console-build.js';
import { buildH5 } from './h5-build.js';
import { serveStatic } from './static-server.js';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.js';

export type WebApp = 'h5' | 'console';

export interface WebBank<App extends WebApp> {
  browser: Browser;
  /** Where each app is served. */
  origins: Record<App, string>;
  /** The API, for what a journey reads from the simulators or calls as a client. */
  apiUrl: string;
}

/** serverless.yml's local corsOrigins read these when the API starts. */
const ORIGIN_ENV: Record<WebApp, string> = { h5: 'JINLIN_H5_ORIGIN', console: 'JINLIN_CONSOLE_ORIGIN' };

/** Builds an app for the API; its folder, and whether it is removed afterwards. */
function build(app: WebApp, apiUrl: string): { dir: string; temporary: boolean } {
  return app === 'h5' ? { dir: buildH5(apiUrl), temporary: false } : { dir: buildConsole(apiUrl, 'local').outDir, temporary: true };
}

/** Starts the bank, builds and serves `apps` and launches Chromium for the calling file. */
export function useWebBank<App extends WebApp>(tableName: string, apps: readonly App[]): WebBank<App> {
  const bank = { origins: {} } as WebBank<App>;
  let stack: LocalStack | undefined;
  const servers: Server[] = [];
  const temporaryDirs: string[] = [];
  before(async () => {
    const ports = new Map<App, number>();
    for (const app of apps) {
      const port = await freePort();
      ports.set(app, port);
      bank.origins[app] = `http://127.0.0.1:${port}`;
      process.env[ORIGIN_ENV[app]] = bank.origins[app];
    }
    stack = await startLocalStack({
      dynamoPort: await freePort(),
      apiPort: await freePort(),
      lambdaPort: await freePort(),
      tableName,
      log: false,
      // serverless offline drops a function idle for 60 s, and the builds below can take longer
      // than that on a busy machine: the journey's first requests then each waited for a cold
      // start, with another file's build running, past the apps' 15 s request timeout (a sign-up
      // failed on GET /v1/me). The warmed functions are kept for the run.
      offlineArgs: ['--terminateIdleLambdaTime', String(24 * 3600)],
    });
    bank.apiUrl = stack.apiUrl;
    // One build at a time: each takes the machine's cores.
    for (const app of apps) {
      const { dir, temporary } = build(app, stack.apiUrl);
      if (temporary) temporaryDirs.push(dir);
      servers.push(await serveStatic(dir, ports.get(app)!));
    }
    // In China's time zone, as the bank's customers and staff are: a time the pages format in the
    // browser's zone reads as they would read it.
    bank.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, TZ: 'Asia/Shanghai' } });
  });
  after(async () => {
    await bank.browser?.close();
    for (const server of servers) server.close();
    await stack?.stop();
    for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  });
  return bank;
}
