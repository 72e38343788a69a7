// The operations console (运营中台): operators' sign-in (password, then a TOTP code), sign-out, who
// is signed in, and the audit log. Its own function, so the customers' functions bundle none of it.
import { consoleRoutes } from '../contract/console-routes.js';
import { AUDIT_PAGE_DEFAULT_ENTRIES, type OperatorView } from '../contract/console-schemas.js';
import { verifyAudit } from '../services/audit.js';
import { auditLogPage } from '../services/audit-log.js';
import { beginSignIn, completeSignIn, type ConsoleOperator, signOut } from '../services/operators.js';
import { auditPageView, auditVerificationView } from './audit-views.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const operatorView = ({ operatorId, login, displayName, roles, permissions }: ConsoleOperator): OperatorView => ({ operatorId, login, displayName, roles, permissions });

const signIn = defineConsoleRoute('consoleSignIn', consoleRoutes.consoleSignIn, ({ body, now }) => beginSignIn(body.login, body.password, now));

const signInTotp = defineConsoleRoute('consoleSignInTotp', consoleRoutes.consoleSignInTotp, async ({ body, now }) => {
  const session = await completeSignIn(body.challengeId, body.code, now);
  return { accessToken: session.accessToken, expiresAt: session.expiresAt, operator: operatorView(session.operator) };
});

const signOutRoute = defineConsoleRoute('consoleSignOut', consoleRoutes.consoleSignOut, async ({ operator, now }) => {
  await signOut(operator, now);
  return { signedOut: true as const };
});

const me = defineConsoleRoute('consoleMe', consoleRoutes.consoleMe, async ({ operator }) => operatorView(operator));

const auditPage = defineConsoleRoute('consoleAuditPage', consoleRoutes.consoleAuditPage, async ({ query }) =>
  auditPageView(await auditLogPage(query.beforeSeq, query.limit ?? AUDIT_PAGE_DEFAULT_ENTRIES)),
);

const auditVerification = defineConsoleRoute('consoleAuditVerification', consoleRoutes.consoleAuditVerification, async () => auditVerificationView(await verifyAudit()));

export const handler = lambda([signIn, signInTotp, signOutRoute, me, auditPage, auditVerification]);
