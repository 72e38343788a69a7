// The second factor of a money movement (issue 14): a nonce for one exact request, the PIN
// encrypted with its challenge, the nonce used up by the transaction that moves the money.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { simulatorCardMovements } from '../../functions/adapters/simulators/card-gateway.js';
import { db } from '../../functions/store/client.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { handler as customer } from '../../functions/http/customer.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { type Authorization, authorize, encryptPin } from '../support/second-factor.js';

useBank();

let a: Onboarded;
let b: Onboarded;
let c: Onboarded;
let ready: Promise<void> | undefined;
/** The customers every suite shares, onboarded once (after the bank's own set-up). */
const customers = () =>
  (ready ??= (async () => {
    [a, b, c] = await Promise.all([onboard({ name: '周一' }), onboard({ name: '吴二' }), onboard({ name: '郑三' })]);
    expectOk(await topUp(a, 100_000));
  })());

const journals = async () => (await scanTable()).filter((item) => item.type === 'JOURNAL').length;
const send = (who: Onboarded, path: string, body: Record<string, unknown>, key = randomUUID()) =>
  call(account, { method: 'POST', path, token: who.token, idempotencyKey: key, body });
const factor = (authorization: Authorization, pin: string, options?: { challenge?: string; ts?: number }) => ({
  nonce: authorization.nonce,
  pinCipher: encryptPin(authorization, pin, options),
});

describe('asking for a nonce', () => {
  before(customers);

  test('answers the review sheet as the bank will book it, and writes nothing', async () => {
    const before = await scanTable();
    const asked = await authorize(a.token, '/v1/account/transfer', { toPhone: b.phone, amountFen: 100050, memo: '房租' });
    assert.deepEqual(await scanTable(), before);
    assert.equal(asked.review.amountFen, 100050);
    assert.equal(asked.review.amountInWords, '人民币壹仟元伍角整');
    assert.equal(asked.review.feeFen, 0);
    assert.equal(asked.review.payeeMasked, `吴*（${b.phone.slice(0, 3)}****${b.phone.slice(-4)}）`);
    assert.match(asked.review.sourceAccountMasked!, /^\d{4} \*{4} \*{4} \d{4}$/);
    assert.match(asked.challenge, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(Date.parse(asked.expiresAt) - Date.now() <= 5 * 60_000);
    assert.match(asked.encryption.publicKeyHex, /^04[0-9a-f]{128}$/);
  });

  test('for a path that takes no second factor: 404; for a payee that does not exist: 404 as the transfer would say', async () => {
    const notMoney = await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: a.token, body: { method: 'POST', path: '/v1/account', body: {} } });
    expectError(notMoney, 404, 'PAYMENT_ROUTE_UNKNOWN');
    const nobody = await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: a.token, body: { method: 'POST', path: '/v1/account/transfer', body: { toPhone: '13000000000', amountFen: 1 } } });
    expectError(nobody, 404, 'PAYEE_NOT_FOUND');
    const self = await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: a.token, body: { method: 'POST', path: '/v1/account/transfer', body: { toPhone: a.phone, amountFen: 1 } } });
    expectError(self, 400, 'SAME_ACCOUNT');
  });
});

describe('a nonce pays for its own request once', () => {
  before(customers);

  test('a replayed request: the same key answers as before, a new key is 409 NONCE_USED; one journal either way', async () => {
    const body = { toPhone: b.phone, amountFen: 1000 };
    const asked = await authorize(a.token, '/v1/account/transfer', body);
    const sent = { ...body, secondFactor: factor(asked, a.pin) };
    const key = randomUUID();
    const before = await journals();
    const first = expectOk(await send(a, '/v1/account/transfer', sent, key));
    assert.deepEqual(expectOk(await send(a, '/v1/account/transfer', sent, key)), first);
    const balance = await balanceFen(a);
    expectError(await send(a, '/v1/account/transfer', sent), 409, 'NONCE_USED');
    // Re-encrypted, as a device would after a captured request: the nonce is still spent.
    expectError(await send(a, '/v1/account/transfer', { ...body, secondFactor: factor(asked, a.pin) }), 409, 'NONCE_USED');
    assert.equal(await journals(), before + 1);
    assert.equal(await balanceFen(a), balance);
    assert.equal(first.balanceFen, balance);
  });

  test('a nonce issued for ¥10 cannot pay ¥10,000, another payee, or another route: 403 NONCE_MISMATCH, nothing written', async () => {
    const asked = await authorize(a.token, '/v1/account/transfer', { toPhone: b.phone, amountFen: 1000 });
    const before = await scanTable();
    const tries = [
      ['/v1/account/transfer', { toPhone: b.phone, amountFen: 1_000_000 }],
      ['/v1/account/transfer', { toPhone: c.phone, amountFen: 1000 }],
      ['/v1/account/transfer', { toPhone: b.phone, amountFen: 1000, memo: '改过' }],
      ['/v1/account/withdraw', { amountFen: 1000 }],
    ] as const;
    for (const [path, body] of tries) expectError(await send(a, path, { ...body, secondFactor: factor(asked, a.pin) }), 403, 'NONCE_MISMATCH');
    assert.deepEqual((await scanTable()).filter((item) => item.type !== 'IDEMPOTENCY'), before.filter((item) => item.type !== 'IDEMPOTENCY'));
    // Refusals of the second factor free the key: nothing is left reserved.
    assert.equal((await scanTable()).filter((item) => item.type === 'IDEMPOTENCY' && item.status === 'IN_FLIGHT').length, 0);
  });

  test("another customer's nonce, a forged one and an expired one are refused; nothing is written", async () => {
    const body = { amountFen: 500 };
    const bs = await authorize(b.token, '/v1/account/top-up', body);
    const before = await journals();
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(bs, a.pin) }), 403, 'NONCE_INVALID');

    const own = await authorize(a.token, '/v1/account/top-up', body);
    const [version, payload, mac] = own.nonce.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, expiresAtMs: claims.expiresAtMs + 86_400_000 })).toString('base64url');
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: { nonce: `${version}.${forged}.${mac}`, pinCipher: encryptPin(own, a.pin) } }), 403, 'NONCE_INVALID');

    // Signed with the bank's key (as the server would) but past its expiry.
    const expired = Buffer.from(JSON.stringify({ ...claims, expiresAtMs: Date.now() - 1 })).toString('base64url');
    const key = Buffer.from(localSecretsEnv().JINLIN_PAYMENT_NONCE_KEY!, 'base64');
    const signature = createHmac('sha256', key).update(`v1.${expired}`).digest('base64url');
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: { nonce: `v1.${expired}.${signature}`, pinCipher: encryptPin(own, a.pin) } }), 403, 'NONCE_EXPIRED');
    assert.equal(await journals(), before);
  });

  test('a cipher made for another challenge, with a stale clock, or not a cipher: 403 PIN_CIPHER_INVALID, and no attempt is counted', async () => {
    const body = { amountFen: 700 };
    const asked = await authorize(a.token, '/v1/account/top-up', body);
    const other = await authorize(a.token, '/v1/account/top-up', body);
    const before = await journals();
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(asked, a.pin, { challenge: other.challenge }) }), 403, 'PIN_CIPHER_INVALID');
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(asked, a.pin, { ts: Date.now() - 3_600_000 }) }), 403, 'PIN_CIPHER_INVALID');
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: { nonce: asked.nonce, pinCipher: 'ab'.repeat(120) } }), 403, 'PIN_CIPHER_INVALID');
    assert.equal(await journals(), before);
    const me = (await scanTable()).find((item) => item.type === undefined && item.customerId === a.customerId && item.SK === 'PROFILE');
    assert.equal(me?.pinFailedAttempts ?? 0, 0);
    // The nonce was not spent by any of them.
    expectOk(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(asked, a.pin) }));
  });

  test('a wrong PIN spends an attempt but not the nonce: the same nonce with the right PIN then pays', async () => {
    const body = { amountFen: 800 };
    const asked = await authorize(a.token, '/v1/account/top-up', body);
    const key = randomUUID();
    expectError(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(asked, a.pin === '000123' ? '000124' : '000123') }, key), 403, 'PIN_INCORRECT');
    expectOk(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(asked, a.pin) }, key));
    await assertLedgerSound();
  });
});

describe('a captured request pays at most once, under its own key', () => {
  before(customers);

  test('a nonce asked with the Idempotency-Key pays under that key only, even after a final refusal', async () => {
    const balance = await balanceFen(a);
    const body = { amountFen: balance + 1 };
    const key = randomUUID();
    const asked = await authorize(a.token, '/v1/account/withdraw', body, key);
    const captured = { ...body, secondFactor: factor(asked, a.pin) };
    const before = await journals();
    expectError(await send(a, '/v1/account/withdraw', captured, key), 422, 'INSUFFICIENT_FUNDS');
    expectOk(await topUp(a, 10_000));
    // The same key gets the stored refusal; another key is not what the nonce was issued for.
    expectError(await send(a, '/v1/account/withdraw', captured, key), 422, 'INSUFFICIENT_FUNDS');
    expectError(await send(a, '/v1/account/withdraw', captured), 403, 'NONCE_MISMATCH');
    assert.equal(await journals(), before + 1);
  });

  test('a retry answered from the stored response cannot be sent again under a new key', async () => {
    const body = { amountFen: 600 };
    const key = randomUUID();
    expectOk(await send(a, '/v1/account/top-up', { ...body, secondFactor: factor(await authorize(a.token, '/v1/account/top-up', body, key), a.pin) }, key));
    const retry = { ...body, secondFactor: factor(await authorize(a.token, '/v1/account/top-up', body, key), a.pin) };
    expectOk(await send(a, '/v1/account/top-up', retry, key));
    const balance = await balanceFen(a);
    expectError(await send(a, '/v1/account/top-up', retry), 403, 'NONCE_MISMATCH');
    assert.equal(await balanceFen(a), balance);
  });

  test('a nonce bound to its key is used up by the journal that key names: no nonce item, and the request sent twice at once pays once', async () => {
    const body = { toPhone: b.phone, amountFen: 700 };
    const key = randomUUID();
    const sent = { ...body, secondFactor: factor(await authorize(a.token, '/v1/account/transfer', body, key), a.pin) };
    const nonceItems = async () => (await scanTable()).filter((item) => item.type === 'PAYMENT_NONCE').length;
    const [noncesBefore, journalsBefore, balance] = [await nonceItems(), await journals(), await balanceFen(a)];
    const answers = await Promise.all([send(a, '/v1/account/transfer', sent, key), send(a, '/v1/account/transfer', sent, key)]);
    // Both are this one request: the same answer, one movement.
    assert.deepEqual(expectOk(answers[1]!), expectOk(answers[0]!));
    assert.equal(await balanceFen(a), balance - 700);
    assert.equal(await journals(), journalsBefore + 1);
    assert.equal(await nonceItems(), noncesBefore);
    await assertLedgerSound();
  });

  test('a top-up whose credit is refused after the card paid (nonce spent by another request) gives the card its money back', async () => {
    const who = await onboard({ name: '褚六' });
    const body = { amountFen: 2345 };
    // Asked without a key, so the nonce is not bound to one: only its single use stops a resend.
    const sent = { ...body, secondFactor: factor(await authorize(who.token, '/v1/account/top-up', body), who.pin) };
    expectOk(await send(who, '/v1/account/top-up', sent));
    expectError(await send(who, '/v1/account/top-up', sent), 409, 'NONCE_USED');
    const card = simulatorCardMovements(who.cardNumber);
    assert.deepEqual(card.map((m) => `${m.kind} ${m.amountFen}`), ['DEBIT 2345', 'DEBIT 2345', 'CREDIT 2345']);
    assert.equal(await balanceFen(who), 2345);
  });

  test('a PIN change: the new and current PIN under one nonce; a refused weak PIN spends it, so no one can resend it with another', async () => {
    const who = await onboard({ name: '王四', pin: '482915' });
    const change = (asked: Authorization, newPin: string, current: string, other?: Authorization) =>
      call(customer, {
        method: 'POST',
        path: '/v1/me/pin',
        token: who.token,
        body: { newPin: factor(other ?? asked, newPin), secondFactor: factor(asked, current) },
      });
    const [one, two] = [await authorize(who.token, '/v1/me/pin', {}), await authorize(who.token, '/v1/me/pin', {})];
    expectError(await change(one, '731864', '482915', two), 403, 'NONCE_MISMATCH');

    const asked = await authorize(who.token, '/v1/me/pin', {});
    expectError(await change(asked, '123456', '482915'), 400, 'PIN_TOO_WEAK');
    expectError(await change(asked, '731864', '482915'), 409, 'NONCE_USED');
    // The PIN is still the customer's own.
    expectOk(await topUp(who, 100));
  });
});

describe('round trips', () => {
  before(customers);

  /** DynamoDB requests a handler sends while `work` runs, counted at the client. */
  async function roundTrips(work: () => Promise<unknown>): Promise<number> {
    let count = 0;
    const { doc } = db();
    const name = `count-${randomUUID()}`;
    doc.middlewareStack.add((next) => async (args) => {
      count += 1;
      return next(args);
    }, { step: 'initialize', name });
    try {
      await work();
    } finally {
      doc.middlewareStack.remove(name);
    }
    return count;
  }

  test('a transfer is 2 sequential DynamoDB round trips; a top-up and a withdrawal 3 (besides the card network)', async () => {
    // Transfer: the key read with the customer and account, one transaction. Top-up: the key
    // reserved first (the card is pulled before any write). Withdrawal: the key read with the
    // account and leased by the debit, the answer stored after the card's.
    const cases = [
      ['/v1/account/transfer', { toPhone: c.phone, amountFen: 321 }, 2],
      ['/v1/account/top-up', { amountFen: 321 }, 3],
      ['/v1/account/withdraw', { amountFen: 321 }, 3],
    ] as const;
    for (const [path, body, expected] of cases) {
      const asked = await authorize(a.token, path, body);
      const sent = { ...body, secondFactor: factor(asked, a.pin) };
      const trips = await roundTrips(async () => expectOk(await send(a, path, sent)));
      assert.equal(trips, expected, `${path}: ${trips} round trips`);
    }
  });

  test('movements of one account at the same time all go through (a moved balance costs a round trip, not a refusal)', async () => {
    const who = await onboard({ name: '冯五' });
    const amounts = [101, 202, 303, 404, 505, 606];
    const sends = await Promise.all(
      amounts.map(async (amountFen) => {
        const key = randomUUID();
        const asked = await authorize(who.token, '/v1/account/top-up', { amountFen }, key);
        return () => send(who, '/v1/account/top-up', { amountFen, secondFactor: factor(asked, who.pin) }, key);
      }),
    );
    const answers = (await Promise.all(sends.map((go) => go()))).map((res) => expectOk(res));
    const total = amounts.reduce((sum, fen) => sum + fen, 0);
    assert.equal(await balanceFen(who), total);
    // Each answer holds its own movement; the last to land answers the whole total.
    for (const answer of answers) assert.ok(answer.balanceFen >= answer.amountFen && answer.balanceFen <= total, JSON.stringify(answer));
    assert.equal(Math.max(...answers.map((answer) => answer.balanceFen)), total);
    await assertLedgerSound();
  });
});
