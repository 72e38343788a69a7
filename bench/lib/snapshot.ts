// Private copies of the service (serverless.yml and the esbuild plugins it names, functions/,
// package.json, tsconfig.json) with node_modules linked in, taken once per run. `serverless
// package` and `serverless offline` build into `<service>/.esbuild`, and package deletes that
// folder when it is done: run from the repository, the benchmark would pull the bundles from
// under anyone else's offline API in the same checkout (and theirs from under it). A copy also
// keeps every phase of a run on the same code while others edit files.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/serverless-config.js';
import { onCleanup } from './cleanup.js';

/** The offline copy's Lambda timeout. serverless.yml gives 10 s on AWS (each invocation with its
 *  own CPU) and 30 s on the local stage; here 32 concurrent requests queue for two shared cores,
 *  and middy's own timeout would turn the wait into 500s that AWS would not see. */
export const OFFLINE_TIMEOUT_SECONDS = 120;

const snapshots = new Map<string, string>();

export function serviceSnapshot(variant: 'as-is' | 'offline' = 'as-is'): string {
  const existing = snapshots.get(variant);
  if (existing) return existing;
  const dir = mkdtempSync(join(tmpdir(), `jinlin-bench-service-${variant}-`));
  onCleanup(`service snapshot (${variant})`, () => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['serverless.yml', 'package.json', 'tsconfig.json', 'scripts/esbuild-plugins.mjs']) cpSync(join(repoRoot, file), join(dir, file));
  cpSync(join(repoRoot, 'functions'), join(dir, 'functions'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (variant === 'offline') {
    const file = join(dir, 'serverless.yml');
    const yaml = readFileSync(file, 'utf8');
    // The provider's timeout is the only `timeout:` at two spaces (functions' own are deeper).
    const timeouts = yaml.match(/^ {2}timeout: .+$/gm) ?? [];
    if (timeouts.length !== 1) throw new Error(`expected one provider timeout in serverless.yml, found ${timeouts.length}`);
    writeFileSync(file, yaml.replace(/^ {2}timeout: .+$/m, `  timeout: ${OFFLINE_TIMEOUT_SECONDS}`));
  }
  snapshots.set(variant, dir);
  return dir;
}
