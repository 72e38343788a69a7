// The operations console (运营中台): operators' sign-in (password, then a TOTP code), sign-out and
// who is signed in. Its own function, so the customers' functions bundle none of it.
import { consoleRoutes } from '../contract/console-routes.js';
import type { OperatorView } from '../contract/console-schemas.js';
import { beginSignIn, completeSignIn, type ConsoleOperator, signOut } from '../services/operators.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const operatorView = ({ operatorId, login, displayName, roles, permissions }: ConsoleOperator): OperatorView => ({ operatorId, login, displayName, roles, permissions });

const signIn = defineConsoleRoute('consoleSignIn', consoleRoutes.consoleSignIn, ({ body, now }) => beginSignIn(body.login, body.password, now));

const signInTotp = defineConsoleRoute('consoleSignInTotp', consoleRoutes.consoleSignInTotp, async ({ body, now }) => {
  const session = await completeSignIn(body.challengeId, body.code, now);
  return { accessToken: session.accessToken, expiresAt: session.expiresAt, operator: operatorView(session.operator) };
});

const signOutRoute = defineConsoleRoute('consoleSignOut', consoleRoutes.consoleSignOut, async ({ operator }) => {
  await signOut(operator);
  return { signedOut: true as const };
});

const me = defineConsoleRoute('consoleMe', consoleRoutes.consoleMe, async ({ operator }) => operatorView(operator));

export const handler = lambda([signIn, signInTotp, signOutRoute, me]);
