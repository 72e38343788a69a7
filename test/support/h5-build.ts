// Production H5 build of the mini-program, pointed at a given API.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

export const h5Dist = `${repoRoot}/miniprogram/dist/h5`;

export function buildH5(apiUrl: string): void {
  const result = spawnSync(`${repoRoot}/node_modules/.bin/taro`, ['build', '--type', 'h5'], {
    cwd: `${repoRoot}/miniprogram`,
    env: { ...process.env, NODE_ENV: 'production', JINLIN_API_URL: apiUrl },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`H5 build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
}
