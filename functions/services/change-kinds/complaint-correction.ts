// Maker-checker kind COMPLAINT_CORRECTION (entityId `movement:<journalId>`,差错调整): once a second
// operator approves an agent's correction, one transaction writes the journal (the bank's
// correction account → the customer's e-account), its balances, the ticket's record marked paid,
// the movement's corrected total (only while it stays within the movement's amount) and the audit
// entry. The journal's id comes from the change's, so applying it again posts nothing: the
// transaction is refused at the journal, which is then the answer. A closed account, or a total
// that would pass the movement's amount, refuses it: the change ends FAILED saying why. A frozen
// account takes it (a freeze stops money going out only).
import * as z from 'zod/mini';
import { config } from '../../config.js';
import type { AuditActor } from '../../domain/audit-chain.js';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { correctionJournal } from '../../domain/complaint-corrections.js';
import { refuse } from '../../domain/errors.js';
import { formatYuan } from '../../domain/format.js';
import { HOUSE_ACCOUNTS } from '../../domain/ledger.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { getAccount } from '../../store/accounts.js';
import { correctedTotalItem, correctionPaidItem } from '../../store/complaint-corrections.js';
import { deterministicJournalId, houseShard, journalTransaction } from '../../store/ledger.js';
import { recordAuditWith } from '../audit.js';
import { postMessage } from '../messages.js';
import type { ChangeKindHandler } from './handler.js';

/** What the proposal recorded (services/complaint-corrections.ts writes it). */
const CorrectionAfter = /* @__PURE__ */ lazySchema(() =>
  z.object({
    ticketId: z.string(),
    customerId: z.string(),
    accountId: z.string(),
    movementJournalId: z.string(),
    movementReference: z.string(),
    disputedFen: z.int().check(z.positive()),
    amountFen: z.int().check(z.positive()),
    correctedBeforeFen: z.int(),
    reason: z.string(),
  }),
);

/** The guard's name when the movement's corrected total would pass its amount. */
const ROOM = 'CORRECTION_ROOM';

const applier = (change: ChangeRequest): AuditActor =>
  change.checker ? { kind: 'operator', id: change.checker.operatorId } : { kind: 'system', id: 'change-requests' };

/** The journal a correction's change posts: one id per change, whoever applies it. */
export const correctionJournalId = (changeId: string) => deterministicJournalId('complaint-correction', changeId);

async function apply(change: ChangeRequest, now: Date): Promise<void> {
  const after = CorrectionAfter.parse(change.after);
  const journalId = correctionJournalId(change.changeId);
  const journal = correctionJournal({
    journalId,
    customerAccountId: after.accountId,
    correctionShardAccountId: houseShard(HOUSE_ACCOUNTS.CORRECTION, journalId, config().HOUSE_SHARDS),
    amountFen: after.amountFen,
    ticketId: after.ticketId,
    movementReference: after.movementReference,
    createdAt: now.toISOString(),
  });
  const { items, meaning } = journalTransaction(journal, {
    guards: [
      { name: ROOM, item: correctedTotalItem(after.movementJournalId, after.amountFen, after.disputedFen) },
      { name: 'CORRECTION_RECORD', item: correctionPaidItem(after.ticketId, change.changeId, journalId, journal.createdAt) },
    ],
  });
  const outcome = await recordAuditWith(
    {
      actor: applier(change),
      action: 'complaint.correction.pay',
      target: { kind: 'complaint', id: after.ticketId },
      reason: after.reason,
      before: { correctedFen: after.correctedBeforeFen },
      after: { journalId, amountFen: after.amountFen, accountId: after.accountId, changeId: change.changeId, makerLogin: change.maker.login, checkerLogin: change.checker?.login ?? null },
    },
    now,
    () => items,
  );
  if ('refusedChange' in outcome) {
    const cause = meaning[outcome.refusedChange];
    // Written by an earlier run of this change: nothing more to do, and no second message.
    if (cause === 'JOURNAL') return;
    if (typeof cause === 'object' && 'guard' in cause && cause.guard === ROOM) {
      refuse('unprocessable', 'CORRECTION_EXCEEDS_DISPUTED', '调整金额超过争议交易金额减去已调整金额，未入账');
    }
    if (typeof cause === 'object' && 'creditOf' in cause) {
      const account = await getAccount(after.accountId);
      if (account?.status === 'CLOSED') refuse('conflict', 'ACCOUNT_CLOSED', '该电子账户已销户，差错调整未入账');
    }
    throw new Error(`correction ${change.changeId}: item ${outcome.refusedChange} refused the journal`);
  }
  await postMessage({ customerId: after.customerId, kind: 'CORRECTION_POSTED', ref: change.changeId, at: journal.createdAt, detail: `入账 ¥${formatYuan(after.amountFen)}` });
}

export const complaintCorrectionChange: ChangeKindHandler = { permissionToApprove: 'corrections.approve', apply };
