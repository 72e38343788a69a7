// Production build of the operations console (Vite), in a folder of its own, and what its
// sign-in page loads first versus the signed-in shell loaded after sign-in, read from Vite's
// manifest. Used by the console's build test (and meant for the bench's console figures).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface ChunkGroup {
  /** Output files (JS and CSS), relative to the build folder. */
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export interface ConsoleBuild {
  outDir: string;
  /** What the sign-in page's HTML loads before anything shows: its entry and every chunk that
   *  entry imports statically. */
  signIn: ChunkGroup;
  /** The signed-in shell (src/shell/Shell.tsx): its chunk and the chunks only it imports. */
  shell: ChunkGroup;
}

const SHELL_MODULE = 'src/shell/Shell.tsx';

/** Builds the console for `apiUrl` and measures it; `stage` 'local' adds the local demo aids. */
export function buildConsole(apiUrl = 'http://127.0.0.1:3000', stage = ''): ConsoleBuild {
  const outDir = mkdtempSync(join(tmpdir(), 'jinlin-console-'));
  // Journeys build in parallel, each into a folder of its own: Vite's one-build-per-project lock
  // would refuse all but the first.
  const result = spawnSync(process.execPath, [`${repoRoot}/node_modules/vite/bin/vite.js`, 'build', '--outDir', outDir, '--emptyOutDir', '--bypass-lock'], {
    cwd: join(repoRoot, 'console'),
    // The journeys' local stacks share a 2-core CI machine with the rest of the suite, where one
    // console request (an approval applying its change) has taken over 15 s.
    env: { ...process.env, NODE_ENV: 'production', JINLIN_API_URL: apiUrl, JINLIN_STAGE: stage, JINLIN_API_TIMEOUT_MS: '60000' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`console build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the console build, found ${entries.join(', ')}`);
  if (!manifest[SHELL_MODULE]?.isDynamicEntry) throw new Error(`${SHELL_MODULE} is not a lazily loaded chunk`);
  const initial = staticClosure(manifest, entries[0]!);
  const shellOnly = [...staticClosure(manifest, SHELL_MODULE)].filter((key) => !initial.has(key));
  return { outDir, signIn: measure(outDir, manifest, [...initial]), shell: measure(outDir, manifest, shellOnly) };
}

/** The chunk and every chunk it imports statically, transitively (manifest keys). */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function measure(outDir: string, manifest: Record<string, ManifestChunk>, keys: string[]): ChunkGroup {
  const files = [...new Set(keys.flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])]))];
  const contents = files.map((file) => readFileSync(join(outDir, file)));
  return {
    files,
    bytes: contents.reduce((total, content) => total + content.length, 0),
    gzipBytes: contents.reduce((total, content) => total + gzipSync(content).length, 0),
  };
}
