// Codes the WeChat simulator accepts, for the H5 build that has no wx.login, a simulated phone's
// SOTER result, the texts the SMS simulator sent, and demo operators' TOTP codes (404 on a real
// stage).
import { consoleRoutes } from '../contract/console-routes.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { pinResetRoutes } from '../contract/pin-reset-routes.js';
import { soterRoutes } from '../contract/soter-routes.js';
import { simulatorConsoleTotp, simulatorLoginCode, simulatorPhoneCode, simulatorSmsMessages, simulatorSoterResult } from '../services/simulator-codes.js';
import { defineRoute, lambda } from './route.js';

const loginCode = defineRoute('simLoginCode', routes.simLoginCode, async ({ body }) => ({ code: await simulatorLoginCode(body.user) }));

const phoneCode = defineRoute('simPhoneCode', routes.simPhoneCode, async ({ body }) => ({ code: await simulatorPhoneCode(body.phone) }));

const smsMessages = defineRoute('simSmsMessages', pinResetRoutes.simSmsMessages, async ({ query }) => ({ messages: await simulatorSmsMessages(query.phone) }));

const soterResult = defineRoute('simSoterResult', soterRoutes.simSoterResult, async ({ customerId, body }) => simulatorSoterResult(customerId, body.challenge));

const consoleTotp = defineRoute('simConsoleTotp', consoleRoutes.simConsoleTotp, async ({ query, now }) => ({ code: await simulatorConsoleTotp(query.login, now) }));

export const handler = lambda([loginCode, phoneCode, smsMessages, soterResult, consoleTotp]);
