// First-touch attribution (pure): the earliest visit within the window binds; nothing rebinds;
// the window is configurable and its edges are exact.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { countsForManager, firstTouch, managerCredit, type Touch } from '../../functions/domain/rm/attribution.js';

const DAY = 86_400_000;
const linkedAt = new Date('2025-06-30T12:00:00.000Z');
const ago = (ms: number) => new Date(linkedAt.getTime() - ms).toISOString();
const touch = (code: string, staffId: string, at: string): Touch => ({ code, staffId, at, product: { type: 'LOAN', id: 'consumer-credit' }, campaign: null });

describe('first touch', () => {
  test('the earliest visit in the window wins, not the latest', () => {
    const a = touch('AAAAAAAAAA', 'S-a', ago(10 * DAY));
    const b = touch('BBBBBBBBBB', 'S-b', ago(2 * DAY));
    assert.equal(firstTouch([b, a], linkedAt, 30, false), a);
    assert.equal(firstTouch([a, b], linkedAt, 30, false), a);
  });

  test('a customer already bound is never rebound, whatever the visits', () => {
    assert.equal(firstTouch([touch('AAAAAAAAAA', 'S-a', ago(DAY))], linkedAt, 30, true), undefined);
  });

  test('the window edge is exact: 30 days ago binds, a millisecond more does not', () => {
    const edge = touch('EDGEEDGE01', 'S-e', ago(30 * DAY));
    const older = touch('OLDOLDOLD1', 'S-o', ago(30 * DAY + 1));
    assert.equal(firstTouch([older, edge], linkedAt, 30, false), edge);
    assert.equal(firstTouch([older], linkedAt, 30, false), undefined);
  });

  test('the window is configurable: a 7-day window ignores a visit 8 days old', () => {
    const old = touch('OLDOLDOLD1', 'S-o', ago(8 * DAY));
    const recent = touch('NEWNEWNEW1', 'S-n', ago(DAY));
    assert.equal(firstTouch([old, recent], linkedAt, 7, false), recent);
    assert.equal(firstTouch([old, recent], linkedAt, 10, false), old);
    for (const bad of [0, -1, 366, 2.5]) assert.throws(() => firstTouch([recent], linkedAt, bad, false), String(bad));
  });

  test('visits after the moment decided, or with no readable time, never bind', () => {
    const future = touch('FUTUREFUT1', 'S-f', new Date(linkedAt.getTime() + 1).toISOString());
    const broken = touch('BROKENBRO1', 'S-x', 'yesterday');
    assert.equal(firstTouch([future, broken], linkedAt, 30, false), undefined);
  });

  test('a tie goes to the smaller code, so the answer does not depend on read order', () => {
    const at = ago(DAY);
    const x = touch('Bbbbbbbbbb', 'S-x', at);
    const y = touch('Aaaaaaaaaa', 'S-y', at);
    assert.equal(firstTouch([x, y], linkedAt, 30, false), y);
    assert.equal(firstTouch([y, x], linkedAt, 30, false), y);
  });

  test('property: the winner is in the window and no touch in the window is earlier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.stringMatching(/^[A-Za-z0-9]{10}$/), agoMs: fc.integer({ min: -5 * DAY, max: 60 * DAY }) }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 90 }),
        (visits, windowDays) => {
          const touches = visits.map((v, i) => touch(v.code, `S-${i}`, ago(v.agoMs)));
          const won = firstTouch(touches, linkedAt, windowDays, false);
          const eligible = visits.filter((v) => v.agoMs >= 0 && v.agoMs <= windowDays * DAY);
          if (eligible.length === 0) return assert.equal(won, undefined);
          assert.ok(won);
          const wonAgo = linkedAt.getTime() - new Date(won.at).getTime();
          assert.equal(wonAgo, Math.max(...eligible.map((v) => v.agoMs)));
        },
      ),
    );
  });
});

describe('what counts for the manager', () => {
  test('only what the customer did from the first touch on', () => {
    assert.equal(countsForManager('2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z'), true);
    assert.equal(countsForManager('2025-06-02T00:00:00.000Z', '2025-06-01T00:00:00.000Z'), true);
    assert.equal(countsForManager('2025-05-31T23:59:59.999Z', '2025-06-01T00:00:00.000Z'), false);
  });

  test('a stage is credited at its first time, even before the touch; money only from the touch on', () => {
    const attribution = { firstTouchAt: '2025-06-10T00:00:00.000Z', entryProduct: { type: 'LOAN' as const, id: 'consumer-credit' } };
    const event = (kind: 'SIGNED_UP' | 'BILL_PAID' | 'LOAN_APPLIED', at: string, ref: string, amountFen?: number) => ({ customerId: 'C-1', kind, at, ref, amountFen });
    const credit = managerCredit(attribution, [
      event('BILL_PAID', '2025-06-12T00:00:00.000Z', 'j-2', 3_000),
      event('SIGNED_UP', '2025-06-01T00:00:00.000Z', 'C-1'),
      event('BILL_PAID', '2025-06-05T00:00:00.000Z', 'j-1', 2_000),
      event('LOAN_APPLIED', '2025-06-11T00:00:00.000Z', 'app-1'),
    ]);
    assert.deepEqual(credit.stagesReached, { BILL_PAID: '2025-06-05T00:00:00.000Z', SIGNED_UP: '2025-06-01T00:00:00.000Z', LOAN_APPLIED: '2025-06-11T00:00:00.000Z' });
    assert.deepEqual(credit.money, [
      { customerId: 'C-1', kind: 'BILL_PAID', amountFen: 3_000, at: '2025-06-12T00:00:00.000Z', ref: 'j-2', entryProduct: attribution.entryProduct },
    ]);
    assert.deepEqual(managerCredit(attribution, []), { stagesReached: {}, money: [] });
  });
});
