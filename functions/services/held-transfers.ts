// Delayed arrival (延时到账): a transfer the anti-fraud rules hold (services/accounts.ts transfer)
// reaches the payee when its delay runs out — the release job, and the day close — unless the
// customer cancels it first and has the money back. A release and a cancel racing for one hold
// are decided by the hold record's state, changed in the transaction that moves the money: exactly
// one is written.
import { refuse } from '../domain/errors.js';
import { type Journal, releaseAtOf, transferReleaseJournal, transferReturnJournal } from '../domain/ledger.js';
import { dueHeldTransfers, completionGuards, getHeldTransfer, type HeldTransferRecord, NOT_HELD } from '../store/held-transfers.js';
import { deterministicJournalId, getJournal, limitRelease, type PostOutcome, postJournal } from '../store/ledger.js';
import { releasedTransferRecords } from './movement-risk.js';

const NOT_FOUND = ['HELD_TRANSFER_NOT_FOUND', '未找到这笔延时到账的转账'] as const;

/** A release job run's work is bounded: what is left waits for the next run (every 15 minutes). */
export const MAX_RELEASES_PER_RUN = 500;

type NewHold = Pick<HeldTransferRecord, 'customerId' | 'accountId' | 'payeeAccountId' | 'senderName' | 'payeeLabel' | 'amountFen'>;

/** The record a delayed transfer's hold is written with (services/accounts.ts transfer): HELD
 *  until the hold's release time, with the limit counters it charged. */
export function heldTransferOf(hold: Journal, parties: NewHold, limitCharges: readonly { accountId: string; bucket: string }[]): HeldTransferRecord {
  const releaseAt = releaseAtOf(hold);
  if (!releaseAt) throw new Error(`hold ${hold.journalId} has no release time`);
  return {
    holdJournalId: hold.journalId,
    ...parties,
    heldAt: hold.createdAt,
    releaseAt,
    limitBuckets: limitCharges.map(({ accountId, bucket }) => ({ accountId, bucket })),
    status: 'HELD',
    completedBy: null,
    completedAt: null,
    returnReason: null,
  };
}

async function holdOf(record: HeldTransferRecord): Promise<Journal> {
  const hold = await getJournal(record.holdJournalId);
  if (!hold) throw new Error(`held transfer ${record.holdJournalId} has no hold journal`);
  return hold;
}

async function reread(holdJournalId: string): Promise<HeldTransferRecord> {
  const record = await getHeldTransfer(holdJournalId);
  if (!record) throw new Error(`held transfer ${holdJournalId} vanished`);
  return record;
}

/** The record as it stands after a hold's completion and whether this run wrote it. Lost the race
 *  (another run released or returned the hold first): that one stands, read back. */
interface Completion {
  record: HeldTransferRecord;
  written: boolean;
}

async function completed(record: HeldTransferRecord, outcome: PostOutcome, next: HeldTransferRecord): Promise<Completion> {
  if (outcome.ok && !outcome.replayed) return { record: next, written: true };
  if (outcome.ok || (outcome.reason === 'GUARD_FAILED' && outcome.guard === NOT_HELD)) return { record: await reread(record.holdJournalId), written: false };
  throw new Error(`held transfer ${record.holdJournalId}: completion refused unexpectedly: ${JSON.stringify(outcome)}`);
}

/** The money back to the sender, the Class II counters the hold charged given back. */
async function returnHold(record: HeldTransferRecord, reason: 'CANCELLED' | 'PAYEE_UNAVAILABLE'): Promise<Completion> {
  const journalId = deterministicJournalId('transfer-return', record.holdJournalId);
  const journal = transferReturnJournal({ journalId, hold: await holdOf(record), cancelled: reason === 'CANCELLED', createdAt: new Date().toISOString() });
  const changes = { status: 'RETURNED' as const, completedBy: journalId, completedAt: journal.createdAt, returnReason: reason };
  const outcome = await postJournal(journal, {
    guards: [...completionGuards(record, changes), ...record.limitBuckets.map(({ accountId, bucket }) => limitRelease(accountId, bucket, record.amountFen))],
  });
  // The sender's account closed since the hold (销户 waits for open holds, but one may have come
  // in between its check and its sweep): the money cannot go back there; the hold stays to be
  // released to the payee.
  if (!outcome.ok && outcome.reason === 'ACCOUNT_CLOSED' && outcome.accountId === record.accountId) {
    return refuse('conflict', 'HELD_TRANSFER_SENDER_CLOSED', '电子账户已注销，这笔转账无法撤销，将按时到账');
  }
  return completed(record, outcome, { ...record, ...changes });
}

/** Releases a hold due by `now` to the payee, with the memory a transfer keeps for the anti-fraud
 *  rules; returns it to the sender if the payee's account can no longer take money (closed).
 *  A hold not due, or completed already, is left as it is. `now` decides what is due; the
 *  journals are stamped when they are written (the two differ only in tests that run ahead). */
export async function releaseHeldTransfer(holdJournalId: string, now: Date): Promise<Completion> {
  const record = await reread(holdJournalId);
  if (record.status !== 'HELD' || Date.parse(record.releaseAt) > now.getTime()) return { record, written: false };
  const journalId = deterministicJournalId('transfer-release', holdJournalId);
  const releasedAt = new Date();
  const journal = transferReleaseJournal({
    journalId,
    hold: await holdOf(record),
    payeeAccountId: record.payeeAccountId,
    payeeLabel: record.payeeLabel,
    senderName: record.senderName,
    createdAt: releasedAt.toISOString(),
  });
  const changes = { status: 'RELEASED' as const, completedBy: journalId, completedAt: journal.createdAt, returnReason: null };
  const records = await releasedTransferRecords({ customerId: record.customerId, accountId: record.accountId, payeeAccountId: record.payeeAccountId, at: releasedAt }, record.amountFen);
  const outcome = await postJournal(journal, { guards: completionGuards(record, changes), records });
  if (!outcome.ok && (outcome.reason === 'ACCOUNT_CLOSED' || outcome.reason === 'ACCOUNT_INACTIVE') && outcome.accountId === record.payeeAccountId) {
    return returnHold(record, 'PAYEE_UNAVAILABLE');
  }
  return completed(record, outcome, { ...record, ...changes });
}

/** 撤销: the customer takes a held transfer back before it is released. Cancelling one already
 *  cancelled answers as it did; one released is refused (409), the money is the payee's. */
export async function cancelHeldTransfer(customerId: string, holdJournalId: string): Promise<HeldTransferRecord> {
  const record = await getHeldTransfer(holdJournalId);
  if (!record || record.customerId !== customerId) return refuse('not_found', ...NOT_FOUND);
  const after = record.status === 'HELD' ? (await returnHold(record, 'CANCELLED')).record : record;
  if (after.status === 'RELEASED') return refuse('conflict', 'HELD_TRANSFER_RELEASED', '这笔转账已到账，无法撤销');
  if (after.returnReason === 'PAYEE_UNAVAILABLE') return refuse('conflict', 'HELD_TRANSFER_RETURNED', '收款账户无法入账，这笔转账已退回您的账户');
  return after;
}

export interface ReleaseReport {
  released: number;
  returned: number;
  /** Due holds this run found completed already (a cancel or another run came first). */
  alreadyDone: number;
  /** Due holds this run could not complete (reported, left due for the next run). */
  failed: number;
}

/** The release job: every hold due by `now`, at most MAX_RELEASES_PER_RUN, one at a time (each is
 *  one transaction). A hold that cannot be completed — say its payee's and its sender's accounts
 *  both closed meanwhile — is reported and stays due; the others are not held up by it. */
export async function releaseDueTransfers(now: Date, reportFailure: (ref: string, error: unknown) => void): Promise<ReleaseReport> {
  const report: ReleaseReport = { released: 0, returned: 0, alreadyDone: 0, failed: 0 };
  for (const holdJournalId of await dueHeldTransfers(now, MAX_RELEASES_PER_RUN)) {
    try {
      const { record, written } = await releaseHeldTransfer(holdJournalId, now);
      if (!written) report.alreadyDone++;
      else if (record.status === 'RELEASED') report.released++;
      else report.returned++;
    } catch (error) {
      report.failed++;
      reportFailure(holdJournalId, error);
    }
  }
  return report;
}
