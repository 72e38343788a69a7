// Keyed PIN hashes (functions/store/pin-hash.ts): what the stored value proves without the key,
// key rotation, and the one-time rewrite of legacy scrypt hashes. Behaviour only, no timing.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { resetConfigForTests } from '../../functions/config.js';
import { resetSecretsForTests, secrets } from '../../functions/secrets.js';
import { checkKeyedPin, checkPin, hashPin, keyedPinHash, type PinKeyring } from '../../functions/store/pin-hash.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { legacyScryptHash } from '../support/legacy-pin.js';

const ring = (currentId: string, keys: Record<string, Buffer>): PinKeyring => ({ currentId, keys: new Map(Object.entries(keys)) });
const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const CUSTOMER = randomUUID();
const PIN = '582039';
const FORMAT = /^hmac1\$([A-Za-z0-9_-]{1,32})\$([A-Za-z0-9_-]{43})$/; // 32 bytes, base64url unpadded

describe('keyed PIN hash', () => {
  test('is hmac1$<keyId>$<base64url>, holds no PIN, and differs between customers with the same PIN', () => {
    const keyring = ring('k1', { k1: KEY_A });
    const hash = keyedPinHash(keyring, CUSTOMER, PIN);
    assert.match(hash, FORMAT);
    assert.equal(FORMAT.exec(hash)![1], 'k1');
    assert.ok(!hash.includes(PIN));
    assert.equal(keyedPinHash(keyring, CUSTOMER, PIN), hash, 'deterministic for one customer and key');
    assert.notEqual(keyedPinHash(keyring, randomUUID(), PIN), hash, 'another customer, same PIN');
    assert.notEqual(keyedPinHash(ring('k1', { k1: KEY_B }), CUSTOMER, PIN), hash, 'another key');
  });

  test('verifies the right PIN with its key, and refuses a wrong PIN or another customer', () => {
    const keyring = ring('k1', { k1: KEY_A });
    const hash = keyedPinHash(keyring, CUSTOMER, PIN);
    assert.deepEqual(checkKeyedPin(keyring, CUSTOMER, PIN, hash), { matches: true });
    assert.deepEqual(checkKeyedPin(keyring, CUSTOMER, '582038', hash), { matches: false });
    assert.deepEqual(checkKeyedPin(keyring, randomUUID(), PIN, hash), { matches: false });
  });

  test('a stolen table without the key verifies no PIN: a search of the PIN space under a wrong key finds none', () => {
    const stolen = keyedPinHash(ring('k1', { k1: KEY_A }), CUSTOMER, PIN);
    const guessKey = ring('k1', { k1: KEY_B }); // the attacker's best: same id, any key but ours
    // 100,000 PINs (every tenth, through the real one) — the search a stolen table invites,
    // cut to a sample to stay cheap. The control run with the real key proves the search works.
    const sample = Array.from({ length: 100_000 }, (_, i) => String(i * 10 + 9).padStart(6, '0'));
    assert.ok(sample.includes(PIN));
    const found = (keyring: PinKeyring) => sample.filter((pin) => checkKeyedPin(keyring, CUSTOMER, pin, stolen).matches);
    assert.deepEqual(found(guessKey), []);
    assert.deepEqual(found(ring('k1', { k1: KEY_A })), [PIN]);
    // Nor does an unkeyed hash of what the HMAC covers give the stored value.
    const mac = stolen.split('$')[2];
    for (const pin of sample.slice(0, 10_000).concat(PIN)) {
      assert.notEqual(createHash('sha256').update(`jinlin-pin-v1\0${CUSTOMER}\0${pin}`).digest('base64url'), mac);
    }
  });

  test('rotation: a hash under an older key verifies while that key is present and is rewritten under the key in force', () => {
    const old = keyedPinHash(ring('2026a', { '2026a': KEY_A }), CUSTOMER, PIN);
    const rotated = ring('2026b', { '2026a': KEY_A, '2026b': KEY_B });
    const check = checkKeyedPin(rotated, CUSTOMER, PIN, old);
    assert.equal(check.matches, true);
    assert.ok(check.matches && check.rehash);
    assert.equal(FORMAT.exec(check.rehash)![1], '2026b');
    assert.equal(check.rehash, keyedPinHash(rotated, CUSTOMER, PIN), 'new hashes use the key in force');
    assert.deepEqual(checkKeyedPin(rotated, CUSTOMER, PIN, check.rehash), { matches: true }, 'nothing more to rewrite');
    assert.deepEqual(checkKeyedPin(rotated, CUSTOMER, '582038', old), { matches: false }, 'a wrong PIN under the old key is still wrong');
    // Once the old key is retired, its hashes are an operations error, never a "wrong PIN" that
    // would count towards a customer's lockout.
    assert.throws(() => checkKeyedPin(ring('2026b', { '2026b': KEY_B }), CUSTOMER, PIN, old), /PIN key 2026a is not among the PIN keys/);
  });

  test('refuses what it cannot read instead of answering "wrong PIN"', () => {
    const keyring = ring('k1', { k1: KEY_A });
    for (const stored of ['', 'hmac1$k1', 'hmac2$k1$abc', `${keyedPinHash(keyring, CUSTOMER, PIN)}$x`, 'bcrypt$2b$xyz']) {
      assert.throws(() => checkKeyedPin(keyring, CUSTOMER, PIN, stored), /PIN hash format/, stored);
    }
    // A truncated MAC is a mismatch, compared without throwing.
    assert.deepEqual(checkKeyedPin(keyring, CUSTOMER, PIN, keyedPinHash(keyring, CUSTOMER, PIN).slice(0, -4)), { matches: false });
  });
});

describe('PIN keys from the secrets', () => {
  const local = localSecretsEnv();
  const withEnv = async (env: Record<string, string | undefined>) => {
    Object.assign(process.env, { TABLE_NAME: 'unit-pin-hash', SECRETS_PARAMETER: '', ...local });
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfigForTests();
    resetSecretsForTests();
    return secrets();
  };
  before(() => withEnv({}));

  test('the local stage has a throwaway key of at least 32 bytes, and the id in force names it', async () => {
    const s = await withEnv({});
    assert.ok(Buffer.from(s.pinKeys[s.pinKeyId]!, 'base64').length >= 32);
    assert.match(await hashPin(CUSTOMER, PIN), new RegExp(`^hmac1\\$${s.pinKeyId}\\$`));
  });

  test('refuses missing keys, short keys, bad ids and an id in force that names no key', async () => {
    const b64 = (n: number) => randomBytes(n).toString('base64');
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: undefined }));
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: '{}', JINLIN_PIN_KEY_ID: 'k1' }));
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ k1: b64(16) }), JINLIN_PIN_KEY_ID: 'k1' }));
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ 'k$1': b64(32) }), JINLIN_PIN_KEY_ID: 'k$1' }));
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ k1: b64(32) }), JINLIN_PIN_KEY_ID: 'k2' }));
    await assert.rejects(withEnv({ JINLIN_PIN_KEYS: 'not json', JINLIN_PIN_KEY_ID: 'k1' }));
    const ok = await withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ k1: b64(32), k2: b64(48) }), JINLIN_PIN_KEY_ID: 'k2' });
    assert.equal(ok.pinKeyId, 'k2');
    await withEnv({});
  });

  test('rotation through the secrets: a hash made before the new key came in force still verifies, and comes back rewritten', async () => {
    const k1 = b64Key();
    const k2 = b64Key();
    await withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ k1 }), JINLIN_PIN_KEY_ID: 'k1' });
    const before = await hashPin(CUSTOMER, PIN);
    await withEnv({ JINLIN_PIN_KEYS: JSON.stringify({ k1, k2 }), JINLIN_PIN_KEY_ID: 'k2' });
    const check = await checkPin(CUSTOMER, PIN, before);
    assert.ok(check.matches && check.rehash?.startsWith('hmac1$k2$'));
    assert.equal(check.rehash, await hashPin(CUSTOMER, PIN));
    assert.deepEqual(await checkPin(CUSTOMER, '582038', before), { matches: false });
    await withEnv({});
  });

  test('a legacy scrypt hash verifies once more and comes back with its keyed replacement', async () => {
    await withEnv({});
    const legacy = await legacyScryptHash(PIN, 2 ** 10);
    const check = await checkPin(CUSTOMER, PIN, legacy);
    assert.ok(check.matches && check.rehash);
    assert.equal(check.rehash, await hashPin(CUSTOMER, PIN));
    assert.deepEqual(await checkPin(CUSTOMER, '582038', legacy), { matches: false });
    assert.deepEqual(await checkPin(CUSTOMER, PIN, check.rehash), { matches: true });
  });
});

function b64Key(): string {
  return randomBytes(32).toString('base64');
}
