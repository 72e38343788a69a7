// 更换手机号: the codes to the old and the new phone, the change, and the phone's history.
import { phoneChangeRoutes as routes } from '../contract/phone-change-routes.js';
import type { PhoneChangeRecord } from '../store/phone-changes.js';
import { changePhone, phoneBindings, sendPhoneChangeCode } from '../services/phone-change.js';
import { defineRoute, lambda } from './route.js';

const changeView = ({ oldPhoneMasked, newPhoneMasked, changedAt, verifiedBy }: PhoneChangeRecord) => ({ oldPhoneMasked, newPhoneMasked, changedAt, verifiedBy });

const code = defineRoute('phoneChangeCode', routes.phoneChangeCode, ({ customerId, tokenIssuedAtMs, body, now }) => sendPhoneChangeCode(customerId, tokenIssuedAtMs, body, now));

const change = defineRoute('changePhone', routes.changePhone, async ({ customerId, tokenIssuedAtMs, body, now }) => {
  const done = await changePhone(customerId, tokenIssuedAtMs, body, now);
  return { phoneMasked: done.change.newPhoneMasked, change: changeView(done.change) };
});

const bindings = defineRoute('phoneBindings', routes.phoneBindings, async ({ customerId, tokenIssuedAtMs }) => {
  const { phoneMasked, changes } = await phoneBindings(customerId, tokenIssuedAtMs);
  return { phoneMasked, changes: changes.map(changeView) };
});

export const handler = lambda([code, change, bindings]);
