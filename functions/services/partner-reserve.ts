// A partner's reserve (保证金): money the partner deposits with the bank, from which refunds of its
// merchants' orders are paid when a merchant's wallet holds too little (services/open-refunds.ts).
// A deposit arrives through the settlement gateway; an operator records it against the bank's
// statement and a second operator approves (PARTNER_RESERVE): only then is it booked.
import { config } from '../config.js';
import { HOUSE_ACCOUNTS } from '../domain/ledger.js';
import { reserveDepositJournal } from '../domain/open/journals.js';
import { deterministicJournalId, houseShard, postJournal } from '../store/ledger.js';

/** Books a deposit once per change (applied again, the same journal is found written). */
export async function bookReserveDeposit(deposit: { partnerId: string; amountFen: number; bankReference: string }, changeId: string, now: Date): Promise<void> {
  const journalId = deterministicJournalId('reserveDeposit', changeId);
  const journal = reserveDepositJournal({
    journalId,
    ...deposit,
    clearingShardAccountId: houseShard(HOUSE_ACCOUNTS.SETTLEMENT_CLEARING, journalId, config().HOUSE_SHARDS),
    createdAt: now.toISOString(),
  });
  const outcome = await postJournal(journal);
  if (!outcome.ok) throw new Error(`reserve deposit ${changeId} refused: ${JSON.stringify(outcome)}`);
}
