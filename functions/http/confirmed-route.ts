// Routes confirmed by a second factor (services/second-factor.ts): the same as every route, plus
// the middleware that opens the body's second factor — and a new PIN sent with it — against this
// very request before the work runs. Only the functions that move money bundle it.
import type { RouteSpec } from '../contract/route-spec.js';
import type { SecondFactor } from '../contract/second-factor-schemas.js';
import type { KeyHolding } from '../services/idempotency.js';
import { openSecondFactors, unopenedCipherRefusal } from '../services/second-factor.js';
import { defineRoute as defineAnyRoute, hashOf, type Middleware, type Route, type RouteWork } from './route.js';

const confirm = (): Middleware => ({
  before: async ({ event, context }) => {
    const body = context.body as { secondFactor?: SecondFactor; newPin?: SecondFactor };
    const request = { hashOfRequest: hashOf(event), idempotencyKey: context.idempotencyKey };
    Object.assign(context, await openSecondFactors(context.customerId!, body, request, new Date()));
  },
  // A PIN's cipher opens while the work's first read is out (services/second-factor.ts): work
  // refused before it needed the PIN is refused for a bad cipher first.
  onError: async (request) => {
    const refusal = await unopenedCipherRefusal([request.context.secondFactor, request.context.newPin]);
    if (refusal) request.error = refusal as Error;
  },
});

/** A route of a function that moves money: second-factor routes get their opener. A workflow
 *  that reads its key with its first read and writes it with its first transaction (see
 *  services/idempotency.ts) is defined with `keyHolding: 'first-write'`. */
export function defineRoute<S extends RouteSpec>(name: string, spec: S, work: RouteWork<S>, keyHolding?: KeyHolding): Route {
  return defineAnyRoute(name, spec, work, spec.secondFactor ? confirm() : undefined, keyHolding);
}
