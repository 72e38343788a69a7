// `npm test`: every test file under test/ with node's test runner, sharing one DynamoDB Local
// (each file makes its own table). `npm test -- unit` runs only files whose path contains "unit".
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startDynamoLocal } from './lib/dynamo-local.js';
import { freePort } from './lib/ports.js';
import { repoRoot } from './lib/serverless-config.js';
import { SHARED_ENDPOINT_ENV } from '../test/support/bank.js';

const filters = process.argv.slice(2);
const files = (readdirSync(`${repoRoot}/test`, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort()
  .map((file) => `test/${file}`);
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

const dynamo = await startDynamoLocal({ port: await freePort() });
const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: repoRoot,
  env: { ...process.env, [SHARED_ENDPOINT_ENV]: dynamo.endpoint },
  stdio: 'inherit',
});
const exitCode = await new Promise<number>((resolve) => runner.once('exit', (code) => resolve(code ?? 1)));
await dynamo.stop();
process.exit(exitCode);
