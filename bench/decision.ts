// Item 3 — loan decision latency: POST /v1/loan-applications timed server-side (the handler's own
// time in this process: validation, the customer and account reads, the credit bureau simulator,
// the rules, the transaction that stores application, report, decision and credit line, and the
// funnel events), against DynamoDB Local, one request at a time so queueing does not count.
import { db } from '../functions/store/client.js';
import { handler as loanOrigination } from '../functions/http/loan-origination.js';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local.js';
import { freePort } from '../scripts/lib/ports.js';
import { seedDemo } from '../scripts/lib/seed.js';
import { call } from '../test/support/bank.js';
import { onboard, type Onboarded } from '../test/support/customers.js';
import { loanApplicationRequest } from '../test/support/loan-application.js';
import { onCleanup } from './lib/cleanup.js';
import { probeClient } from './lib/dynamo-probe.js';
import { percentile } from './lib/stats.js';
import { BENCH_TABLE, useTableInThisProcess } from './ledger.js';

export const DECISION_P99_TARGET_MS = 100;
const CUSTOMERS = 12;
const WARM_UP = 24;
const SAMPLES = Number(process.env.BENCH_DECISIONS ?? 300);

export interface DecisionResults {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  outcomes: Record<string, number>;
  /** The calls of the last decision, in order: operation and key shape (ids elided). */
  dynamoCallList: string[];
}

const APPLICATION = loanApplicationRequest({ amountFen: 5_000_000, monthlyIncomeFen: 2_500_000 });

export async function runDecisionBenchmark(log: (line: string) => void): Promise<DecisionResults> {
  log('DynamoDB Local (in memory), table from serverless.yml, demo seed …');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  onCleanup('DynamoDB Local (decision)', () => dynamo.stop());
  await ensureTable(dynamo.endpoint, BENCH_TABLE);
  useTableInThisProcess(dynamo.endpoint);
  await seedDemo();
  log(`${CUSTOMERS} customers through the handlers …`);
  const customers: Onboarded[] = [];
  for (let i = 0; i < CUSTOMERS; i++) customers.push(await onboard({ pin: '135790' }));
  const apply = (who: Onboarded) => call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: APPLICATION });
  for (let i = 0; i < WARM_UP; i++) await apply(customers[i % CUSTOMERS]!);

  log(`${SAMPLES} decisions, one at a time …`);
  const probe = probeClient(db().doc);
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let callList: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    probe.reset();
    const started = performance.now();
    const answer = await apply(customers[i % CUSTOMERS]!);
    latencies.push(performance.now() - started);
    const outcome = answer.status === 200 ? String(answer.body.outcome) : `${answer.status} ${answer.body?.error?.code}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const shape = (key: Record<string, string | undefined> | undefined) =>
      key ? `${String(key.PK).split('#')[0]}/${String(key.SK).split('#')[0]}` : '';
    callList = probe.calls.map((c) => `${c.operation} ${c.transactItems ? c.transactItems.map((t) => `${t.kind} ${shape(t.key)}`).join(' + ') : shape(c.key)}`);
  }
  return {
    samples: SAMPLES,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    outcomes,
    dynamoCallList: callList,
  };
}
