// Merchants' settlement (商户结算, T+1): at each day close what a merchant's wallet holds — its
// payments less the bank's fees and the refunds the wallet paid — goes to the merchant's
// settlement account at another bank through the settlement gateway. One settlement per merchant
// and closed date: PAYING while the gateway is asked, then PAID, or RETURNED (the gateway refused:
// the money is back in the wallet for the next close). A payout the gateway never answered stays
// PAYING until a later close asks the gateway what became of it.
export const SETTLEMENT_STATUSES = ['PAYING', 'PAID', 'RETURNED'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
export const SETTLEMENT_STATUS_LABELS: Record<SettlementStatus, string> = { PAYING: '结算中', PAID: '已结算', RETURNED: '结算退回' };

export const SETTLEMENT_ID_PATTERN = /^S\d{8}[0-9A-Z]{15}$/;

/** One settlement per merchant and closed date: its id says which, so a close run again finds it. */
export function settlementIdFor(merchantId: string, closedDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closedDate)) throw new Error(`closed date ${closedDate} is not YYYY-MM-DD`);
  return `S${closedDate.replace(/-/g, '')}${merchantId.slice(1)}`;
}

export interface MerchantSettlement {
  settlementId: string;
  partnerId: string;
  merchantId: string;
  outMerchantNo: string;
  closedDate: string;
  amountFen: number;
  status: SettlementStatus;
  /** The wallet → clearing journal, and its return when the gateway refused. */
  journalId: string;
  returnJournalId: string | null;
  /** Where it was paid: the bank and the account's last four digits, as partners see them. */
  settlementAccount: { bankName: string; accountNumberMasked: string; holderName: string };
  gatewayReference: string | null;
  failure: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A settlement as its partner reads it (the settlement file's rows, and the webhook's data). */
export const partnerSettlementView = (settlement: MerchantSettlement) => ({
  settlementId: settlement.settlementId,
  merchantId: settlement.merchantId,
  outMerchantNo: settlement.outMerchantNo,
  closedDate: settlement.closedDate,
  amountFen: settlement.amountFen,
  status: settlement.status,
  statusLabel: SETTLEMENT_STATUS_LABELS[settlement.status],
  settlementAccount: settlement.settlementAccount,
  gatewayReference: settlement.gatewayReference,
  failure: settlement.failure,
  createdAt: settlement.createdAt,
  finishedAt: settlement.finishedAt,
});
