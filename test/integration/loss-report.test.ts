// 挂失 through the real handlers on DynamoDB Local, the SMS gateway simulated: signed in in one
// step, or signed out with the identity check (real name, ID number, bound card, a code to the
// bound phone). At once: every session revoked (refresh refused, access tokens refused where the
// customer is read first, sign-in refused), the e-account frozen for debits in the ledger itself,
// a notice, the event. The lift only through the identity check, with a new sign-in after.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HOUSE_ACCOUNTS, transferJournal } from '../../functions/domain/ledger.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as lossReport } from '../../functions/http/loss-report.js';
import { handler as pinReset } from '../../functions/http/pin-reset.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { requestUnfreeze } from '../../functions/services/customer-service.js';
import type { ConsoleOperator } from '../../functions/services/operators.js';
import { getAccount } from '../../functions/store/accounts.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { deterministicJournalId, houseShard, postJournal } from '../../functions/store/ledger.js';
import { call, useBank } from '../support/bank.js';
import { cardNumber, deviceOf, idNumber, type Onboarded, onboard, signIn, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

type Action = 'REPORT' | 'LIFT';
const identity = (who: Onboarded) => ({ realName: who.name, idNumber: who.idNumber, cardNumber: who.cardNumber });

async function inbox(phone: string): Promise<{ template: string; text: string; params: Record<string, string> }[]> {
  return expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone } })).messages;
}

const post = (path: string, body: unknown, token?: string) => call(lossReport, { method: 'POST', path, body, ...(token ? { token } : {}) });
const sendCode = (answers: ReturnType<typeof identity>, action: Action) => post('/v1/loss-report/code', { ...answers, action });

/** The minute between two codes, passed: the last send forgotten. */
async function allowResend(who: Onboarded) {
  const forget = new UpdateCommand({ TableName: db().tableName, Key: keys.pinReset(who.customerId), UpdateExpression: 'SET lastSentAt = :none', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':none': null } });
  // No state yet: nothing sent, nothing to forget.
  await db().doc.send(forget).catch((error: Error) => assert.equal(error.name, 'ConditionalCheckFailedException'));
}

/** Sends a code (signed out) and reads it off the simulated phone. */
async function codeFor(who: Onboarded, action: Action): Promise<string> {
  await allowResend(who);
  expectOk(await sendCode(identity(who), action));
  const [latest] = await inbox(who.phone);
  assert.equal(latest?.template, action === 'REPORT' ? 'LOSS_REPORT_CODE' : 'LOSS_LIFT_CODE');
  return latest!.params.code!;
}

const refresh = (refreshToken: string) => call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken } });
const me = (token: string) => call(customer, { method: 'GET', path: '/v1/me', token });
const signInAgain = async (user: string) => {
  const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } }));
  return call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.code, deviceId: deviceOf(user) } });
};

/** A debit posted to the ledger with no workflow's check before it. */
async function rawDebit(accountId: string) {
  const journalId = deterministicJournalId('loss-report-test', randomUUID());
  return postJournal(
    transferJournal({
      journalId,
      from: { accountId, displayName: '测试' },
      to: { accountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, 4), displayName: '测试' },
      amountFen: 1,
      memo: undefined,
      createdAt: new Date().toISOString(),
    }),
  );
}

describe('挂失 signed in', () => {
  test('one step: every session ends, sign-in is refused, debits are refused by the ledger while credits land, a notice and the event', async () => {
    const user = randomUUID();
    const a = await onboard({ name: '周一航', user });
    const b = await onboard({ name: '吴二娘' });
    expectOk(await topUp(a, 10_000));
    expectOk(await topUp(b, 10_000));
    // A second device signed in as A, with its own refresh token.
    const other = await signIn(user);
    assert.equal(other.customerId, a.customerId);

    expectError(await post('/v1/me/loss-report', { lost: 'LAPTOP' }, a.token), 400, 'VALIDATION_FAILED');
    expectError(await post('/v1/me/loss-report', {}, a.token), 400, 'VALIDATION_FAILED');
    const done = expectOk(await post('/v1/me/loss-report', { lost: 'PHONE' }, a.token));
    assert.deepEqual(Object.keys(done).sort(), ['phoneMasked', 'reportedAt']);
    assert.equal(done.phoneMasked, `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}`);

    // Every session: the access tokens (where the customer is read first) and the refresh tokens.
    for (const token of [a.token, other.token]) {
      expectError(await me(token), 401, 'UNAUTHENTICATED');
      expectError(await withdraw({ ...a, token }, 100), 401, 'UNAUTHENTICATED');
      expectError(await post('/v1/me/loss-report', { lost: 'PHONE' }, token), 401, 'UNAUTHENTICATED');
    }
    expectError(await refresh(other.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
    const refused = await signInAgain(user);
    expectError(refused, 403, 'ACCOUNT_LOSS_REPORTED');
    assert.match(refused.body.error.message, /已挂失/);

    // The freeze is in the ledger: a debit with no workflow before it is refused; money comes in.
    const frozen = (await getAccount(a.accountId))!;
    assert.equal(frozen.status, 'FROZEN');
    assert.equal(frozen.freeze?.kind, 'LOSS_REPORT');
    assert.deepEqual(await rawDebit(a.accountId), { ok: false, reason: 'ACCOUNT_FROZEN', accountId: a.accountId });
    expectOk(await transfer(b, a, 500));
    assert.equal((await getAccount(a.accountId))!.balanceFen, 10_500);

    // The console cannot lift the customer's own report.
    const operator = { operatorId: 'op', login: 'agent' } as ConsoleOperator;
    await assert.rejects(requestUnfreeze(a.accountId, '客户来电要求解冻', operator, new Date()), { code: 'ACCOUNT_LOSS_REPORTED' });

    const [notice] = await inbox(a.phone);
    assert.equal(notice!.template, 'LOSS_REPORTED_NOTICE');
    assert.match(notice!.text, /已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 挂失/);
    const events = (await customerEvents(a.customerId)).filter((e) => e.kind === 'LOSS_REPORTED');
    assert.deepEqual(events, [{ customerId: a.customerId, kind: 'LOSS_REPORTED', at: done.reportedAt, ref: done.reportedAt }]);

    // Asking to report again, signed out: refused to whoever proves the identity.
    expectError(await sendCode(identity(a), 'REPORT'), 409, 'LOSS_ALREADY_REPORTED');
  });
});

describe('挂失 signed out, and its lift', () => {
  test('the identity check reports the loss; only the identity check lifts it; old sessions stay ended and a new sign-in pays', async () => {
    const user = randomUUID();
    const a = await onboard({ name: '郑三宝', user });
    expectOk(await topUp(a, 5_000));

    // Wrong identity: the same answer, and no code is sent. An unknown ID number answers likewise.
    const before = (await inbox(a.phone)).length;
    const sent = expectOk(await sendCode({ ...identity(a), cardNumber: cardNumber() }, 'REPORT'));
    assert.deepEqual(Object.keys(sent).sort(), ['expiresAt', 'resendAfterSeconds']);
    expectOk(await sendCode({ ...identity(a), idNumber: idNumber('19800101') }, 'REPORT'));
    assert.equal((await inbox(a.phone)).length, before);
    // Nothing to lift yet, as told to the one who proves the identity.
    expectError(await sendCode(identity(a), 'LIFT'), 422, 'LOSS_NOT_REPORTED');

    const code = await codeFor(a, 'REPORT');
    const report = (answers: Record<string, unknown>) => post('/v1/loss-report', { lost: 'PHONE', ...answers });
    expectError(await report({ ...identity(a), idNumber: idNumber('19800101'), smsCode: code }), 422, 'SMS_CODE_EXPIRED');
    expectError(await report({ ...identity(a), smsCode: code === '000000' ? '000001' : '000000' }), 422, 'SMS_CODE_INVALID');
    expectError(await report({ ...identity(a), cardNumber: cardNumber(), smsCode: code }), 422, 'IDENTITY_MISMATCH');
    expectError(await report({ ...identity(a), smsCode: 'abcdef' }), 400, 'VALIDATION_FAILED');
    assert.equal((await getAccount(a.accountId))!.status, 'ACTIVE', 'a refused report changes nothing');
    const done = expectOk(await report({ ...identity(a), smsCode: code }));
    assert.equal((await getAccount(a.accountId))!.status, 'FROZEN');
    expectError(await me(a.token), 401, 'UNAUTHENTICATED');
    expectError(await report({ ...identity(a), smsCode: code }), 409, 'LOSS_ALREADY_REPORTED');
    const reportedProfile = (await scanTable()).find((i) => i.PK === `CUST#${a.customerId}` && i.SK === 'PROFILE')!;
    assert.deepEqual(reportedProfile.lossReport, { reportedAt: done.reportedAt, lost: 'PHONE', via: 'IDENTITY_CHECK', frozeAccount: true });

    // A code sent to report cannot lift.
    const lift = (answers: Record<string, unknown>) => post('/v1/loss-report/lift', answers);
    const liftCode = await codeFor(a, 'LIFT');
    expectError(await lift({ ...identity(a), smsCode: code }), 422, 'SMS_CODE_INVALID');
    const lifted = expectOk(await lift({ ...identity(a), smsCode: liftCode }));
    assert.deepEqual(Object.keys(lifted).sort(), ['liftedAt', 'phoneMasked']);
    const account = (await getAccount(a.accountId))!;
    assert.equal(account.status, 'ACTIVE');
    assert.equal(account.freeze, undefined);
    assert.equal((await inbox(a.phone))[0]!.template, 'LOSS_LIFTED_NOTICE');
    expectError(await lift({ ...identity(a), smsCode: liftCode }), 422, 'LOSS_NOT_REPORTED');
    assert.deepEqual(
      (await customerEvents(a.customerId)).filter((e) => e.kind.startsWith('LOSS_')).map((e) => e.kind).sort(),
      ['LOSS_LIFTED', 'LOSS_REPORTED'],
    );

    // The token from before the report stays ended; a new sign-in pays.
    expectError(await me(a.token), 401, 'UNAUTHENTICATED');
    const session = expectOk(await signInAgain(user));
    expectOk(await me(session.accessToken));
    expectOk(await withdraw({ ...a, token: session.accessToken }, 1_000));
  });

  test('an operator\'s freeze stays when the loss is lifted: the customer never lifts the bank\'s freeze', async () => {
    const a = await onboard({ name: '钱四海' });
    const { freezeAccountItem } = await import('../../functions/store/accounts.js');
    const { transactWrite } = await import('../../functions/store/transact.js');
    assert.equal(await transactWrite([freezeAccountItem(a.accountId, { reason: '风险排查', frozenAt: new Date().toISOString(), operatorId: 'op', login: 'risk' })]), undefined);
    expectOk(await post('/v1/me/loss-report', { lost: 'ID_CARD' }, a.token));
    assert.equal((await getAccount(a.accountId))!.freeze?.login, 'risk', 'the report leaves the operator\'s freeze as it is');
    expectOk(await post('/v1/loss-report/lift', { ...identity(a), smsCode: await codeFor(a, 'LIFT') }));
    const account = (await getAccount(a.accountId))!;
    assert.deepEqual([account.status, account.freeze?.login], ['FROZEN', 'risk']);
  });

  test('wrong answers share the PIN reset\'s budget: the fifth locks both for a day', async () => {
    const a = await onboard({ name: '冯五常' });
    const code = await codeFor(a, 'REPORT');
    const wrong = { ...identity(a), cardNumber: cardNumber(), smsCode: code, lost: 'PHONE' };
    for (let n = 0; n < 4; n++) expectError(await post('/v1/loss-report', wrong), 422, 'IDENTITY_MISMATCH');
    expectError(await post('/v1/loss-report', wrong), 423, 'PIN_RESET_LOCKED');
    expectError(await post('/v1/loss-report', { ...wrong, cardNumber: a.cardNumber }), 423, 'PIN_RESET_LOCKED');
    expectError(await call(pinReset, { method: 'POST', path: '/v1/me/pin-reset/code', token: a.token, body: {} }), 423, 'PIN_RESET_LOCKED');
    assert.equal((await getAccount(a.accountId))!.status, 'ACTIVE');
  });
});
