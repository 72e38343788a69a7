// Assertions on API answers: the error shape every 4xx/5xx must have, and success.
import assert from 'node:assert/strict';
import type { CallResult } from './bank.js';

const CHINESE = /[\u4e00-\u9fa5]/;

/** The answer is `{ error: { code, message } }` with this status and code and a Chinese message. */
export function expectError(res: CallResult, status: number, code: string): void {
  const shown = JSON.stringify(res.body);
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status} ${shown}`);
  assert.ok(res.body && typeof res.body === 'object', shown);
  assert.deepEqual(Object.keys(res.body), ['error'], shown);
  assert.deepEqual(Object.keys(res.body.error).sort(), ['code', 'message'], shown);
  assert.equal(res.body.error.code, code, shown);
  assert.equal(typeof res.body.error.message, 'string');
  assert.match(res.body.error.message, CHINESE, `message should be Chinese: ${shown}`);
}

/** Any 4xx in the error shape, whatever the code; returns the code. */
export function expectClientError(res: CallResult): string {
  const shown = JSON.stringify(res.body);
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx, got ${res.status} ${shown}`);
  expectError(res, res.status, String(res.body?.error?.code));
  return res.body.error.code;
}

export function expectOk<T = any>(res: CallResult<T>): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}
