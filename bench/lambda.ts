// Item 4 — Lambda cold start: the size of each function's bundle as `serverless package --stage
// prod` builds it, and module init time (import of the bundle in a fresh Node process) against a
// bare middy handler built with the same esbuild options. The listing also names any test double
// (simulator, fault injection) a bundle carries, and the run fails if a prod bundle carries one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { bundledModules, testDoublesIn } from '../scripts/lib/bundle-modules.js';
import { esbuildDefine, repoRoot, serverlessFile } from '../scripts/lib/serverless-config.js';
import { onCleanup } from './lib/cleanup.js';
import { serviceSnapshot } from './lib/snapshot.js';
import { median } from './lib/stats.js';
import { readZip } from './lib/zip.js';

export const BUNDLE_TARGET_BYTES = 250 * 1024;
export const INIT_TARGET_RATIO = 2;
const ROUNDS = Number(process.env.BENCH_INIT_ROUNDS ?? 7);

export interface BundleFigures {
  name: string;
  mjsBytes: number;
  mapBytes: number;
  zipBytes: number;
  /** Median import time in a fresh process with NODE_OPTIONS=--enable-source-maps, as deployed. */
  initMs: number;
  initSamples: number[];
  /** Median import time without source maps (attribution only). */
  initNoMapsMs?: number;
  awsSdkImports: string[];
  /** Simulator and fault-injection modules in the bundle (scripts/lib/bundle-modules.ts). */
  testDoubles: string[];
}

export interface LambdaResults {
  functions: BundleFigures[];
  hello: BundleFigures;
  /** Import of only the @aws-sdk packages the bundles leave to the Lambda runtime. */
  awsSdkOnly: { initMs: number; modules: string[] };
  largest: { name: string; byPackage: { name: string; bytes: number }[]; zodLocaleBytes: number };
  packageSeconds: number;
}

type EsbuildSection = Record<string, unknown> & { exclude?: string[]; external?: string[]; outputFileExtension?: string };

/** The esbuild options serverless-esbuild derives from custom.esbuild (same keys dropped). */
function esbuildOptionsFromServerlessYml(): BuildOptions {
  const section = (serverlessFile() as unknown as { custom: { esbuild: EsbuildSection } }).custom.esbuild;
  const pluginOnly = ['concurrency', 'zipConcurrency', 'exclude', 'nativeZip', 'packager', 'packagePath', 'watch', 'keepOutputDirectory',
    'packagerOptions', 'installExtraArgs', 'outputFileExtension', 'outputBuildFolder', 'outputWorkFolder', 'nodeExternals', 'skipBuild',
    'skipRebuild', 'skipBuildExcludeFns', 'stripEntryResolveExtensions', 'disposeContext', 'config', 'plugins'];
  const options: Record<string, unknown> = Object.fromEntries(Object.entries(section).filter(([key]) => !pluginOnly.includes(key)));
  options.external = [...(section.external ?? []), ...(section.exclude ?? [])];
  if (section.outputFileExtension && section.outputFileExtension !== '.js') options.outExtension = { '.js': section.outputFileExtension };
  options.define = esbuildDefine('prod');
  return options as BuildOptions;
}

function sizeByPackage(metafile: Metafile): { byPackage: { name: string; bytes: number }[]; zodLocaleBytes: number } {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  const totals = new Map<string, number>();
  let zodLocaleBytes = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    let name = 'functions/ (our code)';
    const at = input.lastIndexOf('node_modules/');
    if (at >= 0) {
      const parts = input.slice(at + 'node_modules/'.length).split('/');
      name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
      if (name === 'zod' && input.includes('/locales/')) {
        name = 'zod (locales)';
        zodLocaleBytes += bytesInOutput;
      }
    }
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  const byPackage = [...totals].map(([n, bytes]) => ({ name: n, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { byPackage, zodLocaleBytes };
}

/** One fresh `node` that imports `file` and reports how long the import took. */
function timeImport(file: string, sourceMaps: boolean): number {
  const script = 'const t=performance.now();await import(process.env.BENCH_MODULE);process.stdout.write(String(performance.now()-t));';
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      BENCH_MODULE: pathToFileURL(file).href,
      AWS_REGION: 'cn-north-1',
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '',
    },
  });
  const ms = Number(result.stdout);
  if (result.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`importing ${file} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }
  return ms;
}

export async function runLambdaBenchmarks(log: (line: string) => void): Promise<LambdaResults> {
  const work = mkdtempSync(join(tmpdir(), 'jinlin-bench-lambda-'));
  onCleanup('lambda temp dir', () => rmSync(work, { recursive: true, force: true }));
  const packageDir = join(work, 'package');
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked, { recursive: true });
  // The Lambda runtime provides the AWS SDK; here it comes from the repository's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(unpacked, 'node_modules'), 'dir');

  log('serverless package --stage prod …');
  const startedPackage = performance.now();
  const packaged = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', packageDir],
    {
      // From the run's private copy: package deletes <service>/.esbuild when it is done.
      cwd: serviceSnapshot(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SLS_TELEMETRY_DISABLED: '1' },
      timeout: 300_000,
    },
  );
  if (packaged.status !== 0) throw new Error(`serverless package failed:\n${packaged.stdout}\n${packaged.stderr}`);
  const packageSeconds = (performance.now() - startedPackage) / 1000;

  const functionNames = Object.keys(serverlessFile().functions);
  const bundles: { name: string; file: string; mjsBytes: number; mapBytes: number; zipBytes: number; awsSdkImports: string[]; testDoubles: string[] }[] = [];
  const forbidden: string[] = [];
  for (const name of functionNames) {
    const zipPath = join(packageDir, `${name}.zip`);
    const entries = readZip(zipPath);
    const mjs = entries.find((e) => e.name.endsWith('.mjs'));
    const map = entries.find((e) => e.name.endsWith('.mjs.map'));
    if (!mjs || !map) throw new Error(`${name}.zip holds no .mjs and its map: ${entries.map((e) => e.name).join(', ')}`);
    for (const entry of [mjs, map]) {
      const target = join(unpacked, name, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.data());
    }
    const file = join(unpacked, name, mjs.name);
    const awsSdkImports = [...new Set([...readFileSync(file, 'utf8').matchAll(/from\s*"(@aws-sdk\/[^"]+)"/g)].map((m) => m[1]!))].sort();
    const modules = bundledModules(map.data().toString('utf8'));
    const testDoubles = testDoublesIn(modules);
    forbidden.push(...testDoubles.map((module) => `${name}: ${module}`));
    log(`${name}: ${(mjs.size / 1024).toFixed(0)} KB .mjs; test doubles: ${testDoubles.join(', ') || 'none'}`);
    bundles.push({ name, file, mjsBytes: mjs.size, mapBytes: map.size, zipBytes: statSync(zipPath).size, awsSdkImports, testDoubles });
  }
  if (forbidden.length > 0) throw new Error(`prod bundles carry simulators or fault injection:\n${forbidden.join('\n')}`);

  // The bare middy handler, bundled exactly like the functions.
  const options = esbuildOptionsFromServerlessYml();
  const helloDir = join(unpacked, 'hello');
  await build({ ...options, entryPoints: [join(repoRoot, 'bench/fixtures/hello-handler.ts')], outdir: helloDir, logLevel: 'warning' });
  const helloFile = join(helloDir, 'hello-handler.mjs');
  const hello = { name: 'hello (bare middy)', file: helloFile, mjsBytes: statSync(helloFile).size, mapBytes: statSync(`${helloFile}.map`).size, zipBytes: 0, awsSdkImports: [], testDoubles: [] };

  // Only the AWS SDK packages the bundles import (the runtime's share of init).
  const sdkModules = [...new Set(bundles.flatMap((b) => b.awsSdkImports))].sort();
  const sdkProbe = join(unpacked, 'aws-sdk-only.mjs');
  writeFileSync(sdkProbe, sdkModules.map((m) => `import ${JSON.stringify(m)};`).join('\n') + '\n');

  // Where the bytes of the largest bundle come from.
  const largest = bundles.reduce((a, b) => (b.mjsBytes > a.mjsBytes ? b : a));
  const handlerPath = serverlessFile().functions[largest.name]!.handler.replace(/\.[^.]+$/, '.ts');
  const analysed = await build({ ...options, entryPoints: [join(serviceSnapshot(), handlerPath)], outdir: join(work, 'analyse'), write: false, metafile: true, logLevel: 'warning' });

  // Fresh processes, round-robin so that a noisy moment hits every bundle alike.
  log(`module init: ${ROUNDS} fresh processes per bundle …`);
  const subjects = [hello, ...bundles, { name: 'aws-sdk-only', file: sdkProbe }];
  const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const noMaps = new Map<string, number[]>([[hello.name, []], [largest.name, []]]);
  for (const subject of subjects) timeImport(subject.file, true); // page cache warm, not measured
  for (let round = 0; round < ROUNDS; round++) {
    for (const subject of subjects) samples.get(subject.name)!.push(timeImport(subject.file, true));
    for (const subject of [hello, largest]) noMaps.get(subject.name)!.push(timeImport(subject.file, false));
  }

  const figures = (b: (typeof bundles)[number] | typeof hello): BundleFigures => ({
    name: b.name,
    mjsBytes: b.mjsBytes,
    mapBytes: b.mapBytes,
    zipBytes: b.zipBytes,
    initMs: median(samples.get(b.name)!),
    initSamples: samples.get(b.name)!,
    ...(noMaps.has(b.name) ? { initNoMapsMs: median(noMaps.get(b.name)!) } : {}),
    awsSdkImports: b.awsSdkImports,
    testDoubles: b.testDoubles,
  });
  return {
    functions: bundles.map(figures),
    hello: figures(hello),
    awsSdkOnly: { initMs: median(samples.get('aws-sdk-only')!), modules: sdkModules },
    largest: { name: largest.name, ...sizeByPackage(analysed.metafile) },
    packageSeconds,
  };
}

export function relativeToRepo(path: string): string {
  return relative(repoRoot, path);
}
