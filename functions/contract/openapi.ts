// The OpenAPI 3.1 document, generated from the route table and the zod schemas. In the Lambda
// bundles this module is replaced by the document it generates, at build time
// (scripts/esbuild-plugins.mjs).
import * as z from 'zod/mini';
import { buildAllSchemas } from '../domain/lazy-schema.js';
import { routes, type RouteSpec } from './routes.js';
import './schemas.js';

const ref = (schema: z.ZodMiniType) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const { $schema: _ignored, ...inline } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return inline;
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The properties of an object schema (path parameters, the query) as OpenAPI parameters. */
function objectParameters(schema: z.ZodMiniType | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  type ObjectSchema = { properties?: Record<string, object>; required?: string[] };
  // A schema with an id comes back as a $ref into $defs: document the object it names.
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as ObjectSchema & {
    $ref?: string;
    $defs?: Record<string, ObjectSchema>;
  };
  const { properties = {}, required = [] } = json.$ref?.startsWith('#/$defs/') ? (json.$defs?.[json.$ref.slice('#/$defs/'.length)] ?? {}) : json;
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.includes(name), schema: property }));
}

/** How each kind of route authenticates, as OpenAPI security requirements. */
const SECURITY: Record<RouteSpec['auth'], object[]> = {
  customer: [{ bearer: [] }],
  staff: [{ staffBearer: [] }],
  console: [{ consoleBearer: [] }],
  operator: [{ operatorKey: [] }],
  partner: [{ partnerSignature: [] }],
  none: [],
};

function operation(name: string, spec: RouteSpec) {
  const parameters: object[] = [
    ...objectParameters(spec.params, 'path'),
    ...objectParameters(spec.query, 'query'),
  ];
  if (spec.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Same key + same body → same answer; same key + other body → 422; in flight → 409',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    });
  }
  return {
    operationId: name,
    summary: spec.summary,
    security: SECURITY[spec.auth],
    ...(spec.permission ? { 'x-permission': spec.permission } : {}),
    ...(spec.scope ? { 'x-partner-scope': spec.scope } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(spec.body) } } } } : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: ref(spec.response) } } },
      '400': errorResponse('Invalid input; nothing changed'),
      ...(spec.auth === 'customer' || spec.auth === 'staff' || spec.auth === 'console' ? { '401': errorResponse('Missing, expired or invalid token') } : {}),
      ...(spec.auth === 'operator' ? { '401': errorResponse('Missing or wrong x-operator-key') } : {}),
      ...(spec.auth === 'console' ? { '403': errorResponse(`Signed in, but no role of the operator grants ${spec.permission}`) } : {}),
      ...(spec.auth === 'partner'
        ? {
            '401': errorResponse('Authorization malformed, timestamp beyond ±5 minutes, unknown partner or key serial, bad signature, or nonce reused; nothing done'),
            '403': errorResponse(`Partner suspended, or scope ${spec.scope} not granted`),
            '429': errorResponse('The partner\'s requests this minute reached its rate limit'),
          }
        : {}),
      ...(spec.idempotent
        ? { '409': errorResponse('Same Idempotency-Key still in flight'), '422': errorResponse('Refused by the rules, or key reused with another body') }
        : { '422': errorResponse('Refused by the rules') }),
    },
  };
}

export function openApiDocument() {
  // The components are every schema with an id. Each is built when first used: build them all,
  // in the order their modules declare them, which is the components' order.
  buildAllSchemas();
  const paths: Record<string, Record<string, object>> = {};
  for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase()] = operation(name, spec);
  }
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  return {
    openapi: '3.1.0',
    info: { title: 'Jinlin (近邻银行) API', version: '1.0.0' },
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // Staff tokens (relationship managers) carry another audience: not interchangeable.
        staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        consoleBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A console operator’s session token (POST /v1/console/sign-in, then /v1/console/sign-in/totp); the route’s x-permission must be among the operator’s permissions, else 403',
        },
        operatorKey: { type: 'apiKey', in: 'header', name: 'x-operator-key', description: 'The bank’s shared operator key (automation)' },
        partnerSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'JINLIN-SHA256-RSA2048 partner_id="…",nonce_str="…",timestamp="…",serial_no="…",signature="…": SHA256withRSA over METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n with the partner’s key (docs/OPEN-API.md); answers carry Jinlin-Timestamp, Jinlin-Nonce, Jinlin-Serial and Jinlin-Signature',
        },
      },
    },
  };
}
