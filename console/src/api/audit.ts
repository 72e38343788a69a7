// The audit log's routes (/v1/console/audit*), for operators with audit.read.
import { consoleRequest } from './http';
import type { AuditPage, AuditVerification } from './types';

/** Up to `limit` entries numbered below `beforeSeq` (the newest when absent), newest first. */
export function fetchAuditPage(beforeSeq: number | undefined, limit: number): Promise<AuditPage> {
  const query: Record<string, string> = { limit: String(limit) };
  if (beforeSeq !== undefined) query.beforeSeq = String(beforeSeq);
  return consoleRequest({ method: 'GET', path: '/v1/console/audit', query });
}

/** The server verifies the whole chain, its head and the newest anchor. */
export function verifyAuditLog(): Promise<AuditVerification> {
  return consoleRequest({ method: 'GET', path: '/v1/console/audit/verification' });
}
