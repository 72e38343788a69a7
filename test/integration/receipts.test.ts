// E-receipts on the API (DynamoDB Local): the customer's signed receipt of a movement, its public
// verification by code and by payload + signature, another customer's receipt answering 404, and
// a receipt altered by one byte — the amount, the signature, a byte of the payload — refused.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as receipts } from '../../functions/http/receipts.js';
import { call, useBank } from '../support/bank.js';
import { cardNumber, historyEntry, type Onboarded, onboard, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

const receiptOf = (who: { token: string }, journalId: string) => call(receipts, { method: 'GET', path: `/v1/account/history/${journalId}/receipt`, token: who.token });
const verify = (body: Record<string, unknown>) => call(receipts, { method: 'POST', path: '/v1/receipts/verify', body });

describe('e-receipts', () => {
  let a: Onboarded;
  let b: Onboarded;
  let transferId: string;
  let withdrawalId: string;

  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '张三丰', card: cardNumber('622202', '0052') }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 100_000));
    transferId = expectOk(await transfer(a, b, 12_345)).journalId;
    // A card ending 0052 declines withdrawals: the withdrawal's money comes back by a reversal.
    const reversal = expectOk(await withdraw(a, 2_000));
    assert.equal(reversal.status, 'REVERSED');
    withdrawalId = (await historyEntry(a, reversal.journalId)).related.journalId;
  });

  describe('the customer\'s receipt', () => {
    test('the payer\'s receipt of a transfer: figures as the journal holds them, masked parties, signature and code', async () => {
      const body = expectOk(await receiptOf(a, transferId));
      assert.equal(body.receipt.journalId, transferId);
      assert.equal(body.receipt.direction, 'OUT');
      assert.equal(body.receipt.amountFen, 12_345);
      assert.equal(body.receipt.amountWords, '人民币壹佰贰拾叁元肆角伍分');
      assert.equal(body.receipt.payer.name, '张**');
      assert.equal(body.receipt.payee.name, '李*');
      assert.equal(body.status, 'SUCCEEDED');
      assert.match(body.code, /^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
      assert.match(body.signature, /^[A-Za-z0-9_-]{86}$/);
      assert.deepEqual(JSON.parse(body.payload), body.receipt);
      // Opened again: the same receipt, the same code.
      assert.deepEqual(expectOk(await receiptOf(a, transferId)), body);
    });

    test('the payee has a receipt of their own side of the same transfer', async () => {
      const theirs = expectOk(await receiptOf(b, transferId));
      assert.equal(theirs.receipt.direction, 'IN');
      assert.equal(theirs.receipt.payee.name, '李*');
      assert.notEqual(theirs.code, expectOk(await receiptOf(a, transferId)).code);
    });

    test('another customer\'s movement, or none at all: 404, and nothing is stored', async () => {
      const stranger = await onboard({ name: '王五' });
      const before = JSON.stringify(await scanTable());
      expectError(await receiptOf(stranger, transferId), 404, 'RECEIPT_NOT_FOUND');
      expectError(await receiptOf(b, withdrawalId), 404, 'RECEIPT_NOT_FOUND');
      expectError(await receiptOf(a, `J${'Z'.repeat(26)}`), 404, 'RECEIPT_NOT_FOUND');
      expectError(await receiptOf(a, 'not-a-journal'), 404, 'NOT_FOUND');
      assert.equal(JSON.stringify(await scanTable()), before);
    });

    test('no session: 401', async () => {
      expectError(await call(receipts, { method: 'GET', path: `/v1/account/history/${transferId}/receipt` }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('verification, by anyone', () => {
    test('by the code, as typed (lower case, spaces): genuine, with the figures the bank holds and the status now', async () => {
      const issued = expectOk(await receiptOf(a, withdrawalId));
      const answer = expectOk(await verify({ code: issued.code.toLowerCase().replaceAll('-', ' ') }));
      assert.equal(answer.genuine, true);
      assert.deepEqual(answer.receipt, issued.receipt);
      assert.equal(answer.status, 'FAILED');
    });

    test('a code the bank never issued: not genuine; a code that cannot be one: 400', async () => {
      assert.deepEqual(expectOk(await verify({ code: 'ABCD-EFGH-JKMN-PQRS' })), { genuine: false, receipt: null, status: null });
      expectError(await verify({ code: 'ABCD-EFGH' }), 400, 'RECEIPT_CODE_INVALID');
      expectError(await verify({ code: 'x'.repeat(41) }), 400, 'VALIDATION_FAILED');
      expectError(await verify({}), 400, 'VALIDATION_FAILED');
      expectError(await verify({ code: 'ABCD-EFGH-JKMN-PQRS', payload: '{}' }), 400, 'VALIDATION_FAILED');
    });

    test('by payload and signature: genuine as issued; the amount, the signature or any byte of the payload altered: not genuine', async () => {
      const issued = expectOk(await receiptOf(a, transferId));
      const genuine = expectOk(await verify({ payload: issued.payload, signature: issued.signature }));
      assert.equal(genuine.genuine, true);
      assert.deepEqual(genuine.receipt, issued.receipt);

      const refused = async (payload: string, signature: string, why: string) => {
        const answer = await verify({ payload, signature });
        if (answer.status === 400) return; // not even well-formed: refused as input
        assert.equal(expectOk(answer).genuine, false, why);
      };
      await refused(issued.payload.replace('"amountFen":12345', '"amountFen":12346'), issued.signature, 'amount altered');
      const sig = issued.signature as string;
      await refused(issued.payload, `${sig.slice(0, 40)}${sig[40] === 'A' ? 'B' : 'A'}${sig.slice(41)}`, 'signature altered');
      const bytes = Buffer.from(issued.payload as string, 'utf8');
      for (const i of [0, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
        const altered = Buffer.from(bytes);
        altered[i] = altered[i]! ^ 0x01;
        await refused(altered.toString('utf8'), sig, `payload byte ${i}`);
      }
    });

    test('a genuine signature over a receipt the bank never issued a code for: not genuine', async () => {
      const issued = expectOk(await receiptOf(b, transferId));
      // B's receipt, verified with A's journal swapped in: the signature no longer matches.
      const swapped = (issued.payload as string).replace(/"journalId":"[^"]+"/, `"journalId":"${withdrawalId}"`);
      assert.equal(expectOk(await verify({ payload: swapped, signature: issued.signature })).genuine, false);
    });

    test('the answers carry only masked figures', async () => {
      await assertNoPersonalDataInResponses();
    });
  });
});
