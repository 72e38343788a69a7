// The signed-in customer: profile, phone binding, real-name verification and payment PIN.
import { coreRoutes as routes } from '../contract/core-routes.js';
import * as customers from '../services/customers.js';
import { defineRoute, lambda } from './route.js';
import { meView } from './views.js';

const me = defineRoute('me', routes.me, async ({ customerId, now }) => {
  const { customer, account } = await customers.profile(customerId);
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

const pin = defineRoute('setPin', routes.setPin, async ({ customerId, body, now }) => {
  const { customer, account } = await customers.setPin(customerId, body.pin, body.currentPin, now);
  return meView(customer, account, now);
});

export const handler = lambda([me, phone, realName, pin]);
