// The console's views of the audit log: entries with the operators they name, and the chain's
// verification verdict (no MACs: what an operator reads, not what a verifier needs).
import type { AuditPage, AuditVerification } from '../contract/console-schemas.js';
import type { AuditActor, AuditTarget } from '../domain/audit-chain.js';
import type { AuditLogPage, OperatorName } from '../services/audit-log.js';
import type { AuditVerification as Verdict } from '../services/audit.js';

const partyView = ({ kind, id }: AuditActor | AuditTarget, operators: Map<string, OperatorName>) => {
  const operator = kind === 'operator' ? operators.get(id) : undefined;
  return operator ? { kind, id, login: operator.login, displayName: operator.displayName } : { kind, id };
};

export function auditPageView({ headSeq, items, nextBeforeSeq, operators }: AuditLogPage): AuditPage {
  return {
    headSeq,
    nextBeforeSeq: nextBeforeSeq ?? null,
    entries: items.map((item) => {
      if ('unreadable' in item) return { seq: item.seq, unreadable: true as const };
      const { seq, at, actor, action, target, reason, before, after } = item;
      return { seq, at, actor: partyView(actor, operators), action, target: partyView(target, operators), reason, before, after };
    }),
  };
}

export function auditVerificationView(verdict: Verdict): AuditVerification {
  const anchor = verdict.anchor ? { seq: verdict.anchor.seq, at: verdict.anchor.at } : null;
  if (verdict.ok) return { ok: true, checkedEntries: verdict.entries, headSeq: verdict.last.seq, anchor };
  return { ok: false, problem: { kind: verdict.problem.kind, seq: verdict.problem.seq }, message: verdict.message ?? '', anchor };
}
