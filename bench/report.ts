// The run's figures as a console table and as docs/BENCHMARKS.md.
import { DECISION_P99_TARGET_MS, type DecisionResults } from './decision.js';
import { BUNDLE_TARGET_BYTES, INIT_TARGET_RATIO, type LambdaResults } from './lambda.js';
import { HOT_TARGET_RATIO, LEDGER_TARGET_RATIO, type HotRun, type LedgerResults, type PairRun } from './ledger.js';
import type { Machine } from './lib/machine.js';
import { OFFLINE_TIMEOUT_SECONDS } from './lib/snapshot.js';
import { fmt, metOrMissed } from './lib/stats.js';
import { FCP_TARGET_RATIO, MAIN_TARGET_BYTES, type MiniprogramResults, SUBPACKAGE_TARGET_BYTES, WECHAT_PACKAGE_LIMIT_BYTES } from './miniprogram.js';
import { ASSUMPTIONS, type CapacityModel, PRICES } from './paper.js';

export interface RunResults {
  machine: Machine;
  seconds: number;
  lambda?: LambdaResults;
  ledger?: LedgerResults;
  decision?: DecisionResults;
  miniprogram?: MiniprogramResults;
  capacity?: CapacityModel;
  failures: { phase: string; error: string }[];
}

interface SummaryRow {
  item: string;
  measure: string;
  figure: string;
  target: string;
  status: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function summaryRows(r: RunResults): SummaryRow[] {
  const rows: SummaryRow[] = [];
  if (r.ledger) {
    for (const run of r.ledger.runs) {
      rows.push({
        item: '1',
        measure: `${run.operation} via API ÷ raw TransactWriteItems, c=${run.concurrency} (throughput)`,
        figure: `${fmt.ratio(run.ratio)} (${fmt.perSecond(run.api.throughput)} vs ${fmt.perSecond(run.raw.throughput)}/s)`,
        target: `≥ ${LEDGER_TARGET_RATIO}×`,
        status: metOrMissed(run.ratio >= LEDGER_TARGET_RATIO),
      });
    }
    for (const hot of r.ledger.hot.filter((h) => h.variant !== 'raw engine')) {
      const errors = hot.hot.errors + hot.spread.errors;
      rows.push({
        item: '2',
        measure: `top-ups, 1 house shard ÷ 16 shards, c=${hot.concurrency} (${hot.variant})`,
        figure: `${fmt.ratio(hot.ratio)}; errors at the client: ${errors}`,
        target: `≥ ${HOT_TARGET_RATIO}×, 0 errors`,
        // The target is for the path as designed; the cheap-PIN run only explains it.
        status: hot.variant === 'designed PIN' ? metOrMissed(hot.ratio >= HOT_TARGET_RATIO && errors === 0) : `diagnostic${errors > 0 ? `, ${errors} errors` : ''}`,
      });
    }
  }
  if (r.decision) {
    rows.push({
      item: '3',
      measure: 'loan decision server-side p50 / p99',
      figure: `${fmt.ms(r.decision.p50Ms)} / ${fmt.ms(r.decision.p99Ms)} ms (${r.decision.samples} decisions)`,
      target: `p99 ≤ ${DECISION_P99_TARGET_MS} ms`,
      status: metOrMissed(r.decision.p99Ms <= DECISION_P99_TARGET_MS),
    });
  }
  if (r.lambda) {
    const hello = r.lambda.hello;
    for (const fn of r.lambda.functions) {
      rows.push({
        item: '4',
        measure: `${fn.name}: bundle .mjs; init ÷ bare middy`,
        figure: `${kb(fn.mjsBytes)}; ${fmt.ratio(fn.initMs / hello.initMs)} (${fmt.ms(fn.initMs)} vs ${fmt.ms(hello.initMs)} ms)`,
        target: `≤ 250 KB; ≤ ${INIT_TARGET_RATIO}×`,
        status: `${metOrMissed(fn.mjsBytes <= BUNDLE_TARGET_BYTES)}; ${metOrMissed(fn.initMs / hello.initMs <= INIT_TARGET_RATIO)}`,
      });
    }
  }
  if (r.miniprogram) {
    const { weapp, h5 } = r.miniprogram;
    rows.push({
      item: '5',
      measure: 'weapp main package (÷ hello world)',
      figure: `${kb(weapp.app.mainBytes)} (${fmt.ratio(weapp.app.mainBytes / weapp.hello.mainBytes)})`,
      target: '≤ 512 KB (WeChat: 2 MB)',
      status: metOrMissed(weapp.app.mainBytes <= MAIN_TARGET_BYTES),
    });
    rows.push({
      item: '5',
      measure: 'weapp subpackages',
      figure: weapp.app.subpackages.length ? weapp.app.subpackages.map((s) => `${s.root} ${kb(s.bytes)}`).join(', ') : 'none yet',
      target: '≤ 300 KB each',
      status: weapp.app.subpackages.length ? metOrMissed(weapp.app.subpackages.every((s) => s.bytes <= SUBPACKAGE_TARGET_BYTES)) : 'n/a',
    });
    rows.push({
      item: '5',
      measure: 'H5 first contentful paint ÷ hello world (median)',
      figure: `${fmt.ratio(h5.app.fcpMs / h5.hello.fcpMs)} (${fmt.ms(h5.app.fcpMs)} vs ${fmt.ms(h5.hello.fcpMs)} ms)`,
      target: `≤ ${FCP_TARGET_RATIO}×`,
      status: metOrMissed(h5.app.fcpMs / h5.hello.fcpMs <= FCP_TARGET_RATIO),
    });
  }
  if (r.capacity) {
    rows.push({
      item: '6',
      measure: '1 M customers, 100 payments/s peak, per month',
      figure: `≈ $${r.capacity.totalUsd.toFixed(0)} (${PRICES.region} list prices)`,
      target: '—',
      status: 'paper',
    });
  }
  return rows;
}

export function consoleTable(r: RunResults): string {
  const rows = summaryRows(r);
  const headers = ['#', 'measure', 'figure', 'target', 'status'];
  const cells = rows.map((row) => [row.item, row.measure, row.figure, row.target, row.status]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function mdTable(headers: string[], rows: (string | number)[][]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const signed = (ms: number) => (ms >= 0 ? `+${fmt.ms(ms)}` : `−${fmt.ms(-ms)}`);

const errCell = (n: number) => (n === 0 ? '0' : `**${n}**`);

function pairTable(runs: PairRun[]): string {
  return mdTable(
    ['movement', 'c', 'raw tx/s', 'raw p50 / p99 ms', 'API req/s', 'API p50 / p99 ms', 'API ÷ raw', 'n raw / API', 'errors raw / API'],
    runs.map((run) => [
      run.operation,
      run.concurrency,
      fmt.perSecond(run.raw.throughput),
      `${fmt.ms(run.raw.p50)} / ${fmt.ms(run.raw.p99)}`,
      fmt.perSecond(run.api.throughput),
      `${fmt.ms(run.api.p50)} / ${fmt.ms(run.api.p99)}`,
      `**${fmt.ratio(run.ratio)}**`,
      `${run.raw.completed} / ${run.api.completed}`,
      `${errCell(run.raw.errors)} / ${errCell(run.api.errors)}`,
    ]),
  );
}

function hotTable(hot: HotRun[]): string {
  return mdTable(
    ['path', 'c', '16 shards req/s', 'p50 / p99 ms', '1 shard req/s', 'p50 / p99 ms', '1 ÷ 16', 'errors 16 / 1'],
    hot.map((h) => [
      h.variant,
      h.concurrency,
      fmt.perSecond(h.spread.throughput),
      `${fmt.ms(h.spread.p50)} / ${fmt.ms(h.spread.p99)}`,
      fmt.perSecond(h.hot.throughput),
      `${fmt.ms(h.hot.p50)} / ${fmt.ms(h.hot.p99)}`,
      `**${fmt.ratio(h.ratio)}**`,
      `${errCell(h.spread.errors)} / ${errCell(h.hot.errors)}`,
    ]),
  );
}

function errorNotes(runs: { label: string; samples: string[] }[]): string {
  const lines = runs.filter((r) => r.samples.length > 0).map((r) => `- ${r.label}: ${[...new Set(r.samples)].slice(0, 3).map((s) => `\`${s.replace(/`/g, "'")}\``).join('; ')}`);
  return lines.length ? `Errors seen (first few of each run):\n\n${lines.join('\n')}\n` : '';
}

function ledgerSection(l: LedgerResults): string {
  const out: string[] = [];
  const byOp = (op: string) => l.profiles.find((p) => p.operation === op);
  const topUp = byOp('top-up');
  const billPayment = byOp('bill payment');
  const worstRatio = Math.min(...l.runs.map((r) => r.ratio));
  const bestRatio = Math.max(...l.runs.map((r) => r.ratio));
  const liteBest = l.liteRuns.length ? Math.max(...l.liteRuns.map((r) => r.ratio)) : Number.NaN;
  const liteWorst = l.liteRuns.length ? Math.min(...l.liteRuns.map((r) => r.ratio)) : Number.NaN;
  out.push(`## 1. Ledger path vs the engine

A money POST through HTTP (serverless offline) → middy → validation → authentication →
idempotency → PIN check → ledger, against DynamoDB Local, compared with a bare loop that sends
the **same TransactWriteItems** the ledger sends, built by the ledger's own \`journalTransaction\`
(functions/store/ledger.ts: journal Put, one
posting Put per account, the balance Updates and — for a transfer — the four Class II limit
counter Updates) from one client in the benchmark process to the same DynamoDB Local. A bill
payment is two transactions — the hold (journal, postings, balances, limit counters, the payment
record and its index entries) and, once the biller gateway (simulator) accepts, the settlement —
so its baseline sends both, one after the other: the very transactions one payment through the
real handler sent in this run, replayed with fresh ids and each worker's own account. Closed
loop: *c* workers, each sending its next request when the last one answered, for ${l.runs[0] ? (l.runs[0].raw.elapsedMs / 1000).toFixed(0) : '?'} s or so after
a warm-up of *c* requests (which starts every offline worker thread). Each worker is its own
customer (transfers: sender *i* → receiver *i*), so the comparison has no contention in it.
Top-ups are ${100} fen from the bound card; transfers are 1 fen to another Jinlin customer; bill
payments are 10-yuan phone top-ups (江苏移动话费充值, which has no bill to pay twice).

### With the PIN as designed (scrypt N=2^15 on every money POST)

${pairTable(l.runs)}

Target ≥ ${LEDGER_TARGET_RATIO}×: **${worstRatio >= LEDGER_TARGET_RATIO ? 'met' : 'missed'}** (${fmt.ratio(worstRatio)}–${fmt.ratio(bestRatio)}).
${errorNotes(l.runs.flatMap((r) => [{ label: `${r.operation} c=${r.concurrency} raw`, samples: r.raw.errorSamples }, { label: `${r.operation} c=${r.concurrency} API`, samples: r.api.errorSamples }]))}
### Where a money POST's time goes (profile)

The real handler (functions/http/account.ts) called in the benchmark process, c=1, its DynamoDB
calls timed by a middleware on the store's client. Each sample, back to back: the PIN check alone
(\`pinMatches\` on a stored hash), the request, the same request from a twin customer whose
stored hash is cheap (N=2^10 — the difference is what scrypt costs inside the handler; the
twin's time less its DynamoDB time is everything else), and the same request through HTTP and
serverless offline. Medians of 12 samples.

${mdTable(
    ['movement', 'handler total ms', 'scrypt in the handler ms (alone)', 'DynamoDB ms', 'DynamoDB calls', 'rest (middy, zod, JWT, AES, JSON) ms', 'same request via HTTP + offline ms'],
    l.profiles.map((p) => [
      p.operation,
      fmt.ms(p.totalMs),
      `${fmt.ms(p.pinMs)} = ${((p.pinMs / p.totalMs) * 100).toFixed(0)} % (${fmt.ms(p.pinAloneMs)})`,
      fmt.ms(p.dynamoMs),
      Object.entries(p.dynamoCalls).map(([op, n]) => `${n} ${op}`).join(', '),
      fmt.ms(p.otherMs),
      `${fmt.ms(p.httpMs)} (${signed(l.httpOverheadMs[p.operation] ?? Number.NaN)})`,
    ]),
  )}

The transactions the API sent had ${l.profiles.map((p) => `${p.transactItems.length} items for a ${p.operation}`).join(', ')}; the raw
baseline sends ${l.profiles.map((p) => p.rawTransactItems).join(', ')} (${l.profiles.every((p) => p.transactItems.length === p.rawTransactItems) ? 'the same' : '**not the same — check the baseline**'}).

**Cause.** The PIN check is scrypt with N=2^15 (32 MB, memory-hard), ${fmt.ms(l.pinHashMsSerial)} ms of one
core here (this machine, loaded as it was), by design: a 6-digit PIN has only a million values, so each guess must cost real
work even if the table leaks. It is ${topUp ? ((topUp.pinMs / topUp.totalMs) * 100).toFixed(0) : '?'} % of a top-up's handler time. Every money POST pays
it; the raw loop pays nothing comparable. On this 2-core machine the API's throughput is
therefore capped near *cores ÷ scrypt time*, whatever the concurrency, while the engine's is
not — and DynamoDB Local (Java), serverless offline, its worker threads and the load generator
all share the same two cores. Beside scrypt, a money POST makes ${l.profiles.map((p) => `${p.callSequence.length} DynamoDB calls in ${p.roundTrips} round trips (${p.operation})`).join(', ')}
where the raw loop makes one (two for a bill payment). A top-up, in order: ${topUp ? topUp.callSequence.map((c) => `\`${c}\``).join(' → ') : '?'}
(as of this run: customer, account, idempotency reservation, PIN attempt counter taken and cleared, the
journal's transaction, the new balance for the answer, the idempotency record completed).

### Diagnostic: the same path with a cheap stored PIN hash

To see what the rest of the path costs, the bench customers' stored PIN hashes were rewritten
(in the benchmark's throwaway table only) with scrypt N=2^10; the code verifies at whatever N the
stored hash names, so nothing in functions/ changed and every rule still runs. **This is not a
proposal** — production hashes stay N=2^15.

${pairTable(l.liteRuns)}

Without most of the scrypt cost the API reaches ${fmt.ratio(liteWorst)}–${fmt.ratio(liteBest)} of the raw engine.

### What would meet ${LEDGER_TARGET_RATIO}×

- *On AWS the ratio is a different question.* Each Lambda invocation gets its own CPU share, so
  the PIN check adds latency (about ${fmt.ms(l.pinHashMsSerial)} ms at one vCPU) but does not cap throughput: that
  scales with Lambda concurrency, while DynamoDB's capacity is the same for both sides. Here,
  one machine's two cores are the ceiling for both the engine and every request's scrypt.
- Done: serverless.yml gives the functions that check a PIN (account, loans, wealth, bills)
  1,769 MB, one full vCPU, so scrypt takes ≈ 1/3.5 of the time it took at the 512 MB default,
  for about the same GB-seconds per request (item 6). It changes nothing on this machine.
- Round trips, even without scrypt (the diagnostic above): a correct money POST reads before it
  writes, one call after the other — it reserves the idempotency key (a repeat still in flight
  must answer 409), reads the customer (PIN hash, lockout, onboarding) and then the account the
  customer names (status, bound card), counts the PIN attempt atomically (the lockout), and
  writes the journal's transaction. Two calls could go: the balance re-read for the answer
  (computed from the balance read before, were the account's update conditioned on its
  version) and the idempotency record's completion (written inside the journal's
  transaction). Not done: that is two of a top-up's ${topUp?.roundTrips ?? '?'} round trips (a bill payment makes ${billPayment?.roundTrips ?? '?'}: it also reads
  the biller, the business date and the payment, and settles in a second transaction), at the price of changing the
  idempotency and ledger code the bank test proved (issue 7), and it would not bring
  ${fmt.ratio(liteWorst)}–${fmt.ratio(liteBest)} to ${LEDGER_TARGET_RATIO}×: the calls that remain are what a money POST must do, and the
  engine loop does only its transactions.
- With the PIN cost as designed, ${LEDGER_TARGET_RATIO}× of a bare TransactWriteItems loop on the same two cores
  is not reachable: the PIN check alone costs more CPU than the engine spends on a transaction.
`);
  return out.join('\n');
}

function hotSection(l: LedgerResults): string {
  const designed = l.hot.find((h) => h.variant === 'designed PIN');
  const errors = l.hot.filter((h) => h.variant !== 'raw engine').reduce((s, h) => s + h.spread.errors + h.hot.errors, 0);
  const raw = l.hot.find((h) => h.variant === 'raw engine');
  return `## 2. Hot house account

Top-ups credit the customer and debit the house's card-settlement account, which is split into
${ASSUMPTIONS.houseShards} shard items (\`HOUSE-CARD-SETTLEMENT~00\` … \`~15\`; a journal picks its shard from a hash of
its id). Two offline APIs on the same table differ only in \`HOUSE_SHARDS\` (16 as deployed; 1 =
every top-up updates one item). Concurrency ${designed?.concurrency ?? 32}, each worker its own customer.

${hotTable(l.hot)}

Target ≥ ${HOT_TARGET_RATIO}× and no error at the client: **${designed && designed.ratio >= HOT_TARGET_RATIO && errors === 0 ? 'met' : 'missed'}**${designed ? ` (${fmt.ratio(designed.ratio)} with the PIN as designed, ${errors} errors in all API runs)` : ''}.
Both sides do the same work except for which house item a top-up updates; with the PIN as
designed both are capped by scrypt on two shared cores, so their ratio mostly measures this
machine's drift between runs (rounds alternate which side goes first to spread it). The engine
itself, without the PIN and without the store's retry, moved ${raw ? fmt.ratio(raw.ratio) : '—'} as many top-ups to one item as to
sixteen, and ${raw ? `${raw.hot.errors + raw.spread.errors}` : '—'} of its transactions were refused${raw && raw.hot.errors + raw.spread.errors > 0 ? ' (conflicts the store would have retried)' : ''}. Transaction conflicts are retried in the
store (at most 8 attempts, jittered backoff), so none reached a client${errors > 0 ? ' — except the errors listed below' : ''}.
${errorNotes(l.hot.flatMap((h) => [{ label: `${h.variant} 16 shards`, samples: h.spread.errorSamples }, { label: `${h.variant} 1 shard`, samples: h.hot.errorSamples }]))}
What this can and cannot show: DynamoDB Local has no per-item or per-partition throughput limit
(it runs on SQLite on this machine), so one hot item costs little here; with the PIN as designed
the path is CPU-bound long before any item is. On AWS the limits are real — a single item takes
about 1,000 write units per second, and a transactional write costs 2 units per item ≤ 1 KB, so
one house item would cap top-ups and withdrawals near 500/s (fewer with its postings in the
same partition). Section 6 works out how the 16 shards scale past that.
`;
}

function decisionSection(d: DecisionResults): string {
  return `## 3. Loan decision latency: ${d.p99Ms <= DECISION_P99_TARGET_MS ? 'met' : 'missed'}

\`POST /v1/loan-applications\` (bench/decision.ts), timed around the handler in the benchmark's own
process — the server-side time: schema validation, token check, the customer and e-account
reads, decryption of name and ID, the credit bureau (simulator), the rules
(functions/domain/loan/decision.ts), the writes that store the application (with its bureau report and
decision) and the credit line, and the funnel events — against DynamoDB Local in memory, one request
at a time (${d.samples} decisions after a warm-up, ${Object.entries(d.outcomes).map(([o, n]) => `${o} ${n}`).join(', ')}).

| p50 | p99 | max | target |
| --- | --- | --- | --- |
| ${fmt.ms(d.p50Ms)} ms | **${fmt.ms(d.p99Ms)} ms** | ${fmt.ms(d.maxMs)} ms | p99 ≤ ${DECISION_P99_TARGET_MS} ms |

DynamoDB calls per decision, in order: ${d.dynamoCallList.map((c) => `\`${c}\``).join(', ')}. The five
reads after the customer's profile run at once (functions/http/loans.ts); the rest are
sequential round trips. On AWS each is a few milliseconds within the region, and DynamoDB Local
answers in about the same time on this machine, so the figure is a fair guide to the deployed one.
`;
}

function lambdaSection(x: LambdaResults): string {
  const hello = x.hello;
  const sdk = x.awsSdkOnly.initMs;
  const worstInit = Math.max(...x.functions.map((f) => f.initMs / hello.initMs));
  const largest = Math.max(...x.functions.map((f) => f.mjsBytes));
  const over = x.functions.filter((f) => f.mjsBytes > BUNDLE_TARGET_BYTES);
  return `## 4. Lambda cold start

\`serverless package --stage prod\` (esbuild, minified, ESM, \`@aws-sdk/*\` left to the Lambda
runtime) took ${x.packageSeconds.toFixed(0)} s. Init time = \`await import()\` of the bundle in a fresh \`node\` process with
\`NODE_OPTIONS=--enable-source-maps\` as serverless.yml sets it, median of ${hello.initSamples.length} processes per bundle,
all bundles in turn in each round. The reference is a bare middy handler
(bench/fixtures/hello-handler.ts) built with the same esbuild options (custom.esbuild).

${mdTable(
    ['function', '.mjs', '.mjs.map', 'zip', 'init ms (median)', 'init ÷ bare middy', 'AWS SDK packages imported', 'simulators / fault injection'],
    [
      ...x.functions.map((f) => [f.name, `**${kb(f.mjsBytes)}**`, kb(f.mapBytes), kb(f.zipBytes), fmt.ms(f.initMs), `**${fmt.ratio(f.initMs / hello.initMs)}**`, f.awsSdkImports.join(', '), f.testDoubles.join(', ') || 'none']),
      [hello.name, kb(hello.mjsBytes), kb(hello.mapBytes), '—', fmt.ms(hello.initMs), '1.00×', '—', '—'],
      ['only the AWS SDK packages above', '—', '—', '—', fmt.ms(sdk), fmt.ratio(sdk / hello.initMs), x.awsSdkOnly.modules.join(', '), '—'],
    ],
  )}

The last column lists the test doubles a bundle carries (the modules its source map names under
\`functions/adapters/simulators/\` and \`functions/store/faults.ts\`): the prod stage builds
without them (serverless.yml's esbuild \`define\`), and the run fails if any bundle holds one, the
\`simulator\` function's included (on a real stage it answers 404 and carries no simulator code).

Without source maps: bare middy ${fmt.ms(hello.initNoMapsMs ?? Number.NaN)} ms, ${x.largest.name} ${fmt.ms(x.functions.find((f) => f.name === x.largest.name)?.initNoMapsMs ?? Number.NaN)} ms.

### Size: ${over.length === 0 ? 'met' : `missed by ${over.map((f) => f.name).join(', ')}`} (largest ${kb(largest)}; target ≤ 250 KB)

What was done, in two steps. First, bundles were ~520–620 KB because \`import { z } from 'zod'\`
imports zod's namespace object, which re-exports its 40-odd locales (~260 KB minified); then
~250–300 KB, because zod's classic API gives every schema ~50 methods that reach the whole
library (the JSON Schema generator included), ~100 KB in every bundle. Server code now uses
\`zod/mini\`, zod's functional API for bundle-sensitive code (\`z.string().check(z.maxLength(20))\`
instead of \`z.string().max(20)\`): the same schemas, the same validation and the byte-identical
OpenAPI document, for ~40 KB of zod. A static test (test/static/zod-imports.test.ts) refuses
classic zod in functions/ and any reach into zod/mini's \`core\` or \`locales\` namespaces (each
would bring all locales back, ~380 KB). Each capability has its own route table
(functions/contract/*-routes.ts) so a function bundles only its own routes' schemas; only
\`meta\` (the OpenAPI document) imports them all, and the loan enumerations the contract needs live
apart from the loan arithmetic so \`meta\` does not carry decimal.js.

What is in the largest bundle (${x.largest.name}), as packaged:

${mdTable(['from', 'bytes in the bundle'], x.largest.byPackage.slice(0, 10).map((p) => [p.name, kb(p.bytes)]))}
${over.length ? `
Over the target: ${over.map((f) => `${f.name} ${kb(f.mjsBytes)}`).join(', ')} — see the table above for what it carries.
` : `
Every bundle is within the target. Beside zod (~40 KB), Powertools logger and parameters, jose
and middy add ~50 KB to each; the rest is the capability's own rules and their libraries (the
loan rules bring decimal.js, 32 KB, and dayjs; admin also runs every capability's day close).
`}
### Init: ${worstInit <= INIT_TARGET_RATIO ? 'met' : 'missed'} (up to ${fmt.ratio(worstInit)}; target ≤ ${INIT_TARGET_RATIO}×)

Most of it is not our code: importing only the AWS SDK packages the bundles use costs
${fmt.ms(sdk)} ms here (${fmt.ratio(sdk / hello.initMs)} the bare handler) — already far past 2× — while a bare middy handler
imports nothing at all. Any Lambda that talks to DynamoDB pays this, and on AWS the SDK comes
from the runtime's own node_modules the same way. Against that SDK import alone, the bundles take
${x.functions.map((f) => `${f.name} ${fmt.ratio(f.initMs / sdk)}`).join(', ')}; what they add on top
(differences of medians of noisy samples): ${x.functions.map((f) => `${f.name} ${fmt.ms(f.initMs - sdk)} ms`).join(', ')} —
parsing the bundle and building the routes' schemas at import.

Why 2× of a bare handler cannot be met by a function that uses DynamoDB through the AWS SDK, and
what would:
- Bundling the SDK into the function does not help (tried: 1.3 MB and no faster to import).
- Importing the SDK lazily, on the first request, would move the cost out of what this
  benchmark measures but not out of the customer's first request: every route but the health
  check and the OpenAPI document reads DynamoDB or the secrets on its first call. Not done.
- Replacing the SDK with a small signed-HTTP DynamoDB client would cut the import, but the
  ledger's correctness rests on the SDK's behaviour under throttling, cancelled transactions
  and lost replies, which the bank test (issue 7) proved against this SDK. Not done.
- What removes the cold start from a customer's path on AWS is provisioned concurrency on the
  money-moving functions (account, bills), priced in section 6's terms at about $0.0000041667
  per GB-second kept warm: 2 instances × 1.769 GB ≈ $38/month per function.
`;
}

function miniprogramSection(m: MiniprogramResults): string {
  const { weapp, h5 } = m;
  const fcpRatio = h5.app.fcpMs / h5.hello.fcpMs;
  const spread = (samples: number[]) => Math.max(...samples) - Math.min(...samples);
  const noisy = Math.min(spread(h5.app.fcpSamples), spread(h5.hello.fcpSamples)) > Math.abs(h5.app.fcpMs - h5.hello.fcpMs);
  return `## 5. Mini-program

Both projects are built in this run from private copies that share \`miniprogram/config\`,
\`babel.config.cjs\`, \`tsconfig.json\` and \`types\` with the repository's node_modules; only \`src/\`
differs (the hello world is one page with a \`<Text>Hello world</Text>\`). Production builds.

### weapp (WeChat)

${mdTable(
    ['build', 'main package', 'subpackages', 'pages', 'build s', 'largest files in the main package'],
    [
      ['Jinlin', `**${kb(weapp.app.mainBytes)}**`, weapp.app.subpackages.length ? weapp.app.subpackages.map((s) => `${s.root}: ${kb(s.bytes)}`).join(', ') : 'none yet', weapp.app.pages, weapp.app.buildSeconds.toFixed(0), weapp.app.largestFiles.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')],
      ['hello world', kb(weapp.hello.mainBytes), '—', weapp.hello.pages, weapp.hello.buildSeconds.toFixed(0), weapp.hello.largestFiles.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')],
    ],
  )}

Main package ${kb(weapp.app.mainBytes)} = ${fmt.ratio(weapp.app.mainBytes / weapp.hello.mainBytes)} the hello world, ${((weapp.app.mainBytes / WECHAT_PACKAGE_LIMIT_BYTES) * 100).toFixed(0)} % of WeChat's 2 MB limit;
target ≤ ${kb(MAIN_TARGET_BYTES)}: **${weapp.app.mainBytes <= MAIN_TARGET_BYTES ? 'met' : 'missed'}**. Most of it is Taro's runtime, which the hello world carries
too. ${weapp.app.subpackages.length ? `Subpackages: ${weapp.app.subpackages.map((sp) => `\`${sp.root}\` ${kb(sp.bytes)} (${sp.bytes <= SUBPACKAGE_TARGET_BYTES ? 'within' : '**over**'} the ${kb(SUBPACKAGE_TARGET_BYTES)} target)`).join(', ')}; wealth, bills and rm will each get one.` : `No subpackages yet (loan, wealth, bills and rm will each be one; target ≤ ${kb(SUBPACKAGE_TARGET_BYTES)}).`}
Sizes count every file WeChat DevTools would upload from the folder, as test/build/weapp.test.ts does.

### H5: first contentful paint

Headless Chromium (flags of the end-to-end test), a fresh browser context per visit (empty
cache), \`performance.getEntriesByName('first-contentful-paint')\` on ${m.fcpPage}, served from
127.0.0.1 by the test suite's static server; ${h5.app.fcpSamples.length} visits each, alternating, after one unmeasured
visit each.

${mdTable(
    ['build', 'entered at', 'JS + CSS (gzip)', 'build s', 'scripts + styles before FCP', 'FCP median ms', 'samples ms'],
    [
      ['Jinlin', `/ → ${h5.app.landedOn}`, `${kb(h5.app.jsCssBytes)} (${kb(h5.app.jsCssGzipBytes)})`, h5.app.buildSeconds.toFixed(0), h5.app.requestsBeforeFcp, `**${fmt.ms(h5.app.fcpMs)}**`, h5.app.fcpSamples.map((v) => v.toFixed(0)).join(' ')],
      ['Jinlin (attribution)', '#/pages/login/index directly', '〃', '〃', m.appLoginDirect.requestsBeforeFcp, fmt.ms(m.appLoginDirect.fcpMs), m.appLoginDirect.fcpSamples.map((v) => v.toFixed(0)).join(' ')],
      ['hello world', `/ → ${h5.hello.landedOn}`, `${kb(h5.hello.jsCssBytes)} (${kb(h5.hello.jsCssGzipBytes)})`, h5.hello.buildSeconds.toFixed(0), h5.hello.requestsBeforeFcp, fmt.ms(h5.hello.fcpMs), h5.hello.fcpSamples.map((v) => v.toFixed(0)).join(' ')],
    ],
  )}

FCP ratio ${fmt.ratio(fcpRatio)}, target ≤ ${FCP_TARGET_RATIO}×: **${fcpRatio <= FCP_TARGET_RATIO ? 'met' : 'missed'}** (entered at the login page directly:
${fmt.ratio(m.appLoginDirect.fcpMs / h5.hello.fcpMs)}).

Where the time goes: index.html loads ${kb(h5.app.initialBytes)} of scripts and styles for the app and
${kb(h5.hello.initialBytes)} for the hello world (Taro's H5 runtime and React, mostly), so the start is the same. Then
the router loads the page's lazy chunks: entered at \`/\`, the app loads the home page's chunks,
finds no session and replaces the route with the login page, which loads its own — ${h5.app.requestsBeforeFcp} scripts
and style sheets before the first text against the hello world's ${h5.hello.requestsBeforeFcp} (entered at the login page
directly: ${m.appLoginDirect.requestsBeforeFcp}). The webpack setting in miniprogram/config (\`splitChunks: { chunks: 'all' }\`,
which keeps the pages from each carrying their own copy of the API client) splits the shared code
into many small chunks, and the pages themselves (forms, components, the API client) are more
to evaluate and render than one \`<Text>\`. The whole difference is ${fmt.ms(h5.app.fcpMs - h5.hello.fcpMs)} ms here${noisy ? ', on a machine whose load moves single samples by more (see the samples)' : ''}.

${fcpRatio <= FCP_TARGET_RATIO ? `Met in this run${noisy ? '; single samples vary by more than the whole difference, so it can go either way from run to run' : ''}. To keep the margin as pages are added, without changing what the customer sees:` : `What would meet ${FCP_TARGET_RATIO}×, without changing what the customer sees:`} decide the first page before any
page mounts (no session → open the login page first, in app.ts, instead of home redirecting
after its chunks have loaded), and cap the number of async chunks a page needs
(\`splitChunks.maxAsyncRequests\`, e.g. 3–4, so webpack merges the small shared chunks). Neither
is made here: the gain is within this machine's noise in
a quick trial (maxAsyncRequests: 3 brought the login page from 12 requests to 4 without a
clear FCP change); measure it on a quiet machine first.
`;
}

function paperSection(c: CapacityModel, l: LedgerResults | undefined): string {
  const a = ASSUMPTIONS;
  const p = PRICES;
  const shardTx = 1000 / 4;
  return `## 6. Scale on paper

### DynamoDB writes per money movement

Counted from the calls this run's handlers actually made (section 1's profile), each item read
back to size it. Transactional writes cost 2 write units per item ≤ 1 KB; the writes outside the
transaction (idempotency record, PIN attempt counter) cost 1 unit per KB; reads are strongly
consistent GetItems of items ≤ 4 KB (1 read unit each).

${mdTable(
    ['movement', 'items in the TransactWriteItems', 'transaction WRU', 'other writes WRU', 'WRU per movement', 'RRU per movement'],
    c.perMovement.map((m) => [m.operation, m.transactItems, m.transactWcu, m.standardWcu, `**${m.totalWru}**`, m.reads]),
  )}

${l ? mdTable(['movement', 'write', 'bytes', 'WRU'], l.profiles.flatMap((pr) => [...pr.transactItems.map((i) => [pr.operation, `transaction: ${i.what}`, i.bytes, i.wcu]), ...pr.standardWrites.map((w) => [pr.operation, w.operation, w.bytes, w.wcu])])) : ''}

A withdrawal has a top-up's shape. The plan below uses the heaviest movement measured, ${c.planningOperation}:
**${c.planningWru} WRU and ${c.planningRru} RRU per payment**.

### Ceilings and how the design passes them

- **Per item:** ~1,000 WRU/s. A transactional update costs 2, so one item accepts at most ~500
  transactional writes/s. **Per partition:** 1,000 WRU/s and 3,000 RRU/s; DynamoDB splits
  partitions by key (and busy item collections by sort key) as load grows.
- **House accounts** are the only items every movement of a kind touches. Each house shard's
  partition key holds its balance item and its postings, so a top-up writes 2 items (4 WRU) to
  one shard's key: about ${shardTx.toFixed(0)} movements/s per shard if DynamoDB never splits that collection,
  500/s as the single-item cap. ${a.houseShards} shards: ~${(a.houseShards * shardTx).toLocaleString('en-US')}–${(a.houseShards * 500).toLocaleString('en-US')} top-ups/withdrawals per second;
  \`HOUSE_SHARDS\` goes up to ${a.maxHouseShards} (~${(a.maxHouseShards * shardTx).toLocaleString('en-US')}/s). Shards are picked by a hash of the journal id, so
  they fill evenly and a retry lands on the same shard. At ${a.peakPaymentsPerSecond} payments/s each of the 16 shards
  sees ~${(a.peakPaymentsPerSecond / a.houseShards).toFixed(1)} writes/s — 1 % of its ceiling. Future house accounts (loan funding, biller
  settlement, wealth custody) get the same treatment.
- **Customer accounts:** a transfer writes 4 items under the sender's key (balance, posting, two
  limit counters): ~125 transfers/s for one customer, far above anything a person does.
- **Table:** at ${a.peakPaymentsPerSecond} payments/s: ${c.peakWruPerSecond.toLocaleString('en-US')} WRU/s and ${c.peakRruPerSecond.toLocaleString('en-US')} RRU/s. An on-demand table serves up to
  4,000 WRU/s at once and doubles its previous peak on demand (default table quota 40,000
  WRU/s); pre-warm (warm throughput) before a campaign that jumps past double.

### Lambda concurrency

Concurrency = arrival rate × duration. A payment's duration on Lambda is mostly the PIN check:
${l ? fmt.ms(l.pinHashMsSerial) : '?'} ms of one core here. serverless.yml gives the functions that check a PIN
(account, loans, wealth, bills) ${a.paymentLambdaMemoryMb.toLocaleString('en-US')} MB, which is one full vCPU (Lambda scales CPU with memory; the
provider default of ${a.otherLambdaMemoryMb} MB would get ${((a.otherLambdaMemoryMb / a.fullVcpuMemoryMb) * 100).toFixed(0)} % of one and take ${(a.fullVcpuMemoryMb / a.otherLambdaMemoryMb).toFixed(1)}× as long for about the same
GB-seconds), plus ~${a.dynamoCallMsOnAws} ms per DynamoDB call: **≈ ${c.lambdaMsPerPayment.toFixed(0)} ms per payment, ≈ ${Math.ceil(c.peakConcurrency)} concurrent
executions at ${a.peakPaymentsPerSecond} payments/s**, well inside the default regional quota of 1,000 (the other routes
do no scrypt, only a few DynamoDB calls).

### Monthly cost: 1 million customers, ${a.peakPaymentsPerSecond} payments/s at peak

Assumptions: ${a.paymentsPerCustomerPerMonth} payments per customer per month (${(a.customers * a.paymentsPerCustomerPerMonth / 1e6).toFixed(0)} M; ${((a.customers * a.paymentsPerCustomerPerMonth) / (30 * 86400)).toFixed(1)}/s on average, so
the 100/s peak is ~${(a.peakPaymentsPerSecond / ((a.customers * a.paymentsPerCustomerPerMonth) / (30 * 86400))).toFixed(0)}× the mean); ${a.otherRequestsPerCustomerPerMonth} other API requests per customer per month (sign-in and refresh,
home, balance, history, payee look-ups) at ~${a.otherRequestReadUnits} RRU + ${a.otherRequestWriteUnits} WRU and ~${a.otherRequestMs} ms each; every payment costed as a
${c.planningOperation}; ~${a.storedKbPerPayment} KB stored per payment (journal + postings + index overhead), ${a.storedKbPerCustomer} KB per
customer, ${a.monthsOfHistory} months kept; arm64 functions (${a.paymentLambdaMemoryMb} MB for payments, ${a.otherLambdaMemoryMb} MB otherwise); ~${a.logKbPerRequest} KB of logs per request, kept 180
days. Region and prices: **${p.region} list prices** — DynamoDB on-demand $${p.dynamoWriteRequestUnitPerMillion} per million write request
units and $${p.dynamoReadRequestUnitPerMillion} per million read request units, storage $${p.dynamoStorageGbMonth}/GB-month, PITR $${p.dynamoPitrGbMonth}/GB-month; Lambda
arm64 $${p.lambdaArmGbSecond}/GB-s and $${p.lambdaRequestsPerMillion} per million requests; HTTP API $${p.httpApiRequestsPerMillion.toFixed(2)} per million; CloudWatch
Logs $${p.logsIngestionPerGb}/GB ingested, $${p.logsStorageGbMonth}/GB-month stored. The China regions (cn-north-1, the
default in serverless.yml) are priced in CNY by Sinnet/NWCD from their own price list: re-price
the same usage there before quoting it.

${mdTable(['item', 'usage per month', 'USD per month'], [...c.monthly.map((r) => [r.item, r.usage, r.usd.toFixed(0)]), ['**total**', '', `**${c.totalUsd.toFixed(0)}**`]])}

Not included: data transfer out (small JSON answers), the WeChat and card-gateway side, KMS
requests for the SecureString and the table's AWS-managed key (cents: secrets are cached per
container), and the free tiers. DynamoDB writes dominate; provisioned capacity with auto
scaling would cut them several-fold once the traffic shape is known.
`;
}

export function markdown(r: RunResults): string {
  const m = r.machine;
  const rows = summaryRows(r);
  const sections: string[] = [];
  sections.push(`# Benchmarks

Written by \`npm run bench\` (bench/run.ts) — every figure below comes from one run on the
machine described here. The machine is shared and noisy, so **every figure that matters is a
ratio of two things measured side by side in the same run**; none of this is a test that can
fail, and targets are reported as met or missed.

| machine | |
| --- | --- |
| date | ${m.date} |
| CPUs (\`nproc\`) | ${m.nproc} × ${m.cpuModel} |
| memory | ${m.memoryGiB} GiB |
| Node.js | ${m.node} |
| Java (DynamoDB Local) | ${m.java} |
| Chromium | ${m.chromium} |
| load average at start (1/5/15 min) | ${m.loadAverageAtStart} |
| run time | ${(r.seconds / 60).toFixed(1)} min |

## Summary

${mdTable(['#', 'measure', 'figure', 'target', 'status'], rows.map((row) => [row.item, row.measure, row.figure, row.target, row.status === 'MISSED' || row.status.includes('MISSED') ? `**${row.status}**` : row.status]))}
${r.failures.length ? `\n**Phases that failed in this run:** ${r.failures.map((f) => `${f.phase}: \`${f.error.split('\n')[0]}\``).join('; ')}\n` : ''}`);
  if (r.ledger) sections.push(ledgerSection(r.ledger), hotSection(r.ledger));
  if (r.decision) sections.push(decisionSection(r.decision));
  if (r.lambda) sections.push(lambdaSection(r.lambda));
  if (r.miniprogram) sections.push(miniprogramSection(r.miniprogram));
  if (r.capacity) sections.push(paperSection(r.capacity, r.ledger));
  if (r.ledger) {
    sections.push(`## Ledger invariants after the run

Over everything the run wrote (API and raw baseline alike): ${r.ledger.invariants.ok ? '**hold**' : '**BROKEN**'} — ${r.ledger.invariants.detail}.
`);
  }
  sections.push(`## How to reproduce

\`\`\`bash
npm install          # once; needs Java 17 and Chromium as for npm test
npm run bench        # ~10 minutes on 2 cores; prints the summary and rewrites this file
\`\`\`

What it starts, all on 127.0.0.1 with free ports and all stopped at the end (also on Ctrl-C):
one DynamoDB Local in memory with the table from serverless.yml and the demo seed, two
\`serverless offline\` APIs on it (\`HOUSE_SHARDS\` 16 and 1), a static server per H5 build, and
headless Chromium. The services run from private copies of the service taken at the start
(\`serverless package\` deletes \`.esbuild\` when it finishes, which would pull the bundles from
under any other offline API in the same checkout), and the two Taro projects are built in
temporary folders, so \`miniprogram/dist\` is left alone.

Deliberate differences from \`npm start\`, for measuring on a small machine: the offline copy's
Lambda timeout is ${OFFLINE_TIMEOUT_SECONDS} s instead of the local stage's and offline runs with \`--noTimeout\` (32 concurrent
requests queue for two cores behind the PIN check; on AWS each invocation has its own CPU), and
with \`--localEnvironment\` so that \`HOUSE_SHARDS\` reaches the functions. Customers are built
through the handlers in the benchmark process with the test suite's helpers
(test/support/customers.ts); their tokens work against offline.

Knobs (environment): \`BENCH_SECONDS\` (measured seconds per run, default 4),
\`BENCH_CONCURRENCY\` (default \`1,8,32\`), \`BENCH_INIT_ROUNDS\` (fresh processes per bundle,
default 7), \`BENCH_FCP_RUNS\` (default 7), \`BENCH_ONLY\` (comma list of \`lambda,ledger,mini\`;
a partial run prints the table and does not rewrite this file). Each run also leaves its raw
results in \`$TMPDIR/jinlin-bench-results.json\`; \`BENCH_RENDER=<that file> npm run bench\`
rewrites this document from them without measuring again.
`);
  return sections.join('\n');
}
