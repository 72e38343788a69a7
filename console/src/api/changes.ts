// The maker-checker routes (/v1/console/changes*): the inbox, one change with its diff, and the
// checker's and the maker's decisions. The server enforces maker ≠ checker and the kind's
// permission; the console only hides what it would refuse.
import { consoleRequest } from './http';
import type { ChangeDetail, ChangeKind, ChangePage, ChangeRequest, ChangeStatus } from './types';

export interface ChangeQuery {
  status?: ChangeStatus;
  kind?: ChangeKind;
  limit: number;
  cursor?: string;
}

export function fetchChanges({ status, kind, limit, cursor }: ChangeQuery): Promise<ChangePage> {
  const query: Record<string, string> = { limit: String(limit) };
  if (status) query.status = status;
  if (kind) query.kind = kind;
  if (cursor) query.cursor = cursor;
  return consoleRequest({ method: 'GET', path: '/v1/console/changes', query });
}

export function fetchChange(changeId: string): Promise<ChangeDetail> {
  return consoleRequest({ method: 'GET', path: `/v1/console/changes/${encodeURIComponent(changeId)}` });
}

export function approveChange(changeId: string, note?: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `/v1/console/changes/${encodeURIComponent(changeId)}/approve`, body: note ? { note } : {} });
}

export function rejectChange(changeId: string, note: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `/v1/console/changes/${encodeURIComponent(changeId)}/reject`, body: { note } });
}

export function withdrawChange(changeId: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `/v1/console/changes/${encodeURIComponent(changeId)}/withdraw` });
}
