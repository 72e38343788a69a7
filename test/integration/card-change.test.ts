// 更换绑定卡 (issue 17 point 1, the card) through the real handlers on DynamoDB Local, card gateway
// and SMS simulated: the ID number and the PIN, the new card verified as the customer's own, the
// old card unbound and the new one bound in one transaction with the history item, the nonce and
// the security event; a notice to the bound phone; and every refusal changes nothing.
import assert from 'node:assert/strict';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { SIMULATOR_CARDS, simulatorCardMovements } from '../../functions/adapters/simulators/card-gateway.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as cardChange } from '../../functions/http/card-change.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { db } from '../../functions/store/client.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { reserve } from '../../functions/store/idempotency.js';
import { keys } from '../../functions/store/keys.js';
import { call, useBank } from '../support/bank.js';
import { cardNumber, idNumber, type Onboarded, onboard, signIn, topUp, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { authorize, confirmed, encryptPin } from '../support/second-factor.js';

useBank();

const PATH = '/v1/account/card';

/** The change as the device sends it: a nonce asked for exactly this body, the PIN encrypted. */
async function changeCard(who: Onboarded, body: { idNumber: string; cardNumber: string }, pin = who.pin) {
  const authorization = await authorize(who.token, PATH, body);
  return call(cardChange, { method: 'POST', path: PATH, token: who.token, body: { ...body, secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) } } });
}

const accountOf = async (who: Onboarded) => expectOk(await call(account, { method: 'GET', path: '/v1/account', token: who.token }));
const bindingsOf = async (who: Onboarded) => expectOk(await call(cardChange, { method: 'GET', path: '/v1/account/card-bindings', token: who.token }));
const inbox = async (phone: string) => expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone } })).messages as { template: string; text: string }[];
const masked = (card: string) => `**** **** **** ${card.slice(-4)}`;

describe('更换绑定卡', () => {
  test('the new card is bound, the history keeps both, the phone is told, and money then moves with the new card only', async () => {
    const who = await onboard({ name: '郑和' });
    const opened = await accountOf(who);
    const before = await bindingsOf(who);
    assert.deepEqual(before, { boundCard: opened.boundCard, boundSince: before.boundSince, changes: [] });

    const newCard = cardNumber('621700');
    const done = expectOk(await changeCard(who, { idNumber: who.idNumber, cardNumber: newCard }));
    assert.deepEqual(done.boundCard, { bankName: '中国建设银行', cardNumberMasked: masked(newCard) });
    assert.deepEqual(done.change.oldCard, opened.boundCard);
    assert.deepEqual(done.change.newCard, done.boundCard);
    assert.equal(done.change.unboundAt, done.change.boundAt);

    assert.deepEqual((await accountOf(who)).boundCard, done.boundCard);
    assert.deepEqual(await bindingsOf(who), { boundCard: done.boundCard, boundSince: done.change.boundAt, changes: [done.change] });

    const [notice] = await inbox(who.phone);
    assert.equal(notice!.template, 'CARD_CHANGED_NOTICE');
    assert.ok(notice!.text.includes(`尾号 ${newCard.slice(-4)}`));
    const events = (await customerEvents(who.customerId)).filter((e) => e.kind === 'CARD_CHANGED');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.at, done.change.boundAt);

    // Stored: the new card encrypted, never in the clear anywhere in the table.
    const items = await scanTable();
    assert.ok(!JSON.stringify(items).includes(newCard), 'no item holds the card number in the clear');
    const history = items.filter((item) => item.type === 'CARD_CHANGE' && item.accountId === who.accountId);
    assert.equal(history.length, 1);

    expectOk(await topUp(who, 5_000));
    expectOk(await withdraw(who, 2_000));
    assert.deepEqual(simulatorCardMovements(newCard).map((m) => [m.kind, m.amountFen]), [['DEBIT', 5_000], ['CREDIT', 2_000]]);
    assert.deepEqual(simulatorCardMovements(who.cardNumber), [], 'the old card is not touched again');

    // And back again: a second change is history's newest entry.
    const again = expectOk(await changeCard(who, { idNumber: who.idNumber.toLowerCase(), cardNumber: who.cardNumber }));
    const after = await bindingsOf(who);
    assert.deepEqual(after.changes.map((c: { newCard: unknown }) => c.newCard), [again.boundCard, done.boundCard]);
    await assertLedgerSound();
  });

  test('refused, with nothing changed: the same card, a number that is no card, a wrong ID number, a wrong PIN, a card not in the customer\'s name', async () => {
    const who = await onboard({ name: '冯远征' });
    const opened = await accountOf(who);
    const other = idNumber('19850612');
    expectError(await changeCard(who, { idNumber: who.idNumber, cardNumber: who.cardNumber }), 400, 'CARD_UNCHANGED');
    expectError(await changeCard(who, { idNumber: who.idNumber, cardNumber: `${who.cardNumber.slice(0, -1)}${(Number(who.cardNumber.slice(-1)) + 1) % 10}` }), 400, 'CARD_NUMBER_INVALID');
    expectError(await changeCard(who, { idNumber: other, cardNumber: cardNumber() }), 422, 'IDENTITY_MISMATCH');
    expectError(await changeCard(who, { idNumber: who.idNumber, cardNumber: cardNumber() }, '111222'), 403, 'PIN_INCORRECT');
    expectError(await changeCard(who, { idNumber: who.idNumber, cardNumber: cardNumber('622202', SIMULATOR_CARDS.verifyFails) }), 422, 'CARD_HOLDER_MISMATCH');
    // A fingerprint does not stand in for the PIN here; the contract takes the PIN only.
    expectError(await call(cardChange, { method: 'POST', path: PATH, token: who.token, body: { idNumber: who.idNumber, cardNumber: cardNumber(), secondFactor: { nonce: 'v1.aaaaaaaaaaaaaaaa.bbbb', soter: { resultJson: '{}', resultJsonSignature: 'c2ln' } } } }), 400, 'VALIDATION_FAILED');

    assert.deepEqual((await accountOf(who)).boundCard, opened.boundCard);
    assert.deepEqual((await bindingsOf(who)).changes, []);
    assert.deepEqual((await customerEvents(who.customerId)).filter((e) => e.kind === 'CARD_CHANGED'), []);
    assert.deepEqual((await inbox(who.phone)).filter((m) => m.template === 'CARD_CHANGED_NOTICE'), []);
  });

  test('a nonce changes the card once; another body under it is refused', async () => {
    const who = await onboard({ name: '褚时健' });
    const body = { idNumber: who.idNumber, cardNumber: cardNumber() };
    const authorization = await authorize(who.token, PATH, body);
    const secondFactor = { nonce: authorization.nonce, pinCipher: encryptPin(authorization, who.pin) };
    expectOk(await call(cardChange, { method: 'POST', path: PATH, token: who.token, body: { ...body, secondFactor } }));
    const replayed = await call(cardChange, { method: 'POST', path: PATH, token: who.token, body: { ...body, secondFactor } });
    assert.ok(['NONCE_USED', 'CARD_UNCHANGED'].includes(replayed.body.error.code), JSON.stringify(replayed.body));
    expectError(await call(cardChange, { method: 'POST', path: PATH, token: who.token, body: { ...body, cardNumber: cardNumber(), secondFactor } }), 403, 'NONCE_MISMATCH');
    assert.equal((await bindingsOf(who)).changes.length, 1);
  });

  test('a withdrawal run again after the card changed settles to the card its debit was sent to, under the same reference', async () => {
    const who = await onboard({ name: '蒙恬' });
    expectOk(await topUp(who, 30_000));
    const key = randomUUID();
    const sent = await confirmed(who.token, '/v1/account/withdraw', { amountFen: 10_000 }, who.pin);
    const first = expectOk(await call(account, { method: 'POST', path: '/v1/account/withdraw', token: who.token, idempotencyKey: key, body: sent }));
    const newCard = cardNumber('622588');
    expectOk(await changeCard(who, { idNumber: who.idNumber, cardNumber: newCard }));
    // The first run's answer never stored, its lease lapsed: the same request comes again.
    const [record] = (await scanTable()).filter((item) => item.type === 'IDEMPOTENCY' && String(item.PK).endsWith(`#${key}`));
    await db().doc.send(new DeleteCommand({ TableName: db().tableName, Key: { PK: record!.PK, SK: record!.SK } }));
    const scope = String(record!.PK).slice('IDEM#'.length, -(key.length + 1));
    assert.equal((await reserve(scope, key, String(record!.requestHash), new Date(Date.now() - 10 * 60_000))).state, 'reserved');
    const again = expectOk(await call(account, { method: 'POST', path: '/v1/account/withdraw', token: who.token, idempotencyKey: key, body: sent }));
    assert.deepEqual([again.journalId, again.balanceFen], [first.journalId, first.balanceFen]);

    const credits = simulatorCardMovements(who.cardNumber).filter((m) => m.kind === 'CREDIT');
    assert.deepEqual(credits.map((m) => [m.amountFen, m.reference]), [[10_000, first.journalId], [10_000, first.journalId]], 'both runs ask the old card, under one reference');
    assert.deepEqual(simulatorCardMovements(newCard), [], 'the new card is not credited with a withdrawal sent to the old one');
    await assertLedgerSound();
  });

  test('a frozen account keeps its card', async () => {
    const who = await onboard({ name: '卫青' });
    const opened = await accountOf(who);
    await db().doc.send(new UpdateCommand({ TableName: db().tableName, Key: keys.balance(who.accountId), UpdateExpression: 'SET #s = :f', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':f': 'FROZEN' } }));
    expectError(await changeCard(who, { idNumber: who.idNumber, cardNumber: cardNumber() }), 409, 'ACCOUNT_FROZEN');
    assert.deepEqual((await accountOf(who)).boundCard, opened.boundCard);
  });

  test('before an account is open there is no card to change', async () => {
    const { token } = await signIn();
    const refused = await call(cardChange, { method: 'GET', path: '/v1/account/card-bindings', token });
    assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'PHONE_REQUIRED');
  });
});
