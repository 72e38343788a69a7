// Codes the WeChat simulator accepts, for the H5 build that has no wx.login. Refused as not
// found unless the simulator is configured and bundled, so a real deployment never mints
// sign-in codes (and its bundle holds no simulator code at all).
import { wechatSimulator } from '../adapters/simulated.js';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';

async function simulator() {
  if (config().WECHAT_MODE !== 'simulator' || !wechatSimulator) return refuse('not_found', 'NOT_FOUND', '请求的资源不存在');
  return wechatSimulator();
}

export async function simulatorLoginCode(user: string): Promise<string> {
  return (await simulator()).SIMULATOR_LOGIN_PREFIX + user;
}

export async function simulatorPhoneCode(phone: string): Promise<string> {
  return (await simulator()).SIMULATOR_PHONE_PREFIX + phone;
}
