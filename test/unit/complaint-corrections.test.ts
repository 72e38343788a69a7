// 差错调整's rules without I/O: the room a disputed movement leaves, the amount's bounds, the
// balanced journal from the bank's correction account, and the console's reading of typed yuan.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCorrectionAmount, correctionJournal, correctionRoomFen } from '../../functions/domain/complaint-corrections.js';
import { Refusal } from '../../functions/domain/errors.js';
import { fenOfYuanText } from '../../functions/domain/format.js';
import { HOUSE_ACCOUNTS } from '../../functions/domain/ledger.js';

const refusedWith = (code: string) => (error: unknown) => error instanceof Refusal && error.code === code;

describe('correction bounds', () => {
  test('the room is the movement\'s amount, either direction, less what was corrected; never below 0', () => {
    assert.equal(correctionRoomFen(-12_345, 0), 12_345);
    assert.equal(correctionRoomFen(12_345, 345), 12_000);
    assert.equal(correctionRoomFen(-100, 100), 0);
    assert.equal(correctionRoomFen(-100, 150), 0);
  });

  test('an amount must be whole positive fen within the room', () => {
    checkCorrectionAmount(1, 1);
    checkCorrectionAmount(12_345, 12_345);
    assert.throws(() => checkCorrectionAmount(12_346, 12_345), refusedWith('CORRECTION_EXCEEDS_DISPUTED'));
    assert.throws(() => checkCorrectionAmount(1, 0), refusedWith('CORRECTION_EXCEEDS_DISPUTED'));
    for (const amountFen of [0, -1, 1.5, Number.NaN]) assert.throws(() => checkCorrectionAmount(amountFen, 100), refusedWith('CORRECTION_AMOUNT_INVALID'));
  });
});

describe('correction journal', () => {
  test('credits the customer from the correction account: balanced, labelled 差错调整 with the disputed reference', () => {
    const journal = correctionJournal({
      journalId: 'Jtest',
      customerAccountId: 'A1',
      correctionShardAccountId: `${HOUSE_ACCOUNTS.CORRECTION}~03`,
      amountFen: 2_500,
      ticketId: `T${'a'.repeat(32)}`,
      movementReference: 'K7QM-4PX9-2HTR',
      createdAt: '2026-12-06T00:00:00.000Z',
    });
    assert.equal(journal.kind, 'CORRECTION');
    assert.deepEqual(journal.postings.map((posting) => [posting.accountId, posting.amountFen]), [['A1', 2_500], [`${HOUSE_ACCOUNTS.CORRECTION}~03`, -2_500]]);
    assert.equal(journal.postings[0]!.label, '差错调整（交易 K7QM-4PX9-2HTR）');
    const args = { journalId: 'J', customerAccountId: 'A1', correctionShardAccountId: 'HOUSE-CORRECTION~00', ticketId: 'T', movementReference: 'R', createdAt: '' };
    assert.throws(() => correctionJournal({ ...args, amountFen: 0 }));
  });
});

describe('fenOfYuanText', () => {
  test('reads typed yuan digit by digit into fen', () => {
    assert.deepEqual(['12', '12.5', '12.50', '0.29', '0.01', ' 7. ', '1234567890.99'].map(fenOfYuanText), [1_200, 1_250, 1_250, 29, 1, 700, 123_456_789_099]);
  });

  test('anything else is not an amount', () => {
    for (const text of ['', '1.234', '-1', '+1', '1e3', '¥1', '1,000', '.5', 'abc', '12345678901']) assert.equal(fenOfYuanText(text), undefined, text);
  });
});
