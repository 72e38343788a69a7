// 差错调整: the correction a dispute may call for. An agent proposes a credit to the customer's
// e-account from the ticket of a disputed movement; it is a maker-checker change
// (COMPLAINT_CORRECTION) that a second operator approves, and once applied a journal moves the
// amount from the bank's correction account (HOUSE-CORRECTION) to the customer. What may be
// corrected is bounded by the movement: all corrections of one movement together never exceed
// its amount.
import { refuse } from './errors.js';
import { assertBalanced, type Journal } from './ledger.js';
import { assertPositiveFen } from './money.js';

/** Why, in the agent's words: kept with the change, read by the checker. */
export const CORRECTION_REASON_MIN_CHARS = 5;
export const CORRECTION_REASON_MAX_CHARS = 200;
/** The API's ceiling on a typed amount, as for every amount a customer sends (¥1,000,000); the
 *  disputed movement's own amount is the real bound. */
export const MAX_CORRECTION_FEN = 100_000_000;
/** What the customer reads beside the credit in their history. */
export const CORRECTION_LABEL = '差错调整';
export const CORRECTION_COUNTERPARTY = '近邻银行';

/** The maker-checker entity of a movement's corrections: one waiting correction per movement. */
export const correctionEntityId = (journalId: string) => `movement:${journalId}`;

/** What may still be corrected of a disputed movement: its amount (either direction) less the
 *  corrections already paid for it. */
export function correctionRoomFen(movementAmountFen: number, correctedFen: number): number {
  return Math.max(0, Math.abs(movementAmountFen) - correctedFen);
}

/** Refuses an amount that is not a positive whole number of fen or exceeds the room left. */
export function checkCorrectionAmount(amountFen: number, roomFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) refuse('invalid', 'CORRECTION_AMOUNT_INVALID', '调整金额须大于 0');
  if (amountFen > roomFen) refuse('unprocessable', 'CORRECTION_EXCEEDS_DISPUTED', roomFen === 0 ? '该笔交易已全额调整，不能再调整' : '调整金额不能超过争议交易金额减去已调整金额');
}

/** The credit: the bank's correction account shard → the customer's e-account. */
export function correctionJournal(args: { journalId: string; customerAccountId: string; correctionShardAccountId: string; amountFen: number; ticketId: string; movementReference: string; createdAt: string }): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'CORRECTION',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: args.amountFen, label: `${CORRECTION_LABEL}（交易 ${args.movementReference}）`, counterparty: CORRECTION_COUNTERPARTY },
      { accountId: args.correctionShardAccountId, amountFen: -args.amountFen, label: CORRECTION_LABEL, counterparty: args.ticketId },
    ],
  });
}
