// `npm run bench`: every benchmark of issue 8 in one run — Lambda bundles and init, the ledger
// against the raw engine, the hot house account, the loan decision latency, the mini-program
// builds and first paint, and the capacity model — issue 15's operations console (build sizes
// and the sign-in page's first paint) and issue 18's risk simulation — then a table on the console
// and docs/BENCHMARKS.md. Issue 20's recommendation simulation (item 9) is pure CPU, run after risk.
//
// Order matters: `serverless package` (item 4) runs first, the local stack for items 1–2 runs
// next and is stopped before the Taro builds (item 5) take the CPU; the console's Vite builds and
// its Chromium visits (item 7) come last, on their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../scripts/lib/serverless-config.js';
import { runConsoleBenchmarks } from './console.js';
import { runDecisionBenchmark } from './decision.js';
import { runLambdaBenchmarks } from './lambda.js';
import { runLedgerBenchmarks } from './ledger.js';
import { installSignalHandlers, runCleanups } from './lib/cleanup.js';
import { describeMachine } from './lib/machine.js';
import { runMiniprogramBenchmarks } from './miniprogram.js';
import { runRecommendSimulation } from './recommend.js';
import { runRiskSimulation } from './risk.js';
import { capacityModel } from './paper.js';
import { consoleTable, markdown, type RunResults } from './report.js';

const PHASES = ['lambda', 'ledger', 'decision', 'risk', 'recommend', 'mini', 'console'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (phase: (typeof PHASES)[number]) => only.length === 0 || only.includes(phase);

const started = performance.now();
const log = (phase: string) => (line: string) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds}s] ${phase}: ${line}`);
};

installSignalHandlers();
process.on('uncaughtException', (error) => {
  console.error('[bench] uncaught:', error);
  void runCleanups().finally(() => process.exit(1));
});

const results: RunResults = { machine: describeMachine(), seconds: 0, failures: [] };
console.log(`[bench] ${results.machine.nproc} CPUs, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, load ${results.machine.loadAverageAtStart}`);

async function phase<T>(name: (typeof PHASES)[number], run: () => Promise<T>): Promise<T | undefined> {
  if (!wanted(name)) return undefined;
  try {
    return await run();
  } catch (error) {
    console.error(`[bench] ${name} failed:`, error);
    results.failures.push({ phase: name, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  } finally {
    // Each phase stops what it started before the next one needs the CPU.
    await runCleanups();
  }
}

/** The last run's raw results, so that a change to the report's wording can be re-rendered
 *  (BENCH_RENDER=<file>) without measuring again. */
const RESULTS_FILE = join(tmpdir(), 'jinlin-bench-results.json');

let exitCode = 0;
try {
  if (process.env.BENCH_RENDER) {
    Object.assign(results, JSON.parse(readFileSync(process.env.BENCH_RENDER, 'utf8')) as RunResults);
  } else {
    results.lambda = await phase('lambda', () => runLambdaBenchmarks(log('lambda')));
    results.ledger = await phase('ledger', () => runLedgerBenchmarks(log('ledger')));
    results.decision = await phase('decision', () => runDecisionBenchmark(log('decision')));
    results.risk = await phase('risk', async () => runRiskSimulation(log('risk')));
    results.recommend = await phase('recommend', async () => runRecommendSimulation(log('recommend')));
    results.miniprogram = await phase('mini', () => runMiniprogramBenchmarks(log('mini-program')));
    results.console = await phase('console', () => runConsoleBenchmarks(log('console')));
    results.seconds = (performance.now() - started) / 1000;
    writeFileSync(RESULTS_FILE, JSON.stringify(results));
    console.log(`[bench] raw results: ${RESULTS_FILE}`);
  }
  if (results.ledger) results.capacity = capacityModel(results.ledger.profiles);

  console.log(`\n${consoleTable(results)}\n`);
  if (only.length === 0) {
    const file = join(repoRoot, 'docs/BENCHMARKS.md');
    writeFileSync(file, markdown(results));
    console.log(`[bench] wrote ${file} (${(results.seconds / 60).toFixed(1)} min)`);
  } else {
    console.log(`[bench] partial run (BENCH_ONLY=${only.join(',')}): docs/BENCHMARKS.md left as it was`);
  }
  if (results.failures.length > 0) exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
