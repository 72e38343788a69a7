// The bank test's HTTP client: sends one request to the real API and retries it — with the SAME
// Idempotency-Key and body — until the answer is definitive: 200, or a 4xx other than a 409
// "in progress". 5xx, network errors, timeouts, 409 and answers that are not the API's
// (serverless offline reloading, DynamoDB Local restarting) are retried, within bounds.
import { errorShapeProblem, internalDetail } from '../support/leaks.js';

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  key?: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Headers made afresh for each attempt: a partner's signature (a new nonce and timestamp on
   *  every try, over the body as sent), an operator's key. */
  headers?: (bodyAsSent: string) => Record<string, string>;
}

export type AttemptResult = number | 'network' | 'timeout';

export interface Answer {
  /** ok = 200; rejected = a definitive 4xx; unknown = retries ran out without either. */
  outcome: 'ok' | 'rejected' | 'unknown';
  status: number;
  code?: string;
  body?: any;
  raw: string;
  attempts: AttemptResult[];
  /** When the harness had the answer (Date.now()): set against DynamoDB Local's kills. */
  answeredAtMs: number;
}

export interface ClientStats {
  requests: number;
  retries: number;
  byStatus: Record<string, number>;
  /** Answers that broke the API's rules (internal details, wrong error shape). */
  problems: string[];
  /** Answers not from the API at all (the emulator's own 502/504, odd 200s); retried. */
  emulatorAnswers: number;
  /** The first few of them, for the report. */
  emulatorSamples: string[];
}

export interface ClientOptions {
  apiUrl: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** For the whole retried request. */
  deadlineMs: number;
  maxAttempts: number;
  stats: ClientStats;
  /** Decides whether a 200 body is one the API could have sent for this request. */
  isApiAnswer?: (body: unknown) => boolean;
}

export function newStats(): ClientStats {
  return { requests: 0, retries: 0, byStatus: {}, problems: [], emulatorAnswers: 0, emulatorSamples: [] };
}

/** 409s that say "not decided yet" rather than "no": this key's request still running, or
 *  another payment of the same bill still with the gateway (once it ends, the bill is paid —
 *  BILL_ALREADY_PAID — or free again), or other refunds of the same order kept a partner's refund
 *  busy (the guide says: send it again). All are waited for; none is an answer. */
const IN_PROGRESS = new Set(['REQUEST_IN_PROGRESS', 'BILL_PAYMENT_IN_PROGRESS', 'REFUND_BUSY']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendOnce(options: ClientOptions, request: Request): Promise<{ result: AttemptResult; raw: string }> {
  const url = new URL(request.path, options.apiUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  // A signed-out request (the identity check's) carries no token.
  const headers: Record<string, string> = request.token ? { authorization: `Bearer ${request.token}` } : {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.key) headers['idempotency-key'] = request.key;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  Object.assign(headers, request.headers?.(body ?? ''));
  options.stats.requests++;
  try {
    const res = await fetch(url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const raw = await res.text();
    options.stats.byStatus[res.status] = (options.stats.byStatus[res.status] ?? 0) + 1;
    return { result: res.status, raw };
  } catch (error) {
    const name = (error as Error).name;
    const result = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
    options.stats.byStatus[result] = (options.stats.byStatus[result] ?? 0) + 1;
    return { result, raw: '' };
  }
}

function parse(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Sends until definitive; never throws. */
export async function send(options: ClientOptions, request: Request): Promise<Answer> {
  const started = Date.now();
  const attempts: AttemptResult[] = [];
  let last = { status: 0, raw: '', body: undefined as any, code: undefined as string | undefined };
  let inProgress = false;
  for (let n = 0; n < options.maxAttempts && Date.now() - started < options.deadlineMs; n++) {
    if (n > 0) {
      options.stats.retries++;
      // A request still in flight (or a lease left by a crash, 30 s) is waited for patiently;
      // a failure is retried soon.
      const capMs = inProgress ? 3_000 : 1_000;
      await sleep(Math.min(capMs, (inProgress ? 250 : 25) * 2 ** Math.min(n, 6)) * (0.5 + Math.random()));
    }
    const { result, raw } = await sendOnce(options, request);
    attempts.push(result);
    inProgress = false;
    if (typeof result !== 'number') continue;
    const body = parse(raw);
    const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
    last = { status: result, raw, body, code };
    const fromApi = body !== undefined && (result === 200 ? (options.isApiAnswer?.(body) ?? true) : code !== undefined);
    if (!fromApi) {
      // serverless offline answers its own failures (a Lambda timeout while it reloads, a
      // handler it could not load) with bodies the API never sends — sometimes as a 200.
      options.stats.emulatorAnswers++;
      if (options.stats.emulatorSamples.length < 5) options.stats.emulatorSamples.push(`${request.method} ${request.path} ${result} ${raw.slice(0, 300)}`);
      continue;
    }
    if (result !== 200) {
      const leak = internalDetail(raw);
      if (leak) options.stats.problems.push(`${request.method} ${request.path} ${result}: ${leak} in ${raw.slice(0, 300)}`);
      const shape = errorShapeProblem(raw);
      if (shape) options.stats.problems.push(`${request.method} ${request.path} ${result}: error shape (${shape}) ${raw.slice(0, 300)}`);
    }
    if (result === 200) return { outcome: 'ok', status: 200, body, raw, attempts, answeredAtMs: Date.now() };
    if (result === 409 && IN_PROGRESS.has(code ?? '')) {
      inProgress = true;
      continue;
    }
    if (result >= 500) continue;
    return { outcome: 'rejected', status: result, code, body, raw, attempts, answeredAtMs: Date.now() };
  }
  return { outcome: 'unknown', status: last.status, code: last.code, body: last.body, raw: last.raw, attempts, answeredAtMs: Date.now() };
}
