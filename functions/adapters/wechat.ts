// WeChat's server API as the bank uses it: the real one (real/wechat.ts), or the simulator when
// WECHAT_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { realWechat, type WechatApi } from './real/wechat.js';
import { simulated, wechatSimulator } from './simulated.js';

export type { WechatApi, WechatSession } from './real/wechat.js';

export function wechat(): WechatApi {
  const { WECHAT_MODE, WECHAT_APPID } = config();
  if (WECHAT_MODE === 'simulator') {
    return simulated(wechatSimulator, (simulator) => simulator.simulatorWechat(WECHAT_APPID), { code2Session: true, phoneNumber: true, sendSubscribeMessage: true, verifySoterSignature: true });
  }
  return realWechat(WECHAT_APPID);
}
