// End-to-end plumbing for the operations console's Chromium journeys: the local bank (DynamoDB
// Local with the demo seed, its operators included; the API in serverless offline, allowing the
// console's origin), the console's production build for the local stage served as a CDN would,
// and a headless Chromium at a desktop size.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { CHROMIUM_ARGS } from './browser.js';
import { buildConsole } from './console-build.js';
import { serveStatic } from './static-server.js';

/** A laptop screen, the size the console's screenshots are looked at. */
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };

export interface ConsoleBank {
  browser: Browser;
  /** Where the console is served. */
  origin: string;
  /** The API, for what a journey reads from the simulators or calls as a client. */
  apiUrl: string;
}

/** Starts the bank, builds and serves the console and launches Chromium for the calling file. */
export function useConsoleBank(tableName: string): ConsoleBank {
  const bank = {} as ConsoleBank;
  let stack: LocalStack | undefined;
  let web: Server | undefined;
  let buildDir: string | undefined;
  before(async () => {
    const webPort = await freePort();
    bank.origin = `http://127.0.0.1:${webPort}`;
    // serverless.yml's local corsOrigins read it when the API starts.
    process.env.JINLIN_CONSOLE_ORIGIN = bank.origin;
    stack = await startLocalStack({
      dynamoPort: await freePort(),
      apiPort: await freePort(),
      lambdaPort: await freePort(),
      tableName,
      log: false,
      // As useBrowserBank: the build below may outlast serverless offline's idle timeout.
      offlineArgs: ['--terminateIdleLambdaTime', String(24 * 3600)],
    });
    bank.apiUrl = stack.apiUrl;
    buildDir = buildConsole(stack.apiUrl, 'local').outDir;
    web = await serveStatic(buildDir, webPort);
    bank.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await bank.browser?.close();
    web?.close();
    await stack?.stop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });
  return bank;
}
