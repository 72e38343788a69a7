// Double-entry journals. A journal is two or more postings whose signed amounts sum to zero:
// a positive amount raises that account's balance, a negative one lowers it. Customer deposit
// accounts must never go below zero; the house's clearing accounts may (they mirror money that
// sits outside Jinlin, e.g. on customers' Class I cards), so the sum over ALL accounts is
// always exactly zero.
import { assertFen, sumFen } from './money.js';

export type JournalKind = 'TOP_UP' | 'WITHDRAW' | 'WITHDRAW_REVERSAL' | 'TRANSFER';

/** The bank's own accounts. Each is split into shards so no single item takes every write. */
export const HOUSE_ACCOUNTS = {
  /** Clearing with the card network for top-ups and withdrawals to Class I cards. */
  CARD_SETTLEMENT: 'HOUSE-CARD-SETTLEMENT',
} as const;
export type HouseAccount = (typeof HOUSE_ACCOUNTS)[keyof typeof HOUSE_ACCOUNTS];

export const MAX_POSTINGS_PER_JOURNAL = 10;

export interface Posting {
  accountId: string;
  amountFen: number;
  /** What the account's owner sees in their history. */
  label: string;
  counterparty: string;
}

export interface Journal {
  journalId: string;
  kind: JournalKind;
  postings: Posting[];
  createdAt: string;
  /** Journal this one reverses, if any. */
  reverses?: string;
}

/** Throws unless the journal balances; called before every write, since breaking it loses money. */
export function assertBalanced(journal: Journal): Journal {
  const { postings } = journal;
  if (postings.length < 2 || postings.length > MAX_POSTINGS_PER_JOURNAL) {
    throw new Error(`journal ${journal.journalId} has ${postings.length} postings`);
  }
  for (const posting of postings) {
    assertFen(posting.amountFen, `posting to ${posting.accountId}`);
    if (posting.amountFen === 0) throw new Error(`journal ${journal.journalId} has a zero posting`);
  }
  const accounts = new Set(postings.map((p) => p.accountId));
  if (accounts.size !== postings.length) {
    throw new Error(`journal ${journal.journalId} posts twice to one account`);
  }
  if (sumFen(postings.map((p) => p.amountFen)) !== 0) {
    throw new Error(`journal ${journal.journalId} does not balance`);
  }
  return journal;
}

export function isHouseAccount(accountId: string): boolean {
  return accountId.startsWith('HOUSE-');
}

interface Party {
  accountId: string;
  /** Shown to the other side, already masked. */
  displayName: string;
}

export function topUpJournal(args: {
  journalId: string;
  customerAccountId: string;
  cardMasked: string;
  houseShardAccountId: string;
  amountFen: number;
  createdAt: string;
}): Journal {
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TOP_UP',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: args.amountFen, label: '银行卡充值', counterparty: args.cardMasked },
      { accountId: args.houseShardAccountId, amountFen: -args.amountFen, label: '充值清算', counterparty: args.customerAccountId },
    ],
  });
}

export function withdrawJournal(args: {
  journalId: string;
  customerAccountId: string;
  cardMasked: string;
  houseShardAccountId: string;
  amountFen: number;
  createdAt: string;
}): Journal {
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WITHDRAW',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: -args.amountFen, label: '提现到银行卡', counterparty: args.cardMasked },
      { accountId: args.houseShardAccountId, amountFen: args.amountFen, label: '提现清算', counterparty: args.customerAccountId },
    ],
  });
}

/** A new journal that undoes `original` posting by posting; journals are never edited. */
export function reversalJournal(original: Journal, journalId: string, createdAt: string): Journal {
  if (original.kind !== 'WITHDRAW') throw new Error(`cannot reverse a ${original.kind} journal`);
  return assertBalanced({
    journalId,
    kind: 'WITHDRAW_REVERSAL',
    createdAt,
    reverses: original.journalId,
    postings: original.postings.map((p) => ({
      ...p,
      amountFen: -p.amountFen,
      label: isHouseAccount(p.accountId) ? '提现冲正' : '提现失败退回',
    })),
  });
}

export function transferJournal(args: {
  journalId: string;
  from: Party;
  to: Party;
  amountFen: number;
  memo: string | undefined;
  createdAt: string;
}): Journal {
  if (args.from.accountId === args.to.accountId) throw new Error('transfer to the same account');
  const memo = args.memo ? ` · ${args.memo}` : '';
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TRANSFER',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.from.accountId, amountFen: -args.amountFen, label: `转账给 ${args.to.displayName}${memo}`, counterparty: args.to.displayName },
      { accountId: args.to.accountId, amountFen: args.amountFen, label: `来自 ${args.from.displayName} 的转账${memo}`, counterparty: args.from.displayName },
    ],
  });
}
