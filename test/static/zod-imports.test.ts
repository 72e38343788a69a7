// `import { z } from 'zod'` imports zod's namespace object, which re-exports all of zod's locales,
// so every Lambda that reaches such a file bundles ~260 KB more (docs/BENCHMARKS.md, item 4).
// The namespace form, `import * as z from 'zod'`, lets esbuild keep only what is used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

const NAMED_ZOD_IMPORT = /^import\s+(?!type\b)\{[^}]*\}\s+from\s+['"]zod['"]/m;

test('functions/ imports zod only as a namespace (import * as z)', () => {
  const root = join(repoRoot, 'functions');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  assert.ok(files.length > 20, `only ${files.length} files found under functions/`);
  const offenders = files.filter((file) => NAMED_ZOD_IMPORT.test(readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(offenders, [], `use \`import * as z from 'zod'\` in: ${offenders.join(', ')}`);
});
