// `npm test`: the component tests of the mini-program and the console with jest (miniprogram/test,
// console/test; jsdom), then every backend test file under test/ with node's test runner, sharing one DynamoDB Local (each file
// makes its own table), the Chromium journeys (test/e2e) last, serving the web apps built once for them. Both run even if the first fails; the exit code fails if either did, and
// the last line is `N passed, N failed` over both.
//
// Arguments filter by path: `npm test -- unit` runs the node files whose path under test/ contains
// "unit" and the jest files whose path from the repository root does (`-- miniprogram`, `-- Status`);
// `jest` selects the whole jest suite. A runner nothing matches is skipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { startDynamoLocal } from './lib/dynamo-local.js';
import { freePort } from './lib/ports.js';
import { repoRoot } from './lib/serverless-config.js';
import { APP_BUILD_ENV, buildApp, type WebApp } from '../test/support/app-builds.js';
import { SHARED_ENDPOINT_ENV } from '../test/support/bank.js';

interface Outcome {
  runner: string;
  passed: number;
  failed: number;
  exitCode: number;
  /** Each failed test's name and the head of its error, repeated at the very end of the output:
   *  CI shows its head and tail, and a failure's details sit in the middle of a long log. */
  failures: string[];
}

const FAILURES_SHOWN = 10;
const ERROR_LINES_SHOWN = 14;

/** Jest projects: each folder's jest.config.cjs runs the tests in its test/. */
const JEST_PROJECTS = ['miniprogram', 'console'];

const filters = process.argv.slice(2);
const matches = (file: string) => filters.length === 0 || filters.some((filter) => file.includes(filter));

function testFiles(dir: string, name: RegExp): string[] {
  return (readdirSync(`${repoRoot}/${dir}`, { recursive: true }) as string[]).filter((file) => name.test(file)).sort();
}

const nodeFiles = testFiles('test', /\.test\.ts$/)
  .filter(matches)
  .map((file) => `test/${file}`);
const jestFiles = JEST_PROJECTS.flatMap((project) => testFiles(`${project}/test`, /\.test\.tsx?$/).map((file) => `${project}/test/${file}`))
  .filter((file) => filters.includes('jest') || matches(file));
if (nodeFiles.length === 0 && jestFiles.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

const reports = mkdtempSync(`${tmpdir()}/jinlin-test-`);

async function runJest(files: string[]): Promise<Outcome> {
  const report = `${reports}/jest.json`;
  const exitCode = await run([
    `${repoRoot}/node_modules/jest/bin/jest.js`,
    '--projects',
    ...JEST_PROJECTS,
    '--json',
    `--outputFile=${report}`,
    // A hang guard, not a speed check: antd's forms and tables in jsdom take seconds a test, more
    // on a loaded 2-core CI machine. Global (a project's own config cannot set it).
    '--testTimeout=120000',
    // One worker per core: jest's default leaves one core to its own main process, which only
    // waits, and the console's antd files take minutes each in jsdom.
    `--maxWorkers=${availableParallelism()}`,
    '--runTestsByPath',
    ...files,
  ]);
  if (!existsSync(report)) return { runner: 'jest', passed: 0, failed: 0, exitCode, failures: [] };
  const result = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numRuntimeErrorTestSuites: number;
    testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
  };
  const failures = result.testResults.flatMap((file) => {
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    if (failed.length === 0 && file.message) return [`${file.name}\n${file.message}`];
    return failed.map((a) => `${a.fullName}\n${a.failureMessages.join('\n')}`);
  });
  // A file that fails to load (syntax error, missing module) has no tests to count as failed.
  return { runner: 'jest', passed: result.numPassedTests, failed: result.numFailedTests + result.numRuntimeErrorTestSuites, exitCode, failures };
}

/** The end-to-end journeys run after the rest, not beside it: a journey in Chromium waits as a
 *  person would (the app gives a request 15 s), and on a two-core machine the bank test's eight
 *  clients hammering their own API beside it once pushed a journey's request past that. */
const isJourney = (file: string) => file.startsWith('test/e2e/');

/** What each web app's journeys say when they use it (test/support/browser.ts serves the H5
 *  build, console-browser.ts the console's). A file this misreads builds the app itself. */
const USES_APP: Record<WebApp, RegExp> = { h5: /support\/browser\.js'|'h5'/, console: /support\/console-browser\.js'|'console'/ };

/** Builds, once for the run, each app a journey among `files` serves: the env telling the journey
 *  files where each build is. */
function buildAppsFor(files: string[]): Record<string, string> {
  const sources = files.map((file) => readFileSync(`${repoRoot}/${file}`, 'utf8'));
  const env: Record<string, string> = {};
  for (const app of Object.keys(USES_APP) as WebApp[]) {
    if (!sources.some((source) => USES_APP[app].test(source))) continue;
    const started = Date.now();
    env[APP_BUILD_ENV[app]] = buildApp(app);
    console.log(`# ${app} built for the journeys in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return env;
}

async function runNode(files: string[]): Promise<Outcome> {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const phases = [files.filter((file) => !isJourney(file)), files.filter(isJourney)].filter((phase) => phase.length > 0);
  const outcome: Outcome = { runner: 'node:test', passed: 0, failed: 0, exitCode: 0, failures: [] };
  const builds: string[] = [];
  try {
    for (const [n, phase] of phases.entries()) {
      let appBuilds: Record<string, string> = {};
      try {
        if (phase.some(isJourney)) appBuilds = buildAppsFor(phase);
      } catch (error) {
        // The journeys cannot run without their apps: one failure, saying why.
        outcome.failed += 1;
        outcome.failures.push(`building the web apps for the journeys\n${error instanceof Error ? error.message : String(error)}`);
        if (outcome.exitCode === 0) outcome.exitCode = 1;
        continue;
      }
      builds.push(...Object.values(appBuilds));
      const result = await runNodePhase(phase, { [SHARED_ENDPOINT_ENV]: dynamo.endpoint, ...appBuilds }, `${reports}/node-${n}.tap`);
      outcome.passed += result.passed;
      outcome.failed += result.failed;
      outcome.failures.push(...result.failures);
      if (outcome.exitCode === 0) outcome.exitCode = result.exitCode;
    }
  } finally {
    await dynamo.stop();
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  }
  return outcome;
}

async function runNodePhase(files: string[], env: Record<string, string>, tap: string): Promise<Outcome> {
  // The terminal gets node's usual reporter (spec on a terminal, TAP otherwise); a second TAP
  // copy in a file is read for the counts.
  const exitCode = await run(
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`,
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  // The run's totals are the last `# name N` lines (TAP), after every file's own output.
  const count = (name: string) => Number([...summary.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  return { runner: 'node:test', passed: count('pass'), failed: count('fail') + count('cancelled'), exitCode, failures: tapFailures(summary) };
}

/** The innermost failed tests of a TAP report (a failed suite only repeats its children), each
 *  with its YAML diagnostics: location and error. */
function tapFailures(tap: string): string[] {
  const lines = tap.split('\n');
  const failures: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]!);
    if (!match) continue;
    const diagnostics: string[] = [];
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]!); j++) diagnostics.push(lines[j]!.trim());
    if (diagnostics.some((line) => /^failureType: '?subtestsFailed/.test(line))) continue;
    failures.push(`${match[2]}\n${diagnostics.filter((line) => !/^(---|duration_ms|type):?/.test(line)).join('\n')}`);
  }
  return failures;
}

// Jest first: it is the quicker suite, and the end-to-end tests in the node run have timeouts
// that a second runner competing for the two cores would eat into.
const outcomes: Outcome[] = [];
if (jestFiles.length > 0) outcomes.push(await runJest(jestFiles));
if (nodeFiles.length > 0) outcomes.push(await runNode(nodeFiles));
rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
const failures = outcomes.flatMap((outcome) => outcome.failures.map((failure) => `[${outcome.runner}] ${failure}`));
if (failures.length > 0) {
  console.log(`\nfailed tests (${failures.length}${failures.length > FAILURES_SHOWN ? `, the first ${FAILURES_SHOWN}` : ''}):`);
  for (const failure of failures.slice(0, FAILURES_SHOWN)) console.log(failure.split('\n').slice(0, ERROR_LINES_SHOWN).map((line, n) => (n === 0 ? `✗ ${line}` : `    ${line}`)).join('\n'));
}
for (const outcome of outcomes) {
  passed += outcome.passed;
  failed += outcome.failed;
  // A runner that died before reporting (a crash, a failed start) still counts as a failure.
  if (outcome.exitCode !== 0 && outcome.failed === 0) {
    console.log(`${outcome.runner} exited with code ${outcome.exitCode} without reporting a failed test`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(outcomes.every((outcome) => outcome.exitCode === 0) ? 0 : 1);
