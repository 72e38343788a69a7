// A movement's anti-fraud decision (domain/risk-rules.ts) on what store/movement-risk.ts keeps:
// made for the review sheet, so the customer reads a warning before the PIN, and made again in
// the money path from the movement's own read — that one decides.
import { riskLevelOf } from '../domain/customer-risk-rating.js';
import type { JournalRisk } from '../domain/ledger.js';
import { refuse } from '../domain/errors.js';
import { decideMovement, largestInWindow, raisedDailyMaxima, RISK_MOVEMENT_KIND_LABELS, type RiskDecision, type RiskMovementKind, steppedUpFor } from '../domain/risk-rules.js';
import { batchGetItems } from '../store/batch-get.js';
import type { TransactItem } from '../store/transact.js';
import { type MovementParties, type MovementRiskMemory, movementRiskKeys, movementRiskMemory, outVelocityRecord, payeeMemory, type TransferParties, transferRiskRecords } from '../store/movement-risk.js';
import type { PaymentRisk } from '../contract/second-factor-schemas.js';
import type { CustomerRecord } from '../store/customers.js';
import type { TokenDevice } from './tokens.js';

export interface AskedMovement extends MovementParties {
  kind: RiskMovementKind;
  amountFen: number;
  /** What the rules weigh of the customer: the birth year and the risk rating, each when kept. */
  customer: Pick<CustomerRecord, 'birthYear' | 'riskRating'>;
  /** The request carries riskAcknowledged: true. */
  acknowledged: boolean;
  /** What the access token says of the device and of the session's last step-up. */
  device: TokenDevice;
}

function decide(memory: MovementRiskMemory, { kind, amountFen, at, customer, device }: AskedMovement): RiskDecision {
  return decideMovement(memory.ruleSet, {
    kind,
    amountFen,
    at,
    customerBirthYear: customer.birthYear ?? null,
    customerRiskLevel: riskLevelOf(customer.riskRating),
    deviceFirstSeenAtMs: device.firstSeenAtMs,
    payee: memory.payee,
    largestTransferFen90d: largestInWindow(memory.dailyMaximaFen, at),
    outToday: memory.outToday,
    outLastHour: memory.outLastHour,
  });
}

const reasonsOf = (decision: RiskDecision, ...outcomes: RiskDecision['outcome'][]) => decision.matched.filter((rule) => outcomes.includes(rule.outcome)).map((rule) => rule.reason);

/** A delayed transfer warns as a warned one does: the customer reads why before the PIN. */
const warns = (decision: RiskDecision) => decision.outcome === 'WARN' || decision.outcome === 'DELAY';

function refuseBlocked(decision: RiskDecision, kind: RiskMovementKind): never {
  return refuse('unprocessable', 'RISK_BLOCKED', `该笔${RISK_MOVEMENT_KIND_LABELS[kind]}已被拦截：${reasonsOf(decision, 'BLOCK').join('；')}`);
}

/** A stepped-up movement asked without a step-up of this session in the last five minutes: the
 *  customer proves the bound phone (POST /v1/sessions/current/step-up) and asks again. */
function refuseUnlessSteppedUp(decision: RiskDecision, asked: AskedMovement): void {
  if (decision.outcome !== 'STEP_UP' || steppedUpFor(asked.device.steppedUpAtMs, asked.at)) return;
  refuse('forbidden', 'STEP_UP_REQUIRED', `该笔${RISK_MOVEMENT_KIND_LABELS[asked.kind]}需验证绑定手机号：${reasonsOf(decision, 'STEP_UP', 'WARN').join('；')}`);
}

/** The review sheet's anti-fraud part: null when no rule warned; a blocked movement is refused
 *  here already. Reads on its own (the authorization is not the money path). */
export async function reviewMovementRisk(asked: AskedMovement): Promise<PaymentRisk | null> {
  const items = await batchGetItems(movementRiskKeys(asked));
  const decision = decide(movementRiskMemory(asked, items), asked);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision, asked.kind);
  refuseUnlessSteppedUp(decision, asked);
  if (!warns(decision)) return null;
  return { outcome: decision.outcome === 'DELAY' ? 'DELAY' : 'WARN', reasons: reasonsOf(decision, 'WARN', 'DELAY'), acknowledged: asked.acknowledged, delayHours: decision.delayHours };
}

/** The money path's decision: a blocked movement refused, a stepped-up one refused unless this
 *  session proved the bound phone in the last five minutes, a warned or delayed one refused unless
 *  the customer confirmed the warning; else what the journal records of it and the writes that
 *  keep the memory, for its transaction: the hour's velocity always (a held transfer or a voided
 *  bill was asked for all the same), and for a transfer its payee and largest amount. A delayed
 *  transfer keeps those two only when it is released (releasedTransferRecords): one the customer
 *  cancels leaves the payee as new and the customer's largest transfer as small as before, so a
 *  second try is judged as the first was. */
export function enforceMovementRisk(memory: MovementRiskMemory, asked: AskedMovement): { journalRisk: JournalRisk; records: TransactItem[] } {
  const decision = decide(memory, asked);
  if (decision.outcome === 'BLOCK') return refuseBlocked(decision, asked.kind);
  refuseUnlessSteppedUp(decision, asked);
  if (warns(decision) && !asked.acknowledged) {
    return refuse('conflict', 'RISK_WARNING', `该笔${RISK_MOVEMENT_KIND_LABELS[asked.kind]}存在被骗风险，请先阅读风险提示并确认后再继续`);
  }
  const journalRisk: JournalRisk = {
    ruleSetVersion: decision.ruleSetVersion,
    outcome: decision.outcome,
    ...(decision.delayHours === null ? {} : { delayHours: decision.delayHours }),
    matched: decision.matched.map(({ ruleId, version }) => ({ ruleId, version })),
    acknowledged: asked.acknowledged,
    fields: decision.fields,
  };
  const velocity = outVelocityRecord(asked.accountId, asked.at, asked.amountFen);
  // The rules keep only what transfers do (a payee paid, the largest transfer per day): only a
  // transfer has a payee.
  if (decision.outcome === 'DELAY' || asked.payeeAccountId === null || memory.payee === null) return { journalRisk, records: [velocity] };
  return { journalRisk, records: [velocity, ...memoryRecords(memory.payee.firstPaidAt, memory.dailyMaximaFen, { ...asked, payeeAccountId: asked.payeeAccountId }, asked.amountFen)] };
}

function memoryRecords(payeeFirstPaidAt: string | null, dailyMaximaFen: Record<string, number> | undefined, parties: TransferParties, amountFen: number): TransactItem[] {
  return transferRiskRecords(parties.customerId, parties.payeeAccountId, {
    firstPayment: payeeFirstPaidAt === null,
    raisedMaximaFen: raisedDailyMaxima(dailyMaximaFen, parties.at, amountFen),
    at: parties.at.toISOString(),
  });
}

/** The memory a delayed transfer keeps once it reaches the payee, as of its release: read here
 *  (the release job is not the customer's money path), written with the release journal. */
export async function releasedTransferRecords(parties: TransferParties, amountFen: number): Promise<TransactItem[]> {
  const { payee, dailyMaximaFen } = await payeeMemory(parties.customerId, parties.payeeAccountId);
  return memoryRecords(payee.firstPaidAt, dailyMaximaFen, parties, amountFen);
}
