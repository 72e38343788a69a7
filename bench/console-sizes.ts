// The size part of the console benchmark alone (docs/BENCHMARKS.md item 7, without the bare antd
// build and the first-paint visits): one production build of the console, and the sign-in page's,
// the signed-in shell's and each chart chunk's JavaScript, gzip. `node --import tsx bench/console-sizes.ts`
import { rmSync } from 'node:fs';
import { buildConsole } from '../test/support/console-build.js';
import { chartFigures, measure, SIGN_IN_JS_TARGET_GZIP_BYTES } from './console.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const build = buildConsole('http://127.0.0.1:9');
try {
  const signIn = measure(build.outDir, build.signIn.files);
  const shell = measure(build.outDir, build.shell.files);
  const charts = chartFigures(build.outDir, new Set([...build.signIn.files, ...build.shell.files]));
  console.log(`sign-in page JS ${kb(signIn.jsGzipBytes)} gzip (target ≤ ${kb(SIGN_IN_JS_TARGET_GZIP_BYTES)}): ${signIn.files.join(', ')}`);
  console.log(`signed-in shell JS ${kb(shell.jsGzipBytes)} gzip: ${shell.files.join(', ')}`);
  console.log(`modules importing a chart library: ${charts.importers.join(', ') || 'none'}`);
  for (const chunk of charts.chunks) console.log(`chart chunk ${chunk.module}: JS ${kb(chunk.jsGzipBytes)} gzip (${kb(chunk.jsBytes)} raw), CSS ${kb(chunk.cssGzipBytes)} gzip: ${chunk.files.join(', ')}`);
} finally {
  rmSync(build.outDir, { recursive: true, force: true });
}
