// The audit log on DynamoDB Local (services/audit.ts, store/audit.ts): appends are gap-free under
// concurrency; every tampering someone who can write the table (but holds no key) can do — an edited
// field, a removed entry, a swapped pair, the newest entry removed with the head fixed to match —
// fails verification at the right sequence number, and the chain verifies again once it is put
// back; the day close records itself and anchors the head write-once; nothing offers to edit the log.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditInput, verifyChain } from '../../functions/domain/audit-chain.js';
import * as auditService from '../../functions/services/audit.js';
import { anchorAuditHead, exportAudit, recordAudit, verifyAudit } from '../../functions/services/audit.js';
import { runDayClose } from '../../functions/services/day-close.js';
import * as auditStore from '../../functions/store/audit.js';
import { db } from '../../functions/store/client.js';
import { useBank } from '../support/bank.js';
import { repoRoot } from '../../scripts/lib/serverless-config.js';
import { backOfficeKeys } from '../../functions/store/back-office-keys.js';

const anchorRoot = mkdtempSync(join(tmpdir(), 'jinlin-audit-test-'));
const bank = useBank({ AUDIT_ANCHOR_DIR: anchorRoot });
after(() => rmSync(anchorRoot, { recursive: true, force: true }));

const NOW = new Date('2026-03-02T02:00:00.000Z');
const KEY = () => Buffer.from(String(process.env.JINLIN_AUDIT_MAC_KEY), 'base64');

const action = (n: number): AuditInput => ({
  actor: { kind: 'operator', id: `op-${n % 4}` },
  action: n % 3 === 0 ? 'customer.reveal' : 'console.sign-in',
  target: { kind: n % 3 === 0 ? 'customer' : 'operator', id: `id-${n}` },
  ...(n % 3 === 0 ? { reason: `客户来电，核实手机号 ${n}` } : {}),
  ...(n % 5 === 0 ? { before: { status: 'ACTIVE' }, after: { status: 'FROZEN', amountFen: n * 100 } } : {}),
});

const entryKey = (seq: number) => backOfficeKeys.auditEntry(seq);
async function item(key: Record<string, string>): Promise<Record<string, unknown>> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  assert.ok(Item, `no item ${JSON.stringify(key)}`);
  return Item;
}
async function put(value: Record<string, unknown>): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new PutCommand({ TableName: tableName, Item: value }));
}
async function remove(key: Record<string, string>): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new DeleteCommand({ TableName: tableName, Key: key }));
}
async function exported(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportAudit()) lines.push(line);
  return lines;
}
const withoutKey = ({ PK: _pk, SK: _sk, ...rest }: Record<string, unknown>) => rest;

/** Runs `tamper`, expects verification to fail with `problem`, puts the items it names back as
 *  they were, and expects the chain to verify again. */
async function expectCaught(keysTouched: Record<string, string>[], tamper: () => Promise<void>, problem: unknown): Promise<void> {
  const originals = await Promise.all(keysTouched.map(item));
  await tamper();
  const verdict = await verifyAudit();
  assert.equal(verdict.ok, false, 'the tampering went unnoticed');
  assert.ok(!verdict.ok);
  assert.deepEqual(verdict.problem, problem);
  assert.match(verdict.message ?? '', /第 \d+ 条/);
  for (const original of originals) await put(original);
  assert.equal((await verifyAudit()).ok, true, 'the chain put back verifies again');
}

describe('audit log', () => {
  test('20 entries appended at once take 1…20, gap-free, and the chain verifies', async () => {
    const entries = await Promise.all(Array.from({ length: 20 }, (_, n) => recordAudit(action(n + 1), NOW)));
    assert.deepEqual(entries.map((e) => e.seq).sort((a, b) => a - b), Array.from({ length: 20 }, (_, n) => n + 1));
    const verdict = await verifyAudit();
    assert.equal(verdict.ok, true, verdict.ok ? '' : verdict.message);
    assert.ok(verdict.ok);
    assert.equal(verdict.entries, 20);
    assert.equal(verdict.last.seq, 20);
    assert.equal(verdict.anchor, undefined);
    assert.deepEqual(await auditStore.readAuditHead(), { seq: 20, macHex: verdict.last.macHex, at: NOW.toISOString() });
  });

  test('the head is anchored write-once: the same head again writes nothing', async () => {
    assert.deepEqual(await anchorAuditHead(NOW), { seq: 20, written: true });
    assert.deepEqual(await anchorAuditHead(new Date(NOW.getTime() + 60_000)), { seq: 20, written: false });
    const files = readdirSync(join(anchorRoot, bank.tableName));
    assert.equal(files.length, 1);
    const anchor = JSON.parse(readFileSync(join(anchorRoot, bank.tableName, files[0]!), 'utf8'));
    assert.equal(anchor.seq, 20);
    assert.equal(anchor.at, NOW.toISOString(), 'the first anchor stands');
    const verdict = await verifyAudit();
    assert.ok(verdict.ok);
    assert.equal(verdict.anchoredSeq, 20);
  });

  test('an edited field is caught at its entry', async () => {
    await expectCaught(
      [entryKey(7)],
      async () => {
        const { doc, tableName } = db();
        await doc.send(new UpdateCommand({ TableName: tableName, Key: entryKey(7), UpdateExpression: 'SET actor.id = :who', ExpressionAttributeValues: { ':who': 'nobody' } }));
      },
      { kind: 'edited', seq: 7 },
    );
    await expectCaught([entryKey(10)], async () => put({ ...(await item(entryKey(10))), afterJson: '{"status":"ACTIVE","amountFen":1000}' }), { kind: 'edited', seq: 10 });
    await expectCaught([entryKey(3)], async () => put({ ...(await item(entryKey(3))), actor: 'not a map' }), { kind: 'edited', seq: 3 });
  });

  test('a removed entry is caught as missing, with its number', async () => {
    await expectCaught([entryKey(12)], () => remove(entryKey(12)), { kind: 'missing', seq: 12 });
  });

  test('a pair swapped in place (contents exchanged, sequence numbers kept) is caught as reordered', async () => {
    await expectCaught(
      [entryKey(4), entryKey(5)],
      async () => {
        const [four, five] = [await item(entryKey(4)), await item(entryKey(5))];
        await put({ ...entryKey(4), ...withoutKey(five) });
        await put({ ...entryKey(5), ...withoutKey(four) });
      },
      { kind: 'reordered', seq: 4, sealedAs: 5 },
    );
  });

  test('the last entry deleted and the head fixed to the one before: what remains verifies, the anchor catches it', async () => {
    await expectCaught(
      [entryKey(20), backOfficeKeys.auditHead()],
      async () => {
        const nineteen = await item(entryKey(19));
        await remove(entryKey(20));
        await put({ ...(await item(backOfficeKeys.auditHead())), seq: 19, macHex: nineteen.macHex, at: nineteen.at });
        const remaining = await exported();
        assert.equal(remaining.length, 19);
        const alone = verifyChain(remaining.map((line) => JSON.parse(line)), KEY(), undefined, { seq: 19, macHex: String(nineteen.macHex) });
        assert.equal(alone.ok, true, 'without the anchor the truncated chain looks whole');
      },
      { kind: 'truncated', seq: 20, lastSeq: 19 },
    );
  });

  test('a head moved back over entries still there is caught', async () => {
    await expectCaught(
      [backOfficeKeys.auditHead()],
      async () => {
        const eighteen = await item(entryKey(18));
        await put({ ...(await item(backOfficeKeys.auditHead())), seq: 18, macHex: eighteen.macHex });
      },
      { kind: 'head-mismatch', seq: 18, lastSeq: 20 },
    );
  });

  test('verification reads page by page: a chain of 230 verifies, a swap across two pages is named', async () => {
    for (let n = 21; n <= 230; n++) await recordAudit(action(n), NOW);
    const verdict = await verifyAudit();
    assert.ok(verdict.ok, verdict.ok ? '' : verdict.message);
    assert.equal(verdict.entries, 230);
    await expectCaught(
      [entryKey(100), entryKey(101)],
      async () => {
        const [a, b] = [await item(entryKey(100)), await item(entryKey(101))];
        await put({ ...entryKey(100), ...withoutKey(b) });
        await put({ ...entryKey(101), ...withoutKey(a) });
      },
      { kind: 'reordered', seq: 100, sealedAs: 101 },
    );
    await expectCaught([entryKey(205)], () => remove(entryKey(205)), { kind: 'missing', seq: 205 });
  });

  test('the export is JSON lines in sequence order that verify under the key', async () => {
    const lines = await exported();
    assert.equal(lines.length, 230);
    const entries = lines.map((line) => JSON.parse(line));
    assert.deepEqual(entries.map((e) => e.seq), Array.from({ length: 230 }, (_, n) => n + 1));
    assert.equal(verifyChain(entries, KEY()).ok, true);
    assert.equal(entries[29].action, 'customer.reveal', 'entry 30 (appended alone) is the 30th action');
    assert.deepEqual(entries[29].after, { status: 'FROZEN', amountFen: 3000 });
  });

  test('the day close records itself and anchors the head, its own entry included', async () => {
    const report = await runDayClose(NOW);
    assert.deepEqual(report.audit, { seq: 231, anchored: true });
    const [entry] = (await auditService.readAuditPage(undefined, 1)).items;
    assert.ok(entry && !('unreadable' in entry));
    assert.equal(entry.action, 'day-close.run');
    assert.deepEqual(entry.actor, { kind: 'system', id: 'day-close' });
    assert.deepEqual(entry.target, { kind: 'business-date', id: report.closedDate });
    assert.equal((entry.after as { businessDate: string }).businessDate, report.businessDate);
    const verdict = await verifyAudit();
    assert.ok(verdict.ok, verdict.ok ? '' : verdict.message);
    assert.equal(verdict.anchoredSeq, 231);
    assert.equal(readdirSync(join(anchorRoot, bank.tableName)).length, 2);
  });

  test('nothing offers to edit the log: the store appends and reads, the service records, reads, verifies, exports, anchors', async () => {
    assert.deepEqual(Object.keys(auditStore).sort(), ['AUDIT_PAGE_SIZE', 'appendAuditEntry', 'readAuditHead', 'readAuditRange']);
    assert.deepEqual(Object.keys(auditService).sort(), ['anchorAuditHead', 'exportAudit', 'readAuditPage', 'recordAudit', 'recordAuditWith', 'verifyAudit']);
    const storeSource = readFileSync(join(repoRoot, 'functions/store/audit.ts'), 'utf8');
    assert.doesNotMatch(storeSource, /UpdateCommand|DeleteCommand|Update:|Delete:|BatchWrite/);
    // Only the store's audit module names the log's keys, and only the audit service reaches it.
    const sources = (readdirSync(join(repoRoot, 'functions'), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
    for (const file of sources) {
      const text = readFileSync(join(repoRoot, 'functions', file), 'utf8');
      if (file !== 'store/audit.ts' && file !== 'store/keys.ts') assert.doesNotMatch(text, /keys\.audit(Entry|Head|Bucket|SeqKey)/, file);
      if (file !== 'services/audit.ts') assert.doesNotMatch(text, /store\/audit\.js/, file);
    }
  });
});
