// A journal read back is checked before any workflow acts on it: a malformed or unbalanced item
// in the table stops the read instead of being trusted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { getJournal } from '../../functions/store/ledger.js';
import { useBank } from '../support/bank.js';

useBank();

const sound = {
  journalId: 'JREADBACK1',
  kind: 'TRANSFER',
  postings: [
    { accountId: 'A', amountFen: -500, label: '转出', counterparty: '李*' },
    { accountId: 'B', amountFen: 500, label: '转入', counterparty: '张*' },
  ],
  createdAt: '2026-12-05T02:00:00.000Z',
};

async function store(journalId: string, item: Record<string, unknown>): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.journal(journalId), type: 'JOURNAL', ...item } }));
}

test('a sound journal reads back as it was written, without its storage keys', async () => {
  await store(sound.journalId, sound);
  assert.deepEqual(await getJournal(sound.journalId), sound);
});

test('an unbalanced, malformed or misfiled journal item is refused, not returned', async () => {
  await store('JUNBALANCED', { ...sound, journalId: 'JUNBALANCED', postings: [sound.postings[0], { ...sound.postings[1], amountFen: 499 }] });
  await assert.rejects(getJournal('JUNBALANCED'));
  await store('JFRACTION', { ...sound, journalId: 'JFRACTION', postings: [{ ...sound.postings[0], amountFen: -0.5 }, { ...sound.postings[1], amountFen: 0.5 }] });
  await assert.rejects(getJournal('JFRACTION'));
  await store('JNOKIND', { ...sound, journalId: 'JNOKIND', kind: 'GIFT' });
  await assert.rejects(getJournal('JNOKIND'));
  await store('JMISFILED', { ...sound, journalId: 'JSOMEONEELSE' });
  await assert.rejects(getJournal('JMISFILED'));
});

test('a journal that is not there reads as undefined', async () => {
  assert.equal(await getJournal('JNOSUCHJOURNAL'), undefined);
});
