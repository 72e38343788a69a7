// The ledger's invariants over the whole table, first proven able to catch a broken ledger, then
// checked after many concurrent top-ups, withdrawals and transfers — some of which must fail for
// insufficient funds, some of which are sent twice at once with the same Idempotency-Key.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { call, type CallResult, useBank } from '../support/bank.js';
import { balanceFen, cardNumber, type Onboarded, onboard, topUp, transfer, withdraw } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { assertLedgerSound, checkLedger, type Item, scanTable } from '../support/ledger-check.js';

useBank();

const NAMES = ['张三', '李四', '王五', '赵六', '欧阳娜娜'];
const INITIAL_FEN = 20_000;

let people: Onboarded[] = [];
let ready: Promise<void> | undefined;
const setUp = () =>
  (ready ??= (async () => {
    people = await Promise.all(NAMES.map((name) => onboard({ name })));
    await Promise.all(people.map(async (p) => expectOk(await topUp(p, INITIAL_FEN))));
    // One transfer and one reversed withdrawal so every journal kind is present for the checker.
    expectOk(await transfer(people[0]!, people[1]!, 1_000));
    expectOk(await transfer(people[1]!, people[0]!, 1_000));
    const declined = await onboard({ name: '孙八', card: cardNumber('622202', '0052') });
    expectOk(await topUp(declined, 3_000));
    assert.equal(expectOk(await withdraw(declined, 2_000)).status, 'REVERSED');
  })());

describe('the checker', () => {
  before(setUp);

  test('passes on a sound ledger', async () => {
    const report = checkLedger(await scanTable());
    assert.deepEqual(report.violations, []);
    // Five top-ups, two transfers, and a top-up, withdrawal and reversal.
    assert.equal(report.journals.size, NAMES.length + 2 + 3);
    assert.equal(report.answeredJournalIds.length, NAMES.length + 2 + 2);
    // Six customer accounts plus the house shards the card movements landed on.
    assert.ok([...report.balances.keys()].filter((id) => id.startsWith('HOUSE-')).length >= 1);
    assert.equal([...report.balances.keys()].filter((id) => !id.startsWith('HOUSE-')).length, NAMES.length + 1);
  });

  // Each corruption must be reported: a checker that cannot fail proves nothing.
  const corruptions: [string, (items: Item[]) => void, RegExp][] = [
    ['a balance one fen off', (items) => { items.find((i) => i.type === 'ACCOUNT')!.balanceFen += 1; }, /balance .* ≠ sum of postings/],
    ['a house shard one fen off', (items) => { items.find((i) => i.type === 'HOUSE')!.balanceFen -= 1; }, /balances sum to -1/],
    ['a lost posting', (items) => { items.splice(items.findIndex((i) => i.type === 'POSTING'), 1); }, /declares .* but the table holds/],
    ['a posting without a journal', (items) => { const p = items.find((i) => i.type === 'POSTING')!; items.push({ ...p, journalId: 'J-ghost', SK: `POST#${p.createdAt}#J-ghost` }); }, /missing journal J-ghost/],
    ['a journal that does not balance', (items) => { const j = items.find((i) => i.type === 'JOURNAL')!; j.postings = j.postings.map((p: Item, n: number) => (n === 0 ? { ...p, amountFen: p.amountFen + 1 } : p)); }, /postings sum to/],
    ['a one-legged journal', (items) => { const j = items.find((i) => i.type === 'JOURNAL')!; j.postings = j.postings.slice(0, 1); }, /has 1 postings/],
    ['debits ≠ credits', (items) => { items.find((i) => i.type === 'POSTING' && i.amountFen > 0)!.amountFen += 5; }, /total debits/],
    ['a negative customer balance', (items) => {
      const acct = items.find((i) => i.type === 'ACCOUNT')!;
      const shift = acct.balanceFen + 1;
      acct.balanceFen -= shift;
      const p = items.find((i) => i.type === 'POSTING' && i.accountId === acct.accountId)!;
      p.amountFen -= shift;
    }, /is negative/],
    ['a second journal for one key', (items) => {
      const j = items.find((i) => i.type === 'JOURNAL' && i.kind === 'TOP_UP')!;
      const copyId = `${j.journalId}-again`;
      items.push({ ...j, PK: `JRNL#${copyId}`, journalId: copyId });
      for (const p of items.filter((i) => i.type === 'POSTING' && i.journalId === j.journalId)) {
        items.push({ ...p, journalId: copyId, SK: `POST#${p.createdAt}#${copyId}` });
        const bal = items.find((i) => i.SK === 'BALANCE' && i.PK === p.PK)!;
        bal.balanceFen += p.amountFen;
      }
    }, /answered to no idempotency key/],
    ['a key left in flight', (items) => { items.push({ PK: 'IDEM#x#k', SK: 'IDEM', type: 'IDEMPOTENCY', status: 'IN_FLIGHT' }); }, /left IN_FLIGHT/],
  ];
  for (const [what, corrupt, expected] of corruptions) {
    test(`reports ${what}`, async () => {
      const items = structuredClone(await scanTable());
      corrupt(items);
      const { violations } = checkLedger(items);
      assert.ok(violations.some((v) => expected.test(v)), `expected ${expected} in ${JSON.stringify(violations)}`);
    });
  }
});

type Op =
  | { kind: 'topUp'; who: number; amountFen: number }
  | { kind: 'withdraw'; who: number; amountFen: number }
  | { kind: 'transfer'; who: number; to: number; amountFen: number };

interface Sent {
  op: Op;
  key: string;
  mustFail: boolean;
  res: CallResult;
}

describe('concurrent money movements', () => {
  before(setUp);

  test('60 distinct requests (+ 10 duplicates) at once: exact balances, none negative, one journal per key', async () => {
    const start = await Promise.all(people.map((p) => balanceFen(p)));
    const journalsBefore = checkLedger(await scanTable()).journals.size;

    // A plan of random movements. Amounts are small enough that no daily limit interferes.
    const ops: { op: Op; mustFail: boolean }[] = [];
    for (let n = 0; n < 54; n++) {
      const who = randomInt(people.length);
      const pick = randomInt(3);
      if (pick === 0) ops.push({ op: { kind: 'topUp', who, amountFen: randomInt(1, 5_000) }, mustFail: false });
      else if (pick === 1) ops.push({ op: { kind: 'withdraw', who, amountFen: randomInt(1, 9_000) }, mustFail: false });
      else {
        const to = (who + 1 + randomInt(people.length - 1)) % people.length;
        ops.push({ op: { kind: 'transfer', who, to, amountFen: randomInt(1, 9_000) }, mustFail: false });
      }
    }
    // The most each account could ever hold during the run: a larger debit must fail.
    const ceiling = start.map((b, i) => b + ops.reduce((s, { op }) => s + ((op.kind === 'topUp' && op.who === i) || (op.kind === 'transfer' && op.to === i) ? op.amountFen : 0), 0));
    for (let n = 0; n < 6; n++) {
      const who = n % people.length;
      const amountFen = ceiling[who]! + 1 + randomInt(1_000);
      ops.push(n % 2 === 0
        ? { op: { kind: 'withdraw', who, amountFen }, mustFail: true }
        : { op: { kind: 'transfer', who, to: (who + 1) % people.length, amountFen }, mustFail: true });
    }

    const send = (op: Op, key: string) => {
      const who = people[op.who]!;
      if (op.kind === 'topUp') return topUp(who, op.amountFen, key);
      if (op.kind === 'withdraw') return withdraw(who, op.amountFen, key);
      return transfer(who, people[op.to]!, op.amountFen, key);
    };
    const planned = ops.map(({ op, mustFail }) => ({ op, mustFail, key: randomUUID() }));
    // Every sixth request is also sent a second time, at the same moment, with the same key.
    const wire = [...planned, ...planned.filter((_, i) => i % 6 === 0)].sort(() => Math.random() - 0.5);
    assert.ok(planned.length >= 60 && wire.length >= 70);

    const sent: Sent[] = await Promise.all(wire.map(async (p) => ({ ...p, res: await send(p.op, p.key) })));

    // No server errors; every answer is one a client can act on.
    for (const s of sent) {
      const code = s.res.body?.error?.code;
      assert.ok(s.res.status < 500, `5xx for ${JSON.stringify(s.op)}: ${JSON.stringify(s.res.body)}`);
      if (s.mustFail) assert.ok(code === 'INSUFFICIENT_FUNDS' || code === 'REQUEST_IN_PROGRESS', `${JSON.stringify(s.op)} should fail: ${JSON.stringify(s.res.body)}`);
      else assert.ok(s.res.status === 200 || code === 'INSUFFICIENT_FUNDS' || code === 'REQUEST_IN_PROGRESS', `${s.res.status} ${JSON.stringify(s.res.body)}`);
      if (code === 'REQUEST_IN_PROGRESS') assert.equal(wire.filter((w) => w.key === s.key).length, 2, 'only a duplicate may be told "in progress"');
      if (s.res.status === 200) assert.ok(s.res.body.balanceFen >= 0);
    }

    for (const p of planned.filter((p) => p.mustFail)) {
      assert.ok(sent.some((s) => s.key === p.key && s.res.body?.error?.code === 'INSUFFICIENT_FUNDS'), `${JSON.stringify(p.op)} was never refused`);
    }

    // Duplicates agree: both the same success, or one success and one "in progress", or
    // (when the first failed and freed the key) any mix of failure and retry outcomes.
    const byKey = new Map<string, Sent[]>();
    for (const s of sent) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
    const succeeded = new Map<string, Sent>();
    for (const [key, answers] of byKey) {
      const wins = answers.filter((s) => s.res.status === 200);
      if (wins.length === 2) assert.deepEqual(wins[1]!.res.body, wins[0]!.res.body, `duplicate answers for ${key} differ`);
      if (wins.length) succeeded.set(wins[0]!.res.body.journalId, wins[0]!);
    }
    assert.equal(new Set([...succeeded.values()].map((s) => s.key)).size, succeeded.size, 'one journal per key');
    assert.ok(succeeded.size >= 20, `only ${succeeded.size} movements succeeded`);

    // Final balances are exactly the start plus what the clients were told happened.
    const expected = [...start];
    for (const { op } of succeeded.values()) {
      if (op.kind === 'topUp') expected[op.who]! += op.amountFen;
      else if (op.kind === 'withdraw') expected[op.who]! -= op.amountFen;
      else {
        expected[op.who]! -= op.amountFen;
        expected[op.to]! += op.amountFen;
      }
    }
    const final = await Promise.all(people.map((p) => balanceFen(p)));
    assert.deepEqual(final, expected);
    for (const b of final) assert.ok(b >= 0);

    // The table agrees: invariants hold and it holds exactly one new journal per success.
    const report = await assertLedgerSound();
    assert.equal(report.journals.size, journalsBefore + succeeded.size);
    for (const journalId of succeeded.keys()) assert.ok(report.journals.has(journalId), journalId);
    people.forEach((p, i) => assert.equal(report.balances.get(p.accountId), expected[i]));

    // And each customer's history adds up to their balance.
    for (const [i, p] of people.entries()) {
      let sum = 0;
      let cursor: string | null = null;
      do {
        const page: any = expectOk(await call(account, { method: 'GET', path: '/v1/account/history', token: p.token, query: { limit: '50', ...(cursor ? { cursor } : {}) } }));
        sum += page.items.reduce((s: number, item: { amountFen: number }) => s + item.amountFen, 0);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(sum, final[i]);
    }
  });

  test('many concurrent withdrawals from one account never overdraw it', async () => {
    const p = people[2]!;
    const balance = await balanceFen(p);
    const amount = Math.max(1, Math.floor(balance / 4));
    const results = await Promise.all(Array.from({ length: 8 }, () => withdraw(p, amount)));
    for (const r of results) assert.ok(r.status === 200 || r.body?.error?.code === 'INSUFFICIENT_FUNDS', JSON.stringify(r.body));
    const wins = results.filter((r) => r.status === 200).length;
    assert.equal(wins, Math.min(8, Math.floor(balance / amount)));
    assert.equal(await balanceFen(p), balance - wins * amount);
    await assertLedgerSound();
  });
});

describe('privacy', () => {
  test('no response carried a customer\'s full phone, name, ID or card number', () => {
    assertNoPersonalDataInResponses();
  });
});
