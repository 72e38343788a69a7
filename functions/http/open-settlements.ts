// The open platform's settlement routes (结算文件, 对账单): what the day close paid each of the
// partner's merchants (services/open-settlements.ts).
import { openRoutes as routes } from '../contract/open-routes.js';
import { partnerSettlementView } from '../domain/open/settlement.js';
import { settlementFile, settlementStatement } from '../services/open-settlements.js';
import { defineOpenRoute, openLambda } from './open-route.js';

const file = defineOpenRoute('openSettlementFile', routes.openSettlementFile, async ({ partner, query }) => {
  const { settlements, totals } = await settlementFile(partner.partnerId, query.closedDate);
  return { closedDate: query.closedDate, settlements: settlements.map(partnerSettlementView), totals };
});

const statement = defineOpenRoute('openSettlementStatement', routes.openSettlementStatement, async ({ partner, params }) => {
  const { settlement, lines, truncated } = await settlementStatement(partner.partnerId, params.settlementId);
  return {
    settlement: partnerSettlementView(settlement),
    lines: lines.map((line) => ({
      at: line.at,
      type: line.kind === 'MERCHANT_PAYMENT' ? ('PAYMENT' as const) : ('REFUND' as const),
      orderId: line.kind === 'MERCHANT_PAYMENT' ? line.ref : null,
      refundId: line.kind === 'MERCHANT_REFUND' ? line.ref : null,
      netFen: line.amountFen,
    })),
    truncated,
  };
});

export const handler = openLambda([file, statement]);
