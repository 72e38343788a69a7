// WeChat's simulator, the offline default (local stage and tests only; see ../simulated.ts):
// sign-in and phone codes name a simulated user, subscription messages are accepted and kept (in
// this process: tests read them), and each simulated user's phone has a SOTER key of its own that
// signs fingerprint results.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WechatApi } from '../real/wechat.js';

export const SIMULATOR_LOGIN_PREFIX = 'sim-login.';
export const SIMULATOR_PHONE_PREFIX = 'sim-phone.';

/** The SOTER key of a simulated user's phone. (A real one is an RSA key in the phone's TEE whose
 *  public half WeChat holds; a keyed MAC stands in for it, checked only by this simulator.) */
const soterKey = (appid: string, openid: string) => createHash('sha256').update(`jinlin-soter-simulator:${appid}:${openid}`).digest();

const soterSignature = (appid: string, openid: string, jsonString: string) => createHmac('sha256', soterKey(appid, openid)).update(jsonString).digest('base64');

/** What the simulated phone of `openid` answers wx.startSoterAuthentication with for `challenge`:
 *  a resultJSON with WeChat's fields around it, signed by that phone's key. */
export function simulatorSoterResult(appid: string, openid: string, challenge: string): { resultJson: string; resultJsonSignature: string } {
  const resultJson = JSON.stringify({
    raw: challenge,
    fid: '1',
    counter: Date.now(),
    tee_n: 'Jinlin Simulated TEE',
    tee_v: '1.0',
    fp_n: 'Jinlin Simulated Sensor',
    fp_v: '1.0',
    cpu_id: createHash('sha256').update(`cpu:${openid}`).digest('hex').slice(0, 16),
    uid: '10086',
  });
  return { resultJson, resultJsonSignature: soterSignature(appid, openid, resultJson) };
}

export interface SimulatedSubscribeMessage {
  templateId: string;
  page: string;
  data: Record<string, string>;
}

const subscribeMessages = new Map<string, SimulatedSubscribeMessage[]>();

/** The subscription messages sent to a user, oldest first: every send, so a test sees a second one. */
export function simulatorSubscribeMessages(openid: string): readonly SimulatedSubscribeMessage[] {
  return subscribeMessages.get(openid) ?? [];
}

export function simulatorWechat(appid: string): WechatApi {
  const openidFor = (seed: string) =>
    'o' + createHash('sha256').update(`${appid}:${seed}`).digest('base64url').slice(0, 27);
  return {
    async code2Session(code) {
      // Simulator codes name a simulated user; a code from a real wx.login (DevTools pointed at
      // a local backend) maps to a user of its own.
      const seed = code.startsWith(SIMULATOR_LOGIN_PREFIX) ? code.slice(SIMULATOR_LOGIN_PREFIX.length) : `code:${code}`;
      if (seed.length === 0) return undefined;
      return { openid: openidFor(seed) };
    },
    async phoneNumber(code) {
      if (!code.startsWith(SIMULATOR_PHONE_PREFIX)) return undefined;
      const phone = code.slice(SIMULATOR_PHONE_PREFIX.length);
      return /^1[3-9]\d{9}$/.test(phone) ? phone : undefined;
    },
    async sendSubscribeMessage({ openid, templateId, page, data }) {
      subscribeMessages.set(openid, [...simulatorSubscribeMessages(openid), { templateId, page, data }]);
      return true;
    },
    async verifySoterSignature({ openid, jsonString, jsonSignature }) {
      const expected = Buffer.from(soterSignature(appid, openid, jsonString), 'base64');
      const given = Buffer.from(jsonSignature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
