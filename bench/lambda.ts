// Item 4 — Lambda cold start: the size of each function's bundle as `serverless package --stage
// prod` builds it; each bundle's init (import in a fresh Node process: module load to handler
// ready) over BENCH_INIT_ROUNDS rounds, against a bare middy handler and against a handler that
// imports only the same AWS SDK clients, both built with the same esbuild options; and the first
// money POST after a cold start: the account bundle in a fresh process, its secrets from SSM (a
// local stand-in) and one top-up against DynamoDB Local. The listing also names any test double
// (simulator, fault injection) a bundle carries, and the run fails if a prod bundle carries one.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { secrets } from '../functions/secrets.js';
import { bundledModules, testDoublesIn } from '../scripts/lib/bundle-modules.js';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local.js';
import { freePort } from '../scripts/lib/ports.js';
import { seedDemo } from '../scripts/lib/seed.js';
import { esbuildDefine, repoRoot, serverlessFile, stageParams } from '../scripts/lib/serverless-config.js';
import { onboard } from '../test/support/customers.js';
import { BENCH_TABLE, useTableInThisProcess } from './ledger.js';
import { onCleanup } from './lib/cleanup.js';
import { BENCH_PIN, apiGatewayEvent, moneyRequest } from './lib/money-request.js';
import { fakeCardGateway, fakeSsm } from './lib/outside-fakes.js';
import { serviceSnapshot } from './lib/snapshot.js';
import { median, type Spread, spreadOf } from './lib/stats.js';
import { readZip } from './lib/zip.js';

export const BUNDLE_TARGET_BYTES = 250 * 1024;
export const INIT_TARGET_RATIO = 2;
/** Issue 14, point 7: at least 15 rounds. */
const ROUNDS = Number(process.env.BENCH_INIT_ROUNDS ?? 15);
/** The function and movement timed cold: the money POST customers make most. */
const COLD_POST_FUNCTION = 'account';
const COLD_POST_PATH = '/v1/account/top-up';
const COLD_POST_FEN = 100;
const CHILD_TIMEOUT_MS = 60_000;
const execFileAsync = promisify(execFile);

export interface BundleFigures {
  name: string;
  mjsBytes: number;
  mapBytes: number;
  zipBytes: number;
  /** Import time in fresh processes with NODE_OPTIONS=--enable-source-maps, as deployed. */
  init: Spread;
  /** Median import time without source maps (attribution only). */
  initNoMapsMs?: number;
  awsSdkImports: string[];
  /** Simulator and fault-injection modules in the bundle (scripts/lib/bundle-modules.ts). */
  testDoubles: string[];
}

/** The first money POST after a cold start, per fresh process: the bundle's init, then the
 *  first request (secrets from SSM, the SDK clients built, DynamoDB and the card gateway
 *  reached), then a second request in the same process for comparison. */
export interface ColdPost {
  functionName: string;
  path: string;
  initMs: Spread;
  firstRequestMs: Spread;
  /** init + first request, per process. */
  coldMs: Spread;
  secondRequestMs: Spread;
  /** GetParameter calls the stand-in SSM answered: one per process when secrets came from SSM. */
  ssmFetches: number;
}

export interface LambdaResults {
  rounds: number;
  functions: BundleFigures[];
  /** A bare middy handler. */
  hello: BundleFigures;
  /** A middy handler importing only the AWS SDK clients the functions use (fixtures/sdk-handler.ts). */
  sdkHandler: BundleFigures;
  /** The @aws-sdk packages any bundle imports (the SDK handler should import the same). */
  bundlesSdkImports: string[];
  coldPost: ColdPost;
  largest: { name: string; byPackage: { name: string; bytes: number }[]; zodLocaleBytes: number };
  packageSeconds: number;
}

type EsbuildSection = Record<string, unknown> & { exclude?: string[]; external?: string[]; outputFileExtension?: string; plugins?: string };

/** The esbuild options serverless-esbuild derives from custom.esbuild (same keys dropped), with
 *  the plugins it names. */
async function esbuildOptionsFromServerlessYml(): Promise<BuildOptions> {
  const section = (serverlessFile() as unknown as { custom: { esbuild: EsbuildSection } }).custom.esbuild;
  const pluginOnly = ['concurrency', 'zipConcurrency', 'exclude', 'nativeZip', 'packager', 'packagePath', 'watch', 'keepOutputDirectory',
    'packagerOptions', 'installExtraArgs', 'outputFileExtension', 'outputBuildFolder', 'outputWorkFolder', 'nodeExternals', 'skipBuild',
    'skipRebuild', 'skipBuildExcludeFns', 'stripEntryResolveExtensions', 'disposeContext', 'config', 'plugins'];
  const options: Record<string, unknown> = Object.fromEntries(Object.entries(section).filter(([key]) => !pluginOnly.includes(key)));
  options.external = [...(section.external ?? []), ...(section.exclude ?? [])];
  if (section.outputFileExtension && section.outputFileExtension !== '.js') options.outExtension = { '.js': section.outputFileExtension };
  options.define = esbuildDefine('prod');
  if (section.plugins) options.plugins = ((await import(pathToFileURL(join(repoRoot, section.plugins)).href)) as { default: Plugin[] }).default;
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
    timeout: CHILD_TIMEOUT_MS,
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

/** provider.environment as the Serverless CLI resolves it for `stage` (${param:…}, ${sls:stage},
 *  and ${env:…, 'default'} at its default), i.e. what a deployed function finds in process.env. */
function stageEnvironment(stage: string): Record<string, string> {
  const params = stageParams(stage);
  const environment = (serverlessFile() as unknown as { provider: { environment: Record<string, unknown> } }).provider.environment;
  const resolve = (value: unknown, depth: number): string => {
    if (depth > 4) throw new Error(`serverless.yml: ${String(value)} nests too deep`);
    return String(value).replace(/\$\{(param|sls|env):(\w+)(?:,\s*'([^']*)')?\}/g, (whole, kind: string, name: string, fallback?: string) => {
      if (kind === 'param') return resolve(params[name] ?? '', depth + 1);
      if (kind === 'sls' && name === 'stage') return stage;
      if (kind === 'env') return resolve(fallback ?? '', depth + 1);
      throw new Error(`serverless.yml: cannot resolve ${whole}`);
    });
  };
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, resolve(value, 0)]));
}

/** What the child of `coldPosts` runs: import the bundle, then hand its handler two events. */
const COLD_POST_SCRIPT = `
const started = performance.now();
const { handler } = await import(process.env.BENCH_MODULE);
const ready = performance.now();
const events = JSON.parse(process.env.BENCH_EVENTS);
const context = (id) => { const deadline = Date.now() + 10000; return { functionName: 'bench', awsRequestId: id, getRemainingTimeInMillis: () => deadline - Date.now() }; };
const first = await handler(events[0], context('first'));
const answered = performance.now();
const second = await handler(events[1], context('second'));
const done = performance.now();
process.stdout.write('\\nBENCH_RESULT ' + JSON.stringify({ initMs: ready - started, firstMs: answered - ready, secondMs: done - answered, answers: [first, second] }) + '\\n');
process.exit(0);
`;

/** The first money POST after a cold start, `rounds` times: a prod bundle in a fresh process with
 *  the prod stage's environment, its secrets from a stand-in SSM (the SDK pointed at it by
 *  AWS_ENDPOINT_URL_SSM, as the real parameter holds them: one SecureString of JSON), DynamoDB
 *  Local for the table and a stand-in card gateway. Each request is made — second factor and
 *  all — in this process before the child starts. */
async function coldPosts(bundleFile: string, rounds: number, log: (line: string) => void): Promise<ColdPost> {
  log('first money POST after a cold start: DynamoDB Local, demo seed, one customer …');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  onCleanup('DynamoDB Local (cold start)', () => dynamo.stop());
  await ensureTable(dynamo.endpoint, BENCH_TABLE);
  useTableInThisProcess(dynamo.endpoint);
  await seedDemo();
  const customer = await onboard({ pin: BENCH_PIN });
  const prod = stageEnvironment('prod');
  if (!prod.SECRETS_PARAMETER) throw new Error('the prod stage names no secrets parameter');
  // The same secrets this process signed the customer's token with, as SSM would hold them.
  const ssm = await fakeSsm(prod.SECRETS_PARAMETER, JSON.stringify(await secrets()));
  const cardGateway = await fakeCardGateway();
  const env = {
    PATH: process.env.PATH,
    ...prod,
    TABLE_NAME: BENCH_TABLE,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    CARD_GATEWAY_URL: cardGateway.url,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_SSM: ssm.url,
    BENCH_MODULE: pathToFileURL(bundleFile).href,
  };
  let sequence = 0;
  const once = async () => {
    const made = await Promise.all([0, 1].map(() => moneyRequest(customer.token, COLD_POST_PATH, { amountFen: COLD_POST_FEN }, `cold-${Date.now().toString(36)}-${sequence++}`)));
    // Not spawnSync: the stand-ins answer from this process's event loop.
    const result = await execFileAsync(process.execPath, ['--input-type=module', '-e', COLD_POST_SCRIPT], {
      encoding: 'utf8',
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...env, BENCH_EVENTS: JSON.stringify(made.map(apiGatewayEvent)) },
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (!line) throw new Error(`cold ${COLD_POST_PATH}: no result from the child:\n${result.stderr.slice(-2000)}${result.stdout.slice(-1000)}`);
    const out = JSON.parse(line.slice('BENCH_RESULT '.length)) as { initMs: number; firstMs: number; secondMs: number; answers: { statusCode: number; body?: string }[] };
    const refused = out.answers.find((answer) => answer.statusCode !== 200);
    if (refused) throw new Error(`cold ${COLD_POST_PATH}: HTTP ${refused.statusCode} ${refused.body ?? ''}; the function logged:\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`);
    return out;
  };
  await once(); // page cache warm, not measured
  const fetchesBefore = ssm.answered();
  log(`first money POST after a cold start: ${rounds} fresh processes …`);
  const samples: { initMs: number; firstMs: number; secondMs: number }[] = [];
  for (let round = 0; round < rounds; round++) samples.push(await once());
  return {
    functionName: COLD_POST_FUNCTION,
    path: COLD_POST_PATH,
    initMs: spreadOf(samples.map((s) => s.initMs)),
    firstRequestMs: spreadOf(samples.map((s) => s.firstMs)),
    coldMs: spreadOf(samples.map((s) => s.initMs + s.firstMs)),
    secondRequestMs: spreadOf(samples.map((s) => s.secondMs)),
    ssmFetches: ssm.answered() - fetchesBefore,
  };
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
  type Subject = Omit<BundleFigures, 'init' | 'initNoMapsMs'> & { file: string };
  const sdkImportsOf = (file: string) => [...new Set([...readFileSync(file, 'utf8').matchAll(/from\s*"(@aws-sdk\/[^"]+)"/g)].map((m) => m[1]!))].sort();
  const bundles: Subject[] = [];
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
    const modules = bundledModules(map.data().toString('utf8'));
    const testDoubles = testDoublesIn(modules);
    forbidden.push(...testDoubles.map((module) => `${name}: ${module}`));
    log(`${name}: ${(mjs.size / 1024).toFixed(0)} KB .mjs; test doubles: ${testDoubles.join(', ') || 'none'}`);
    bundles.push({ name, file, mjsBytes: mjs.size, mapBytes: map.size, zipBytes: statSync(zipPath).size, awsSdkImports: sdkImportsOf(file), testDoubles });
  }
  if (forbidden.length > 0) throw new Error(`prod bundles carry simulators or fault injection:\n${forbidden.join('\n')}`);

  // The two references, bundled exactly like the functions.
  const options = await esbuildOptionsFromServerlessYml();
  const reference = async (name: string, fixture: string): Promise<Subject> => {
    const outdir = join(unpacked, fixture);
    await build({ ...options, entryPoints: [join(repoRoot, `bench/fixtures/${fixture}.ts`)], outdir, logLevel: 'warning' });
    const file = join(outdir, `${fixture}.mjs`);
    return { name, file, mjsBytes: statSync(file).size, mapBytes: statSync(`${file}.map`).size, zipBytes: 0, awsSdkImports: sdkImportsOf(file), testDoubles: [] };
  };
  const hello = await reference('hello (bare middy)', 'hello-handler');
  const sdkHandler = await reference('middy + AWS SDK clients only', 'sdk-handler');
  const bundlesSdkImports = [...new Set(bundles.flatMap((b) => b.awsSdkImports))].sort();

  // Where the bytes of the largest bundle come from.
  const largest = bundles.reduce((a, b) => (b.mjsBytes > a.mjsBytes ? b : a));
  const handlerPath = serverlessFile().functions[largest.name]!.handler.replace(/\.[^.]+$/, '.ts');
  const analysed = await build({ ...options, entryPoints: [join(serviceSnapshot(), handlerPath)], outdir: join(work, 'analyse'), write: false, metafile: true, logLevel: 'warning' });

  // Fresh processes, round-robin so that a noisy moment hits every bundle alike.
  log(`module init: ${ROUNDS} fresh processes per bundle …`);
  const subjects = [hello, sdkHandler, ...bundles];
  const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const noMaps = new Map<string, number[]>([[hello.name, []], [largest.name, []]]);
  for (const subject of subjects) timeImport(subject.file, true); // page cache warm, not measured
  for (let round = 0; round < ROUNDS; round++) {
    for (const subject of subjects) samples.get(subject.name)!.push(timeImport(subject.file, true));
    for (const subject of [hello, largest]) noMaps.get(subject.name)!.push(timeImport(subject.file, false));
  }

  const coldBundle = bundles.find((b) => b.name === COLD_POST_FUNCTION);
  if (!coldBundle) throw new Error(`no ${COLD_POST_FUNCTION} function in serverless.yml`);
  const coldPost = await coldPosts(coldBundle.file, ROUNDS, log);

  const figures = ({ file: _file, ...b }: Subject): BundleFigures => ({
    ...b,
    init: spreadOf(samples.get(b.name)!),
    ...(noMaps.has(b.name) ? { initNoMapsMs: median(noMaps.get(b.name)!) } : {}),
  });
  return {
    rounds: ROUNDS,
    functions: bundles.map(figures),
    hello: figures(hello),
    sdkHandler: figures(sdkHandler),
    bundlesSdkImports,
    coldPost,
    largest: { name: largest.name, ...sizeByPackage(analysed.metafile) },
    packageSeconds,
  };
}
