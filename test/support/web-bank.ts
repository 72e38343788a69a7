// One local bank for a Chromium journey, serving the web apps it needs: DynamoDB Local with the
// demo seed (its operators included), the API in serverless offline allowing each app's origin,
// each app's production build served as a CDN would — the mini-program's H5 build, the console's
// build for the local stage — and a headless Chromium. A journey that crosses apps (an operator
// publishes, a customer sees it) runs both against the same bank.
import type { Server } from 'node:http';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { API_URL_PLACEHOLDER, appBuild, type WebApp } from './app-builds.js';
import { serveStatic } from './static-server.js';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.js';

export interface WebBank<App extends WebApp> {
  browser: Browser;
  /** Where each app is served. */
  origins: Record<App, string>;
  /** The API, for what a journey reads from the simulators or calls as a client. */
  apiUrl: string;
}

/** serverless.yml's local corsOrigins read these when the API starts. */
const ORIGIN_ENV: Record<WebApp, string> = { h5: 'JINLIN_H5_ORIGIN', console: 'JINLIN_CONSOLE_ORIGIN' };

/** Starts the bank, serves `apps` pointed at it and launches Chromium for the calling file. */
export function useWebBank<App extends WebApp>(tableName: string, apps: readonly App[]): WebBank<App> {
  const bank = { origins: {} } as WebBank<App>;
  let stack: LocalStack | undefined;
  const servers: Server[] = [];
  const releases: (() => void)[] = [];
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
      // serverless offline drops a function idle for 60 s, and a build below (when the run made
      // none) can take longer than that on a busy machine: the journey's first requests then each waited for a cold
      // start, with another file's build running, past the apps' 15 s request timeout (a sign-up
      // failed on GET /v1/me). The warmed functions are kept for the run.
      offlineArgs: ['--terminateIdleLambdaTime', String(24 * 3600)],
    });
    bank.apiUrl = stack.apiUrl;
    // One build at a time (when the run made none): each takes the machine's cores.
    for (const app of apps) {
      const { dir, release } = appBuild(app);
      releases.push(release);
      servers.push(await serveStatic(dir, ports.get(app)!, { from: API_URL_PLACEHOLDER, to: stack.apiUrl }));
    }
    // In China's time zone, as the bank's customers and staff are: a time the pages format in the
    // browser's zone reads as they would read it.
    bank.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, TZ: 'Asia/Shanghai' } });
  });
  after(async () => {
    // A journey that waited too long says which API requests were slow (none is the usual case).
    for (const request of stack?.slowRequests() ?? []) console.log(`slow API request: ${request}`);
    await bank.browser?.close();
    for (const server of servers) server.close();
    await stack?.stop();
    for (const release of releases) release();
  });
  return bank;
}
