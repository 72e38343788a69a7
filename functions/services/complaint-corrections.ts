// 差错调整 from the service desk: an agent proposes a correction of a disputed movement — a credit
// to the customer's e-account, bounded by what of the movement is not corrected yet — as a
// maker-checker change (COMPLAINT_CORRECTION) that another operator approves; its handler
// (services/change-kinds/complaint-correction.ts) posts the journal. Also what a ticket shows of
// its corrections to the desk, each with its change's status (the customer's side, those paid, is
// services/complaints.ts's).
import { type ChangeRequest, type ChangeStatus } from '../domain/change-requests.js';
import { checkCorrectionAmount, correctionEntityId, correctionRoomFen } from '../domain/complaint-corrections.js';
import type { ComplaintTicket } from '../domain/complaints.js';
import { refuse } from '../domain/errors.js';
import { journalReference } from '../domain/history.js';
import { getAccount } from '../store/accounts.js';
import { changesById } from '../store/change-requests.js';
import { type CorrectionRecord, correctedFen, correctionRecordItem, ticketCorrections } from '../store/complaint-corrections.js';
import { getComplaint } from '../store/complaints.js';
import { getCustomer } from '../store/customers.js';
import { submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

/** A correction as the service desk reads it on the ticket. */
export interface DeskCorrection {
  changeId: string;
  amountFen: number;
  reason: string;
  status: ChangeStatus;
  proposedBy: string;
  approvedBy: string | undefined;
  proposedAt: string;
  paidAt: string | undefined;
  /** The credit's reference (参考号), once paid. */
  reference: string | undefined;
  failure: string | undefined;
}

export interface TicketCorrections {
  corrections: DeskCorrection[];
  /** What may still be corrected of the disputed movement; undefined for a complaint. */
  roomFen: number | undefined;
}

/** Proposes a credit of `amountFen` for the ticket's disputed movement: a PENDING change, with the
 *  ticket's record of it, written together. */
export async function proposeCorrection(ticketId: string, amountFen: number, reason: string, operator: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const ticket = (await getComplaint(ticketId)) ?? refuse('not_found', 'COMPLAINT_NOT_FOUND', '未找到该投诉工单');
  const movement = ticket.movement ?? refuse('conflict', 'COMPLAINT_NOT_DISPUTE', '只有交易争议工单可以发起差错调整');
  if (ticket.status === 'CLOSED') refuse('conflict', 'COMPLAINT_CLOSED', '该工单已关闭，不能再发起差错调整');
  const [customer, corrected] = await Promise.all([getCustomer(ticket.customerId), correctedFen(movement.journalId)]);
  const account = customer?.accountId ? await getAccount(customer.accountId) : undefined;
  if (!account) throw new Error(`ticket ${ticketId}: the customer's e-account is missing`);
  if (account.status === 'CLOSED') refuse('conflict', 'ACCOUNT_CLOSED', '该电子账户已销户，不能入账');
  checkCorrectionAmount(amountFen, correctionRoomFen(movement.amountFen, corrected));
  return submitChange({
    kind: 'COMPLAINT_CORRECTION',
    entityId: correctionEntityId(movement.journalId),
    entityLabel: `差错调整 · 交易 ${movement.reference}`,
    // A new correction (the checker reads every field as new), what was corrected before included.
    before: null,
    after: {
      ticketId,
      customerId: ticket.customerId,
      accountId: account.accountId,
      accountNumberMasked: account.accountNumberMasked,
      movementJournalId: movement.journalId,
      movementReference: movement.reference,
      movementLabel: movement.label,
      disputedFen: Math.abs(movement.amountFen),
      correctedBeforeFen: corrected,
      amountFen,
      reason,
    },
    maker: operator,
    now,
    alongside: (change) => [correctionRecordItem({ ticketId, changeId: change.changeId, amountFen, proposedAt: change.submittedAt })],
  });
}

function deskCorrection(record: CorrectionRecord, change: ChangeRequest | undefined): DeskCorrection {
  // A record is written in its change's transaction: without it the table is out of order.
  if (!change) throw new Error(`correction record ${record.changeId} of ticket ${record.ticketId} has no change`);
  return {
    changeId: record.changeId,
    amountFen: record.amountFen,
    reason: typeof change.after.reason === 'string' ? change.after.reason : '',
    status: change.status,
    proposedBy: change.maker.login,
    approvedBy: change.status === 'REJECTED' ? undefined : change.checker?.login,
    proposedAt: record.proposedAt,
    paidAt: record.paidAt,
    reference: record.journalId === undefined ? undefined : journalReference(record.journalId),
    failure: change.failure ?? (change.status === 'REJECTED' ? change.decisionNote : undefined),
  };
}

/** The ticket's corrections with their changes' statuses, and the room left on its movement. */
export async function deskCorrections(ticket: ComplaintTicket): Promise<TicketCorrections> {
  const [records, corrected] = await Promise.all([ticketCorrections(ticket.ticketId), ticket.movement ? correctedFen(ticket.movement.journalId) : Promise.resolve(undefined)]);
  const changes = records.length === 0 ? [] : await changesById(records.map((record) => record.changeId));
  const byId = new Map(changes.map((change) => [change.changeId, change]));
  return {
    corrections: records.map((record) => deskCorrection(record, byId.get(record.changeId))),
    roomFen: ticket.movement && corrected !== undefined ? correctionRoomFen(ticket.movement.amountFen, corrected) : undefined,
  };
}
