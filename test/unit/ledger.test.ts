// Double-entry journals: what balances, what never can, and the journals each movement makes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertBalanced,
  HOUSE_ACCOUNTS,
  isHouseAccount,
  type Journal,
  MAX_POSTINGS_PER_JOURNAL,
  type Posting,
  reversalJournal,
  topUpJournal,
  transferJournal,
  withdrawJournal,
} from '../../functions/domain/ledger.js';
import { deterministicJournalId, houseShard } from '../../functions/store/ledger.js';

const createdAt = '2026-05-01T02:00:00.000Z';
const posting = (accountId: string, amountFen: number): Posting => ({ accountId, amountFen, label: 'x', counterparty: 'y' });
const journal = (postings: Posting[]): Journal => ({ journalId: 'J1', kind: 'TRANSFER', postings, createdAt });
const total = (j: Journal) => j.postings.reduce((sum, p) => sum + p.amountFen, 0);
const shard = `${HOUSE_ACCOUNTS.CARD_SETTLEMENT}~03`;

describe('assertBalanced', () => {
  test('accepts two or more postings that sum to zero', () => {
    assert.doesNotThrow(() => assertBalanced(journal([posting('A', -100), posting('B', 100)])));
    assert.doesNotThrow(() => assertBalanced(journal([posting('A', -100), posting('B', 60), posting('C', 40)])));
  });

  test('refuses a journal that does not sum to zero', () => {
    assert.throws(() => assertBalanced(journal([posting('A', -100), posting('B', 99)])), /does not balance/);
    assert.throws(() => assertBalanced(journal([posting('A', 100), posting('B', 100)])), /does not balance/);
  });

  test('refuses a zero posting', () => {
    assert.throws(() => assertBalanced(journal([posting('A', 0), posting('B', 0)])), /zero posting/);
    assert.throws(() => assertBalanced(journal([posting('A', -5), posting('B', 5), posting('C', 0)])), /zero posting/);
  });

  test('refuses two postings to one account', () => {
    assert.throws(() => assertBalanced(journal([posting('A', -100), posting('A', 100)])), /twice/);
    assert.throws(() => assertBalanced(journal([posting('A', -100), posting('B', 50), posting('A', 50)])), /twice/);
  });

  test('refuses fewer than two postings', () => {
    assert.throws(() => assertBalanced(journal([])));
    assert.throws(() => assertBalanced(journal([posting('A', 100)])));
  });

  test(`accepts ${MAX_POSTINGS_PER_JOURNAL} postings and refuses more`, () => {
    const many = (n: number) => [posting('A0', -(n - 1)), ...Array.from({ length: n - 1 }, (_, i) => posting(`A${i + 1}`, 1))];
    assert.equal(MAX_POSTINGS_PER_JOURNAL, 10);
    assert.doesNotThrow(() => assertBalanced(journal(many(10))));
    assert.throws(() => assertBalanced(journal(many(11))));
  });

  test('refuses fractional or unsafe amounts, even when they "balance"', () => {
    assert.throws(() => assertBalanced(journal([posting('A', -0.5), posting('B', 0.5)])));
    assert.throws(() => assertBalanced(journal([posting('A', -(2 ** 53)), posting('B', 2 ** 53)])));
  });
});

describe('movement journals', () => {
  const cardArgs = { journalId: 'J-card', customerAccountId: 'acct-1', cardMasked: '工商银行 1234', houseShardAccountId: shard, createdAt };

  test('a top-up credits the customer and debits the house card-settlement shard', () => {
    const j = topUpJournal({ ...cardArgs, amountFen: 12_345 });
    assert.equal(j.kind, 'TOP_UP');
    assert.equal(total(j), 0);
    assert.deepEqual(j.postings.map((p) => [p.accountId, p.amountFen]), [['acct-1', 12_345], [shard, -12_345]]);
  });

  test('a withdrawal debits the customer and credits the house shard', () => {
    const j = withdrawJournal({ ...cardArgs, amountFen: 500 });
    assert.equal(j.kind, 'WITHDRAW');
    assert.equal(total(j), 0);
    assert.deepEqual(j.postings.map((p) => [p.accountId, p.amountFen]), [['acct-1', -500], [shard, 500]]);
  });

  test('a transfer moves the amount from one customer to the other and shows masked names', () => {
    const j = transferJournal({
      journalId: 'J-t',
      from: { accountId: 'acct-1', displayName: '张*' },
      to: { accountId: 'acct-2', displayName: '欧***' },
      amountFen: 777,
      memo: '午饭',
      createdAt,
    });
    assert.equal(j.kind, 'TRANSFER');
    assert.equal(total(j), 0);
    assert.deepEqual(j.postings.map((p) => [p.accountId, p.amountFen]), [['acct-1', -777], ['acct-2', 777]]);
    assert.match(j.postings[0]!.label, /欧\*\*\*/);
    assert.match(j.postings[0]!.label, /午饭/);
    assert.match(j.postings[1]!.label, /张\*/);
    assert.equal(j.postings[0]!.counterparty, '欧***');
  });

  test('a transfer to the same account is refused', () => {
    assert.throws(() =>
      transferJournal({ journalId: 'J', from: { accountId: 'a', displayName: '张*' }, to: { accountId: 'a', displayName: '张*' }, amountFen: 1, memo: undefined, createdAt }),
    );
  });

  test('a zero movement is refused', () => {
    assert.throws(() => topUpJournal({ ...cardArgs, amountFen: 0 }), /zero posting/);
    assert.throws(() => withdrawJournal({ ...cardArgs, amountFen: 0 }), /zero posting/);
  });

  test('a reversal negates each posting of the withdrawal and points at it', () => {
    const original = withdrawJournal({ ...cardArgs, amountFen: 4_200 });
    const reversal = reversalJournal(original, 'J-rev', '2026-05-01T02:00:01.000Z');
    assert.equal(reversal.kind, 'WITHDRAW_REVERSAL');
    assert.equal(reversal.reverses, original.journalId);
    assert.equal(reversal.journalId, 'J-rev');
    assert.equal(total(reversal), 0);
    assert.equal(reversal.postings.length, original.postings.length);
    for (const p of original.postings) {
      const back = reversal.postings.find((r) => r.accountId === p.accountId);
      assert.equal(back?.amountFen, -p.amountFen);
    }
    // Together they leave every account where it was.
    const net = new Map<string, number>();
    for (const p of [...original.postings, ...reversal.postings]) net.set(p.accountId, (net.get(p.accountId) ?? 0) + p.amountFen);
    assert.deepEqual([...net.values()], [0, 0]);
  });

  test('only withdrawals can be reversed, and the original is left untouched', () => {
    const topUp = topUpJournal({ ...cardArgs, amountFen: 100 });
    assert.throws(() => reversalJournal(topUp, 'J-r', createdAt));
    const original = withdrawJournal({ ...cardArgs, amountFen: 100 });
    const before = structuredClone(original);
    reversalJournal(original, 'J-r', createdAt);
    assert.deepEqual(original, before);
  });
});

describe('house accounts and journal ids', () => {
  test('house accounts are recognised by prefix; customer accounts are not', () => {
    assert.equal(isHouseAccount(shard), true);
    assert.equal(isHouseAccount(HOUSE_ACCOUNTS.CARD_SETTLEMENT), true);
    assert.equal(isHouseAccount('4f6a1c1e-0000-4000-8000-000000000000'), false);
  });

  test('house postings spread over every shard and stay on one shard per journal', () => {
    const used = new Map<string, number>();
    for (let n = 0; n < 2_000; n++) {
      const id = deterministicJournalId('customer', 'topUp', `key-${n}`);
      const s = houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, id, 16);
      assert.equal(houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, id, 16), s);
      assert.ok(isHouseAccount(s));
      used.set(s, (used.get(s) ?? 0) + 1);
    }
    assert.equal(used.size, 16);
    for (const count of used.values()) assert.ok(count > 60, `a shard got only ${count} of 2000`);
  });

  test('journal ids are stable for the same request and differ otherwise', () => {
    const id = deterministicJournalId('c1', 'topUp', 'key-1');
    assert.equal(deterministicJournalId('c1', 'topUp', 'key-1'), id);
    assert.notEqual(deterministicJournalId('c2', 'topUp', 'key-1'), id);
    assert.notEqual(deterministicJournalId('c1', 'withdraw', 'key-1'), id);
    assert.notEqual(deterministicJournalId('c1', 'topUp', 'key-2'), id);
    // Parts are separated, so shifting characters between them gives another id.
    assert.notEqual(deterministicJournalId('c1t', 'opUp', 'key-1'), id);
  });
});
