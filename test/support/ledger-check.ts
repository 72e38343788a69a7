// The ledger's invariants, checked over the whole table exactly as it is stored. Reads every
// item (paginated, strongly consistent Scan) and reports each violation it finds, so a test can
// both assert a sound ledger and prove the checker notices a broken one.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { db } from '../../functions/store/client.js';

export type Item = Record<string, any>;

/** Every item of the test's table. */
export async function scanTable(): Promise<Item[]> {
  const { doc, tableName } = db();
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start, Limit: 500 }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export interface LedgerReport {
  violations: string[];
  journals: Map<string, Item>;
  /** accountId → balanceFen as stored on its balance item. */
  balances: Map<string, number>;
  /** accountId → sum of its POSTING items. */
  postedSums: Map<string, number>;
  /** Journal ids named by completed idempotency records. */
  answeredJournalIds: string[];
  inFlightKeys: number;
}

export interface CheckOptions {
  /** Tests that park a key IN_FLIGHT on purpose say so; otherwise a quiet table has none. */
  allowInFlight?: boolean;
  /** Journals written without an Idempotency-Key on purpose (the demo seed's opening balances,
   *  a request whose client gave up before it learnt the answer). */
  unkeyedJournals?: ReadonlySet<string>;
}

const isSafe = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/** Checks the invariants over a set of items (normally the whole table). Pure. */
export function checkLedger(items: Item[], options: CheckOptions = {}): LedgerReport {
  const violations: string[] = [];
  const journals = new Map<string, Item>();
  const postingsByJournal = new Map<string, Item[]>();
  const postedSums = new Map<string, number>();
  const balances = new Map<string, number>();
  const accountTypes = new Map<string, string>();
  const answeredJournalIds: string[] = [];
  let inFlightKeys = 0;
  let debits = 0;
  let credits = 0;

  for (const item of items) {
    switch (item.type) {
      case 'JOURNAL': {
        if (item.PK !== `JRNL#${item.journalId}`) violations.push(`journal ${item.journalId} stored under ${item.PK}`);
        if (journals.has(item.journalId)) violations.push(`journal ${item.journalId} stored twice`);
        journals.set(item.journalId, item);
        break;
      }
      case 'POSTING': {
        if (!isSafe(item.amountFen) || item.amountFen === 0) violations.push(`posting ${item.PK} ${item.SK} has amount ${item.amountFen}`);
        if (item.PK !== `ACCT#${item.accountId}`) violations.push(`posting for ${item.accountId} stored under ${item.PK}`);
        if (item.SK !== `POST#${item.createdAt}#${item.journalId}`) violations.push(`posting ${item.SK} does not match its journal/time`);
        const list = postingsByJournal.get(item.journalId) ?? [];
        list.push(item);
        postingsByJournal.set(item.journalId, list);
        postedSums.set(item.accountId, (postedSums.get(item.accountId) ?? 0) + item.amountFen);
        if (item.amountFen < 0) debits += -item.amountFen;
        else credits += item.amountFen;
        break;
      }
      case 'ACCOUNT':
      case 'WALLET':
      case 'RESERVE':
      case 'HOUSE': {
        const accountId = String(item.PK).replace(/^ACCT#/, '');
        if (item.SK !== 'BALANCE') violations.push(`${item.type} item ${item.PK} has SK ${item.SK}`);
        if (!isSafe(item.balanceFen)) violations.push(`account ${accountId} balance ${item.balanceFen} is not integer fen`);
        if (item.type === 'ACCOUNT' && item.accountId !== accountId) violations.push(`account ${item.accountId} stored under ${item.PK}`);
        if (item.type === 'HOUSE' && !accountId.startsWith('HOUSE-')) violations.push(`house item ${accountId} lacks the HOUSE- prefix`);
        if (item.type === 'ACCOUNT' && accountId.startsWith('HOUSE-')) violations.push(`customer account ${accountId} has a house id`);
        balances.set(accountId, Number(item.balanceFen));
        accountTypes.set(accountId, item.type);
        break;
      }
      case 'IDEMPOTENCY': {
        if (item.status === 'IN_FLIGHT') inFlightKeys++;
        else if (item.status === 'COMPLETED') {
          let body: Item | undefined;
          try {
            body = JSON.parse(String(item.response?.body));
          } catch {
            violations.push(`idempotency record ${item.PK} holds an unreadable response`);
          }
          // A drawdown answers with the loan, which names the journal that paid it out.
          const answeredWith = String(item.PK).includes('#drawdown#') ? body?.drawdownJournalId : body?.journalId;
          if (answeredWith) answeredJournalIds.push(String(answeredWith));
        } else violations.push(`idempotency record ${item.PK} has status ${item.status}`);
        break;
      }
      default:
        break;
    }
  }

  // Each journal balances and has exactly its postings; each posting belongs to a journal.
  for (const [journalId, journal] of journals) {
    const declared: Item[] = Array.isArray(journal.postings) ? journal.postings : [];
    if (declared.length < 2) violations.push(`journal ${journalId} has ${declared.length} postings`);
    const sum = declared.reduce((s, p) => s + Number(p.amountFen), 0);
    if (sum !== 0) violations.push(`journal ${journalId} postings sum to ${sum}`);
    if (declared.some((p) => !isSafe(p.amountFen) || p.amountFen === 0)) violations.push(`journal ${journalId} has a non-integer or zero posting`);
    if (new Set(declared.map((p) => p.accountId)).size !== declared.length) violations.push(`journal ${journalId} posts twice to one account`);
    const stored = postingsByJournal.get(journalId) ?? [];
    const shape = (ps: Item[]) => ps.map((p) => `${p.accountId}:${p.amountFen}:${p.label}:${p.counterparty}`).sort().join('|');
    if (shape(stored) !== shape(declared)) {
      violations.push(`journal ${journalId} declares [${shape(declared)}] but the table holds [${shape(stored)}]`);
    }
    for (const p of stored) {
      if (p.createdAt !== journal.createdAt || p.kind !== journal.kind) violations.push(`posting ${p.SK} disagrees with journal ${journalId}`);
    }
    if (journal.reverses !== undefined && !journals.has(journal.reverses)) violations.push(`journal ${journalId} reverses missing ${journal.reverses}`);
  }
  for (const [journalId, stored] of postingsByJournal) {
    if (!journals.has(journalId)) violations.push(`${stored.length} posting(s) belong to missing journal ${journalId}`);
  }

  if (debits !== credits) violations.push(`total debits ${debits} ≠ total credits ${credits}`);

  // Each balance is the sum of its postings; nothing posts to an account without a balance.
  for (const [accountId, balance] of balances) {
    const posted = postedSums.get(accountId) ?? 0;
    if (balance !== posted) violations.push(`account ${accountId} balance ${balance} ≠ sum of postings ${posted}`);
    if (accountTypes.get(accountId) === 'ACCOUNT' && balance < 0) violations.push(`customer account ${accountId} is negative: ${balance}`);
    if ((accountTypes.get(accountId) === 'WALLET' || accountTypes.get(accountId) === 'RESERVE') && balance < 0) violations.push(`${accountTypes.get(accountId)?.toLowerCase()} ${accountId} is negative: ${balance}`);
  }
  for (const accountId of postedSums.keys()) {
    if (!balances.has(accountId)) violations.push(`postings to ${accountId}, which has no balance item`);
  }
  const total = [...balances.values()].reduce((s, b) => s + b, 0);
  if (total !== 0) violations.push(`balances sum to ${total}, not 0`);

  // One journal per idempotency key: every answered journal exists, no two keys share one, and
  // every journal was answered to exactly one key (a withdrawal through its reversal).
  const answered = new Set(answeredJournalIds);
  // A partner's refund is named by its refund number (the same number asked again under another
  // key answers the same refund): its record, not a key's answer, stands for its journal.
  const refundJournals = new Set(items.filter((item) => item.type === 'MERCHANT_REFUND').map((item) => String(item.journalId)));
  if (answered.size !== answeredJournalIds.length) violations.push('two idempotency keys were answered with the same journal');
  for (const journalId of answered) if (!journals.has(journalId)) violations.push(`a key was answered with missing journal ${journalId}`);
  const reversedBy = new Map<string, string>();
  for (const [journalId, journal] of journals) if (journal.reverses) reversedBy.set(journal.reverses, journalId);
  // A two-phase payment's hold is completed once: settled or voided, never both (bill payments).
  const completedBy = new Map<string, string>();
  for (const [journalId, journal] of journals) {
    if (journal.completes === undefined) continue;
    if (!journals.has(journal.completes)) violations.push(`journal ${journalId} completes missing ${journal.completes}`);
    const earlier = completedBy.get(journal.completes);
    if (earlier) violations.push(`hold ${journal.completes} completed twice: ${earlier} and ${journalId}`);
    completedBy.set(journal.completes, journalId);
  }
  for (const [journalId, journal] of journals) {
    const reversal = reversedBy.get(journalId);
    const covered =
      answered.has(journalId) ||
      refundJournals.has(journalId) ||
      (reversal !== undefined && answered.has(reversal)) ||
      (journal.completes !== undefined && answered.has(journal.completes));
    const unkeyed = journal.origin === 'DAY_CLOSE' || options.unkeyedJournals?.has(journalId);
    if (!covered && !unkeyed) violations.push(`journal ${journalId} was answered to no idempotency key`);
    if (answered.has(journalId) && reversal !== undefined && answered.has(reversal)) violations.push(`journal ${journalId} and its reversal both answered keys`);
  }
  if (!options.allowInFlight && inFlightKeys > 0) violations.push(`${inFlightKeys} idempotency key(s) left IN_FLIGHT`);

  return { violations, journals, balances, postedSums, answeredJournalIds, inFlightKeys };
}

/** Scans the table and fails with every violation listed. */
export async function assertLedgerSound(options: CheckOptions = {}): Promise<LedgerReport> {
  const report = checkLedger(await scanTable(), options);
  assert.deepEqual(report.violations, [], `ledger invariants broken:\n${report.violations.join('\n')}`);
  return report;
}
