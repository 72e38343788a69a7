// A closed-loop load generator: `concurrency` workers each run `op` back to back until the
// time is up or the request budget is spent. Everything is bounded: the warm-up count, the
// measured duration and the number of requests.
import { percentile } from './stats.js';

export interface LoadOptions {
  concurrency: number;
  /** Requests run (and thrown away) first at the same concurrency, so that every
   *  serverless-offline worker thread is started and every connection is open. */
  warmupRequests: number;
  durationMs: number;
  maxRequests: number;
  /** Measured requests per worker at most (each worker's requests were made ahead, so many). */
  maxRequestsPerWorker?: number;
  /** One request; throws on any answer that is not the expected success. */
  op: (worker: number, sequence: number) => Promise<void>;
}

export interface LoadResult {
  concurrency: number;
  completed: number;
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
  throughput: number;
  p50: number;
  p99: number;
}

let sequence = 0;

async function runWorkers(
  options: Pick<LoadOptions, 'concurrency' | 'op'>,
  shouldContinue: (worker: number, done: number) => boolean,
  record: (latencyMs: number, error?: unknown) => void,
): Promise<void> {
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let done = 0; shouldContinue(worker, done); done++) {
        const started = performance.now();
        try {
          await options.op(worker, sequence++);
          record(performance.now() - started);
        } catch (error) {
          record(performance.now() - started, error);
        }
      }
    }),
  );
}

export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const perWorkerWarmup = Math.ceil(options.warmupRequests / options.concurrency);
  const warmupErrors: string[] = [];
  await runWorkers(options, (_, done) => done < perWorkerWarmup, (_, error) => {
    if (error !== undefined && warmupErrors.length < 3) warmupErrors.push(describe(error));
  });

  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const perWorker = options.maxRequestsPerWorker ?? Infinity;
  await runWorkers(
    options,
    (_, done) => {
      if (performance.now() >= deadline || issued >= options.maxRequests || done >= perWorker) return false;
      issued++;
      return true;
    },
    (latency, error) => {
      if (error === undefined) {
        latencies.push(latency);
      } else {
        errors++;
        if (errorSamples.size < 5) errorSamples.add(describe(error));
      }
    },
  );
  const elapsedMs = performance.now() - started;
  return {
    concurrency: options.concurrency,
    completed: latencies.length,
    errors,
    errorSamples: [...errorSamples, ...warmupErrors.map((e) => `warm-up: ${e}`)],
    elapsedMs,
    throughput: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return String(error).slice(0, 200);
}
