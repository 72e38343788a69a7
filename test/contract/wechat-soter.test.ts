// The real WeChat client's SOTER check (functions/adapters/real/wechat.ts verifySoterSignature)
// against a local fake of WeChat's server API: what it sends (the access token from stable_token in
// the query, openid / json_string / json_signature in the JSON body, as WeChat documents
// cgi-bin/soter/verify_signature), and what it makes of each answer — `is_ok: true` verified,
// `is_ok: false` or an errcode about the request refused, an errcode that says WeChat is busy or
// the token is bad, a 5xx, a garbled answer or no answer UpstreamUnavailable (a 503 to the
// customer, retried; never a signature taken as good). And its subscription message send
// (cgi-bin/message/subscribe/send): touser, template_id, page and each field as { value }; an
// errcode is not sent.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { realWechat } from '../../functions/adapters/real/wechat.js';
import { resetConfigForTests } from '../../functions/config.js';
import { UpstreamUnavailable } from '../../functions/platform/upstream-unavailable.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';

const APP_SECRET = 'wechat-app-secret-for-the-contract-test';
const SIGNED = {
  openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz0',
  jsonString: '{"raw":"Zm9vYmFyYmF6cXV4cXV1eA","fid":"2","counter":123,"tee_n":"TEE Name","tee_v":"1.0","fp_n":"FPC","fp_v":"1.0","cpu_id":"CPU","uid":"21"}',
  jsonSignature: 'dGhlIFJTQS1QU1Mgc2lnbmF0dXJlIG9mIHRoZSBkZXZpY2Uga2V5',
};

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server;
let baseUrl: string;
let received: Received[];
let tokensIssued: number;
/** How the fake answers the next stable_token and verify_signature. */
let tokenAnswer: (response: ServerResponse) => void;
let verdict: (response: ServerResponse) => void;
let sendAnswer: (response: ServerResponse) => void;
const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/** Each test its own app id, so the client's cached access token is each test's own. */
let appSequence = 0;
const client = () => realWechat(`wx-contract-${++appSequence}`, baseUrl);
const verifyCalls = () => received.filter((request) => request.path === '/cgi-bin/soter/verify_signature');
const tokenCalls = () => received.filter((request) => request.path === '/cgi-bin/stable_token');

before(async () => {
  Object.assign(process.env, { TABLE_NAME: 'wechat-contract-test', ...localSecretsEnv(), JINLIN_WECHAT_SECRET: APP_SECRET });
  resetConfigForTests();
  resetSecretsForTests();
  server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      received.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams, headers: request.headers, body: raw ? JSON.parse(raw) : undefined });
      if (url.pathname === '/cgi-bin/stable_token') return tokenAnswer(response);
      if (url.pathname === '/cgi-bin/soter/verify_signature') return verdict(response);
      if (url.pathname === '/cgi-bin/message/subscribe/send') return sendAnswer(response);
      return json(404, { errcode: 404, errmsg: 'not found' })(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.JINLIN_WECHAT_SECRET;
  resetSecretsForTests();
});

beforeEach(() => {
  received = [];
  tokensIssued = 0;
  tokenAnswer = (response) => json(200, { access_token: `ACCESS-TOKEN-${++tokensIssued}`, expires_in: 7200 })(response);
  verdict = json(200, { is_ok: true });
  sendAnswer = json(200, { errcode: 0, errmsg: 'ok' });
});

describe("the WeChat client's subscription message", () => {
  const MESSAGE = { openid: SIGNED.openid, templateId: 'tpl-security', page: 'packageMessages/pages/centre/index', data: { thing1: '支付密码已修改', time2: '2026-03-16 12:00' } };
  const sendCalls = () => received.filter((request) => request.path === '/cgi-bin/message/subscribe/send');

  test('POSTs touser, template_id, page and each field as { value } with the access token; errcode 0 is sent', async () => {
    assert.equal(await client().sendSubscribeMessage(MESSAGE), true);
    const [send] = sendCalls();
    assert.equal(send!.method, 'POST');
    assert.equal(send!.query.get('access_token'), 'ACCESS-TOKEN-1');
    assert.deepEqual(send!.body, {
      touser: MESSAGE.openid,
      template_id: 'tpl-security',
      page: MESSAGE.page,
      data: { thing1: { value: '支付密码已修改' }, time2: { value: '2026-03-16 12:00' } },
    });
  });

  test('an errcode (43101: no subscription held) is not sent; a rejected token is not used again', async () => {
    const wechat = client();
    sendAnswer = json(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    assert.equal(await wechat.sendSubscribeMessage(MESSAGE), false);
    sendAnswer = json(200, { errcode: 40001, errmsg: 'invalid credential' });
    assert.equal(await wechat.sendSubscribeMessage(MESSAGE), false);
    sendAnswer = json(200, { errcode: 0 });
    assert.equal(await wechat.sendSubscribeMessage(MESSAGE), true);
    assert.deepEqual(sendCalls().map((request) => request.query.get('access_token')), ['ACCESS-TOKEN-1', 'ACCESS-TOKEN-1', 'ACCESS-TOKEN-2']);
  });
});

describe("the WeChat client's SOTER signature check", () => {
  test('gets an access token from stable_token, then POSTs openid, json_string and json_signature with it in the query; is_ok true is verified', async () => {
    const wechat = client();
    assert.equal(await wechat.verifySoterSignature(SIGNED), true);

    const [token] = tokenCalls();
    assert.equal(token!.method, 'POST');
    assert.deepEqual(token!.body, { grant_type: 'client_credential', appid: `wx-contract-${appSequence}`, secret: APP_SECRET });

    const [verify] = verifyCalls();
    assert.equal(verify!.method, 'POST');
    assert.deepEqual([...verify!.query.keys()], ['access_token']);
    assert.equal(verify!.query.get('access_token'), 'ACCESS-TOKEN-1');
    assert.match(String(verify!.headers['content-type']), /^application\/json/);
    assert.deepEqual(verify!.body, { openid: SIGNED.openid, json_string: SIGNED.jsonString, json_signature: SIGNED.jsonSignature });
  });

  test('the access token is kept: a second check asks for none', async () => {
    const wechat = client();
    await wechat.verifySoterSignature(SIGNED);
    await wechat.verifySoterSignature(SIGNED);
    assert.equal(tokenCalls().length, 1);
    assert.deepEqual(verifyCalls().map((request) => request.query.get('access_token')), ['ACCESS-TOKEN-1', 'ACCESS-TOKEN-1']);
  });

  test('is_ok false, or an errcode about the request itself (an openid WeChat does not know, bad data), is refused', async () => {
    const wechat = client();
    verdict = json(200, { is_ok: false });
    assert.equal(await wechat.verifySoterSignature(SIGNED), false);
    for (const errcode of [40003, 47001, 87014]) {
      verdict = json(200, { errcode, errmsg: 'refused' });
      assert.equal(await wechat.verifySoterSignature(SIGNED), false, String(errcode));
    }
  });

  test('WeChat busy, or its quota spent: UpstreamUnavailable, never verified', async () => {
    const wechat = client();
    for (const errcode of [-1, 45009, 45011]) {
      verdict = json(200, { errcode, errmsg: 'busy' });
      await assert.rejects(wechat.verifySoterSignature(SIGNED), UpstreamUnavailable, String(errcode));
    }
  });

  test('a token WeChat rejects: UpstreamUnavailable, and the next check gets a new token', async () => {
    const wechat = client();
    verdict = json(200, { errcode: 40001, errmsg: 'invalid credential' });
    await assert.rejects(wechat.verifySoterSignature(SIGNED), UpstreamUnavailable);
    verdict = json(200, { is_ok: true });
    assert.equal(await wechat.verifySoterSignature(SIGNED), true);
    assert.deepEqual(verifyCalls().map((request) => request.query.get('access_token')), ['ACCESS-TOKEN-1', 'ACCESS-TOKEN-2']);
  });

  test('no access token (stable_token answers an errcode): UpstreamUnavailable, and no signature is sent', async () => {
    tokenAnswer = json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    await assert.rejects(client().verifySoterSignature(SIGNED), UpstreamUnavailable);
    assert.equal(verifyCalls().length, 0);
  });

  test('a 5xx, a body that is not JSON, an answer with no verdict, a dropped connection and a closed port are UpstreamUnavailable', async () => {
    const wechat = client();
    const answers: ((response: ServerResponse) => void)[] = [
      json(502, { errmsg: 'bad gateway' }),
      (response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html>busy</html>');
      },
      json(200, {}),
      json(200, { is_ok: 'yes' }),
      (response) => response.socket?.destroy(),
    ];
    for (const answer of answers) {
      verdict = answer;
      await assert.rejects(wechat.verifySoterSignature(SIGNED), UpstreamUnavailable);
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(realWechat('wx-contract-closed', closedUrl).verifySoterSignature(SIGNED), UpstreamUnavailable);
  });
});
