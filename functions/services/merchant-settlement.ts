// The day close's settlement of the open platform's merchants (商户结算, T+1). For each merchant
// whose wallet moved, what the wallet holds is paid out: phase 1 writes the MERCHANT_SETTLEMENT
// journal (wallet → settlement clearing, for exactly the balance read) with the settlement PAYING;
// phase 2 asks the settlement gateway to pay the merchant's settlement account under the
// settlement's id as reference (the gateway pays a reference once), then marks it PAID with the
// partner's `settlement.completed` event — or, refused, RETURNED with the money back in the wallet
// (SETTLEMENT_RETURN) for the next close. A payout the gateway never answered stays PAYING; a later
// close asks the gateway what became of it. The bank's fees were booked as each payment was made,
// so the wallet holds exactly what the merchant is owed: paid − refunded − fees.
import { settlementGateway, type PayoutStatus } from '../adapters/settlement-gateway.js';
import { config } from '../config.js';
import type { ReportFailure } from '../domain/day-close.js';
import { HOUSE_ACCOUNTS, type Journal } from '../domain/ledger.js';
import { merchantSettlementJournal, settlementReturnJournal, walletAccountId } from '../domain/open/journals.js';
import { type MerchantSettlement, partnerSettlementView, settlementIdFor } from '../domain/open/settlement.js';
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';
import { retry } from '../platform/retry.js';
import { decrypt } from '../store/crypto.js';
import { deterministicJournalId, getJournal, houseShard, postJournal } from '../store/ledger.js';
import {
  clearWalletDue,
  dueWallets,
  finishSettlement,
  finishSettlementGuards,
  getSettlement,
  newSettlementGuards,
  payingSettlements,
  SETTLEMENT_EXISTS,
  SETTLEMENT_NOT_PAYING,
  walletBalanceFen,
  type WalletDue,
} from '../store/merchant-settlements.js';
import { getMerchant } from '../store/partners.js';
import { openEvent } from '../domain/open/webhook.js';
import { webhookEventItems } from '../store/webhooks.js';
import { GATEWAY_RETRY } from './gateway-retry.js';

export interface MerchantSettlementReport {
  merchantsSettled: number;
  settledFen: number;
  settlementsReturned: number;
  settlementsPending: number;
}

/** Payouts left unanswered that one close asks the gateway about. */
const MAX_PAYING_CHECKED = 500;

export async function settleMerchants(closedDate: string, now: Date, reportFailure: ReportFailure = () => undefined): Promise<MerchantSettlementReport> {
  const report: MerchantSettlementReport = { merchantsSettled: 0, settledFen: 0, settlementsReturned: 0, settlementsPending: 0 };
  const count = (settlement: MerchantSettlement | undefined) => {
    if (settlement?.status === 'PAID') {
      report.merchantsSettled += 1;
      report.settledFen += settlement.amountFen;
    } else if (settlement?.status === 'RETURNED') report.settlementsReturned += 1;
    else if (settlement?.status === 'PAYING') report.settlementsPending += 1;
  };
  // Yesterday's unanswered payouts first: their money is not in the wallets any more.
  for (const paying of await payingSettlements(MAX_PAYING_CHECKED)) {
    try {
      const settlement = await getSettlement(paying.partnerId, paying.closedDate, paying.merchantId);
      if (settlement?.status === 'PAYING') count(await finishUnanswered(settlement));
    } catch (error) {
      reportFailure(`settlement:${paying.merchantId}:${paying.closedDate}`, error);
    }
  }
  for (const due of await dueWallets()) {
    try {
      count(await settleMerchant(due, closedDate, now));
    } catch (error) {
      // One merchant's trouble must not hold up the others; its mark stays for the next close.
      reportFailure(`settlement:${due.merchantId}`, error);
    }
  }
  return report;
}

/** Settles one merchant's wallet for `closedDate`; undefined when there was nothing to pay. */
async function settleMerchant(due: WalletDue, closedDate: string, now: Date): Promise<MerchantSettlement | undefined> {
  const earlier = await getSettlement(due.partnerId, closedDate, due.merchantId);
  if (earlier) return earlier.status === 'PAYING' ? finishUnanswered(earlier) : earlier;
  const [record, walletFen] = await Promise.all([getMerchant(due.partnerId, due.merchantId), walletBalanceFen(due.merchantId)]);
  if (!record) throw new Error(`merchant ${due.merchantId} of a marked wallet is missing`);
  if (walletFen === 0) {
    await clearWalletDue(due);
    return undefined;
  }
  const settlementId = settlementIdFor(due.merchantId, closedDate);
  const journalId = deterministicJournalId('merchantSettlement', settlementId);
  const settlement: MerchantSettlement = {
    settlementId,
    partnerId: due.partnerId,
    merchantId: due.merchantId,
    outMerchantNo: record.merchant.outMerchantNo,
    closedDate,
    amountFen: walletFen,
    status: 'PAYING',
    journalId,
    returnJournalId: null,
    settlementAccount: record.merchant.settlementAccount,
    gatewayReference: null,
    failure: null,
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  const journal = merchantSettlementJournal({
    journalId,
    merchantId: due.merchantId,
    settlementId,
    amountFen: walletFen,
    clearingShardAccountId: houseShard(HOUSE_ACCOUNTS.SETTLEMENT_CLEARING, journalId, config().HOUSE_SHARDS),
    createdAt: settlement.createdAt,
  });
  // The balance as read, and only that: what arrives meanwhile is the next close's.
  const outcome = await postJournal(journal, { guards: newSettlementGuards(settlement), expectBalance: { accountId: walletAccountId(due.merchantId), balanceFen: walletFen } });
  if (!outcome.ok) {
    if (outcome.reason === 'GUARD_FAILED' && outcome.guard === SETTLEMENT_EXISTS) return getSettlement(due.partnerId, closedDate, due.merchantId);
    // A refund took from the wallet between the read and the write: the next close settles it.
    if (outcome.reason === 'INSUFFICIENT_FUNDS') return undefined;
    throw new Error(`settlement ${settlementId} refused: ${JSON.stringify(outcome)}`);
  }
  const answer = await retry(GATEWAY_RETRY, async () =>
    settlementGateway().payout({
      reference: settlementId,
      bankName: record.merchant.settlementAccount.bankName,
      accountNumber: await decrypt(record.settlementAccountNumberSealed),
      holderName: record.merchant.name,
      amountFen: walletFen,
    }),
  ).catch(unanswered);
  const finished = answer === undefined ? settlement : await finish(settlement, answer.ok ? { state: 'PAID', gatewayReference: answer.gatewayReference } : { state: 'REFUSED', code: answer.code, message: answer.message }, outcome.journal, now);
  // Paid out to zero: off the list until the wallet moves again.
  if (finished.status === 'PAID') await clearWalletDue(due);
  return finished;
}

/** The gateway not answering is an outcome here (undefined), anything else an error. */
function unanswered(error: unknown): undefined {
  if (!(error instanceof UpstreamUnavailable)) throw error;
  return undefined;
}

/** A payout sent earlier and never answered: the gateway says what became of it. Never received,
 *  it is returned to the wallet (and paid at a later close); still unanswered, it waits. */
async function finishUnanswered(settlement: MerchantSettlement): Promise<MerchantSettlement> {
  const status = await settlementGateway().payoutStatus({ reference: settlement.settlementId }).catch(unanswered);
  if (status === undefined) return settlement;
  const journal = await getJournal(settlement.journalId);
  if (!journal) throw new Error(`settlement ${settlement.settlementId} has no journal`);
  return finish(settlement, status.state === 'UNKNOWN' ? { state: 'REFUSED', code: 'PAYOUT_NOT_RECEIVED', message: '结算通道未收到付款指令' } : status, journal, new Date());
}

/** PAYING → PAID (with the partner's event) or RETURNED (the money back in the wallet). Another
 *  run that finished it first stands, read back. */
async function finish(settlement: MerchantSettlement, status: Exclude<PayoutStatus, { state: 'UNKNOWN' }>, journal: Journal, now: Date): Promise<MerchantSettlement> {
  const finishedAt = now.toISOString();
  if (status.state === 'PAID') {
    const paid: MerchantSettlement = { ...settlement, status: 'PAID', gatewayReference: status.gatewayReference, finishedAt };
    const event = openEvent('settlement.completed', settlement.settlementId, settlement.partnerId, finishedAt, partnerSettlementView(paid));
    if (await finishSettlement(finishSettlementGuards(settlement, paid), webhookEventItems(event))) return paid;
    return reread(settlement);
  }
  const returnJournalId = deterministicJournalId('settlementReturn', settlement.settlementId);
  const returned: MerchantSettlement = { ...settlement, status: 'RETURNED', failure: { code: status.code, message: status.message }, returnJournalId, finishedAt };
  const outcome = await postJournal(settlementReturnJournal({ journalId: returnJournalId, settlement: journal, createdAt: finishedAt }), { guards: finishSettlementGuards(settlement, returned) });
  if (outcome.ok && !outcome.replayed) return returned;
  if (outcome.ok || (outcome.reason === 'GUARD_FAILED' && outcome.guard === SETTLEMENT_NOT_PAYING)) return reread(settlement);
  throw new Error(`settlement ${settlement.settlementId}: return refused: ${JSON.stringify(outcome)}`);
}

async function reread(settlement: MerchantSettlement): Promise<MerchantSettlement> {
  return (await getSettlement(settlement.partnerId, settlement.closedDate, settlement.merchantId)) ?? settlement;
}
