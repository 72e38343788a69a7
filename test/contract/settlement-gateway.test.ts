// The settlement gateway's real client (functions/adapters/real/settlement-gateway.ts) against a
// local fake of the gateway's HTTP API: what it sends for an account-holder check, a payout and a
// payout's status (path, method, bearer token, JSON body), each answer read as the gateway means
// it, an answer outside the contract refused rather than taken as a match or a payment, and a
// gateway that fails as UpstreamUnavailable (the reviewer, or the next day close, tries again).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { httpSettlementGateway } from '../../functions/adapters/real/settlement-gateway.js';
import { resetConfigForTests } from '../../functions/config.js';
import { UpstreamUnavailable } from '../../functions/platform/upstream-unavailable.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';

const TOKEN = 'settlement-gateway-token-for-the-contract-test';
const QUERY = { bankName: '江苏银行南京分行', accountNumber: '3201001234567890', holderName: '南京幸福里生鲜超市有限公司' };

let server: Server;
let baseUrl: string;
let received: { method: string; url: string; headers: IncomingMessage['headers']; body: unknown }[];
let answer: (response: ServerResponse) => void;
const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

before(async () => {
  Object.assign(process.env, { TABLE_NAME: 'settlement-contract-test', ...localSecretsEnv(), JINLIN_SETTLEMENT_GATEWAY_TOKEN: TOKEN });
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
  delete process.env.JINLIN_SETTLEMENT_GATEWAY_TOKEN;
  resetSecretsForTests();
});

beforeEach(() => {
  received = [];
});

test('an account-holder check: POST /v1/account-holder-checks with the bearer token and the query as JSON; each answer as the gateway gives it', async () => {
  for (const result of ['MATCH', 'MISMATCH', 'ACCOUNT_NOT_FOUND'] as const) {
    answer = json(200, { result });
    assert.equal(await httpSettlementGateway(baseUrl).checkAccountHolder(QUERY), result);
  }
  assert.equal(received.length, 3);
  assert.equal(received[0]!.method, 'POST');
  assert.equal(received[0]!.url, '/v1/account-holder-checks');
  assert.equal(received[0]!.headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(received[0]!.body, QUERY);
});

test('an answer outside the contract is refused, never read as a match', async () => {
  for (const body of [{ result: 'match' }, { result: 'OK' }, {}, { matched: true }]) {
    answer = json(200, body);
    await assert.rejects(httpSettlementGateway(baseUrl).checkAccountHolder(QUERY));
  }
});

test('a gateway that fails or does not answer is UpstreamUnavailable', async () => {
  answer = json(503, { error: 'maintenance' });
  await assert.rejects(httpSettlementGateway(baseUrl).checkAccountHolder(QUERY), UpstreamUnavailable);
  await assert.rejects(httpSettlementGateway('http://127.0.0.1:9').checkAccountHolder(QUERY), UpstreamUnavailable);
});

const PAYOUT = { reference: 'S20261207SANDBOX0000001A', bankName: '江苏银行南京分行', accountNumber: '3201001234567890', holderName: '南京幸福里生鲜超市有限公司', amountFen: 12_870 };

test('a payout: POST /v1/payouts with the bearer token and the payout as JSON; paid or refused as the gateway says', async () => {
  answer = json(200, { ok: true, gatewayReference: 'CNAPS2026120700001' });
  assert.deepEqual(await httpSettlementGateway(baseUrl).payout(PAYOUT), { ok: true, gatewayReference: 'CNAPS2026120700001' });
  answer = json(200, { ok: false, code: 'ACCOUNT_FROZEN', message: '收款账户已冻结' });
  assert.deepEqual(await httpSettlementGateway(baseUrl).payout(PAYOUT), { ok: false, code: 'ACCOUNT_FROZEN', message: '收款账户已冻结' });
  assert.deepEqual([received[0]!.method, received[0]!.url, received[0]!.headers.authorization], ['POST', '/v1/payouts', `Bearer ${TOKEN}`]);
  assert.deepEqual(received[0]!.body, PAYOUT);
  // Neither an answer without a verdict nor one with an empty reference is taken as paid.
  for (const body of [{ ok: 'yes' }, { ok: true }, { ok: true, gatewayReference: '' }, {}]) {
    answer = json(200, body);
    await assert.rejects(httpSettlementGateway(baseUrl).payout(PAYOUT));
  }
  answer = json(502, {});
  await assert.rejects(httpSettlementGateway(baseUrl).payout(PAYOUT), UpstreamUnavailable);
});

test('a payout’s status: GET /v1/payouts/{reference}, each state as the gateway gives it', async () => {
  const states = [{ state: 'PAID', gatewayReference: 'CNAPS2026120700001' }, { state: 'REFUSED', code: 'ACCOUNT_CLOSED', message: '收款账户已销户' }, { state: 'UNKNOWN' }];
  for (const state of states) {
    answer = json(200, state);
    assert.deepEqual(await httpSettlementGateway(baseUrl).payoutStatus({ reference: PAYOUT.reference }), state);
  }
  assert.deepEqual([received[0]!.method, received[0]!.url], ['GET', `/v1/payouts/${PAYOUT.reference}`]);
  answer = json(200, { state: 'DONE' });
  await assert.rejects(httpSettlementGateway(baseUrl).payoutStatus({ reference: PAYOUT.reference }));
});
