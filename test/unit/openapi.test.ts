// The OpenAPI document, the route table and serverless.yml describe the same API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openApiDocument } from '../../functions/contract/openapi.js';
import { type ApiDocument, openPlatformDocument } from '../../functions/contract/open-document.js';
import { routes, type RouteSpec } from '../../functions/contract/routes.js';
import { serverlessFile } from '../../scripts/lib/serverless-config.js';

type Operation = {
  operationId: string;
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const doc = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
const routeList = Object.entries(routes) as [string, RouteSpec][];

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(v);
      else collectRefs(v, into);
    }
  }
  return into;
}

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1 and serializes to JSON', () => {
    assert.match(doc.openapi, /^3\.1\./);
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc);
  });

  test('every route appears under its path with its method and name', () => {
    assert.ok(routeList.length >= 17);
    for (const [name, spec] of routeList) {
      const operation = doc.paths[spec.path]?.[spec.method.toLowerCase()];
      assert.ok(operation, `${spec.method} ${spec.path} missing`);
      assert.equal(operation.operationId, name);
    }
  });

  test('lists no operation that is not a route', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual(documented.sort(), routeList.map(([, s]) => `${s.method} ${s.path}`).sort());
  });

  test('money-moving routes and every partner POST declare a required Idempotency-Key header; others do not', () => {
    const moneyRoutes = routeList.filter(([, s]) => s.idempotent && s.auth !== 'partner').map(([n]) => n);
    const partnerPosts = routeList.filter(([, s]) => s.auth === 'partner' && s.method === 'POST');
    assert.ok(partnerPosts.length > 0);
    for (const [name, spec] of partnerPosts) assert.equal(spec.idempotent, true, name);
    assert.deepEqual(moneyRoutes.sort(), ['billPay', 'closeAccount', 'deferral', 'drawdown', 'merchantCodePay', 'merchantOrderPay', 'payoff', 'repay', 'topUp', 'transfer', 'wealthCancel', 'wealthPurchase', 'wealthRedeem', 'withdraw']);
    for (const [, spec] of routeList) {
      const header = doc.paths[spec.path]![spec.method.toLowerCase()]!.parameters?.find(
        (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
      );
      if (spec.idempotent) {
        assert.equal(header?.required, true, `${spec.path} needs Idempotency-Key`);
        assert.equal(spec.method, 'POST');
      } else assert.equal(header, undefined, `${spec.path} should not ask for Idempotency-Key`);
    }
  });

  test('every route declares how it is authenticated and documents the 401; public ones need nothing', () => {
    const schemes = { customer: 'bearer', staff: 'staffBearer', console: 'consoleBearer', operator: 'operatorKey', partner: 'partnerSignature' } as const;
    for (const name of Object.values(schemes)) assert.ok(doc.components.securitySchemes[name], `no ${name} scheme`);
    assert.deepEqual(doc.components.securitySchemes.operatorKey, { type: 'apiKey', in: 'header', name: 'x-operator-key', description: 'The bank’s shared operator key (automation)' });
    const seen = new Set<string>();
    for (const [, spec] of routeList) {
      const op = doc.paths[spec.path]![spec.method.toLowerCase()]!;
      seen.add(spec.auth);
      if (spec.auth === 'none') {
        assert.deepEqual(op.security, [], spec.path);
        assert.equal(op.responses['401'], undefined, spec.path);
        continue;
      }
      assert.deepEqual(op.security, [{ [schemes[spec.auth]]: [] }], spec.path);
      assert.ok(op.responses['401'], `${spec.path} documents 401`);
    }
    assert.deepEqual([...seen].sort(), ['console', 'customer', 'none', 'operator', 'partner', 'staff']);
  });

  test('console routes name their permission and document the 403; no other route does', () => {
    let consoleRoutes = 0;
    for (const [name, spec] of routeList) {
      const op = doc.paths[spec.path]![spec.method.toLowerCase()]! as Operation & { 'x-permission'?: string };
      if (spec.auth === 'console') {
        consoleRoutes++;
        assert.ok(spec.permission, `${name} names no permission`);
        assert.equal(op['x-permission'], spec.permission, name);
        assert.ok(op.responses['403'], `${name} documents 403`);
      } else {
        assert.equal(spec.permission, undefined, `${name} is not a console route but names a permission`);
        assert.equal(op['x-permission'], undefined, name);
      }
    }
    assert.ok(consoleRoutes >= 2, `${consoleRoutes} console routes`);
  });

  test('the partners’ own document: exactly the partner routes, every schema they reach and no other, the signature scheme only', () => {
    const partners = openPlatformDocument(doc as unknown as ApiDocument);
    const partnerRoutes = routeList.filter(([, spec]) => spec.auth === 'partner');
    assert.deepEqual(Object.keys(partners.paths).sort(), [...new Set(partnerRoutes.map(([, spec]) => spec.path))].sort());
    assert.deepEqual(Object.keys(partners.components.securitySchemes), ['partnerSignature']);
    const text = JSON.stringify(partners);
    for (const ref of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) assert.ok(partners.components.schemas[ref[1]!], `dangling ${ref[1]}`);
    for (const name of ['OpenMerchant', 'OpenMerchantProposal', 'Error']) assert.ok(partners.components.schemas[name], name);
    for (const absent of ['ConsolePartnerList', 'LoanProduct', 'ChangeRequest']) assert.equal(partners.components.schemas[absent], undefined, absent);
    assert.equal(text.includes('/v1/console/'), false);
  });

  test('partner routes name their scope and document the 401, 403 and 429 of a signed request; no other route names a scope', () => {
    let partnerRoutes = 0;
    for (const [name, spec] of routeList) {
      const op = doc.paths[spec.path]![spec.method.toLowerCase()]! as Operation & { 'x-partner-scope'?: string };
      if (spec.auth === 'partner') {
        partnerRoutes++;
        assert.ok(spec.path.startsWith('/v1/open/'), `${name} is a partner route outside /v1/open/`);
        assert.ok(spec.scope, `${name} names no scope`);
        assert.equal(op['x-partner-scope'], spec.scope, name);
        for (const status of ['401', '403', '429']) assert.ok(op.responses[status], `${name} documents ${status}`);
      } else {
        assert.equal(spec.scope, undefined, `${name} is not a partner route but names a scope`);
        // Under the partners' prefix, only their own document is public.
        if (spec.path.startsWith('/v1/open/')) assert.equal(spec.path, '/v1/open/openapi.json', `${name} is under /v1/open/ but not a partner route`);
      }
    }
    assert.ok(partnerRoutes >= 3, `${partnerRoutes} partner routes`);
  });

  test('routes with a body document it, and every error response uses the Error schema', () => {
    for (const [, spec] of routeList) {
      const op = doc.paths[spec.path]![spec.method.toLowerCase()]!;
      assert.equal(Boolean(op.requestBody), Boolean(spec.body), spec.path);
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('4')) assert.deepEqual(collectRefs(response), ['#/components/schemas/Error'], `${spec.path} ${status}`);
      }
    }
  });

  test('query parameters are documented', () => {
    const history = doc.paths['/v1/account/history']!.get!;
    assert.deepEqual(history.parameters?.filter((p) => p.in === 'query').map((p) => p.name).sort(), ['cursor', 'direction', 'group', 'limit']);
    const payee = doc.paths['/v1/account/payee']!.get!;
    assert.deepEqual(payee.parameters?.filter((p) => p.in === 'query').map((p) => [p.name, p.required]), [['phone', true]]);
  });

  test('every {id} in a path is documented as a required path parameter, and only those', () => {
    let withIds = 0;
    for (const [name, spec] of routeList) {
      const operation = doc.paths[spec.path]![spec.method.toLowerCase()]!;
      const inPath = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      const documented = (operation.parameters ?? []).filter((p) => p.in === 'path');
      assert.deepEqual(documented.map((p) => p.name).sort(), inPath, name);
      assert.ok(documented.every((p) => p.required), name);
      if (inPath.length) withIds++;
    }
    assert.ok(withIds >= 10, `only ${withIds} routes with path ids`);
  });

  test('every $ref resolves to a component schema', () => {
    const refs = collectRefs(doc);
    assert.ok(refs.length > 20);
    for (const ref of refs) {
      const match = /^#\/components\/schemas\/([A-Za-z0-9_]+)$/.exec(ref);
      assert.ok(match, `unexpected $ref form ${ref}`);
      assert.ok(doc.components.schemas[match[1]!], `${ref} does not resolve`);
    }
  });

  test('amounts are documented as integers with bounds', () => {
    const request = doc.components.schemas.CardMoneyRequest as { properties: { amountFen: { type: string; minimum: number; maximum: number } }; additionalProperties: boolean };
    assert.equal(request.properties.amountFen.type, 'integer');
    assert.equal(request.properties.amountFen.minimum, 1);
    assert.ok(request.properties.amountFen.maximum <= Number.MAX_SAFE_INTEGER);
    assert.equal(request.additionalProperties, false, 'extra fields are refused, and the document says so');
  });
});

describe('serverless.yml', () => {
  test('routes exactly the API in the route table', () => {
    const events = Object.values(serverlessFile().functions).flatMap((fn) => (fn.events ?? []).map((e) => e.httpApi).filter(Boolean));
    assert.deepEqual([...events].sort(), routeList.map(([, s]) => `${s.method} ${s.path}`).sort());
  });
});
