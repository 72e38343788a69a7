// The WeChat build: it succeeds in production mode, WeChat DevTools finds it through the root
// project.config.json, the privacy gate is on, and the main package stays inside WeChat's 2 MB
// limit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

const WECHAT_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
const weappDist = join(repoRoot, 'miniprogram/dist/weapp');

function sizeOf(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile())
    .reduce((total, file) => total + statSync(file).size, 0);
}

describe('weapp production build', () => {
  before(() => {
    const result = spawnSync(`${repoRoot}/node_modules/.bin/taro`, ['build', '--type', 'weapp'], {
      cwd: join(repoRoot, 'miniprogram'),
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 600_000,
    });
    assert.equal(result.status, 0, `weapp build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  });

  test('WeChat DevTools opens the build through the root project.config.json', () => {
    const project = JSON.parse(readFileSync(join(repoRoot, 'project.config.json'), 'utf8'));
    assert.equal(join(repoRoot, project.miniprogramRoot), join(weappDist, '/'));
    assert.ok(existsSync(join(weappDist, 'app.json')));
  });

  test('every page in app.json was built', () => {
    const app = JSON.parse(readFileSync(join(weappDist, 'app.json'), 'utf8'));
    assert.ok(app.pages.length >= 10, `only ${app.pages.length} pages`);
    for (const page of app.pages as string[]) {
      for (const ext of ['js', 'wxml', 'json']) assert.ok(existsSync(join(weappDist, `${page}.${ext}`)), `${page}.${ext} missing`);
    }
  });

  test('WeChat’s privacy gate is on, and a button can answer it (components/PrivacySheet.tsx)', () => {
    const app = JSON.parse(readFileSync(join(weappDist, 'app.json'), 'utf8'));
    assert.equal(app.__usePrivacyCheck__, true);
    // Taro's button template binds the agree event only if its component list names it.
    assert.match(readFileSync(join(weappDist, 'base.wxml'), 'utf8'), /bindagreeprivacyauthorization=/i);
  });

  test('the main package fits WeChat’s 2 MB limit', (t) => {
    const app = JSON.parse(readFileSync(join(weappDist, 'app.json'), 'utf8'));
    const subpackageRoots: string[] = (app.subPackages ?? app.subpackages ?? []).map((s: { root: string }) => s.root);
    const total = sizeOf(weappDist);
    const sub = subpackageRoots.reduce((sum, root) => sum + sizeOf(join(weappDist, root)), 0);
    const mainBytes = total - sub;
    t.diagnostic(`weapp main package ${(mainBytes / 1024).toFixed(1)} KB of ${WECHAT_PACKAGE_LIMIT_BYTES / 1024} KB allowed`);
    assert.ok(mainBytes < WECHAT_PACKAGE_LIMIT_BYTES, `main package is ${mainBytes} bytes`);
  });
});
