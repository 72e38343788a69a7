// What operators read of the audit log (the console's 审计日志): a page of entries, newest first,
// with the login and name of each operator an entry names (the entry itself keeps only the id).
import type { AuditEntry } from '../domain/audit-chain.js';
import { getOperator } from '../store/operators.js';
import { type AuditPage, readAuditPage } from './audit.js';

export interface OperatorName {
  login: string;
  displayName: string;
}

export interface AuditLogPage extends AuditPage {
  /** Operator id → login and name, for each operator the page's entries name. */
  operators: Map<string, OperatorName>;
}

const operatorIds = (entry: AuditEntry) => [entry.actor, entry.target].filter((party) => party.kind === 'operator').map((party) => party.id);

export async function auditLogPage(beforeSeq: number | undefined, limit: number): Promise<AuditLogPage> {
  const page = await readAuditPage(beforeSeq, limit);
  // At most two per entry of one page: bounded by the page size.
  const ids = [...new Set(page.items.flatMap((item) => ('unreadable' in item ? [] : operatorIds(item))))];
  const records = await Promise.all(ids.map((id) => getOperator(id)));
  const operators = new Map<string, OperatorName>();
  for (const record of records) if (record) operators.set(record.operatorId, { login: record.login, displayName: record.displayName });
  return { ...page, operators };
}
