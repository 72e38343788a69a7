// 开放平台 in the console, through its functions as API Gateway calls them: a partner registered by a
// product manager and approved by a risk officer — it can sign requests only once approved, and a
// key removed by a later change stops verifying; merchants the partner proposed, reviewed by one
// operator and decided only when a second approves — an approval refused when the settlement
// gateway says the account is not the merchant's, the partner reading the decision through the
// open API; a deposit to a partner's reserve, booked only once a second operator approves; nobody
// approves their own change, and a role without the permission is refused.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consolePartners } from '../../functions/http/console-partners.js';
import { handler as openMerchants } from '../../functions/http/open-merchants.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { expectError, expectOk } from '../support/expect.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { newKeyPair, openCall } from '../support/partners.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

type Who = { token: string };
let pm: Who;
let risk: Who;
let risk2: Who;
let service: Who;

async function operator(roles: Parameters<typeof newOperator>[0], name: string): Promise<Who> {
  return { token: (await signInOperator(await newOperator(roles, name))).accessToken };
}

const as = (who: Who, handler: typeof consoleChanges, options: Omit<CallOptions, 'token'>) => call(handler, { ...options, token: who.token });
const approve = (who: Who, changeId: string) => as(who, consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/approve`, body: {} });
const submitPartner = (who: Who, partner: object) => as(who, consolePartners, { method: 'POST', path: '/v1/console/partners/changes', body: { partner } });
const submitReview = (who: Who, review: object) => as(who, consolePartners, { method: 'POST', path: '/v1/console/merchant-reviews/changes', body: review });

const LICENCE = '91320100MA1W0R2X1P';
const proposal = (outMerchantNo: string, accountNumber: string) => ({
  outMerchantNo,
  name: '南京幸福里生鲜超市有限公司',
  shortName: '邻里鲜·幸福里店',
  licenceNo: LICENCE,
  category: 'GROCERY',
  community: { name: '幸福里社区', cityCode: '320102' },
  settlementAccount: { bankName: '江苏银行南京分行', accountNumber, holderName: '南京幸福里生鲜超市有限公司' },
});

describe('console: open-platform partners and merchant reviews', () => {
  const firstKey = newKeyPair();
  const secondKey = newKeyPair();
  const pem = (pair: ReturnType<typeof newKeyPair>) => pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const privatePem = (pair: ReturnType<typeof newKeyPair>) => pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const draft = {
    name: '幸福里物业服务中心',
    status: 'ACTIVE',
    scopes: ['merchants', 'payments'],
    keys: [{ serialNo: 'A1B2C3D4E5F60001', publicKeyPem: pem(firstKey) }],
    webhookUrls: ['https://partner.example.com/jinlin/webhooks'],
    feeRateBps: 30,
    rateLimitPerMinute: 600,
  };
  let partnerId: string;
  const credentials = (pair: ReturnType<typeof newKeyPair>, serialNo: string) => ({ partnerId, serialNo, privateKeyPem: privatePem(pair) });
  const listMerchants = (pair: ReturnType<typeof newKeyPair>, serialNo: string) => openCall(openMerchants, credentials(pair, serialNo), { method: 'GET', path: '/v1/open/merchants' });

  before(async () => {
    [pm, risk, risk2, service] = await Promise.all([
      operator(['PRODUCT_MANAGER'], '李娜'),
      operator(['RISK_OFFICER'], '王磊'),
      operator(['RISK_OFFICER'], '刘洋'),
      operator(['CUSTOMER_SERVICE'], '陈静'),
    ]);
  });

  test('a new partner is a change: the bank gives its id, and it signs nothing until a risk officer approves', async () => {
    const change = expectOk(await submitPartner(pm, draft));
    assert.equal(change.kind, 'PARTNER');
    assert.equal(change.status, 'PENDING');
    assert.equal(change.before, null);
    partnerId = change.after.partnerId;
    assert.match(partnerId, /^P[0-9A-Z]{7}$/);
    assert.match(change.after.keys[0].addedAt, /^\d{4}-\d{2}-\d{2}T/);
    expectError(await listMerchants(firstKey, 'A1B2C3D4E5F60001'), 401, 'KEY_UNKNOWN');
    // Never by its maker.
    expectError(await approve(pm, change.changeId), 403, 'SAME_OPERATOR');
    assert.equal(expectOk(await approve(risk, change.changeId)).status, 'EFFECTIVE');
    expectOk(await listMerchants(firstKey, 'A1B2C3D4E5F60001'));
    const listed = expectOk(await as(risk, consolePartners, { method: 'GET', path: '/v1/console/partners' }));
    const row = listed.partners.find((partner: { partnerId: string }) => partner.partnerId === partnerId);
    assert.deepEqual(row.keySerials, ['A1B2C3D4E5F60001']);
    assert.equal(listed.scopeLabels.merchants, '商户进件');
  });

  test('a deposit to the partner’s reserve is recorded by one operator and booked only once a second approves', async () => {
    const deposit = (who: Who, body: object) => as(who, consolePartners, { method: 'POST', path: `/v1/console/partners/${partnerId}/reserve-deposits`, body });
    const reserveOf = async () => expectOk(await as(risk, consolePartners, { method: 'GET', path: `/v1/console/partners/${partnerId}` })).reserve;
    assert.deepEqual(await reserveOf(), { reserveBalanceFen: 0 });
    expectError(await deposit(pm, { amountFen: 0, bankReference: 'CNAPS-20261207-0001' }), 400, 'VALIDATION_FAILED');
    expectError(await deposit(pm, { amountFen: 5_000_000, bankReference: '流水' }), 400, 'VALIDATION_FAILED');
    // Only a maker of partners may record one.
    expectError(await deposit(service, { amountFen: 5_000_000, bankReference: 'CNAPS-20261207-0001' }), 403, 'FORBIDDEN');
    const change = expectOk(await deposit(pm, { amountFen: 5_000_000, bankReference: 'CNAPS-20261207-0001' }));
    assert.equal(change.kind, 'PARTNER_RESERVE');
    assert.deepEqual(change.before, { reserveBalanceFen: 0 });
    assert.equal(change.after.reserveBalanceFen, 5_000_000);
    assert.equal((await reserveOf()).pendingChangeId, change.changeId);
    expectError(await deposit(pm, { amountFen: 100, bankReference: 'CNAPS-20261207-0002' }), 409, 'CHANGE_PENDING');
    expectError(await approve(pm, change.changeId), 403, 'SAME_OPERATOR');
    assert.equal((await reserveOf()).reserveBalanceFen, 0);
    assert.equal(expectOk(await approve(risk, change.changeId)).status, 'EFFECTIVE');
    assert.deepEqual(await reserveOf(), { reserveBalanceFen: 5_000_000 });
    const journals = (await scanTable()).filter((item) => item.type === 'JOURNAL' && item.kind === 'RESERVE_DEPOSIT' && item.postings.some((p: { counterparty: string }) => p.counterparty === 'CNAPS-20261207-0001'));
    assert.equal(journals.length, 1);
  });

  test('rotation: the new key is added beside the old, then the old removed — it stops verifying, the new one keeps working', async () => {
    const current = expectOk(await as(pm, consolePartners, { method: 'GET', path: `/v1/console/partners/${partnerId}` })).current;
    const { partnerId: _id, keys, ...terms } = current;
    const both = { ...terms, partnerId, keys: [...keys.map(({ serialNo, publicKeyPem }: { serialNo: string; publicKeyPem: string }) => ({ serialNo, publicKeyPem })), { serialNo: 'A1B2C3D4E5F60002', publicKeyPem: pem(secondKey) }] };
    const adding = expectOk(await submitPartner(pm, both));
    // The key already held keeps the time it was added.
    assert.equal(adding.after.keys[0].addedAt, keys[0].addedAt);
    expectOk(await approve(risk2, adding.changeId));
    expectOk(await listMerchants(firstKey, 'A1B2C3D4E5F60001'));
    expectOk(await listMerchants(secondKey, 'A1B2C3D4E5F60002'));
    const removing = expectOk(await submitPartner(pm, { ...both, keys: [both.keys[1]] }));
    expectOk(await approve(risk, removing.changeId));
    expectError(await listMerchants(firstKey, 'A1B2C3D4E5F60001'), 401, 'KEY_UNKNOWN');
    expectOk(await listMerchants(secondKey, 'A1B2C3D4E5F60002'));
  });

  test('a partner draft is checked: a key that is no RSA key, a fee above 1 %, an unknown partner id', async () => {
    expectError(await submitPartner(pm, { ...draft, keys: [{ serialNo: 'A1B2C3D4E5F60003', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }] }), 400, 'VALIDATION_FAILED');
    expectError(await submitPartner(pm, { ...draft, feeRateBps: 150 }), 400, 'VALIDATION_FAILED');
    expectError(await submitPartner(pm, { ...draft, partnerId: 'PZZZZZZZ' }), 404, 'PARTNER_NOT_FOUND');
    // Webhook URLs never reach the bank's inside; the local stage (these tests') allows loopback http for the simulator.
    for (const url of ['http://partner.example.com/hooks', 'https://10.0.0.5/hooks', 'https://169.254.169.254/latest/meta-data', 'https://jinlin.internal/hooks', 'https://user:pass@partner.example.com/hooks']) {
      expectError(await submitPartner(pm, { ...draft, webhookUrls: [url] }), 400, 'WEBHOOK_URL_REFUSED');
    }
    const loopback = expectOk(await submitPartner(pm, { ...draft, name: '本地模拟合作方', webhookUrls: ['http://127.0.0.1:4010/webhooks'] }));
    assert.deepEqual(loopback.after.webhookUrls, ['http://127.0.0.1:4010/webhooks']);
    expectError(await submitPartner(service, draft), 403, 'FORBIDDEN');
  });

  describe('merchant reviews', () => {
    const propose = (outMerchantNo: string, accountNumber: string) =>
      openCall(openMerchants, credentials(secondKey, 'A1B2C3D4E5F60002'), { method: 'POST', path: '/v1/open/merchants', body: proposal(outMerchantNo, accountNumber), idempotencyKey: `propose-${outMerchantNo}` });
    const readAsPartner = (merchantId: string) => openCall(openMerchants, credentials(secondKey, 'A1B2C3D4E5F60002'), { method: 'GET', path: `/v1/open/merchants/${merchantId}` });

    test('a proposal whose settlement account is in another name is refused at once', async () => {
      const answer = await openCall(openMerchants, credentials(secondKey, 'A1B2C3D4E5F60002'), {
        method: 'POST',
        path: '/v1/open/merchants',
        body: { ...proposal('H-1', '3201001234567890'), settlementAccount: { bankName: '江苏银行', accountNumber: '3201001234567890', holderName: '张三' } },
        idempotencyKey: 'propose-holder-1',
      });
      expectError(answer, 422, 'SETTLEMENT_HOLDER_NOT_MERCHANT');
    });

    test('queued, approved by a second operator, then ACTIVE for the partner and out of the queue', async () => {
      const merchantId = expectOk(await propose('R-1', '3201001234567890')).merchantId;
      const queue = expectOk(await as(risk, consolePartners, { method: 'GET', path: '/v1/console/merchant-reviews' }));
      const queued = queue.merchants.find((merchant: { merchantId: string }) => merchant.merchantId === merchantId);
      assert.equal(queued.partnerName, '幸福里物业服务中心');
      assert.equal(queued.settlementAccount.accountNumberMasked, '****7890');
      assert.equal(queued.categoryLabel, '生鲜超市');
      const review = expectOk(await submitReview(pm, { partnerId, merchantId, decision: 'APPROVE', reviewNote: '证照齐全，结算账户户名一致' }));
      assert.equal(review.kind, 'MERCHANT_REVIEW');
      assert.equal(review.after.holderCheck, 'MATCH');
      assert.deepEqual([review.before.status, review.after.status], ['PENDING_REVIEW', 'ACTIVE']);
      assert.equal(expectOk(await readAsPartner(merchantId)).status, 'PENDING_REVIEW');
      expectError(await submitReview(pm, { partnerId, merchantId, decision: 'REJECT', reviewNote: '再议' }), 409, 'CHANGE_PENDING');
      assert.equal(expectOk(await approve(risk, review.changeId)).status, 'EFFECTIVE');
      const decided = expectOk(await readAsPartner(merchantId));
      assert.equal(decided.status, 'ACTIVE');
      assert.equal(decided.statusLabel, '可收款');
      const after = expectOk(await as(risk, consolePartners, { method: 'GET', path: '/v1/console/merchant-reviews' }));
      assert.equal(after.merchants.some((merchant: { merchantId: string }) => merchant.merchantId === merchantId), false);
      expectError(await submitReview(pm, { partnerId, merchantId, decision: 'REJECT', reviewNote: '重复审核' }), 409, 'MERCHANT_NOT_PENDING');
    });

    test('an approval is refused when the gateway says the account is another’s or does not exist; a rejection goes through with its note', async () => {
      const mismatched = expectOk(await propose('R-2', '3201001234569999')).merchantId;
      const missing = expectOk(await propose('R-3', '3201001234560000')).merchantId;
      const before = JSON.stringify(await scanTable());
      expectError(await submitReview(pm, { partnerId, merchantId: mismatched, decision: 'APPROVE', reviewNote: '同意' }), 422, 'SETTLEMENT_HOLDER_MISMATCH');
      expectError(await submitReview(pm, { partnerId, merchantId: missing, decision: 'APPROVE', reviewNote: '同意' }), 422, 'SETTLEMENT_HOLDER_MISMATCH');
      assert.equal(JSON.stringify(await scanTable()), before);
      const rejection = expectOk(await submitReview(pm, { partnerId, merchantId: mismatched, decision: 'REJECT', reviewNote: '结算账户户名与营业执照名称不一致' }));
      assert.deepEqual([rejection.after.holderCheck, rejection.after.status], ['MISMATCH', 'REJECTED']);
      expectOk(await approve(risk2, rejection.changeId));
      const decided = expectOk(await readAsPartner(mismatched));
      assert.equal(decided.status, 'REJECTED');
      assert.equal(decided.reviewNote, '结算账户户名与营业执照名称不一致');
    });

    test('another partner’s merchant, or none, answers 404 in the console as on the API; customer service cannot read the queue', async () => {
      expectError(await as(risk, consolePartners, { method: 'GET', path: `/v1/console/partners/PSANDBOX/merchants/M000000000000000` }), 404, 'MERCHANT_NOT_FOUND');
      expectError(await submitReview(pm, { partnerId, merchantId: 'M000000000000000', decision: 'REJECT', reviewNote: '不存在' }), 404, 'MERCHANT_NOT_FOUND');
      expectError(await as(service, consolePartners, { method: 'GET', path: '/v1/console/merchant-reviews' }), 403, 'FORBIDDEN');
    });
  });
});
