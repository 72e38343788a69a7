// 个人信息与隐私 (issue 17 point 8) through the real handlers on DynamoDB Local: the summary lists
// every category with its purpose, legal basis and retention, values masked; the copy (JSON and
// PDF, PIN-confirmed) holds the customer's own records unmasked and nothing of another
// customer's; a payee's name is corrected only with valid input and only by its owner; the
// optional consents start off, toggle, and keep their history; a request to delete is answered
// with the retention rule; the deletion job removes a closed customer's personal values only once
// the retention period has ended on the bank's (settable) clock, and only for closed accounts,
// leaving every journal and balance as it was.
import assert from 'node:assert/strict';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { after, before, describe, test } from 'node:test';
import { DATA_CATEGORIES, DELETED_VALUE } from '../../functions/domain/data-rights.js';
import { formatYuan } from '../../functions/domain/format.js';
import { maskCardNumber, maskIdNumber, maskName, maskPhone } from '../../functions/domain/masking.js';
import { handler as accountClosure } from '../../functions/http/account-closure.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as complaints } from '../../functions/http/complaints.js';
import { handler as documents } from '../../functions/http/documents.js';
import { handler as privacy } from '../../functions/http/privacy.js';
import { deleteExpiredPersonalData, personalisationAllowed } from '../../functions/services/privacy.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { retentionDueItem } from '../../functions/store/privacy.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, pay, signIn, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { pdfText } from '../support/pdf-text.js';
import { authorize, encryptPin } from '../support/second-factor.js';

useBank();

const COPY = '/v1/me/data-copy';
const OWN_PAYEE = 'Yprivacy-test-001';
const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
const setClock = async (time: Date | null) =>
  expectOk(await call(admin, { method: 'POST', path: '/v1/admin/clock', headers: operator(), body: { time: time === null ? null : time.toISOString() } }));

const summary = async (who: { token: string }) => expectOk(await call(privacy, { method: 'GET', path: '/v1/me/privacy', token: who.token }));
const setConsent = (who: { token: string }, kind: string, granted: boolean) => call(privacy, { method: 'POST', path: '/v1/me/consents', token: who.token, body: { kind, granted } });

async function copy(who: Onboarded, format: 'JSON' | 'PDF', pin = who.pin) {
  const authorization = await authorize(who.token, COPY, { format });
  return call(documents, { method: 'POST', path: COPY, token: who.token, body: { format, secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) } } });
}
const decoded = (answer: { contentBase64: string }) => Buffer.from(answer.contentBase64, 'base64');

const put = (item: Record<string, unknown>) => db().doc.send(new PutCommand({ TableName: db().tableName, Item: item }));
const payee = (who: Onboarded, payeeId: string, nickname: string) => ({
  ...keys.billPayee(who.customerId, payeeId),
  type: 'BILL_PAYEE',
  payeeId,
  customerId: who.customerId,
  nickname,
  billerId: 'nj-power',
  accountNumberMasked: '32******78',
  accountNumberEnc: 'not-read-here',
  autoPay: null,
  lastAutoPay: null,
  createdAt: new Date().toISOString(),
});
const item = async (key: { PK: string; SK: string }) => (await scanTable()).find((row) => row.PK === key.PK && row.SK === key.SK);

describe('个人信息与隐私', () => {
  let a: Onboarded;
  let b: Onboarded;

  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '欧阳修' }), onboard({ name: '苏东坡' })]);
    expectOk(await topUp(a, 88_800));
    expectOk(await transfer(a, b, 1_234));
    expectOk(await withdraw(a, 5_000));
    expectOk(await topUp(b, 77_700));
  });

  test('the summary lists every category with purpose, legal basis and retention, the values masked', async () => {
    const answer = await summary(a);
    assert.deepEqual(answer.categories.map((c: { category: string }) => c.category), [...DATA_CATEGORIES]);
    for (const category of answer.categories) {
      for (const text of [category.title, category.purpose, category.legalBasis, category.retention]) assert.match(text, /[\u4e00-\u9fff]/, category.category);
    }
    const identity = answer.categories.find((c: { category: string }) => c.category === 'IDENTITY');
    assert.deepEqual(identity.values.slice(0, 2).map((v: { value: string }) => v.value), [maskName(a.name), maskIdNumber(a.idNumber)]);
    assert.equal(identity.values[0].correction.how, 'COUNTER', 'the verified name is corrected at the counter, not here');
    const contact = answer.categories.find((c: { category: string }) => c.category === 'CONTACT');
    assert.equal(contact.values[0].value, maskPhone(a.phone));
    const accountValues = answer.categories.find((c: { category: string }) => c.category === 'ACCOUNT').values;
    assert.ok(accountValues.some((v: { value: string }) => v.value.endsWith(maskCardNumber(a.cardNumber))));
    assert.match(answer.categories.find((c: { category: string }) => c.category === 'TRANSACTIONS').retention, /10 年/);
    const raw = JSON.stringify(answer);
    for (const value of [a.name, a.idNumber, a.phone, a.cardNumber]) assert.ok(!raw.includes(value), `the summary holds ${value}`);
    assert.deepEqual(answer.consents.map((c: { kind: string; granted: boolean; changedAt: null }) => [c.kind, c.granted, c.changedAt]), [['MARKETING', false, null], ['PERSONALISATION', false, null]]);
  });

  test('the JSON copy holds the customer\'s own records unmasked, and nothing of another customer\'s', async () => {
    expectError(await copy(a, 'JSON', '000000'), 403, 'PIN_INCORRECT');
    expectError(await call(documents, { method: 'POST', path: COPY, token: a.token, body: { format: 'JSON' } }), 400, 'VALIDATION_FAILED');
    const answer = expectOk(await copy(a, 'JSON'));
    assert.equal(answer.contentType, 'application/json');
    assert.deepEqual(answer.truncated, []);
    const text = decoded(answer).toString('utf8');
    assert.equal(answer.sizeBytes, Buffer.byteLength(text));
    const data = JSON.parse(text);
    assert.equal(data.customer.name, a.name);
    assert.equal(data.customer.idNumber, a.idNumber);
    assert.equal(data.customer.phone, a.phone);
    assert.equal(data.customer.customerId, a.customerId);
    assert.equal(data.account.boundCard.cardNumber, a.cardNumber);
    assert.deepEqual(data.postings.map((p: { amountFen: number }) => p.amountFen), [88_800, -1_234, -5_000]);
    for (const internal of ['pinHash', 'phoneHash', 'nameEnc', 'PK', 'SK']) assert.ok(!(internal in data.customer), internal);
    // The money-laundering rating is the bank's, not told to the customer (no tipping off).
    assert.ok((await item(keys.customer(a.customerId)))?.riskRating, 'rated at onboarding');
    assert.doesNotMatch(text, /riskRating|低风险|中风险|高风险/);
    for (const value of [b.customerId, b.accountId, b.name, b.idNumber, b.phone, b.cardNumber]) assert.ok(!text.includes(value), `A's copy holds B's ${value}`);
    // The same nonce cannot be used twice.
    const authorization = await authorize(a.token, COPY, { format: 'JSON' });
    const body = { format: 'JSON', secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, a.pin) } };
    expectOk(await call(documents, { method: 'POST', path: COPY, token: a.token, body }));
    expectError(await call(documents, { method: 'POST', path: COPY, token: a.token, body }), 409, 'NONCE_USED');
  });

  test('the PDF copy opens and its text holds the person and the figures', async () => {
    const answer = expectOk(await copy(a, 'PDF'));
    assert.equal(answer.contentType, 'application/pdf');
    const { text, title } = await pdfText(decoded(answer));
    assert.equal(title, '近邻银行个人信息副本');
    for (const value of [a.name, a.idNumber, a.phone, a.cardNumber, '888.00', '12.34', '50.00', `${formatYuan(88_800 - 1_234 - 5_000)} 元`, '未同意']) {
      assert.ok(text.includes(value), `the PDF lacks ${value}`);
    }
    assert.ok(!text.includes(b.name) && !text.includes(b.phone));
  });

  test('a payee\'s name is corrected with valid input only, and only by its owner', async () => {
    await put(payee(a, OWN_PAYEE, '家里电费'));
    const rename = (who: Onboarded, nickname: string, payeeId = OWN_PAYEE) => call(privacy, { method: 'POST', path: `/v1/bill-payees/${payeeId}/nickname`, token: who.token, body: { nickname } });
    for (const bad of ['', '一二三四五六七八九十一二三四五六七八九十一', '<script>', '电费😀']) expectError(await rename(a, bad), 400, 'VALIDATION_FAILED');
    assert.equal((await item(keys.billPayee(a.customerId, OWN_PAYEE)))?.nickname, '家里电费');
    expectError(await rename(b, '别人的'), 404, 'PAYEE_NOT_FOUND');
    expectError(await rename(a, '不存在', 'Ynobody-payee-000'), 404, 'PAYEE_NOT_FOUND');
    assert.deepEqual(expectOk(await rename(a, '父母家电费')), { payeeId: OWN_PAYEE, nickname: '父母家电费' });
    assert.equal((await item(keys.billPayee(a.customerId, OWN_PAYEE)))?.nickname, '父母家电费');
    const bills = (await summary(a)).categories.find((c: { category: string }) => c.category === 'BILLS');
    assert.equal(bills.values[0].label, '常用缴费户「父母家电费」');
    assert.equal(bills.values[0].correction.how, 'HERE');
  });

  test('the consents start off, toggle, and keep every change in their history', async () => {
    assert.equal(await personalisationAllowed(a.customerId), false);
    expectError(await setConsent(a, 'EVERYTHING', true), 400, 'VALIDATION_FAILED');
    let answer = expectOk(await setConsent(a, 'PERSONALISATION', true));
    assert.equal(answer.consents.find((c: { kind: string }) => c.kind === 'PERSONALISATION').granted, true);
    assert.equal(await personalisationAllowed(a.customerId), true);
    // Giving what is already given records nothing.
    answer = expectOk(await setConsent(a, 'PERSONALISATION', true));
    assert.equal(answer.history.length, 1);
    expectOk(await setConsent(a, 'MARKETING', true));
    answer = expectOk(await setConsent(a, 'PERSONALISATION', false));
    assert.equal(await personalisationAllowed(a.customerId), false);
    assert.deepEqual(answer.history.map((h: { kind: string; granted: boolean }) => [h.kind, h.granted]), [['PERSONALISATION', false], ['MARKETING', true], ['PERSONALISATION', true]]);
    assert.ok(answer.consents.every((c: { changedAt: string | null }) => c.changedAt !== null));
    // B's are B's own.
    const ofB = expectOk(await call(privacy, { method: 'GET', path: '/v1/me/consents', token: b.token }));
    assert.deepEqual([ofB.history, ofB.consents.map((c: { granted: boolean }) => c.granted)], [[], [false, false]]);
  });

  describe('deletion after the retention period', () => {
    const closedUser = `privacy-closed-${Date.now()}`;
    let closed: Onboarded;
    let open: Onboarded;
    let retainUntil: string;
    let ticketId: string;
    const complaintText = '客服电话一直占线，希望改进。';

    before(async () => {
      [closed, open] = await Promise.all([onboard({ name: '王安石', user: closedUser }), onboard({ name: '曾巩' })]);
      // Journals of the closed customer's that must survive: money in, some sent, the rest out, balance 0.
      expectOk(await topUp(closed, 3_000));
      expectOk(await transfer(closed, open, 1_000));
      expectOk(await withdraw(closed, 2_000));
      // Records beyond the profile: a consent given (and its history), a complaint's text.
      expectOk(await setConsent(closed, 'MARKETING', true));
      ticketId = expectOk(await call(complaints, { method: 'POST', path: '/v1/complaints', token: closed.token, body: { category: 'SERVICE', description: complaintText } })).ticketId;
      expectOk(await pay(closed, accountClosure, '/v1/account/closure', {}));
      retainUntil = (await summary(closed)).closure.retainUntil;
    });
    after(() => setClock(null));

    test('a request to delete is answered with the retention rule, open or closed', async () => {
      const ask = (who: Onboarded) => call(privacy, { method: 'POST', path: '/v1/me/deletion-request', token: who.token, body: {} });
      const early = await ask(open);
      expectError(early, 409, 'DELETION_ACCOUNT_OPEN');
      assert.match(early.body.error.message, /反洗钱法/);
      const retained = await ask(closed);
      expectError(retained, 409, 'DELETION_RETENTION_PERIOD');
      assert.match(retained.body.error.message, new RegExp(`10 年.*${retainUntil.slice(0, 10)}`));
      expectError(await call(privacy, { method: 'POST', path: '/v1/me/deletion-request', token: open.token, body: { customerId: closed.customerId } }), 400, 'VALIDATION_FAILED');
    });

    test('the job deletes personal values only after the retention period, only for closed accounts, and the ledger stays as it was', async () => {
      // An open customer wrongly indexed as due: the job must leave it alone.
      await put(retentionDueItem(open.customerId, '2020-01-01T00:00:00.000Z').Put!.Item!);
      await db().doc.send(
        new UpdateCommand({ TableName: db().tableName, Key: keys.customer(open.customerId), UpdateExpression: 'SET accountClosure = :c', ExpressionAttributeValues: { ':c': { closedAt: '2010-01-01T00:00:00.000Z', retainUntil: '2020-01-01T00:00:00.000Z' } } }),
      );
      const money = async () =>
        JSON.stringify((await scanTable()).filter((row) => ['JOURNAL', 'POSTING'].includes(String(row.type)) || row.SK === 'BALANCE').map((row) => [row.PK, row.SK, row.amountFen ?? row.balanceFen ?? row.postings]));
      const ledgerBefore = await money();
      const recordsBefore = (await scanTable()).filter((row) => row.PK === `CUST#${closed.customerId}`).map((row) => String(row.SK));

      // Today: the retention has 10 years to run.
      assert.deepEqual(await deleteExpiredPersonalData(new Date()), { due: 1, deleted: 0, skipped: 1, failed: 0 });
      assert.equal((await item(keys.customer(closed.customerId)))?.nameEnc !== undefined, true);
      assert.equal((await item(keys.customer(closed.customerId)))?.birthYear, 1990);
      assert.equal((await item(keys.customer(closed.customerId)))?.riskRating?.rating, 'LOW');

      // The bank's clock a day past the end of the retention period.
      await setClock(new Date(Date.parse(retainUntil) + 86_400_000));
      const report = await deleteExpiredPersonalData(new Date());
      assert.deepEqual(report, { due: 2, deleted: 1, skipped: 1, failed: 0 });

      const gone = await item(keys.customer(closed.customerId));
      for (const field of ['nameEnc', 'idNumberEnc', 'birthYear', 'riskRating', 'phoneEnc', 'phoneHash', 'pinHash']) assert.equal(gone?.[field], undefined, field);
      assert.deepEqual([gone?.nameMasked, gone?.idNumberMasked, gone?.phoneMasked, gone?.openid], [DELETED_VALUE, DELETED_VALUE, DELETED_VALUE, DELETED_VALUE]);
      const closedAccount = await item(keys.balance(closed.accountId));
      assert.deepEqual([closedAccount?.status, closedAccount?.balanceFen, closedAccount?.boundCard.cardNumberEnc, closedAccount?.accountNumberEnc], ['CLOSED', 0, DELETED_VALUE, DELETED_VALUE]);
      const rows = JSON.stringify(await scanTable());
      for (const value of [closed.name, closed.phone, closed.idNumber, closed.cardNumber, complaintText]) assert.ok(!rows.includes(value), `the table still holds ${value}`);
      // The customer's other records: sign-ins, devices, consents, messages, events… gone; the
      // complaint kept as a service record without its text.
      const left = (await scanTable()).filter((row) => row.PK === `CUST#${closed.customerId}`).map((row) => String(row.SK));
      const erased = ['SESSION#', 'DEVICE#', 'CONSENT#', 'WEALTHRISK', 'LOANAPP#', 'MSG', 'EVENT#', 'FUNNEL#', 'PINRESET', 'PAYEE#', 'TRANSFERMAX'];
      assert.ok(recordsBefore.some((sk) => sk.startsWith('PAYEE#')) && recordsBefore.includes('TRANSFERMAX'), 'the anti-fraud memory existed before');
      assert.deepEqual(left.filter((sk) => erased.some((prefix) => sk.startsWith(prefix))), []);
      assert.ok(left.includes('PROFILE'));
      assert.equal((await item(keys.complaint(ticketId)))?.description, DELETED_VALUE);
      assert.equal((await item(keys.complaint(ticketId)))?.answer, undefined, 'an unanswered ticket was given an answer');
      assert.ok(!(await scanTable()).some((row) => row.customerId === closed.customerId && ['PHONE', 'IDNO', 'NAMEIDX', 'OPENID'].includes(String(row.type))), 'a lookup still points at the deleted customer');
      // The open customer: untouched.
      const kept = await item(keys.customer(open.customerId));
      assert.ok(kept?.nameEnc && kept.phoneHash && kept.pinHash);
      assert.equal(await money(), ledgerBefore, 'a journal, posting or balance changed');
      await assertLedgerSound();
      // Signing in with the same WeChat identity now starts afresh.
      const again = await signIn(closedUser);
      assert.notEqual(again.customerId, closed.customerId);
      // A second run finds nothing more to do for the deleted customer.
      assert.equal((await deleteExpiredPersonalData(new Date())).deleted, 0);
    });
  });
});
