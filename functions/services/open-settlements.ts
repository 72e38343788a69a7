// Settlements as partners read them (结算文件, 对账单): the day's settlement file of all the
// partner's merchants, and one settlement with its merchant's statement. A partner reads only its
// own: the records live in its partition.
import { refuse } from '../domain/errors.js';
import type { MerchantSettlement } from '../domain/open/settlement.js';
import { getSettlement, settlementsOfDate, statementLines, type StatementLine } from '../store/merchant-settlements.js';

/** The most merchants one file lists (a partner's merchants are capped at 10,000). */
const MAX_FILE_ROWS = 10_000;

/** The partner's settlement file for a closed date, with its totals. */
export async function settlementFile(partnerId: string, closedDate: string) {
  const settlements = await settlementsOfDate(partnerId, closedDate, MAX_FILE_ROWS);
  const counted = (status: MerchantSettlement['status']) => settlements.filter((settlement) => settlement.status === status);
  return {
    settlements,
    totals: {
      count: settlements.length,
      paidFen: counted('PAID').reduce((sum, settlement) => sum + settlement.amountFen, 0),
      returnedCount: counted('RETURNED').length,
      payingCount: counted('PAYING').length,
    },
  };
}

/** A settlement id names its date and merchant (domain/open/settlement.ts settlementIdFor). */
function settlementKey(settlementId: string): { closedDate: string; merchantId: string } {
  const digits = settlementId.slice(1, 9);
  return { closedDate: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`, merchantId: `M${settlementId.slice(9)}` };
}

export async function settlementStatement(partnerId: string, settlementId: string): Promise<{ settlement: MerchantSettlement; lines: StatementLine[]; truncated: boolean }> {
  const { closedDate, merchantId } = settlementKey(settlementId);
  const settlement = await getSettlement(partnerId, closedDate, merchantId);
  if (!settlement || settlement.settlementId !== settlementId) return refuse('not_found', 'SETTLEMENT_NOT_FOUND', '结算单不存在');
  return { settlement, ...(await statementLines(merchantId, { createdAt: settlement.createdAt, journalId: settlement.journalId })) };
}
