// Money requests as the bench sends them: the body with its second factor, made ahead of the
// timed window, and the API Gateway v2 event that carries one to a handler (in this process or
// in a fresh one that imports a bundle).
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { secondFactorFor } from '../../test/support/second-factor.js';

/** The PIN every bench customer sets. */
export const BENCH_PIN = '135790';

export interface MoneyRequest {
  path: string;
  token: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
}

/** The one place the bench gives a money request its second factor, as the device does: a nonce
 *  asked for exactly this body under its Idempotency-Key (POST /v1/payment-authorizations,
 *  through the account handler in this process) and the PIN encrypted to it
 *  (test/support/second-factor.ts). It runs before any timed window: a nonce is single-use, so
 *  one is made per request sent. */
export async function moneyRequest(token: string, path: string, body: Record<string, unknown>, idempotencyKey: string): Promise<MoneyRequest> {
  return { path, token, idempotencyKey, body: { ...body, secondFactor: await secondFactorFor(token, path, body, BENCH_PIN, idempotencyKey) } };
}

/** The event API Gateway (HTTP API, payload 2.0) hands the function for `money`. */
export function apiGatewayEvent(money: MoneyRequest): APIGatewayProxyEventV2 {
  const { path, token, idempotencyKey } = money;
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey },
    requestContext: {
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: idempotencyKey,
      routeKey: `POST ${path}`,
      stage: '$default',
    },
    body: JSON.stringify(money.body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

/** A Lambda context with `budgetMs` before its deadline. */
export function lambdaContext(requestId: string, budgetMs: number): Context {
  const deadline = Date.now() + budgetMs;
  return { functionName: 'bench', awsRequestId: requestId, getRemainingTimeInMillis: () => deadline - Date.now() } as unknown as Context;
}
