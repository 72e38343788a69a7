// The partners' own OpenAPI document: the API's document cut down to the open platform — its
// routes (under /v1/open/), the schemas they reach and the signature scheme — so a partner's
// developer reads, and generates clients from, only what is theirs. Derived from the one document,
// so the two cannot drift apart.
const OPEN_PREFIX = '/v1/open/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Json>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const SCHEMA_REF = '#/components/schemas/';

/** The schema names a value refers to, directly. */
function refsIn(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(SCHEMA_REF)) into.add(inner.slice(SCHEMA_REF.length));
      else refsIn(inner, into);
    }
  }
}

export function openPlatformDocument(full: ApiDocument): ApiDocument & Record<string, unknown> {
  const paths = Object.fromEntries(Object.entries(full.paths).filter(([path]) => path.startsWith(OPEN_PREFIX) && !path.endsWith('/openapi.json')));
  // Every schema the routes reach, through any number of references.
  const reached = new Set<string>();
  refsIn(paths, reached);
  for (let grew = true; grew; ) {
    const before = reached.size;
    for (const name of [...reached]) refsIn(full.components.schemas[name] ?? null, reached);
    grew = reached.size > before;
  }
  return {
    openapi: full.openapi,
    info: { title: 'Jinlin (近邻银行) open API — partners', version: full.info.version },
    paths,
    components: {
      schemas: Object.fromEntries([...reached].sort().map((name) => [name, full.components.schemas[name]!])),
      securitySchemes: { partnerSignature: full.components.securitySchemes.partnerSignature! },
    },
  };
}
