// Item 5 — the mini-program: weapp production build sizes (main package and each subpackage)
// against WeChat's limits and against a Taro React hello world built the same way, and the H5
// build's first contentful paint in headless Chromium against the hello world's.
//
// Both projects are built in this run from private copies that share miniprogram/config,
// babel.config.cjs, tsconfig.json and types (and the repository's node_modules), so the only
// difference is src/. Building from copies also leaves miniprogram/dist alone for anyone else.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/lib/chromium.js';
import { freePort } from '../scripts/lib/ports.js';
import { repoRoot } from '../scripts/lib/serverless-config.js';
import { serveStatic } from '../test/support/static-server.js';
import { onCleanup } from './lib/cleanup.js';
import { median } from './lib/stats.js';

export const WECHAT_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const MAIN_TARGET_BYTES = 512 * 1024;
export const SUBPACKAGE_TARGET_BYTES = 300 * 1024;
export const FCP_TARGET_RATIO = 1.5;
// Medians of 7 visits moved the ratio between 1.13× and 1.52× from run to run on this shared
// machine (same code): 15 visits each, alternating, for a steadier median.
export const FCP_RUNS = Number(process.env.BENCH_FCP_RUNS ?? 15);

const HELLO_SOURCES: Record<string, string> = {
  'src/app.config.ts': `export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'Hello' },
});
`,
  'src/app.ts': `import type { PropsWithChildren } from 'react';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
`,
  'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: 'Hello' });
`,
  'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View>
      <Text>Hello world</Text>
    </View>
  );
}
`,
};

export interface WeappFigures {
  totalBytes: number;
  mainBytes: number;
  subpackages: { root: string; bytes: number }[];
  largestFiles: { file: string; bytes: number }[];
  pages: number;
  buildSeconds: number;
}

export interface H5Figures {
  jsCssBytes: number;
  jsCssGzipBytes: number;
  buildSeconds: number;
  fcpMs: number;
  fcpSamples: number[];
  /** Scripts and style sheets fetched before the first contentful paint (median). */
  requestsBeforeFcp: number;
  /** The route the visit ended on. */
  landedOn: string;
  /** Scripts and style sheets index.html itself loads (before any page chunk). */
  initialBytes: number;
}

export interface MiniprogramResults {
  weapp: { app: WeappFigures; hello: WeappFigures };
  h5: { app: H5Figures; hello: H5Figures };
  fcpPage: string;
  /** The app entered directly at its login page (no home → login redirect), for attribution. */
  appLoginDirect: { fcpMs: number; fcpSamples: number[]; requestsBeforeFcp: number };
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(join(dir, file)).isFile());
}

function sizeOf(dir: string): number {
  return filesUnder(dir).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
}

function makeProject(work: string, name: 'app' | 'hello'): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const miniprogram = join(repoRoot, 'miniprogram');
  for (const shared of ['config', 'types', 'babel.config.cjs', 'tsconfig.json']) {
    cpSync(join(miniprogram, shared), join(dir, shared), { recursive: true });
  }
  if (name === 'app') {
    cpSync(join(miniprogram, 'src'), join(dir, 'src'), { recursive: true });
  } else {
    for (const [file, text] of Object.entries(HELLO_SOURCES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    // The H5 page template is build configuration, not app code: the same for both.
    cpSync(join(miniprogram, 'src/index.html'), join(dir, 'src/index.html'));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function taroBuild(project: string, type: 'weapp' | 'h5'): number {
  const started = performance.now();
  const result = spawnSync(join(repoRoot, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: project,
    // The H5 pages measured here never call the API (no session → login page).
    env: { ...process.env, NODE_ENV: 'production', JINLIN_API_URL: 'http://127.0.0.1:9', JINLIN_PLAIN_LOGS: '1' },
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`taro build --type ${type} in ${project} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  }
  return (performance.now() - started) / 1000;
}

function weappFigures(project: string, buildSeconds: number): WeappFigures {
  const dist = join(project, 'dist/weapp');
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] };
  const subs = app.subPackages ?? app.subpackages ?? [];
  const subpackages = subs.map((s) => ({ root: s.root, bytes: sizeOf(join(dist, s.root)) }));
  const totalBytes = sizeOf(dist);
  const inSub = (file: string) => subs.some((s) => file.startsWith(s.root.replace(/\/?$/, '/')));
  const mainFiles = filesUnder(dist).filter((file) => !inSub(file));
  return {
    totalBytes,
    mainBytes: totalBytes - subpackages.reduce((sum, s) => sum + s.bytes, 0),
    subpackages,
    largestFiles: mainFiles
      .map((file) => ({ file, bytes: statSync(join(dist, file)).size }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6),
    pages: app.pages.length + subs.reduce((sum, s) => sum + s.pages.length, 0),
    buildSeconds,
  };
}

function h5Sizes(project: string): { jsCssBytes: number; jsCssGzipBytes: number; initialBytes: number } {
  const dist = join(project, 'dist/h5');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialBytes = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].reduce((sum, m) => sum + statSync(join(dist, m[1]!)).size, 0);
  let jsCssBytes = 0;
  let jsCssGzipBytes = 0;
  for (const file of filesUnder(dist)) {
    if (!['.js', '.css'].includes(extname(file))) continue;
    const content = readFileSync(join(dist, file));
    jsCssBytes += content.length;
    jsCssGzipBytes += gzipSync(content).length;
  }
  return { jsCssBytes, jsCssGzipBytes, initialBytes };
}

export interface Visit {
  fcpMs: number;
  requestsBeforeFcp: number;
  landedOn: string;
}

export async function firstContentfulPaint(browser: Browser, url: string): Promise<Visit> {
  // A fresh context each time: empty cache and storage, as a first visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const handle = await page.waitForFunction(
      () => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (!entry) return false;
        const requests = performance.getEntriesByType('resource').filter((r) => r.startTime < entry.startTime).length;
        return { fcpMs: entry.startTime, requestsBeforeFcp: requests, landedOn: location.hash || location.pathname };
      },
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    return (await handle.jsonValue()) as Visit;
  } finally {
    await context.close();
  }
}

export async function runMiniprogramBenchmarks(log: (line: string) => void): Promise<MiniprogramResults> {
  const work = mkdtempSync(join(tmpdir(), 'jinlin-bench-taro-'));
  onCleanup('taro temp projects', () => rmSync(work, { recursive: true, force: true }));
  const app = makeProject(work, 'app');
  const hello = makeProject(work, 'hello');

  log('weapp production build: the app …');
  const appWeapp = weappFigures(app, taroBuild(app, 'weapp'));
  log('weapp production build: hello world …');
  const helloWeapp = weappFigures(hello, taroBuild(hello, 'weapp'));
  log('H5 production build: the app …');
  const appH5Seconds = taroBuild(app, 'h5');
  log('H5 production build: hello world …');
  const helloH5Seconds = taroBuild(hello, 'h5');

  const servers: Server[] = [];
  const serve = async (project: string) => {
    const port = await freePort();
    const server = await serveStatic(join(project, 'dist/h5'), port);
    servers.push(server);
    return `http://127.0.0.1:${port}/`;
  };
  onCleanup('static servers', () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined));
  const appUrl = await serve(app);
  const helloUrl = await serve(hello);

  log(`first contentful paint, ${FCP_RUNS} runs each, alternating …`);
  // Playwright gives the browser a fresh, temporary profile of its own.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  onCleanup('chromium', () => browser.close());
  // One unmeasured visit each: the OS file cache and Chromium's own start-up are not the page's.
  await firstContentfulPaint(browser, appUrl);
  await firstContentfulPaint(browser, helloUrl);
  const visits = { app: [] as Visit[], hello: [] as Visit[], login: [] as Visit[] };
  const urls = { app: appUrl, hello: helloUrl, login: `${appUrl}#/pages/login/index` };
  for (let run = 0; run < FCP_RUNS; run++) {
    const order = run % 2 === 0 ? (['app', 'hello', 'login'] as const) : (['login', 'hello', 'app'] as const);
    for (const which of order) visits[which].push(await firstContentfulPaint(browser, urls[which]));
  }
  const summary = (list: Visit[]) => ({
    fcpMs: median(list.map((v) => v.fcpMs)),
    fcpSamples: list.map((v) => v.fcpMs),
    requestsBeforeFcp: median(list.map((v) => v.requestsBeforeFcp)),
    landedOn: list[list.length - 1]?.landedOn ?? '',
  });

  return {
    weapp: { app: appWeapp, hello: helloWeapp },
    h5: {
      app: { ...h5Sizes(app), buildSeconds: appH5Seconds, ...summary(visits.app) },
      hello: { ...h5Sizes(hello), buildSeconds: helloH5Seconds, ...summary(visits.hello) },
    },
    fcpPage: '`/` (home; with no session, app.ts opens the login page there instead)',
    appLoginDirect: (({ fcpMs, fcpSamples, requestsBeforeFcp }) => ({ fcpMs, fcpSamples, requestsBeforeFcp }))(summary(visits.login)),
  };
}
