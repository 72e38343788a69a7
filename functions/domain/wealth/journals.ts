// The wealth journals. The product's custody (托管) is a sharded house account per product
// (HOUSE-WEALTH-CUSTODY-<productId>~NN): it is Jinlin's clearing position with the issuer, so it
// may go negative when a NAV rise is paid out (the gain arrives from the issuer outside Jinlin).
import { assertBalanced, HOUSE_ACCOUNTS, type Journal } from '../ledger.js';
import { assertPositiveFen } from '../money.js';
import { journalIdOfOrder } from './orders.js';

export const custodyAccountOf = (productId: string): string => `${HOUSE_ACCOUNTS.WEALTH_CUSTODY}-${productId}`;

interface Common {
  journalId: string;
  createdAt: string;
  productName: string;
  orderId: string;
  origin?: 'DAY_CLOSE';
}

const withOrigin = (origin: 'DAY_CLOSE' | undefined) => (origin ? { origin } : {});

/** Customer → custody: the order is paid at once; units come with the confirmation. */
export function wealthPurchaseJournal(args: Common & { customerAccountId: string; custodyShardAccountId: string; amountFen: number }): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WEALTH_PURCHASE',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: -args.amountFen, label: `购买${args.productName}`, counterparty: args.productName },
      { accountId: args.custodyShardAccountId, amountFen: args.amountFen, label: '理财申购款', counterparty: args.orderId },
    ],
  });
}

export type RefundReason = 'COOLING_OFF' | 'FAILED' | 'RESIDUAL';
const REFUND_LABELS: Record<RefundReason, string> = {
  COOLING_OFF: '冷静期撤单退款',
  FAILED: '申购失败退款',
  RESIDUAL: '申购确认零头退款',
};

/** Custody → customer: a cancelled or failed order, or the confirmation residual (labelled). A
 *  whole refund names the purchase it gives back (whose receipt then reads 已退款); a residual does not. */
export function wealthRefundJournal(
  args: Common & { customerAccountId: string; custodyShardAccountId: string; amountFen: number; reason: RefundReason },
): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WEALTH_REFUND',
    createdAt: args.createdAt,
    ...(args.reason === 'RESIDUAL' ? {} : { refunds: journalIdOfOrder(args.orderId) }),
    ...withOrigin(args.origin),
    postings: [
      { accountId: args.customerAccountId, amountFen: args.amountFen, label: `${args.productName}${REFUND_LABELS[args.reason]}`, counterparty: args.productName },
      { accountId: args.custodyShardAccountId, amountFen: -args.amountFen, label: REFUND_LABELS[args.reason], counterparty: args.orderId },
    ],
  });
}

export type RedemptionKind = 'FAST' | 'NORMAL' | 'MATURITY';
const REDEMPTION_LABELS: Record<RedemptionKind, string> = {
  FAST: '快速赎回',
  NORMAL: '赎回到账',
  MATURITY: '到期自动赎回',
};

/** Custody → customer: units sold back. */
export function wealthRedemptionJournal(
  args: Common & { customerAccountId: string; custodyShardAccountId: string; amountFen: number; redemption: RedemptionKind },
): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WEALTH_REDEMPTION',
    createdAt: args.createdAt,
    ...withOrigin(args.origin),
    postings: [
      { accountId: args.customerAccountId, amountFen: args.amountFen, label: `${args.productName}${REDEMPTION_LABELS[args.redemption]}`, counterparty: args.productName },
      { accountId: args.custodyShardAccountId, amountFen: -args.amountFen, label: `理财${REDEMPTION_LABELS[args.redemption]}`, counterparty: args.orderId },
    ],
  });
}

/** The issuer's return → custody: money-market income, paid to the holder as new units. */
export function wealthIncomeJournal(args: {
  journalId: string;
  createdAt: string;
  yieldShardAccountId: string;
  custodyShardAccountId: string;
  amountFen: number;
  holdingRef: string;
}): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'WEALTH_INCOME',
    createdAt: args.createdAt,
    origin: 'DAY_CLOSE',
    postings: [
      { accountId: args.yieldShardAccountId, amountFen: -args.amountFen, label: '货币基金收益划入', counterparty: args.holdingRef },
      { accountId: args.custodyShardAccountId, amountFen: args.amountFen, label: '收益转份额', counterparty: args.holdingRef },
    ],
  });
}
