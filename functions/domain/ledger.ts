// Double-entry journals. A journal is two or more postings whose signed amounts sum to zero:
// a positive amount raises that account's balance, a negative one lowers it. Customer deposit
// accounts must never go below zero; the house's clearing accounts may (they mirror money that
// sits outside Jinlin, e.g. on customers' Class I cards), so the sum over ALL accounts is
// always exactly zero.
import { assertFen, sumFen } from './money.js';

export const JOURNAL_KINDS = [
  'TOP_UP',
  'WITHDRAW',
  'WITHDRAW_REVERSAL',
  'TRANSFER',
  /** Customer → held transfers: a transfer the anti-fraud rules delay (延时到账), not yet the payee's. */
  'TRANSFER_HOLD',
  /** Held transfers → payee: the delay ran out and the money arrives. */
  'TRANSFER_RELEASE',
  /** Held transfers → customer: cancelled by the customer during the delay, or the payee's account
   *  could no longer take it. */
  'TRANSFER_RETURN',
  'LOAN_DRAWDOWN',
  'LOAN_REPAYMENT',
  /** Customer → the product's custody: a wealth order, paid at once, units confirmed later. */
  'WEALTH_PURCHASE',
  /** Custody → customer: a cancelled (cooling-off) or failed order, or a confirmation residual. */
  'WEALTH_REFUND',
  /** Custody → customer: units sold back (fast T+0, normal T+1, or at maturity). */
  'WEALTH_REDEMPTION',
  /** The issuer's return → custody: money-market income paid as new units. */
  'WEALTH_INCOME',
  /** Customer → bill clearing: the amount is held while the biller gateway is asked. */
  'BILL_HOLD',
  /** Bill clearing → the biller's settlement: the gateway confirmed the payment. */
  'BILL_SETTLEMENT',
  /** Bill clearing → customer: the gateway declined or never answered; the hold is released. */
  'BILL_VOID',
  /** The bank's correction account → customer: a correction a dispute called for, approved by a
   *  second operator (差错调整, domain/complaint-corrections.ts). */
  'CORRECTION',
  /** Customer → a merchant's wallet and the fee income: an open-platform order paid
   *  (domain/open/journals.ts). */
  'MERCHANT_PAYMENT',
  /** A merchant's wallet (or its partner's reserve) and the fee income → customer: a refund. */
  'MERCHANT_REFUND',
  /** Settlement clearing → a partner's reserve (保证金): the partner's deposit arrived, as an
   *  approved change records it. */
  'RESERVE_DEPOSIT',
  /** A merchant's wallet → settlement clearing: the day close pays what it holds out to the
   *  merchant's settlement account at another bank. */
  'MERCHANT_SETTLEMENT',
  /** Settlement clearing → the merchant's wallet: the settlement gateway refused the payout, the
   *  money waits in the wallet for the next close. */
  'SETTLEMENT_RETURN',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** The bank's own accounts. Each is split into shards so no single item takes every write. */
export const HOUSE_ACCOUNTS = {
  /** Clearing with the card network for top-ups and withdrawals to Class I cards. */
  CARD_SETTLEMENT: 'HOUSE-CARD-SETTLEMENT',
  /** The bank's money lent out: drawdowns come from it, repaid principal returns to it. */
  LOAN_FUNDING: 'HOUSE-LOAN-FUNDING',
  INTEREST_INCOME: 'HOUSE-INTEREST-INCOME',
  PENALTY_INCOME: 'HOUSE-PENALTY-INCOME',
  /** Money paid for wealth products and not yet redeemed: one account per product (托管),
   *  `HOUSE-WEALTH-CUSTODY-<productId>` (domain/wealth/journals.ts), opened when it is published. */
  WEALTH_CUSTODY: 'HOUSE-WEALTH-CUSTODY',
  /** What issuers pay in as money-market income; mirrors the funds' returns outside Jinlin. */
  WEALTH_YIELD: 'HOUSE-WEALTH-YIELD',
  /** Transfers held by the anti-fraud rules until they are released or returned (延时到账). */
  HELD_TRANSFERS: 'HOUSE-HELD-TRANSFERS',
  /** Bill payments held while the biller gateway answers (two-phase payment). */
  BILL_CLEARING: 'HOUSE-BILL-CLEARING',
  /** Bill payments the gateway confirmed, owed to the billers at settlement. */
  BILLER_SETTLEMENT: 'HOUSE-BILLER-SETTLEMENT',
  /** 差错调整: what the bank pays customers to correct its errors (an approved dispute). Its
   *  balance goes negative by what was paid: the bank's cost, booked against its own funds. */
  CORRECTION: 'HOUSE-CORRECTION',
  /** What the open platform's merchants pay the bank: each payment's fee, booked when it is paid
   *  (a refund gives its share back). */
  MERCHANT_FEE_INCOME: 'HOUSE-MERCHANT-FEE-INCOME',
  /** Clearing with other banks through the settlement gateway: partners' reserve deposits come in
   *  through it, merchants' settlements go out. Mirrors money outside Jinlin. */
  SETTLEMENT_CLEARING: 'HOUSE-SETTLEMENT-CLEARING',
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
  /** The hold a two-phase payment's settlement or void completes (bill payments, held transfers). */
  completes?: string;
  /** The purchase a later request gives back in full (a cancelled or failed wealth order); unlike
   *  `reverses`, it answers a request of its own. */
  refunds?: string;
  /** Set when no customer request asked for it (the day close's auto-debits). */
  origin?: 'DAY_CLOSE';
  /** A transfer's anti-fraud decision (domain/risk-rules.ts), as made before it was written. */
  risk?: JournalRisk;
}

export interface JournalRisk {
  ruleSetVersion: number;
  outcome: 'ALLOW' | 'WARN' | 'STEP_UP' | 'DELAY';
  /** A DELAY's hold, in hours (the money is released this long after the journal). */
  delayHours?: number;
  matched: { ruleId: string; version: number }[];
  /** The customer confirmed the warning (riskAcknowledged on the request). */
  acknowledged: boolean;
  /** The numbers the rules judged (domain/risk-rules.ts RiskFields); absent on journals written
   *  before they were recorded. */
  fields?: Record<string, number>;
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
  /** 销户's sweep of the whole balance is a withdrawal that says so. */
  closing?: boolean;
}): Journal {
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WITHDRAW',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: -args.amountFen, label: args.closing ? '销户余额转出' : '提现到银行卡', counterparty: args.cardMasked },
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

export interface TransferArgs {
  journalId: string;
  from: Party;
  to: Party;
  amountFen: number;
  memo: string | undefined;
  createdAt: string;
}

/** What each side of a transfer reads in its history; a held one says so on the payer's side. */
export function transferLabels({ from, to, memo }: Pick<TransferArgs, 'from' | 'to' | 'memo'>, held = false): { payer: string; payee: string } {
  if (from.accountId === to.accountId) throw new Error('transfer to the same account');
  const suffix = memo ? ` · ${memo}` : '';
  return { payer: `转账给 ${to.displayName}${held ? '（延时到账）' : ''}${suffix}`, payee: `来自 ${from.displayName} 的转账${suffix}` };
}

export function transferJournal(args: TransferArgs): Journal {
  const labels = transferLabels(args);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TRANSFER',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.from.accountId, amountFen: -args.amountFen, label: labels.payer, counterparty: args.to.displayName },
      { accountId: args.to.accountId, amountFen: args.amountFen, label: labels.payee, counterparty: args.from.displayName },
    ],
  });
}

/** A delayed transfer's hold: the money leaves the customer's account for the held-transfers
 *  account; the payee sees nothing until it is released. */
export function transferHoldJournal(args: TransferArgs & { heldShardAccountId: string }): Journal {
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TRANSFER_HOLD',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.from.accountId, amountFen: -args.amountFen, label: transferLabels(args, true).payer, counterparty: args.to.displayName },
      { accountId: args.heldShardAccountId, amountFen: args.amountFen, label: '延时到账暂存', counterparty: args.from.accountId },
    ],
  });
}

const HOUR_MS = 60 * 60 * 1000;

/** When a delayed transfer's hold is released: its time plus the delay its decision asked for;
 *  null for every other journal. */
export function releaseAtOf(journal: Journal): string | null {
  if (journal.kind !== 'TRANSFER_HOLD' || journal.risk?.delayHours === undefined) return null;
  return new Date(Date.parse(journal.createdAt) + journal.risk.delayHours * HOUR_MS).toISOString();
}

/** What a hold holds: its customer posting and its house posting. */
function heldPostings(hold: Journal): { customer: Posting; house: Posting } {
  const customer = hold.postings.find((posting) => !isHouseAccount(posting.accountId));
  const house = hold.postings.find((posting) => isHouseAccount(posting.accountId));
  if (hold.kind !== 'TRANSFER_HOLD' || !customer || !house || customer.amountFen >= 0) throw new Error(`journal ${hold.journalId} is not a transfer hold`);
  return { customer, house };
}

/** The held money to the payee, from the house shard that holds it, read as the transfer would
 *  have been (`payeeLabel`, kept with the hold). */
export function transferReleaseJournal(args: { journalId: string; hold: Journal; payeeAccountId: string; payeeLabel: string; senderName: string; createdAt: string }): Journal {
  const { house } = heldPostings(args.hold);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TRANSFER_RELEASE',
    createdAt: args.createdAt,
    completes: args.hold.journalId,
    postings: [
      { accountId: house.accountId, amountFen: -house.amountFen, label: '延时到账放行', counterparty: args.payeeAccountId },
      { accountId: args.payeeAccountId, amountFen: house.amountFen, label: args.payeeLabel, counterparty: args.senderName },
    ],
  });
}

/** The held money back to the customer who sent it. */
export function transferReturnJournal(args: { journalId: string; hold: Journal; cancelled: boolean; createdAt: string }): Journal {
  const { customer, house } = heldPostings(args.hold);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'TRANSFER_RETURN',
    createdAt: args.createdAt,
    completes: args.hold.journalId,
    postings: [
      { accountId: house.accountId, amountFen: -house.amountFen, label: '延时到账退回', counterparty: customer.accountId },
      { accountId: customer.accountId, amountFen: house.amountFen, label: args.cancelled ? '转账已撤销，资金退回' : '收款账户无法入账，资金退回', counterparty: customer.counterparty },
    ],
  });
}

export function loanDrawdownJournal(args: {
  journalId: string;
  customerAccountId: string;
  fundingShardAccountId: string;
  amountFen: number;
  contractNo: string;
  productName: string;
  createdAt: string;
}): Journal {
  return assertBalanced({
    journalId: args.journalId,
    kind: 'LOAN_DRAWDOWN',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: args.amountFen, label: `${args.productName}放款`, counterparty: `合同 ${args.contractNo}` },
      { accountId: args.fundingShardAccountId, amountFen: -args.amountFen, label: '贷款发放', counterparty: args.contractNo },
    ],
  });
}

/** One repayment: principal back to loan funding, interest and penalty to income. Parts that
 *  are zero get no posting. */
export function loanRepaymentJournal(args: {
  journalId: string;
  customerAccountId: string;
  houseShard: (houseAccount: HouseAccount) => string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  contractNo: string;
  label: string;
  createdAt: string;
  origin?: 'DAY_CLOSE';
}): Journal {
  const parts: [HouseAccount, number, string][] = [
    [HOUSE_ACCOUNTS.LOAN_FUNDING, args.principalFen, '贷款本金收回'],
    [HOUSE_ACCOUNTS.INTEREST_INCOME, args.interestFen, '贷款利息收入'],
    [HOUSE_ACCOUNTS.PENALTY_INCOME, args.penaltyFen, '贷款罚息收入'],
  ];
  const houseSide = parts
    .filter(([, amountFen]) => amountFen > 0)
    .map(([house, amountFen, label]) => ({ accountId: args.houseShard(house), amountFen, label, counterparty: args.contractNo }));
  const totalFen = sumFen(houseSide.map((posting) => posting.amountFen));
  return assertBalanced({
    journalId: args.journalId,
    kind: 'LOAN_REPAYMENT',
    createdAt: args.createdAt,
    ...(args.origin ? { origin: args.origin } : {}),
    postings: [
      { accountId: args.customerAccountId, amountFen: -totalFen, label: args.label, counterparty: `合同 ${args.contractNo}` },
      ...houseSide,
    ],
  });
}
