// The bank's clock on stages with clock control (platform/clock.ts): the offset that makes it read
// a given time, which then runs on with the wall clock, and the bound on how far it may be moved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockTime, MAX_CLOCK_OFFSET_MS, offsetTo } from '../../functions/platform/clock.js';

test('set to 23:50 China time, the clock reads 23:50 then and runs on with the wall clock', () => {
  const wall = new Date('2026-12-06T02:00:00.000Z');
  const target = new Date('2026-12-06T23:50:00+08:00');
  const offsetMs = offsetTo(target, wall)!;
  assert.equal(offsetMs, 13 * 3_600_000 + 50 * 60_000);
  assert.equal(clockTime(wall, offsetMs).toISOString(), '2026-12-06T15:50:00.000Z');
  assert.equal(clockTime(new Date(wall.getTime() + 90_000), offsetMs).toISOString(), '2026-12-06T15:51:30.000Z');
  assert.equal(offsetTo(new Date('2026-12-01T00:00:00Z'), wall)! < 0, true, 'back in time too');
});

test('the clock is moved at most about ten years either way', () => {
  const wall = new Date('2026-12-06T02:00:00.000Z');
  assert.equal(offsetTo(new Date(wall.getTime() + MAX_CLOCK_OFFSET_MS), wall), MAX_CLOCK_OFFSET_MS);
  assert.equal(offsetTo(new Date(wall.getTime() + MAX_CLOCK_OFFSET_MS + 1), wall), null);
  assert.equal(offsetTo(new Date(wall.getTime() - MAX_CLOCK_OFFSET_MS - 1), wall), null);
  assert.equal(offsetTo(new Date('not a time'), wall), null);
});
