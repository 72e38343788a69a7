// 运营人员管理: administrators list operators and draft their creation, roles and deactivation as
// changes for another administrator (services/operator-admin.ts); unlock, an authenticator reset
// and an activation code are direct and audited. The two activation routes are a new operator's
// own: their activation code, then their password and their authenticator's first code.
import { consoleOperatorRoutes as routes } from '../contract/console-operator-routes.js';
import { OPERATOR_PAGE_DEFAULT } from '../contract/console-operator-schemas.js';
import {
  completeActivation,
  issueActivationCode,
  listOperators,
  type OperatorSummary,
  resetOperatorTotp,
  startActivation,
  submitOperatorCreate,
  submitOperatorDeactivation,
  submitOperatorRoles,
  unlockOperator,
} from '../services/operator-admin.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

/** What the list shows of an operator: never a hash, a secret or an activation code. */
function operatorRow({ operator, locked, pendingChangeId }: OperatorSummary) {
  const { operatorId, login, displayName, roles, status, lockedUntil, lastSignInAt, createdAt, deactivatedAt, activationExpiresAt } = operator;
  return {
    operatorId,
    login,
    displayName,
    roles,
    status,
    createdAt,
    ...(locked && lockedUntil ? { lockedUntil } : {}),
    ...(lastSignInAt ? { lastSignInAt } : {}),
    ...(deactivatedAt ? { deactivatedAt } : {}),
    ...(status === 'PENDING_ACTIVATION' && activationExpiresAt ? { activationExpiresAt } : {}),
    ...(pendingChangeId ? { pendingChangeId } : {}),
  };
}

const list = defineConsoleRoute('consoleOperatorList', routes.consoleOperatorList, async ({ query, now }) => {
  const { operators, nextCursor } = await listOperators({ text: query.q, status: query.status, role: query.role }, query.limit ?? OPERATOR_PAGE_DEFAULT, query.cursor, now);
  return { operators: operators.map(operatorRow), ...(nextCursor ? { nextCursor } : {}) };
});

const create = defineConsoleRoute('consoleOperatorCreateChange', routes.consoleOperatorCreateChange, ({ body, operator, now }) => submitOperatorCreate(body, operator, now));

const roles = defineConsoleRoute('consoleOperatorRolesChange', routes.consoleOperatorRolesChange, ({ params, body, operator, now }) =>
  submitOperatorRoles(params.operatorId, body.roles, operator, now),
);

const deactivate = defineConsoleRoute('consoleOperatorDeactivation', routes.consoleOperatorDeactivation, ({ params, body, operator, now }) =>
  submitOperatorDeactivation(params.operatorId, body.reason, operator, now),
);

const activationCode = defineConsoleRoute('consoleOperatorActivationCode', routes.consoleOperatorActivationCode, ({ params, operator, now }) =>
  issueActivationCode(params.operatorId, operator, now),
);

const totpReset = defineConsoleRoute('consoleOperatorTotpReset', routes.consoleOperatorTotpReset, ({ params, operator, now }) => resetOperatorTotp(params.operatorId, operator, now));

const unlock = defineConsoleRoute('consoleOperatorUnlock', routes.consoleOperatorUnlock, async ({ params, operator, now }) => operatorRow(await unlockOperator(params.operatorId, operator, now)));

const activationStart = defineConsoleRoute('consoleActivationStart', routes.consoleActivationStart, ({ body, now }) => startActivation(body.login, body.activationCode, now));

const activationComplete = defineConsoleRoute('consoleActivationComplete', routes.consoleActivationComplete, ({ body, now }) =>
  completeActivation(body.enrolmentId, body.password, body.code, now),
);

export const handler = lambda([list, create, roles, deactivate, activationCode, totpReset, unlock, activationStart, activationComplete]);
