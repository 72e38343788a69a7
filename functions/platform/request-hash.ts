// What a request asks for, as one hash: its method, path and body, the body's secrets left out.
// The idempotency record stores it (a repeat must match) and a payment nonce is bound to it (the
// nonce pays for this request only), so both read a request the same way.
import { createHash } from 'node:crypto';

/** Body fields that carry a second factor: they differ on every try of the same request and are
 *  not part of what it asks for. */
export const SECRET_BODY_FIELDS = ['secondFactor', 'newPin'] as const;

/** JSON with every object's keys sorted, at every depth, so the same content always gives the
 *  same text (a replacer array would keep only the top level's key names, nested ones dropped). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function requestHash(method: string, path: string, body: unknown): string {
  const asked = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : body;
  if (asked && typeof asked === 'object') for (const field of SECRET_BODY_FIELDS) delete (asked as Record<string, unknown>)[field];
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(asked ?? {})}`).digest('base64url');
}
