// 登录设备管理: the customer's sessions, signing them out, verifying a new device with a code, and
// the code that steps up a transfer (加强验证).
import { sessionRoutes as routes } from '../contract/session-routes.js';
import * as sessions from '../services/sessions.js';
import type { TokenDevice } from '../services/tokens.js';
import { defineRoute, lambda } from './route.js';

const tokenOf = ({ tokenIssuedAtMs, tokenSessionId, deviceVerified, tokenDevice }: { tokenIssuedAtMs: number; tokenSessionId: string | undefined; deviceVerified: boolean; tokenDevice: TokenDevice }) => ({
  issuedAtMs: tokenIssuedAtMs,
  sessionId: tokenSessionId,
  deviceVerified,
  deviceFirstSeenAtMs: tokenDevice.firstSeenAtMs,
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

const stepUpCode = defineRoute('stepUpCode', routes.stepUpCode, (input) => sessions.sendStepUpCode(input.customerId, tokenOf(input), input.now));

const stepUp = defineRoute('stepUp', routes.stepUp, (input) => sessions.stepUp(input.customerId, tokenOf(input), input.body.smsCode, input.now));

export const handler = lambda([list, signOut, signOutOthers, code, verify, stepUpCode, stepUp]);
