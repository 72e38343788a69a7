// Codes the WeChat simulator accepts, for the H5 build that has no wx.login. Answers 404 unless
// the simulator is configured, so a real deployment never mints sign-in codes.
import { SIMULATOR_LOGIN_PREFIX, SIMULATOR_PHONE_PREFIX } from '../adapters/simulators/wechat.js';
import { config } from '../config.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { refuse } from '../domain/errors.js';
import { defineRoute, lambda } from './route.js';

function assertSimulator(): void {
  if (config().WECHAT_MODE !== 'simulator') refuse('not_found', 'NOT_FOUND', '请求的资源不存在');
}

const loginCode = defineRoute('simLoginCode', routes.simLoginCode, async ({ body }) => {
  assertSimulator();
  return { code: SIMULATOR_LOGIN_PREFIX + body.user };
});

const phoneCode = defineRoute('simPhoneCode', routes.simPhoneCode, async ({ body }) => {
  assertSimulator();
  return { code: SIMULATOR_PHONE_PREFIX + body.phone };
});

export const handler = lambda([loginCode, phoneCode]);
