// A transfer's anti-fraud decision (domain/risk-rules.ts) on what store/transfer-risk.ts keeps:
// made for the review sheet, so the customer reads a warning before the PIN, and made again in
// the money path from the transfer's own read — that one decides.
import { riskLevelOf } from '../domain/customer-risk-rating.js';
import type { JournalRisk } from '../domain/ledger.js';
import { refuse } from '../domain/errors.js';
import { decideTransfer, largestInWindow, raisedDailyMaxima, type RiskDecision, steppedUpFor } from '../domain/risk-rules.js';
import { batchGetItems } from '../store/batch-get.js';
import type { TransactItem } from '../store/transact.js';
import { payeeMemory, type TransferParties, type TransferRiskMemory, transferRiskKeys, transferRiskMemory, transferRiskRecords } from '../store/transfer-risk.js';
import type { PaymentRisk } from '../contract/second-factor-schemas.js';
import type { CustomerRecord } from '../store/customers.js';
import type { TokenDevice } from './tokens.js';

interface AskedTransfer extends TransferParties {
  amountFen: number;
  /** What the rules weigh of the customer: the birth year and the risk rating, each when kept. */
  customer: Pick<CustomerRecord, 'birthYear' | 'riskRating'>;
  /** The request carries riskAcknowledged: true. */
  acknowledged: boolean;
  /** What the access token says of the device and of the session's last step-up. */
  device: TokenDevice;
}

function decide(memory: TransferRiskMemory, { amountFen, at, customer, device }: AskedTransfer): RiskDecision {
  return decideTransfer(memory.ruleSet, {
    amountFen,
    at,
    customerBirthYear: customer.birthYear ?? null,
    customerRiskLevel: riskLevelOf(customer.riskRating),
    deviceFirstSeenAtMs: device.firstSeenAtMs,
    payeeFirstPaidAt: memory.payeeFirstPaidAt,
    largestTransferFen90d: largestInWindow(memory.dailyMaximaFen, at),
    outToday: memory.outToday,
  });
}

const reasonsOf = (decision: RiskDecision, ...outcomes: RiskDecision['outcome'][]) => decision.matched.filter((rule) => outcomes.includes(rule.outcome)).map((rule) => rule.reason);

/** A delayed transfer warns as a warned one does: the customer reads why before the PIN. */
const warns = (decision: RiskDecision) => decision.outcome === 'WARN' || decision.outcome === 'DELAY';

function refuseBlocked(decision: RiskDecision): never {
  return refuse('unprocessable', 'RISK_BLOCKED', `该笔转账已被拦截：${reasonsOf(decision, 'BLOCK').join('；')}`);
}

/** A stepped-up transfer asked without a step-up of this session in the last five minutes: the
 *  customer proves the bound phone (POST /v1/sessions/current/step-up) and asks again. */
function refuseUnlessSteppedUp(decision: RiskDecision, asked: AskedTransfer): void {
  if (decision.outcome !== 'STEP_UP' || steppedUpFor(asked.device.steppedUpAtMs, asked.at)) return;
  refuse('forbidden', 'STEP_UP_REQUIRED', `该笔转账需验证绑定手机号：${reasonsOf(decision, 'STEP_UP', 'WARN').join('；')}`);
}

/** The review sheet's anti-fraud part: null when no rule warned; a blocked transfer is refused
 *  here already. Reads on its own (the authorization is not the money path). */
export async function reviewTransferRisk(asked: AskedTransfer): Promise<PaymentRisk | null> {
  const items = await batchGetItems(transferRiskKeys(asked));
  const decision = decide(transferRiskMemory(asked, items), asked);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision);
  refuseUnlessSteppedUp(decision, asked);
  if (!warns(decision)) return null;
  return { outcome: decision.outcome === 'DELAY' ? 'DELAY' : 'WARN', reasons: reasonsOf(decision, 'WARN', 'DELAY'), acknowledged: asked.acknowledged, delayHours: decision.delayHours };
}

/** The money path's decision: a blocked transfer refused, a stepped-up one refused unless this
 *  session proved the bound phone in the last five minutes, a warned or delayed one refused unless
 *  the customer confirmed the warning; else what the journal records of it and the writes that
 *  keep the memory, for the transfer's transaction. A delayed transfer keeps no memory until it
 *  is released (releasedTransferRecords): one the customer cancels leaves the payee as new and the
 *  customer's largest transfer as small as before, so a second try is judged as the first was. */
export function enforceTransferRisk(memory: TransferRiskMemory, asked: AskedTransfer): { journalRisk: JournalRisk; records: TransactItem[] } {
  const decision = decide(memory, asked);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision);
  refuseUnlessSteppedUp(decision, asked);
  if (warns(decision) && !asked.acknowledged) {
    return refuse('conflict', 'RISK_WARNING', '该笔转账存在被骗风险，请先阅读风险提示并确认后再转账');
  }
  const journalRisk: JournalRisk = {
    ruleSetVersion: decision.ruleSetVersion,
    outcome: decision.outcome,
    ...(decision.delayHours === null ? {} : { delayHours: decision.delayHours }),
    matched: decision.matched.map(({ ruleId, version }) => ({ ruleId, version })),
    acknowledged: asked.acknowledged,
    fields: decision.fields,
  };
  if (decision.outcome === 'DELAY') return { journalRisk, records: [] };
  return { journalRisk, records: memoryRecords(memory, asked.customerId, asked.payeeAccountId, asked.amountFen, asked.at) };
}

function memoryRecords(memory: Pick<TransferRiskMemory, 'payeeFirstPaidAt' | 'dailyMaximaFen'>, customerId: string, payeeAccountId: string, amountFen: number, at: Date): TransactItem[] {
  return transferRiskRecords(customerId, payeeAccountId, {
    firstPayment: memory.payeeFirstPaidAt === null,
    raisedMaximaFen: raisedDailyMaxima(memory.dailyMaximaFen, at, amountFen),
    at: at.toISOString(),
  });
}

/** The memory a delayed transfer keeps once it reaches the payee, as of its release: read here
 *  (the release job is not the customer's money path), written with the release journal. */
export async function releasedTransferRecords(parties: TransferParties, amountFen: number): Promise<TransactItem[]> {
  return memoryRecords(await payeeMemory(parties.customerId, parties.payeeAccountId), parties.customerId, parties.payeeAccountId, amountFen, parties.at);
}
