// Operators' password hashes: scrypt N=2^15 r=8 p=1, a 16-byte salt, the parameters in the stored
// string; a right password matches, a wrong one does not; an edited hash is an error, never a
// match, and cannot ask for unbounded work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordMatches } from '../../functions/platform/password-hash.js';

test('the stored form names its parameters; salts differ; right matches, wrong does not', async () => {
  const stored = await hashPassword('Jinlin@2026');
  const match = /^\$scrypt\$ln=15,r=8,p=1\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  assert.ok(match, stored);
  assert.equal(Buffer.from(match[1]!, 'base64').length, 16);
  assert.equal(Buffer.from(match[2]!, 'base64').length, 32);
  assert.notEqual(await hashPassword('Jinlin@2026'), stored);
  assert.equal(await passwordMatches('Jinlin@2026', stored), true);
  for (const wrong of ['jinlin@2026', 'Jinlin@2026 ', 'Jinlin@202', '']) assert.equal(await passwordMatches(wrong, stored), false, wrong);
});

test('an unknown format or out-of-bounds parameters are errors, not answers', async () => {
  const stored = await hashPassword('Jinlin@2026');
  for (const edited of ['', 'scrypt$15$abc$def', stored.replace('ln=15', 'ln=25'), stored.replace('r=8', 'r=99'), stored.replace('ln=15', 'ln=5'), `${stored}${'A'.repeat(300)}`]) {
    await assert.rejects(passwordMatches('Jinlin@2026', edited), /password hash/, edited.slice(0, 40));
  }
});
