// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, payee
// lookup, the card gateway's refusals, PIN checks and history.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { journalReference } from '../../functions/domain/history.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, cardNumber, idNumber, type Onboarded, onboard, pay, setPin, signIn, topUp, transfer, uniquePhone, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { capturingLogs, inClear, legacyScryptHash, storedCustomer, storePinHash } from '../support/legacy-pin.js';
import { hashPin } from '../../functions/store/pin-hash.js';

useBank();

const DAILY_FEN = 1_000_000; // 10,000 yuan a day with non-bound counterparties (DESIGN.md)
const YEARLY_FEN = 20_000_000; // 200,000 yuan a year

const getAccount = (who: { token: string }) => call(account, { method: 'GET', path: '/v1/account', token: who.token });
const openAccount = (token: string, card: string) => call(account, { method: 'POST', path: '/v1/account', token, body: { cardNumber: card } });
const history = (who: { token: string }, query: Record<string, string> = {}) =>
  call(account, { method: 'GET', path: '/v1/account/history', token: who.token, query });
const payee = (who: { token: string }, phone: string) => call(account, { method: 'GET', path: '/v1/account/payee', token: who.token, query: { phone } });
/** A money request with its PIN (the customer's unless the body names another), confirmed as
 *  the device does. */
const moneyAs = (who: Onboarded, path: string, { pin = who.pin, ...body }: Record<string, unknown>) => pay(who, account, path, body, { pin: String(pin) });

async function allHistory(who: Onboarded, limit = 50) {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const body: any = expectOk(await history(who, { limit: String(limit), ...(cursor ? { cursor } : {}) }));
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('history never ended');
}

describe('opening the account', () => {
  test('needs phone, real name and PIN, in that order; then opens once', async () => {
    const { token } = await signIn();
    const card = cardNumber('621700');
    expectError(await openAccount(token, card), 422, 'PHONE_REQUIRED');
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: uniquePhone() } })).code;
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code } }));
    expectError(await openAccount(token, card), 422, 'REAL_NAME_REQUIRED');
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name: '赵六', idNumber: idNumber() } }));
    expectError(await openAccount(token, card), 422, 'PIN_REQUIRED');
    expectOk(await setPin(token, '471395'));

    // Money routes need the account itself.
    expectError(await getAccount({ token }), 422, 'ACCOUNT_REQUIRED');
    expectError(await pay({ token, pin: '471395' }, account, '/v1/account/top-up', { amountFen: 100 }), 422, 'ACCOUNT_REQUIRED');

    const bad = card.slice(0, -1) + String((Number(card.slice(-1)) + 1) % 10);
    expectError(await openAccount(token, bad), 400, 'CARD_NUMBER_INVALID');

    const opened = expectOk(await openAccount(token, card));
    assert.equal(opened.accountClass, 'II');
    assert.equal(opened.balanceFen, 0);
    assert.equal(opened.boundCard.bankName, '中国建设银行');
    assert.ok(opened.boundCard.cardNumberMasked.endsWith(card.slice(-4)));
    assert.ok(!JSON.stringify(opened).includes(card));

    expectError(await openAccount(token, card), 409, 'ACCOUNT_ALREADY_OPEN');
    expectError(await openAccount(token, cardNumber()), 409, 'ACCOUNT_ALREADY_OPEN');
    const me = expectOk(await call(customer, { method: 'GET', path: '/v1/me', token }));
    assert.equal(me.account.accountId, opened.accountId);
    const accounts = (await scanTable()).filter((i) => i.type === 'ACCOUNT' && i.ownerCustomerId === me.customerId);
    assert.equal(accounts.length, 1);
  });

  test('a card the gateway does not verify opens nothing', async () => {
    const { token } = await signIn();
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: uniquePhone() } })).code;
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code } }));
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name: '赵六', idNumber: idNumber() } }));
    const me = expectOk(await setPin(token, '471395'));
    const before = await scanTable();

    expectError(await openAccount(token, cardNumber('622202', '0053')), 422, 'CARD_HOLDER_MISMATCH');
    assert.equal(expectOk(await call(customer, { method: 'GET', path: '/v1/me', token })).account, null);
    expectError(await getAccount({ token }), 422, 'ACCOUNT_REQUIRED');
    assert.deepEqual(await scanTable(), before);
    assert.equal(before.filter((i) => i.type === 'ACCOUNT' && i.ownerCustomerId === me.customerId).length, 0);

    // A good card afterwards works.
    expectOk(await openAccount(token, cardNumber()));
  });

  test('two concurrent opens by one customer make one account', async () => {
    const { token } = await signIn();
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: uniquePhone() } })).code;
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code } }));
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name: '赵六', idNumber: idNumber() } }));
    const me = expectOk(await setPin(token, '471395'));
    const results = await Promise.all([openAccount(token, cardNumber()), openAccount(token, cardNumber())]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const accounts = (await scanTable()).filter((i) => i.type === 'ACCOUNT' && i.ownerCustomerId === me.customerId);
    assert.equal(accounts.length, 1);
  });

  test('GET /v1/account shows the balance and the full Class II limits', async () => {
    const c = await onboard();
    const detail = expectOk(await getAccount(c));
    assert.equal(detail.accountId, c.accountId);
    assert.equal(detail.balanceFen, 0);
    assert.deepEqual(detail.limits, {
      nonBoundOutToday: { limitFen: DAILY_FEN, usedFen: 0, remainingFen: DAILY_FEN },
      nonBoundOutThisYear: { limitFen: YEARLY_FEN, usedFen: 0, remainingFen: YEARLY_FEN },
      nonBoundInToday: { limitFen: DAILY_FEN, usedFen: 0, remainingFen: DAILY_FEN },
      nonBoundInThisYear: { limitFen: YEARLY_FEN, usedFen: 0, remainingFen: YEARLY_FEN },
      boundCard: 'UNLIMITED',
      maxSingleAmountFen: detail.limits.maxSingleAmountFen,
    });
    assert.ok(detail.limits.maxSingleAmountFen >= DAILY_FEN);
  });
});

describe('moving money', () => {
  let a: Onboarded;
  let b: Onboarded;
  let c: Onboarded;
  before(async () => {
    [a, b, c] = await Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' }), onboard({ name: '欧阳娜娜' })]);
  });

  test('top-up, withdrawal and transfer move exact amounts', async () => {
    const up = expectOk(await topUp(a, 10_000));
    assert.deepEqual({ ...up, journalId: undefined, createdAt: undefined }, {
      journalId: undefined, createdAt: undefined, reference: journalReference(up.journalId), kind: 'TOP_UP', status: 'SUCCEEDED', amountFen: 10_000, balanceFen: 10_000,
    });
    const down = expectOk(await withdraw(a, 2_501));
    assert.equal(down.kind, 'WITHDRAW');
    assert.equal(down.status, 'SUCCEEDED');
    assert.equal(down.balanceFen, 7_499);
    const sent = expectOk(await transfer(a, b, 1_234));
    assert.equal(sent.kind, 'TRANSFER');
    assert.equal(sent.amountFen, 1_234);
    assert.equal(sent.balanceFen, 6_265);
    assert.equal(await balanceFen(a), 6_265);
    assert.equal(await balanceFen(b), 1_234);
    const journalIds = new Set([up.journalId, down.journalId, sent.journalId]);
    assert.equal(journalIds.size, 3);
  });

  test('a transfer counts against both sides\' non-bound limits; card movements do not', async () => {
    const before = { a: expectOk(await getAccount(a)).limits, b: expectOk(await getAccount(b)).limits };
    expectOk(await transfer(a, b, 100));
    expectOk(await topUp(a, 300));
    expectOk(await withdraw(a, 200));
    const after = { a: expectOk(await getAccount(a)).limits, b: expectOk(await getAccount(b)).limits };
    assert.equal(after.a.nonBoundOutToday.usedFen - before.a.nonBoundOutToday.usedFen, 100);
    assert.equal(after.a.nonBoundOutThisYear.usedFen - before.a.nonBoundOutThisYear.usedFen, 100);
    assert.equal(after.a.nonBoundInToday.usedFen, before.a.nonBoundInToday.usedFen);
    assert.equal(after.b.nonBoundInToday.usedFen - before.b.nonBoundInToday.usedFen, 100);
    assert.equal(after.b.nonBoundInThisYear.usedFen - before.b.nonBoundInThisYear.usedFen, 100);
    assert.equal(after.b.nonBoundOutToday.usedFen, before.b.nonBoundOutToday.usedFen);
    assert.equal(after.a.nonBoundOutToday.remainingFen, DAILY_FEN - after.a.nonBoundOutToday.usedFen);
  });

  test('insufficient funds: 422, and no balance or limit moves', async () => {
    const balances = [await balanceFen(a), await balanceFen(b)];
    const limitsBefore = expectOk(await getAccount(a)).limits;
    expectError(await withdraw(a, balances[0]! + 1), 422, 'INSUFFICIENT_FUNDS');
    expectError(await transfer(a, b, balances[0]! + 1), 422, 'INSUFFICIENT_FUNDS');
    assert.deepEqual([await balanceFen(a), await balanceFen(b)], balances);
    assert.deepEqual(expectOk(await getAccount(a)).limits, limitsBefore);
    // Exactly the whole balance is fine.
    expectOk(await transfer(b, a, balances[1]!));
    assert.equal(await balanceFen(b), 0);
    expectError(await withdraw(b, 1), 422, 'INSUFFICIENT_FUNDS');
  });

  test('a transfer to oneself is refused', async () => {
    const before = await balanceFen(a);
    expectError(await transfer(a, a, 100), 400, 'SAME_ACCOUNT');
    assert.equal(await balanceFen(a), before);
  });

  test('a transfer to a phone with no Jinlin account is 404 PAYEE_NOT_FOUND', async () => {
    const before = await balanceFen(a);
    expectError(await moneyAs(a, '/v1/account/transfer', { toPhone: uniquePhone(), amountFen: 100, pin: a.pin }), 404, 'PAYEE_NOT_FOUND');
    // A customer who bound this phone but never opened an account is not a payee either.
    const half = await signIn();
    const phone = uniquePhone();
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone } })).code;
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/phone', token: half.token, body: { code } }));
    expectError(await moneyAs(a, '/v1/account/transfer', { toPhone: phone, amountFen: 100, pin: a.pin }), 404, 'PAYEE_NOT_FOUND');
    expectError(await payee(a, phone), 404, 'PAYEE_NOT_FOUND');
    assert.equal(await balanceFen(a), before);
  });

  test('payee lookup shows a masked name and phone', async () => {
    assert.deepEqual(expectOk(await payee(a, c.phone)), { nameMasked: '欧***', phoneMasked: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}` });
    assert.deepEqual(expectOk(await payee(c, a.phone)).nameMasked, '张*');
    expectError(await payee(a, uniquePhone()), 404, 'PAYEE_NOT_FOUND');
    expectError(await payee(a, '12345'), 400, 'VALIDATION_FAILED');
  });

  test('the receiver sees the sender\'s masked name in history, and the sender the receiver\'s', async () => {
    expectOk(await topUp(c, 500));
    const sent = expectOk(await moneyAs(c, '/v1/account/transfer', { toPhone: a.phone, amountFen: 321, pin: c.pin, memo: '还你饭钱' }));
    const received = (await allHistory(a)).find((i) => i.journalId === sent.journalId);
    assert.equal(received.amountFen, 321);
    assert.equal(received.counterparty, '欧***');
    assert.match(received.label, /欧\*\*\*/);
    assert.match(received.label, /还你饭钱/);
    const own = (await allHistory(c)).find((i) => i.journalId === sent.journalId);
    assert.equal(own.amountFen, -321);
    assert.equal(own.counterparty, '张*');
  });

  test('the single-movement cap applies to card movements too', async () => {
    const { maxSingleAmountFen } = expectOk(await getAccount(a)).limits;
    const before = await balanceFen(a);
    expectError(await topUp(a, maxSingleAmountFen + 1), 422, 'AMOUNT_TOO_LARGE');
    expectError(await withdraw(a, maxSingleAmountFen + 1), 422, 'AMOUNT_TOO_LARGE');
    assert.equal(await balanceFen(a), before);
  });
});

describe('daily non-bound limit (default 10,000 yuan)', () => {
  test('transfers totalling over 1,000,000 fen in a day are refused; exactly the limit is fine', async () => {
    const [x, y, z] = await Promise.all([onboard({ name: '钱七' }), onboard({ name: '孙八' }), onboard({ name: '周九' })]);
    expectOk(await topUp(x, 1_500_000)); // from the bound card: not limited
    expectOk(await transfer(x, y, 600_000));
    expectError(await transfer(x, z, 400_001), 422, 'DAILY_LIMIT_EXCEEDED');
    expectError(await transfer(x, z, DAILY_FEN + 1), 422, 'DAILY_LIMIT_EXCEEDED');
    expectOk(await transfer(x, z, 400_000));
    expectError(await transfer(x, z, 1), 422, 'DAILY_LIMIT_EXCEEDED');
    assert.equal(await balanceFen(x), 500_000);
    assert.equal(await balanceFen(z), 400_000);
    const limits = expectOk(await getAccount(x)).limits;
    assert.deepEqual(limits.nonBoundOutToday, { limitFen: DAILY_FEN, usedFen: DAILY_FEN, remainingFen: 0 });
    // The bound card is still open both ways.
    expectOk(await withdraw(x, 500_000));
    expectOk(await topUp(x, 2_000_000));
    assert.equal(await balanceFen(x), 2_000_000);
  });
});

describe('payment PIN on money routes', () => {
  test('a wrong PIN is 403 with the attempts left; the fifth locks (423) and then even the right PIN is refused', async () => {
    const d = await onboard({ name: '吴十' });
    expectOk(await topUp(d, 5_000));
    for (let n = 1; n <= 4; n++) {
      const res = await moneyAs(d, '/v1/account/withdraw', { amountFen: 100, pin: '000123' });
      expectError(res, 403, 'PIN_INCORRECT');
      assert.match(res.body.error.message, new RegExp(`${5 - n} 次`));
    }
    const startedAt = Date.now();
    expectError(await moneyAs(d, '/v1/account/withdraw', { amountFen: 100, pin: '000123' }), 423, 'PIN_LOCKED');
    expectError(await moneyAs(d, '/v1/account/withdraw', { amountFen: 100, pin: d.pin }), 423, 'PIN_LOCKED');
    expectError(await moneyAs(d, '/v1/account/top-up', { amountFen: 100, pin: d.pin }), 423, 'PIN_LOCKED');
    expectError(await moneyAs(d, '/v1/account/transfer', { toPhone: uniquePhone(), amountFen: 100, pin: d.pin }), 404, 'PAYEE_NOT_FOUND');
    assert.equal(await balanceFen(d), 5_000);
    const me = expectOk(await call(customer, { method: 'GET', path: '/v1/me', token: d.token }));
    const lockMs = Date.parse(me.pinLockedUntil) - startedAt;
    assert.ok(lockMs > 23 * 3_600_000 && lockMs <= 24 * 3_600_000 + 60_000, `locked for ${lockMs} ms`);
    // Changing the PIN while locked is refused too.
    expectError(await setPin(d.token, '802461', d.pin), 423, 'PIN_LOCKED');
  });

  test('the right PIN resets the count of wrong attempts', async () => {
    const e = await onboard({ name: '郑十一' });
    for (let n = 0; n < 3; n++) expectError(await topUp({ ...e, pin: '000123' }, 100), 403, 'PIN_INCORRECT');
    expectOk(await topUp(e, 100));
    const res = await topUp({ ...e, pin: '000123' }, 100);
    expectError(res, 403, 'PIN_INCORRECT');
    assert.match(res.body.error.message, /4 次/);
  });

  test('concurrent wrong PINs are each counted', async () => {
    const f = await onboard({ name: '王十二' });
    const results = await Promise.all(Array.from({ length: 3 }, () => topUp({ ...f, pin: '000123' }, 100)));
    for (const r of results) assert.ok([403, 409].includes(r.status), JSON.stringify(r.body));
    const counted = results.filter((r) => r.status === 403).length;
    const res = await topUp({ ...f, pin: '000123' }, 100);
    expectError(res, 403, 'PIN_INCORRECT');
    assert.match(res.body.error.message, new RegExp(`${5 - counted - 1} 次`));
  });
});

describe('keyed PIN hashes on money routes', () => {
  test('a legacy scrypt hash verifies once more and the next right PIN rewrites it to the keyed hash; no item or log holds the PIN', async () => {
    const pin = '582039';
    const c = await onboard({ name: '钱十三', pin });
    // What onboarding stored: the keyed hash under the key in force, never the PIN.
    assert.equal((await storedCustomer(c.customerId)).pinHash, await hashPin(c.customerId, pin));
    // A table written before keyed hashes: scrypt N=2^15, as the app stored PINs then.
    const legacy = await legacyScryptHash(pin);
    await storePinHash(c.customerId, legacy);
    const { output } = await capturingLogs(async () => {
      // A wrong PIN is counted against the legacy hash and rewrites nothing.
      expectError(await topUp({ ...c, pin: '000123' }, 100), 403, 'PIN_INCORRECT');
      let stored = await storedCustomer(c.customerId);
      assert.equal(stored.pinHash, legacy);
      assert.equal(stored.pinFailedAttempts, 1);
      // The right PIN: scrypt verifies it once more, the counter is cleared, the hash rewritten.
      expectOk(await topUp(c, 100));
      stored = await storedCustomer(c.customerId);
      assert.match(stored.pinHash, /^hmac1\$local-1\$[A-Za-z0-9_-]{43}$/);
      assert.equal(stored.pinHash, await hashPin(c.customerId, pin));
      assert.equal(stored.pinFailedAttempts, 0);
      assert.equal(stored.pinLockedUntil, null);
      // From now on the keyed hash answers: the right PIN pays, a wrong one is counted as before.
      expectOk(await withdraw(c, 50));
      const wrong = await topUp({ ...c, pin: '000123' }, 100);
      expectError(wrong, 403, 'PIN_INCORRECT');
      assert.match(wrong.body.error.message, /4 次/);
      const keyed = (await storedCustomer(c.customerId)).pinHash;
      assert.equal(keyed, await hashPin(c.customerId, pin));
      // A hash under a key no longer in the secrets is an operations error (500, logged), never a
      // wrong PIN counted towards the customer's lock — and the log line holds no PIN either.
      await storePinHash(c.customerId, keyed.replace('$local-1$', '$retired-0$'));
      expectError(await topUp(c, 100), 500, 'INTERNAL_ERROR');
      assert.equal((await storedCustomer(c.customerId)).pinFailedAttempts, 1);
      await storePinHash(c.customerId, keyed);
    });
    assert.match(output, /PIN key retired-0 is not among the PIN keys/, 'the logs were captured');
    assert.equal(await balanceFen(c), 50);
    assert.doesNotMatch(JSON.stringify(await scanTable()), inClear(pin), 'a stored item holds the PIN');
    assert.doesNotMatch(output, inClear(pin), 'a log line holds the PIN');
  });

  test('a customer with a legacy hash can change the PIN: the current one is checked by scrypt, the new one stored keyed', async () => {
    const c = await onboard({ name: '孙十四', pin: '471395' });
    await storePinHash(c.customerId, await legacyScryptHash('471395', 2 ** 10));
    expectOk(await setPin(c.token, '802461', '471395'));
    assert.equal((await storedCustomer(c.customerId)).pinHash, await hashPin(c.customerId, '802461'));
    expectError(await topUp({ ...c, pin: '471395' }, 100), 403, 'PIN_INCORRECT');
    expectOk(await topUp({ ...c, pin: '802461' }, 100));
  });

  test('two customers with the same PIN store different hashes', async () => {
    const [a, b] = [await onboard({ pin: '390517' }), await onboard({ pin: '390517' })];
    const [ha, hb] = [(await storedCustomer(a!.customerId)).pinHash, (await storedCustomer(b!.customerId)).pinHash];
    assert.match(ha, /^hmac1\$/);
    assert.notEqual(ha, hb);
  });
});

describe('card gateway refusals', () => {
  test('a card that declines the debit (…0051): top-up refused, balance unchanged, nothing journaled', async () => {
    const g = await onboard({ card: cardNumber('622202', '0051') });
    const journalsBefore = (await scanTable()).filter((i) => i.type === 'JOURNAL').length;
    const key = randomUUID();
    const res = await topUp(g, 10_000, key);
    expectError(res, 422, 'CARD_DECLINED');
    assert.equal(await balanceFen(g), 0);
    assert.equal((await scanTable()).filter((i) => i.type === 'JOURNAL').length, journalsBefore);
    assert.deepEqual(expectOk(await history(g)).items, []);
    // The refusal is that key's answer: a repeat gets it again, and still nothing moves.
    expectError(await topUp(g, 10_000, key), 422, 'CARD_DECLINED');
    assert.equal(await balanceFen(g), 0);
  });

  test('a card that refuses the credit (…0052): withdrawal answers REVERSED and the money is back', async () => {
    const h = await onboard({ card: cardNumber('622202', '0052') });
    expectOk(await topUp(h, 8_000));
    const res = expectOk(await withdraw(h, 3_000));
    assert.equal(res.status, 'REVERSED');
    assert.equal(res.kind, 'WITHDRAW_REVERSAL');
    assert.equal(res.amountFen, 3_000);
    assert.equal(res.balanceFen, 8_000);
    assert.equal(await balanceFen(h), 8_000);
    const items = expectOk(await history(h)).items;
    assert.deepEqual(items.map((i: any) => [i.kind, i.amountFen]), [['WITHDRAW_REVERSAL', 3_000], ['WITHDRAW', -3_000], ['TOP_UP', 8_000]]);
    const journals = (await scanTable()).filter((i) => i.type === 'JOURNAL');
    const reversal = journals.find((j) => j.journalId === res.journalId)!;
    assert.equal(reversal.reverses, items[1].journalId);
  });
});

describe('history', () => {
  test('newest first, paged by cursor with no duplicates or gaps', async () => {
    const k = await onboard({ name: '冯十三' });
    const amounts = [101, 202, 303, 404];
    const done: string[] = [];
    for (const amountFen of amounts) done.push(expectOk(await topUp(k, amountFen)).journalId);
    expectOk(await withdraw(k, 50));
    const full = expectOk(await history(k)).items;
    assert.equal(full.length, 5);
    for (let i = 1; i < full.length; i++) assert.ok(full[i - 1].createdAt >= full[i].createdAt, 'newest first');
    assert.deepEqual(full.map((i: any) => i.amountFen), [-50, ...[...amounts].reverse()]);
    assert.equal(full.reduce((s: number, i: any) => s + i.amountFen, 0), await balanceFen(k));

    const pages: any[][] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectOk(await history(k, { limit: '2', ...(cursor ? { cursor } : {}) }));
      assert.ok(page.items.length <= 2);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    const paged = pages.flat();
    assert.deepEqual(paged.map((i) => i.journalId), full.map((i: any) => i.journalId));
    assert.equal(new Set(paged.map((i) => i.journalId)).size, paged.length);
  });

  test('a forged or foreign cursor is refused or stays within the caller\'s own history', async () => {
    const [m, n] = await Promise.all([onboard({ name: '陈十四' }), onboard({ name: '褚十五' })]);
    expectOk(await topUp(m, 100));
    expectOk(await topUp(m, 200));
    expectOk(await topUp(n, 999));
    for (const cursor of ['not-a-cursor', Buffer.from('CUST#x').toString('base64url'), Buffer.from('PROFILE').toString('base64url'), '!!!!', Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')]) {
      expectError(await history(m, { cursor }), 400, 'INVALID_CURSOR');
    }
    // Cursors that look like ours but point nowhere in particular page through m's own history.
    for (const raw of ['POST#', 'POST#9999', 'POST#\u0000', `POST#${'z'.repeat(140)}`, 'POST#\uffff']) {
      const res = await history(m, { cursor: Buffer.from(raw).toString('base64url') });
      assert.ok(res.status === 200 || res.status === 400, `${JSON.stringify(raw)}: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status === 200) for (const item of res.body.items) assert.notEqual(item.amountFen, 999);
    }
    // n's cursor used by m pages through m's history, never n's.
    const nCursor = expectOk(await history(n, { limit: '1' })).nextCursor;
    const nPage = nCursor ? await history(m, { cursor: nCursor }) : undefined;
    if (nPage) {
      assert.equal(nPage.status, 200);
      for (const item of nPage.body.items) assert.notEqual(item.amountFen, 999);
    }
    expectError(await history(m, { limit: '0' }), 400, 'VALIDATION_FAILED');
    expectError(await history(m, { limit: '51' }), 400, 'VALIDATION_FAILED');
    expectError(await history(m, { cursor: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED');
  });
});

describe('history entries (receipts)', () => {
  const entry = (who: { token: string }, entryId: string) => call(account, { method: 'GET', path: `/v1/account/history/${entryId}`, token: who.token });
  const REFERENCE = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

  test('each side of a transfer opens its own receipt; nobody else can, whatever the id', async () => {
    const [p, q, r] = await Promise.all([onboard({ name: '卫十六' }), onboard({ name: '蒋十七' }), onboard({ name: '沈十八' })]);
    expectOk(await topUp(p, 1_000));
    const sent = expectOk(await transfer(p, q, 400));
    assert.match(sent.reference, REFERENCE);

    const own = expectOk(await entry(p, sent.journalId));
    assert.deepEqual(
      { reference: own.reference, kind: own.kind, kindLabel: own.kindLabel, amountFen: own.amountFen, counterparty: own.counterparty, status: own.status, related: own.related },
      { reference: sent.reference, kind: 'TRANSFER', kindLabel: '转账', amountFen: -400, counterparty: '蒋**', status: 'SUCCEEDED', related: null },
    );
    assert.equal(own.createdAt, sent.createdAt);
    assert.equal(own.accountNumberMasked, expectOk(await getAccount(p)).accountNumberMasked);
    assert.ok(!JSON.stringify(own).includes(q.phone), 'the payee\'s phone never shows');
    const theirs = expectOk(await entry(q, sent.journalId));
    assert.deepEqual([theirs.reference, theirs.amountFen, theirs.counterparty], [sent.reference, 400, '卫**']);

    const refused = await entry(r, sent.journalId);
    expectError(refused, 404, 'HISTORY_ENTRY_NOT_FOUND');
    assert.equal(refused.body.error.message, '未找到这笔交易');
    expectError(await entry(p, `J${'A'.repeat(26)}`), 404, 'HISTORY_ENTRY_NOT_FOUND');
    // An id no journal can have names nothing: 404 like any unknown id, before any read.
    for (const bad of ['x', sent.journalId.slice(0, -1), `${sent.journalId}A`, `W${sent.journalId.slice(1)}`, `J${'.'.repeat(26)}`, `${sent.journalId}/JOURNAL`]) {
      expectError(await entry(p, bad), 404, 'NOT_FOUND');
    }
  });

  test('a withdrawal the card refused reads 失败 in the list and on its receipt, beside the entry that returned it', async () => {
    const h = await onboard({ name: '韩十九', card: cardNumber('622202', '0052') });
    expectOk(await topUp(h, 5_000));
    const reversed = expectOk(await withdraw(h, 2_000));
    assert.equal(reversed.status, 'REVERSED');
    const items = expectOk(await history(h)).items;
    assert.deepEqual(items.map((i: any) => [i.kind, i.status]), [['WITHDRAW_REVERSAL', 'SUCCEEDED'], ['WITHDRAW', 'FAILED'], ['TOP_UP', 'SUCCEEDED']]);

    const failed = expectOk(await entry(h, items[1].journalId));
    assert.equal(failed.status, 'FAILED');
    assert.deepEqual(failed.related, {
      journalId: reversed.journalId,
      reference: reversed.reference,
      kind: 'WITHDRAW_REVERSAL',
      kindLabel: '提现退回',
      createdAt: reversed.createdAt,
      relation: 'RETURNED_BY',
    });
    const returned = expectOk(await entry(h, reversed.journalId));
    assert.equal(returned.amountFen, 2_000);
    assert.deepEqual([returned.related.journalId, returned.related.relation, returned.related.reference], [failed.journalId, 'RETURNS', failed.reference]);
  });

  test('filters: money in or out, and one group of kinds, validated by the server', async () => {
    const [f, g] = await Promise.all([onboard({ name: '杨二十' }), onboard({ name: '朱廿一' })]);
    for (const amountFen of [100, 200, 300]) expectOk(await topUp(f, amountFen));
    expectOk(await transfer(f, g, 50));
    expectOk(await transfer(g, f, 20));
    expectOk(await withdraw(f, 70));
    const kinds = async (query: Record<string, string>) => {
      const items: any[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const body: any = expectOk(await history(f, { limit: '2', ...query, ...(cursor ? { cursor } : {}) }));
        items.push(...body.items);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      return items.map((i) => `${i.kind} ${i.amountFen}`);
    };
    assert.deepEqual(await kinds({ direction: 'IN' }), ['TRANSFER 20', 'TOP_UP 300', 'TOP_UP 200', 'TOP_UP 100']);
    assert.deepEqual(await kinds({ direction: 'OUT' }), ['WITHDRAW -70', 'TRANSFER -50']);
    assert.deepEqual(await kinds({ group: 'TRANSFER' }), ['TRANSFER 20', 'TRANSFER -50']);
    assert.deepEqual(await kinds({ group: 'CARD', direction: 'OUT' }), ['WITHDRAW -70']);
    assert.deepEqual(await kinds({ group: 'LOAN' }), []);
    expectError(await history(f, { direction: 'SIDEWAYS' }), 400, 'VALIDATION_FAILED');
    expectError(await history(f, { group: 'CASINO' }), 400, 'VALIDATION_FAILED');
    expectError(await history(f, { group: 'transfer' }), 400, 'VALIDATION_FAILED');
  });
});

describe('ledger', () => {
  test('after everything above, every invariant holds', async () => {
    const report = await assertLedgerSound();
    assert.ok(report.journals.size >= 25, `${report.journals.size} journals`);
  });
});

describe('privacy', () => {
  test('no response carried a customer\'s full phone, name, ID or card number', () => {
    assertNoPersonalDataInResponses();
  });
});
