import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useBank } from '../support/bank.js';
import { balanceFen, onboard, topUp, transfer, withdraw } from '../support/customers.js';

useBank();

test('smoke', async () => {
  const a = await onboard();
  const b = await onboard({ name: '李四' });
  const t = await topUp(a, 10_000);
  assert.equal(t.status, 200, JSON.stringify(t.body));
  const x = await transfer(a, b, 2_000);
  assert.equal(x.status, 200, JSON.stringify(x.body));
  const w = await withdraw(a, 3_000);
  assert.equal(w.status, 200, JSON.stringify(w.body));
  assert.equal(await balanceFen(a), 5_000);
  assert.equal(await balanceFen(b), 2_000);
});
