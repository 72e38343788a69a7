// TOTP (RFC 6238) against the RFC's own published vectors (Appendix B: SHA-1, SHA-256 and
// SHA-512, 8 digits) and HOTP's (RFC 4226 Appendix D, 6 digits); the 6-digit codes operators type;
// the ±1 step window; replay refusal; base32 (RFC 4648 section 10) and the otpauth URI.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base32Decode, base32Encode, hotp, otpauthUri, timeStep, type TotpAlgorithm, totpAt, totpForStep, verifyTotp } from '../../functions/domain/totp.js';

/** RFC 6238 Appendix B: the seed of each algorithm is "1234567890" repeated to the hash's size. */
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  SHA1: Buffer.from('12345678901234567890'),
  SHA256: Buffer.from('12345678901234567890123456789012'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

/** Unix time (s) → [SHA1, SHA256, SHA512] TOTP, 8 digits, 30 s step (RFC 6238 Appendix B). */
const RFC6238: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

/** RFC 4226 Appendix D: HOTP of the SHA-1 seed for counts 0–9, 6 digits. */
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

const ALGORITHMS: TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

describe('RFC 6238 Appendix B', () => {
  test('every published vector, all three algorithms, 8 digits', () => {
    let checked = 0;
    for (const [seconds, ...expected] of RFC6238) {
      ALGORITHMS.forEach((algorithm, i) => {
        const at = new Date(seconds * 1000);
        assert.equal(totpAt(SEEDS[algorithm], at, { algorithm, digits: 8, stepSeconds: 30 }), expected[i], `${algorithm} at ${seconds}`);
        checked++;
      });
    }
    assert.equal(checked, 18);
  });

  test('the steps of the vectors (the RFC\'s T column)', () => {
    assert.equal(timeStep(new Date(59_000)).toString(16).padStart(16, '0').toUpperCase(), '0000000000000001');
    assert.equal(timeStep(new Date(1111111109_000)).toString(16).padStart(16, '0').toUpperCase(), '00000000023523EC');
    assert.equal(timeStep(new Date(20000000000_000)).toString(16).padStart(16, '0').toUpperCase(), '0000000027BC86AA');
  });

  test('6 digits: the same truncation, the last six digits of the 8-digit codes', () => {
    for (const [seconds, ...expected] of RFC6238) {
      ALGORITHMS.forEach((algorithm, i) => {
        const six = totpAt(SEEDS[algorithm], new Date(seconds * 1000), { algorithm, digits: 6, stepSeconds: 30 });
        assert.equal(six, expected[i]!.slice(2), `${algorithm} at ${seconds}`);
      });
    }
  });

  test('the defaults are SHA-1, 6 digits, 30 s', () => {
    assert.equal(totpAt(SEEDS.SHA1, new Date(59_000)), '287082');
  });
});

test('RFC 4226 Appendix D: HOTP counts 0–9', () => {
  RFC4226.forEach((expected, count) => assert.equal(hotp(SEEDS.SHA1, count), expected, `count ${count}`));
  assert.throws(() => hotp(SEEDS.SHA1, -1));
  assert.throws(() => hotp(SEEDS.SHA1, 1.5));
});

describe('verifying a code', () => {
  const secret = SEEDS.SHA1;
  const now = new Date(1_700_000_015_000);
  const step = timeStep(now);
  const codeAt = (offset: number) => totpForStep(secret, step + offset);

  test('the current step and one either side are accepted, with their step; two away are not', () => {
    for (const offset of [-1, 0, 1]) assert.deepEqual(verifyTotp(secret, codeAt(offset), now, undefined), { ok: true, step: step + offset });
    for (const offset of [-3, -2, 2, 3]) assert.deepEqual(verifyTotp(secret, codeAt(offset), now, undefined), { ok: false, reason: 'INCORRECT' });
  });

  test('a code of the last used step, or an earlier one, is a replay; a later one is fine', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, step), { ok: false, reason: 'REPLAYED' });
    assert.deepEqual(verifyTotp(secret, codeAt(-1), now, step), { ok: false, reason: 'REPLAYED' });
    assert.deepEqual(verifyTotp(secret, codeAt(-1), now, step - 1), { ok: false, reason: 'REPLAYED' });
    assert.deepEqual(verifyTotp(secret, codeAt(1), now, step), { ok: true, step: step + 1 });
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, step - 1), { ok: true, step });
  });

  test('not six digits, or another secret\'s code: incorrect', () => {
    for (const code of ['', '12345', '1234567', '12345a', ' 12345', '１２３４５６', codeAt(0) + '\n']) {
      assert.deepEqual(verifyTotp(secret, code, now, undefined), { ok: false, reason: 'INCORRECT' }, JSON.stringify(code));
    }
    assert.deepEqual(verifyTotp(SEEDS.SHA256, codeAt(0), now, undefined).ok, totpForStep(SEEDS.SHA256, step) === codeAt(0));
  });
});

describe('base32 and the otpauth URI', () => {
  test('RFC 4648 section 10 vectors, both ways', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) {
      assert.equal(base32Encode(Buffer.from(plain)), encoded);
      if (plain) assert.equal(Buffer.from(base32Decode(encoded)!).toString(), plain);
    }
    assert.equal(Buffer.from(base32Decode('mzxw 6ytb oi======')!).toString(), 'foobar');
  });

  test('refuses what is not base32, and secrets longer than any algorithm uses', () => {
    for (const text of ['', 'MZXW1', 'MZXW8', 'MZ-XW', 'A'.repeat(200)]) assert.equal(base32Decode(text), undefined, text);
    assert.equal(base32Decode('A'.repeat(103))?.length, 64);
  });

  test('the URI an authenticator app scans carries the secret and the parameters', () => {
    const uri = new URL(otpauthUri('近邻银行运营中台', 'pm.li', SEEDS.SHA1));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/近邻银行运营中台:pm.li');
    assert.equal(uri.searchParams.get('secret'), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual([uri.searchParams.get('algorithm'), uri.searchParams.get('digits'), uri.searchParams.get('period')], ['SHA1', '6', '30']);
  });
});
