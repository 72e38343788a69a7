// The history's rules: the short reference a person reads out, the kind groups the filter offers,
// and the status a later journal gives an earlier one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  awaitsFollowUp,
  entryStatus,
  HISTORY_GROUPS,
  journalReference,
  REFERENCE_ALPHABET,
  REFERENCE_LENGTH,
  REFERENCE_PATTERN,
  returnsMoney,
} from '../../functions/domain/history.js';
import { KIND_LABELS } from '../../functions/domain/journal-kind-labels.js';
import { JOURNAL_KINDS } from '../../functions/domain/ledger.js';
import { wealthPurchaseJournal, wealthRefundJournal } from '../../functions/domain/wealth/journals.js';
import { orderIdFor } from '../../functions/domain/wealth/orders.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';

const journalId = fc.stringMatching(/^J[A-Za-z0-9_-]{26}$/);

describe('the short reference', () => {
  test('is three groups of four characters a person cannot misread', () => {
    assert.equal(REFERENCE_ALPHABET.length, 30);
    for (const ambiguous of '01ILOU') assert.ok(!REFERENCE_ALPHABET.includes(ambiguous), `${ambiguous} can be misread`);
    assert.equal(new Set(REFERENCE_ALPHABET).size, REFERENCE_ALPHABET.length);
    fc.assert(
      fc.property(journalId, (id) => {
        const reference = journalReference(id);
        assert.match(reference, REFERENCE_PATTERN);
        assert.equal(reference.replaceAll('-', '').length, REFERENCE_LENGTH);
      }),
    );
  });

  test('is the same for a journal every time, and differs between journals', () => {
    const id = deterministicJournalId('customer-1', 'transfer', 'key-1');
    assert.equal(journalReference(id), journalReference(id));
    const references = new Set<string>();
    for (let n = 0; n < 20_000; n++) references.add(journalReference(deterministicJournalId('customer-1', 'transfer', `key-${n}`)));
    assert.equal(references.size, 20_000);
    // One character of the id changes the reference.
    assert.notEqual(journalReference(`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`), journalReference(id));
  });

  test('uses every character of its alphabet in every place', () => {
    const seen = Array.from({ length: REFERENCE_LENGTH }, () => new Set<string>());
    for (let n = 0; n < 3_000; n++) {
      [...journalReference(`J${String(n).padStart(26, '0')}`).replaceAll('-', '')].forEach((character, place) => seen[place]!.add(character));
    }
    for (const place of seen) assert.equal(place.size, REFERENCE_ALPHABET.length);
  });
});

describe('kinds', () => {
  test('each kind has a label and exactly one filter group', () => {
    for (const kind of JOURNAL_KINDS) {
      assert.ok(KIND_LABELS[kind].length > 0, kind);
      const groups = Object.entries(HISTORY_GROUPS).filter(([, kinds]) => (kinds as readonly string[]).includes(kind));
      assert.equal(groups.length, 1, `${kind} is in ${groups.map(([name]) => name).join(', ') || 'no group'}`);
    }
  });
});

describe('an entry\'s status', () => {
  test('a withdrawal the card refused failed; a purchase refunded in full is 已退款', () => {
    assert.equal(entryStatus('WITHDRAW', undefined), 'SUCCEEDED');
    assert.equal(entryStatus('WITHDRAW', 'WITHDRAW_REVERSAL'), 'FAILED');
    assert.equal(entryStatus('WEALTH_PURCHASE', undefined), 'SUCCEEDED');
    assert.equal(entryStatus('WEALTH_PURCHASE', 'WEALTH_REFUND'), 'REFUNDED');
  });

  test('a delayed transfer is 延时到账中 until released (成功) or returned (已撤销)', () => {
    assert.equal(entryStatus('TRANSFER_HOLD', undefined), 'HELD');
    assert.equal(entryStatus('TRANSFER_HOLD', 'TRANSFER_RELEASE'), 'SUCCEEDED');
    assert.equal(entryStatus('TRANSFER_HOLD', 'TRANSFER_RETURN'), 'CANCELLED');
  });

  test('a bill is 处理中 until settled or voided', () => {
    assert.equal(entryStatus('BILL_HOLD', undefined), 'PENDING');
    assert.equal(entryStatus('BILL_HOLD', 'BILL_SETTLEMENT'), 'SUCCEEDED');
    assert.equal(entryStatus('BILL_HOLD', 'BILL_VOID'), 'FAILED');
  });

  test('kinds no later journal decides succeeded, and are not looked up', () => {
    for (const kind of JOURNAL_KINDS.filter((k) => !['WITHDRAW', 'BILL_HOLD', 'WEALTH_PURCHASE', 'TRANSFER_HOLD'].includes(k))) {
      assert.equal(awaitsFollowUp(kind), false, kind);
      assert.equal(entryStatus(kind, undefined), 'SUCCEEDED', kind);
    }
    assert.deepEqual(JOURNAL_KINDS.filter(returnsMoney), ['WITHDRAW_REVERSAL', 'TRANSFER_RETURN', 'WEALTH_REFUND', 'BILL_VOID']);
  });
});

describe('a wealth refund', () => {
  test('names the purchase it gives back in full; a confirmation residual names none', () => {
    const purchaseId = deterministicJournalId('customer-1', 'wealth-purchase', 'key-1');
    const common = { createdAt: '2026-12-06T01:00:00.000Z', productName: '近邻货币A', orderId: orderIdFor(purchaseId), customerAccountId: 'acct-1', custodyShardAccountId: 'HOUSE-WEALTH-CUSTODY-p1~00' };
    const purchase = wealthPurchaseJournal({ ...common, journalId: purchaseId, amountFen: 10_000 });
    const refund = (reason: 'COOLING_OFF' | 'FAILED' | 'RESIDUAL') => wealthRefundJournal({ ...common, journalId: deterministicJournalId('refund', reason), amountFen: 100, reason });
    assert.equal(refund('COOLING_OFF').refunds, purchase.journalId);
    assert.equal(refund('FAILED').refunds, purchase.journalId);
    assert.equal(refund('RESIDUAL').refunds, undefined);
    for (const reason of ['COOLING_OFF', 'FAILED', 'RESIDUAL'] as const) assert.equal(refund(reason).reverses, undefined, reason);
  });
});
