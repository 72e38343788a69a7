// No DynamoDB or SSM client and no zod schema is built while a function's modules load (issue 14,
// point 7): the clients are built on first use — store/client.ts `db()`, the biller simulator's
// own memory, Powertools' `getParameter` for the secrets — and each schema the first time it is
// used (domain/lazy-schema.ts), so a cold start pays only for importing the code, and what the
// first request pays is timed apart (docs/BENCHMARKS.md, item 4).
//
// Every module under functions/ is imported in a fresh Node process whose @aws-sdk/client-dynamodb,
// @aws-sdk/client-ssm and zod/mini come through module hooks (fixtures/import-time/) that record
// each client constructed and each zod builder called, wherever: at module level, in anything a
// module calls as it loads, or inside a library. Nothing runs but the imports; no stack is needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot, serverlessFile } from '../../scripts/lib/serverless-config.js';

const FIXTURES = join(repoRoot, 'test/static/fixtures/import-time');
const CHILD_TIMEOUT_MS = 120_000;

interface Built {
  client: string;
  stack: string;
}

interface ZodCall {
  call: string;
  stack: string;
}

/** Imports `modules` in order in a fresh process, then calls `db()` if asked; the clients built. */
function clientsBuilt(modules: string[], options: { thenCallDb?: boolean } = {}): Built[] {
  return loading(modules, options).clients;
}

/** Imports `modules` in order in a fresh process, then calls `db()` if asked: the clients built and
 *  the zod builders called meanwhile. */
function loading(modules: string[], options: { thenCallDb?: boolean } = {}): { clients: Built[]; zodCalls: ZodCall[] } {
  const script = `
const modules = JSON.parse(process.env.IMPORT_TIME_MODULES);
for (const module of modules) await import(module);
if (process.env.IMPORT_TIME_CALL_DB === '1') (await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'functions/store/client.ts')).href)})).db();
process.stdout.write('\\nBUILT ' + JSON.stringify({ clients: globalThis.__clientsBuilt ?? [], zodCalls: globalThis.__zodCalls ?? [] }) + '\\n');
process.exit(0);
`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(join(FIXTURES, 'register.mjs')).href, '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: 'import-time',
      AWS_REGION: 'cn-north-1',
      LOG_LEVEL: 'CRITICAL',
      IMPORT_TIME_MODULES: JSON.stringify(modules.map((file) => pathToFileURL(file).href)),
      IMPORT_TIME_CALL_DB: options.thenCallDb ? '1' : '0',
    },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('BUILT '));
  assert.ok(result.status === 0 && line, `the import process failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return JSON.parse(line.slice('BUILT '.length)) as { clients: Built[]; zodCalls: ZodCall[] };
}

/** The first frame under functions/ that built the client, else the stack's second line. */
const whereBuilt = (built: { stack: string }) =>
  built.stack
    .split('\n')
    .find((frame) => frame.includes('/functions/'))
    ?.trim() ?? built.stack.split('\n')[1]?.trim();

const functionModules = (readdirSync(join(repoRoot, 'functions'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .sort()
  .map((file) => join(repoRoot, 'functions', file));

test('no module under functions/ builds a DynamoDB or SSM client or a zod schema as it loads', () => {
  const handlers = Object.values(serverlessFile().functions).map(({ handler }) => join(repoRoot, handler.replace(/\.[^.]+$/, '.ts')));
  assert.ok(handlers.length >= 10, `serverless.yml names only ${handlers.length} functions`);
  const missing = handlers.filter((file) => !functionModules.includes(file));
  assert.deepEqual(missing, [], 'every deployed handler is among the modules imported');
  const { clients, zodCalls } = loading(functionModules);
  assert.deepEqual(
    clients.map((b) => `${b.client} built ${whereBuilt(b)}`),
    [],
    'build the client on first use (as store/client.ts db() does), not as the module loads',
  );
  assert.deepEqual(
    [...new Set(zodCalls.map((call) => `z.${call.call} ${whereBuilt(call)}`))],
    [],
    'build the schema on first use: lazySchema(() => …) (functions/domain/lazy-schema.ts)',
  );
});

test('the watch sees a schema built as a module loads, and a lazy one only once used', () => {
  const eager = loading([join(FIXTURES, 'eager-schema.ts')]).zodCalls.map((call) => call.call);
  assert.deepEqual(eager, ['string', 'int', 'object']);
  assert.deepEqual(loading([join(FIXTURES, 'lazy-schema.ts')]).zodCalls, []);
  const used = loading([join(FIXTURES, 'lazy-schema.ts'), join(FIXTURES, 'lazy-schema-used.ts')]).zodCalls.map((call) => call.call);
  assert.deepEqual(used, ['string', 'int', 'object']);
});

test('the watch sees a client built as a module loads, and the store\'s client built on first use', () => {
  const eager = clientsBuilt([join(FIXTURES, 'eager-client.ts')]);
  assert.deepEqual(eager.map((b) => b.client).sort(), ['DynamoDBClient', 'SSMClient']);
  assert.deepEqual(clientsBuilt([join(repoRoot, 'functions/store/client.ts')]), []);
  const onFirstUse = clientsBuilt([join(repoRoot, 'functions/store/client.ts')], { thenCallDb: true });
  assert.deepEqual(onFirstUse.map((b) => b.client), ['DynamoDBClient']);
  assert.match(whereBuilt(onFirstUse[0]!) ?? '', /functions\/store\/client\.ts/);
});
