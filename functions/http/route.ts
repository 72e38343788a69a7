// How every HTTP route runs: size guard → JSON body → schema validation → authentication →
// idempotency → the route's work → response validated against the contract. Errors leave as
// `{ error: { code, message } }` with a 4xx for anything the caller can fix.
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createHash, timingSafeEqual } from 'node:crypto';
import { requestHash } from '../platform/request-hash.js';
import type * as z from 'zod/mini';
// The error class from zod's core directly: reaching it through zod/mini's `core` namespace would keep it all,
// every locale included (~380 KB), in the bundle.
import { $ZodError } from 'zod/v4/core';
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';
import type { RouteSpec } from '../contract/route-spec.js';
import { Refusal, type RefusalKind } from '../domain/errors.js';
import { beginRequest, completeRequest, failRequest, type KeyHolding, RequestCompletion, StoredAnswer, type StoredResponse } from '../services/idempotency.js';
import type { Partner } from '../domain/open/partner.js';
import type { ConsoleOperator } from '../services/operators.js';
import type { OpenedSecondFactor } from '../services/second-factor.js';
import { logContext, logger } from '../platform/logger.js';
import { secrets } from '../secrets.js';
import { type TokenDevice, verifyAccessToken, verifyStaffAccessToken } from '../services/tokens.js';

const MAX_BODY_BYTES = 16 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

type Infer<T> = T extends z.ZodMiniType ? z.infer<T> : undefined;

export type RouteInput<S extends RouteSpec> = {
  body: Infer<S['body']>;
  query: Infer<S['query']>;
  params: Infer<S['params']>;
  now: Date;
  /** Present on money-moving routes; the route derives its journal ids from it. */
  idempotencyKey: string;
  /** On idempotent routes: lets the workflow store its answer in its own transaction. */
  completion?: RequestCompletion;
  /** The caller's address, as API Gateway saw it (a session's place, domain/sessions.ts). */
  sourceIp: string | undefined;
} & (S['secondFactor'] extends 'required' ? { secondFactor: OpenedSecondFactor } : unknown) &
  (S['secondFactor'] extends 'optional' ? { secondFactor?: OpenedSecondFactor; newPin?: OpenedSecondFactor } : unknown) & (S['auth'] extends 'customer' ? { customerId: string; tokenIssuedAtMs: number; tokenSessionId: string | undefined; deviceVerified: boolean; tokenDevice: TokenDevice } : unknown) &
  (S['auth'] extends 'staff' ? { staffId: string } : unknown) &
  (S['auth'] extends 'console' ? { operator: ConsoleOperator } : unknown) &
  (S['auth'] extends 'partner' ? { partner: Partner } : unknown);

type Event = APIGatewayProxyEventV2 & { body?: unknown };
type Result = APIGatewayProxyStructuredResultV2;
/** What the middlewares learn about a request, handed to the route's work. */
type RouteContext = Context & {
  customerId?: string;
  /** When the customer's access token was issued: a loss report revokes those before it. */
  tokenIssuedAtMs?: number;
  /** The customer's session (sign-in) the token belongs to, and whether its device is verified. */
  tokenSessionId?: string;
  deviceVerified?: boolean;
  tokenDevice?: TokenDevice;
  staffId?: string;
  operator?: ConsoleOperator;
  /** The partner whose signature the request carries (http/open-route.ts). */
  partner?: Partner;
  idempotencyKey?: string;
  completion?: RequestCompletion;
  secondFactor?: OpenedSecondFactor;
  newPin?: OpenedSecondFactor;
  body?: unknown;
  query?: unknown;
  params?: unknown;
};
export type Middleware = MiddlewareObj<Event, Result, Error, RouteContext>;

const STATUS_BY_KIND: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  locked: 423,
  rate_limited: 429,
};

function json(statusCode: number, body: unknown): Result {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

export function errorResponse(statusCode: number, code: string, message: string): Result {
  return json(statusCode, { error: { code, message } });
}

const fieldList = (error: $ZodError) =>
  [...new Set(error.issues.map((issue) => issue.path.join('.') || '(body)'))].slice(0, 5).join('、');

/** Maps anything thrown to the response the caller sees; nothing internal leaks. */
function toErrorResponse(error: unknown): Result {
  if (error instanceof Refusal) return errorResponse(STATUS_BY_KIND[error.kind], error.code, error.userMessage);
  if (error instanceof $ZodError) {
    return errorResponse(400, 'VALIDATION_FAILED', `请求参数有误：${fieldList(error)}`);
  }
  if (error instanceof UpstreamUnavailable) {
    logger.warn('upstream unavailable', { error: error.message });
    return errorResponse(503, 'UPSTREAM_UNAVAILABLE', '外部服务暂时不可用，请稍后再试');
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const known: Record<number, [string, string]> = {
      404: ['NOT_FOUND', '请求的资源不存在'],
      405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
      413: ['PAYLOAD_TOO_LARGE', '请求内容过大'],
      415: ['UNSUPPORTED_MEDIA_TYPE', '请使用 application/json 格式'],
      422: ['MALFORMED_JSON', '请求内容不是有效的 JSON'],
    };
    const [code, message] = known[statusCode] ?? ['BAD_REQUEST', '请求无效'];
    // The JSON parser says 422 for a body that is not JSON; the contract's 422 means "refused by
    // the rules", so unparseable input is a 400 like every other invalid input.
    return errorResponse(statusCode === 422 ? 400 : statusCode, code, message);
  }
  logger.error('unhandled error', { error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  return errorResponse(500, 'INTERNAL_ERROR', '系统繁忙，请稍后再试');
}

const bodyLimit = (): Middleware => ({
  before: ({ event }) => {
    const raw = typeof event.body === 'string' ? event.body : '';
    if (Buffer.byteLength(raw, event.isBase64Encoded ? 'base64' : 'utf8') > MAX_BODY_BYTES) {
      throw new Refusal('too_large', 'PAYLOAD_TOO_LARGE', '请求内容过大');
    }
  },
});

export const bearerToken = (event: Event) => /^Bearer ([A-Za-z0-9._-]{20,2048})$/.exec(event.headers?.authorization ?? '')?.[1];

const authenticate = (): Middleware => ({
  before: async ({ event, context }) => {
    const token = bearerToken(event);
    const verified = token ? await verifyAccessToken(token) : undefined;
    if (!verified) throw new Refusal('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
    context.customerId = verified.customerId;
    context.tokenIssuedAtMs = verified.issuedAtMs;
    context.tokenSessionId = verified.sessionId;
    context.deviceVerified = verified.deviceVerified;
    context.tokenDevice = { firstSeenAtMs: verified.deviceFirstSeenAtMs, steppedUpAtMs: verified.steppedUpAtMs };
  },
});

/** Staff (relationship managers) present their own token, of another audience. */
const authenticateStaff = (): Middleware => ({
  before: async ({ event, context }) => {
    const token = bearerToken(event);
    const staffId = token ? await verifyStaffAccessToken(token) : undefined;
    if (!staffId) throw new Refusal('unauthenticated', 'UNAUTHENTICATED', '员工登录已失效，请重新登录');
    context.staffId = staffId;
  },
});

/** Operators authenticate with the bank's operator key (from the secrets), compared in
 *  constant time. */
const authenticateOperator = (): Middleware => ({
  before: async ({ event }) => {
    const given = createHash('sha256').update(event.headers?.['x-operator-key'] ?? '').digest();
    const expected = createHash('sha256').update((await secrets()).operatorKey).digest();
    if (!timingSafeEqual(given, expected)) throw new Refusal('unauthenticated', 'UNAUTHENTICATED', '操作员凭证无效');
  },
});

/** The hash a repeat must match and a payment nonce is bound to (platform/request-hash.ts). */
export const hashOf = (event: Event) => requestHash(event.requestContext.http.method, event.rawPath, event.body ?? {});

/** The stored form of a refusal's response (a final refusal is the request's answer). */
function refusalResponse(refusal: Refusal): StoredResponse {
  const refused = errorResponse(STATUS_BY_KIND[refusal.kind], refusal.code, refusal.userMessage);
  return { statusCode: refused.statusCode!, body: String(refused.body) };
}

const idempotent = (routeName: string, spec: RouteSpec, holding: KeyHolding): Middleware => {
  // A partner's keys are its own: two partners may send the same Idempotency-Key.
  const scopeOf = (context: RouteContext) => `${context.customerId ?? (context.partner ? `partner:${context.partner.partnerId}` : undefined)}#${routeName}`;
  const render = (result: unknown): StoredResponse => ({ statusCode: 200, body: JSON.stringify(spec.response.parse(result)) });
  const answer = (stored: StoredResponse) => json(stored.statusCode, JSON.parse(stored.body));
  return {
    before: async ({ event, context }) => {
      const key = event.headers?.['idempotency-key'] ?? '';
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw new Refusal('invalid', 'IDEMPOTENCY_KEY_REQUIRED', '缺少或无效的 Idempotency-Key 请求头');
      }
      context.idempotencyKey = key;
      const hash = hashOf(event);
      const now = new Date();
      if (holding === 'reserved') {
        const replay = await beginRequest(scopeOf(context), key, hash, now);
        if (replay) return answer(replay);
      }
      context.completion = new RequestCompletion(scopeOf(context), key, hash, render, holding, now);
      return undefined;
    },
    after: async (request) => {
      const { context, response } = request;
      const completion = context.completion;
      if (!completion || !response || completion.isStored) return;
      const done = { statusCode: response.statusCode ?? 200, body: String(response.body) };
      if (!completion.holdsKey) {
        request.response = answer(await completion.storeAnswer(done));
        return;
      }
      // Another attempt of this request that took over its lapsed lease may have answered first.
      const stored = await completeRequest(scopeOf(context), context.idempotencyKey!, done);
      if (stored !== done) request.response = answer(stored);
    },
    onError: async (request) => {
      const { context, error } = request;
      if (error instanceof StoredAnswer) {
        request.response = answer(error.response);
        return;
      }
      const completion = context.completion;
      if (!completion) return;
      if (completion.holdsKey) {
        const stored = await failRequest(scopeOf(context), context.idempotencyKey!, error, refusalResponse);
        if (stored) request.response = answer(stored);
        return;
      }
      const stored = await completion.answerForFailure(error, refusalResponse);
      if (stored) request.response = answer(stored);
    },
  };
};

const validate = (spec: RouteSpec): Middleware => ({
  before: ({ event, context }) => {
    context.body = spec.body?.parse(event.body);
    context.query = spec.query?.parse(event.queryStringParameters ?? {});
    // A malformed id names nothing that exists: answer as for any other unknown id.
    if (spec.params && !spec.params.safeParse(event.pathParameters ?? {}).success) {
      throw new Refusal('not_found', 'NOT_FOUND', '请求的资源不存在');
    }
    context.params = spec.params?.parse(event.pathParameters ?? {});
  },
});

export interface Route {
  spec: RouteSpec;
  handler: (event: Event, context: Context) => Promise<Result>;
}

export type RouteWork<S extends RouteSpec> = (input: RouteInput<S>) => Promise<z.infer<S['response']>>;

/** One route: its spec from the contract and the work it does. A route confirmed by a second
 *  factor is defined through http/confirmed-route.ts, which brings the middleware that opens it
 *  (and its crypto, which the other functions need not bundle). */
export function defineRoute<S extends RouteSpec>(name: string, spec: S, work: RouteWork<S>, confirm?: Middleware, keyHolding: KeyHolding = 'reserved', authenticateCaller?: Middleware): Route {
  const handler = middy<Event, Result, Error, RouteContext>().use(bodyLimit());
  // A partner's signature covers the body as sent: checked before the body is parsed, by
  // http/open-route.ts's middleware, which only the open platform's functions bundle.
  if (spec.auth === 'partner') {
    if (!authenticateCaller) throw new Error(`route ${name}: define it with http/open-route.ts`);
    handler.use(authenticateCaller);
  }
  if (spec.body) handler.use(httpJsonBodyParser());
  if (spec.auth === 'customer') handler.use(authenticate());
  if (spec.auth === 'staff') handler.use(authenticateStaff());
  if (spec.auth === 'operator') handler.use(authenticateOperator());
  // Console operators' sessions and permissions: checked by http/console-route.ts's middleware,
  // which only the console's functions bundle.
  if (spec.auth === 'console') {
    if (!authenticateCaller) throw new Error(`route ${name}: define it with http/console-route.ts`);
    handler.use(authenticateCaller);
  }
  handler.use(validate(spec));
  if (spec.idempotent) handler.use(idempotent(name, spec, keyHolding));
  if (spec.secondFactor) {
    if (spec.auth !== 'customer') throw new Error(`route ${name}: a second factor is a customer's`);
    if (!confirm) throw new Error(`route ${name} takes a second factor: define it with http/confirmed-route.ts`);
    handler.use(confirm);
  }
  return {
    spec,
    handler: handler.handler(async (event, context) => {
      const input = {
        body: context.body,
        query: context.query,
        params: context.params,
        now: new Date(),
        idempotencyKey: context.idempotencyKey ?? '',
        completion: context.completion,
        secondFactor: context.secondFactor,
        newPin: context.newPin,
        customerId: context.customerId,
        tokenIssuedAtMs: context.tokenIssuedAtMs,
        tokenSessionId: context.tokenSessionId,
        deviceVerified: context.deviceVerified,
        tokenDevice: context.tokenDevice,
        sourceIp: event.requestContext?.http?.sourceIp,
        staffId: context.staffId,
        operator: context.operator,
        partner: context.partner,
      } as RouteInput<S>;
      return json(200, spec.response.parse(await work(input)));
    }) as Route['handler'],
  };
}

/** The Lambda handler for one capability: its routes, behind one router. */
export function lambda(routeList: Route[]) {
  const router = httpRouterHandler(
    routeList.map((route) => ({ method: route.spec.method, path: route.spec.path, handler: route.handler })),
  );
  return middy<Event, Result>()
    .use(logContext())
    .use(httpHeaderNormalizer())
    .use({
      onError: (request) => {
        request.response = toErrorResponse(request.error);
      },
    })
    .handler(router as unknown as (event: Event, context: Context) => Promise<Result>);
}
