// 销户 (issue 17 point 4) through the real handlers on DynamoDB Local, card gateway simulated: the
// pre-check lists every blocker at once and the closing is refused for each; the balance is swept
// to the bound card and the account CLOSED in one transaction; a retried request credits the
// card under one reference and closes once; after it the ledger refuses every posting to the
// account, debits and credits (a payer is told the payee's account is closed), and writes nothing.
import assert from 'node:assert/strict';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { SIMULATOR_CARDS, simulatorCardMovements } from '../../functions/adapters/simulators/card-gateway.js';
import { HOUSE_ACCOUNTS, transferJournal, withdrawJournal } from '../../functions/domain/ledger.js';
import { chinaMinute } from '../../functions/domain/time.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { handler as closure } from '../../functions/http/account-closure.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { db } from '../../functions/store/client.js';
import { reserve } from '../../functions/store/idempotency.js';
import { keys } from '../../functions/store/keys.js';
import { getJournal, postJournal } from '../../functions/store/ledger.js';
import { call, useBank } from '../support/bank.js';
import { cardNumber, type Onboarded, onboard, pay, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { encryptPin } from '../support/second-factor.js';

useBank();

const PATH = '/v1/account/closure';

const close = (who: Onboarded, options: { key?: string; pin?: string } = {}) => pay(who, closure, PATH, {}, options);
const check = async (who: Onboarded) => expectOk(await call(closure, { method: 'GET', path: PATH, token: who.token }));
const accountOf = async (who: Onboarded) => expectOk(await call(account, { method: 'GET', path: '/v1/account', token: who.token }));
const put = (item: Record<string, unknown>) => db().doc.send(new PutCommand({ TableName: db().tableName, Item: item }));
const setStatus = (who: Onboarded, status: string) =>
  db().doc.send(new UpdateCommand({ TableName: db().tableName, Key: keys.balance(who.accountId), UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status } }));

/** The notices of a closing the customer's simulated phone received. */
const closedNotices = async (who: Onboarded) =>
  (expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone: who.phone } })).messages as { template: string; text: string }[]).filter((m) => m.template === 'ACCOUNT_CLOSED_NOTICE');

/** The customer's items in the table, with their contents (what a refused write must leave as it was). */
const snapshot = async () => JSON.stringify((await scanTable()).filter((item) => item.type !== 'IDEMPOTENCY').sort((x, y) => `${x.PK}${x.SK}`.localeCompare(`${y.PK}${y.SK}`)));

describe('销户', () => {
  test('the pre-check lists every blocker at once, and the closing is refused for each with nothing changed', async () => {
    const who = await onboard({ name: '柳宗元' });
    expectOk(await topUp(who, 8_000));
    assert.deepEqual((await check(who)).blockers, []);

    // What the customer still has with the bank, as the capabilities store it.
    await put({ ...keys.loan(who.customerId, 'L1'), type: 'LOAN', loanId: 'L1', customerId: who.customerId, status: 'ACTIVE' });
    await put({ ...keys.wealthHolding(who.customerId, 'P1'), type: 'WEALTH_HOLDING', customerId: who.customerId, productId: 'P1', unitsCenti: 100 });
    await put({ ...keys.wealthOrder(who.customerId, 'O1'), type: 'WEALTH_ORDER', orderId: 'O1', customerId: who.customerId, status: 'PENDING', placedAt: new Date().toISOString() });
    const heldAt = new Date().toISOString();
    await put({ ...keys.billHistory(who.customerId, heldAt, 'B1'), type: 'BILL_HISTORY', paymentId: 'B1' });
    await put({ ...keys.billPayment(who.customerId, 'B1'), type: 'BILL_PAYMENT', paymentId: 'B1', customerId: who.customerId, status: 'HELD' });
    await setStatus(who, 'FROZEN');

    const pre = await check(who);
    assert.deepEqual(
      pre.blockers.map((b: { code: string }) => b.code),
      ['ACCOUNT_FROZEN', 'LOAN_OUTSTANDING', 'WEALTH_HOLDING', 'WEALTH_ORDER_PENDING', 'BILL_PAYMENT_IN_FLIGHT'],
    );
    assert.ok(pre.blockers.every((b: { title: string; message: string }) => /[\u4e00-\u9fff]/.test(b.title + b.message)));
    assert.equal(pre.balanceFen, 8_000);
    assert.equal(pre.retentionYears, 10);

    expectError(await close(who), 422, 'ACCOUNT_FROZEN');
    await setStatus(who, 'ACTIVE');
    expectError(await close(who), 422, 'LOAN_OUTSTANDING');
    await put({ ...keys.loan(who.customerId, 'L1'), type: 'LOAN', loanId: 'L1', customerId: who.customerId, status: 'PAID_OFF' });
    expectError(await close(who), 422, 'WEALTH_HOLDING');
    await put({ ...keys.wealthHolding(who.customerId, 'P1'), type: 'WEALTH_HOLDING', customerId: who.customerId, productId: 'P1', unitsCenti: 0 });
    expectError(await close(who), 422, 'WEALTH_ORDER_PENDING');
    await put({ ...keys.wealthOrder(who.customerId, 'O1'), type: 'WEALTH_ORDER', orderId: 'O1', customerId: who.customerId, status: 'CONFIRMED', placedAt: heldAt });
    expectError(await close(who), 422, 'BILL_PAYMENT_IN_FLIGHT');
    // A wrong PIN once nothing blocks: refused, the account as it was.
    await put({ ...keys.billPayment(who.customerId, 'B1'), type: 'BILL_PAYMENT', paymentId: 'B1', customerId: who.customerId, status: 'SETTLED' });
    expectError(await close(who, { pin: '111222' }), 403, 'PIN_INCORRECT');
    const after = await accountOf(who);
    assert.deepEqual([after.status, after.balanceFen, after.closure], ['ACTIVE', 8_000, undefined]);
    assert.deepEqual(simulatorCardMovements(who.cardNumber).filter((m) => m.kind === 'CREDIT'), [], 'nothing went to the card');
    assert.equal((await scanTable()).filter((item) => item.type === 'JOURNAL' && String(item.postings?.[0]?.label) === '销户余额转出').length, 0);
    await assertLedgerSound();
  });

  test('the balance is swept to the bound card and the account closed; signing in again shows the closed state; money routes and postings are refused', async () => {
    const user = randomUUID();
    const who = await onboard({ name: '苏东坡', user });
    const payer = await onboard({ name: '黄庭坚' });
    expectOk(await topUp(who, 12_345));
    expectOk(await topUp(payer, 5_000));

    const done = expectOk(await close(who));
    assert.equal(done.sweptFen, 12_345);
    assert.equal(done.journalId, simulatorCardMovements(who.cardNumber).find((m) => m.kind === 'CREDIT')!.reference);
    assert.deepEqual(done.sweptToCard.cardNumberMasked, `**** **** **** ${who.cardNumber.slice(-4)}`);
    const years = (new Date(done.retainUntil).getTime() - new Date(done.closedAt).getTime()) / (365.25 * 86_400_000);
    assert.ok(Math.abs(years - 10) < 0.01, `kept 10 years after the closing, not ${years}`);
    const credits = simulatorCardMovements(who.cardNumber).filter((m) => m.kind === 'CREDIT');
    assert.deepEqual(credits.map((m) => m.amountFen), [12_345]);
    // The bound phone is told, once the money is on the card.
    assert.deepEqual((await closedNotices(who)).map((m) => m.text), [`【近邻银行】您的电子账户已于 ${chinaMinute(new Date(done.closedAt))} 注销，余额 123.45 元已转入尾号 ${who.cardNumber.slice(-4)} 的银行卡。如非本人操作，请立即联系客服。`]);

    // The sweep is a withdrawal journal that says what it is; the account ends at 0 and CLOSED.
    const sweep = await getJournal(credits[0]!.reference);
    assert.equal(sweep!.kind, 'WITHDRAW');
    assert.equal(sweep!.postings.find((p) => p.accountId === who.accountId)!.label, '销户余额转出');
    const closed = await accountOf(who);
    assert.deepEqual([closed.status, closed.balanceFen], ['CLOSED', 0]);
    assert.deepEqual(closed.closure, done);
    // Records kept: the customer and the account are still there, with the closing on both.
    const items = await scanTable();
    const profile = items.find((item) => item.PK === keys.customer(who.customerId).PK && item.SK === 'PROFILE');
    assert.deepEqual(profile!.accountClosure, { closedAt: done.closedAt, retainUntil: done.retainUntil });

    // Signing in afterwards: the profile shows the closed account, not an error.
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } }));
    const session = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.code } }));
    assert.equal(session.me.customerId, who.customerId);
    assert.deepEqual([session.me.account.status, session.me.account.closure], ['CLOSED', done]);

    // Money routes answer a clear refusal before the review sheet.
    expectError(await topUp(who, 100), 409, 'ACCOUNT_CLOSED');
    expectError(await withdraw(who, 100), 409, 'ACCOUNT_CLOSED');
    expectError(await close(who), 409, 'ACCOUNT_CLOSED');
    expectError(await call(closure, { method: 'GET', path: PATH, token: who.token }), 409, 'ACCOUNT_CLOSED');
    // A transfer to it: the payer is told the payee's account is closed.
    expectError(await transfer(payer, who, 1_000), 422, 'PAYEE_ACCOUNT_CLOSED');
    assert.equal((await accountOf(payer)).balanceFen, 5_000);
    await assertLedgerSound();
  });

  test('the ledger refuses any posting to a closed account, credit or debit, and writes nothing', async () => {
    const who = await onboard({ name: '欧阳修' });
    const payer = await onboard({ name: '曾巩' });
    expectOk(await topUp(payer, 9_000));
    expectOk(await close(who));
    const before = await snapshot();
    const now = new Date().toISOString();
    const credit = transferJournal({
      journalId: `J-test-${randomUUID()}`,
      from: { accountId: payer.accountId, displayName: '曾*' },
      to: { accountId: who.accountId, displayName: '欧阳*' },
      amountFen: 1_000,
      memo: undefined,
      createdAt: now,
    });
    assert.deepEqual(await postJournal(credit), { ok: false, reason: 'ACCOUNT_CLOSED', accountId: who.accountId });
    const debit = withdrawJournal({ journalId: `J-test-${randomUUID()}`, customerAccountId: who.accountId, cardMasked: '卡 0000', houseShardAccountId: `${HOUSE_ACCOUNTS.CARD_SETTLEMENT}~00`, amountFen: 1, createdAt: now });
    assert.deepEqual(await postJournal(debit), { ok: false, reason: 'ACCOUNT_CLOSED', accountId: who.accountId });
    assert.equal(await snapshot(), before, 'nothing written');
    await assertLedgerSound();
  });

  test('a retried closing credits the card under one reference and closes once', async () => {
    const who = await onboard({ name: '王安石' });
    expectOk(await topUp(who, 7_000));
    const key = randomUUID();
    const asked = expectOk(await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: who.token, body: { method: 'POST', path: PATH, body: {}, idempotencyKey: key } }));
    assert.equal(asked.review.amountFen, 7_000, 'the review sheet shows what goes to the card');
    const body = { secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, who.pin) } };
    const first = expectOk(await call(closure, { method: 'POST', path: PATH, token: who.token, idempotencyKey: key, body }));
    // Sent again under the same key: the stored answer.
    assert.deepEqual(expectOk(await call(closure, { method: 'POST', path: PATH, token: who.token, idempotencyKey: key, body })), first);
    assert.equal(simulatorCardMovements(who.cardNumber).filter((m) => m.kind === 'CREDIT').length, 1);

    // The first run's answer never stored, its lease lapsed: the same request runs again, asks
    // the card under the same reference, and answers the same closing.
    const [record] = (await scanTable()).filter((item) => item.type === 'IDEMPOTENCY' && String(item.PK).endsWith(`#${key}`));
    const scope = String(record!.PK).slice('IDEM#'.length, -(key.length + 1));
    await db().doc.send(new DeleteCommand({ TableName: db().tableName, Key: { PK: record!.PK, SK: record!.SK } }));
    assert.equal((await reserve(scope, key, String(record!.requestHash), new Date(Date.now() - 10 * 60_000))).state, 'reserved');
    const again = expectOk(await call(closure, { method: 'POST', path: PATH, token: who.token, idempotencyKey: key, body }));
    assert.deepEqual(again, first);
    const credits = simulatorCardMovements(who.cardNumber).filter((m) => m.kind === 'CREDIT');
    assert.equal(new Set(credits.map((m) => m.reference)).size, 1, 'one reference: the gateway credits it once');
    const sweeps = (await scanTable()).filter((item) => item.type === 'JOURNAL' && item.postings.some((p: { accountId: string; label: string }) => p.accountId === who.accountId && p.label === '销户余额转出'));
    assert.equal(sweeps.length, 1);
    assert.equal((await closedNotices(who)).length, 1, 'a retried closing does not tell the phone again');
    await assertLedgerSound();
  });

  test('a card that refuses the swept money undoes the closing: the balance back, the account ACTIVE', async () => {
    const who = await onboard({ name: '范仲淹', card: cardNumber('622202', SIMULATOR_CARDS.creditDeclined) });
    expectOk(await topUp(who, 3_000));
    expectError(await close(who), 422, 'CLOSURE_CARD_DECLINED');
    const after = await accountOf(who);
    assert.deepEqual([after.status, after.balanceFen, after.closure], ['ACTIVE', 3_000, undefined]);
    const items = await scanTable();
    const profile = items.find((item) => item.PK === keys.customer(who.customerId).PK && item.SK === 'PROFILE');
    assert.equal(profile!.accountClosure, undefined);
    // The sweep and its reversal, answered with the refusal (no journal to name).
    const sweepAndReversal = items.filter((item) => item.type === 'JOURNAL' && item.postings.some((p: { accountId: string }) => p.accountId === who.accountId) && ['WITHDRAW', 'WITHDRAW_REVERSAL'].includes(item.kind));
    assert.equal(sweepAndReversal.length, 2);
    assert.deepEqual(await closedNotices(who), [], 'no notice of a closing that was undone');
    await assertLedgerSound({ unkeyedJournals: new Set(sweepAndReversal.map((item) => String(item.journalId))) });
  });

  test('an account with nothing left closes without a journal', async () => {
    const who = await onboard({ name: '李清照' });
    const done = expectOk(await close(who));
    assert.deepEqual([done.sweptFen, done.journalId], [0, null]);
    assert.equal((await accountOf(who)).status, 'CLOSED');
    assert.deepEqual(simulatorCardMovements(who.cardNumber), []);
  });
});
