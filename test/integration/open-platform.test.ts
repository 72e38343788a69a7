// The open platform's signed API on DynamoDB Local: a request signed by the partner simulator's
// client is served and its answer verifies with the platform key; each tampering — a byte of the
// body, the path, the query, the method, a stale or future timestamp, a reused nonce, an unknown
// serial or partner, another partner's key, a malformed header — is refused with its code and
// nothing is written; a suspended partner, a missing scope and the rate limit are refused; and
// partners × merchants: another partner's merchant answers 404 and never appears in a list.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as merchants } from '../../functions/http/open-merchants.js';
import { call, useBank } from '../support/bank.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { fundReserve, merchantProposal, openCall, registerPartner, signedByBank, type TestPartner } from '../support/partners.js';

useBank();

const proposal = merchantProposal;

const propose = (who: TestPartner, outMerchantNo: string, extra: Partial<Parameters<typeof openCall>[2]> = {}) =>
  openCall(merchants, who.credentials, { method: 'POST', path: '/v1/open/merchants', body: proposal(outMerchantNo), idempotencyKey: `proposal-${outMerchantNo}`, ...extra });

/** The table without the items every accepted request writes (its spent nonce, its minute's count). */
const tableWithoutRequestBookkeeping = async () => JSON.stringify((await scanTable()).filter((item) => !String(item.PK).startsWith('OPENNONCE#') && !String(item.PK).startsWith('OPENRATE#')));

describe('the open platform: signed requests', () => {
  let grocery: TestPartner;
  let clinic: TestPartner;
  let groceryMerchantId: string;

  before(async () => {
    [grocery, clinic] = await Promise.all([registerPartner(), registerPartner()]);
    groceryMerchantId = expectOk(await propose(grocery, 'G-001')).merchantId;
  });

  test('a signed proposal is recorded, waiting for the bank, and the answer is signed by the platform key', async () => {
    const answer = await propose(grocery, 'G-002');
    const merchant = expectOk(answer);
    assert.match(merchant.merchantId, /^M[0-9A-Z]{15}$/);
    assert.equal(merchant.status, 'PENDING_REVIEW');
    assert.equal(merchant.statusLabel, '待银行审核');
    assert.deepEqual(merchant.settlementAccount, { bankName: '江苏银行南京分行', accountNumberMasked: '****7890', holderName: '南京幸福里生鲜超市有限公司' });
    assert.equal('partnerId' in merchant, false);
    assert.equal(signedByBank(answer), true);
    // One changed byte of the answer and it no longer verifies.
    assert.equal(signedByBank({ ...answer, rawBody: answer.rawBody!.replace('PENDING_REVIEW', 'ACTIVE_REVIEWX') }), false);
    // The settlement account's number is stored sealed, never in the clear.
    assert.equal(JSON.stringify(await scanTable()).includes('3201001234567890'), false);
  });

  test('errors are signed too, and say nothing of the infrastructure', async () => {
    const answer = await openCall(merchants, grocery.credentials, { method: 'GET', path: '/v1/open/merchants/M000000000000000' });
    expectError(answer, 404, 'MERCHANT_NOT_FOUND');
    assert.equal(signedByBank(answer), true);
  });

  describe('each tampering is refused with its code, and nothing is written', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, () => Promise<Awaited<ReturnType<typeof openCall>>>, number, string][] = [
      ['a byte of the body changed after signing', () => propose(grocery, 'T-1', { signedBody: JSON.stringify(proposal('T-2')) }), 401, 'SIGNATURE_INVALID'],
      ['the path changed after signing', () => openCall(merchants, grocery.credentials, { method: 'GET', path: `/v1/open/merchants/${groceryMerchantId}`, signedPathWithQuery: '/v1/open/merchants' }), 401, 'SIGNATURE_INVALID'],
      ['the query changed after signing', () => openCall(merchants, grocery.credentials, { method: 'GET', path: '/v1/open/merchants', query: { after: groceryMerchantId }, signedPathWithQuery: '/v1/open/merchants' }), 401, 'SIGNATURE_INVALID'],
      ['signed for a GET, sent as a POST', () => propose(grocery, 'T-3', { signedMethod: 'GET' }), 401, 'SIGNATURE_INVALID'],
      ['a timestamp six minutes old', () => propose(grocery, 'T-4', { timestampSeconds: now() - 360 }), 401, 'TIMESTAMP_EXPIRED'],
      ['a timestamp six minutes ahead', () => propose(grocery, 'T-5', { timestampSeconds: now() + 360 }), 401, 'TIMESTAMP_EXPIRED'],
      ['an unknown key serial', () => propose({ ...grocery, credentials: { ...grocery.credentials, serialNo: 'DEADBEEF00000000' } }, 'T-6'), 401, 'KEY_UNKNOWN'],
      ['an unknown partner', () => propose({ ...grocery, credentials: { ...grocery.credentials, partnerId: 'PNOBODY1' } }, 'T-7'), 401, 'KEY_UNKNOWN'],
      ['signed with another partner’s key under this partner’s serial', () => propose({ ...grocery, credentials: { ...grocery.credentials, privateKeyPem: clinic.credentials.privateKeyPem } }, 'T-8'), 401, 'SIGNATURE_INVALID'],
      ['no Authorization header', () => propose(grocery, 'T-9', { authorization: '' }), 401, 'AUTHORIZATION_MALFORMED'],
      ['a bearer token instead of a signature', () => propose(grocery, 'T-10', { authorization: `Bearer ${'x'.repeat(40)}` }), 401, 'AUTHORIZATION_MALFORMED'],
      ['a field given twice', () => propose(grocery, 'T-11', { authorization: 'JINLIN-SHA256-RSA2048 partner_id="PSANDBOX",partner_id="PSANDBOX"' }), 401, 'AUTHORIZATION_MALFORMED'],
    ];
    for (const [what, send, status, code] of cases) {
      test(what, async () => {
        // Not even a nonce is spent, nor a request counted.
        const before = JSON.stringify(await scanTable());
        const answer = await send();
        expectError(answer, status, code);
        assert.equal(signedByBank(answer), true);
        assert.equal(JSON.stringify(await scanTable()), before);
      });
    }

    test('a nonce used once is refused the second time, even for another request', async () => {
      const nonce = 'N0NCEUSEDONCE0000000000000000001';
      expectOk(await openCall(merchants, grocery.credentials, { method: 'GET', path: '/v1/open/merchants', nonce }));
      const before = JSON.stringify(await scanTable());
      expectError(await propose(grocery, 'T-12', { nonce }), 401, 'NONCE_REUSED');
      assert.equal(JSON.stringify(await scanTable()), before);
    });
  });

  test('a suspended partner is refused after its signature checks out (403)', async () => {
    const suspended = await registerPartner({ status: 'SUSPENDED' });
    expectError(await propose(suspended, 'S-1'), 403, 'PARTNER_SUSPENDED');
  });

  test('a partner without the merchants scope is refused (403)', async () => {
    const payer = await registerPartner({ scopes: ['payments'] });
    expectError(await openCall(merchants, payer.credentials, { method: 'GET', path: '/v1/open/merchants' }), 403, 'SCOPE_NOT_GRANTED');
  });

  test('the rate limit: the minute’s requests beyond it are refused with 429 and do nothing', async () => {
    const small = await registerPartner({ rateLimitPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await openCall(merchants, small.credentials, { method: 'GET', path: '/v1/open/merchants' }));
    // Three fit in a minute. Seven requests span at most two minutes, so at least one is refused
    // even when the minute turns over among them; and the first three always fit.
    const refused = answers.filter((answer) => answer.status !== 200);
    for (const answer of refused) expectError(answer, 429, 'RATE_LIMITED');
    assert.ok(refused.length >= 1, answers.map((answer) => answer.status).join(','));
    assert.equal(answers.slice(0, 3).every((answer) => answer.status === 200), true);
  });

  test('a partner reads what it may still do: requests left this minute, merchants, its reserve', async () => {
    const partner = await registerPartner({ rateLimitPerMinute: 50 });
    await fundReserve(partner, 12_345);
    expectOk(await openCall(merchants, partner.credentials, { method: 'POST', path: '/v1/open/merchants', body: merchantProposal('Q-1'), idempotencyKey: 'quota-merchant' }));
    const quota = expectOk(await openCall(merchants, partner.credentials, { method: 'GET', path: '/v1/open/quota' }));
    // The proposal and this very request are counted (both in this minute, or only this one when
    // the minute turned between them).
    assert.ok([48, 49].includes(quota.requestsPerMinute.remaining), JSON.stringify(quota));
    assert.equal(quota.requestsPerMinute.limit, 50);
    assert.deepEqual(quota.merchants, { limit: 10_000, remaining: 9_999 });
    assert.equal(quota.reserveBalanceFen, 12_345);
  });
});

describe('the open platform: partners × merchants', () => {
  let a: TestPartner;
  let b: TestPartner;
  let aIds: string[];
  let bIds: string[];

  before(async () => {
    [a, b] = await Promise.all([registerPartner(), registerPartner()]);
    aIds = [];
    bIds = [];
    for (const no of ['A-1', 'A-2', 'A-3']) aIds.push(expectOk(await propose(a, no)).merchantId);
    // The same out-merchant number and Idempotency-Key under another partner are that partner's own.
    for (const no of ['A-1', 'B-2']) bIds.push(expectOk(await propose(b, no)).merchantId);
  });

  test('each partner reads its own merchants; another partner’s id answers 404 as an unknown one (0 leaks)', async () => {
    const matrix: string[] = [];
    for (const [who, own, others] of [
      [a, aIds, bIds],
      [b, bIds, aIds],
    ] as const) {
      for (const merchantId of own) {
        const answer = await openCall(merchants, who.credentials, { method: 'GET', path: `/v1/open/merchants/${merchantId}` });
        assert.equal(expectOk(answer).merchantId, merchantId);
      }
      for (const merchantId of others) {
        const answer = await openCall(merchants, who.credentials, { method: 'GET', path: `/v1/open/merchants/${merchantId}` });
        if (answer.status !== 404 || answer.body.error.code !== 'MERCHANT_NOT_FOUND') matrix.push(`${who.partner.partnerId} read ${merchantId}: ${answer.status}`);
      }
      const listed = expectOk(await openCall(merchants, who.credentials, { method: 'GET', path: '/v1/open/merchants' })).merchants.map((merchant: { merchantId: string }) => merchant.merchantId);
      assert.deepEqual([...listed].sort(), [...own].sort());
    }
    assert.deepEqual(matrix, []);
  });

  test('a retried proposal (same Idempotency-Key, same body) answers as the first, writing nothing new', async () => {
    const before = await tableWithoutRequestBookkeeping();
    const again = expectOk(await propose(a, 'A-1'));
    assert.equal(again.merchantId, aIds[0]);
    assert.equal(await tableWithoutRequestBookkeeping(), before);
  });

  test('the same out-merchant number under a new key is refused (409), and a malformed proposal (400) changes nothing', async () => {
    expectError(await propose(a, 'A-2', { idempotencyKey: 'another-key-A-2' }), 409, 'OUT_MERCHANT_NO_TAKEN');
    const before = await tableWithoutRequestBookkeeping();
    const badLicence = await openCall(merchants, a.credentials, { method: 'POST', path: '/v1/open/merchants', body: proposal('A-9', { licenceNo: '91320100MA1W0R2X1Y' }), idempotencyKey: 'bad-licence-1' });
    expectError(badLicence, 400, 'VALIDATION_FAILED');
    assert.equal(signedByBank(badLicence), true);
    const noKey = await openCall(merchants, a.credentials, { method: 'POST', path: '/v1/open/merchants', body: proposal('A-10') });
    expectError(noKey, 400, 'IDEMPOTENCY_KEY_REQUIRED');
    assert.equal(await tableWithoutRequestBookkeeping(), before);
  });

  test('pages: the cursor is the last merchant id, and a bad cursor is refused', async () => {
    const page = expectOk(await openCall(merchants, a.credentials, { method: 'GET', path: '/v1/open/merchants', query: { after: [...aIds].sort()[0]! } }));
    assert.deepEqual(page.merchants.map((merchant: { merchantId: string }) => merchant.merchantId), [...aIds].sort().slice(1));
    expectError(await openCall(merchants, a.credentials, { method: 'GET', path: '/v1/open/merchants', query: { after: 'MERCHANT#x' } }), 400, 'VALIDATION_FAILED');
  });

  test('an unsigned call is refused before anything else', async () => {
    expectError(await call(merchants, { method: 'GET', path: '/v1/open/merchants' }), 401, 'AUTHORIZATION_MALFORMED');
  });
});
