// The server's SM2 decryption (functions/platform/sm2.ts) against sm-crypto-v2, the library the
// keypad encrypts with.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sm2 } from 'sm-crypto-v2';
import { sm2Decrypt } from '../../functions/platform/sm2.js';

test('opens what sm-crypto-v2 encrypts (C1C3C2), for many keys and messages', () => {
  for (let round = 0; round < 40; round++) {
    const keys = sm2.generateKeyPairHex();
    const message =
      round % 2 ? Buffer.from(JSON.stringify({ pin: String(100000 + round), challenge: randomBytes(16).toString('base64url'), ts: Date.now() })) : randomBytes(1 + round * 7);
    const cipher = sm2.doEncrypt(new Uint8Array(message), keys.publicKey, 1);
    assert.deepEqual(sm2Decrypt(cipher, keys.privateKey), message);
    // With the uncompressed point's 04 prefix, as some encoders write C1.
    assert.deepEqual(sm2Decrypt(`04${cipher}`, keys.privateKey), message);
  }
});

test('refuses a cipher to another key, a changed byte anywhere, C1C2C3 order, and what is not a cipher', () => {
  const keys = sm2.generateKeyPairHex();
  const other = sm2.generateKeyPairHex();
  const cipher = sm2.doEncrypt('{"pin":"482915"}', keys.publicKey, 1);
  assert.equal(sm2Decrypt(cipher, other.privateKey), undefined);
  for (const at of [0, 70, 130, 150, cipher.length - 1]) {
    const flipped = cipher.slice(0, at) + (cipher[at] === '0' ? '1' : '0') + cipher.slice(at + 1);
    assert.equal(sm2Decrypt(flipped, keys.privateKey), undefined, `byte at hex ${at}`);
  }
  assert.equal(sm2Decrypt(sm2.doEncrypt('{"pin":"482915"}', keys.publicKey, 0), keys.privateKey), undefined);
  for (const junk of ['', 'zz', 'ab'.repeat(96), 'ab'.repeat(2000)]) assert.equal(sm2Decrypt(junk, keys.privateKey), undefined);
});
