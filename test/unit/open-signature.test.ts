// The open platform's signature rules (domain/open/signature.ts), the partner client a developer
// copies (scripts/partner-sim/client.ts) against them, and docs/OPEN-API.md's worked example:
// every byte the guide shows is rebuilt here from the code and the sandbox key.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Refusal } from '../../functions/domain/errors.js';
import { isUnifiedCreditCode, merchantProposalSchema } from '../../functions/domain/open/merchant.js';
import { partnerSchema } from '../../functions/domain/open/partner.js';
import {
  checkRequestSignature,
  checkTimestamp,
  parseAuthorization,
  partnerPublicKey,
  requestMessage,
  responseMessage,
  signMessage,
} from '../../functions/domain/open/signature.js';
import { stageParams } from '../../scripts/lib/serverless-config.js';
import { authorization, isSignedByBank } from '../../scripts/partner-sim/client.js';
import { SANDBOX_KEY_SERIAL, SANDBOX_PARTNER_ID, sandboxCredentials, sandboxPublicKeyPem } from '../../scripts/partner-sim/sandbox.js';

const refusedWith = (code: string) => (error: unknown) => error instanceof Refusal && error.kind === 'unauthenticated' && error.code === code;

describe('docs/OPEN-API.md: the worked example', () => {
  const guide = readFileSync(new URL('../../docs/OPEN-API.md', import.meta.url), 'utf8');
  /** The fenced block right after `<!-- marker -->`. */
  const block = (marker: string) => {
    const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(guide);
    assert.ok(match, `no block after <!-- ${marker} -->`);
    return match[1]!;
  };
  const body = block('worked-example:body');
  const header = parseAuthorization(block('worked-example:authorization'));

  test('the header names the sandbox partner and key', () => {
    assert.equal(header.partnerId, SANDBOX_PARTNER_ID);
    assert.equal(header.keySerial, SANDBOX_KEY_SERIAL);
    assert.equal(header.timestampSeconds, 1796608800);
  });

  test('the message shown is the message built from the request, and its SHA-256 is the one shown', () => {
    const message = requestMessage('POST', '/v1/open/merchants', header.timestampSeconds, header.nonce, body);
    assert.equal(`${block('worked-example:message')}\n`, message);
    assert.equal(createHash('sha256').update(message, 'utf8').digest('hex'), block('worked-example:message-sha256'));
  });

  test('the client signs it to exactly the header shown, and the bank verifies it with the sandbox public key', () => {
    const signed = authorization(sandboxCredentials(), { method: 'POST', pathWithQuery: '/v1/open/merchants', body, timestampSeconds: header.timestampSeconds, nonce: header.nonce });
    assert.equal(signed, block('worked-example:authorization'));
    const publicKey = partnerPublicKey(sandboxPublicKeyPem())!;
    checkRequestSignature(header, 'POST', '/v1/open/merchants', body, publicKey);
    assert.throws(() => checkRequestSignature(header, 'POST', '/v1/open/merchants', body.replace('LLX-0001', 'LLX-0002'), publicKey), refusedWith('SIGNATURE_INVALID'));
  });

  test('the body is a proposal the API accepts', () => {
    assert.equal(merchantProposalSchema.safeParse(JSON.parse(body)).success, true);
  });

  test('the sandbox platform key shown is the local stage’s', () => {
    const keys = JSON.parse(String(stageParams('local').devOpenPlatformKeys)) as Record<string, string>;
    assert.deepEqual(Object.keys(keys), ['5A4E4C4F43414C01']);
    const pem = createPublicKey(createPrivateKey({ key: Buffer.from(keys['5A4E4C4F43414C01']!, 'base64'), format: 'der', type: 'pkcs8' })).export({ format: 'pem', type: 'spki' }).toString();
    assert.equal(`${block('sandbox-platform-public-key')}\n`, pem);
  });
});

describe('the Authorization header', () => {
  const valid = authorization(sandboxCredentials(), { method: 'GET', pathWithQuery: '/v1/open/merchants', body: '' });

  test('a header the client made parses back to its fields', () => {
    const parsed = parseAuthorization(valid);
    assert.equal(parsed.partnerId, 'PSANDBOX');
    assert.match(parsed.nonce, /^[0-9a-f]{32}$/);
    assert.ok(Math.abs(parsed.timestampSeconds - Date.now() / 1000) < 60);
  });

  test('anything else is malformed: another scheme, a field missing, repeated, unknown, or out of form', () => {
    const malformed = [
      undefined,
      '',
      valid.replace('JINLIN-SHA256-RSA2048', 'WECHATPAY2-SHA256-RSA2048'),
      valid.replace(/,serial_no="[^"]*"/, ''),
      `${valid},nonce_str="ABCDEFGHIJKLMNOP"`,
      `${valid},extra="1"`,
      valid.replace(/partner_id="[^"]*"/, 'partner_id="psandbox"'),
      valid.replace(/timestamp="(\d+)"/, 'timestamp="$1000"'),
      valid.replace(/nonce_str="[^"]*"/, 'nonce_str="short"'),
      valid.replace(/signature="[^"]*"/, 'signature="AAAA"'),
      valid.replace(/serial_no="[^"]*"/, 'serial_no="3c5a4e4c53414e44"'),
      `${valid}${'x'.repeat(1_200)}`,
    ];
    for (const value of malformed) assert.throws(() => parseAuthorization(value), refusedWith('AUTHORIZATION_MALFORMED'), String(value).slice(0, 80));
  });

  test('fuzzed headers are either parsed or refused as malformed, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        try {
          parseAuthorization(`JINLIN-SHA256-RSA2048 ${tail}`);
        } catch (error) {
          assert.ok(refusedWith('AUTHORIZATION_MALFORMED')(error), String(error));
        }
      }),
    );
  });
});

describe('the rules of a signature', () => {
  test('the clock: up to five minutes either way', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    const seconds = now.getTime() / 1000;
    checkTimestamp(seconds - 300, now);
    checkTimestamp(seconds + 300, now);
    assert.throws(() => checkTimestamp(seconds - 301, now), refusedWith('TIMESTAMP_EXPIRED'));
    assert.throws(() => checkTimestamp(seconds + 301, now), refusedWith('TIMESTAMP_EXPIRED'));
  });

  test('any change to any of the five lines breaks the signature', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    fc.assert(
      fc.property(
        fc.record({ path: fc.stringMatching(/^\/v1\/open\/[a-z/]{1,20}(\?[a-z=&]{1,10})?$/), body: fc.string({ maxLength: 80 }), nonce: fc.stringMatching(/^[0-9A-Za-z]{16,32}$/) }),
        fc.integer({ min: 0, max: 4 }),
        ({ path, body, nonce }, line) => {
          const timestamp = 1796608800;
          const signature = signMessage(requestMessage('POST', path, timestamp, nonce, body), privateKey);
          const header = { partnerId: 'PSANDBOX', nonce, timestampSeconds: timestamp, keySerial: 'ABCDEF01', signature };
          checkRequestSignature(header, 'POST', path, body, publicKey);
          const altered = [
            () => checkRequestSignature(header, 'GET', path, body, publicKey),
            () => checkRequestSignature(header, 'POST', `${path}x`, body, publicKey),
            () => checkRequestSignature({ ...header, timestampSeconds: timestamp + 1 }, 'POST', path, body, publicKey),
            () => checkRequestSignature({ ...header, nonce: `${nonce.slice(1)}Z` === nonce ? `${nonce}Z` : `${nonce.slice(1)}Z` }, 'POST', path, body, publicKey),
            () => checkRequestSignature(header, 'POST', path, `${body} `, publicKey),
          ][line]!;
          assert.throws(altered, refusedWith('SIGNATURE_INVALID'));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the answer’s signature: the client accepts the bank’s, and refuses a changed body, another key or a stale time', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const body = '{"merchants":[],"nextCursor":null}';
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'jinlin-timestamp': String(timestamp), 'jinlin-nonce': 'abc', 'jinlin-serial': 'AA01', 'jinlin-signature': signMessage(responseMessage(timestamp, 'abc', body), privateKey) };
    assert.equal(isSignedByBank(headers, body, { AA01: publicKey }), true);
    assert.equal(isSignedByBank(headers, body.replace('null', '"x"'), { AA01: publicKey }), false);
    assert.equal(isSignedByBank(headers, body, { AA01: other.publicKey }), false);
    assert.equal(isSignedByBank(headers, body, { BB02: publicKey }), false);
    assert.equal(isSignedByBank(headers, body, { AA01: publicKey }, timestamp + 301), false);
  });

  test('a partner key must be RSA of 2048–4096 bits, as SPKI PEM', () => {
    const pem = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ format: 'pem', type: 'spki' }).toString();
    assert.ok(partnerPublicKey(pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)));
    assert.equal(partnerPublicKey(pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey)), undefined);
    assert.equal(partnerPublicKey(pem(generateKeyPairSync('ed25519').publicKey)), undefined);
    assert.equal(partnerPublicKey('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----'), undefined);
  });
});

describe('partners and merchants as data', () => {
  const key = { serialNo: '3C5A4E4C53414E44', publicKeyPem: sandboxPublicKeyPem(), addedAt: '2026-12-07T00:00:00.000Z' };
  const partner = { partnerId: 'PSANDBOX', name: '邻里鲜社区超市', status: 'ACTIVE', scopes: ['merchants'], keys: [key], webhookUrls: [], feeRateBps: 30, rateLimitPerMinute: 600 };

  test('a partner: at most two keys, none under the same serial, a fee of at most 1 %', () => {
    assert.equal(partnerSchema.safeParse(partner).success, true);
    assert.equal(partnerSchema.safeParse({ ...partner, keys: [key, key] }).success, false);
    assert.equal(partnerSchema.safeParse({ ...partner, keys: [key, { ...key, serialNo: 'AA01AA01' }, { ...key, serialNo: 'BB01BB01' }] }).success, false);
    assert.equal(partnerSchema.safeParse({ ...partner, feeRateBps: 101 }).success, false);
    assert.equal(partnerSchema.safeParse({ ...partner, scopes: ['merchants', 'merchants'] }).success, false);
    assert.equal(partnerSchema.safeParse({ ...partner, scopes: ['deposits'] }).success, false);
  });

  test('统一社会信用代码: real codes pass; any one character changed fails', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91320100MA1W0R2X1P']) {
      assert.equal(isUnifiedCreditCode(code), true, code);
      for (let i = 0; i < 18; i++) {
        for (const replacement of ['0', '7', 'A', 'X']) {
          const altered = `${code.slice(0, i)}${replacement}${code.slice(i + 1)}`;
          if (altered !== code) assert.equal(isUnifiedCreditCode(altered), false, altered);
        }
      }
    }
    assert.equal(isUnifiedCreditCode('91320100MA1W0R2X1'), false);
    assert.equal(isUnifiedCreditCode('91320100ma1w0r2x1p'), false);
  });
});
