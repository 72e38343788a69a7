// The signed-in customer: profile, phone binding, real-name verification, payment PIN and
// 指纹/面容支付 (SOTER).
import { coreRoutes as routes } from '../contract/core-routes.js';
import { soterRoutes } from '../contract/soter-routes.js';
import * as customers from '../services/customers.js';
import * as soter from '../services/soter.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';
import { meView } from './views.js';

const me = defineRoute('me', routes.me, async ({ customerId, tokenIssuedAtMs, tokenSessionId, now }) => {
  const { customer, account } = await customers.signedInProfile(customerId, tokenIssuedAtMs, tokenSessionId);
  return meView(customer, account, now);
});

const phone = defineRoute('bindPhone', routes.bindPhone, async ({ customerId, body, now }) => {
  const { customer, account } = await customers.bindPhone(customerId, body.code);
  return meView(customer, account, now);
});

const realName = defineRoute('realName', routes.realName, async ({ customerId, body, now }) => {
  const { customer, account } = await customers.verifyRealName(customerId, body.name, body.idNumber, now);
  return meView(customer, account, now);
});

const pin = defineRoute('setPin', routes.setPin, async ({ customerId, newPin, secondFactor, now }) => {
  // The schema requires newPin, so the HTTP layer has opened it.
  const { customer, account } = await customers.setPin(customerId, { newPin: newPin!, current: secondFactor }, now);
  return meView(customer, account, now);
});

const soterEnrol = defineRoute('soterEnrol', soterRoutes.soterEnrol, async ({ customerId, body, secondFactor, now }) => {
  const { customer, account } = await soter.enrolSoter(customerId, body.authMode, secondFactor, now);
  return meView(customer, account, now);
});

const soterRevoke = defineRoute('soterRevoke', soterRoutes.soterRevoke, async ({ customerId, now }) => {
  const { customer, account } = await soter.revokeSoter(customerId);
  return meView(customer, account, now);
});

export const handler = lambda([me, phone, realName, pin, soterEnrol, soterRevoke]);
