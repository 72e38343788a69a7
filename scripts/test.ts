// `npm test`: the mini-program's component tests with jest (miniprogram/test, jsdom), then every
// backend test file under test/ with node's test runner, sharing one DynamoDB Local (each file
// makes its own table). Both run even if the first fails; the exit code fails if either did, and
// the last line is `N passed, N failed` over both.
//
// Arguments filter by path: `npm test -- unit` runs the node files whose path under test/ contains
// "unit" and the jest files whose path from the repository root does (`-- miniprogram`, `-- Status`);
// `jest` selects the whole jest suite. A runner nothing matches is skipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startDynamoLocal } from './lib/dynamo-local.js';
import { freePort } from './lib/ports.js';
import { repoRoot } from './lib/serverless-config.js';
import { SHARED_ENDPOINT_ENV } from '../test/support/bank.js';

interface Outcome {
  runner: string;
  passed: number;
  failed: number;
  exitCode: number;
}

const JEST_DIR = 'miniprogram/test';

const filters = process.argv.slice(2);
const matches = (file: string) => filters.length === 0 || filters.some((filter) => file.includes(filter));

function testFiles(dir: string, name: RegExp): string[] {
  return (readdirSync(`${repoRoot}/${dir}`, { recursive: true }) as string[]).filter((file) => name.test(file)).sort();
}

const nodeFiles = testFiles('test', /\.test\.ts$/)
  .filter(matches)
  .map((file) => `test/${file}`);
const jestFiles = testFiles(JEST_DIR, /\.test\.tsx?$/)
  .map((file) => `${JEST_DIR}/${file}`)
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
    '--config',
    'miniprogram/jest.config.cjs',
    '--json',
    `--outputFile=${report}`,
    '--runTestsByPath',
    ...files,
  ]);
  if (!existsSync(report)) return { runner: 'jest', passed: 0, failed: 0, exitCode };
  const result = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numRuntimeErrorTestSuites: number;
  };
  // A file that fails to load (syntax error, missing module) has no tests to count as failed.
  return { runner: 'jest', passed: result.numPassedTests, failed: result.numFailedTests + result.numRuntimeErrorTestSuites, exitCode };
}

async function runNode(files: string[]): Promise<Outcome> {
  // The terminal gets node's usual reporter (spec on a terminal, TAP otherwise); a second TAP
  // copy in a file is read for the counts.
  const tap = `${reports}/node.tap`;
  const dynamo = await startDynamoLocal({ port: await freePort() });
  let exitCode: number;
  try {
    exitCode = await run(
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
      { [SHARED_ENDPOINT_ENV]: dynamo.endpoint },
    );
  } finally {
    await dynamo.stop();
  }
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  // The run's totals are the last `# name N` lines (TAP), after every file's own output.
  const count = (name: string) => Number([...summary.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  return { runner: 'node:test', passed: count('pass'), failed: count('fail') + count('cancelled'), exitCode };
}

// Jest first: it is the quicker suite, and the end-to-end tests in the node run have timeouts
// that a second runner competing for the two cores would eat into.
const outcomes: Outcome[] = [];
if (jestFiles.length > 0) outcomes.push(await runJest(jestFiles));
if (nodeFiles.length > 0) outcomes.push(await runNode(nodeFiles));
rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
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
