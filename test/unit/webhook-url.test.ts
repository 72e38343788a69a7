// Webhook URLs (domain/open/webhook-url.ts): the bank's servers call them, so none may reach the
// bank's inside — every private, loopback, link-local, shared and reserved range refused, https
// only, no credentials; loopback http only where the stage allows it (local, for the simulator).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isPublicAddress, webhookUrlProblem } from '../../functions/domain/open/webhook-url.js';

test('addresses: public ones pass; private, loopback, link-local, shared, documentation, multicast and mapped ones do not', () => {
  for (const address of ['93.184.216.34', '114.114.114.114', '2400:3200::1', '240e::1']) assert.equal(isPublicAddress(address), true, address);
  for (const address of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '192.0.2.5', '198.51.100.7', '203.0.113.9', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '2001:db8::1', 'not-an-ip']) {
    assert.equal(isPublicAddress(address), false, address);
  }
});

test('every address in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 127.0.0.0/8 is refused as a webhook host', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const privateAddress = fc.oneof(
    fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
    fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
    fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
    fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
  );
  fc.assert(fc.property(privateAddress, (address) => webhookUrlProblem(`https://${address}/hooks`, true) !== undefined));
});

test('URLs: https to a public name or address passes; anything else says why', () => {
  for (const url of ['https://partner.example.com/jinlin/webhooks', 'https://93.184.216.34/hooks', 'https://[2400:3200::1]/hooks', 'https://wy.example.cn:8443/a?b=c']) assert.equal(webhookUrlProblem(url, false), undefined, url);
  const refused: [string, string][] = [
    ['http://partner.example.com/hooks', '须为 https 地址'],
    ['ftp://partner.example.com/hooks', '须为 https 地址'],
    ['https://user:secret@partner.example.com/hooks', '网址中不能包含用户名或密码'],
    ['https://10.0.0.5/hooks', '不能指向内网、本机或保留地址'],
    ['https://[::1]/hooks', '不能指向内网、本机或保留地址'],
    ['https://[fd12::1]/hooks', '不能指向内网、本机或保留地址'],
    ['https://localhost/hooks', '不能指向内网或本机域名'],
    ['https://intranet/hooks', '不能指向内网或本机域名'],
    ['https://bank.internal/hooks', '不能指向内网或本机域名'],
    ['https://printer.local/hooks', '不能指向内网或本机域名'],
    ['not a url', '不是有效的网址'],
  ];
  for (const [url, problem] of refused) assert.equal(webhookUrlProblem(url, false), problem, url);
});

test('loopback http only where the stage allows it, and only loopback', () => {
  assert.equal(webhookUrlProblem('http://127.0.0.1:4010/webhooks', true), undefined);
  assert.equal(webhookUrlProblem('http://localhost:4010/webhooks', true), undefined);
  assert.equal(webhookUrlProblem('http://127.0.0.1:4010/webhooks', false), '须为 https 地址');
  assert.equal(webhookUrlProblem('http://10.0.0.5/webhooks', true), '须为 https 地址');
  assert.equal(webhookUrlProblem('http://partner.example.com/webhooks', true), '须为 https 地址');
});
