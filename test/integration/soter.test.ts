// SOTER (指纹/面容支付, issue 14 point 4) through the real handlers on DynamoDB Local, WeChat
// simulated: enrolled with the PIN, then a money request paid with a resultJSON signed for the
// nonce's challenge by the customer's (simulated) phone — verified through the WeChat adapter's
// verify_signature, the nonce used up by the transaction that moves the money. Refusals spend no
// PIN attempt; a bounded number of them revokes the enrolment, and the PIN always still pays.
//
// The H5 build has no SOTER (miniprogram/src/lib/soter.ts reports it unsupported there), so there
// is nothing H5-specific to test on the server: an H5 customer simply never sends the SOTER variant.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { SOTER_MAX_FAILED_CHECKS } from '../../functions/domain/soter.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as bills } from '../../functions/http/bills.js';
import { handler as customer } from '../../functions/http/customer.js';
import { db } from '../../functions/store/client.js';
import { seedBills } from '../../scripts/lib/seed-bills.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, type Item, scanTable } from '../support/ledger-check.js';
import { authorize, encryptPin } from '../support/second-factor.js';
import { enrolSoter, revokeSoter, SOTER_PATH, soterFactor, soterResult } from '../support/soter.js';

useBank();

const TRANSFER = '/v1/account/transfer';
const TOP_UP = '/v1/account/top-up';
const WRONG_PIN = '111222';

let payer: Onboarded;
let payee: Onboarded;
let ready: Promise<void> | undefined;
/** A payer enrolled with money, and a payee who never enrolled; onboarded once for the file. */
const customers = () =>
  (ready ??= (async () => {
    [payer, payee] = await Promise.all([onboard({ name: '冯一' }), onboard({ name: '陈二' }), seedBills(new Date())]);
    expectOk(await topUp(payer, 100_000));
    expectOk(await enrolSoter(payer));
  })());

/** A customer of their own, enrolled and with money, for tests that spend failed checks. */
async function enrolledCustomer(name: string): Promise<Onboarded> {
  const who = await onboard({ name });
  expectOk(await topUp(who, 50_000));
  expectOk(await enrolSoter(who));
  return who;
}

const send = (who: Onboarded, path: string, body: Record<string, unknown>, key = randomUUID(), handler = account) =>
  call(handler, { method: 'POST', path, token: who.token, idempotencyKey: key, body });
/** `body` paid by the customer's own fingerprint, for a nonce asked for exactly it. */
const payBySoter = async (who: Onboarded, path: string, body: Record<string, unknown>, key = randomUUID(), handler = account) =>
  send(who, path, { ...body, secondFactor: await soterFactor(who.token, path, body) }, key, handler);

const journals = async () => (await scanTable()).filter((item) => item.type === 'JOURNAL').length;
const profileOf = async (who: Onboarded): Promise<Item> => (await scanTable()).find((item) => item.PK === `CUST#${who.customerId}` && item.SK === 'PROFILE')!;
const me = async (who: Onboarded) => expectOk(await call(customer, { method: 'GET', path: '/v1/me', token: who.token }));

describe('enrolling with the PIN', () => {
  before(customers);

  test('off at first; the PIN, with a nonce asked for the enrolment, turns it on; /v1/me shows how and since when', async () => {
    const who = await onboard({ name: '褚三' });
    assert.equal((await me(who)).soterEnrolled, null);
    const enrolled = expectOk(await enrolSoter(who, { authMode: 'facial' }));
    assert.equal(enrolled.soterEnrolled.authMode, 'facial');
    assert.ok(Math.abs(Date.parse(enrolled.soterEnrolled.enrolledAt) - Date.now()) < 60_000);
    assert.deepEqual((await me(who)).soterEnrolled, enrolled.soterEnrolled);
    const stored = (await profileOf(who)).soterEnrolment;
    assert.equal(stored.failedChecks, 0);
    assert.deepEqual(Object.keys(stored).sort(), ['authMode', 'enrolledAt', 'enrolmentId', 'failedChecks']);
  });

  test('a wrong PIN enrols nothing and counts; the enrolment nonce pays for one enrolment only', async () => {
    const who = await onboard({ name: '卫四' });
    expectError(await enrolSoter(who, { pin: WRONG_PIN }), 403, 'PIN_INCORRECT');
    assert.equal((await me(who)).soterEnrolled, null);
    assert.equal((await profileOf(who)).pinFailedAttempts, 1);

    const authorization = await authorize(who.token, SOTER_PATH, { authMode: 'fingerPrint' });
    const body = { authMode: 'fingerPrint', secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, who.pin) } };
    expectOk(await call(customer, { method: 'POST', path: SOTER_PATH, token: who.token, body }));
    assert.equal((await profileOf(who)).pinFailedAttempts, 0, 'the right PIN clears the count, as on a payment');
    expectError(await call(customer, { method: 'POST', path: SOTER_PATH, token: who.token, body }), 409, 'NONCE_USED');
    // A nonce asked for one auth mode enrols no other.
    expectError(await call(customer, { method: 'POST', path: SOTER_PATH, token: who.token, body: { ...body, authMode: 'facial' } }), 403, 'NONCE_MISMATCH');
  });

  test('a fingerprint cannot enrol the fingerprint: the PIN variant only (400)', async () => {
    const soter = await soterFactor(payee.token, SOTER_PATH, { authMode: 'fingerPrint' });
    expectError(await call(customer, { method: 'POST', path: SOTER_PATH, token: payee.token, body: { authMode: 'fingerPrint', secondFactor: soter } }), 400, 'VALIDATION_FAILED');
    assert.equal((await me(payee)).soterEnrolled, null);
  });
});

describe('paying by fingerprint', () => {
  before(customers);

  test('a transfer confirmed by SOTER moves the money once, uses the nonce up and leaves the PIN count alone', async () => {
    expectError(await pay(payer, account, TOP_UP, { amountFen: 100 }, { pin: WRONG_PIN }), 403, 'PIN_INCORRECT');
    const [fromBefore, toBefore, journalsBefore] = [await balanceFen(payer), await balanceFen(payee), await journals()];

    const body = { toPhone: payee.phone, amountFen: 1_234, memo: '指纹付' };
    const secondFactor = await soterFactor(payer.token, TRANSFER, body);
    const key = randomUUID();
    const paid = expectOk(await send(payer, TRANSFER, { ...body, secondFactor }, key));
    assert.equal(paid.balanceFen, fromBefore - 1_234);
    assert.equal(await balanceFen(payee), toBefore + 1_234);
    assert.equal(await journals(), journalsBefore + 1);
    const items = await scanTable();
    const nonceId = JSON.parse(Buffer.from(secondFactor.nonce.split('.')[1]!, 'base64url').toString('utf8')).id;
    assert.ok(items.some((item) => item.PK === `NONCE#${nonceId}`), 'the nonce is used up');
    assert.equal((await profileOf(payer)).pinFailedAttempts, 1, 'SOTER neither spends nor clears a PIN attempt');

    // The same key answers as before; the same nonce under a new key is spent.
    assert.deepEqual(expectOk(await send(payer, TRANSFER, { ...body, secondFactor }, key)), paid);
    expectError(await send(payer, TRANSFER, { ...body, secondFactor }), 409, 'NONCE_USED');
    assert.equal(await journals(), journalsBefore + 1);

    // The PIN path is as it was: the right PIN pays and clears the count.
    expectOk(await pay(payer, account, TOP_UP, { amountFen: 100 }));
    assert.equal((await profileOf(payer)).pinFailedAttempts, 0);
  });

  test('top-up, withdrawal and a bill payment take SOTER unchanged', async () => {
    const start = await balanceFen(payer);
    expectOk(await payBySoter(payer, TOP_UP, { amountFen: 5_000 }));
    expectOk(await payBySoter(payer, '/v1/account/withdraw', { amountFen: 2_000 }));
    const bill = expectOk(await payBySoter(payer, '/v1/bill-payments', { billerId: 'js-mobile', accountNumber: '13800138001', amountFen: 5_000 }, randomUUID(), bills));
    assert.equal(bill.amountFen, 5_000);
    assert.equal(await balanceFen(payer), start + 5_000 - 2_000 - 5_000);
    await assertLedgerSound();
  });

  test('a SOTER transfer is 3 sequential DynamoDB round trips, as a PIN one', async () => {
    const body = { toPhone: payee.phone, amountFen: 77 };
    const sent = { ...body, secondFactor: await soterFactor(payer.token, TRANSFER, body) };
    let count = 0;
    const name = `count-${randomUUID()}`;
    db().doc.middlewareStack.add((next) => async (args) => {
      count += 1;
      return next(args);
    }, { step: 'initialize', name });
    try {
      expectOk(await send(payer, TRANSFER, sent));
    } finally {
      db().doc.middlewareStack.remove(name);
    }
    assert.ok(count <= 3, `${count} round trips`);
  });
});

describe('refused, writing no journal and spending no PIN attempt', () => {
  before(customers);

  test('not enrolled: 403 SOTER_NOT_ENROLLED, and nothing counted', async () => {
    const before = await journals();
    expectError(await payBySoter(payee, TOP_UP, { amountFen: 300 }), 403, 'SOTER_NOT_ENROLLED');
    assert.equal(await journals(), before);
    const stored = await profileOf(payee);
    assert.equal(stored.pinFailedAttempts, 0);
    assert.ok(!('soterEnrolment' in stored));
  });

  test('a result for another challenge, one that is not a resultJSON, one signed by another phone or altered after signing: refused, each counted against the enrolment', async () => {
    const who = await enrolledCustomer('蒋五');
    const body = { amountFen: 400 };
    const other = await authorize(who.token, TOP_UP, body);
    const before = await journals();

    const forOther = await soterFactor(who.token, TOP_UP, body, { challenge: other.challenge });
    expectError(await send(who, TOP_UP, { ...body, secondFactor: forOther }), 403, 'SOTER_CHALLENGE_MISMATCH');

    const asked = await authorize(who.token, TOP_UP, body);
    const notJson = { nonce: asked.nonce, soter: { resultJson: `raw=${asked.challenge}`, resultJsonSignature: 'c2lnbmF0dXJl' } };
    expectError(await send(who, TOP_UP, { ...body, secondFactor: notJson }), 403, 'SOTER_CHALLENGE_MISMATCH');

    const anotherPhone = await soterFactor(who.token, TOP_UP, body, { signer: payee.token });
    expectError(await send(who, TOP_UP, { ...body, secondFactor: anotherPhone }), 403, 'SOTER_SIGNATURE_INVALID');

    const own = await soterFactor(who.token, TOP_UP, body);
    const altered = { ...own, soter: { ...own.soter, resultJson: own.soter.resultJson.replace('"fid":"1"', '"fid":"2"') } };
    assert.notEqual(altered.soter.resultJson, own.soter.resultJson);
    expectError(await send(who, TOP_UP, { ...body, secondFactor: altered }), 403, 'SOTER_SIGNATURE_INVALID');

    assert.equal(await journals(), before);
    const stored = await profileOf(who);
    assert.equal(stored.soterEnrolment.failedChecks, 4);
    assert.equal(stored.pinFailedAttempts, 0);
    // None of them spent its nonce: the good result for the last one still pays.
    expectOk(await send(who, TOP_UP, { ...body, secondFactor: own }));
  });

  test('a SOTER refusal frees the Idempotency-Key: the same request then pays with the PIN', async () => {
    expectOk(await topUp(payee, 1_000));
    const body = { toPhone: payer.phone, amountFen: 555 };
    const key = randomUUID();
    expectError(await send(payee, TRANSFER, { ...body, secondFactor: await soterFactor(payee.token, TRANSFER, body) }, key), 403, 'SOTER_NOT_ENROLLED');
    expectOk(await pay(payee, account, TRANSFER, body, { key }));
  });

  test('after revoking: SOTER_NOT_ENROLLED, /v1/me shows it off, the PIN pays; revoking again is harmless', async () => {
    const who = await enrolledCustomer('沈六');
    const revoked = expectOk(await revokeSoter(who.token));
    assert.equal(revoked.soterEnrolled, null);
    assert.equal((await me(who)).soterEnrolled, null);
    expectError(await payBySoter(who, TOP_UP, { amountFen: 600 }), 403, 'SOTER_NOT_ENROLLED');
    expectOk(await pay(who, account, TOP_UP, { amountFen: 600 }));
    expectOk(await revokeSoter(who.token));
  });

  test('while the PIN is locked, a fingerprint moves no money either (423 PIN_LOCKED)', async () => {
    const who = await enrolledCustomer('韩七');
    for (let n = 0; n < 4; n++) expectError(await pay(who, account, TOP_UP, { amountFen: 100 }, { pin: WRONG_PIN }), 403, 'PIN_INCORRECT');
    expectError(await pay(who, account, TOP_UP, { amountFen: 100 }, { pin: WRONG_PIN }), 423, 'PIN_LOCKED');
    expectError(await payBySoter(who, TOP_UP, { amountFen: 100 }), 423, 'PIN_LOCKED');
  });
});

describe('the bound on failed checks', () => {
  before(customers);

  test(`the ${SOTER_MAX_FAILED_CHECKS}th failed check revokes the enrolment; the PIN still pays, and enrolling again starts a fresh count`, async () => {
    const who = await enrolledCustomer('杨八');
    const body = { amountFen: 700 };
    const mismatch = async () => {
      const other = await authorize(who.token, TOP_UP, body);
      return send(who, TOP_UP, { ...body, secondFactor: await soterFactor(who.token, TOP_UP, body, { challenge: other.challenge }) });
    };
    for (let n = 1; n < SOTER_MAX_FAILED_CHECKS; n++) expectError(await mismatch(), 403, 'SOTER_CHALLENGE_MISMATCH');
    assert.equal((await profileOf(who)).soterEnrolment.failedChecks, SOTER_MAX_FAILED_CHECKS - 1);
    assert.notEqual((await me(who)).soterEnrolled, null);

    expectError(await send(who, TOP_UP, { ...body, secondFactor: await soterFactor(who.token, TOP_UP, body, { signer: payee.token }) }), 403, 'SOTER_SIGNATURE_INVALID');
    assert.equal((await me(who)).soterEnrolled, null, 'revoked');
    assert.ok(!('soterEnrolment' in (await profileOf(who))));
    expectError(await payBySoter(who, TOP_UP, body), 403, 'SOTER_NOT_ENROLLED');
    assert.equal((await profileOf(who)).pinFailedAttempts, 0);
    expectOk(await pay(who, account, TOP_UP, body));

    expectOk(await enrolSoter(who));
    assert.equal((await profileOf(who)).soterEnrolment.failedChecks, 0);
    expectOk(await payBySoter(who, TOP_UP, body));
  });
});

describe('SOTER never stands in for the PIN itself', () => {
  before(customers);

  test('changing the PIN with a fingerprint as the current PIN or as the new one: 400 SOTER_NOT_ACCEPTED, nothing changed', async () => {
    const before = (await profileOf(payer)).pinHash;
    const authorization = await authorize(payer.token, '/v1/me/pin', {});
    const pinFactor = { nonce: authorization.nonce, pinCipher: encryptPin(authorization, '580317') };
    const soter = { nonce: authorization.nonce, soter: await soterResult(payer.token, authorization.challenge) };
    for (const body of [{ newPin: pinFactor, secondFactor: soter }, { newPin: soter, secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, payer.pin) } }]) {
      expectError(await call(customer, { method: 'POST', path: '/v1/me/pin', token: payer.token, body }), 400, 'SOTER_NOT_ACCEPTED');
    }
    assert.equal((await profileOf(payer)).pinHash, before);
    assert.equal((await profileOf(payer)).pinFailedAttempts, 0);
  });
});
