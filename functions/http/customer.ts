// The signed-in customer: profile, phone binding, real-name verification and payment PIN.
import { wechat } from '../adapters/wechat.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { assertReadyFor, validateRealName } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/masking.js';
import { assertPinStrongEnough } from '../domain/pin.js';
import { businessDate } from '../domain/time.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { bindPhone, savePinHash, setRealName } from '../store/customers.js';
import { recordCustomerEvent } from '../services/customer-events.js';
import { hashPin } from '../store/pin-hash.js';
import { loadCustomer, onboardingState, requirePin } from '../services/customer-guards.js';
import { defineRoute, lambda } from './route.js';
import { meView } from './views.js';

const me = defineRoute('me', routes.me, async ({ customerId, now }) => meView(await loadCustomer(customerId), now));

const phone = defineRoute('bindPhone', routes.bindPhone, async ({ customerId, body, now }) => {
  const phoneNumber = await wechat().phoneNumber(body.code);
  if (!phoneNumber) return refuse('invalid', 'PHONE_CODE_INVALID', '手机号授权已失效，请重试');
  await bindPhone(customerId, {
    hash: await lookupHash('phone', phoneNumber),
    enc: await encrypt(phoneNumber),
    masked: maskPhone(phoneNumber),
  });
  return meView(await loadCustomer(customerId), now);
});

const realName = defineRoute('realName', routes.realName, async ({ customerId, body, now }) => {
  const customer = await loadCustomer(customerId);
  assertReadyFor('realName', onboardingState(customer));
  if (customer.realNameVerifiedAt) return refuse('conflict', 'ALREADY_VERIFIED', '已完成实名认证');
  const { idNumber } = validateRealName(body.idNumber, businessDate(now));
  await setRealName(
    customerId,
    {
      idHash: await lookupHash('id', idNumber),
      nameEnc: await encrypt(body.name),
      nameMasked: maskName(body.name),
      idNumberEnc: await encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
    },
    now,
  );
  await recordCustomerEvent({ customerId, kind: 'REAL_NAME_VERIFIED', at: now.toISOString(), ref: customerId });
  return meView(await loadCustomer(customerId), now);
});

const pin = defineRoute('setPin', routes.setPin, async ({ customerId, body, now }) => {
  const customer = await loadCustomer(customerId);
  assertReadyFor('setPin', onboardingState(customer));
  if (customer.pinHash) {
    if (!body.currentPin) return refuse('invalid', 'CURRENT_PIN_REQUIRED', '修改支付密码需要输入原密码');
    await requirePin(customer, body.currentPin, now);
  }
  const { birthDate } = validateRealName(await decrypt(customer.idNumberEnc!), businessDate(now));
  assertPinStrongEnough(body.pin, birthDate);
  await savePinHash(customerId, await hashPin(body.pin), customer.pinHash);
  return meView(await loadCustomer(customerId), now);
});

export const handler = lambda([me, phone, realName, pin]);
