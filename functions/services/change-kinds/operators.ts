// Operator management's maker-checker kinds, approved by another holder of operators.manage:
// OPERATOR_CREATE (entity `operator-login:<hex login>`, after = { operatorId, login, displayName,
// roles }) creates the operator waiting for activation — no password, no authenticator: they set
// their own with an activation code; OPERATOR_ROLES (entity `operator:<operatorId>`, after =
// { roles }); OPERATOR_DEACTIVATE (same entity, after = { status: 'DEACTIVATED', reason }) also
// ends the operator's sessions. Each is idempotent: the operator id is chosen at submission, so a
// second run finds the operator created, the roles set, the sessions gone.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { checkAdminsRemain } from '../../domain/operator-admin.js';
import { OPERATOR_ROLES } from '../../domain/operator-roles.js';
import * as store from '../../store/operators.js';
import { transactWrite } from '../../store/transact.js';
import type { ChangeKindHandler } from './handler.js';
import { lazySchema } from '../../domain/lazy-schema.js';

const OperatorCreateAfter = /* @__PURE__ */ lazySchema(() =>
  z.object({
    operatorId: z.string(),
    login: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(OPERATOR_ROLES)),
  }),
);
const RolesAfter = /* @__PURE__ */ lazySchema(() => z.object({ roles: z.array(z.enum(OPERATOR_ROLES)) }));
const OPERATOR_ENTITY = /^operator:(O[0-9a-f]{32})$/;

async function operatorOf(change: ChangeRequest): Promise<store.OperatorRecord> {
  const operatorId = OPERATOR_ENTITY.exec(change.entityId)?.[1];
  const operator = operatorId ? await store.getOperator(operatorId) : undefined;
  if (!operator) throw new Error(`change ${change.changeId}: ${change.entityId} names no operator`);
  return operator;
}

/** Would the operator stop being an active administrator? Then at least two must remain. Checked
 *  when a change is submitted and again when it applies: another change approved in between may
 *  have taken an administrator away (the change then fails, saying why). */
export async function checkAdminLeaving(operator: store.OperatorRecord, staysAdmin: boolean): Promise<void> {
  if (operator.status !== 'ACTIVE' || !operator.roles.includes('ADMIN') || staysAdmin) return;
  checkAdminsRemain(await store.countActiveWithRole('ADMIN'), 1);
}

export const operatorCreateChange: ChangeKindHandler = {
  permissionToApprove: 'operators.manage',
  async apply(change: ChangeRequest, now: Date) {
    const { operatorId, login, displayName, roles } = OperatorCreateAfter.parse(change.after);
    if (await store.getOperator(operatorId)) return;
    await store.putOperator({ operatorId, login, displayName, roles, status: 'PENDING_ACTIVATION', failedAttempts: 0, createdAt: now.toISOString() });
  },
};

export const operatorRolesChange: ChangeKindHandler = {
  permissionToApprove: 'operators.manage',
  async apply(change: ChangeRequest) {
    const { roles } = RolesAfter.parse(change.after);
    const operator = await operatorOf(change);
    await checkAdminLeaving(operator, roles.includes('ADMIN'));
    const refusedAt = await transactWrite(store.setRolesItems(operator, roles));
    if (refusedAt !== undefined) throw new Error(`change ${change.changeId}: the operator is gone`);
  },
};

export const operatorDeactivateChange: ChangeKindHandler = {
  permissionToApprove: 'operators.manage',
  async apply(change: ChangeRequest, now: Date) {
    const operator = await operatorOf(change);
    await checkAdminLeaving(operator, false);
    const { operatorId } = operator;
    await store.deactivateOperator(operatorId, now);
    await store.deleteSessions(operatorId);
  },
};
