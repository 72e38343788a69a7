// 运营人员管理's routes (/v1/console/operators*) and a new operator's activation
// (/v1/console/activation*). New operators, roles and deactivations come back as changes for
// another administrator; the server refuses whatever the console would not offer.
import type * as z from 'zod/mini';
import type {
  ActivationCodeIssued,
  ActivationCompleted as ActivationCompletedSchema,
  ActivationEnrolment as ActivationEnrolmentSchema,
  OperatorList,
  OperatorListQuery,
  OperatorRow as OperatorRowSchema,
} from '@contract/console-operator-schemas';
import { consoleRequest, publicRequest } from './http';
import type { ChangeRequest } from './types';

export type OperatorRow = z.infer<typeof OperatorRowSchema>;
export type OperatorPage = z.infer<typeof OperatorList>;
export type OperatorRole = OperatorRow['roles'][number];
export type OperatorStatus = OperatorRow['status'];
export type IssuedCode = z.infer<typeof ActivationCodeIssued>;
export type ActivationEnrolment = z.infer<typeof ActivationEnrolmentSchema>;
export type ActivationCompleted = z.infer<typeof ActivationCompletedSchema>;
type Query = z.infer<typeof OperatorListQuery>;

const operatorPath = (operatorId: string, action: string) => `/v1/console/operators/${encodeURIComponent(operatorId)}/${action}`;

export function fetchOperators({ q, status, role, limit, cursor }: Query): Promise<OperatorPage> {
  const query: Record<string, string> = {};
  if (q) query.q = q;
  if (status) query.status = status;
  if (role) query.role = role;
  if (limit) query.limit = String(limit);
  if (cursor) query.cursor = cursor;
  return consoleRequest({ method: 'GET', path: '/v1/console/operators', query });
}

export function submitOperatorCreate(body: { login: string; displayName: string; roles: OperatorRole[] }): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/operators/changes', body });
}

export function submitOperatorRoles(operatorId: string, roles: OperatorRole[]): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: operatorPath(operatorId, 'role-changes'), body: { roles } });
}

export function submitOperatorDeactivation(operatorId: string, reason: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: operatorPath(operatorId, 'deactivation-requests'), body: { reason } });
}

export function issueActivationCode(operatorId: string): Promise<IssuedCode> {
  return consoleRequest({ method: 'POST', path: operatorPath(operatorId, 'activation-code') });
}

export function resetOperatorTotp(operatorId: string): Promise<IssuedCode> {
  return consoleRequest({ method: 'POST', path: operatorPath(operatorId, 'totp-reset') });
}

export function unlockOperator(operatorId: string): Promise<OperatorRow> {
  return consoleRequest({ method: 'POST', path: operatorPath(operatorId, 'unlock') });
}

/** Activation, step one (before sign-in): login and activation code → the new authenticator's secret. */
export function startActivation(login: string, activationCode: string): Promise<ActivationEnrolment> {
  return publicRequest({ method: 'POST', path: '/v1/console/activation', body: { login, activationCode } });
}

/** Activation, step two: the operator's own password and the first code of the new authenticator. */
export function completeActivation(enrolmentId: string, password: string, code: string): Promise<ActivationCompleted> {
  return publicRequest({ method: 'POST', path: '/v1/console/activation/complete', body: { enrolmentId, password, code } });
}
