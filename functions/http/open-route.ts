// Routes of the open platform (/v1/open/…): the same as every route, with the middleware `auth:
// 'partner'` needs — the request's signature, clock, nonce, scope and rate limit checked over the
// body as sent (services/partner-auth.ts) — and every answer, errors included, signed with the
// platform key. Only the open platform's functions bundle it.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteSpec } from '../contract/route-spec.js';
import type { PartnerScope } from '../domain/open/partner.js';
import { authenticatePartner, signedResponseHeaders } from '../services/partner-auth.js';
import { defineRoute, lambda, type Middleware, type Route, type RouteWork } from './route.js';

const authenticateSignature = (scope: PartnerScope): Middleware => ({
  before: async ({ event, context }) => {
    const body = typeof event.body === 'string' ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
    const pathWithQuery = event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath;
    context.partner = await authenticatePartner({ method: event.requestContext.http.method, pathWithQuery, body, authorization: event.headers?.authorization }, scope, new Date());
  },
});

export function defineOpenRoute<S extends RouteSpec>(name: string, spec: S, work: RouteWork<S>): Route {
  if (spec.auth !== 'partner' || !spec.scope) throw new Error(`route ${name} is an open-platform route: auth 'partner' with its scope`);
  return defineRoute(name, spec, work, undefined, 'reserved', authenticateSignature(spec.scope));
}

/** The Lambda handler for open-platform routes: every answer leaves signed. */
export function openLambda(routeList: Route[]) {
  const inner = lambda(routeList);
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const result = (await inner(event, context)) as APIGatewayProxyStructuredResultV2;
    const body = typeof result.body === 'string' ? result.body : '';
    return { ...result, headers: { ...result.headers, ...(await signedResponseHeaders(body, new Date())) } };
  };
}
