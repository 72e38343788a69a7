// Codes the WeChat simulator accepts, for the H5 build that has no wx.login (404 on a real stage).
import { coreRoutes as routes } from '../contract/core-routes.js';
import { simulatorLoginCode, simulatorPhoneCode } from '../services/simulator-codes.js';
import { defineRoute, lambda } from './route.js';

const loginCode = defineRoute('simLoginCode', routes.simLoginCode, async ({ body }) => ({ code: await simulatorLoginCode(body.user) }));

const phoneCode = defineRoute('simPhoneCode', routes.simPhoneCode, async ({ body }) => ({ code: await simulatorPhoneCode(body.phone) }));

export const handler = lambda([loginCode, phoneCode]);
