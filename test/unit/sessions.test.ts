// The rules of 登录设备管理 (domain/sessions.ts): the place a session shows is the source address
// masked, never the whole of it; signed-out sessions are kept on the customer only while a token of
// theirs can still be live.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deviceLabel, maskedPlace, sessionSignedOut, staleSignOuts } from '../../functions/domain/sessions.js';

describe('the place of a session', () => {
  test('IPv4 to its /24, IPv6 to its first three groups; anything else 未知', () => {
    assert.equal(maskedPlace('223.104.3.77'), '223.104.3.*');
    assert.equal(maskedPlace('::ffff:10.1.2.3'), '10.1.2.*');
    assert.equal(maskedPlace('2408:8207:2471:5a40::1'), '2408:8207:2471:*');
    for (const odd of [undefined, '', 'localhost', '1.2.3', '::1', 'not an address', '2408:8207']) assert.equal(maskedPlace(odd), '未知', String(odd));
  });

  test('the last part of an address never shows', () => {
    for (const ip of ['1.2.3.4', '255.255.255.254', '2001:db8:abcd:12:34:56:78:9a']) {
      const shown = maskedPlace(ip);
      assert.ok(!shown.includes(ip.split(/[.:]/).at(-1)!) || shown.endsWith('*'), shown);
      assert.notEqual(shown, ip);
    }
  });
});

describe('signed-out sessions on the customer record', () => {
  const MINUTES = 15;
  const now = Date.parse('2026-03-02T10:00:00Z');

  test('an entry older than an access token can live is stale; a newer one is kept', () => {
    const signedOut = { old: now - MINUTES * 60_000 - 1, edge: now - MINUTES * 60_000, fresh: now - 1_000 };
    assert.deepEqual(staleSignOuts(signedOut, now, MINUTES), ['old']);
    assert.deepEqual(staleSignOuts(undefined, now, MINUTES), []);
  });

  test('a token of a signed-out session is refused; one naming no session, or another, is not', () => {
    assert.equal(sessionSignedOut('s1', { s1: now }), true);
    assert.equal(sessionSignedOut('s2', { s1: now }), false);
    assert.equal(sessionSignedOut(undefined, { s1: now }), false);
    assert.equal(sessionSignedOut('s1', undefined), false);
  });
});

test('a device is shown by its model, else its platform, else 未知设备', () => {
  assert.equal(deviceLabel({ model: 'iPhone 15', platform: 'ios' }), 'iPhone 15');
  assert.equal(deviceLabel({ platform: 'android' }), 'android 设备');
  assert.equal(deviceLabel({}), '未知设备');
});
