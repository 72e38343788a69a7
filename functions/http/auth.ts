// Sign-in with WeChat, token refresh and sign-out.
import { coreRoutes as routes } from '../contract/core-routes.js';
import * as auth from '../services/auth.js';
import { defineRoute, lambda } from './route.js';
import { meView } from './views.js';

function signedInView({ profile, ...tokens }: auth.SignedIn, now: Date) {
  return { ...tokens, me: meView(profile.customer, profile.account, now) };
}

const signIn = defineRoute('signIn', routes.signIn, async ({ body, now }) => signedInView(await auth.signIn(body.code, body.deviceId, now), now));

const refresh = defineRoute('refresh', routes.refresh, async ({ body, now }) => signedInView(await auth.refresh(body.refreshToken, now), now));

const signOut = defineRoute('signOut', routes.signOut, async ({ body }) => {
  await auth.signOut(body.refreshToken);
  return { ok: true as const };
});

export const handler = lambda([signIn, refresh, signOut]);
