// Codes the WeChat simulator accepts, for the H5 build that has no wx.login, a SOTER result signed
// by a simulated phone, the texts the SMS simulator kept instead of sending, and the codes of the
// demo operators' authenticator app. Refused as not found unless the simulator is configured and
// bundled, so a real deployment never mints sign-in codes nor shows messages (and its bundle
// holds no simulator code at all).
import { authenticatorSimulator, smsGatewaySimulator, wechatSimulator } from '../adapters/simulated.js';
import { config } from '../config.js';
import type { SimulatorSmsOutbox } from '../contract/pin-reset-schemas.js';
import type { SimulatorSoterResult } from '../contract/second-factor-schemas.js';
import { refuse } from '../domain/errors.js';
import { loadCustomer } from './customer-guards.js';

const notFound = () => refuse('not_found', 'NOT_FOUND', '请求的资源不存在');

async function simulator() {
  if (config().WECHAT_MODE !== 'simulator' || !wechatSimulator) return notFound();
  return wechatSimulator();
}

export async function simulatorLoginCode(user: string): Promise<string> {
  return (await simulator()).SIMULATOR_LOGIN_PREFIX + user;
}

export async function simulatorPhoneCode(phone: string): Promise<string> {
  return (await simulator()).SIMULATOR_PHONE_PREFIX + phone;
}

/** What the simulated phone received, newest first. */
export async function simulatorSmsMessages(phone: string): Promise<SimulatorSmsOutbox['messages']> {
  if (config().SMS_GATEWAY_MODE !== 'simulator' || !smsGatewaySimulator) return notFound();
  return (await smsGatewaySimulator()).simulatorSmsOutbox(phone);
}

/** What the signed-in customer's simulated phone answers wx.startSoterAuthentication with for
 *  `challenge` (a fingerprint), signed with that phone's own key. */
export async function simulatorSoterResult(customerId: string, challenge: string): Promise<SimulatorSoterResult> {
  const wechat = await simulator();
  const { openid } = await loadCustomer(customerId);
  return { authMode: 'fingerPrint', ...wechat.simulatorSoterResult(config().WECHAT_APPID, openid, challenge) };
}

/** The code a demo operator's authenticator app shows now (local demo operators only: their
 *  secrets are derived, adapters/simulators/authenticator.ts); not found for any other login. */
export async function simulatorConsoleTotp(login: string, now: Date): Promise<string> {
  if (config().WECHAT_MODE !== 'simulator' || !authenticatorSimulator) return notFound();
  return (await authenticatorSimulator()).demoTotpCode(login, now) ?? notFound();
}
