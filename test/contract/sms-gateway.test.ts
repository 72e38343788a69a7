// The SMS gateway's real client (functions/adapters/real/sms.ts) against a local fake of the
// gateway's HTTP API: what it sends (path, method, bearer token, JSON body), what it makes of each
// answer, and that a gateway that does not answer is UpstreamUnavailable (a 503 to the customer,
// retried under the same reference), never a message taken as sent.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { httpSmsGateway } from '../../functions/adapters/real/sms.js';
import { resetConfigForTests } from '../../functions/config.js';
import { UpstreamUnavailable } from '../../functions/platform/upstream-unavailable.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';

const TOKEN = 'sms-gateway-token-for-the-contract-test';
const MESSAGE = { phone: '13912345678', reference: 'ref-0001', template: 'PIN_RESET_CODE', params: { code: '042917', minutes: '5' } } as const;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server;
let baseUrl: string;
let received: Received[];
/** How the fake answers the next request. */
let answer: (response: ServerResponse) => void;
const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

before(async () => {
  Object.assign(process.env, { TABLE_NAME: 'sms-contract-test', ...localSecretsEnv(), JINLIN_SMS_GATEWAY_TOKEN: TOKEN });
  resetConfigForTests();
  resetSecretsForTests();
  server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: raw ? JSON.parse(raw) : undefined });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.JINLIN_SMS_GATEWAY_TOKEN;
  resetSecretsForTests();
});

beforeEach(() => {
  received = [];
  answer = json(200, { ok: true, messageId: 'MSG-1' });
});

describe('the SMS gateway client', () => {
  test('POSTs the template, its parameters, the phone and the reference as JSON to /v1/messages, with the bearer token', async () => {
    assert.deepEqual(await httpSmsGateway(baseUrl).send(MESSAGE), { ok: true, messageId: 'MSG-1' });
    assert.equal(received.length, 1);
    const [request] = received;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, '/v1/messages');
    assert.equal(request!.headers.authorization, `Bearer ${TOKEN}`);
    assert.match(String(request!.headers['content-type']), /^application\/json/);
    assert.deepEqual(request!.body, MESSAGE);
  });

  test('a base URL with a path still reaches /v1/messages at its origin', async () => {
    await httpSmsGateway(`${baseUrl}/some/prefix/`).send(MESSAGE);
    assert.equal(received[0]!.url, '/v1/messages');
  });

  test('a refusal (a number the carrier cannot reach, a template not approved) comes back as it was said', async () => {
    answer = json(200, { ok: false, code: 'MOBILE_UNREACHABLE', message: '号码无法接收短信' });
    assert.deepEqual(await httpSmsGateway(baseUrl).send(MESSAGE), { ok: false, code: 'MOBILE_UNREACHABLE', message: '号码无法接收短信' });
    answer = json(400, { ok: false, code: 'TEMPLATE_NOT_APPROVED', message: '模板未审核' });
    assert.deepEqual(await httpSmsGateway(baseUrl).send(MESSAGE), { ok: false, code: 'TEMPLATE_NOT_APPROVED', message: '模板未审核' });
  });

  test('a 5xx, a dropped connection and a closed port are UpstreamUnavailable', async () => {
    answer = json(503, { error: 'busy' });
    await assert.rejects(httpSmsGateway(baseUrl).send(MESSAGE), UpstreamUnavailable);
    answer = (response) => response.socket?.destroy();
    await assert.rejects(httpSmsGateway(baseUrl).send(MESSAGE), UpstreamUnavailable);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(httpSmsGateway(closedUrl).send(MESSAGE), UpstreamUnavailable);
  });

  test('an answer of another shape is an error, never a message taken as sent', async () => {
    for (const body of [{ ok: true }, { ok: true, messageId: '' }, { ok: 'yes', messageId: 'M' }, { ok: false, code: 'X' }, []]) {
      answer = json(200, body);
      await assert.rejects(httpSmsGateway(baseUrl).send(MESSAGE), (error: unknown) => !(error instanceof UpstreamUnavailable), JSON.stringify(body));
    }
  });
});
