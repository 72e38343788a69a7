// Issue 15 — the operations console: the production build's sign-in page initial JavaScript
// (gzip) against its 250 KB budget, the signed-in shell's and any chart chunk's size, and the
// sign-in page's first contentful paint in headless Chromium against a bare antd sign-in page
// (bench/fixtures/antd-sign-in: one Form of two inputs and a button) built the same way.
//
// The console is built by the test suite's buildConsole() (test/support/console-build.ts), which
// reads Vite's manifest. The bare page is built from a private copy that takes the console's own
// vite.config.ts and tsconfig.json (and the repository's node_modules), with the same command and
// environment, so the only difference is the source. Both builds go to temporary folders:
// console/dist is left alone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from '../scripts/lib/ports.js';
import { repoRoot } from '../scripts/lib/serverless-config.js';
import { buildConsole } from '../test/support/console-build.js';
import { serveStatic } from '../test/support/static-server.js';
import { onCleanup } from './lib/cleanup.js';
import { median } from './lib/stats.js';
import { CHROMIUM_ARGS } from '../scripts/lib/chromium.js';
import { FCP_RUNS, firstContentfulPaint, type Visit } from './miniprogram.js';

export const SIGN_IN_JS_TARGET_GZIP_BYTES = 250 * 1024;
export const CONSOLE_FCP_TARGET_RATIO = 1.3;

/** Chart libraries a console page might import (the package name or its scope). */
const CHART_PACKAGE = /^(@ant-design\/(charts|plots|graphs|maps)|@antv\/|echarts|echarts-for-react|recharts|chart\.js|react-chartjs-2|highcharts|victory|@nivo\/|@visx\/|d3($|-))/;

/** The same command and environment as buildConsole(): the API is never called here. */
const API_URL = 'http://127.0.0.1:9';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface Files {
  /** Output files, relative to the build folder. */
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

export interface ChartFigures {
  /** Console modules that import a chart library (console/src, scanned). */
  importers: string[];
  /** For each importer that is a chunk of its own (lazily loaded): what it adds beyond the
   *  sign-in page's and the shell's files. An importer missing here is bundled into another chunk. */
  chunks: ({ module: string } & Files)[];
}

export interface FcpFigures {
  fcpMs: number;
  fcpSamples: number[];
  requestsBeforeFcp: number;
}

export interface ConsoleResults {
  /** Entry + its static imports: everything the sign-in page loads before interaction. */
  signIn: Files;
  /** The signed-in shell's chunk and what only it imports. */
  shell: Files;
  charts: ChartFigures;
  /** The bare antd sign-in page's entry + its static imports. */
  bare: Files;
  buildSeconds: { console: number; bare: number };
  fcp: { console: FcpFigures; bare: FcpFigures };
}

export function measure(outDir: string, files: string[]): Files {
  const out: Files = { files, jsBytes: 0, jsGzipBytes: 0, cssGzipBytes: 0 };
  for (const file of files) {
    const content = readFileSync(join(outDir, file));
    if (extname(file) === '.js') {
      out.jsBytes += content.length;
      out.jsGzipBytes += gzipSync(content).length;
    } else if (extname(file) === '.css') {
      out.cssGzipBytes += gzipSync(content).length;
    }
  }
  return out;
}

function readManifest(outDir: string): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

/** A chunk's output files (JS and CSS) and those of every chunk it imports statically. */
function staticFiles(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticFiles(manifest, imported, seen);
  return seen;
}

const filesOf = (manifest: Record<string, ManifestChunk>, keys: Iterable<string>) =>
  [...new Set([...keys].flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])]))];

export function chartFigures(outDir: string, excluded: Set<string>): ChartFigures {
  const src = join(repoRoot, 'console/src');
  const importers = (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => /\.[jt]sx?$/.test(file) && statSync(join(src, file)).isFile())
    .filter((file) => {
      const text = readFileSync(join(src, file), 'utf8');
      return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].some((m) => CHART_PACKAGE.test(m[1]!));
    })
    .map((file) => relative(join(repoRoot, 'console'), join(src, file)))
    .sort();
  const manifest = readManifest(outDir);
  const chunks = importers
    .filter((module) => manifest[module]?.isDynamicEntry)
    .map((module) => ({ module, ...measure(outDir, filesOf(manifest, staticFiles(manifest, module)).filter((f) => !excluded.has(f))) }));
  return { importers, chunks };
}

/** The bare antd page: the fixture, with the console's vite.config.ts and tsconfig.json. */
function buildBare(work: string): { outDir: string; initial: Files; seconds: number } {
  const project = join(work, 'antd-sign-in');
  cpSync(join(repoRoot, 'bench/fixtures/antd-sign-in'), project, { recursive: true });
  for (const shared of ['vite.config.ts', 'tsconfig.json']) cpSync(join(repoRoot, 'console', shared), join(project, shared));
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  const outDir = join(work, 'antd-sign-in-dist');
  const started = performance.now();
  const result = spawnSync(process.execPath, [`${repoRoot}/node_modules/vite/bin/vite.js`, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: project,
    env: { ...process.env, NODE_ENV: 'production', JINLIN_API_URL: API_URL },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`bare antd page build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  const seconds = (performance.now() - started) / 1000;
  const manifest = readManifest(outDir);
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the bare antd build, found ${entries.join(', ')}`);
  return { outDir, initial: measure(outDir, filesOf(manifest, staticFiles(manifest, entries[0]!))), seconds };
}

const summary = (visits: Visit[]): FcpFigures => ({
  fcpMs: median(visits.map((v) => v.fcpMs)),
  fcpSamples: visits.map((v) => v.fcpMs),
  requestsBeforeFcp: median(visits.map((v) => v.requestsBeforeFcp)),
});

export async function runConsoleBenchmarks(log: (line: string) => void): Promise<ConsoleResults> {
  const work = mkdtempSync(join(tmpdir(), 'jinlin-bench-console-'));
  onCleanup('console temp builds', () => rmSync(work, { recursive: true, force: true }));

  log('production build: the console …');
  const started = performance.now();
  const build = buildConsole(API_URL);
  const consoleSeconds = (performance.now() - started) / 1000;
  onCleanup('console build', () => rmSync(build.outDir, { recursive: true, force: true }));
  log('production build: the bare antd sign-in page …');
  const bare = buildBare(work);

  const signIn = measure(build.outDir, build.signIn.files);
  const shell = measure(build.outDir, build.shell.files);
  const charts = chartFigures(build.outDir, new Set([...build.signIn.files, ...build.shell.files]));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  log(`sign-in page JS ${kb(signIn.jsGzipBytes)} gzip (${signIn.files.join(', ')}); shell ${kb(shell.jsGzipBytes)} gzip; bare antd page ${kb(bare.initial.jsGzipBytes)} gzip`);

  const servers: Server[] = [];
  const serve = async (dir: string) => {
    const port = await freePort();
    servers.push(await serveStatic(dir, port));
    return `http://127.0.0.1:${port}/`;
  };
  onCleanup('static servers', () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined));
  const urls = { console: await serve(build.outDir), bare: await serve(bare.outDir) };

  log(`first contentful paint, ${FCP_RUNS} runs each, alternating …`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  onCleanup('chromium', () => browser.close());
  // One unmeasured visit each: the OS file cache and Chromium's own start-up are not the page's.
  await firstContentfulPaint(browser, urls.console);
  await firstContentfulPaint(browser, urls.bare);
  const visits = { console: [] as Visit[], bare: [] as Visit[] };
  for (let run = 0; run < FCP_RUNS; run++) {
    const order = run % 2 === 0 ? (['console', 'bare'] as const) : (['bare', 'console'] as const);
    for (const which of order) visits[which].push(await firstContentfulPaint(browser, urls[which]));
  }
  const fcp = { console: summary(visits.console), bare: summary(visits.bare) };
  log(`FCP median ${fcp.console.fcpMs.toFixed(0)} ms vs bare antd ${fcp.bare.fcpMs.toFixed(0)} ms (${(fcp.console.fcpMs / fcp.bare.fcpMs).toFixed(2)}×)`);

  return { signIn, shell, charts, bare: bare.initial, buildSeconds: { console: consoleSeconds, bare: bare.seconds }, fcp };
}
