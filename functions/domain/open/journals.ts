// The ledger side of the open platform. Each merchant has a wallet account (商户待结算账户): a
// payment moves the customer's money into it at once, so the customer's side is final, and the
// day close pays it out to the merchant's settlement account. A wallet is a deposit-like account:
// like a customer's, it can never go below zero (its debits carry the balance condition).
import { assertBalanced, type Journal } from '../ledger.js';
import { assertPositiveFen } from '../money.js';

export const WALLET_PREFIX = 'WALLET-';
export const walletAccountId = (merchantId: string): string => `${WALLET_PREFIX}${merchantId}`;

export function merchantPaymentJournal(args: {
  journalId: string;
  customerAccountId: string;
  merchantId: string;
  merchantShortName: string;
  orderId: string;
  amountFen: number;
  createdAt: string;
}): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'MERCHANT_PAYMENT',
    createdAt: args.createdAt,
    postings: [
      { accountId: args.customerAccountId, amountFen: -args.amountFen, label: `付款给 ${args.merchantShortName}`, counterparty: args.merchantShortName },
      { accountId: walletAccountId(args.merchantId), amountFen: args.amountFen, label: '订单收款', counterparty: args.orderId },
    ],
  });
}
