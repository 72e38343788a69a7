// 个人信息与隐私: what is held and why, the optional consents, correcting a saved payee's name, and
// a request to delete (services/privacy.ts). The copy of the data is the documents function's.
import { privacyRoutes as routes } from '../contract/privacy-routes.js';
import * as privacy from '../services/privacy.js';
import { defineRoute, lambda } from './route.js';

const summary = defineRoute('privacySummary', routes.privacySummary, ({ customerId, tokenIssuedAtMs }) => privacy.privacySummary(customerId, tokenIssuedAtMs));

const consents = defineRoute('consents', routes.consents, ({ customerId }) => privacy.consents(customerId));

const setConsent = defineRoute('setConsent', routes.setConsent, ({ customerId, body, now }) => privacy.setConsent(customerId, body.kind, body.granted, now));

const payeeNickname = defineRoute('payeeNickname', routes.payeeNickname, ({ customerId, params, body, now }) =>
  privacy.correctPayeeNickname(customerId, params.payeeId, body.nickname, now),
);

const deletionRequest = defineRoute('deletionRequest', routes.deletionRequest, ({ customerId }) => privacy.requestDeletion(customerId));

export const handler = lambda([summary, consents, setConsent, payeeNickname, deletionRequest]);
