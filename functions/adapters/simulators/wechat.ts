// WeChat's simulator, the offline default (local stage and tests only; see ../simulated.ts):
// sign-in and phone codes name a simulated user, and subscription messages are accepted.
import { createHash } from 'node:crypto';
import type { WechatApi } from '../real/wechat.js';

export const SIMULATOR_LOGIN_PREFIX = 'sim-login.';
export const SIMULATOR_PHONE_PREFIX = 'sim-phone.';

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
    async sendSubscribeMessage() {
      return true;
    },
  };
}
