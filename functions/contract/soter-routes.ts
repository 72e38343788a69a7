// Routes of SOTER (指纹/面容支付, WeChat's biometric authentication): enrolling with the PIN,
// revoking, and the WeChat simulator's signed result for a challenge (local stages only).
import type { RouteSpec } from './route-spec.js';
import * as s from './schemas.js';
import * as sf from './second-factor-schemas.js';

export const soterRoutes = {
  soterEnrol: {
    method: 'POST',
    path: '/v1/me/soter',
    summary: 'Enrol fingerprint or face (SOTER) as the second factor of payments, confirmed with the PIN',
    auth: 'customer',
    idempotent: false,
    secondFactor: 'required',
    body: sf.SoterEnrolRequest,
    response: s.Me,
  },
  soterRevoke: {
    method: 'POST',
    path: '/v1/me/soter/revoke',
    summary: 'Turn fingerprint or face payments off (the PIN stays)',
    auth: 'customer',
    idempotent: false,
    response: s.Me,
  },
  simSoterResult: {
    method: 'POST',
    path: '/v1/sim/wechat/soter',
    summary: "Simulator: what the signed-in customer's phone answers wx.startSoterAuthentication with for a challenge",
    auth: 'customer',
    idempotent: false,
    body: sf.SimulatorSoterRequest,
    response: sf.SimulatorSoterResult,
    simulatorOnly: true,
  },
} as const satisfies Record<string, RouteSpec>;
