// Class II non-bound limits with small figures (set through configuration, as a bank would).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as account } from '../../functions/http/account.js';
import { limitBuckets } from '../../functions/domain/limits.js';
import { businessDate } from '../../functions/domain/time.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { assertLedgerSound } from '../support/ledger-check.js';

const DAILY = 5_000;
const YEARLY = 20_000;
const MAX_SINGLE = 100_000;
useBank({ CLASS2_NONBOUND_DAILY_FEN: String(DAILY), CLASS2_NONBOUND_YEARLY_FEN: String(YEARLY), MAX_SINGLE_AMOUNT_FEN: String(MAX_SINGLE) });

const limitsOf = async (who: Onboarded) => expectOk(await call(account, { method: 'GET', path: '/v1/account', token: who.token })).limits;
type Four = [Onboarded, Onboarded, Onboarded, Onboarded];
/** n (≤ 4) freshly onboarded customers, onboarded at once. */
const people = async (n: 2 | 3 | 4) => (await Promise.all(Array.from({ length: n }, () => onboard()))) as Four;

describe('non-bound daily limit', () => {
  test('outgoing transfers stop at the daily total; exactly the limit is allowed', async () => {
    const [s, r1, r2] = await people(3);
    expectOk(await topUp(s, 50_000)); // 10× the non-bound limit: the bound card is not limited
    expectOk(await transfer(s, r1, 3_000));
    expectError(await transfer(s, r2, 2_001), 422, 'DAILY_LIMIT_EXCEEDED');
    expectError(await transfer(s, r2, DAILY + 1), 422, 'DAILY_LIMIT_EXCEEDED');
    expectOk(await transfer(s, r2, 2_000));
    expectError(await transfer(s, r2, 1), 422, 'DAILY_LIMIT_EXCEEDED');
    assert.deepEqual([await balanceFen(s), await balanceFen(r1), await balanceFen(r2)], [45_000, 3_000, 2_000]);
    const limits = await limitsOf(s);
    assert.deepEqual(limits.nonBoundOutToday, { limitFen: DAILY, usedFen: DAILY, remainingFen: 0 });
    assert.deepEqual(limits.nonBoundOutThisYear, { limitFen: YEARLY, usedFen: DAILY, remainingFen: YEARLY - DAILY });

    // Money with the bound card still moves both ways once the non-bound limit is used up.
    expectOk(await withdraw(s, 40_000));
    expectOk(await topUp(s, 60_000));
    assert.equal(await balanceFen(s), 65_000);
    // And a refused transfer consumed nothing.
    assert.deepEqual((await limitsOf(r2)).nonBoundInToday, { limitFen: DAILY, usedFen: 2_000, remainingFen: DAILY - 2_000 });
  });

  test('a full inbound limit on the receiver\'s side refuses with PAYEE_LIMIT_EXCEEDED', async () => {
    const [r, s1, s2] = await people(3);
    await Promise.all([topUp(s1, 10_000), topUp(s2, 10_000)].map(async (p) => expectOk(await p)));
    expectOk(await transfer(s1, r, 3_000));
    expectError(await transfer(s2, r, 2_001), 422, 'PAYEE_LIMIT_EXCEEDED');
    assert.equal(await balanceFen(s2), 10_000);
    assert.equal((await limitsOf(s2)).nonBoundOutToday.usedFen, 0, 'the sender\'s limit is not consumed by a refused transfer');
    expectOk(await transfer(s2, r, 2_000));
    assert.deepEqual((await limitsOf(r)).nonBoundInToday, { limitFen: DAILY, usedFen: DAILY, remainingFen: 0 });
    expectError(await transfer(s1, r, 1), 422, 'PAYEE_LIMIT_EXCEEDED');
    assert.equal(await balanceFen(r), 5_000);
    // The receiver can still send: the directions are separate.
    expectOk(await transfer(r, s1, 1_000));
  });

  test('concurrent transfers cannot overrun the sender\'s limit together', async () => {
    const [s, ...receivers] = await people(3);
    expectOk(await topUp(s, 30_000));
    // Each receiver is offered at most its own daily limit, so only the sender's limit binds.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => transfer(s, receivers[i % 2]!, 1_000)));
    for (const r of results) assert.ok(r.status === 200 || r.body?.error?.code === 'DAILY_LIMIT_EXCEEDED', JSON.stringify(r.body));
    assert.equal(results.filter((r) => r.status === 200).length, 5);
    assert.equal(await balanceFen(s), 25_000);
    assert.equal((await limitsOf(s)).nonBoundOutToday.usedFen, DAILY);
  });

  test('concurrent senders cannot overrun the receiver\'s limit together', async () => {
    const [r, ...senders] = await people(4);
    await Promise.all(senders.map(async (s) => expectOk(await topUp(s, 2_000))));
    // Three senders, two transfers each, all at once: 6,000 fen offered against a 5,000 inbound limit.
    const results = await Promise.all(senders.flatMap((s) => [transfer(s, r, 1_000), transfer(s, r, 1_000)]));
    for (const res of results) assert.ok(res.status === 200 || res.body?.error?.code === 'PAYEE_LIMIT_EXCEEDED', JSON.stringify(res.body));
    assert.equal(results.filter((res) => res.status === 200).length, 5);
    assert.equal(await balanceFen(r), 5_000);
    const left = await Promise.all(senders.map((s) => balanceFen(s)));
    assert.equal(left.reduce((sum, b) => sum + b, 0), 3 * 2_000 - 5_000);
    assert.deepEqual((await limitsOf(r)).nonBoundInToday, { limitFen: DAILY, usedFen: DAILY, remainingFen: 0 });
  });
});

describe('non-bound yearly limit and the single-movement cap', () => {
  let s: Onboarded;
  let r: Onboarded;

  test('a customer who used most of the year\'s limit on earlier days is refused with YEARLY_LIMIT_EXCEEDED', async () => {
    [s, r] = await people(2);
    expectOk(await topUp(s, 10_000));
    // Usage from earlier in the year, as the counter would hold it.
    const { yearly } = limitBuckets('OUT', businessDate(new Date()));
    const { doc, tableName } = db();
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.limitCounter(s.accountId, yearly), type: 'LIMIT', bucket: yearly, usedFen: YEARLY - 1_000 } }));
    assert.equal((await limitsOf(s)).nonBoundOutThisYear.remainingFen, 1_000);
    expectError(await transfer(s, r, 1_001), 422, 'YEARLY_LIMIT_EXCEEDED');
    expectOk(await transfer(s, r, 1_000));
    expectError(await transfer(s, r, 1), 422, 'YEARLY_LIMIT_EXCEEDED');
    assert.deepEqual((await limitsOf(s)).nonBoundOutThisYear, { limitFen: YEARLY, usedFen: YEARLY, remainingFen: 0 });
    assert.equal(await balanceFen(r), 1_000);
  });

  test('above the configured maximum single amount is refused for every route before anything moves', async () => {
    expectOk(await topUp(s, MAX_SINGLE));
    const before = await balanceFen(s);
    expectError(await topUp(s, MAX_SINGLE + 1), 422, 'AMOUNT_TOO_LARGE');
    expectError(await withdraw(s, MAX_SINGLE + 1), 422, 'AMOUNT_TOO_LARGE');
    expectError(await transfer(r, s, MAX_SINGLE + 1), 422, 'AMOUNT_TOO_LARGE');
    assert.equal(await balanceFen(s), before);
    // The refusal freed the key.
    const key = randomUUID();
    expectError(await withdraw(s, MAX_SINGLE + 1, key), 422, 'AMOUNT_TOO_LARGE');
    expectError(await withdraw(s, MAX_SINGLE + 1, key), 422, 'AMOUNT_TOO_LARGE');
  });
});

describe('ledger', () => {
  test('every invariant holds', async () => {
    await assertLedgerSound();
  });
});

describe('privacy', () => {
  test('no response carried a customer\'s full phone, name, ID or card number', () => {
    assertNoPersonalDataInResponses();
  });
});
