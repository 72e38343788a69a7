// Fault injection for the reliability harness (test/bank): an AWS SDK middleware that makes
// DynamoDB throttle, cancel transactions for a conflict, or lose the reply of a transaction it
// has committed. client.ts installs it ONLY when JINLIN_FAULTS is set and the client talks to
// DynamoDB Local; serverless.yml passes JINLIN_FAULTS through for the local stage only.
//
//   JINLIN_FAULTS=throttle:0.05,conflict:0.05,lostReply:0.02[,seed:42][,log:/tmp/faults.log]
//
// throttle   any call is answered ThrottlingException / ProvisionedThroughputExceededException
//            instead of being served, as DynamoDB does under too much load. Injected under the
//            SDK's own retries (which back off and try again, as in production); a throttle that
//            outlasts them reaches the application and is logged as `throttleSurfaced`.
// conflict   a TransactWriteItems is cancelled before it is sent: TransactionCanceledException
//            with a TransactionConflict reason, as when another transaction holds an item.
// lostReply  a TransactWriteItems is sent and commits, then the caller gets a timeout instead
//            of the answer — the write happened, the caller cannot know.
// Each injected fault is appended as one line (`<kind> <command>`) to `log` when given.
import type { DeserializeMiddleware, InitializeMiddleware } from '@smithy/types';
import {
  type DynamoDBClient,
  DynamoDBServiceException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

export const FAULT_KINDS = ['throttle', 'conflict', 'lostReply'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  rates: Record<FaultKind, number>;
  seed: number;
  log?: string;
}

/** Parses the JINLIN_FAULTS value; throws on anything it does not understand. */
export function parseFaults(spec: string): FaultPlan {
  const plan: FaultPlan = { rates: { throttle: 0, conflict: 0, lostReply: 0 }, seed: Date.now() >>> 0 };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const value = colon < 0 ? '' : part.slice(colon + 1);
    if (name === 'log') {
      if (!value) throw new Error('JINLIN_FAULTS: log needs a path');
      plan.log = value;
    } else if (name === 'seed') {
      if (!/^\d{1,10}$/.test(value)) throw new Error(`JINLIN_FAULTS: bad seed ${value}`);
      plan.seed = Number(value) >>> 0;
    } else if ((FAULT_KINDS as readonly string[]).includes(name)) {
      const rate = Number(value);
      if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value) || !(rate >= 0 && rate <= 1)) throw new Error(`JINLIN_FAULTS: ${name} rate must be within 0..1, got ${value}`);
      plan.rates[name as FaultKind] = rate;
    } else {
      throw new Error(`JINLIN_FAULTS: unknown fault ${name}`);
    }
  }
  return plan;
}

/** mulberry32: small, seeded, good enough to decide faults. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const meta = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };

function throttled(rand: () => number): DynamoDBServiceException {
  return rand() < 0.5
    ? new ThrottlingException({ message: 'Throughput exceeds the current capacity of your table or index.', $metadata: meta })
    : new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata: meta });
}

function conflicted(items: number, rand: () => number): TransactionCanceledException {
  const at = Math.floor(rand() * Math.max(1, items));
  return new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    $metadata: meta,
    CancellationReasons: Array.from({ length: Math.max(1, items) }, (_, i) =>
      i === at ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' },
    ),
  });
}

function lostReply(): Error {
  // What the SDK's HTTP handler throws when the socket times out waiting for the answer.
  return Object.assign(new Error('Connection timed out after the request was sent (injected: the write committed)'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
}

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
type Middleware = (next: Next, context: { commandName?: string }) => (args: { input: Record<string, unknown> }) => Promise<unknown>;
const isThrottle = (error: unknown) => error instanceof ThrottlingException || error instanceof ProvisionedThroughputExceededException;

/** Adds the fault middlewares: throttling inside the SDK's retry loop (the deserialize step runs
 *  once per attempt), conflicts and lost replies at the top (once per call, above the retries). */
export function installFaults(client: DynamoDBClient, plan: FaultPlan): void {
  const rand = random(plan.seed ^ Math.imul(threadId + 1, 0x9e3779b1));
  const record = (kind: string, command: string) => {
    if (plan.log) appendFileSync(plan.log, `${kind} ${command}\n`);
  };
  const commandOf = (context: { commandName?: string }) => (context.commandName ?? 'Unknown').replace(/Command$/, '');
  const perAttempt: Middleware = (next, context) => async (args: { input: Record<string, unknown> }) => {
    if (rand() < plan.rates.throttle) {
      record('throttle', commandOf(context));
      throw throttled(rand);
    }
    return next(args);
  };
  const perCall: Middleware = (next, context) => async (args: { input: Record<string, unknown> }) => {
    const command = commandOf(context);
    const transactWrite = command === 'TransactWriteItems';
    if (transactWrite && rand() < plan.rates.conflict) {
      record('conflict', command);
      throw conflicted(Array.isArray(args.input.TransactItems) ? args.input.TransactItems.length : 1, rand);
    }
    let result: unknown;
    try {
      result = await next(args);
    } catch (error) {
      if (isThrottle(error)) record('throttleSurfaced', command);
      throw error;
    }
    if (transactWrite && rand() < plan.rates.lostReply) {
      record('lostReply', command);
      throw lostReply();
    }
    return result;
  };
  client.middlewareStack.add(perCall as unknown as InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>, { step: 'initialize', name: 'jinlinFaultsPerCall', priority: 'high' });
  client.middlewareStack.add(perAttempt as unknown as DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes>, { step: 'deserialize', name: 'jinlinFaultsPerAttempt', priority: 'high' });
}
