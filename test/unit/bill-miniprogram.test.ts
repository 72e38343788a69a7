// The bill pages write the server's amounts back into an amount field: the round trip through
// the customer's parser must give the same fen, for every amount a bill can have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseYuanToFen, yuanInputText } from '../../miniprogram/src/lib/money.js';

test('a server amount written into the field parses back to the same fen', () => {
  assert.equal(yuanInputText(1), '0.01');
  assert.equal(yuanInputText(12_345), '123.45');
  assert.equal(yuanInputText(5_000_000), '50000.00');
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5_000_000 }), (fen) => {
      assert.deepEqual(parseYuanToFen(yuanInputText(fen)), { ok: true, amountFen: fen });
    }),
  );
});
