// The shape of a route in the contract. Each capability keeps its own table (core-routes.ts,
// loan-routes.ts, …) so a Lambda bundles only its own schemas; routes.ts joins them.
import type * as z from 'zod/mini';
import type { PartnerScope } from '../domain/open/partner.js';
import type { Permission } from '../domain/operator-roles.js';

export type Method = 'GET' | 'POST';

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  /** 'customer' needs a customer access token, 'staff' a staff access token (relationship
   *  managers; another audience, so neither token passes for the other), 'operator' the bank
   *  operator's key, 'console' a console operator's token (of a live session) and `permission`;
   *  'partner' an open-platform partner's signed request (domain/open/signature.ts) and `scope`;
   *  'none' is public. */
  auth: 'customer' | 'staff' | 'operator' | 'console' | 'partner' | 'none';
  /** Console routes: what the operator's roles must allow (domain/operator-roles.ts). */
  permission?: Permission;
  /** Partner routes: the scope the partner must have been granted (domain/open/partner.ts). */
  scope?: PartnerScope;
  /** Money-moving: needs an Idempotency-Key header. */
  idempotent: boolean;
  /** Confirmed by a second factor (a payment nonce and the encrypted PIN, `secondFactor` in the
   *  body): 'required', or 'optional' where only some callers have a PIN yet (setting the first). */
  secondFactor?: 'required' | 'optional';
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  /** Path parameters, for paths with `{name}` segments. */
  params?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Only served while the WeChat simulator is configured (local stages). */
  simulatorOnly?: boolean;
}
