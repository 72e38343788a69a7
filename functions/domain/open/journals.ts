// The ledger side of the open platform. Each merchant has a wallet account (商户待结算账户): a
// payment moves the customer's money into it at once, less the bank's fee (booked to the bank's fee
// income in the same journal), so the wallet always holds exactly what the merchant is owed, and
// the day close pays it out to the merchant's settlement account. A refund gives the customer the
// amount back: the merchant's part from its wallet — or, when the wallet holds too little (its money
// was paid out already), from its partner's reserve (保证金) — and the fee's share from the fee
// income. A wallet and a reserve are deposit-like accounts: like a customer's, they can never go
// below zero (their debits carry the balance condition).
import { assertBalanced, type Journal, type Posting } from '../ledger.js';
import { assertPositiveFen } from '../money.js';

export const WALLET_PREFIX = 'WALLET-';
export const walletAccountId = (merchantId: string): string => `${WALLET_PREFIX}${merchantId}`;
export const RESERVE_PREFIX = 'RESERVE-';
export const reserveAccountId = (partnerId: string): string => `${RESERVE_PREFIX}${partnerId}`;

export function merchantPaymentJournal(args: {
  journalId: string;
  customerAccountId: string;
  merchantId: string;
  merchantShortName: string;
  orderId: string;
  amountFen: number;
  feeFen: number;
  feeShardAccountId: string;
  createdAt: string;
}): Journal {
  assertPositiveFen(args.amountFen);
  if (!Number.isSafeInteger(args.feeFen) || args.feeFen < 0 || args.feeFen >= args.amountFen) throw new Error(`fee ${args.feeFen} on ${args.amountFen}`);
  const postings: Posting[] = [
    { accountId: args.customerAccountId, amountFen: -args.amountFen, label: `付款给 ${args.merchantShortName}`, counterparty: args.merchantShortName },
    { accountId: walletAccountId(args.merchantId), amountFen: args.amountFen - args.feeFen, label: '订单收款（已扣手续费）', counterparty: args.orderId },
  ];
  if (args.feeFen > 0) postings.push({ accountId: args.feeShardAccountId, amountFen: args.feeFen, label: '商户手续费', counterparty: args.orderId });
  return assertBalanced({ journalId: args.journalId, kind: 'MERCHANT_PAYMENT', createdAt: args.createdAt, postings });
}

/** Where a refund's merchant part comes from. */
export type RefundSource = 'WALLET' | 'RESERVE';

export function merchantRefundJournal(args: {
  journalId: string;
  customerAccountId: string;
  merchantId: string;
  partnerId: string;
  merchantShortName: string;
  orderId: string;
  refundId: string;
  amountFen: number;
  /** The fee's share of this refund, given back from the fee income. */
  feeRefundFen: number;
  feeShardAccountId: string;
  source: RefundSource;
  createdAt: string;
}): Journal {
  assertPositiveFen(args.amountFen);
  if (!Number.isSafeInteger(args.feeRefundFen) || args.feeRefundFen < 0 || args.feeRefundFen > args.amountFen) throw new Error(`fee refund ${args.feeRefundFen} on ${args.amountFen}`);
  const from = args.source === 'WALLET' ? walletAccountId(args.merchantId) : reserveAccountId(args.partnerId);
  const merchantPartFen = args.amountFen - args.feeRefundFen;
  const postings: Posting[] = [{ accountId: args.customerAccountId, amountFen: args.amountFen, label: `${args.merchantShortName} 退款`, counterparty: args.merchantShortName }];
  // A refund of a fen or two can be all fee (the fee's shares are rounded over the whole order).
  if (merchantPartFen > 0) postings.push({ accountId: from, amountFen: -merchantPartFen, label: args.source === 'WALLET' ? '订单退款' : '订单退款（保证金垫付）', counterparty: args.refundId });
  if (args.feeRefundFen > 0) postings.push({ accountId: args.feeShardAccountId, amountFen: -args.feeRefundFen, label: '退还商户手续费', counterparty: args.orderId });
  return assertBalanced({ journalId: args.journalId, kind: 'MERCHANT_REFUND', createdAt: args.createdAt, postings });
}

/** A partner's deposit to its reserve, arrived through the settlement gateway. */
export function reserveDepositJournal(args: { journalId: string; partnerId: string; amountFen: number; bankReference: string; clearingShardAccountId: string; createdAt: string }): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'RESERVE_DEPOSIT',
    createdAt: args.createdAt,
    postings: [
      { accountId: reserveAccountId(args.partnerId), amountFen: args.amountFen, label: '保证金入账', counterparty: args.bankReference },
      { accountId: args.clearingShardAccountId, amountFen: -args.amountFen, label: '保证金来账', counterparty: args.partnerId },
    ],
  });
}

/** What a merchant's wallet holds, paid out by the day close through the settlement gateway. */
export function merchantSettlementJournal(args: { journalId: string; merchantId: string; settlementId: string; amountFen: number; clearingShardAccountId: string; createdAt: string }): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'MERCHANT_SETTLEMENT',
    createdAt: args.createdAt,
    origin: 'DAY_CLOSE',
    postings: [
      { accountId: walletAccountId(args.merchantId), amountFen: -args.amountFen, label: '结算至商户结算账户', counterparty: args.settlementId },
      { accountId: args.clearingShardAccountId, amountFen: args.amountFen, label: '商户结算待清算', counterparty: args.merchantId },
    ],
  });
}

/** A payout the settlement gateway refused: the money back to the wallet, from the shard it went to. */
export function settlementReturnJournal(args: { journalId: string; settlement: Journal; createdAt: string }): Journal {
  if (args.settlement.kind !== 'MERCHANT_SETTLEMENT') throw new Error(`${args.settlement.journalId} is not a settlement`);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'SETTLEMENT_RETURN',
    createdAt: args.createdAt,
    origin: 'DAY_CLOSE',
    reverses: args.settlement.journalId,
    postings: args.settlement.postings.map((posting) => ({ ...posting, amountFen: -posting.amountFen, label: posting.amountFen < 0 ? '结算退回' : '商户结算退回' })),
  });
}
