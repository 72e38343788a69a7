// Server code uses zod's functional API, `zod/mini`: classic zod keeps ~75 KB more of zod in every
// Lambda bundle (its methods reach the whole library, JSON Schema generator included), which put
// the larger functions past the 250 KB target (docs/BENCHMARKS.md, item 4). One API, so schemas
// from different files compose.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

const ZOD_IMPORT = /from\s+['"](zod[^'"]*)['"]/g;
/** Besides the API: the error class and the one message locale, each from its own module — the
 *  namespaces that hold them (`z.core`, `z.locales`) would bring every locale into the bundle. */
const ALLOWED = new Set(['zod/mini', 'zod/v4/core', 'zod/v4/locales/en.js']);
const NAMESPACE_REACH = /\bz\.(core|locales)\./;

test('functions/ imports zod only as zod/mini (plus its error class and English messages)', () => {
  const root = join(repoRoot, 'functions');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  assert.ok(files.length > 20, `only ${files.length} files found under functions/`);
  const offenders = files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(ZOD_IMPORT)].filter(([, from]) => !ALLOWED.has(from!)).map(([, from]) => `${file} (${from})`),
  );
  assert.deepEqual(offenders, [], `import zod as 'zod/mini' in: ${offenders.join(', ')}`);
});

test('functions/ never reaches zod/mini\'s core or locales namespaces (each costs ~380 KB of bundle)', () => {
  const root = join(repoRoot, 'functions');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  const offenders = files.filter((file) => NAMESPACE_REACH.test(readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(offenders, [], `import from 'zod/v4/core' or 'zod/v4/locales/en.js' instead in: ${offenders.join(', ')}`);
});
