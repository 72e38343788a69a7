// 挂失: signed in in one step; signed out, and its lift, through the identity check.
import { lossReportRoutes as routes } from '../contract/loss-report-routes.js';
import { liftLoss, reportLoss, reportLossByIdentity, sendLossCode } from '../services/loss-report.js';
import { defineRoute, lambda } from './route.js';

const report = defineRoute('lossReport', routes.lossReport, ({ customerId, tokenIssuedAtMs, body, now }) => reportLoss(customerId, tokenIssuedAtMs, body.lost, now));

const code = defineRoute('lossCode', routes.lossCode, ({ body: { action, ...answers }, now }) => sendLossCode(answers, action, now));

const reportByIdentity = defineRoute('lossReportByIdentity', routes.lossReportByIdentity, ({ body: { lost, ...answers }, now }) => reportLossByIdentity(answers, lost, now));

const lift = defineRoute('lossLift', routes.lossLift, ({ body, now }) => liftLoss(body, now));

export const handler = lambda([report, code, reportByIdentity, lift]);
