// Production H5 build of the mini-program, pointed at a given API, in a folder of its own so
// journeys running at the same time never serve each other's build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

/** Builds and returns the folder holding the build. */
export function buildH5(apiUrl: string): string {
  const outputRoot = mkdtempSync(join(tmpdir(), 'jinlin-h5-'));
  const result = spawnSync(`${repoRoot}/node_modules/.bin/taro`, ['build', '--type', 'h5'], {
    cwd: `${repoRoot}/miniprogram`,
    env: { ...process.env, NODE_ENV: 'production', JINLIN_API_URL: apiUrl, JINLIN_OUTPUT_ROOT: outputRoot },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`H5 build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  return outputRoot;
}
