// Sign-in with WeChat, token refresh and sign-out.
import { coreRoutes as routes } from '../contract/core-routes.js';
import * as auth from '../services/auth.js';
import { defineRoute, lambda } from './route.js';
import { meView } from './views.js';

function signedInView({ profile, ...tokens }: auth.SignedIn, now: Date) {
  return { ...tokens, me: meView(profile.customer, profile.account, now) };
}

const signIn = defineRoute('signIn', routes.signIn, async ({ body, sourceIp, now }) => {
  const device = { deviceId: body.deviceId, model: body.deviceModel, platform: body.devicePlatform };
  return signedInView(await auth.signIn(body.code, device, sourceIp, now), now);
});

const refresh = defineRoute('refresh', routes.refresh, async ({ body, sourceIp, now }) => signedInView(await auth.refresh(body.refreshToken, sourceIp, now), now));

const signOut = defineRoute('signOut', routes.signOut, async ({ body }) => {
  await auth.signOut(body.refreshToken);
  return { ok: true as const };
});

export const handler = lambda([signIn, refresh, signOut]);
