// Share posters' mini-program codes: WeChat's (real/wechat-codes.ts), or the simulator's QR image
// when WECHAT_MODE=simulator in a build that carries simulators (simulated.ts). Apart from
// wechat.ts so that only the function that draws posters bundles them.
import { config } from '../config.js';
import { realWechatCodes, type WechatCodesApi } from './real/wechat-codes.js';
import { simulated, wechatCodesSimulator } from './simulated.js';

export type { MiniProgramCode, WechatCodesApi } from './real/wechat-codes.js';

export function wechatCodes(): WechatCodesApi {
  const { WECHAT_MODE, WECHAT_APPID } = config();
  if (WECHAT_MODE === 'simulator') {
    return simulated(wechatCodesSimulator, (simulator) => simulator.simulatorWechatCodes(), { unlimitedQrCode: true });
  }
  return realWechatCodes(WECHAT_APPID);
}
