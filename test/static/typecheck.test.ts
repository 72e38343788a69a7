// esbuild and Babel strip types without checking them: the compiler checks both sides here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

for (const project of ['tsconfig.json', 'miniprogram/tsconfig.json', 'miniprogram/test/tsconfig.json', 'console/tsconfig.json']) {
  test(`tsc --noEmit -p ${project}`, () => {
    const result = spawnSync(process.execPath, [`${repoRoot}/node_modules/typescript/bin/tsc`, '--noEmit', '-p', project], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
}
