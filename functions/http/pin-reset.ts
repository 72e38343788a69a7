// 忘记支付密码: send the code to the bound phone; reset the PIN with the four answers.
import { pinResetRoutes as routes } from '../contract/pin-reset-routes.js';
import { completePinReset, startPinReset } from '../services/pin-reset.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

const code = defineRoute('pinResetCode', routes.pinResetCode, ({ customerId, now }) => startPinReset(customerId, now));

const reset = defineRoute('pinReset', routes.pinReset, ({ customerId, body, newPin, now }) =>
  completePinReset(customerId, { realName: body.realName, idNumber: body.idNumber, cardNumber: body.cardNumber, smsCode: body.smsCode }, newPin, now),
);

export const handler = lambda([code, reset]);
