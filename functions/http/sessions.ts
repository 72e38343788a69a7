// 登录设备管理: the customer's sessions, signing them out, and verifying a new device with a code.
import { sessionRoutes as routes } from '../contract/session-routes.js';
import * as sessions from '../services/sessions.js';
import { defineRoute, lambda } from './route.js';

const tokenOf = ({ tokenIssuedAtMs, tokenSessionId, deviceVerified }: { tokenIssuedAtMs: number; tokenSessionId: string | undefined; deviceVerified: boolean }) => ({
  issuedAtMs: tokenIssuedAtMs,
  sessionId: tokenSessionId,
  deviceVerified,
});

const list = defineRoute('sessions', routes.sessions, async (input) => ({ sessions: await sessions.listSessions(input.customerId, tokenOf(input), input.now) }));

const signOut = defineRoute('sessionSignOut', routes.sessionSignOut, async (input) => ({
  signedOut: await sessions.signOutSession(input.customerId, tokenOf(input), input.params.sessionId, input.now),
}));

const signOutOthers = defineRoute('sessionsSignOutOthers', routes.sessionsSignOutOthers, async (input) => ({
  signedOut: await sessions.signOutOthers(input.customerId, tokenOf(input), input.now),
}));

const code = defineRoute('deviceCode', routes.deviceCode, (input) => sessions.sendDeviceCode(input.customerId, tokenOf(input), input.now));

const verify = defineRoute('deviceVerify', routes.deviceVerify, (input) => sessions.verifyDevice(input.customerId, tokenOf(input), input.body.smsCode, input.now));

export const handler = lambda([list, signOut, signOutOthers, code, verify]);
