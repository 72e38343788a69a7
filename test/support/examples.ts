// Requests built from the OpenAPI document: the JSON Schemas of each route's body and query, and
// a value each field accepts. Shared by the bad-input fuzzer and the access matrix, so both follow
// the contract as it grows.
import fc from 'fast-check';
import { openApiDocument } from '../../functions/contract/openapi.js';
import type { RouteSpec } from '../../functions/contract/routes.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  items?: JsonSchema;
}

type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
};

const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };

export function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** The route's operation in the OpenAPI document, with its body and query as JSON Schemas. */
export function requestSchemas(name: string, spec: RouteSpec): { body?: JsonSchema; query?: JsonSchema; params: Record<string, JsonSchema> } {
  const operation = doc.paths[spec.path]?.[spec.method.toLowerCase()];
  if (!operation || operation.operationId !== name) throw new Error(`${name} is not in the OpenAPI document`);
  const query = operation.parameters?.filter((p) => p.in === 'query');
  return {
    body: resolve(operation.requestBody?.content['application/json']?.schema),
    query: query?.length
      ? { type: 'object', properties: Object.fromEntries(query.map((p) => [p.name, p.schema])), required: query.filter((p) => p.required).map((p) => p.name) }
      : undefined,
    params: Object.fromEntries((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
  };
}

/** The route's path with each `{id}` filled by a value its schema accepts (one that names nothing). */
export function examplePath(name: string, spec: RouteSpec): string {
  const { params } = requestSchemas(name, spec);
  return spec.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(String(exampleValue(param, params[param] ?? {}))));
}

/** A value the field accepts; `known` gives the values that mean something (a PIN, a phone). */
export function exampleValue(name: string, schema: JsonSchema, known: Record<string, string> = {}): Json {
  const s = resolve(schema) ?? {};
  if (s.anyOf || s.oneOf) return exampleValue(name, (s.anyOf ?? s.oneOf)!.find((x) => x.type !== 'null') ?? {}, known);
  if (s.enum) return s.enum[0]!;
  if (s.type === 'integer' || s.type === 'number') {
    if (name === 'amountFen') return 100;
    const lo = s.minimum ?? 1;
    return Math.max(lo, Math.min(s.maximum ?? lo, 1));
  }
  if (s.type === 'boolean') return true;
  if (s.type === 'object') return Object.fromEntries((s.required ?? []).map((key) => [key, exampleValue(key, s.properties?.[key] ?? {}, known)]));
  if (s.type === 'array') return [];
  const value = known[name];
  if (value !== undefined && (!s.pattern || new RegExp(s.pattern, 'u').test(value))) return value;
  if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0]!;
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}
