// The web apps' production builds for the Chromium journeys, made once per test run rather than
// once per journey file: each build takes both cores of a CI machine for a minute or more, and a
// journey running beside another file's build saw a console approval take over 30 s. A build is
// made for a placeholder API address, which the static server replaces with the journey's own
// bank as it serves each file (static-server.ts).
import { rmSync } from 'node:fs';
import { buildConsole } from './console-build.js';
import { buildH5 } from './h5-build.js';

export type WebApp = 'h5' | 'console';

/** What the builds call the API; never a real host (.invalid is reserved, RFC 2606). */
export const API_URL_PLACEHOLDER = 'http://jinlin-api.invalid';

/** Where `npm test` tells each journey file the run's build of an app is. */
export const APP_BUILD_ENV: Record<WebApp, string> = { h5: 'JINLIN_TEST_H5_BUILD', console: 'JINLIN_TEST_CONSOLE_BUILD' };

/** Builds `app` for the placeholder address; the folder holding the build. */
export function buildApp(app: WebApp): string {
  return app === 'h5' ? buildH5(API_URL_PLACEHOLDER) : buildConsole(API_URL_PLACEHOLDER, 'local').outDir;
}

/** The run's build of `app` when `npm test` made one, else one of the caller's own, removed by
 *  `release`. */
export function appBuild(app: WebApp): { dir: string; release: () => void } {
  const shared = process.env[APP_BUILD_ENV[app]];
  if (shared) return { dir: shared, release: () => {} };
  const dir = buildApp(app);
  return { dir, release: () => rmSync(dir, { recursive: true, force: true }) };
}
