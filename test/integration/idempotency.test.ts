// Idempotency-Key on money-moving routes: same key + same body → same answer and one movement;
// same key + other body → 422; still running → 409; a refusal is stored like a success. The
// second factor (a fresh nonce and encrypted PIN on every try) is not part of what a request asks.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { requestHash } from '../../functions/platform/request-hash.js';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../functions/store/client.js';
import { read, reserve } from '../../functions/store/idempotency.js';
import { completeRequest, failRequest } from '../../functions/services/idempotency.js';
import { Refusal } from '../../functions/domain/errors.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import type { PinSecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { authorize, confirmed, encryptPin, secondFactorFor } from '../support/second-factor.js';

useBank();

let a: Onboarded;
let b: Onboarded;
let ready: Promise<void> | undefined;
/** The two customers most tests share, onboarded once (after the bank's own set-up). */
const customers = () => (ready ??= Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' })]).then(([x, y]) => {
  a = x;
  b = y;
}));

const journalCount = async () => (await scanTable()).filter((i) => i.type === 'JOURNAL').length;
const post = (who: Onboarded, path: string, key: string | undefined, body: unknown, rawBody?: string) =>
  call(account, { method: 'POST', path, token: who.token, ...(key ? { idempotencyKey: key } : {}), body, ...(rawBody ? { rawBody } : {}) });

/** The stored idempotency records for a key (whatever its scope): none once the key was freed. */
const idempotencyRecords = async (key: string) => (await scanTable()).filter((i) => i.type === 'IDEMPOTENCY' && String(i.PK).endsWith(`#${key}`));

/** The stored idempotency record for a key (whatever its scope). */
async function idempotencyRecord(key: string) {
  const found = await idempotencyRecords(key);
  assert.equal(found.length, 1, `records for ${key}`);
  const item = found[0]!;
  return { scope: String(item.PK).slice('IDEM#'.length, -(key.length + 1)), requestHash: String(item.requestHash), item };
}

describe('repeats', () => {
  before(customers);

  test('same key + same body: identical answer, one journal, one balance change (top-up, withdraw, transfer)', async () => {
    const cases: [string, () => Promise<any>][] = [
      ['top-up', () => topUp(a, 5_000, key)],
      ['withdraw', () => withdraw(a, 700, key)],
      ['transfer', () => transfer(a, b, 300, key)],
    ];
    let key = '';
    for (const [what, send] of cases) {
      key = randomUUID();
      const before = { journals: await journalCount(), a: await balanceFen(a), b: await balanceFen(b) };
      const first = expectOk(await send());
      const second = expectOk(await send());
      const third = expectOk(await send());
      assert.deepEqual(second, first, what);
      assert.deepEqual(third, first, what);
      assert.equal(await journalCount(), before.journals + 1, what);
      const moved = { 'top-up': [5_000, 0], withdraw: [-700, 0], transfer: [-300, 300] }[what]!;
      assert.deepEqual([await balanceFen(a) - before.a, await balanceFen(b) - before.b], moved, what);
    }
  });

  test('a replay answers what was answered then, even after the balance moved on', async () => {
    const key = randomUUID();
    const first = expectOk(await topUp(a, 1_111, key));
    expectOk(await topUp(a, 2_222));
    const replay = expectOk(await topUp(a, 1_111, key));
    assert.deepEqual(replay, first);
    assert.notEqual(await balanceFen(a), first.balanceFen);
  });

  test('field order and whitespace do not make a body different', async () => {
    const key = randomUUID();
    const path = '/v1/account/transfer';
    const first = expectOk(await post(a, path, key, undefined, JSON.stringify(await confirmed(a.token, path, { toPhone: b.phone, amountFen: 321, memo: '车费' }, a.pin))));
    const journals = await journalCount();
    // The retry's nonce was asked with the fields in yet another order.
    const { nonce, pinCipher } = (await secondFactorFor(a.token, path, { memo: '车费', amountFen: 321, toPhone: b.phone }, a.pin)) as PinSecondFactor;
    const again = expectOk(await post(a, path, key, undefined, `{ "secondFactor": { "pinCipher": "${pinCipher}", "nonce": "${nonce}" },\n  "memo": "车费",  "amountFen": 321,\n"toPhone":"${b.phone}" }`));
    assert.deepEqual(again, first);
    assert.equal(await journalCount(), journals);
  });

  test('same key + different body: 422 IDEMPOTENCY_KEY_REUSED and nothing moves', async () => {
    const key = randomUUID();
    expectOk(await topUp(a, 400, key));
    const before = { journals: await journalCount(), a: await balanceFen(a), b: await balanceFen(b) };
    expectError(await topUp(a, 401, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    const tKey = randomUUID();
    expectOk(await transfer(a, b, 50, tKey));
    expectError(await pay(a, account, '/v1/account/transfer', { toPhone: b.phone, amountFen: 50, memo: '另一笔' }, { key: tKey }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expectError(await transfer(a, b, 51, tKey), 422, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await journalCount(), before.journals + 1);
    assert.deepEqual([await balanceFen(a), await balanceFen(b)], [before.a - 50, before.b + 50]);
  });

  test('keys are per customer and per route', async () => {
    const key = randomUUID();
    const journals = await journalCount();
    const up = expectOk(await topUp(a, 900, key));
    const down = expectOk(await withdraw(a, 100, key));
    const other = expectOk(await topUp(b, 900, key));
    assert.equal(new Set([up.journalId, down.journalId, other.journalId]).size, 3);
    assert.equal(await journalCount(), journals + 3);
  });

  // A top-up reserves its key first; a transfer and a withdrawal read it with the account and
  // write it with the movement (first-write), so their copies race to the ledger itself.
  const duplicated = [
    ['top-up', '/v1/account/top-up', () => ({ amountFen: 777 }), [777, 0]],
    ['transfer', '/v1/account/transfer', () => ({ toPhone: b.phone, amountFen: 77 }), [-77, 77]],
    ['withdrawal', '/v1/account/withdraw', () => ({ amountFen: 7 }), [-7, 0]],
  ] as const;
  for (const [what, path, body, [movedA, movedB]] of duplicated) {
    test(`concurrent duplicates of a ${what}: one movement; the others replay it or are told it is in progress`, async () => {
      const key = randomUUID();
      const before = { journals: await journalCount(), a: await balanceFen(a), b: await balanceFen(b) };
      // Six tries of one request, each with its own second factor (asked first), sent at once.
      const bodies = await Promise.all(Array.from({ length: 6 }, () => confirmed(a.token, path, body(), a.pin)));
      const results = await Promise.all(bodies.map((sent) => post(a, path, key, sent)));
      const ok = results.filter((r) => r.status === 200);
      assert.ok(ok.length >= 1, JSON.stringify(results.map((r) => r.body)));
      for (const r of results) if (r.status !== 200) expectError(r, 409, 'REQUEST_IN_PROGRESS');
      // Every success is the one answer, word for word.
      for (const r of ok) assert.deepEqual(r.body, ok[0]!.body);
      assert.equal(await journalCount(), before.journals + 1);
      assert.deepEqual({ a: await balanceFen(a), b: await balanceFen(b) }, { a: before.a + movedA, b: before.b + movedB });
      // Once settled, the key replays it — even with the first try's nonce, now used up.
      assert.deepEqual(expectOk(await post(a, path, key, bodies[0])), ok[0]!.body);
      assert.equal((await idempotencyRecord(key)).item.status, 'COMPLETED');
    });
  }
});

describe('keys that are missing, malformed or in flight', () => {
  before(customers);

  test('a missing or malformed key is 400 and nothing moves', async () => {
    const before = { journals: await journalCount(), a: await balanceFen(a) };
    // Each request is otherwise complete: a good second factor for exactly that request.
    for (const path of ['/v1/account/top-up', '/v1/account/withdraw']) {
      expectError(await post(a, path, undefined, await confirmed(a.token, path, { amountFen: 100 }, a.pin)), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    }
    const transferBody = await confirmed(a.token, '/v1/account/transfer', { toPhone: b.phone, amountFen: 100 }, a.pin);
    expectError(await post(a, '/v1/account/transfer', undefined, transferBody), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    const topUpBody = await confirmed(a.token, '/v1/account/top-up', { amountFen: 100 }, a.pin);
    for (const key of ['short', 'has space in it', 'k'.repeat(65), 'ключ-12345678', 'key/with/slash']) {
      expectError(await post(a, '/v1/account/top-up', key, topUpBody), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    }
    assert.deepEqual({ journals: await journalCount(), a: await balanceFen(a) }, before);
    // The second factors were not used up: the same body pays once with a good key.
    expectOk(await post(a, '/v1/account/top-up', randomUUID(), topUpBody));
    assert.equal(await balanceFen(a), before.a + 100);
  });

  test('a key another request holds IN_FLIGHT answers 409 REQUEST_IN_PROGRESS; an expired lease is taken over', async () => {
    // Learn the request hash of this body from a real request, then park a second key with it.
    const probe = randomUUID();
    expectOk(await topUp(a, 4_321, probe));
    const { scope, requestHash } = await idempotencyRecord(probe);
    const held = randomUUID();
    assert.equal((await reserve(scope, held, requestHash, new Date())).state, 'reserved');
    const before = { journals: await journalCount(), a: await balanceFen(a) };
    expectError(await topUp(a, 4_321, held), 409, 'REQUEST_IN_PROGRESS');
    // Another body under that key is a reuse, in flight or not.
    expectError(await topUp(a, 4_322, held), 422, 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual({ journals: await journalCount(), a: await balanceFen(a) }, before);

    // A lease left by a crashed attempt long ago is taken over by the same request.
    const crashed = randomUUID();
    assert.equal((await reserve(scope, crashed, requestHash, new Date(Date.now() - 10 * 60_000))).state, 'reserved');
    const recovered = expectOk(await topUp(a, 4_321, crashed));
    assert.equal(recovered.amountFen, 4_321);
    assert.equal(await balanceFen(a), before.a + 4_321);
    assert.equal((await idempotencyRecord(crashed)).item.status, 'COMPLETED');
    assert.equal((await idempotencyRecord(held)).item.status, 'IN_FLIGHT');
  });

  test('a transfer, which reads its key with the account, answers a key held IN_FLIGHT with 409 and takes over a lapsed lease', async () => {
    const probe = randomUUID();
    expectOk(await transfer(a, b, 31, probe));
    const { scope, requestHash } = await idempotencyRecord(probe);
    const held = randomUUID();
    assert.equal((await reserve(scope, held, requestHash, new Date())).state, 'reserved');
    const before = { journals: await journalCount(), a: await balanceFen(a) };
    expectError(await transfer(a, b, 31, held), 409, 'REQUEST_IN_PROGRESS');
    expectError(await transfer(a, b, 32, held), 422, 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual({ journals: await journalCount(), a: await balanceFen(a) }, before);
    const crashed = randomUUID();
    assert.equal((await reserve(scope, crashed, requestHash, new Date(Date.now() - 10 * 60_000))).state, 'reserved');
    assert.equal(expectOk(await transfer(a, b, 31, crashed)).amountFen, 31);
    assert.equal(await balanceFen(a), before.a - 31);
    assert.equal((await idempotencyRecord(crashed)).item.status, 'COMPLETED');
  });

  for (const [what, path] of [
    ['withdrawal', '/v1/account/withdraw'],
    ['transfer', '/v1/account/transfer'],
  ] as const) {
    test(`a ${what} run again after its answer was lost and its lease lapsed answers its own movement, not "insufficient funds"`, async () => {
      // More than half the balance: what the first run moved leaves too little for a second.
      const who = await onboard();
      expectOk(await topUp(who, 200_000));
      const amountFen = 150_000;
      const key = randomUUID();
      const body = path.endsWith('transfer') ? { toPhone: b.phone, amountFen } : { amountFen };
      const sent = await confirmed(who.token, path, body, who.pin);
      const first = expectOk(await post(who, path, key, sent));
      const after = { journals: await journalCount(), balance: await balanceFen(who) };
      // The answer never stored, the run's lease lapsed long ago: the same request comes again.
      const { scope, requestHash, item } = await idempotencyRecord(key);
      await db().doc.send(new DeleteCommand({ TableName: db().tableName, Key: { PK: item.PK, SK: item.SK } }));
      assert.equal((await reserve(scope, key, requestHash, new Date(Date.now() - 10 * 60_000))).state, 'reserved');
      const again = expectOk(await post(who, path, key, sent));
      assert.deepEqual([again.journalId, again.amountFen, again.balanceFen], [first.journalId, amountFen, after.balance]);
      assert.deepEqual({ journals: await journalCount(), balance: await balanceFen(who) }, after);
    });
  }

  test('a refusal is the answer: the same key gets the same refusal even once the money is there', async () => {
    // The customer was told it did not happen; a repeat of that request (a duplicate delivery,
    // a retry) must not make it happen later. A new submission is a new key.
    const c = await onboard({ name: '王五' });
    const key = randomUUID();
    const refused = await withdraw(c, 2_000, key);
    expectError(refused, 422, 'INSUFFICIENT_FUNDS');
    expectOk(await topUp(c, 3_000));
    const again = await withdraw(c, 2_000, key);
    expectError(again, 422, 'INSUFFICIENT_FUNDS');
    assert.deepEqual(again.body, refused.body);
    assert.equal(await balanceFen(c), 3_000);
    assert.equal((await idempotencyRecord(key)).item.status, 'COMPLETED');
    const done = expectOk(await withdraw(c, 2_000));
    assert.equal(done.balanceFen, 1_000);
  });
});

describe('the second factor and the request hash', () => {
  before(customers);

  test('a wrong PIN frees the key: the same request with a new nonce and the right PIN then succeeds under it', async () => {
    const key = randomUUID();
    const before = await balanceFen(a);
    expectError(await topUp({ ...a, pin: '000123' }, 600, key), 403, 'PIN_INCORRECT');
    assert.deepEqual(await idempotencyRecords(key), [], 'the key is still held after a wrong PIN');
    const ok = expectOk(await topUp(a, 600, key));
    assert.equal(ok.balanceFen, before + 600);
  });

  test('a refused second factor frees the key too (another request\'s nonce, a cipher for another challenge)', async () => {
    const key = randomUUID();
    const path = '/v1/account/top-up';
    const before = { journals: await journalCount(), a: await balanceFen(a) };
    // A nonce asked for another amount.
    expectError(await post(a, path, key, { amountFen: 640, secondFactor: await secondFactorFor(a.token, path, { amountFen: 641 }, a.pin) }), 403, 'NONCE_MISMATCH');
    assert.deepEqual(await idempotencyRecords(key), []);
    // The PIN encrypted with another challenge than its nonce's.
    const asked = await authorize(a.token, path, { amountFen: 640 });
    const other = await authorize(a.token, path, { amountFen: 640 });
    expectError(await post(a, path, key, { amountFen: 640, secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, a.pin, { challenge: other.challenge }) } }), 403, 'PIN_CIPHER_INVALID');
    assert.deepEqual(await idempotencyRecords(key), []);
    assert.deepEqual({ journals: await journalCount(), a: await balanceFen(a) }, before);
    assert.equal(expectOk(await topUp(a, 640, key)).balanceFen, before.a + 640);
  });

  test('a replay with a new nonce, even with another PIN, gives the stored answer and moves nothing again', async () => {
    const key = randomUUID();
    const first = expectOk(await topUp(a, 250, key));
    const journals = await journalCount();
    assert.deepEqual(expectOk(await topUp(a, 250, key)), first);
    const replay = expectOk(await topUp({ ...a, pin: '000123' }, 250, key));
    assert.deepEqual(replay, first);
    assert.equal(await journalCount(), journals);
  });

  test('the key stores the hash of the request without its second factor, and never the nonce, the cipher or the PIN', async () => {
    const key = randomUUID();
    const body = await confirmed(a.token, '/v1/account/top-up', { amountFen: 10 }, a.pin);
    expectOk(await post(a, '/v1/account/top-up', key, body));
    const { item, requestHash: stored } = await idempotencyRecord(key);
    assert.equal(stored, requestHash('POST', '/v1/account/top-up', { amountFen: 10 }));
    const text = JSON.stringify(item);
    for (const secret of [body.secondFactor.nonce, (body.secondFactor as PinSecondFactor).pinCipher, a.pin]) assert.ok(!text.includes(secret), 'the idempotency record holds a secret');
  });
});

describe('ledger', () => {
  before(customers);

  test('one journal per key, and every invariant holds (two keys deliberately left in flight: a top-up and a transfer)', async () => {
    const report = await assertLedgerSound({ allowInFlight: true });
    assert.equal(report.inFlightKeys, 2);
  });
});

describe('privacy', () => {
  test('no response carried a customer\'s full phone, name, ID or card number', () => {
    assertNoPersonalDataInResponses();
  });
});

describe('two attempts of one request after its lease lapsed', () => {
  test('the answer stored first stands: the attempt that finishes later answers it, success or refusal', async () => {
    const scope = `test-${randomUUID()}`;
    const key = randomUUID();
    const started = new Date();
    assert.equal((await reserve(scope, key, 'hash-1', started)).state, 'reserved');
    // The first attempt is slow past its lease: a repeat of the same request takes the key over.
    assert.equal((await reserve(scope, key, 'hash-1', new Date(started.getTime() + 31_000))).state, 'reserved');
    const takeover = { statusCode: 200, body: '{"balanceFen":574114}' };
    assert.deepEqual(await completeRequest(scope, key, takeover), takeover);
    // The slow attempt finishes with the balance it read then: the stored answer is the answer.
    assert.deepEqual(await completeRequest(scope, key, { statusCode: 200, body: '{"balanceFen":574168}' }), takeover);
    assert.deepEqual(await failRequest(scope, key, new Refusal('unprocessable', 'INSUFFICIENT_FUNDS', '余额不足'), () => ({ statusCode: 422, body: '{}' })), takeover);
    assert.equal((await read(scope, key))?.response?.body, takeover.body);
  });
});
