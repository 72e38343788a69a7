// mapInBatches: every item's result in the items' order, never more than `size` in flight.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapInBatches } from '../../functions/platform/batches.js';

test('results in order, at most `size` at once; a size below 1 refused', async () => {
  let inFlight = 0;
  let most = 0;
  const results = await mapInBatches(Array.from({ length: 23 }, (_, i) => i), 5, async (item) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(item % 3);
    inFlight -= 1;
    return item * 2;
  });
  assert.deepEqual(results, Array.from({ length: 23 }, (_, i) => i * 2));
  assert.equal(most, 5);
  await assert.rejects(mapInBatches([1], 0, async (item) => item), /positive integer/);
});
