// Delayed arrival (延时到账, issue 18): a transfer the anti-fraud rules delay leaves the sender's
// account for the held-transfers account; it reaches the payee when the delay runs out (the release
// job, the day close), unless the customer cancels it first and has the money back. A hold is
// released or returned exactly once, even when both are asked at the same moment.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { limitBuckets } from '../../functions/domain/limits.js';
import { DEFAULT_RISK_RULE_SET } from '../../functions/domain/risk-rules.js';
import { businessDate } from '../../functions/domain/time.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { handler as closure } from '../../functions/http/account-closure.js';
import { handler as heldTransfers } from '../../functions/http/held-transfers.js';
import { releaseDueTransfers, releaseHeldTransfer } from '../../functions/services/held-transfers.js';
import { db } from '../../functions/store/client.js';
import { getHeldTransfer } from '../../functions/store/held-transfers.js';
import { keys } from '../../functions/store/keys.js';
import { getJournal } from '../../functions/store/ledger.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { encryptPin } from '../support/second-factor.js';

useBank();

const TRANSFER = '/v1/account/transfer';
const HOUR_MS = 3_600_000;
const VICTIM_REASON = DEFAULT_RISK_RULE_SET.rules[0]!.reason;

async function funded(amountFen: number): Promise<Onboarded> {
  const who = await onboard();
  expectOk(await topUp(who, amountFen));
  return who;
}

/** A victim-pattern transfer (¥5,000 to a new payee from a customer who never sent more than ¥500), confirmed: held. */
async function held(payer: Onboarded, payee: Onboarded, amountFen = 500_000) {
  const answer = expectOk(await pay(payer, account, TRANSFER, { toPhone: payee.phone, amountFen }));
  assert.equal(answer.status, 'HELD');
  return answer as { journalId: string; releaseAt: string; balanceFen: number; createdAt: string };
}

const cancel = (who: Onboarded, journalId: string) => call(heldTransfers, { method: 'POST', path: `/v1/account/held-transfers/${journalId}/cancel`, token: who.token });
const entry = async (who: Onboarded, journalId: string) => expectOk(await call(account, { method: 'GET', path: `/v1/account/history/${journalId}`, token: who.token }));
const counter = async (accountId: string, direction: 'OUT' | 'IN') =>
  (await db().doc.send(new GetCommand({ TableName: db().tableName, Key: keys.limitCounter(accountId, limitBuckets(direction, businessDate(new Date())).daily) }))).Item;
const afterDelay = (answer: { releaseAt: string }) => new Date(Date.parse(answer.releaseAt) + 1_000);
const noFailure = (ref: string, error: unknown) => assert.fail(`held transfer ${ref} failed: ${String(error)}`);
const closeAccountItem = (accountId: string) =>
  db().doc.send(
    new UpdateCommand({ TableName: db().tableName, Key: keys.balance(accountId), UpdateExpression: 'SET #status = :closed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':closed': 'CLOSED' } }),
  );

describe('a transfer the rules delay (延时到账)', () => {
  test('the sheet warns and says the money is held; confirmed, it leaves the payer but does not reach the payee', async () => {
    const payer = await funded(1_000_000);
    const payee = await onboard();
    const body = { toPhone: payee.phone, amountFen: 500_000 };
    const key = randomUUID();
    const ask = (asked: object) => call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: payer.token, body: { method: 'POST', path: TRANSFER, body: asked, idempotencyKey: key } });
    const warned = expectOk(await ask(body));
    assert.deepEqual(warned.review.risk, { outcome: 'DELAY', reasons: [VICTIM_REASON], acknowledged: false, delayHours: 24 });
    const unconfirmed = { ...body, secondFactor: { nonce: warned.nonce, pinCipher: encryptPin(warned, payer.pin) } };
    expectError(await call(account, { method: 'POST', path: TRANSFER, token: payer.token, idempotencyKey: key, body: unconfirmed }), 409, 'RISK_WARNING');
    assert.equal(await balanceFen(payer), 1_000_000);

    const confirmedBody = { ...body, riskAcknowledged: true };
    const confirmed = expectOk(await ask(confirmedBody));
    const send = () => call(account, { method: 'POST', path: TRANSFER, token: payer.token, idempotencyKey: key, body: { ...confirmedBody, secondFactor: { nonce: confirmed.nonce, pinCipher: encryptPin(confirmed, payer.pin) } } });
    const answer = expectOk(await send());
    assert.equal(answer.status, 'HELD');
    assert.equal(answer.kind, 'TRANSFER_HOLD');
    assert.equal(answer.balanceFen, 500_000);
    assert.equal(Date.parse(answer.releaseAt) - Date.parse(answer.createdAt), 24 * HOUR_MS);
    assert.deepEqual(expectOk(await send()), answer, 'the same request again answers the same');
    assert.deepEqual([await balanceFen(payer), await balanceFen(payee)], [500_000, 0]);

    const { fields, ...decision } = (await getJournal(answer.journalId))!.risk!;
    assert.deepEqual(decision, { ruleSetVersion: 1, outcome: 'DELAY', delayHours: 24, matched: [{ ruleId: 'VICTIM_TRANSFER', version: 1 }], acknowledged: true });
    // The numbers it was judged on (the hour and the payee's age aside: they depend on the clock).
    assert.deepEqual([fields?.amountFen, fields?.largestTransferFen90d, fields?.outTodayFen, fields?.outTodayCount], [500_000, 0, 0, 0]);
    const shown = await entry(payer, answer.journalId);
    assert.deepEqual([shown.status, shown.releaseAt, shown.amountFen], ['HELD', answer.releaseAt, -500_000]);
    // The payee sees nothing yet; the payer's limits are charged as for any transfer.
    assert.equal((await scanTable()).filter((item) => item.type === 'POSTING' && item.accountId === payee.accountId).length, 0);
    assert.deepEqual([(await counter(payer.accountId, 'OUT'))?.usedFen, (await counter(payee.accountId, 'IN'))?.usedFen], [500_000, 500_000]);
    await assertLedgerSound();
  });

  test('撤销: the money back at once, the limits given back, the entry 已撤销; again answers the same; nobody else can cancel it (404)', async () => {
    const payer = await funded(1_000_000);
    const payee = await onboard();
    const stranger = await onboard();
    const answer = await held(payer, payee);
    expectError(await cancel(stranger, answer.journalId), 404, 'HELD_TRANSFER_NOT_FOUND');
    expectError(await cancel(payee, answer.journalId), 404, 'HELD_TRANSFER_NOT_FOUND');

    const cancelled = expectOk(await cancel(payer, answer.journalId));
    assert.equal(cancelled.status, 'CANCELLED');
    assert.equal(cancelled.related.relation, 'RETURNED_BY');
    assert.equal(cancelled.related.kind, 'TRANSFER_RETURN');
    assert.deepEqual([await balanceFen(payer), await balanceFen(payee)], [1_000_000, 0]);
    const [out, into] = [await counter(payer.accountId, 'OUT'), await counter(payee.accountId, 'IN')];
    assert.deepEqual([out?.usedFen, out?.movementCount, into?.usedFen, into?.movementCount], [0, 0, 0, 0]);
    assert.deepEqual(expectOk(await cancel(payer, answer.journalId)), cancelled);

    // Released after a cancel: nothing moves.
    assert.equal((await releaseHeldTransfer(answer.journalId, afterDelay(answer))).record.status, 'RETURNED');
    assert.equal(await balanceFen(payee), 0);
    // A cancelled transfer teaches the rules nothing: the next one to that payee is delayed too.
    assert.match((await held(payer, payee)).releaseAt, /^\d{4}-/);
    await assertLedgerSound();
  });

  test('released when the delay runs out (the release job), not before; then it cannot be cancelled (409) and teaches the rules', async () => {
    const payer = await funded(1_000_000);
    const payee = await onboard();
    const answer = await held(payer, payee);
    const early = await releaseDueTransfers(new Date(Date.parse(answer.releaseAt) - 60_000), noFailure);
    assert.equal(early.released, 0);
    assert.equal(await balanceFen(payee), 0);

    const report = await releaseDueTransfers(afterDelay(answer), noFailure);
    assert.ok(report.released >= 1, JSON.stringify(report));
    assert.deepEqual([await balanceFen(payer), await balanceFen(payee)], [500_000, 500_000]);
    assert.equal((await entry(payer, answer.journalId)).status, 'SUCCEEDED');
    const credit = (await scanTable()).find((item) => item.type === 'POSTING' && item.accountId === payee.accountId);
    assert.equal(credit?.kind, 'TRANSFER_RELEASE');
    assert.match(String(credit?.label), /^来自 \S+ 的转账$/);
    expectError(await cancel(payer, answer.journalId), 409, 'HELD_TRANSFER_RELEASED');
    assert.equal((await releaseDueTransfers(afterDelay(answer), noFailure)).released, 0, 'released once');
    assert.equal(await balanceFen(payee), 500_000);

    // Once the money arrived the rules know the payee (from then) and the payer's largest transfer:
    // another ¥5,000 to a new payee is not delayed.
    const releasedAt = credit!.createdAt as string;
    const items = await scanTable();
    assert.equal(items.find((item) => item.type === 'PAID_PAYEE' && item.PK === `CUST#${payer.customerId}`)?.firstPaidAt, releasedAt);
    assert.deepEqual(items.find((item) => item.type === 'TRANSFER_MAXIMA' && item.PK === `CUST#${payer.customerId}`)?.dailyMaximaFen, { [businessDate(new Date(releasedAt))]: 500_000 });
    const stranger = await onboard();
    const sheet = expectOk(await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: payer.token, body: { method: 'POST', path: TRANSFER, body: { toPhone: stranger.phone, amountFen: 500_000 }, idempotencyKey: randomUUID() } }));
    assert.equal(sheet.review.risk, null);
    await assertLedgerSound();
  });

  test('a release and a cancel at the same moment: exactly one happens', async () => {
    for (let n = 0; n < 4; n++) {
      const [payer, payee] = await Promise.all([funded(1_000_000), onboard()]);
      const answer = await held(payer, payee);
      const [released, cancelled] = await Promise.all([releaseHeldTransfer(answer.journalId, afterDelay(answer)), cancel(payer, answer.journalId)]);
      const record = await getHeldTransfer(answer.journalId);
      if (record!.status === 'RELEASED') {
        expectError(cancelled, 409, 'HELD_TRANSFER_RELEASED');
        assert.equal(released.written, true);
      } else {
        assert.equal(expectOk(cancelled).status, 'CANCELLED');
        assert.equal(released.written, false);
      }
      const follow = (await scanTable()).filter((item) => item.type === 'JOURNAL' && item.completes === answer.journalId);
      assert.equal(follow.length, 1, `hold ${n}: one completion`);
    }
    await assertLedgerSound();
  });

  test("a payee whose account closed meanwhile: returned to the payer, the entry says so and a cancel is refused", async () => {
    const payer = await funded(1_000_000);
    const payee = await onboard();
    const answer = await held(payer, payee);
    await closeAccountItem(payee.accountId);
    const { record, written } = await releaseHeldTransfer(answer.journalId, afterDelay(answer));
    assert.deepEqual([record.status, record.returnReason, written], ['RETURNED', 'PAYEE_UNAVAILABLE', true]);
    assert.equal(await balanceFen(payer), 1_000_000);
    assert.equal((await entry(payer, answer.journalId)).status, 'CANCELLED');
    expectError(await cancel(payer, answer.journalId), 409, 'HELD_TRANSFER_RETURNED');
    await assertLedgerSound();
  });

  test('a hold that cannot be completed (both accounts closed meanwhile) is reported and stays due; the others are released', async () => {
    const [stuckPayer, stuckPayee, payer, payee] = [await funded(1_000_000), await onboard(), await funded(1_000_000), await onboard()];
    const stuck = await held(stuckPayer, stuckPayee);
    const fine = await held(payer, payee);
    await closeAccountItem(stuckPayee.accountId);
    await closeAccountItem(stuckPayer.accountId);
    const failures: string[] = [];
    const report = await releaseDueTransfers(afterDelay(stuck.releaseAt > fine.releaseAt ? stuck : fine), (ref) => failures.push(ref));
    assert.deepEqual(failures, [stuck.journalId]);
    assert.equal(report.failed, 1);
    assert.equal((await getHeldTransfer(fine.journalId))!.status, 'RELEASED');
    assert.equal(await balanceFen(payee), 500_000);
    assert.equal((await getHeldTransfer(stuck.journalId))!.status, 'HELD');
    await assertLedgerSound();
  });

  test('销户 waits for a held transfer: TRANSFER_HELD until it is cancelled (or released)', async () => {
    const payer = await funded(1_000_000);
    const payee = await onboard();
    const answer = await held(payer, payee);
    const blockers = async () => expectOk(await call(closure, { method: 'GET', path: '/v1/account/closure', token: payer.token })).blockers.map((b: { code: string }) => b.code);
    assert.deepEqual(await blockers(), ['TRANSFER_HELD']);
    expectOk(await cancel(payer, answer.journalId));
    assert.deepEqual(await blockers(), []);
    // The payee's own closing is not held up by money on its way to them: if they close, it goes back.
    const other = await funded(1_000_000);
    await held(other, payee);
    assert.deepEqual(expectOk(await call(closure, { method: 'GET', path: '/v1/account/closure', token: payee.token })).blockers, []);
  });

  test('a cancel of an entry that is not a held transfer answers 404', async () => {
    const payer = await funded(100_000);
    const payee = await onboard();
    const paid = expectOk(await pay(payer, account, TRANSFER, { toPhone: payee.phone, amountFen: 1_000 }, { confirmRisk: false }));
    expectError(await cancel(payer, paid.journalId), 404, 'HELD_TRANSFER_NOT_FOUND');
    expectError(await cancel(payer, `J${'x'.repeat(26)}`), 404, 'HELD_TRANSFER_NOT_FOUND');
    expectError(await cancel(payer, 'not-an-id'), 404, 'NOT_FOUND');
  });
});
