// Codes the WeChat simulator accepts, for the H5 build that has no wx.login, a simulated phone's
// SOTER result, and the texts the SMS simulator sent (404 on a real stage).
import { coreRoutes as routes } from '../contract/core-routes.js';
import { pinResetRoutes } from '../contract/pin-reset-routes.js';
import { soterRoutes } from '../contract/soter-routes.js';
import { simulatorLoginCode, simulatorPhoneCode, simulatorSmsMessages, simulatorSoterResult } from '../services/simulator-codes.js';
import { defineRoute, lambda } from './route.js';

const loginCode = defineRoute('simLoginCode', routes.simLoginCode, async ({ body }) => ({ code: await simulatorLoginCode(body.user) }));

const phoneCode = defineRoute('simPhoneCode', routes.simPhoneCode, async ({ body }) => ({ code: await simulatorPhoneCode(body.phone) }));

const smsMessages = defineRoute('simSmsMessages', pinResetRoutes.simSmsMessages, async ({ query }) => ({ messages: await simulatorSmsMessages(query.phone) }));

const soterResult = defineRoute('simSoterResult', soterRoutes.simSoterResult, async ({ customerId, body }) => simulatorSoterResult(customerId, body.challenge));

export const handler = lambda([loginCode, phoneCode, smsMessages, soterResult]);
