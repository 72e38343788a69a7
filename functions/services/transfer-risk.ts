// A transfer's anti-fraud decision (domain/risk-rules.ts) on what store/transfer-risk.ts keeps:
// made for the review sheet, so the customer reads a warning before the PIN, and made again in
// the money path from the transfer's own read — that one decides.
import type { JournalRisk } from '../domain/ledger.js';
import { refuse } from '../domain/errors.js';
import { decideTransfer, largestInWindow, raisedDailyMaxima, type RiskDecision } from '../domain/risk-rules.js';
import { batchGetItems } from '../store/batch-get.js';
import type { TransactItem } from '../store/transact.js';
import { type TransferParties, type TransferRiskMemory, transferRiskKeys, transferRiskMemory, transferRiskRecords } from '../store/transfer-risk.js';
import type { PaymentRisk } from '../contract/second-factor-schemas.js';

interface AskedTransfer extends TransferParties {
  amountFen: number;
  /** The request carries riskAcknowledged: true. */
  acknowledged: boolean;
}

function decide(memory: TransferRiskMemory, amountFen: number, at: Date): RiskDecision {
  return decideTransfer(memory.ruleSet, {
    amountFen,
    at,
    payeeFirstPaidAt: memory.payeeFirstPaidAt,
    largestTransferFen90d: largestInWindow(memory.dailyMaximaFen, at),
    outToday: memory.outToday,
  });
}

const reasonsOf = (decision: RiskDecision, outcome: RiskDecision['outcome']) => decision.matched.filter((rule) => rule.outcome === outcome).map((rule) => rule.reason);

function refuseBlocked(decision: RiskDecision): never {
  return refuse('unprocessable', 'RISK_BLOCKED', `该笔转账已被拦截：${reasonsOf(decision, 'BLOCK').join('；')}`);
}

/** The review sheet's anti-fraud part: null when no rule warned; a blocked transfer is refused
 *  here already. Reads on its own (the authorization is not the money path). */
export async function reviewTransferRisk(asked: AskedTransfer): Promise<PaymentRisk | null> {
  const items = await batchGetItems(transferRiskKeys(asked));
  const decision = decide(transferRiskMemory(asked, items), asked.amountFen, asked.at);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision);
  if (decision.outcome === 'WARN') return { outcome: 'WARN', reasons: reasonsOf(decision, 'WARN'), acknowledged: asked.acknowledged };
  return null;
}

/** The money path's decision: a blocked transfer refused, a warned one refused unless the
 *  customer confirmed the warning; else what the journal records of it and the writes that keep
 *  the memory, for the transfer's transaction. */
export function enforceTransferRisk(memory: TransferRiskMemory, asked: AskedTransfer): { journalRisk: JournalRisk; records: TransactItem[] } {
  const decision = decide(memory, asked.amountFen, asked.at);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision);
  if (decision.outcome === 'WARN' && !asked.acknowledged) {
    return refuse('conflict', 'RISK_WARNING', '该笔转账存在被骗风险，请先阅读风险提示并确认后再转账');
  }
  const at = asked.at.toISOString();
  return {
    journalRisk: {
      ruleSetVersion: decision.ruleSetVersion,
      outcome: decision.outcome,
      matched: decision.matched.map(({ ruleId, version }) => ({ ruleId, version })),
      acknowledged: asked.acknowledged,
      fields: decision.fields,
    },
    records: transferRiskRecords(asked.customerId, asked.payeeAccountId, {
      firstPayment: memory.payeeFirstPaidAt === null,
      raisedMaximaFen: raisedDailyMaxima(memory.dailyMaximaFen, asked.at, asked.amountFen),
      at,
    }),
  };
}
