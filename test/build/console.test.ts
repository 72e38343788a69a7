// The operations console's production build: the sign-in page ships only what signing in needs
// (issue 15: initial JavaScript ≤ 250 KB gzip), and the signed-in shell — ProLayout, the pages —
// is a chunk of its own, fetched after sign-in.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildConsole, type ConsoleBuild } from '../support/console-build.js';

const SIGN_IN_BUDGET_GZIP_BYTES = 250 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('console production build', () => {
  let build: ConsoleBuild;

  before(() => {
    build = buildConsole('https://api.jinlin.test');
  });
  after(() => rmSync(build.outDir, { recursive: true, force: true }));

  test('the sign-in page’s initial JavaScript is within 250 KB gzip', (t) => {
    t.diagnostic(`sign-in page: ${build.signIn.files.join(', ')} — ${kb(build.signIn.bytes)}, ${kb(build.signIn.gzipBytes)} gzip`);
    assert.ok(build.signIn.gzipBytes <= SIGN_IN_BUDGET_GZIP_BYTES, `sign-in page loads ${kb(build.signIn.gzipBytes)} gzip`);
  });

  test('the signed-in shell is a separate chunk the sign-in page does not load', (t) => {
    t.diagnostic(`signed-in shell: ${build.shell.files.join(', ')} — ${kb(build.shell.bytes)}, ${kb(build.shell.gzipBytes)} gzip`);
    assert.ok(build.shell.files.length > 0, 'the shell shares every chunk with the sign-in page');
    for (const file of build.shell.files) assert.ok(!build.signIn.files.includes(file), `${file} is loaded by the sign-in page`);
    // ProLayout lives in the shell: its class names must not be in what the sign-in page loads.
    const initial = build.signIn.files.map((file) => readFileSync(join(build.outDir, file), 'utf8')).join('\n');
    assert.ok(!initial.includes('ant-pro-layout') && !initial.includes('pro-layout'), 'ProLayout is in the sign-in page’s JavaScript');
    const shell = build.shell.files.map((file) => readFileSync(join(build.outDir, file), 'utf8')).join('\n');
    assert.ok(shell.includes('pro-layout'), 'ProLayout is not in the shell chunk');
  });

  test('the build talks to the API it was given', () => {
    const initial = build.signIn.files.map((file) => readFileSync(join(build.outDir, file), 'utf8')).join('\n');
    assert.ok(initial.includes('https://api.jinlin.test'), 'JINLIN_API_URL is not in the sign-in page');
    assert.ok(!initial.includes('获取本地演示口令'), 'a build for another stage carries the local demo link');
  });
});
