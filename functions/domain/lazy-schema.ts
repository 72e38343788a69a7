// A schema built the first time it is used, not when its module loads. A Lambda bundle imports
// its whole route table, and building every zod schema in it cost 4.5–25 ms of each cold start
// (docs/BENCHMARKS.md item 4); a request builds only the schemas it parses. test/static/
// import-time.test.ts checks that no module builds a schema (or a client) as it loads.
//
// The stand-in forwards everything to the schema once built, so callers use it as the schema
// itself (`X.parse`, `z.infer<typeof X>`, a field of another schema). zod keeps metadata (the
// OpenAPI ids and descriptions) by object identity: the stand-in takes over the schema's id, so
// that every reference — all of them go through the stand-in — names one object.
import * as z from 'zod/mini';

const builders: (() => object)[] = [];
let builtCount = 0;

export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const resolve = (): T => {
    if (built) return built;
    built = build();
    builtCount++;
    adoptMetadata(built, stand);
    return built;
  };
  const stand = new Proxy({} as T, {
    get: (_target, key) => Reflect.get(resolve(), key),
    has: (_target, key) => Reflect.has(resolve(), key),
    ownKeys: () => Reflect.ownKeys(resolve()),
    // Reported configurable: the empty target has no such property, and a proxy may not claim a
    // non-configurable one its target lacks.
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(resolve(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(resolve()),
    set: (_target, key, value) => Reflect.set(resolve(), key, value),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(resolve(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(resolve(), key),
  });
  builders.push(resolve);
  return stand;
}

function adoptMetadata(built: object, stand: object): void {
  const registry = z.globalRegistry as unknown as {
    _map: WeakMap<object, Record<string, unknown> | undefined>;
    add(schema: object, meta: Record<string, unknown>): void;
  };
  const meta = registry._map.get(built);
  if (!meta) return;
  if ('id' in meta) {
    // The id moves to the stand-in; the schema keeps its other metadata, which schemas derived
    // from it (`X.check(…)`, built inside zod with the schema, not the stand-in) inherit.
    const { id: _id, ...rest } = meta;
    registry._map.set(built, rest);
  }
  registry.add(stand, meta);
}

/** Builds every lazy schema loaded so far: the OpenAPI document names them all. */
export function buildAllSchemas(): void {
  for (const build of builders) build();
}

/** How many lazy schemas have been built in this process (the import-time test reads it). */
export function lazySchemasBuilt(): number {
  return builtCount;
}
