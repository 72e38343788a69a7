// The webhook sender (adapters/webhook-sender.ts) against servers on 127.0.0.1: a URL the rules
// refuse is never requested; a name resolving to any private, loopback (where not allowed) or
// link-local address is refused before connecting; the connection goes to the address that was
// checked, not to a second resolution; a redirect is an answer, never followed; a slow server
// times out; an endless answer is cut.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type ResolveAll, WEBHOOK_TIMEOUT_MS, webhookSender } from '../../functions/adapters/webhook-sender.js';

const received: IncomingMessage[] = [];
let behaviour: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => response.end('ok');
let server: Server;
let port: number;

before(async () => {
  server = createServer((request, response) => {
    received.push(request);
    behaviour(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const send = (url: string, allowLoopback: boolean, resolve?: ResolveAll) => webhookSender(allowLoopback, resolve).send({ url, headers: { 'webhook-id': 'evt_test' }, body: '{"id":"evt_test"}' });
const resolvingTo = (...addresses: string[]): ResolveAll => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

test('a URL the rules refuse is not requested', async () => {
  const before = received.length;
  for (const url of [`http://127.0.0.1:${port}/h`, 'https://10.0.0.8/h', 'https://169.254.169.254/latest/meta-data', 'https://user:pw@partner.example.com/h', 'ftp://partner.example.com/h']) {
    assert.equal((await send(url, false)).error, 'URL_REFUSED', url);
  }
  assert.equal((await send('https://[::ffff:127.0.0.1]/h', true)).error, 'URL_REFUSED');
  assert.equal(received.length, before);
});

test('a name is refused when any address it resolves to is private, loopback, link-local or reserved', async () => {
  const cases: [string[], boolean][] = [
    [['93.184.216.34', '10.0.0.5'], true],
    [['169.254.169.254'], true],
    [['192.168.1.10'], true],
    [['fd00::1'], true],
    [['::ffff:10.0.0.1'], true],
    [['127.0.0.1'], false],
    [['100.64.0.1'], true],
  ];
  for (const [addresses, allowLoopback] of cases) {
    assert.equal((await send('https://partner.example.com/h', allowLoopback, resolvingTo(...addresses))).error, 'ADDRESS_REFUSED', addresses.join(','));
  }
  assert.equal((await send('https://partner.example.com/h', false, async () => Promise.reject(new Error('ENOTFOUND')))).error, 'DNS_FAILED');
  assert.equal((await send('https://partner.example.com/h', false, resolvingTo())).error, 'DNS_FAILED');
});

test('the request goes to the address that was checked, never to a second resolution', async () => {
  behaviour = (_, response) => response.writeHead(204).end();
  const before = received.length;
  const answered = await send(`http://localhost:${port}/hooks`, true, resolvingTo('127.0.0.1'));
  assert.equal(answered.httpStatus, 204);
  assert.equal(received.length, before + 1);
  assert.equal(received.at(-1)!.headers.host, `localhost:${port}`);
  assert.equal(received.at(-1)!.headers['webhook-id'], 'evt_test');
  // Checked as 127.0.0.2, where nothing listens: the system resolver's 127.0.0.1 is never tried.
  assert.equal((await send(`http://localhost:${port}/hooks`, true, resolvingTo('127.0.0.2'))).error, 'CONNECTION_FAILED');
  assert.equal(received.length, before + 1);
});

test('a 302 is a failed attempt, and its Location is not requested', async () => {
  behaviour = (request, response) => (request.url === '/hooks' ? response.writeHead(302, { location: '/elsewhere' }).end() : response.end('followed'));
  const before = received.length;
  const answered = await send(`http://127.0.0.1:${port}/hooks`, true);
  assert.equal(answered.httpStatus, 302);
  assert.equal(received.length, before + 1);
});

test('a server that does not answer within the deadline times out', async () => {
  behaviour = () => undefined;
  const answered = await send(`http://127.0.0.1:${port}/hooks`, true);
  assert.equal(answered.error, 'TIMEOUT');
  assert.ok(answered.durationMs >= WEBHOOK_TIMEOUT_MS - 50 && answered.durationMs < WEBHOOK_TIMEOUT_MS + 2_000, `${answered.durationMs} ms`);
});

test('an endless answer is cut after its cap; its status stands and 200 characters are kept', async () => {
  behaviour = (_, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'a'.repeat(16_384);
    const pump = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once('drain', pump);
    };
    pump();
  };
  const answered = await send(`http://127.0.0.1:${port}/hooks`, true);
  assert.equal(answered.httpStatus, 200);
  assert.equal(answered.response, 'a'.repeat(200));
  assert.ok(answered.durationMs < WEBHOOK_TIMEOUT_MS, `${answered.durationMs} ms`);
});
