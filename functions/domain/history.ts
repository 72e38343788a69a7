// The customer's view of their ledger (交易明细): the reference a person reads out for a movement,
// what each kind is called and grouped under, and what a later journal (a reversal, a refund, a
// bill's settlement) makes of an earlier one's status.
import { createHash } from 'node:crypto';
import type { JournalKind } from './ledger.js';

/** Digits and capitals a person can read out and type back without a doubt: no 0/O, 1/I/L, and
 *  no U (read as V). */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a reference (without separators): 30^12 ≈ 5·10^17 values. */
export const REFERENCE_LENGTH = 12;
const REFERENCE_GROUP = 4;
export const REFERENCE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;

/**
 * A journal's short reference (参考号), e.g. `K7QM-4PX9-2HTR`: derived from the journal id alone,
 * so every screen and every repeat of a request shows the same one, and nothing is stored. It
 * names the movement to a person (customer service finds the journal by time and amount); the
 * journal id stays the key.
 */
export function journalReference(journalId: string): string {
  let value = BigInt(`0x${createHash('sha256').update(`jinlin-reference-v1\u0000${journalId}`).digest('hex')}`);
  const base = BigInt(REFERENCE_ALPHABET.length);
  let characters = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    characters += REFERENCE_ALPHABET[Number(value % base)];
    value /= base;
  }
  const groups: string[] = [];
  for (let start = 0; start < REFERENCE_LENGTH; start += REFERENCE_GROUP) groups.push(characters.slice(start, start + REFERENCE_GROUP));
  return groups.join('-');
}

/** The history's kind filter: each group and the kinds it lists. */
export const HISTORY_GROUPS = {
  TRANSFER: ['TRANSFER', 'TRANSFER_HOLD', 'TRANSFER_RELEASE', 'TRANSFER_RETURN'],
  CARD: ['TOP_UP', 'WITHDRAW', 'WITHDRAW_REVERSAL'],
  LOAN: ['LOAN_DRAWDOWN', 'LOAN_REPAYMENT'],
  WEALTH: ['WEALTH_PURCHASE', 'WEALTH_REFUND', 'WEALTH_REDEMPTION', 'WEALTH_INCOME'],
  BILL: ['BILL_HOLD', 'BILL_SETTLEMENT', 'BILL_VOID'],
  CORRECTION: ['CORRECTION'],
  // Reserve deposits and settlements post to no customer's account; they are filed with the
  // partners' movements.
  MERCHANT: ['MERCHANT_PAYMENT', 'MERCHANT_REFUND', 'RESERVE_DEPOSIT', 'MERCHANT_SETTLEMENT', 'SETTLEMENT_RETURN'],
} as const satisfies Record<string, readonly JournalKind[]>;
export type HistoryGroup = keyof typeof HISTORY_GROUPS;
export const HISTORY_GROUP_NAMES = Object.keys(HISTORY_GROUPS) as [HistoryGroup, ...HistoryGroup[]];

/** Money in (credits to the account) or out (debits). */
export const HISTORY_DIRECTIONS = ['IN', 'OUT'] as const;
export type HistoryDirection = (typeof HISTORY_DIRECTIONS)[number];

export const ENTRY_STATUSES = ['SUCCEEDED', 'PENDING', 'FAILED', 'REFUNDED', 'HELD', 'CANCELLED'] as const;
/** 成功 / 处理中 / 失败 (the money came back) / 已退款 / 延时到账中 / 已撤销 (the customer took it back). */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * Kinds whose outcome a later journal decides, and what each later kind makes of them. A journal
 * that reverses, completes or refunds another names it (`Journal.reverses`, `.completes`,
 * `.refunds`); the ledger
 * keeps that later journal's kind beside the earlier one (its follow-up).
 */
const OUTCOMES: Partial<Record<JournalKind, { pending?: EntryStatus; after: Partial<Record<JournalKind, EntryStatus>> }>> = {
  WITHDRAW: { after: { WITHDRAW_REVERSAL: 'FAILED' } },
  BILL_HOLD: { pending: 'PENDING', after: { BILL_SETTLEMENT: 'SUCCEEDED', BILL_VOID: 'FAILED' } },
  WEALTH_PURCHASE: { after: { WEALTH_REFUND: 'REFUNDED' } },
  // A return not asked by the customer (the payee's account closed meanwhile) reads as cancelled
  // too: either way the transfer did not happen and the money is back.
  TRANSFER_HOLD: { pending: 'HELD', after: { TRANSFER_RELEASE: 'SUCCEEDED', TRANSFER_RETURN: 'CANCELLED' } },
};

/** Whether an entry's status depends on a follow-up journal (worth reading one for). */
export const awaitsFollowUp = (kind: JournalKind): boolean => OUTCOMES[kind] !== undefined;

/** An entry's status, from its kind and its follow-up's kind (none yet: undefined). */
export function entryStatus(kind: JournalKind, followUp: JournalKind | undefined): EntryStatus {
  const outcome = OUTCOMES[kind];
  if (!outcome) return 'SUCCEEDED';
  if (followUp === undefined) return outcome.pending ?? 'SUCCEEDED';
  return outcome.after[followUp] ?? 'SUCCEEDED';
}

/** A follow-up that gives the customer's money back: shown on both receipts as the other's. */
export const returnsMoney = (kind: JournalKind): boolean => kind === 'WITHDRAW_REVERSAL' || kind === 'BILL_VOID' || kind === 'WEALTH_REFUND' || kind === 'TRANSFER_RETURN';
