// Share-link short codes: random, uniform, and always fitting WeChat's QR `scene` (≤ 32
// characters of its alphabet); the paths a code travels; expiry and revocation.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { shareCodeOf } from '../../miniprogram/src/lib/rm-share-code.js';
import {
  h5Url,
  isShortCode,
  linkExpiry,
  SCENE_MAX_LENGTH,
  SCENE_PATTERN,
  sceneFor,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  SHORT_CODE_RANDOM_BYTES,
  shareLinkStatus,
  sharePath,
  shortCodeFrom,
} from '../../functions/domain/rm/share-code.js';
import { bindingCodeFrom, BINDING_CODE_PATTERN } from '../../functions/domain/rm/staff.js';

describe('short codes', () => {
  test('any random bytes give a code of 10 base-62 characters whose scene fits WeChat', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: SHORT_CODE_RANDOM_BYTES, maxLength: SHORT_CODE_RANDOM_BYTES }), (bytes) => {
        const code = shortCodeFrom(bytes);
        // 32 bytes all ≥ 248 would run out: (8/256)^23 at least — the property tolerates it.
        fc.pre(code !== undefined);
        assert.equal(code!.length, SHORT_CODE_LENGTH);
        assert.ok(isShortCode(code!));
        const scene = sceneFor(code!);
        assert.ok(scene.length <= SCENE_MAX_LENGTH, scene);
        assert.match(scene, SCENE_PATTERN);
        // The mini-program reads it back: from the QR's scene (URL-encoded, as WeChat hands it
        // to the page) and from the share card's path.
        assert.equal(shareCodeOf({ scene: encodeURIComponent(scene) }), code);
        assert.equal(shareCodeOf({ scene }), code);
        assert.equal(shareCodeOf(Object.fromEntries(new URLSearchParams(sharePath(code!).split('?')[1]))), code);
      }),
      { numRuns: 2_000 },
    );
  });

  test('bytes at or above 248 are skipped, so every character is equally likely', () => {
    assert.equal(shortCodeFrom(new Uint8Array([248, 249, 255, 0, 1, 2, 61, 62, 123, 247, 10, 11, 12])), '012z0zzABC');
    assert.equal(shortCodeFrom(new Uint8Array(31).fill(250)), undefined);
    // Over many real codes each character shows up about equally often (loose bounds: no flake).
    const counts = new Map<string, number>();
    for (let n = 0; n < 2_000; n++) for (const ch of shortCodeFrom(randomBytes(SHORT_CODE_RANDOM_BYTES))!) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    assert.equal(counts.size, SHORT_CODE_ALPHABET.length);
    const expected = (2_000 * SHORT_CODE_LENGTH) / 62;
    for (const [ch, count] of counts) assert.ok(count > expected * 0.6 && count < expected * 1.4, `${ch}: ${count}`);
  });

  test('codes are 8–10 letters and digits; anything else is not a code', () => {
    for (const good of ['abcdEFGH', 'A1b2C3d4E5', '0000000000']) assert.ok(isShortCode(good), good);
    for (const bad of ['abcdEFG', 'A1b2C3d4E5F', 'abc-defgh', 'abcdefg ', 'ａｂｃｄｅｆｇｈ', '']) assert.ok(!isShortCode(bad), bad);
    assert.throws(() => sceneFor('short'));
  });

  test('the mini-program takes a code only from rm=<code> or a scene r=<code>', () => {
    for (const scene of ['r=abc', 'x=abcdEFGH12', 'r=abcdEFGH12&x=1', 'rabcdEFGH12', '%E0%A4%A', 'r=abcdEFGH12 ']) assert.equal(shareCodeOf({ scene }), undefined, scene);
    for (const rm of ['abc', 'abcdEFGH12x', 'abcd-EFGH', 7]) assert.equal(shareCodeOf({ rm }), undefined, String(rm));
    assert.equal(shareCodeOf(undefined), undefined);
    assert.equal(shareCodeOf({ rm: 'abcdEFGH12', scene: 'r%3DzzzzZZZZ99' }), 'abcdEFGH12');
  });

  test('share path and H5 link open the home page with the code', () => {
    assert.equal(sharePath('abcdEFGH12'), 'pages/home/index?rm=abcdEFGH12');
    assert.equal(h5Url('https://h5.bank.example/', 'abcdEFGH12'), 'https://h5.bank.example/#/pages/home/index?rm=abcdEFGH12');
  });
});

describe('expiry and revocation', () => {
  const now = new Date('2025-06-01T08:00:00.000Z');
  test('a link lasts the days it was made for, or forever', () => {
    assert.equal(linkExpiry(now, 30), '2025-07-01T08:00:00.000Z');
    assert.equal(linkExpiry(now, null), null);
    for (const days of [0, -1, 366, 1.5]) assert.throws(() => linkExpiry(now, days), String(days));
  });

  test('active until the expiry instant, expired from it on; revoked wins over both', () => {
    const link = { expiresAt: '2025-06-02T08:00:00.000Z', revokedAt: null };
    assert.equal(shareLinkStatus(link, now), 'ACTIVE');
    assert.equal(shareLinkStatus(link, new Date('2025-06-02T07:59:59.999Z')), 'ACTIVE');
    assert.equal(shareLinkStatus(link, new Date('2025-06-02T08:00:00.000Z')), 'EXPIRED');
    assert.equal(shareLinkStatus({ expiresAt: null, revokedAt: null }, new Date('2099-01-01T00:00:00Z')), 'ACTIVE');
    assert.equal(shareLinkStatus({ ...link, revokedAt: '2025-06-01T09:00:00.000Z' }, now), 'REVOKED');
    assert.equal(shareLinkStatus({ ...link, revokedAt: '2025-06-01T09:00:00.000Z' }, new Date('2030-01-01T00:00:00Z')), 'REVOKED');
  });
});

describe('binding codes', () => {
  test('12 characters without look-alikes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const code = bindingCodeFrom(bytes);
        fc.pre(code !== undefined);
        assert.match(code!, BINDING_CODE_PATTERN);
        assert.ok(!/[01IOL]/.test(code!), code);
      }),
    );
  });
});
